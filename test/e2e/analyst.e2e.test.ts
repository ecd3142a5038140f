/**
 * For analysts, in a real browser: "Download CSV" and "Data as JSON" follow the page's date and
 * filters; each source is shown once, on one card; "Cite this" gives a stable link and the APA
 * and Chicago citations. In English and in French, and on a 360 px phone.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  noSidewaysScroll,
  openPage,
  type OpenedPage,
  screenshots,
  startBrowserTest,
  stopBrowserTest,
} from "../support/browser.ts";
import type { TestConcord } from "../support/concord.ts";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const shoot = screenshots(path.join(repo, ".tmp/screens"));

let concord: TestConcord;
let browser: Browser;

beforeAll(async () => {
  ({ concord, browser } = await startBrowserTest());
}, 180_000);

afterAll(() => stopBrowserTest({ concord, browser }), 60_000);

const open = (pathAndQuery: string, options: { width?: number; locale?: string } = {}): Promise<OpenedPage> =>
  openPage(browser, concord.baseUrl + pathAndQuery, options);

async function api<T>(pathAndQuery: string): Promise<T> {
  const response = await fetch(`${concord.baseUrl}/api/v1${pathAndQuery}`);
  expect(response.ok).toBe(true);
  return (await response.json()) as T;
}

/** The query of a link's href, relative to the page. */
async function linkQuery(page: Page, testId: string): Promise<URLSearchParams> {
  const href = await page.getByTestId(testId).first().getAttribute("href");
  return new URL(href!, concord.baseUrl).searchParams;
}

type SourceRef = { id: string };

describe("for analysts", () => {
  test("an organisation's CSV link follows the date and the kind filter; one card per source; cite this (English)", async () => {
    const { context, page, errors } = await open("/organizations/NATO?at=2004-03-29");
    try {
      const csv = page.getByRole("link", { name: /^Download CSV: / });
      await csv.waitFor();
      let query = await linkQuery(page, "csv-link");
      expect(query.get("at")).toBe("2004-03-29");
      expect(query.get("format")).toBe("csv");
      expect((await linkQuery(page, "json-link")).get("format")).toBeNull();

      await page.getByLabel("Date", { exact: true }).fill("2009-04-01");
      await expect.poll(async () => (await linkQuery(page, "csv-link")).get("at")).toBe("2009-04-01");
      await page.getByLabel("Kind of relation").selectOption("member");
      await expect.poll(async () => (await linkQuery(page, "csv-link")).get("kind")).toBe("member");
      query = await linkQuery(page, "csv-link");
      expect(query.get("at")).toBe("2009-04-01");
      expect((await linkQuery(page, "json-link")).get("kind")).toBe("member");

      // The link gives the file the server names, holding the rows the table shows.
      const file = await page.request.get(
        new URL((await page.getByTestId("csv-link").getAttribute("href"))!, concord.baseUrl).toString(),
      );
      expect(file.headers()["content-disposition"]).toBe('attachment; filename="NATO-member-2009-04-01.csv"');
      const lines = (await file.text()).trim().split("\r\n");
      const shown = await page.locator("table.data-table tbody tr").count();
      expect(lines.length - 1).toBe(shown);
      expect(shown).toBe(28);

      // Each source once, on one card.
      const members = await api<{ members: Array<{ kind: string; sources: SourceRef[] }> }>(
        "/organizations/NATO/members?at=2009-04-01&kind=member",
      );
      const distinct = new Set(members.members.flatMap((member) => member.sources.map((source) => source.id)));
      await expect.poll(() => page.locator(".source-card").count()).toBe(distinct.size);
      const ids = await page.locator(".source-card").evaluateAll((cards) => cards.map((card) => card.dataset.source));
      expect(new Set(ids).size).toBe(ids.length);

      // Cite this: the stable link and both styles.
      const card = page.locator(".source-card").first();
      await card.getByRole("button", { name: /^Cite this: / }).click();
      const dialog = page.getByRole("dialog", { name: "Cite this source" });
      await dialog.waitFor();
      const link = await dialog.getByRole("textbox", { name: /^Link to this page as of 1 April 2009/ }).inputValue();
      expect(new URL(link).pathname).toBe("/organizations/NATO");
      expect(new URL(link).searchParams.get("at")).toBe("2009-04-01");
      const apa = await dialog.getByRole("textbox", { name: "APA (7th edition)" }).inputValue();
      const chicago = await dialog.getByRole("textbox", { name: "Chicago (17th edition)" }).inputValue();
      const title = (await card.locator("h3").textContent())!.replace(/\s*\(opens in a new tab\)\s*↗$/, "").trim();
      expect(apa).toContain(title);
      expect(apa).toMatch(/^.+\. \((\d{4}(, [A-Z][a-z]+( \d{1,2})?)?|n\.d\.)\)\. /);
      expect(chicago).toContain(`“${title}`);
      expect(chicago).not.toBe(apa);
      // Copy puts the citation on the clipboard and says so.
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: concord.baseUrl });
      await dialog.getByRole("button", { name: "Copy: APA (7th edition)" }).click();
      await expect.poll(() => dialog.locator('[data-style="apa"] [role="status"]').textContent()).toBe("Copied.");
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(apa);
      await dialog.getByRole("button", { name: "Close" }).click();
      await expect.poll(() => dialog.isVisible()).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  test("a state's page in French: links follow the date and language; one card per source; citer", async () => {
    const { context, page, errors } = await open("/actors/DEU?at=2010-06-01", { locale: "fr-FR" });
    try {
      const csv = page.getByRole("link", { name: /^Télécharger le CSV : / }).first();
      await csv.waitFor();
      const query = await linkQuery(page, "csv-link");
      expect(query.get("at")).toBe("2010-06-01");
      expect(query.get("lang")).toBe("fr");
      expect(query.get("format")).toBe("csv");
      expect(await page.getByRole("link", { name: /^Données en JSON : / }).count()).toBe(2);

      const relations = await api<{ relations: Array<{ sources: SourceRef[] }> }>(
        "/actors/DEU/relations?at=2010-06-01",
      );
      const distinct = new Set(relations.relations.flatMap((relation) => relation.sources.map((source) => source.id)));
      expect(distinct.size).toBeGreaterThan(0);
      await expect.poll(() => page.locator(".source-card").count()).toBe(distinct.size);

      await page
        .locator(".source-card")
        .first()
        .getByRole("button", { name: /^Citer : / })
        .click();
      const dialog = page.getByRole("dialog", { name: "Citer cette source" });
      await dialog.waitFor();
      expect(
        await dialog.getByRole("textbox", { name: /^Lien vers cette page au 1 juin 2010/ }).inputValue(),
      ).toContain("at=2010-06-01");
      expect(await dialog.getByRole("textbox", { name: "APA (7e édition)" }).inputValue()).toMatch(/\)\. /);
      expect(await dialog.getByRole("textbox", { name: "Chicago (17e édition)" }).inputValue()).toContain("“");
      await page.keyboard.press("Escape");
      await expect.poll(() => dialog.isVisible()).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  test("a relation's claims stand under one card per source", async () => {
    type Claim = { id: number; source: { id: string } };
    const relations = await api<{ relations: { id: number; object: string; kind: string }[] }>(
      "/actors/COL/relations?at=2019-01-01",
    );
    const partnership = relations.relations.find((r) => r.object === "NATO" && r.kind === "partner")!;
    const { relation } = await api<{ relation: { claims: Claim[] } }>(`/relations/${partnership.id}`);
    const distinct = new Set(relation.claims.map((claim) => claim.source.id));
    expect(distinct.size).toBeLessThan(relation.claims.length);

    const { context, page, errors } = await open(`/relations/${partnership.id}`);
    try {
      await expect.poll(() => page.locator(".source-card").count()).toBe(distinct.size);
      expect(await page.locator(".source-card .source-claim").count()).toBe(relation.claims.length);
      const csv = await linkQuery(page, "csv-link");
      expect(csv.get("format")).toBe("csv");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  test("on a 360 px phone nothing scrolls sideways, the cite dialog included", async () => {
    fs.mkdirSync("/tmp/shots", { recursive: true });
    for (const [pathAndQuery, name, locale] of [
      ["/organizations/NATO?at=2009-04-01", "analyst-organization-360", "en-GB"],
      ["/actors/DEU?at=2010-06-01", "analyst-actor-360-fr", "fr-FR"],
    ] as const) {
      const { context, page } = await open(pathAndQuery, { width: 360, locale });
      try {
        await page.locator(".source-card").first().waitFor();
        await page.getByTestId("csv-link").first().waitFor();
        await noSidewaysScroll(page, name);
        await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
        await page.screenshot({ path: `/tmp/shots/${name}-top.png` });
        await page
          .locator(".source-card")
          .first()
          .screenshot({ path: `/tmp/shots/${name}-card.png` });
        await shoot(page, name);
        await page.locator(".source-card").first().locator(".cite-this button").click();
        await page.locator("dialog.cite-dialog[open]").waitFor();
        await noSidewaysScroll(page, `${name} with the cite dialog open`);
        const box = await page.locator("dialog.cite-dialog[open]").boundingBox();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(360);
        await page.screenshot({ path: `/tmp/shots/${name}-cite.png` });
      } finally {
        await context.close();
      }
    }
  }, 120_000);
});
