/**
 * States that say what happened, and confirmations before what cannot be taken back, in a real
 * browser against a real server: a broken silence announced with who, when and why and what comes
 * next (in the four languages), silent members counted as agreeing, a statement asked for before
 * it is sent, confirmations that name their effect (cancel changes nothing, confirm acts), and a
 * delegation head landing on what waits for its position, deadlines first.
 *
 * Screenshots go to CONCORD_SHOTS (default: the system's temporary folder), never the repo.
 */
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  noSidewaysScroll,
  openPage,
  type OpenedPage,
  screenshots,
  signInThroughPage,
  startBrowserTest,
  stopBrowserTest,
} from "../support/browser.ts";
import type { TestConcord } from "../support/concord.ts";
import { signInAs, type Person } from "../support/people.ts";

const shoot = screenshots(process.env.CONCORD_SHOTS ?? path.join(os.tmpdir(), "concord-proposal-states-screens"));
/** The password `signInAs` gives every account (test/support/people.ts). */
const PASSWORD = "a long enough secret";

let concord: TestConcord;
let browser: Browser;
let baseUrl: string;
let secretariat: Person;
let germany: Person;
let france: Person;

beforeAll(async () => {
  ({ concord, browser } = await startBrowserTest());
  baseUrl = concord.baseUrl;
  secretariat = await signInAs(concord, { organization: "NATO", role: "secretariat-staff", name: "Sam Secretariat" });
  germany = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "DEU", name: "Jonas" });
  france = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "FRA", name: "Claire" });
}, 180_000);

afterAll(() => stopBrowserTest({ concord, browser }), 60_000);

/** A browser signed in as `person` (or nobody), on `pathAndQuery`, collecting script and console errors and failed requests. */
function openAs(
  person: Person | null,
  pathAndQuery: string,
  options: { width?: number; locale?: string } = {},
): Promise<OpenedPage> {
  return openPage(browser, baseUrl + pathAndQuery, {
    height: 900,
    ...options,
    timezoneId: "Europe/Brussels",
    allConsoleErrors: true,
    failedResponses: true,
    ...(person ? { cookie: person.cookie } : {}),
  });
}

async function open(by: Person, body: Record<string, unknown>): Promise<number> {
  const answer = await by.send("POST", "/api/v1/proposals", body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.proposal.id as number;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const squash = (text: string | null) => (text ?? "").replace(/\s+/g, " ").trim();
const gridRow = (page: Page, state: string) => page.locator(`[data-testid="grid"] tr[data-state="${state}"]`);
const dialog = (page: Page) => page.getByRole("alertdialog");

/** A moment as the pages write it (shared.tsx formatMoment), in the browser's own Intl. */
function moment(page: Page, iso: string, lang: string): Promise<string> {
  return page.evaluate(
    ([at, locale]) =>
      new Intl.DateTimeFormat(locale, {
        day: "numeric",
        month: "short",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        timeZoneName: "short",
      }).format(new Date(at as string)),
    [iso, lang === "en" ? "en-GB" : lang],
  );
}

describe("proposal states and confirmations", () => {
  test("breaking silence: the statement is asked for first, the break is confirmed (cancel sends nothing), then announced with what happens next, and silent members read as agreeing", async () => {
    const id = await open(secretariat, {
      body: "nato-pcsc",
      title: "Partnership goals for 2028",
      text: "The Committee agrees the partnership goals annexed.",
      deadline: inDays(3),
    });
    const statement = "Replace goal 4 with a reference to cyber defence.";
    const { context, page, errors } = await openAs(germany, `/proposals/${id}`);
    try {
      // While silence holds: open, and every member's silence already counts as agreement.
      await expect.poll(() => page.getByTestId("status").textContent()).toContain("Open");
      expect(await gridRow(page, "FRA").textContent()).toContain("Silent: agrees");
      expect(await page.getByTestId("silence-banner").count()).toBe(0);

      // The positions that must be written say so before anything is sent.
      const form = page.getByTestId("position-form");
      for (const kind of ["amend", "object", "concur-with-reservation"])
        expect(await form.locator(`#position-kind-${kind}-hint`).textContent()).toContain("Statement required");
      expect(await form.locator("#position-kind-concur-hint").textContent()).not.toContain("Statement required");
      await page.locator("#position-kind-amend").check();
      expect(await form.locator('label[for="position-statement"]').textContent()).toBe(
        "The amendment you propose (required)",
      );
      expect(await page.locator("#position-statement").getAttribute("aria-required")).toBe("true");
      expect(await page.locator("#position-statement-hint").textContent()).toContain(
        "Required: this position is sent only with a written statement.",
      );
      await form.getByRole("button", { name: "Record the position" }).click();
      await expect
        .poll(() => page.locator("#position-statement-error").textContent())
        .toContain("must be given in writing");
      expect(await dialog(page).count()).toBe(0);

      // Written: the break is confirmed first, in words naming its effect. Going back sends nothing.
      await page.locator("#position-statement").fill(statement);
      await form.getByRole("button", { name: "Record the position" }).click();
      await expect.poll(() => dialog(page).isVisible()).toBe(true);
      expect(await dialog(page).getByRole("heading").textContent()).toBe(`Break silence on proposal ${id}?`);
      const text = squash(await dialog(page).textContent());
      expect(text).toContain("cannot be adopted in this round, even if you concur later");
      expect(text).toContain("unless the chair recirculates a revised text");
      // Focus moved into the dialog, to the way out.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Go back");
      await shoot(page, "confirm-break-silence-1280");
      await dialog(page).getByRole("button", { name: "Go back" }).click();
      await expect.poll(() => dialog(page).isVisible()).toBe(false);
      // Focus returns to the button that asked; nothing was recorded.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("position-submit");
      expect((await germany.send("GET", `/api/v1/proposals/${id}`)).body.proposal.positions).toEqual([]);
      expect(await page.getByTestId("status").textContent()).toContain("Open");

      // Escape is a way out too.
      await form.getByRole("button", { name: "Record the position" }).click();
      await expect.poll(() => dialog(page).isVisible()).toBe(true);
      await page.keyboard.press("Escape");
      await expect.poll(() => dialog(page).isVisible()).toBe(false);
      expect((await germany.send("GET", `/api/v1/proposals/${id}`)).body.proposal.positions).toEqual([]);

      // Confirmed: recorded, and the page says what happened and what comes next.
      await form.getByRole("button", { name: "Record the position" }).click();
      await dialog(page).getByRole("button", { name: "Break silence" }).click();
      const banner = page.getByTestId("silence-banner");
      await expect.poll(() => banner.count(), { timeout: 10_000 }).toBe(1);
      const proposal = (await germany.send("GET", `/api/v1/proposals/${id}`)).body.proposal;
      expect(proposal.positions).toHaveLength(1);
      const castAt = proposal.positions[0].castAt as string;
      // "Silence broken by <state> on <date>: <statement>", the statement set apart as a quotation.
      expect(await banner.getByRole("heading").textContent()).toBe(
        `Silence broken by Germany on ${await moment(page, castAt, "en")}:`,
      );
      expect(await banner.locator("blockquote").textContent()).toBe(statement);
      expect(await page.getByTestId("silence-next").textContent()).toBe(
        `What happens next: the proposal will not be adopted when its deadline passes (${await moment(page, proposal.deadline, "en")}), even if the member now concurs, unless the chair recirculates a revised text before then. A recirculated text opens a new round of silence for every member.`,
      );
      expect(await page.getByTestId("status").textContent()).toContain("Silence broken");
      expect(await page.getByTestId("status").textContent()).not.toContain("Open");
      expect(await gridRow(page, "FRA").textContent()).toContain("Silent: agrees");
      expect(await gridRow(page, "FRA").textContent()).not.toContain("No position yet");
      expect(await gridRow(page, "DEU").textContent()).toContain("Broke silence");
      await shoot(page, "silence-broken-1280");

      // The list of open proposals says it too.
      await page.getByRole("link", { name: "All decisions" }).click();
      const row = page.locator(`tr[data-proposal="${id}"]`);
      await row.waitFor();
      expect(await row.getByTestId("status").textContent()).toContain("Silence broken");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }

    // The chair is told what it may do; a phone shows it all without sideways scroll.
    const chair = await openAs(secretariat, `/proposals/${id}`, { width: 360 });
    try {
      const next = chair.page.getByTestId("silence-next");
      await expect.poll(() => next.textContent()).toContain("As chair, you may recirculate a revised text");
      await noSidewaysScroll(chair.page, "a broken silence at 360 px");
      await shoot(chair.page, "silence-broken-chair-360");
      expect(chair.errors).toEqual([]);
    } finally {
      await chair.context.close();
    }

    // In every language: the banner, the status, and the silent members.
    const castAt = (await germany.send("GET", `/api/v1/proposals/${id}`)).body.proposal.positions[0].castAt as string;
    const languages = [
      {
        lang: "en",
        locale: "en-GB",
        banner: "Silence broken by Germany on",
        status: "Silence broken",
        silent: "Silent: agrees",
      },
      {
        lang: "es",
        locale: "es-ES",
        banner: "Silencio roto por Alemania el",
        status: "Silencio roto",
        silent: "En silencio: de acuerdo",
      },
      {
        lang: "pt",
        locale: "pt-PT",
        banner: "Silêncio quebrado por Alemanha em",
        status: "Silêncio quebrado",
        silent: "Em silêncio: de acordo",
      },
      {
        lang: "fr",
        locale: "fr-FR",
        banner: "Silence rompu par Allemagne le",
        status: "Silence rompu",
        silent: "Silencieux : d’accord",
      },
    ];
    for (const { lang, locale, banner, status, silent } of languages) {
      const reader = await openAs(france, `/proposals/${id}`, { locale, width: lang === "fr" ? 360 : 1280 });
      try {
        const shown = reader.page.getByTestId("silence-banner");
        await expect.poll(() => shown.count(), { timeout: 10_000 }).toBe(1);
        expect(await reader.page.evaluate(() => document.documentElement.lang)).toBe(lang);
        expect(await shown.getByRole("heading").textContent()).toBe(
          `${banner} ${await moment(reader.page, castAt, lang)}:`,
        );
        expect(await shown.locator("blockquote").textContent()).toBe(statement);
        expect(await reader.page.getByTestId("status").textContent()).toContain(status);
        expect(await gridRow(reader.page, "ITA").textContent()).toContain(silent);
        if (lang === "fr") {
          await noSidewaysScroll(reader.page, "a broken silence in French at 360 px");
          await shoot(reader.page, "silence-broken-fr-360");
        }
        expect(reader.errors).toEqual([]);
      } finally {
        await reader.context.close();
      }
    }
  }, 120_000);

  test("the chair closing early and a requesting state withdrawing are confirmed in words naming the effect: going back changes nothing, confirming closes", async () => {
    const id = await open(secretariat, {
      body: "nato-nac",
      title: "A standing group on maritime security",
      text: "The Council establishes a standing group.",
    });
    const { context, page, errors } = await openAs(secretariat, `/proposals/${id}`, { width: 360 });
    try {
      await page.getByText("Close the proposal", { exact: true }).first().click();
      await page.getByLabel("Not adopted (no consensus)").check();
      await page.locator("#close-reason").fill("No consensus in sight after three meetings.");
      await page.locator("#close-submit").click();
      await expect.poll(() => dialog(page).isVisible()).toBe(true);
      expect(await dialog(page).getByRole("heading").textContent()).toBe(`Close proposal ${id} as not adopted?`);
      expect(squash(await dialog(page).textContent())).toContain(
        "The procedure ends now for every member: no further position can be taken, the proposal is not adopted and the registry does not change.",
      );
      await noSidewaysScroll(page, "the confirmation at 360 px");
      await shoot(page, "confirm-close-360");
      await dialog(page).getByRole("button", { name: "Go back" }).click();
      await expect.poll(() => dialog(page).isVisible()).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("close-submit");
      expect((await secretariat.send("GET", `/api/v1/proposals/${id}`)).body.proposal.status).toBe("open");
      expect(await page.getByTestId("outcome").count()).toBe(0);

      await page.locator("#close-submit").click();
      await dialog(page).getByRole("button", { name: "Close as not adopted" }).click();
      await expect
        .poll(() => page.getByTestId("outcome").locator("h2").textContent(), { timeout: 10_000 })
        .toBe("Outcome: Not adopted");
      expect((await secretariat.send("GET", `/api/v1/proposals/${id}`)).body.proposal.status).toBe("not-adopted");
      expect(await page.getByTestId("status").textContent()).toContain("Not adopted");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }

    // Chile's delegation head withdraws its own request to MERCOSUR.
    const chile = await signInAs(concord, { organization: "MERCOSUR", role: "delegation-head", state: "CHL" });
    const filed = await chile.send("POST", "/api/v1/requests", {
      organization: "MERCOSUR",
      status: "member",
      text: "Chile requests to accede to the Treaty of Asunción.",
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const request = filed.body.proposal.id as number;
    const filer = await openAs(chile, `/proposals/${request}`);
    try {
      await filer.page.locator("#withdraw-reason").fill("Chile will ask again next year.");
      await filer.page.locator("#withdraw-submit").click();
      await expect.poll(() => dialog(filer.page).isVisible()).toBe(true);
      expect(await dialog(filer.page).getByRole("heading").textContent()).toBe(`Withdraw proposal ${request}?`);
      expect(squash(await dialog(filer.page).textContent())).toContain(
        "Your request is withdrawn and its procedure ends now for every member: nothing is decided and the registry does not change.",
      );
      await dialog(filer.page).getByRole("button", { name: "Go back" }).click();
      await expect.poll(() => dialog(filer.page).isVisible()).toBe(false);
      expect((await chile.send("GET", `/api/v1/proposals/${request}`)).body.proposal.status).toBe("open");
      await filer.page.locator("#withdraw-submit").click();
      await dialog(filer.page).getByRole("button", { name: "Withdraw", exact: true }).click();
      await expect
        .poll(() => filer.page.getByTestId("outcome").locator("h2").textContent(), { timeout: 10_000 })
        .toBe("Outcome: Withdrawn");
      expect(filer.errors).toEqual([]);
    } finally {
      await filer.context.close();
    }
  }, 90_000);

  test("a designating state's decision is confirmed first: going back records nothing, confirming adopts it into the registry", async () => {
    const usa = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "USA", name: "Dana" });
    const proposed = await usa.send("POST", "/api/v1/designations", {
      body: "us-president",
      designee: "CHL",
      designation: "major-non-nato-ally",
      text: "The President designates Chile a Major non-NATO ally.",
    });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    const id = proposed.body.proposal.id as number;
    const { context, page, errors } = await openAs(usa, `/proposals/${id}`);
    try {
      const form = page.getByTestId("position-form");
      await form.getByLabel("Concur", { exact: true }).check();
      await form.getByRole("button", { name: "Record the position" }).click();
      await expect.poll(() => dialog(page).isVisible()).toBe(true);
      expect(await dialog(page).getByRole("heading").textContent()).toBe(`Decide to adopt proposal ${id}?`);
      expect(squash(await dialog(page).textContent())).toContain(
        "the designation is recorded in the registry from today, citing this decision",
      );
      await shoot(page, "confirm-designation-1280");
      await dialog(page).getByRole("button", { name: "Go back" }).click();
      await expect.poll(() => dialog(page).isVisible()).toBe(false);
      const before = (await usa.send("GET", `/api/v1/proposals/${id}`)).body.proposal;
      expect(before.status).toBe("open");
      expect(before.positions).toEqual([]);

      await form.getByRole("button", { name: "Record the position" }).click();
      await dialog(page).getByRole("button", { name: "Adopt", exact: true }).click();
      const outcome = page.getByTestId("outcome");
      await expect.poll(() => outcome.locator("h2").textContent(), { timeout: 10_000 }).toBe("Outcome: Adopted");
      expect(await outcome.getByRole("link", { name: "See the change in the registry" }).count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  test("a delegation head opening the app lands on what waits for its position, deadlines first; the map is a click away; others land on the map", async () => {
    const italy = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "ITA" });
    // Opened in an order unlike their deadlines: none, far, near.
    const none = await open(secretariat, { body: "nato-nac", title: "No deadline at all", text: "Text." });
    const far = await open(secretariat, {
      body: "nato-pcsc",
      title: "Deadline in nine days",
      text: "Text.",
      deadline: inDays(9),
    });
    const near = await open(secretariat, {
      body: "nato-pcsc",
      title: "Deadline in two days",
      text: "Text.",
      deadline: inDays(2),
    });
    const order = async (page: Page) =>
      (
        await page
          .locator('[data-testid="proposals"] tbody tr')
          .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute("data-proposal"))))
      ).filter((id) => [none, far, near].includes(id));

    for (const width of [1280, 360]) {
      const { context, page, errors } = await openAs(italy, "/", { width });
      try {
        await page.waitForURL(/\/proposals\?view=needs$/);
        const tab = page
          .getByRole("navigation", { name: "Proposals" })
          .getByRole("link", { name: /Needs our position/ });
        expect(await tab.getAttribute("aria-current")).toBe("page");
        await expect.poll(() => order(page)).toEqual([near, far, none]);
        await noSidewaysScroll(page, `the landing at ${width} px`);
        await shoot(page, `landing-needs-${width}`);
        if (width === 1280) {
          // The map is where it was: the header's first link.
          await page.locator("header.site-header").getByRole("link", { name: "Map" }).click();
          await page.waitForURL(`${baseUrl}/`);
          await expect.poll(() => page.locator("h1").textContent()).toBe("Alliance map");
          expect(new URL(page.url()).pathname).toBe("/");
        }
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }

    // Signing in at the sign-in page lands there too.
    const signing = await openAs(null, "/sign-in");
    try {
      await signInThroughPage(signing.page, baseUrl, italy.email, PASSWORD);
      await signing.page.waitForURL(/\/proposals\?view=needs$/);
      await expect.poll(() => order(signing.page)).toEqual([near, far, none]);
    } finally {
      await signing.context.close();
    }

    // The secretariat, who speaks for no state, and nobody signed in: the map.
    for (const who of [secretariat, null]) {
      const { context, page } = await openAs(who, "/");
      try {
        await expect.poll(() => page.locator("h1").textContent()).toBe("Alliance map");
        expect(new URL(page.url()).pathname).toBe("/");
      } finally {
        await context.close();
      }
    }
  }, 120_000);
});
