/**
 * Every page on a 360 × 740 phone, read anonymously and signed in (a NATO secretariat
 * administrator, who sees the administration and audit pages too): none may scroll sideways.
 * Also the map's list view and its keyboard use, and dates in links that cannot be shown.
 *
 * Screenshots go to PHONE_SCREENS (default: the system's temporary folder), never the repo.
 */
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  noSidewaysScroll,
  openPage,
  screenshots,
  sidewaysOverflow,
  startBrowserTest,
  stopBrowserTest,
} from "../support/browser.ts";
import type { TestConcord } from "../support/concord.ts";
import { signInAs, type Person } from "../support/people.ts";

const screens = process.env.PHONE_SCREENS ?? path.join(os.tmpdir(), "concord-phone-screens");
const shoot = screenshots(screens);
const PHONE = { width: 360, height: 740 };

let concord: TestConcord;
let browser: Browser;
let admin: Person;
let relationId: number;
let openId: number;
let france: Person;

beforeAll(async () => {
  ({ concord, browser } = await startBrowserTest());
  admin = await signInAs(concord, { organization: "NATO", role: "secretariat-admin", name: "Amelia Administrator" });
  const members = await (await fetch(`${concord.baseUrl}/api/v1/organizations/NATO/members?at=2020-01-01`)).json();
  relationId = members.members[0].relationId;
  // Pages with data in them, as people meet them: an open proposal with positions and a long
  // statement, delegations and accounts with long names and addresses.
  const staff = await signInAs(concord, {
    organization: "NATO",
    role: "secretariat-staff",
    name: "Maximiliana Konstantinopoulou-Vandenberghe",
  });
  france = await signInAs(concord, {
    organization: "NATO",
    role: "delegation-head",
    state: "FRA",
    name: "Claire Martin",
  });
  const germany = await signInAs(concord, {
    organization: "NATO",
    role: "delegation-head",
    state: "DEU",
    name: "Jonas Weber",
  });
  await signInAs(concord, {
    organization: "NATO",
    role: "delegation-member",
    state: "GBR",
    name: "Ffion Llewellyn-Pritchard",
  });
  const opened = await staff.send("POST", "/api/v1/proposals", {
    body: "nato-nac",
    title: "Enhanced dialogue with partners in the Indo-Pacific on cyber-defence interoperability",
    text: "The Council **agrees** to open an enhanced dialogue: https://www.nato.int/cps/en/natohq/topics_49188.htm?selectedLocale=en",
  });
  openId = opened.body.proposal.id;
  await germany.send("POST", `/api/v1/proposals/${openId}/positions`, {
    position: "amend",
    statement:
      "Replace goal 4 with a reference to cyber defence (Supercalifragilisticexpialidocious-interoperability).",
  });
  await france.send("POST", `/api/v1/proposals/${openId}/positions`, { position: "concur" });
}, 180_000);

afterAll(() => stopBrowserTest({ concord, browser }), 60_000);

async function openPhone(pathAndQuery: string, person?: Person, locale = "en-GB"): Promise<Page> {
  const { page } = await openPage(browser, concord.baseUrl + pathAndQuery, {
    ...PHONE,
    locale,
    hasTouch: true,
    ...(person ? { cookie: person.cookie } : {}),
  });
  return page;
}

/** The page has its heading and nothing in it is still loading. */
async function settled(page: Page): Promise<void> {
  await page.locator("main h1").first().waitFor();
  await page.waitForFunction(
    () => !document.querySelector('main .spinner, main [aria-busy="true"], main [role="status"] .spinner'),
    undefined,
    { timeout: 20_000 },
  );
}

/** What sticks out on the right: the innermost elements past the viewport's edge, to name in a failure. */
const culprits = (page: Page) =>
  page.evaluate(() => {
    const edge = document.documentElement.clientWidth;
    // An element past the edge, or one whose text (a long word, an address) runs out of its box.
    const sticksOut = (element: Element) =>
      element.getBoundingClientRect().right > edge + 0.5 ||
      (element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX === "visible");
    const out = [...document.querySelectorAll("body *")].filter(
      (element) => sticksOut(element) && ![...element.children].some(sticksOut),
    );
    return out.slice(0, 5).map((element) => {
      const classes = element.getAttribute("class");
      return `${element.tagName.toLowerCase()}${classes ? `.${classes.split(/\s+/).join(".")}` : ""} (${Math.round(element.getBoundingClientRect().right - edge)} px)`;
    });
  });

describe("on a 360 px phone", () => {
  test("no page scrolls sideways, anonymous or signed in", { timeout: 300_000 }, async () => {
    const pages: [string, string][] = [
      ["map", "/"],
      ["organisation", "/organizations/NATO?at=2020-01-01"],
      ["actor", "/actors/COL?at=2020-01-01"],
      ["relation", `/relations/${relationId}`],
      ["proposals", "/proposals?status=closed"],
      ["proposal", "/proposals/1"],
      ["open proposal", `/proposals/${openId}`],
      ["search", "/search?q=colombia"],
      ["sign-in", "/sign-in"],
      ["not found", "/no-such-page"],
    ];
    const signedInOnly: [string, string][] = [
      ["account", "/account"],
      ["admin accounts", "/admin/accounts"],
      ["admin delegations", "/admin/delegations"],
      ["audit", "/audit"],
    ];
    const measured: { who: string; name: string; overflow: number; culprits: string[] }[] = [];
    for (const [who, person, list] of [
      ["anonymous", undefined, pages],
      ["signed in", admin, [...pages.filter(([name]) => name !== "sign-in"), ...signedInOnly]],
      ["delegation", france, [...pages.filter(([name]) => name !== "sign-in"), ["account", "/account"]]],
    ] as const) {
      for (const [name, address] of list) {
        const page = await openPhone(address, person);
        await settled(page);
        const overflow = await sidewaysOverflow(page);
        measured.push({ who, name, overflow, culprits: overflow > 0 ? await culprits(page) : [] });
        await shoot(page, `${who.replace(" ", "-")}-${name.replace(" ", "-")}`);
        await page.context().close();
      }
    }
    console.log(
      measured
        .map((m) => `${m.who.padEnd(10)} ${m.name.padEnd(18)} ${m.overflow} px ${m.culprits.join(", ")}`)
        .join("\n"),
    );
    expect(measured.filter((m) => m.overflow > 0)).toEqual([]);
  });

  test("the map has a list view: each state a link, reachable by keyboard, with its relation", async () => {
    const page = await openPhone("/?org=NATO&at=2020-01-01");
    await settled(page);
    const listToggle = page.getByRole("button", { name: "List", exact: true });
    await listToggle.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => listToggle.getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => page.locator(".map-column").isVisible()).toBe(false);
    expect(page.url()).toContain("view=list");
    const link = page.locator('.list-column a[href^="/actors/FRA"]');
    await expect.poll(() => link.count()).toBe(1);
    await shoot(page, "map-list-view");
    await link.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/actors\/FRA/);
    await page.goBack();
    await page.getByRole("button", { name: "Map", exact: true }).click();
    await expect.poll(() => page.locator(".map-column").isVisible()).toBe(true);
    await noSidewaysScroll(page, "the map after the list view");
    await page.context().close();
  });

  test("an organisation without relations yet is said so plainly", async () => {
    const page = await openPhone("/?org=BRICS&at=2020-01-01");
    await settled(page);
    await expect.poll(() => page.locator("main").textContent()).toContain("No relations recorded yet for");
    await page.screenshot({ path: path.join(screens, "map-brics.png") });
    await page.context().close();
  });

  test("a date in a link that cannot be shown is refused with a message naming it and the range", async () => {
    for (const [at, words] of [
      ["1800-01-01", "outside the registry's range"],
      ["2004-13-45", "is not a calendar date"],
    ] as const) {
      const page = await openPhone(`/organizations/NATO?at=${at}`);
      await settled(page);
      const alert = page.getByTestId("date-refused");
      await expect.poll(() => alert.textContent()).toContain(at);
      expect(await alert.textContent()).toContain(words);
      expect(await alert.textContent()).toContain("1 January 1949");
      await page.screenshot({ path: path.join(screens, `date-refused-${at}.png`) });
      await page.context().close();
    }
    const spanish = await openPhone("/actors/COL?at=3000-01-01", undefined, "es-ES");
    await settled(spanish);
    await expect.poll(() => spanish.getByTestId("date-refused").textContent()).toContain("3000-01-01");
    await spanish.context().close();
  });
});
