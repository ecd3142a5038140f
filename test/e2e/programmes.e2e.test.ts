/**
 * Partnership programmes in the web UI, in a real browser (Debian's Chromium through
 * playwright-core) against a real Concord serving web/dist. Seeded over the API as people would:
 * NATO's secretariat opens Colombia's ITPP, Colombia's delegation drafts its tree, the secretariat
 * proposes it to the North Atlantic Council under the silence procedure and the job worker adopts
 * it at the deadline (the test waits for the version to be in force, never for a time); then a
 * second version the same way, and indicators with baselines, targets and a reporter.
 *
 * Then in the browser: the list and its filters, the new-programme form and its refusal; an Ally's
 * delegation reading the tree, an indicator chart and its table, the versions, the switcher and
 * the comparison; an analyst's summary; another partner's delegation refused; a reporter's update
 * returned and another approved, the chart's actual changing; the partner's delegation drafting a
 * new version in the editor (a refusal under its field) and the secretariat proposing it; the
 * pages in Spanish, Portuguese and French with no English catalogue string; a phone's width with no
 * sideways scroll.
 *
 * Screenshots go to PROGRAMMES_SCREENS (default: the system's temporary folder), never the repo.
 */
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { en } from "../../web/src/i18n/en.ts";
import { es } from "../../web/src/i18n/es.ts";
import { fr } from "../../web/src/i18n/fr.ts";
import { pt } from "../../web/src/i18n/pt.ts";
import { en as programmesEn } from "../../web/src/i18n/programmes/en.ts";
import { es as programmesEs } from "../../web/src/i18n/programmes/es.ts";
import { fr as programmesFr } from "../../web/src/i18n/programmes/fr.ts";
import { pt as programmesPt } from "../../web/src/i18n/programmes/pt.ts";
import {
  noSidewaysScroll,
  type OpenedPage,
  screenshots,
  startBrowserTest,
  stopBrowserTest,
} from "../support/browser.ts";
import type { TestConcord } from "../support/concord.ts";
import { type Catalogues, englishOn, type Other, watchApiData } from "../support/english-on-page.ts";
import { signInAs, type Person } from "../support/people.ts";
import { until } from "../support/wait.ts";

const shoot = screenshots(process.env.PROGRAMMES_SCREENS ?? path.join(os.tmpdir(), "concord-programmes-screens"));

let concord: TestConcord;
let browser: Browser;
let secretariat: Person;
let colombia: Person;
let reporter: Person;
let france: Person;
let japan: Person;
let analyst: Person;
let programmeId: number;
/** Mongolia's programme: an empty draft, for the pages in other languages to edit and propose. */
let draftId: number;
/** The proposals that agreed versions 1 and 2. */
const agreedBy: number[] = [];

const titles = (en: string, es: string, pt: string, fr: string) => ({ en, es, pt, fr });

/** Version 1 of Colombia's ITPP: cyber defence and maritime security. */
const VERSION_1 = {
  summary: "Colombia's first individually tailored programme: cyber defence and maritime security.",
  objectives: [
    {
      ref: "O1",
      area: "cyber-defence",
      titles: titles("Cyber defence", "Ciberdefensa", "Ciberdefesa", "Cyberdéfense"),
      goals: [
        {
          ref: "G1.1",
          titles: titles(
            "A national incident response capability",
            "Una capacidad nacional de respuesta a incidentes",
            "Uma capacidade nacional de resposta a incidentes",
            "Une capacité nationale de réponse aux incidents",
          ),
          activities: [
            { ref: "A1.1.1", menuItem: "CYB-LAW", year: 2026 },
            {
              ref: "A1.1.2",
              titles: titles(
                "Expert visit to the national CSIRT",
                "Visita de expertos al CSIRT nacional",
                "Visita de peritos ao CSIRT nacional",
                "Visite d'experts au CSIRT national",
              ),
              year: 2027,
            },
          ],
        },
      ],
    },
    {
      ref: "O2",
      area: "maritime-security",
      titles: titles("Maritime security", "Seguridad marítima", "Segurança marítima", "Sûreté maritime"),
      goals: [
        {
          ref: "G2.1",
          titles: titles(
            "Faster restoration of port services",
            "Restablecimiento más rápido de los servicios portuarios",
            "Restabelecimento mais rápido dos serviços portuários",
            "Rétablissement plus rapide des services portuaires",
          ),
          activities: [{ ref: "A2.1.1", menuItem: "NSO-COURSE", year: 2026 }],
        },
      ],
    },
  ],
};

/** Version 2: goal G1.1 reworded, the expert visit replaced by an exercise, human security added. */
const VERSION_2 = {
  summary: "The December review: incident response within 24 hours, and human security added.",
  objectives: [
    {
      ...VERSION_1.objectives[0],
      goals: [
        {
          ref: "G1.1",
          titles: titles(
            "Incidents handled within 24 hours",
            "Incidentes atendidos en 24 horas",
            "Incidentes tratados em 24 horas",
            "Incidents traités en 24 heures",
          ),
          activities: [
            { ref: "A1.1.1", menuItem: "CYB-LAW", year: 2026 },
            { ref: "A1.1.3", menuItem: "CYB-LOCKED-SHIELDS", year: 2027 },
          ],
        },
      ],
    },
    VERSION_1.objectives[1],
    {
      ref: "O3",
      area: "human-security",
      titles: titles("Human security", "Seguridad humana", "Segurança humana", "Sécurité humaine"),
      goals: [
        {
          ref: "G3.1",
          titles: titles(
            "Protection of civilians in operations",
            "Protección de civiles en las operaciones",
            "Proteção de civis nas operações",
            "Protection des civils dans les opérations",
          ),
          activities: [],
        },
      ],
    },
  ],
};

async function ok(answer: Promise<{ status: number; body: any }>, status = 200): Promise<any> {
  const { status: got, body } = await answer;
  expect(got, JSON.stringify(body)).toBe(status);
  return body;
}

/** Proposes the open draft for agreement with a deadline seconds away, and waits until the job worker has put it in force. */
async function agree(number: number): Promise<void> {
  const proposed = await ok(
    secretariat.send("POST", `/api/v1/programmes/${programmeId}/agreement`, {
      deadline: new Date(Date.now() + 2_500).toISOString(),
    }),
  );
  expect(proposed.programme.version).toMatchObject({ number, status: "proposed" });
  agreedBy.push(proposed.programme.version.proposalId);
  await until(
    `version ${number} of programme ${programmeId} in force`,
    async () => {
      const { body } = await secretariat.send("GET", `/api/v1/programmes/${programmeId}`);
      return body.programme.inForce === number ? true : undefined;
    },
    30_000,
  );
}

let indicatorPercent: number;

beforeAll(async () => {
  ({ concord, browser } = await startBrowserTest());
  secretariat = await signInAs(concord, { organization: "NATO", role: "secretariat-staff", name: "Sam Secretariat" });
  colombia = await signInAs(concord, {
    organization: "NATO",
    role: "delegation-head",
    state: "COL",
    name: "Camila Rojas",
  });
  reporter = await signInAs(concord, {
    organization: "NATO",
    role: "delegation-member",
    state: "COL",
    name: "Rosa Reporter",
  });
  france = await signInAs(concord, {
    organization: "NATO",
    role: "delegation-head",
    state: "FRA",
    name: "Claire Martin",
  });
  japan = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "JPN", name: "Jun Sato" });
  analyst = await signInAs(concord, { organization: "NATO", role: "analyst", name: "Ana Analyst" });

  const created = await ok(
    secretariat.send("POST", "/api/v1/programmes", {
      partner: "COL",
      kind: "ITPP",
      start: "2026-01-01",
      end: "2027-12-31",
    }),
    201,
  );
  programmeId = created.programme.id;
  const mongolia = await ok(
    secretariat.send("POST", "/api/v1/programmes", {
      partner: "MNG",
      kind: "IPCP",
      start: "2026-01-01",
      end: "2027-12-31",
    }),
    201,
  );
  draftId = mongolia.programme.id;
  await ok(colombia.send("PUT", `/api/v1/programmes/${programmeId}/draft`, VERSION_1));
  await agree(1);
  await ok(colombia.send("POST", `/api/v1/programmes/${programmeId}/versions`), 201);
  await ok(colombia.send("PUT", `/api/v1/programmes/${programmeId}/draft`, VERSION_2));
  await agree(2);

  // Results: a percentage (more is better) on G1.1, reported by Rosa; days to restore (fewer is better) on G2.1.
  const percent = await ok(
    secretariat.send("POST", `/api/v1/programmes/${programmeId}/indicators`, {
      goalRef: "G1.1",
      ref: "I1",
      titles: titles(
        "Share of incidents handled within 24 hours",
        "Proporción de incidentes atendidos en 24 horas",
        "Proporção de incidentes tratados em 24 horas",
        "Part des incidents traités en 24 heures",
      ),
      measure: "percentage",
      ascending: true,
      baseline: { year: 2025, value: 20 },
      reporters: [reporter.accountId],
    }),
    201,
  );
  indicatorPercent = percent.indicator.id;
  for (const [start, end, value] of [
    ["2026-01-01", "2026-12-31", 50],
    ["2027-01-01", "2027-12-31", 80],
  ] as const)
    await ok(
      secretariat.send("POST", `/api/v1/indicators/${indicatorPercent}/periods`, { start, end, target: { value } }),
      201,
    );
  const days = await ok(
    secretariat.send("POST", `/api/v1/programmes/${programmeId}/indicators`, {
      goalRef: "G2.1",
      ref: "I2",
      titles: titles(
        "Days to restore port services",
        "Días para restablecer los servicios portuarios",
        "Dias para restabelecer os serviços portuários",
        "Jours pour rétablir les services portuaires",
      ),
      measure: "unit",
      ascending: false,
      baseline: { year: 2025, value: 14 },
      reporters: [reporter.accountId],
    }),
    201,
  );
  const withPeriod = await ok(
    secretariat.send("POST", `/api/v1/indicators/${days.indicator.id}/periods`, {
      start: "2026-01-01",
      end: "2026-12-31",
      target: { value: 10 },
    }),
    201,
  );
  const period = withPeriod.indicator.periods[0].id;
  const update = await ok(reporter.send("POST", `/api/v1/periods/${period}/updates`, { value: 9 }), 201);
  await ok(reporter.send("POST", `/api/v1/updates/${update.update.id}/submission`));
  await ok(secretariat.send("POST", `/api/v1/updates/${update.update.id}/approval`));
}, 240_000);

afterAll(() => stopBrowserTest({ concord, browser }), 60_000);

/** A fresh browser signed in as `person` on `pathAndQuery`, collecting the page's errors. */
async function open(
  person: Person,
  pathAndQuery: string,
  options: { width?: number; height?: number; locale?: string } = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    locale: options.locale ?? "en-GB",
    timezoneId: "Europe/Brussels",
    reducedMotion: "reduce",
  });
  const [name, value] = person.cookie.split("=") as [string, string];
  await context.addCookies([{ name, value, url: concord.baseUrl }]);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(concord.baseUrl + pathAndQuery);
  return { context, page, errors };
}

const squash = (text: string | null) => (text ?? "").replace(/\s+/g, " ").trim();
const t = { ...en, ...programmesEn };
const programmeTitle = "Colombia: ITPP 2026–2027";

/** An indicator's chart on the page, its table opened. */
async function chartOf(page: Page, ref: string) {
  const block = page.locator(`[data-indicator="${ref}"]`);
  await block.locator("details.indicator-chart-table summary").click();
  return block;
}

/** An indicator's table as shown: each row's period, target and actual. */
async function tableRows(block: ReturnType<Page["locator"]>): Promise<string[][]> {
  return block
    .locator('[data-testid="indicator-table"] tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => (cell.textContent ?? "").trim())));
}

describe("partnership programmes in the web UI", () => {
  test("the secretariat lists the programmes, filters them, and opens a new one with the form (a refusal under its field)", async () => {
    const { context, page, errors } = await open(secretariat, "/");
    try {
      await page.locator("header.site-header").getByRole("link", { name: t.navCooperation }).click();
      await page.waitForURL(/\/programmes$/);
      expect(squash(await page.locator("main h1").textContent())).toBe(t.programmesTitle);
      const row = page.locator(`[data-testid="programmes"] tr[data-programme="${programmeId}"]`);
      await expect.poll(() => row.textContent()).toContain("Colombia");
      expect(squash(await row.textContent())).toContain(t.versionStatuses["in-force"]);
      expect(squash(await row.textContent())).toContain(t.versionNumber(2));
      // The reconstructed starter programme is there too, marked as such.
      const reconstructed = page.locator('[data-testid="programmes"] tbody tr', { hasText: t.reconstructed });
      expect(await reconstructed.count()).toBe(1);
      await shoot(page, "list-desktop");

      await page.locator("#programmes-kind").selectOption("ITPP");
      await page.waitForURL(/kind=ITPP/);
      await expect.poll(() => page.locator('[data-testid="programmes"] tbody tr').count()).toBe(1);
      const csv = await page.getByTestId("csv-link").getAttribute("href");
      expect(csv).toContain("kind=ITPP");
      const download = await fetch(concord.baseUrl + csv, { headers: { Cookie: secretariat.cookie } });
      expect(download.status).toBe(200);
      expect(download.headers.get("content-type")).toContain("text/csv");
      expect(await download.text()).toContain("ITPP");

      // A new programme for Japan: an end before the start is refused under the end date.
      const form = page.getByTestId("new-programme");
      await form.getByRole("button", { name: t.newProgramme }).click();
      await page.locator("#new-programme-partner").fill("JPN");
      await page.locator("#new-programme-kind").fill("ITPP");
      await page.locator("#new-programme-start").fill("2027-01-01");
      await page.locator("#new-programme-end").fill("2026-12-31");
      await page.locator("#new-programme-submit").click();
      await expect.poll(() => page.locator("#new-programme-end-error").textContent()).toContain("2027-01-01");
      expect(await page.locator("#new-programme-end").getAttribute("aria-invalid")).toBe("true");
      await page.locator("#new-programme-end").fill("2028-12-31");
      await page.locator("#new-programme-submit").click();
      await page.waitForURL(/\/programmes\/\d+$/);
      await expect.poll(async () => squash(await page.locator("main h1").textContent())).toBe("Japan: ITPP 2027–2028");
      expect(squash(await page.locator(".prog-badges").textContent())).toContain(t.versionStatuses.draft);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  test("an Ally's delegation reads the tree, an indicator's chart and table, the versions, and compares two of them", async () => {
    const { context, page, errors } = await open(france, `/programmes/${programmeId}`);
    try {
      await expect.poll(async () => squash(await page.locator("main h1").textContent())).toBe(programmeTitle);
      const tree = page.getByTestId("programme-tree");
      await expect.poll(() => tree.locator("[data-objective]").count()).toBe(3);
      // G1.1's activities by year, a menu item linking to the menu.
      const goal = tree.locator('[data-goal="G1.1"]');
      expect(squash(await goal.locator("h4").textContent())).toContain("Incidents handled within 24 hours");
      expect(await goal.locator(".prog-year-heading").allTextContents()).toEqual(["2026", "2027"]);
      expect(await goal.locator('a[href="/menu?q=CYB-LAW"]').count()).toBe(1);

      // The percentage indicator: its baseline, targets, and nothing reported yet.
      const chart = await chartOf(page, "I1");
      expect(await tableRows(chart)).toEqual([
        [t.baselineLabel(2025), t.none, "20%"],
        ["2026", "50%", t.noActual],
        ["2027", "80%", t.noActual],
      ]);
      const svg = chart.locator("svg[role=img]");
      expect(await svg.locator("title").textContent()).toContain("I1");
      expect(await svg.locator("desc").textContent()).toContain(t.chartBaseline(2025, "20%"));
      expect(await chart.locator(".legend-direction").textContent()).toContain(t.higherIsBetter);
      // Fewer days is better; its approved actual is drawn and tabled.
      const days = await chartOf(page, "I2");
      expect(await days.locator(".legend-direction").textContent()).toContain(t.lowerIsBetter);
      expect(await tableRows(days)).toEqual([
        [t.baselineLabel(2025), t.none, "14"],
        ["2026", "10", "9"],
      ]);
      expect(await days.locator(".chart-actual").count()).toBe(1);
      // An Ally reads but does not report.
      expect(await page.getByRole("button", { name: t.reportProgress }).count()).toBe(0);
      await shoot(page, "programme-desktop");

      // Versions: version 1 superseded, each agreed by its decision.
      const versions = page.getByTestId("versions");
      expect(await versions.locator("li[data-version]").count()).toBe(2);
      const first = versions.locator('li[data-version="1"]');
      expect(squash(await first.textContent())).toContain(t.versionStatuses.superseded);
      expect(await first.getByRole("link", { name: t.agreementLink(agreedBy[0] ?? 0) }).getAttribute("href")).toBe(
        `/proposals/${agreedBy[0]}`,
      );
      await page.locator("#version-switcher").selectOption("1");
      await page.waitForURL(/version=1/);
      await expect
        .poll(() => page.locator(".page-programme").getAttribute("data-version"), { timeout: 20_000 })
        .toBe("1");
      expect(squash(await page.getByTestId("programme-tree").textContent())).toContain(
        "Expert visit to the national CSIRT",
      );

      // Compared with version 2: human security added, G1.1 reworded, the expert visit gone.
      await page.getByTestId("compare-button").click();
      await page.waitForURL(new RegExp(`/programmes/${programmeId}/compare\\?from=1&to=2$`));
      const changes = page.getByTestId("changes");
      await changes.waitFor();
      expect(await changes.locator('li[data-ref="O3"]').getAttribute("data-change")).toBe("added");
      expect(await changes.locator('li[data-ref="A1.1.2"]').getAttribute("data-change")).toBe("removed");
      const reworded = changes.locator('li[data-ref="G1.1"]');
      expect(await reworded.getAttribute("data-change")).toBe("changed");
      expect(squash(await reworded.getByTestId("fields-changed").textContent())).toBe(
        t.fieldsChanged(t.fieldNames.titles ?? "titles"),
      );
      expect(await reworded.locator(".is-after mark").first().textContent()).toBe("Incidents handled within 24 hours");
      await shoot(page, "compare-desktop");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  test("an analyst reads the summary only, and another partner's delegation is told there is no such programme", async () => {
    const asAnalyst = await open(analyst, `/programmes/${programmeId}`);
    try {
      const { page } = asAnalyst;
      await page.getByTestId("summary-only").waitFor();
      expect(squash(await page.getByTestId("summary-only").textContent())).toContain(t.summaryOnly);
      expect(squash(await page.getByTestId("programme-summary").textContent())).toBe(VERSION_2.summary);
      expect(await page.getByTestId("programme-tree").count()).toBe(0);
      expect(await page.locator("[data-indicator]").count()).toBe(0);
      await shoot(page, "analyst");
      expect(asAnalyst.errors).toEqual([]);
    } finally {
      await asAnalyst.context.close();
    }
    const asJapan = await open(japan, `/programmes/${programmeId}`);
    try {
      const { page } = asJapan;
      await page.getByTestId("programme-not-found").waitFor();
      expect(squash(await page.getByTestId("programme-not-found").textContent())).toContain(t.programmeNotFound);
      expect(squash(await page.locator("main").textContent())).not.toContain("Colombia");
      await page.goto(`${concord.baseUrl}/programmes`);
      await page.locator('[data-testid="programmes"], .empty').first().waitFor();
      expect(await page.locator(`tr[data-programme="${programmeId}"]`).count()).toBe(0);
    } finally {
      await asJapan.context.close();
    }
  }, 120_000);

  test("a reporter reports progress (a refusal under its field); the secretariat returns one with a comment and approves the other, and the chart's actual changes", async () => {
    const asReporter = await open(reporter, `/programmes/${programmeId}`);
    try {
      const { page } = asReporter;
      const block = page.locator('[data-indicator="I1"]');
      // By keyboard: the button opens the form and the focus moves into its first field.
      await block.getByRole("button", { name: t.reportProgressFor("I1", "2026") }).focus();
      await page.keyboard.press("Enter");
      await expect
        .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent))
        .toBe(t.numeratorLabel);
      const form = block.getByTestId("report-form");
      await form.getByLabel(t.numeratorLabel).fill("3");
      await form.getByLabel(t.denominatorLabel).fill("0");
      await form.getByRole("button", { name: t.submitForApproval }).click();
      // The API's refusal, under the denominator.
      const denominator = form.getByLabel(t.denominatorLabel);
      await expect.poll(() => denominator.getAttribute("aria-invalid")).toBe("true");
      const errorId = (await denominator.getAttribute("aria-describedby")) ?? "";
      expect(squash(await page.locator(`#${errorId}`).textContent())).not.toBe("");
      await denominator.fill("4");
      await form.getByRole("button", { name: t.submitForApproval }).click();
      await expect.poll(() => block.locator(".prog-report-period").first().textContent()).toContain(t.waitingCount(1));
      // And the second year, to be returned.
      await block.getByRole("button", { name: t.reportProgressFor("I1", "2027") }).click();
      await block.getByTestId("report-form").getByLabel(t.numeratorLabel).fill("1");
      await block.getByTestId("report-form").getByLabel(t.denominatorLabel).fill("2");
      await block.getByTestId("report-form").getByRole("button", { name: t.submitForApproval }).click();
      await expect.poll(() => block.locator(".prog-report-period").nth(1).textContent()).toContain(t.waitingCount(1));
      expect(asReporter.errors).toEqual([]);
    } finally {
      await asReporter.context.close();
    }

    const comment = "Count only the incidents closed, please.";
    const asSecretariat = await open(secretariat, `/programmes/${programmeId}`);
    try {
      const { page } = asSecretariat;
      const pending = page.getByTestId("pending-updates");
      await expect.poll(() => pending.locator("[data-update]").count()).toBe(2);
      await shoot(page, "pending-desktop");
      const later = pending.locator("[data-update]", { hasText: "2027" });
      await later
        .getByRole("button", { name: t.returnWhat("I1 · Share of incidents handled within 24 hours") })
        .click();
      await later.getByLabel(t.returnComment).fill(comment);
      await later.locator("form").getByRole("button", { name: t.returnForRevision }).click();
      const dialog = page.getByRole("alertdialog");
      await dialog.waitFor();
      expect(squash(await dialog.textContent())).toContain(t.returnEffect);
      await dialog.getByRole("button", { name: t.returnForRevision }).click();
      await expect.poll(() => pending.locator("[data-update]").count()).toBe(1);

      const block = await chartOf(page, "I1");
      expect((await tableRows(block))[1]).toEqual(["2026", "50%", t.noActual]);
      await pending.getByRole("button", { name: t.approve }).click();
      await expect.poll(async () => (await tableRows(block))[1]).toEqual(["2026", "50%", "75% (3/4)"]);
      expect((await tableRows(block))[0]).toEqual([t.baselineLabel(2025), t.none, "20%"]);
      await expect.poll(() => block.locator(".chart-actual").count()).toBe(1);
      expect(await page.getByTestId("pending-updates").count()).toBe(0);
      // From the baseline (20%) towards the target (50%), 75% is all the way.
      await expect
        .poll(() => page.locator('[data-goal="G1.1"] [data-testid="goal-progress"]').getAttribute("data-progress"))
        .toBe("100");
      await shoot(page, "approved-desktop");
      expect(asSecretariat.errors).toEqual([]);
    } finally {
      await asSecretariat.context.close();
    }

    const again = await open(reporter, `/programmes/${programmeId}`);
    try {
      const returned = again.page.locator('[data-indicator="I1"] .prog-returned');
      await returned.waitFor();
      expect(squash(await returned.textContent())).toBe(`${t.returnedForRevision} ${comment}`);
    } finally {
      await again.context.close();
    }
  }, 150_000);

  test("the partner's delegation drafts a new version in the editor (a refusal under the field it names), and the secretariat proposes it", async () => {
    const asColombia = await open(colombia, `/programmes/${programmeId}`);
    try {
      const { page } = asColombia;
      await page.getByTestId("new-version").getByRole("button", { name: t.newVersion }).click();
      await page.waitForURL(/version=3/);
      await expect.poll(() => page.locator(".page-programme").getAttribute("data-status")).toBe("draft");
      await page.getByTestId("edit-draft").click();
      const editor = page.getByTestId("draft-editor");
      await editor.waitFor();
      // An activity planned outside the programme's period is refused under its year.
      const year = page.locator("#draft-objectives-0-goals-0-activities-1-year");
      expect(await year.inputValue()).toBe("2027");
      await year.fill("2031");
      await page.locator("#draft-submit").click();
      await expect.poll(() => year.getAttribute("aria-invalid")).toBe("true");
      expect(squash(await page.locator("#draft-objectives-0-goals-0-activities-1-year-error").textContent())).toContain(
        "2031",
      );
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.id))
        .toBe("draft-objectives-0-goals-0-activities-1-year");
      await year.fill("2027");
      // A new objective with a goal and an activity from the menu.
      await editor.getByRole("button", { name: t.addObjective }).click();
      await page.locator("#draft-objectives-3-titles-en").fill("Building integrity");
      await page.locator("#draft-objectives-3-area").selectOption("building-integrity");
      await editor.getByRole("button", { name: `${t.addGoal} (${t.objectiveNumber(4)})` }).click();
      await page.locator("#draft-objectives-3-goals-0-titles-en").fill("A self-assessment of the ministry");
      await editor.getByRole("button", { name: `${t.addActivity} (${t.goalNumber(4, 1)})` }).click();
      await page.locator("#draft-objectives-3-goals-0-activities-0-menuItem").fill("bi-saq-pr");
      await shoot(page, "editor-desktop");
      await page.locator("#draft-submit").click();
      await page.getByTestId("programme-tree").waitFor();
      const added = page.locator('[data-objective="O4"]');
      await added.waitFor();
      expect(squash(await added.locator("h3").textContent())).toContain("Building integrity");
      expect(await added.locator('a[href="/menu?q=BI-SAQ-PR"]').count()).toBe(1);
      // The delegation may draft but not propose.
      expect(await page.getByTestId("propose-form").count()).toBe(0);
      expect(asColombia.errors).toEqual([]);
    } finally {
      await asColombia.context.close();
    }

    const asSecretariat = await open(secretariat, `/programmes/${programmeId}?version=3`);
    try {
      const { page } = asSecretariat;
      const form = page.getByTestId("propose-form");
      await form.getByRole("button", { name: t.proposeButton }).click();
      const dialog = page.getByRole("alertdialog");
      await dialog.waitFor();
      // The council's name comes with the previous agreement's proposal, read when the form shows.
      await expect
        .poll(async () => squash(await dialog.getByTestId("propose-effect").textContent()))
        .toContain("silence procedure in the North Atlantic Council");
      const effect = squash(await dialog.getByTestId("propose-effect").textContent());
      expect(effect).toContain("version 3 comes into force");
      await shoot(page, "propose-confirm");
      await dialog.getByRole("button", { name: t.proposeConfirmSilence }).click();
      const banner = page.getByTestId("proposed-banner");
      await banner.waitFor();
      expect(squash(await banner.textContent())).toContain(t.proposedBanner(3));
      const link = await banner.getByRole("link").getAttribute("href");
      expect(link).toMatch(/^\/proposals\/\d+$/);
      const { body } = await secretariat.send("GET", `/api/v1${link}`);
      expect(body.proposal).toMatchObject({ status: "open", purpose: "programme", procedure: { kind: "silence" } });
      expect(asSecretariat.errors).toEqual([]);
    } finally {
      await asSecretariat.context.close();
    }
  }, 150_000);

  test("a delegation's dashboard: its programme with progress, the results it owes, events, nominations and its digest, also on a phone", async () => {
    for (const size of [
      { width: 1280, height: 900 },
      { width: 360, height: 740 },
    ]) {
      const { context, page, errors } = await open(colombia, "/", size);
      try {
        await page.goto(`${concord.baseUrl}/our-programme`);
        expect(squash(await page.locator("main h1").textContent())).toBe(t.ourProgrammeTitle);
        const programmes = page.getByTestId("dash-programmes");
        const card = programmes.locator(`[data-programme="${programmeId}"]`);
        await card.waitFor({ timeout: 20_000 });
        expect(await card.getByRole("link").getAttribute("href")).toBe(`/programmes/${programmeId}`);
        expect(squash(await card.textContent())).toContain(t.versionInForce(2));
        // Another partner's programme is never on Colombia's dashboard.
        expect(await programmes.locator(`[data-programme="${draftId}"]`).count()).toBe(0);
        for (const panel of ["dash-results", "dash-events", "dash-nominations", "dash-digest"])
          await page.getByTestId(panel).waitFor();
        expect(await page.locator('[data-testid="dash-results"] [data-due]').count()).toBe(4);
        await noSidewaysScroll(page, `our programme at ${size.width}px`);
        await shoot(page, `our-programme-${size.width}`);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }
  }, 120_000);

  test("at a phone's width (360 × 740) nothing scrolls sideways: the list, a programme with its charts, the editor, the comparison", async () => {
    const pages: Array<[Person, string, string]> = [
      [secretariat, "/programmes", "list"],
      [secretariat, `/programmes/${programmeId}?version=2`, "programme"],
      [secretariat, `/programmes/${draftId}`, "draft"],
      [france, `/programmes/${programmeId}/compare?from=1&to=3`, "compare"],
    ];
    for (const [person, where, name] of pages) {
      const { context, page, errors } = await open(person, where, { width: 360, height: 740 });
      try {
        await page.locator("main h1").first().waitFor();
        await page.waitForFunction(() => !document.querySelector("main .spinner"), undefined, { timeout: 20_000 });
        if (name === "programme") {
          await page.locator("[data-indicator]").first().waitFor();
          for (const summary of await page.locator("details.indicator-chart-table summary").all())
            await summary.click();
          // The chart is drawn at the width it has, no wider.
          const widths = await page
            .locator("svg.indicator-chart-svg")
            .evaluateAll((svgs) => svgs.map((svg) => svg.getBoundingClientRect().right));
          for (const right of widths) expect(right).toBeLessThanOrEqual(360);
        }
        if (name === "draft") {
          await page.getByTestId("edit-draft").click();
          await page.getByTestId("draft-editor").waitFor();
        }
        if (name === "compare") await page.getByTestId("changes").waitFor();
        await noSidewaysScroll(page, name);
        await shoot(page, `phone-${name}`);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }
  }, 150_000);

  test("the secretariat defines an indicator under a goal (a refusal under its field, nothing changed), then a period with its target, and its chart appears; also at a phone's width", async () => {
    const title = "Share of operations with a civilian harm mitigation cell";
    const desktop = await open(secretariat, `/programmes/${programmeId}?version=2`);
    let indicatorId: number;
    try {
      const { page } = desktop;
      const goal = page.locator('[data-goal="G3.1"]');
      expect(squash(await goal.locator(".prog-indicators").textContent({ timeout: 20_000 }))).toContain(t.noIndicators);
      await goal.getByRole("button", { name: t.addIndicatorTo("G3.1") }).click();
      const form = goal.getByTestId("new-indicator");
      const ref = page.locator("#new-indicator-G3-1-ref");
      // The form opens on its first field, with the next free reference.
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("new-indicator-G3-1-ref");
      expect(await ref.inputValue()).toBe("I3");
      // A reference another indicator has is refused under the reference.
      await ref.fill("I1");
      await form.getByLabel(t.titleIn.en).fill(title);
      await form.getByText(t.translations).click();
      await form
        .getByLabel(t.titleIn.es)
        .fill("Proporción de operaciones con una célula de mitigación de daños a civiles");
      await form.getByLabel(t.measureLabel, { exact: true }).selectOption("percentage");
      expect(await form.getByLabel(t.ascendingLabel).isChecked()).toBe(true);
      await form.getByLabel(t.baselineYearLabel, { exact: true }).fill("2025");
      await form.getByLabel(t.numeratorLabel).fill("1");
      await form.getByLabel(t.denominatorLabel).fill("4");
      await form.getByLabel("Rosa Reporter").check();
      await shoot(page, "new-indicator-desktop");
      await form.getByRole("button", { name: t.createIndicator }).click();
      await expect.poll(() => ref.getAttribute("aria-invalid")).toBe("true");
      expect(await ref.getAttribute("aria-describedby")).toContain("new-indicator-G3-1-ref-error");
      expect(squash(await page.locator("#new-indicator-G3-1-ref-error").textContent())).toContain(
        "Another indicator of this programme has the reference I1",
      );
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("new-indicator-G3-1-ref");
      // Nothing changed: the page and the API still have two indicators, and the form keeps what was typed.
      expect(await page.locator("[data-indicator]").count()).toBe(2);
      const before = await ok(secretariat.send("GET", `/api/v1/programmes/${programmeId}/results`));
      expect(before.indicators.map((indicator: { ref: string }) => indicator.ref)).toEqual(["I1", "I2"]);
      expect(await form.getByLabel(t.titleIn.en).inputValue()).toBe(title);
      await shoot(page, "new-indicator-refused");

      await ref.fill("I3");
      await form.getByRole("button", { name: t.createIndicator }).click();
      const block = goal.locator('[data-indicator="I3"]');
      await block.waitFor({ timeout: 20_000 });
      expect(await goal.getByTestId("new-indicator").count()).toBe(0);
      expect(squash(await goal.locator(".prog-define > .form-status").last().textContent())).toContain(
        t.indicatorAdded("I3"),
      );
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("add-indicator-G3-1");
      expect(await block.locator("svg[role=img] title").textContent()).toBe(`I3 · ${title}`);
      expect(squash(await block.locator(".prog-indicator-meta").textContent())).toContain(
        t.reportedBy("Rosa Reporter"),
      );
      const after = await ok(secretariat.send("GET", `/api/v1/programmes/${programmeId}/results`));
      const created = after.indicators.find((indicator: { ref: string }) => indicator.ref === "I3");
      expect(created).toMatchObject({
        goalRef: "G3.1",
        measure: "percentage",
        ascending: true,
        titles: { en: title, pt: null },
        baseline: { year: 2025, value: null, numerator: 1, denominator: 4 },
        reporters: [{ id: reporter.accountId, name: "Rosa Reporter" }],
        periods: [],
      });
      indicatorId = created.id;

      // A period ending after the programme is refused under its end; then its first year, with a target of 75%.
      await block.getByRole("button", { name: t.addPeriodTo("I3") }).click();
      const periodForm = block.getByTestId("new-period");
      const start = page.locator(`#new-period-${indicatorId}-start`);
      const end = page.locator(`#new-period-${indicatorId}-end`);
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`new-period-${indicatorId}-start`);
      expect(await start.inputValue()).toBe("2026-01-01");
      expect(await end.inputValue()).toBe("2026-12-31");
      await end.fill("2028-12-31");
      await periodForm.getByLabel(t.figurePercentLabel, { exact: true }).fill("75");
      await periodForm.getByRole("button", { name: t.createPeriod }).click();
      await expect.poll(() => end.getAttribute("aria-invalid")).toBe("true");
      expect(squash(await page.locator(`#new-period-${indicatorId}-end-error`).textContent())).toContain("2027-12-31");
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`new-period-${indicatorId}-end`);
      const refused = await ok(secretariat.send("GET", `/api/v1/programmes/${programmeId}/results`));
      expect(refused.indicators.find((indicator: { id: number }) => indicator.id === indicatorId).periods).toEqual([]);
      await shoot(page, "new-period-refused");
      await end.fill("2026-12-31");
      await periodForm.getByRole("button", { name: t.createPeriod }).click();
      await expect.poll(() => block.getByTestId("new-period").count()).toBe(0);
      const chart = await chartOf(page, "I3");
      await expect
        .poll(() => tableRows(chart))
        .toEqual([
          [t.baselineLabel(2025), t.none, "25% (1/4)"],
          ["2026", "75%", t.noActual],
        ]);
      expect(await chart.locator("svg[role=img] desc").textContent()).toContain(t.chartBaseline(2025, "25% (1/4)"));
      expect(await chart.getByRole("button", { name: t.reportProgressFor("I3", "2026") }).count()).toBe(1);
      await shoot(page, "new-period-desktop");
      expect(desktop.errors).toEqual([]);
    } finally {
      await desktop.context.close();
    }

    // At a phone's width, an administrator of the secretariat (who may list the organisation's
    // accounts) adds the second year and names another reporter; the open forms fit the screen.
    const admin = await signInAs(concord, { organization: "NATO", role: "secretariat-admin", name: "Ada Admin" });
    const phone = await open(admin, `/programmes/${programmeId}?version=2`, { width: 360, height: 740 });
    try {
      const { page } = phone;
      const goal = page.locator('[data-goal="G3.1"]');
      const block = goal.locator('[data-indicator="I3"]');
      await goal.getByRole("button", { name: t.addIndicatorTo("G3.1") }).click({ timeout: 20_000 });
      await goal.getByTestId("new-indicator").waitFor();
      await noSidewaysScroll(page, "the new indicator form at 360px");
      await shoot(page, "new-indicator-360");
      await goal.getByTestId("new-indicator").getByRole("button", { name: t.cancel }).click();

      await block.getByRole("button", { name: t.addPeriodTo("I3") }).click();
      const periodForm = block.getByTestId("new-period");
      expect(await page.locator(`#new-period-${indicatorId}-start`).inputValue()).toBe("2027-01-01");
      expect(await page.locator(`#new-period-${indicatorId}-end`).inputValue()).toBe("2027-12-31");
      // The form takes the focus on its first field (typing before it has would go there).
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`new-period-${indicatorId}-start`);
      await periodForm.getByLabel(t.figurePercentLabel, { exact: true }).fill("90");
      await noSidewaysScroll(page, "the new period form at 360px");
      await shoot(page, "new-period-360");
      await periodForm.getByRole("button", { name: t.createPeriod }).click();
      await expect.poll(() => block.getByTestId("new-period").count()).toBe(0);
      const chart = await chartOf(page, "I3");
      await expect.poll(async () => (await tableRows(chart))[2]).toEqual(["2027", "90%", t.noActual]);

      await block.getByRole("button", { name: t.changeReportersOf("I3") }).click();
      const reporters = block.getByTestId("reporters-form");
      // All the organisation's accounts: Camila Rojas reports on nothing yet.
      await reporters.getByLabel("Camila Rojas").check({ timeout: 20_000 });
      expect(await reporters.getByLabel("Rosa Reporter").isChecked()).toBe(true);
      // Not those who could not read the programme: another partner's delegation, the analyst.
      expect(await reporters.getByLabel("Jun Sato").count()).toBe(0);
      expect(await reporters.getByLabel("Ana Analyst").count()).toBe(0);
      await noSidewaysScroll(page, "the reporters form at 360px");
      await reporters.getByRole("button", { name: t.saveReporters }).click();
      await expect
        .poll(async () => squash(await block.locator(".prog-indicator-meta").textContent()))
        .toContain("Camila Rojas");
      const { indicators } = await ok(secretariat.send("GET", `/api/v1/programmes/${programmeId}/results`));
      const named = indicators.find((indicator: { id: number }) => indicator.id === indicatorId);
      expect(named.reporters.map((person: { id: string }) => person.id).sort()).toEqual(
        [colombia.accountId, reporter.accountId].sort(),
      );
      const widths = await page
        .locator("svg.indicator-chart-svg")
        .evaluateAll((svgs) => svgs.map((svg) => svg.getBoundingClientRect().right));
      for (const right of widths) expect(right).toBeLessThanOrEqual(360);
      await noSidewaysScroll(page, "the programme with its new indicator at 360px");
      await shoot(page, "new-indicator-chart-360");
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.context.close();
    }
  }, 180_000);
});

// ----------------------------------------------------------------------------- four languages

const LOCALES: Record<Other, string> = { es: "es-ES", pt: "pt-PT", fr: "fr-FR" };
const MAIN = { en, es, pt, fr };
const PROGRAMMES = { en: programmesEn, es: programmesEs, pt: programmesPt, fr: programmesFr };

const CATALOGUES: Catalogues = [
  ["", MAIN],
  ["programmes.", PROGRAMMES],
];

async function openIn(lang: Other, person: Person, pathAndQuery: string): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: LOCALES[lang],
    reducedMotion: "reduce",
  });
  const [name, value] = person.cookie.split("=") as [string, string];
  await context.addCookies([{ name, value, url: concord.baseUrl }]);
  const page = await context.newPage();
  watchApiData(page);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(concord.baseUrl + pathAndQuery);
  return { context, page, errors };
}

/** One page in `lang`, as it has settled: its language, its heading, and no English catalogue string. */
async function check(page: Page, lang: Other, what: string, heading: string): Promise<void> {
  await expect
    .poll(async () => squash(await page.locator("main h1").first().textContent()), { timeout: 20_000 })
    .toBe(heading);
  await page.waitForFunction(() => !document.querySelector('main .spinner, main [aria-busy="true"]'), undefined, {
    timeout: 20_000,
  });
  expect.soft(await page.evaluate(() => document.documentElement.lang), `${what}: <html lang>`).toBe(lang);
  const english = await englishOn(page, lang, CATALOGUES);
  if (english.length > 0) console.log(`English on ${what} (${lang}):\n  ${english.join("\n  ")}`);
  expect.soft(english, `English on ${what} (${lang})`).toEqual([]);
  await shoot(page, `${lang}-${what.replace(/[^a-z0-9]+/gi, "-")}`);
}

describe.each(["es", "pt", "fr"] as const)("in %s", (lang) => {
  const tl = { ...MAIN[lang], ...PROGRAMMES[lang] };

  test("the list, a programme with its charts and versions, the comparison, and the draft editor show no English", async () => {
    const asSecretariat = await openIn(lang, secretariat, "/programmes");
    try {
      const { page, errors } = asSecretariat;
      await page.locator(`tr[data-programme="${programmeId}"]`).waitFor({ timeout: 20_000 });
      await page.getByTestId("new-programme").getByRole("button").click();
      await check(page, lang, "programmes", tl.programmesTitle);

      await page.goto(`${concord.baseUrl}/programmes/${programmeId}?version=2`);
      await page.locator("[data-indicator]").first().waitFor({ timeout: 20_000 });
      for (const summary of await page.locator("details.indicator-chart-table summary").all()) await summary.click();
      const colombiaIn = (await secretariat.send("GET", `/api/v1/programmes/${programmeId}`)).body.programme
        .partnerNames[lang];
      const heading = tl.programmeHeading(colombiaIn, "ITPP", "2026", "2027");
      // The secretariat's forms open: a new indicator under a goal, a new period of an indicator.
      await page.getByRole("button", { name: tl.addIndicatorTo("G3.1") }).click();
      await page.getByRole("button", { name: tl.addPeriodTo("I1") }).click();
      await page.getByTestId("new-period").waitFor();
      await check(page, lang, "programme", heading);

      // Mongolia's empty draft: the secretariat adds to it in the editor, a refusal comes back in the
      // reader's language under its field, then it asks to propose it.
      const { programmes } = (await secretariat.send("GET", `/api/v1/programmes?partner=MNG&lang=${lang}`)).body;
      const draftHeading = tl.programmeHeading(programmes[0].partnerNames[lang], "IPCP", "2026", "2027");
      await page.goto(`${concord.baseUrl}/programmes/${draftId}`);
      await page.getByTestId("edit-draft").click({ timeout: 20_000 });
      const editor = page.getByTestId("draft-editor");
      await editor.getByRole("button", { name: tl.addObjective }).click();
      await editor.getByRole("button", { name: `${tl.addGoal} (${tl.objectiveNumber(1)})` }).click();
      await editor.getByRole("button", { name: `${tl.addActivity} (${tl.goalNumber(1, 1)})` }).click();
      await page.locator("#draft-objectives-0-goals-0-activities-0-year").fill("2031");
      await page.locator("#draft-submit").click();
      await page.locator('[data-testid="draft-editor"] .field-error').first().waitFor({ timeout: 20_000 });
      await check(page, lang, "editor", draftHeading);
      await editor.getByRole("button", { name: tl.closeEditor }).click();
      await page.getByTestId("propose-form").getByRole("button").click();
      await page.getByRole("alertdialog").waitFor();
      await check(page, lang, "proposing", draftHeading);
      await page.keyboard.press("Escape");

      await page.goto(`${concord.baseUrl}/programmes/${programmeId}/compare?from=1&to=2`);
      await page.getByTestId("changes").waitFor({ timeout: 20_000 });
      await check(page, lang, "compare", tl.compareTitle);
      expect(errors).toEqual([]);
    } finally {
      await asSecretariat.context.close();
    }

    const asReporter = await openIn(lang, reporter, `/programmes/${programmeId}`);
    try {
      const { page, errors } = asReporter;
      const block = page.locator('[data-indicator="I1"]');
      await block.getByRole("button", { name: tl.reportProgressFor("I1", "2027") }).click({ timeout: 20_000 });
      const colombiaIn = (await reporter.send("GET", `/api/v1/programmes/${programmeId}`)).body.programme.partnerNames[
        lang
      ];
      await check(page, lang, "reporting", tl.programmeHeading(colombiaIn, "ITPP", "2026", "2027"));
      expect(errors).toEqual([]);
    } finally {
      await asReporter.context.close();
    }
  }, 180_000);
});
