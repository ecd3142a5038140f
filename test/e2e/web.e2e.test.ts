/**
 * The web UI in a real browser (Debian's Chromium through playwright-core) against a real
 * Concord server with the starter data, serving the built web/dist.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchChromium, openPage, type OpenedPage } from "../support/browser.ts";
import { startConcord } from "../support/concord.ts";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const screens = path.join(repo, ".tmp/screens");

/** Builds web/dist when it is missing or older than the UI's sources (as `npm start` does). */
function ensureWebBuilt(): void {
  execFileSync(process.execPath, [path.join(repo, "scripts/ensure-web-build.mjs")], { cwd: repo, stdio: "inherit" });
}

let concord: Awaited<ReturnType<typeof startConcord>>;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  ensureWebBuilt();
  concord = await startConcord();
  baseUrl = concord.baseUrl;
  browser = await launchChromium();
  fs.mkdirSync(screens, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await concord?.stop();
}, 60_000);

function open(
  pathAndQuery: string,
  options: { width?: number; height?: number; locale?: string } = {},
): Promise<OpenedPage> {
  return openPage(browser, baseUrl + pathAndQuery, options);
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screens, `${name}.png`), fullPage: true });
}

async function api<T>(pathAndQuery: string): Promise<T> {
  const response = await fetch(`${baseUrl}/api/v1${pathAndQuery}`);
  expect(response.ok).toBe(true);
  return (await response.json()) as T;
}

const memberCount = (page: Page) => page.getByTestId("count-member");
const bulgariaOnMap = (page: Page) => page.locator('svg.world-map path[data-id="100"]');
const bulgariaInMembers = (page: Page) => page.locator('.member-group[data-kind="member"] li[data-code="BGR"]');

describe("web UI", () => {
  test("moving the date changes the map and the list (NATO, 28 → 29 March 2004)", async () => {
    const { context, page, errors } = await open("/?org=NATO&at=2004-03-28");
    try {
      await expect.poll(() => memberCount(page).textContent()).toBe("19 members");
      await bulgariaOnMap(page).waitFor();
      expect(await bulgariaOnMap(page).getAttribute("data-kind")).not.toBe("member");
      expect(await bulgariaInMembers(page).count()).toBe(0);
      await shoot(page, "e2e-map-2004-03-28");

      await page.getByLabel("Date", { exact: true }).fill("2004-03-29");
      await expect.poll(() => memberCount(page).textContent()).toBe("26 members");
      await expect.poll(() => bulgariaOnMap(page).getAttribute("data-kind")).toBe("member");
      expect(await bulgariaOnMap(page).getAttribute("fill")).toBe("#1f4e89");
      await expect.poll(() => bulgariaInMembers(page).count()).toBe(1);
      expect(await bulgariaInMembers(page).locator("a").textContent()).toBe("Bulgaria");
      expect(new URL(page.url()).searchParams.get("at")).toBe("2004-03-29");
      expect(await page.locator("#date-slider").getAttribute("aria-valuetext")).toBe("29 March 2004");
      await shoot(page, "e2e-map-2004-03-29");

      // Pointing at a country names it and its relation; a click opens its page.
      await bulgariaOnMap(page).hover();
      await expect.poll(() => page.locator(".map-tooltip").textContent()).toMatch(/^Bulgaria.*Member/);
      await bulgariaOnMap(page).click();
      await page.waitForURL(/\/actors\/BGR\?at=2004-03-29$/);
      await expect.poll(() => page.locator("h1").textContent()).toContain("Bulgaria");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  test("Colombia's disputed NATO partnership shows every claim side by side", async () => {
    type Claim = { field: string; asserted: string | null; quote: string | null; source: { publisher: string } };
    const relations = await api<{ relations: { id: number; object: string; kind: string }[] }>(
      "/actors/COL/relations?at=2019-01-01",
    );
    const partnership = relations.relations.find((r) => r.object === "NATO" && r.kind === "partner");
    expect(partnership).toBeDefined();
    const detail = await api<{ relation: { certainty: string; claims: Claim[] } }>(`/relations/${partnership!.id}`);
    expect(detail.relation.certainty).toBe("disputed");
    const dialogo = detail.relation.claims.find(
      (c) => /Diálogo/.test(c.source.publisher) && c.asserted?.startsWith("2017") && c.quote,
    );
    const rt = detail.relation.claims.find(
      (c) => /^RT\b/.test(c.source.publisher) && c.asserted?.startsWith("2018") && c.quote,
    );
    expect(dialogo).toBeDefined();
    expect(rt).toBeDefined();

    // Reach the page as a person would: from Colombia's page, through its NATO relation.
    const { context, page } = await open("/actors/COL?at=2019-01-01");
    try {
      const item = page.locator(".relation-item", { hasText: "North Atlantic Treaty Organization" });
      await item.getByRole("link", { name: /Claims and sources/ }).click();
      await page.waitForURL(new RegExp(`/relations/${partnership!.id}$`));

      const banner = page.getByTestId("disputed-banner");
      await banner.waitFor();
      expect(await banner.getByRole("heading", { level: 2 }).textContent()).toBe("Sources disagree");
      // Every claim, under one card per source.
      await expect.poll(() => page.locator(".source-claim").count()).toBe(detail.relation.claims.length);
      for (const claim of [dialogo!, rt!]) {
        const quote = page.locator("blockquote", { hasText: claim.quote! });
        expect(await quote.isVisible()).toBe(true);
      }
      // The cards stand side by side: at 1280px the first two share a row.
      const [first, second] = await Promise.all([
        page.locator(".claim-card").nth(0).boundingBox(),
        page.locator(".claim-card").nth(1).boundingBox(),
      ]);
      expect(Math.abs(first!.y - second!.y)).toBeLessThan(2);
      expect(second!.x).toBeGreaterThan(first!.x + first!.width);
      // Dates that disagree with the recorded start are marked.
      expect(await page.locator(".claim-card mark.conflict-date").count()).toBeGreaterThan(0);
      await shoot(page, "e2e-relation-col-nato");
    } finally {
      await context.close();
    }
  }, 60_000);

  test("switching language changes the interface, <html lang> and country names", async () => {
    const { context, page } = await open("/?org=NATO&at=2024-06-01");
    try {
      await expect.poll(() => memberCount(page).textContent()).toBe("32 members");
      expect(await page.locator("html").getAttribute("lang")).toBe("en");

      await page.getByLabel("Language").selectOption("es");
      await expect.poll(() => page.locator("h1").textContent()).toBe("Mapa de alianzas");
      expect(await page.locator("html").getAttribute("lang")).toBe("es");
      expect(await page.locator('label[for="org-select"]').textContent()).toBe("Organización");
      expect(await page.locator('label[for="date-input"]').textContent()).toBe("Fecha");
      await expect.poll(() => memberCount(page).textContent()).toBe("32 miembros");
      await expect.poll(() => page.locator('li[data-code="DEU"] a').textContent()).toBe("Alemania");
      expect(await page.locator(".date-readout").textContent()).toBe("1 de junio de 2024");
      await shoot(page, "e2e-map-es");

      // Remembered across a reload.
      await page.reload();
      await expect.poll(() => page.locator("h1").textContent()).toBe("Mapa de alianzas");
      expect(await page.locator("html").getAttribute("lang")).toBe("es");

      await page.getByLabel("Idioma").selectOption("fr");
      await expect.poll(() => page.locator("h1").textContent()).toBe("Carte des alliances");
      expect(await page.locator("html").getAttribute("lang")).toBe("fr");
      await expect.poll(() => page.locator('li[data-code="DEU"] a').textContent()).toBe("Allemagne");

      await page.getByLabel("Langue").selectOption("pt");
      await expect.poll(() => page.locator("h1").textContent()).toBe("Mapa de alianças");
      expect(await page.locator("html").getAttribute("lang")).toBe("pt");
      await expect.poll(() => page.locator('li[data-code="DEU"] a').textContent()).toBe("Alemanha");
      await expect.poll(() => memberCount(page).textContent()).toBe("32 membros");
    } finally {
      await context.close();
    }
  }, 60_000);

  test("the first language comes from the browser when nothing is stored", async () => {
    const { context, page } = await open("/actors/DEU", { locale: "es-ES" });
    try {
      await expect.poll(() => page.locator("h1").textContent()).toContain("Alemania");
      expect(await page.locator("html").getAttribute("lang")).toBe("es");
    } finally {
      await context.close();
    }
  }, 60_000);

  test("the date can be changed with the keyboard alone, and the list follows", async () => {
    const { context, page } = await open("/?org=NATO&at=2004-03-28");
    try {
      await expect.poll(() => memberCount(page).textContent()).toBe("19 members");

      // The skip link is the first stop.
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to main content");

      // Tab on to the slider.
      for (let presses = 0; presses < 30; presses++) {
        if ((await page.evaluate(() => document.activeElement?.id)) === "date-slider") break;
        await page.keyboard.press("Tab");
      }
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("date-slider");
      expect(await page.locator("#date-slider").getAttribute("aria-valuetext")).toBe("28 March 2004");

      await page.keyboard.press("ArrowRight");
      await expect.poll(() => memberCount(page).textContent()).toBe("26 members");
      expect(await page.locator("#date-slider").getAttribute("aria-valuetext")).toBe("29 March 2004");
      expect(await page.locator("#date-input").inputValue()).toBe("2004-03-29");
      await expect.poll(() => bulgariaInMembers(page).count()).toBe(1);

      await page.keyboard.press("ArrowLeft");
      await expect.poll(() => memberCount(page).textContent()).toBe("19 members");

      // Page Up moves a year.
      await page.keyboard.press("PageUp");
      await expect.poll(() => page.locator("#date-input").inputValue()).toBe("2005-03-28");
      await expect.poll(() => memberCount(page).textContent()).toBe("26 members");

      // The date input works from the keyboard too: Tab moves through its day, month and
      // year fields (the order follows the locale; the year comes last), arrows change them.
      await page.locator("#date-input").focus();
      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      for (let years = 0; years < 6; years++) await page.keyboard.press("ArrowDown");
      await expect.poll(() => page.locator("#date-input").inputValue()).toBe("1999-03-28");
      await expect.poll(() => memberCount(page).textContent()).toBe("19 members");

      // Countries are reached through the list: focusing one points it out on the map, and
      // Enter opens its page.
      await page.locator('li[data-code="POL"] a').first().focus();
      await expect.poll(() => page.locator(".map-tooltip").textContent()).toMatch(/^Poland/);
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/actors\/POL\?at=1999-03-28$/);
      await expect.poll(() => page.locator("h1").textContent()).toContain("Poland");
    } finally {
      await context.close();
    }
  }, 60_000);

  test("organisation and actor pages, and how an API error is shown", async () => {
    const { context, page } = await open("/organizations/NATO?at=2004-03-29");
    try {
      await page.locator("table tbody tr").first().waitFor();
      expect(await page.locator("table thead th").allTextContents()).toEqual([
        "Name",
        "Kind",
        "Framework",
        "Since",
        "Until",
        "Certainty",
        "Sources",
      ]);
      await page.getByLabel("Kind of relation", { exact: true }).selectOption("member");
      await expect.poll(() => page.locator("table tbody tr").count()).toBe(26);
      expect(new URL(page.url()).searchParams.get("kind")).toBe("member");
      await shoot(page, "e2e-organization-nato");

      await page.goto(`${baseUrl}/actors/COL`);
      await page.locator(".timeline li").first().waitFor();
      // Month precision reads as a month: "May 2023", never a made-up first day.
      const dates = await page.locator(".timeline-date time").allTextContents();
      expect(dates.every((text) => /^(\d{1,2} )?[A-Z][a-z]+ \d{4}$|^\d{4}$/.test(text))).toBe(true);
      await shoot(page, "e2e-actor-col");

      await page.goto(`${baseUrl}/actors/XXX`);
      const alert = page.getByRole("alert");
      await alert.waitFor();
      expect(await alert.textContent()).toContain("XXX");
    } finally {
      await context.close();
    }
  }, 60_000);

  test("mobile width: no sideways scrolling, screenshots of each page", async () => {
    const { context, page } = await open("/?org=NATO&at=2024-06-01", { width: 390, height: 844 });
    try {
      for (const [name, target] of [
        ["map", "/?org=NATO&at=2024-06-01"],
        ["organization", "/organizations/NATO?at=2024-06-01"],
        ["actor", "/actors/COL"],
      ] as const) {
        await page.goto(baseUrl + target);
        await page.locator("main h1").waitFor();
        await page.waitForLoadState("networkidle");
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
        await shoot(page, `e2e-mobile-${name}`);
      }
    } finally {
      await context.close();
    }
  }, 90_000);

  test("the Content-Security-Policy is in force: an inline script does not run, and the refusal is reported", async () => {
    const { context, page, errors } = await open("/?org=NATO");
    try {
      await memberCount(page).waitFor();
      expect(errors).toEqual([]);
      await page.evaluate(() => {
        const script = document.createElement("script");
        script.textContent = "window.injected = true";
        document.body.append(script);
      });
      await expect.poll(() => errors.length).toBeGreaterThan(0);
      expect(errors[0]).toMatch(/Content Security Policy/);
      expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
    } finally {
      await context.close();
    }
  });
});
