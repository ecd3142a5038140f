/**
 * The search box in a real browser (Debian's Chromium through playwright-core) against a real
 * Concord server with the starter data: typing, the arrow keys and Enter land on the page
 * chosen; results come in the reader's language; Enter with nothing chosen opens the results
 * page; Escape closes the list; a 360 px phone does not scroll sideways with the list open.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { noSidewaysScroll, openPage, type OpenedPage, startBrowserTest, stopBrowserTest } from "../support/browser.ts";
import type { TestConcord } from "../support/concord.ts";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const screens = path.join(repo, ".tmp/screens");

let concord: TestConcord;
let browser: Browser;

beforeAll(async () => {
  ({ concord, browser } = await startBrowserTest());
}, 180_000);

afterAll(() => stopBrowserTest({ concord, browser }), 60_000);

function open(pathAndQuery: string, options: { width?: number; locale?: string } = {}): Promise<OpenedPage> {
  return openPage(browser, concord.baseUrl + pathAndQuery, options);
}

/** The search box, by its label (the language select is a combobox too). */
const box = (page: Page, label = "Search") => page.getByRole("combobox", { name: label, exact: true });
const listbox = (page: Page) => page.getByRole("listbox");

describe("the search box", () => {
  test("type, arrow down, Enter: lands on the state's page", async () => {
    const { context, page, errors } = await open("/organizations/NATO");
    try {
      await box(page).fill("colombia");
      const colombia = listbox(page).getByRole("option", { name: /^Colombia/ });
      await colombia.waitFor();
      expect(await box(page).getAttribute("aria-expanded")).toBe("true");
      expect(await listbox(page).getByRole("group", { name: "States" }).count()).toBe(1);
      await page.screenshot({ path: path.join(screens, "search-1280.png") });

      await box(page).press("ArrowDown");
      await expect.poll(() => colombia.getAttribute("aria-selected")).toBe("true");
      expect(await box(page).getAttribute("aria-activedescendant")).toBe(await colombia.getAttribute("id"));

      await box(page).press("Enter");
      await page.waitForURL(`${concord.baseUrl}/actors/COL`);
      await expect.poll(() => page.locator("main h1").textContent()).toContain("Colombia");
      expect(await box(page).inputValue()).toBe("");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("in Spanish the results are in Spanish, accents or none", async () => {
    const { context, page, errors } = await open("/", { locale: "es-ES" });
    try {
      const buscar = box(page, "Buscar");
      await buscar.fill("espana");
      const spain = listbox(page).getByRole("option", { name: /^España/ });
      await spain.waitFor();
      expect(await listbox(page).getByRole("group", { name: "Estados" }).count()).toBe(1);

      await buscar.fill("asociacion para la paz");
      const pfp = listbox(page).getByRole("group", { name: "Marcos" }).getByRole("option").first();
      await expect.poll(() => pfp.textContent()).toContain("Asociación para la Paz");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("Escape closes the list; Enter with nothing chosen opens the results page", async () => {
    const { context, page, errors } = await open("/");
    try {
      await box(page).fill("guinea");
      await listbox(page)
        .getByRole("option", { name: /^Guinea-Bissau/ })
        .waitFor();
      await box(page).press("Escape");
      await expect.poll(() => box(page).getAttribute("aria-expanded")).toBe("false");
      expect(await listbox(page).isVisible()).toBe(false);
      expect(await box(page).inputValue()).toBe("guinea");

      await box(page).press("Enter");
      await page.waitForURL(`${concord.baseUrl}/search?q=guinea`);
      await expect.poll(() => page.locator("main h1").textContent()).toBe("Results for “guinea”");
      const states = page.getByRole("region", { name: "States" });
      await expect
        .poll(() => states.getByRole("link").allTextContents())
        .toEqual(["Guinea", "Guinea-Bissau", "Equatorial Guinea", "Papua New Guinea"]);
      await states.getByRole("link", { name: "Guinea-Bissau" }).click();
      await page.waitForURL(`${concord.baseUrl}/actors/GNB`);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("on a 360 px phone the box and its list fit the screen", async () => {
    const { context, page, errors } = await open("/actors/COL", { width: 360 });
    try {
      await box(page).fill("republic");
      await listbox(page).getByRole("option").first().waitFor();
      await noSidewaysScroll(page, "the search box with its list open");
      const popup = await page.locator(".search-popup").boundingBox();
      expect(popup).not.toBeNull();
      expect(popup!.x).toBeGreaterThanOrEqual(0);
      expect(popup!.x + popup!.width).toBeLessThanOrEqual(360);
      await page.screenshot({ path: path.join(screens, "search-360.png") });

      await page.goto(`${concord.baseUrl}/search?q=republic`);
      await page.getByRole("region", { name: "States" }).waitFor();
      await noSidewaysScroll(page, "the results page");
      await page.screenshot({ path: path.join(screens, "search-page-360.png"), fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
