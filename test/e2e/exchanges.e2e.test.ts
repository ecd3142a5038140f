/**
 * The annual information exchanges' pages (issue 14) in a real browser (Debian's Chromium through
 * playwright-core) against a real Concord serving web/dist, over the starter data: the four
 * regimes with their forms, and the first UNASUR registry publication.
 *
 * Colombia's delegation to UNASUR opens its 2012 return from the dashboard, fills it in with a
 * total that does not add up, is told so under that field (live, then by the saved draft's
 * refusal, in the reader's language), fixes it and submits after a confirmation naming the effect;
 * the dashboard then shows Colombia late for 2012 (due 30 June 2013) and Argentina missing, and the
 * comparison draws and tabulates Colombia's 2012 total, with its CSV. An anonymous reader sees the
 * public OAS exchange's dashboard as the API counts it, the publication's figures with their
 * sources, and, for the restricted UNASUR registry, an explanation rather than an error. In
 * Spanish, Portuguese and French no English catalogue string shows; on a 360 × 740 phone no page
 * scrolls sideways. Tests wait for states, never for times.
 *
 * Screenshots go to EXCHANGES_SCREENS (default: the system's temporary folder), never the repo.
 */
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { en } from "../../web/src/i18n/en.ts";
import { es } from "../../web/src/i18n/es.ts";
import { en as exchangesEn } from "../../web/src/i18n/exchanges/en.ts";
import { es as exchangesEs } from "../../web/src/i18n/exchanges/es.ts";
import { fr as exchangesFr } from "../../web/src/i18n/exchanges/fr.ts";
import { EXCHANGE_NAV } from "../../web/src/i18n/exchanges/nav.ts";
import { pt as exchangesPt } from "../../web/src/i18n/exchanges/pt.ts";
import { fr } from "../../web/src/i18n/fr.ts";
import { pt } from "../../web/src/i18n/pt.ts";
import {
  noSidewaysScroll,
  type OpenedPage,
  openAs,
  screenshots,
  startBrowserTest,
  stopBrowserTest,
} from "../support/browser.ts";
import type { TestConcord } from "../support/concord.ts";
import { type Catalogues, expectNoEnglish, type Other, settled, watchApiData } from "../support/english-on-page.ts";
import { type Person, signInAs } from "../support/people.ts";

const shoot = screenshots(process.env.EXCHANGES_SCREENS ?? path.join(os.tmpdir(), "concord-exchanges-screens"));

let concord: TestConcord;
let browser: Browser;
let colombia: Person;

const UNASUR = "unasur-rsgd";
const OAS = "oas-csbm";
const ROWS = ["defence_ministry", "army", "navy", "air_force", "other_institutions"];
const COLUMNS = ["personnel", "operations_maintenance", "investment", "research_development"];
const t = { ...en, ...exchangesEn };

beforeAll(async () => {
  ({ concord, browser } = await startBrowserTest());
  colombia = await signInAs(concord, {
    organization: "UNASUR",
    role: "delegation-head",
    state: "COL",
    name: "Ana Colombia",
  });
}, 180_000);

afterAll(() => stopBrowserTest({ concord, browser }), 60_000);

async function api(pathAndQuery: string, person?: Person): Promise<any> {
  const response = await fetch(`${concord.baseUrl}/api/v1${pathAndQuery}`, {
    headers: person ? { Cookie: person.cookie } : {},
  });
  expect(response.status, pathAndQuery).toBe(200);
  return response.json();
}

function open(
  pathAndQuery: string,
  options: { person?: Person; locale?: string; width?: number; height?: number } = {},
): Promise<OpenedPage> {
  return openAs(browser, concord.baseUrl, pathAndQuery, options, watchApiData);
}

const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? "").replace(/\s+/g, " ").trim();

const cell = (row: string, column: string) => `#return-expenditure-${row}-${column}`;

describe("a delegation's return", () => {
  test("Colombia fills in its 2012 return, is told of a wrong total under it, fixes it and submits; the dashboard shows it late and Argentina missing", async () => {
    const { page, context, errors } = await open(`/exchanges?regime=${UNASUR}&from=2010&to=2014`, {
      person: colombia,
    });
    try {
      await settled(page);
      const dashboard = page.getByTestId("dashboard");
      expect(await dashboard.getAttribute("data-regime")).toBe(UNASUR);
      expect(await text(page, '[data-testid="own-hint"]')).toBe(t.ownReturnsHint("Colombia"));
      // Nothing submitted yet: 2012 is missing for Colombia, whose mark opens the form.
      const mark = page.locator('tr[data-state="COL"] td[data-year="2012"]');
      expect(await mark.getAttribute("data-status")).toBe("missing");
      await shoot(page, "dashboard-unasur-before-1280");
      await mark.locator("a").click();
      await page.waitForURL(/\/exchanges\/unasur-rsgd\/returns\/COL\/2012$/);
      await settled(page);
      expect(await text(page, "main h1")).toBe(t.returnHeading("Colombia", 2012));
      expect(await text(page, '[data-testid="return-state"]')).toBe(t.notSubmitted);

      // The return: thousands of pesos, every cell 100, the Army's total typed wrong.
      await page.locator("#return-currency").fill("COP");
      await page.locator("#return-scale").selectOption("1000");
      for (const row of ROWS) for (const column of COLUMNS) await page.locator(cell(row, column)).fill("100");
      await page.locator(cell("army", "total")).fill("999");
      await page.locator("#return-population").fill("46000000");
      await page.locator("#return-gdp").fill("100000");
      // Checked as it is typed: the Army's parts add up to 400; empty totals are computed.
      await expect.poll(() => text(page, "#return-expenditure-army-total-live")).toContain(t.partsAddUpTo("400"));
      expect(await page.locator(cell("navy", "total")).getAttribute("placeholder")).toBe("400");
      expect(await page.locator(cell("total", "personnel")).getAttribute("placeholder")).toBe("500");

      await page.getByRole("button", { name: t.saveDraft, exact: true }).click();
      const refusal = page.locator("#return-expenditure-army-total-error");
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain("is 999.00, but its parts add up to 400.00");
      expect(
        await page.getByTestId("refusals").locator('li[data-field="expenditure.army.total"]').textContent(),
      ).toContain("400.00");
      expect(await page.locator(cell("army", "total")).getAttribute("aria-invalid")).toBe("true");
      const refused = await page.getByTestId("refusals").locator("li").count();
      await expect
        .poll(() => text(page, '[data-testid="return-status"] .form-status'))
        .toContain(t.draftRefused(refused));
      await shoot(page, "return-refused-1280");
      await noSidewaysScroll(page, "the return form at 1280 px");
      // Saved as a draft, not submitted.
      await expect.poll(() => text(page, '[data-testid="return-state"]')).toContain(t.notSubmitted);
      expect(await page.getByTestId("versions").locator('[data-status="draft"]').count()).toBe(1);

      // Fixed: the refusal goes from under the field.
      await page.locator(cell("army", "total")).fill("400");
      await expect.poll(() => refusal.count()).toBe(0);
      expect(await page.locator("#return-expenditure-army-total-live").count()).toBe(0);

      // Submitting asks first, in words naming its effect; late, as 30 June 2013 has passed.
      await page.getByRole("button", { name: t.submitReturn }).click();
      const dialog = page.getByRole("alertdialog");
      await dialog.waitFor();
      expect(await dialog.locator("h2").textContent()).toBe(t.confirmSubmitTitle("Colombia", 2012));
      const dialogText = ((await dialog.textContent()) ?? "").replace(/\s+/g, " ");
      expect(dialogText).toContain(
        t.confirmSubmitText("Colombia", 2012, "South American Defence Expenditure Registry (UNASUR)", true),
      );
      expect(dialogText).toContain(t.confirmLate("30 June 2013"));
      await shoot(page, "return-confirm-1280");
      await dialog.getByRole("button", { name: t.confirmSubmit, exact: true }).click();
      await expect
        .poll(() => text(page, '[data-testid="return-status"]'))
        .toContain(t.submittedStatus("Colombia", 2012));
      await expect.poll(() => page.getByTestId("versions").locator('[data-status="submitted"]').count()).toBe(1);
      await expect
        .poll(() => page.getByTestId("timeliness").locator("[data-status]").getAttribute("data-status"))
        .toBe("late");
      expect(await page.locator("#return-expenditure-army-total-error").count()).toBe(0);
      await shoot(page, "return-submitted-1280");

      // A correction says the submitted version stays readable.
      await page.getByRole("button", { name: t.submitReturn }).click();
      await dialog.waitFor();
      const today = new Intl.DateTimeFormat("en-GB", {
        day: "numeric",
        month: "long",
        year: "numeric",
        timeZone: "UTC",
      }).format(new Date());
      expect(((await dialog.textContent()) ?? "").replace(/\s+/g, " ")).toContain(t.confirmCorrection(today));
      await dialog.getByRole("button", { name: t.cancelSubmit }).click();
      await expect.poll(() => dialog.isVisible()).toBe(false);

      // The dashboard: Colombia late for 2012, Argentina missing, as the API says.
      await page.getByTestId("return-status").getByRole("link", { name: t.seeDashboard }).click();
      await page.waitForURL((url) => url.pathname === "/exchanges" && url.searchParams.get("state") === "COL");
      await settled(page);
      const compliance = await api(`/exchanges/${UNASUR}/compliance?year=2012`, colombia);
      const status = (state: string) => compliance.states.find((entry: any) => entry.state === state).status;
      expect(status("COL")).toBe("late");
      expect(status("ARG")).toBe("missing");
      const grid = page.getByTestId("compliance-grid");
      expect(await grid.locator('tr[data-state="COL"] td[data-year="2012"]').getAttribute("data-status")).toBe("late");
      expect(await grid.locator('tr[data-state="COL"] td[data-year="2012"]').textContent()).toContain(t.statuses.late);
      expect(await grid.locator('tr[data-state="ARG"] td[data-year="2012"]').getAttribute("data-status")).toBe(
        "missing",
      );
      expect(await grid.locator('tr[data-state="ARG"] td[data-year="2012"]').textContent()).toContain(
        t.statuses.missing,
      );
      expect(await grid.locator("tbody tr").count()).toBe(compliance.summary.participants);
      const summary = page.getByTestId("summary").locator('tr[data-year="2012"]');
      expect(await summary.locator('[data-count="late"]').textContent()).toBe(String(compliance.summary.late));
      expect(await summary.locator('[data-count="missing"]').textContent()).toBe(String(compliance.summary.missing));
      // Colombia's record over the years shown.
      const record = page.getByTestId("state-record");
      expect(await record.locator('li[data-year="2012"]').getAttribute("data-status")).toBe("late");
      expect(await record.locator('[data-count="late"] dd').textContent()).toBe("1");
      await noSidewaysScroll(page, "the dashboard at 1280 px");
      await shoot(page, "dashboard-unasur-after-1280");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  test("the comparison draws and tabulates Colombia's 2012 total, with its CSV", async () => {
    const { rows } = await api(`/exchanges/${UNASUR}/comparison?from=2010&to=2014`, colombia);
    const colombia2012 = rows.find((row: any) => row.state === "COL" && row.year === 2012);
    expect(colombia2012).toMatchObject({ currency: "COP", total: 2_000_000, population: 46_000_000 });
    const { page, context, errors } = await open(`/exchanges/${UNASUR}?from=2010&to=2014`, { person: colombia });
    try {
      await settled(page);
      const comparison = page.getByTestId("comparison");
      const row = comparison.locator('[data-testid="comparison-table"] tr[data-state="COL"][data-year="2012"]');
      await row.waitFor();
      expect(await row.locator('[data-cell="total"]').textContent()).toBe(
        new Intl.NumberFormat("en-GB", {
          style: "currency",
          currency: "COP",
          currencyDisplay: "code",
          minimumFractionDigits: 0,
          maximumFractionDigits: 2,
        }).format(colombia2012.total),
      );
      // The chart: share of GDP first (the return gives the GDP), then the total, each a bar for Colombia 2012.
      const chart = comparison.getByTestId("comparison-chart");
      expect(await chart.getAttribute("data-metric")).toBe("shareOfGdp");
      expect(await chart.locator('g.xc-chart-bar[data-state="COL"][data-year="2012"]').count()).toBe(1);
      await comparison.getByRole("radio", { name: t.metrics.total }).check();
      await expect.poll(() => chart.getAttribute("data-metric")).toBe("total");
      const bar = chart.locator('g.xc-chart-bar[data-state="COL"][data-year="2012"]');
      expect(await bar.locator("text.xc-chart-label").textContent()).toBe("Colombia 2012");
      expect(await chart.locator("svg desc").textContent()).toContain("Colombia 2012");
      const csv = await comparison.getByTestId("csv-link").getAttribute("href");
      expect(csv).toContain("format=csv");
      const download = await fetch(concord.baseUrl + csv, { headers: { Cookie: colombia.cookie } });
      expect(download.status).toBe(200);
      expect(await download.text()).toContain("COL,2012,COP,2000000");
      await noSidewaysScroll(page, "the regime at 1280 px");
      await shoot(page, "regime-unasur-signed-in-1280");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});

describe("an anonymous reader", () => {
  test("sees the public OAS exchange's dashboard as the API counts it, and why UNASUR's is not shown", async () => {
    const regimes = (await api("/exchanges")).regimes;
    const oas = regimes.find((entry: any) => entry.regime.code === OAS);
    const year = oas.latestYear - 1;
    const compliance = await api(`/exchanges/${OAS}/compliance?year=${year}`);
    const { page, context, errors } = await open("/exchanges");
    try {
      await settled(page);
      expect(await text(page, "main h1")).toBe(EXCHANGE_NAV.en.exchangesTitle);
      // Every regime, restricted or public in words.
      const cards = page.getByTestId("regimes").locator("[data-regime]");
      const card = (code: string) => page.getByTestId("regimes").locator(`[data-regime="${code}"]`);
      expect(await cards.count()).toBe(regimes.length);
      expect(await card(UNASUR).locator("[data-restricted]").textContent()).toBe(t.regimeRestricted);
      expect(await card(OAS).locator("[data-restricted]").textContent()).toBe(t.regimePublic);
      expect(await card(OAS).textContent()).toContain(t.deadlineRule("14 April", 1));
      // The first regime's dashboard: OAS, the latest five years.
      const dashboard = page.getByTestId("dashboard");
      expect(await dashboard.getAttribute("data-regime")).toBe(OAS);
      const summary = page.getByTestId("summary").locator(`tr[data-year="${year}"]`);
      for (const status of ["on-time", "late", "missing", "not-yet-due"] as const)
        expect(await summary.locator(`[data-count="${status}"]`).textContent()).toBe(
          String(compliance.summary[status]),
        );
      const grid = page.getByTestId("compliance-grid");
      for (const entry of compliance.states.slice(0, 5))
        expect(
          await grid.locator(`tr[data-state="${entry.state}"] td[data-year="${year}"]`).getAttribute("data-status"),
        ).toBe(entry.status);
      expect(await page.getByTestId("legend").textContent()).toContain(t.statusMeanings.missing);
      await noSidewaysScroll(page, "the exchanges at 1280 px");
      await shoot(page, "exchanges-1280");

      // A restricted regime: an explanation and a way to sign in, not an error.
      await page.locator("#dashboard-regime").selectOption(UNASUR);
      await page.waitForURL((url) => url.searchParams.get("regime") === UNASUR);
      const notice = page.getByTestId("restricted-notice");
      await notice.waitFor();
      expect(await notice.textContent()).toContain(t.restrictedSignIn("UNASUR"));
      expect(await notice.getByRole("link", { name: en.signIn }).getAttribute("href")).toContain("/sign-in");
      await shoot(page, "exchanges-restricted-1280");

      // The registry's page: the publication's figures with their sources, reconstructed where so.
      const { publications } = await api(`/exchanges/${UNASUR}`);
      const [publication] = publications;
      await page.goto(`${concord.baseUrl}/exchanges/${UNASUR}`);
      await settled(page);
      const figures = page.getByTestId("figures").locator("tbody tr");
      expect(await figures.count()).toBe(publication.figures.length);
      const reconstructed = publication.figures.filter((figure: any) => figure.reconstructed).length;
      expect(await page.getByTestId("figures").locator('tr[data-reconstructed="true"]').count()).toBe(reconstructed);
      expect(await page.getByTestId("figures").locator(".xc-tag-reconstructed").count()).toBe(reconstructed);
      expect(await figures.first().textContent()).toContain("USD 126,110 million");
      expect(await figures.first().locator("[data-source]").getAttribute("data-source")).toBe(
        publication.figures[0].source,
      );
      const notes = page.getByTestId("publication-sources");
      expect(await notes.textContent()).toContain(publication.figures[0].quote);
      expect(await page.getByTestId("submissions").locator("tbody tr").count()).toBe(publication.submissions.length);
      // Its comparison is the participants': explained, not shown.
      expect(await page.getByTestId("comparison").getByTestId("restricted-notice").textContent()).toContain(
        t.restrictedSignIn("UNASUR"),
      );
      await noSidewaysScroll(page, "the registry at 1280 px");
      await shoot(page, "regime-unasur-1280");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});

// ---------------------------------------------------------------- four languages

const LOCALES: Record<Other, string> = { es: "es-ES", pt: "pt-PT", fr: "fr-FR" };
const MAIN = { en, es, pt, fr };
const EXCHANGES = { en: exchangesEn, es: exchangesEs, pt: exchangesPt, fr: exchangesFr };
const CATALOGUES: Catalogues = [
  ["", MAIN],
  ["exchanges.", EXCHANGES],
  ["exchanges-nav.", EXCHANGE_NAV],
];

async function noEnglish(page: Page, lang: Other, what: string, heading: string): Promise<void> {
  await expectNoEnglish(page, { lang, what, heading, catalogues: CATALOGUES, shoot });
}

describe.each(["es", "pt", "fr"] as const)("in %s", (lang) => {
  test("the exchanges, a registry's page and a return (refused, then confirmed) show no English", async () => {
    const tl = { ...MAIN[lang], ...EXCHANGES[lang] };
    const states = (await api(`/actors?type=state&lang=${lang}`)).actors as Array<{ code: string; name: string }>;
    const colombiaIn = states.find((state) => state.code === "COL")?.name ?? "COL";
    const { regime } = await api(`/exchanges/${UNASUR}`);
    const { context, page, errors } = await open("/exchanges", { person: colombia, locale: LOCALES[lang] });
    try {
      await page.getByTestId("compliance-grid").waitFor({ timeout: 20_000 });
      await noEnglish(page, lang, "exchanges", EXCHANGE_NAV[lang].exchangesTitle);

      await page.goto(`${concord.baseUrl}/exchanges?regime=${UNASUR}&from=2010&to=2014&state=COL`);
      await page.getByTestId("state-record").waitFor({ timeout: 20_000 });
      await noEnglish(page, lang, "dashboard with a record", EXCHANGE_NAV[lang].exchangesTitle);

      await page.goto(`${concord.baseUrl}/exchanges/${UNASUR}?from=2010&to=2014`);
      await page.getByTestId("comparison-chart").waitFor({ timeout: 20_000 });
      await page.locator("details.xc-form-details summary").first().click();
      await noEnglish(page, lang, "registry", regime.names[lang]);

      // A return of 2013, refused under a field (the server's words in the reader's language), then confirmed.
      await page.goto(`${concord.baseUrl}/exchanges/${UNASUR}/returns/COL/2013`);
      await page.getByTestId("return-form").waitFor({ timeout: 20_000 });
      await page.locator("#return-currency").fill("COP");
      await page.locator(cell("army", "personnel")).fill("10");
      await page.locator(cell("army", "total")).fill("11");
      await page.getByRole("button", { name: tl.saveDraft, exact: true }).click();
      await page.locator("#return-expenditure-army-total-error").waitFor({ timeout: 20_000 });
      await noEnglish(page, lang, "return refused", tl.returnHeading(colombiaIn, 2013));
      await page.locator(cell("army", "total")).fill("10");
      await page.getByRole("button", { name: tl.submitReturn }).click();
      await page.getByRole("alertdialog").waitFor();
      await noEnglish(page, lang, "return confirm", tl.returnHeading(colombiaIn, 2013));
      await page.getByRole("alertdialog").getByRole("button", { name: tl.cancelSubmit }).click();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 150_000);
});

// ---------------------------------------------------------------- a phone

describe("on a 360 × 740 phone", () => {
  test("the exchanges, a dashboard, a registry's page and a return fit the screen", async () => {
    // A reader of the submitted return who may not write it: Argentina's delegation.
    const argentina = await signInAs(concord, { organization: "UNASUR", role: "delegation-member", state: "ARG" });
    const pages: Array<[string, string, string, Person | undefined]> = [
      ["exchanges", "/exchanges", '[data-testid="compliance-grid"]', undefined],
      [
        "dashboard",
        `/exchanges?regime=${UNASUR}&from=2010&to=2014&state=COL`,
        '[data-testid="state-record"]',
        colombia,
      ],
      ["registry", `/exchanges/${UNASUR}?from=2010&to=2014`, '[data-testid="comparison-chart"]', colombia],
      ["registry-anonymous", `/exchanges/${UNASUR}`, '[data-testid="publications"]', undefined],
      ["oas", `/exchanges/${OAS}`, '[data-testid="forms"]', undefined],
      ["return", `/exchanges/${UNASUR}/returns/COL/2012`, '[data-testid="return-form"]', colombia],
      ["return-read", `/exchanges/${UNASUR}/returns/COL/2012`, '[data-testid="return-view"]', argentina],
    ];
    for (const [what, address, ready, person] of pages) {
      const { context, page, errors } = await open(address, { person, width: 360, height: 740 });
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
    // The chart is drawn at the phone's width, not scaled down from a wider one.
    const { context, page } = await open(`/exchanges/${UNASUR}?from=2010&to=2014`, {
      person: colombia,
      width: 360,
      height: 740,
    });
    try {
      const svg = page.getByTestId("comparison-chart").locator("svg");
      await svg.waitFor({ timeout: 20_000 });
      const box = await svg.boundingBox();
      expect(box?.width).toBeLessThanOrEqual(360);
      expect(Number(await svg.getAttribute("width"))).toBe(Math.round(box?.width ?? 0));
    } finally {
      await context.close();
    }
  }, 150_000);
});
