/**
 * The disputes pages (issue 14) in a real browser (Debian's Chromium through playwright-core)
 * against a real Concord serving web/dist, over the starter data: the GML MID 2.1.1 disputes, the
 * disputes, court cases and dialogue the source documents name, and the registry. Nothing to seed:
 * the pages are public.
 *
 * The list: a pair's disputes and the pair's summary (Colombia and Venezuela), figures as the API
 * gives them and the highest hostility in words; a state's pairs; pages. A dispute (Venezuela–Guyana,
 * the Essequibo): its record and sources, the parties by side with what they seek, the timeline
 * drawn over the years with its table, the episodes, the court case (followed to its page), the
 * dialogue, and the parties' relations in the registry on a day the reader changes. The map of the
 * disputes active on 1 March 2008: Colombia and Ecuador coloured, the same in the list beside it
 * with their relations that day. The court cases. In Spanish, Portuguese and French no English
 * catalogue string shows; on a 360 × 740 phone no page scrolls sideways.
 *
 * Screenshots go to DISPUTES_SCREENS (default: the system's temporary folder), never the repo.
 */
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { en as disputesEn } from "../../web/src/i18n/disputes/en.ts";
import { es as disputesEs } from "../../web/src/i18n/disputes/es.ts";
import { fr as disputesFr } from "../../web/src/i18n/disputes/fr.ts";
import { DISPUTE_NAV } from "../../web/src/i18n/disputes/nav.ts";
import { pt as disputesPt } from "../../web/src/i18n/disputes/pt.ts";
import { en } from "../../web/src/i18n/en.ts";
import { es } from "../../web/src/i18n/es.ts";
import { fr } from "../../web/src/i18n/fr.ts";
import { pt } from "../../web/src/i18n/pt.ts";
import {
  noSidewaysScroll,
  type OpenedPage,
  openPage,
  screenshots,
  startBrowserTest,
  stopBrowserTest,
} from "../support/browser.ts";
import type { TestConcord } from "../support/concord.ts";
import { type Catalogues, expectNoEnglish, type Other, settled, watchApiData } from "../support/english-on-page.ts";

const shoot = screenshots(process.env.DISPUTES_SCREENS ?? path.join(os.tmpdir(), "concord-disputes-screens"));

let concord: TestConcord;
let browser: Browser;

const ESSEQUIBO = "venezuela-guyana-essequibo";
const ANGOSTURA = "colombia-ecuador-angostura";
const GUYANA_CASE = "guyana-v-venezuela-1899-award";
/** ISO 3166-1 numeric codes: the map's countries. */
const COLOMBIA = "170";
const ECUADOR = "218";

beforeAll(async () => {
  ({ concord, browser } = await startBrowserTest());
}, 180_000);

afterAll(() => stopBrowserTest({ concord, browser }), 60_000);

async function api(pathAndQuery: string): Promise<any> {
  const response = await fetch(`${concord.baseUrl}/api/v1${pathAndQuery}`);
  expect(response.status, pathAndQuery).toBe(200);
  return response.json();
}

function open(pathAndQuery: string, options: { locale?: string; width?: number; height?: number } = {}) {
  return openPage(browser, concord.baseUrl + pathAndQuery, {
    locale: options.locale ?? "en-GB",
    ...(options.width ? { width: options.width, height: options.height ?? 740, hasTouch: true } : {}),
  });
}

const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? "").replace(/\s+/g, " ").trim();

describe("the list of disputes", () => {
  test("a pair's disputes with the pair's summary, as the API counts it; a state's pairs; pages", async () => {
    const { context, page, errors } = await open("/disputes");
    try {
      await settled(page);
      expect(await text(page, "main h1")).toBe(DISPUTE_NAV.en.disputesTitle);
      const everything = await api("/disputes?limit=1");
      expect(await text(page, '[data-testid="dispute-count"] strong')).toBe(disputesEn.disputeCount(everything.total));

      // Pages: the second holds other disputes, and its place is in the address.
      const firstPage = await page.locator("tr[data-dispute]").first().getAttribute("data-dispute");
      await page.getByRole("button", { name: disputesEn.nextDisputes }).click();
      await page.waitForURL(/page=2/);
      await expect
        .poll(() => page.locator("tr[data-dispute]").first().getAttribute("data-dispute"))
        .not.toBe(firstPage);

      // A state: its disputes, and the states it had them with.
      await page.locator("#disputes-state").selectOption("COL");
      await page.waitForURL((url) => url.searchParams.get("state") === "COL" && !url.searchParams.has("page"));
      const pairs = page.getByTestId("state-pairs");
      await pairs.locator('tr[data-other="VEN"]').waitFor();
      await shoot(page, "list-state-1280");

      // A second state: the pair, and its summary.
      await page.locator("#disputes-other").selectOption("VEN");
      await page.waitForURL((url) => url.searchParams.get("pair") === "COL,VEN");
      const summaryCard = page.getByTestId("pair-summary");
      await summaryCard.waitFor();
      await settled(page);
      const { summary, total } = await api("/disputes?pair=COL,VEN");
      expect(summary.disputes).toBeGreaterThan(5);
      expect(await text(page, '[data-testid="summary-disputes"]')).toBe(String(summary.disputes));
      expect(await text(page, '[data-testid="summary-years"]')).toBe(
        disputesEn.dateRange(String(summary.firstYear), String(summary.lastYear)),
      );
      expect(await text(page, '[data-testid="summary-highest"]')).toBe(
        disputesEn.hostilityLevels[summary.highestHostility as 1 | 2 | 3 | 4 | 5],
      );
      expect(await text(page, '[data-testid="summary-wars"]')).toBe(
        summary.wars.length === 0 ? disputesEn.summaryNoWars : summary.wars.map(disputesEn.midTitle).join(", "),
      );
      expect(await text(page, "#pair-summary-heading")).toBe(disputesEn.pairSummaryHeading("Colombia", "Venezuela"));
      // Every dispute listed is the pair's, each MID with its years.
      expect(await text(page, '[data-testid="dispute-count"] strong')).toBe(disputesEn.disputeCount(total));
      const rows = page.locator("tr[data-dispute]");
      expect(await rows.count()).toBe(Math.min(total, 25));
      for (const row of await rows.all()) {
        expect(await row.locator('[data-party="COL"]').count()).toBeGreaterThan(0);
        expect(await row.locator('[data-party="VEN"]').count()).toBeGreaterThan(0);
      }
      expect(await page.locator("tr[data-dispute^='mid-'] .year-chip").count()).toBeGreaterThanOrEqual(
        summary.disputes,
      );
      await noSidewaysScroll(page, "the pair's disputes at 1280 px");
      await shoot(page, "list-pair-1280");

      // The address alone gives the same page.
      await page.reload();
      await settled(page);
      expect(await page.locator("#disputes-state").inputValue()).toBe("COL");
      expect(await page.locator("#disputes-other").inputValue()).toBe("VEN");
      expect(await text(page, '[data-testid="summary-disputes"]')).toBe(String(summary.disputes));
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});

describe("a dispute's page", () => {
  test("the Essequibo: record and sources, parties by side, timeline and its table, episodes, case, dialogue, the registry on a day", async () => {
    const answer = await api(`/disputes/${ESSEQUIBO}?at=2018-03-29`);
    const { page, context, errors } = await open(`/disputes/${ESSEQUIBO}?at=2018-03-29`);
    try {
      await settled(page);
      expect(await text(page, "main h1")).toBe(answer.dispute.name);
      expect(await text(page, ".dispute-facts")).toContain(disputesEn.disputeOngoing);

      // The parties by side, Venezuela seeking territory.
      const parties = page.getByTestId("parties");
      expect(
        await parties
          .locator('[data-side="A"] [data-party]')
          .evaluateAll((li) => li.map((l) => l.getAttribute("data-party"))),
      ).toEqual(["VEN"]);
      expect(
        await parties
          .locator('[data-side="B"] [data-party]')
          .evaluateAll((li) => li.map((l) => l.getAttribute("data-party"))),
      ).toEqual(["GUY"]);
      const venezuela = parties.locator('[data-party="VEN"]');
      expect(await venezuela.textContent()).toContain(disputesEn.revisionist);
      expect(await venezuela.textContent()).toContain(disputesEn.seeks(disputesEn.revisionTypes.territory));

      // The timeline: an image with its title and description, a row per pair with a mark for
      // each year of its MID episodes, the dated incidents and the court's stages; the table gives the same.
      const timeline = page.getByTestId("timeline");
      const svg = timeline.locator("svg[role=img]");
      const [titleId, descId] = ((await svg.getAttribute("aria-labelledby")) ?? "").split(" ");
      expect(await page.locator(`[id="${titleId}"]`).textContent()).toMatch(
        /^Timeline of the dispute, 1899 to 20\d\d$/,
      );
      expect(await page.locator(`[id="${descId}"]`).textContent()).toContain(
        `${answer.incidents.length} dated incidents`,
      );
      const pairRow = timeline.locator('[data-row="GUY|VEN"]');
      expect(await pairRow.locator("text").textContent()).toBe(disputesEn.pairLabel("Venezuela", "Guyana"));
      await expect
        .poll(() => pairRow.locator("rect.tl-year").count())
        .toBeGreaterThanOrEqual(answer.episodes.length - 1);
      const episodeYears = await pairRow
        .locator("rect.tl-year")
        .evaluateAll((rects) => rects.map((r) => r.getAttribute("data-year")));
      expect(episodeYears).toContain("1966");
      expect(episodeYears).toContain("1999");
      expect(await timeline.locator('[data-row="incidents"] .tl-incident').count()).toBe(answer.incidents.length);
      const stages = answer.cases.flatMap((c: { stages: unknown[] }) => c.stages);
      expect(await timeline.locator('[data-row="stages"] .tl-stage').count()).toBe(stages.length);
      const table = page.getByTestId("timeline-table");
      await table.locator("summary").click();
      const entries = table.locator("tbody tr");
      await expect
        .poll(() => entries.count())
        .toBe(episodeYears.length + answer.incidents.length + stages.length + answer.dialogues.length);
      expect(await table.textContent()).toContain("Arbitral Award fixes the boundary");

      // Episodes, the court case, dialogue.
      for (const episode of answer.episodes)
        expect(
          await page.getByTestId("episodes").locator(`[data-episode="${episode.midNumber}"] a`).getAttribute("href"),
        ).toBe(`/disputes/${episode.id}`);
      expect(await page.getByTestId("dialogues").locator("[data-dialogue]").count()).toBe(answer.dialogues.length);
      expect(await page.getByTestId("dialogues").textContent()).toContain(disputesEn.dialogueKinds.agreement);

      // The registry on 29 March 2018 (Guyana's application): each party's relations, and what both belonged to.
      const registry = page.getByTestId("registry");
      expect(await registry.locator("#registry-date-input").inputValue()).toBe("2018-03-29");
      const organizations = (await api("/organizations")).organizations as Array<{
        code: string;
        abbreviation: string | null;
      }>;
      const shortName = (code: string) => organizations.find((o) => o.code === code)?.abbreviation ?? code;
      expect(answer.relations.together.length).toBeGreaterThan(0);
      const together = answer.relations.together.map(shortName);
      const togetherText = await text(page, '[data-testid="together"]');
      for (const name of together) expect(togetherText).toContain(name);
      const first = answer.relations.byParty.VEN[0];
      expect(await registry.locator('[data-party="VEN"]').textContent()).toContain(
        disputesEn.relationPhrases[first.kind as "member"](shortName(first.organization)),
      );
      await noSidewaysScroll(page, "the dispute at 1280 px");
      await shoot(page, "dispute-essequibo-1280");

      // Another day, chosen on the page: the address follows, and so do the relations.
      await registry.locator("#registry-date-input").fill("1970-06-18");
      await page.waitForURL(/at=1970-06-18/);
      const then = await api(`/disputes/${ESSEQUIBO}?at=1970-06-18`);
      await expect.poll(() => text(page, ".registry-day")).toBe(disputesEn.registryDay("18 June 1970"));
      await settled(page);
      const thenTogether = await text(page, '[data-testid="together"]');
      if (then.relations.together.length === 0) expect(thenTogether).toBe(disputesEn.togetherNone);
      else for (const code of then.relations.together) expect(thenTogether).toContain(shortName(code));

      // Sources: each once, with what it supports, the record's and the case's among them.
      const sources = page.getByTestId("dispute-sources");
      expect(await sources.locator(`[data-source="${answer.dispute.sourceId}"]`).textContent()).toContain(
        disputesEn.supportsRecord,
      );
      expect(await sources.locator('[data-source="icj-case-171-guyana-v-venezuela"]').textContent()).toContain(
        disputesEn.supportsStage(disputesEn.caseStages.filing, "29 March 2018"),
      );

      // The court case, followed to its page.
      await page.getByTestId("cases").locator(`[data-case="${GUYANA_CASE}"] a`).click();
      await page.waitForURL(new RegExp(`/cases/${GUYANA_CASE}$`));
      await settled(page);
      const found = (await api(`/cases/${GUYANA_CASE}`)).case;
      expect(await text(page, "main h1")).toBe(found.title);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});

describe("the map of a day", () => {
  test("on 1 March 2008 Colombia and Ecuador are coloured, and the list beside says the same with their relations that day", async () => {
    const { page, context, errors } = await open("/disputes?at=2008-03-01");
    try {
      await settled(page);
      const map = page.getByTestId("day-map");
      await map.locator("svg.world-map").waitFor();
      for (const numeric of [COLOMBIA, ECUADOR])
        expect(await map.locator(`path.country[data-id="${numeric}"]`).getAttribute("data-kind")).not.toBe("none");
      // Brazil had no dispute active that day.
      expect(await map.locator('path.country[data-id="076"]').getAttribute("data-kind")).toBe("none");
      const colour = (id: string) =>
        map.locator(`path.country[data-id="${id}"]`).evaluate((element) => getComputedStyle(element).fill);
      expect(await colour(COLOMBIA)).not.toBe(await colour("076"));

      const states = page.getByTestId("day-states");
      for (const code of ["COL", "ECU"]) {
        const state = states.locator(`li[data-party="${code}"]`);
        expect(await state.getAttribute("data-hostility")).toBe("4");
        expect(await state.textContent()).toContain(disputesEn.hostilityLevels[4]);
        expect(await state.locator(".day-state-relations").textContent()).toContain(
          disputesEn.relationPhrases.member("OAS"),
        );
        expect(await state.locator(`a[href="/disputes/${ANGOSTURA}"]`).count()).toBe(1);
      }
      // The table of the day's disputes, with each party's relations alongside.
      const row = page.locator(`tr[data-dispute="${ANGOSTURA}"]`);
      expect(await row.locator('[data-party="COL"] .parties-relations').textContent()).toContain(
        disputesEn.relationPhrases.member("OAS"),
      );
      await noSidewaysScroll(page, "the map of a day at 1280 px");
      await shoot(page, "map-2008-03-01-1280");

      // Following a dispute from the day keeps the day for its relations.
      await row.locator("th a").click();
      await page.waitForURL(new RegExp(`/disputes/${ANGOSTURA}\\?at=2008-03-01`));
      await settled(page);
      await expect.poll(() => text(page, '[data-testid="together"]')).toBe(disputesEn.togetherIn("OAS"));
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});

describe("court cases", () => {
  test("the cases of a state, and a case's stages as a timeline with documents and sources", async () => {
    const { page, context, errors } = await open("/cases");
    try {
      await settled(page);
      expect(await text(page, "main h1")).toBe(DISPUTE_NAV.en.casesTitle);
      const all = (await api("/cases")).cases;
      expect(await page.locator("tr[data-case]").count()).toBe(all.length);
      await page.locator("#cases-state").selectOption("CHL");
      await page.waitForURL(/state=CHL/);
      const chile = (await api("/cases?state=CHL")).cases;
      await expect.poll(() => page.locator("tr[data-case]").count()).toBe(chile.length);
      await shoot(page, "cases-chile-1280");

      await page.goto(`${concord.baseUrl}/cases/${GUYANA_CASE}`);
      await settled(page);
      const found = (await api(`/cases/${GUYANA_CASE}`)).case;
      const stages = page.getByTestId("stages").locator("li[data-stage]");
      expect(await stages.evaluateAll((list) => list.map((li) => li.getAttribute("data-stage")))).toEqual(
        found.stages.map((stage: { stage: string }) => stage.stage),
      );
      expect(await stages.first().textContent()).toContain(disputesEn.caseStages.filing);
      expect(await stages.first().textContent()).toContain("29 March 2018");
      expect(await stages.first().locator(".stage-document a").getAttribute("href")).toBe(found.stages[0].document);
      expect(await page.getByTestId("case-dispute").locator("a").getAttribute("href")).toBe(`/disputes/${ESSEQUIBO}`);
      expect(await page.getByTestId("dispute-sources").locator(`[data-source="${found.sourceId}"]`).count()).toBe(1);
      await noSidewaysScroll(page, "a case at 1280 px");
      await shoot(page, "case-1280");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});

// ---------------------------------------------------------------- four languages

const LOCALES: Record<Other, string> = { es: "es-ES", pt: "pt-PT", fr: "fr-FR" };
const MAIN = { en, es, pt, fr };
const DISPUTES = { en: disputesEn, es: disputesEs, pt: disputesPt, fr: disputesFr };

const CATALOGUES: Catalogues = [
  ["", MAIN],
  ["disputes.", DISPUTES],
  ["disputes-nav.", DISPUTE_NAV],
];

/** MID 2237's heading as the page writes it: Venezuela against the United Kingdom and Guyana, in `lang`. */
async function midHeading(lang: Other): Promise<string> {
  const states = (await api(`/actors?type=state&lang=${lang}`)).actors as Array<{ code: string; name: string }>;
  const name = (code: string) => states.find((state) => state.code === code)?.name ?? code;
  const sideB = new Intl.ListFormat(lang, { style: "long", type: "conjunction" }).format([name("GBR"), name("GUY")]);
  return DISPUTES[lang].midWithParties(2237, `${name("VEN")} ${DISPUTES[lang].versus} ${sideB}`);
}

async function openIn(lang: Other, pathAndQuery: string): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: LOCALES[lang],
    reducedMotion: "reduce",
  });
  const page = await context.newPage();
  watchApiData(page);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(concord.baseUrl + pathAndQuery);
  return { context, page, errors };
}

async function noEnglish(page: Page, lang: Other, what: string, heading: string): Promise<void> {
  await expectNoEnglish(page, { lang, what, heading, catalogues: CATALOGUES, shoot });
}

describe.each(["es", "pt", "fr"] as const)("in %s", (lang) => {
  test("the list, a pair, the map of a day, a dispute and a case show no English", async () => {
    const nav = DISPUTE_NAV[lang];
    const { context, page, errors } = await openIn(lang, "/disputes?pair=COL,VEN");
    try {
      await page.getByTestId("pair-summary").waitFor({ timeout: 20_000 });
      await noEnglish(page, lang, "pair", nav.disputesTitle);
      await page.goto(`${concord.baseUrl}/disputes?at=2008-03-01`);
      await page.getByTestId("day-states").waitFor({ timeout: 20_000 });
      await page.locator("svg.world-map").waitFor({ timeout: 20_000 });
      await noEnglish(page, lang, "map of a day", nav.disputesTitle);
      await page.goto(`${concord.baseUrl}/disputes?state=COL`);
      await page.getByTestId("state-pairs").waitFor({ timeout: 20_000 });
      await noEnglish(page, lang, "a state", nav.disputesTitle);

      const essequibo = await api(`/disputes/${ESSEQUIBO}?lang=${lang}`);
      await page.goto(`${concord.baseUrl}/disputes/${ESSEQUIBO}?at=2018-03-29`);
      await page
        .getByTestId("timeline")
        .locator('[data-row="GUY|VEN"] rect.tl-year')
        .first()
        .waitFor({ timeout: 20_000 });
      await page.getByTestId("timeline-table").locator("summary").click();
      await noEnglish(page, lang, "dispute", essequibo.dispute.name);
      const angostura = await api(`/disputes/${ANGOSTURA}?lang=${lang}`);
      await page.goto(`${concord.baseUrl}/disputes/${ANGOSTURA}`);
      await page.getByTestId("claims").waitFor({ timeout: 20_000 });
      await noEnglish(page, lang, "dispute with claims", angostura.dispute.name);
      await page.goto(`${concord.baseUrl}/disputes/mid-2237`);
      await page.getByTestId("timeline").waitFor({ timeout: 20_000 });
      await noEnglish(page, lang, "a MID", await midHeading(lang));

      await page.goto(`${concord.baseUrl}/cases`);
      await page.getByTestId("cases-table").waitFor({ timeout: 20_000 });
      await noEnglish(page, lang, "cases", nav.casesTitle);
      const found = (await api(`/cases/${GUYANA_CASE}?lang=${lang}`)).case;
      await page.goto(`${concord.baseUrl}/cases/${GUYANA_CASE}`);
      await page.getByTestId("stages").waitFor({ timeout: 20_000 });
      await noEnglish(page, lang, "case", found.title);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 150_000);
});

// ---------------------------------------------------------------- a phone

describe("on a 360 × 740 phone", () => {
  test("the list, a pair, the map of a day, a dispute, the cases and a case fit the screen", async () => {
    const pages: Array<[string, string, string]> = [
      ["list", "/disputes", "tr[data-dispute]"],
      ["pair", "/disputes?pair=COL,VEN", '[data-testid="pair-summary"]'],
      ["map", "/disputes?at=2008-03-01", "svg.world-map"],
      ["dispute", `/disputes/${ESSEQUIBO}`, '[data-row="GUY|VEN"] rect.tl-year'],
      ["mid", "/disputes/mid-2237", '[data-testid="timeline"]'],
      ["cases", "/cases", "tr[data-case]"],
      ["case", `/cases/${GUYANA_CASE}`, "li[data-stage]"],
    ];
    for (const [what, address, ready] of pages) {
      const { context, page, errors } = await open(address, { width: 360, height: 740 });
      try {
        await page.locator(ready).first().waitFor({ timeout: 20_000 });
        await settled(page);
        await noSidewaysScroll(page, `${what} at 360 px`);
        await shoot(page, `phone-${what}`);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }
    // The timeline is drawn at the phone's width, not scaled down from a wider one.
    const { context, page } = await open(`/disputes/${ESSEQUIBO}`, { width: 360, height: 740 });
    try {
      await page.locator('[data-row="GUY|VEN"] rect.tl-year').first().waitFor({ timeout: 20_000 });
      const box = await page.getByTestId("timeline").locator("svg").boundingBox();
      expect(box?.width).toBeLessThanOrEqual(360);
      expect(Number(await page.getByTestId("timeline").locator("svg").getAttribute("width"))).toBe(
        Math.round(box?.width ?? 0),
      );
    } finally {
      await context.close();
    }
  }, 120_000);
});
