/**
 * The labelled documents' pages (issue 15) in a real browser (Debian's Chromium through
 * playwright-core) against a real Concord serving web/dist, over the starter data and its security
 * policies (NATO's, UNASUR's).
 *
 * NATO's administrator grants clearances on the clearances page (a staff member NATO SECRET,
 * Colombia's delegation NATO RESTRICTED) and withdraws one after a confirmation naming its effect.
 * The staff member adds a document through the form, sees the marking preview the API makes of
 * the label (and a refused code under its field), and its page shows the marking as a banner at
 * the top and at the bottom. Colombia, a partner of NATO, sees it in its library; a document
 * released to NATO's members only is absent there, its page is "not found" to Colombia, and its
 * originator is told why Colombia cannot see it. In Spanish, Portuguese and French no English
 * catalogue string shows; on a 360 × 740 phone no page scrolls sideways. Tests wait for states,
 * never for times.
 *
 * Screenshots go to DOCUMENTS_SCREENS (default: the system's temporary folder), never the repo.
 */
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { en } from "../../web/src/i18n/en.ts";
import { es } from "../../web/src/i18n/es.ts";
import { fr } from "../../web/src/i18n/fr.ts";
import { pt } from "../../web/src/i18n/pt.ts";
import { en as documentsEn } from "../../web/src/i18n/documents/en.ts";
import { es as documentsEs } from "../../web/src/i18n/documents/es.ts";
import { fr as documentsFr } from "../../web/src/i18n/documents/fr.ts";
import { DOCUMENT_NAV } from "../../web/src/i18n/documents/nav.ts";
import { pt as documentsPt } from "../../web/src/i18n/documents/pt.ts";
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

const shoot = screenshots(process.env.DOCUMENTS_SCREENS ?? path.join(os.tmpdir(), "concord-documents-screens"));

const NATO_POLICY = "urn:oid:1.3.26.1.3.1";
const t = { ...en, ...documentsEn };

let concord: TestConcord;
let browser: Browser;
let admin: Person;
let staff: Person;
let colombia: Person;
let leaving: Person;
/** The document released to NATO and its partners (added through the form), and the one released to NATO's members only. */
let shared: number;
let alliesOnly: number;

beforeAll(async () => {
  ({ concord, browser } = await startBrowserTest());
  admin = await signInAs(concord, { organization: "NATO", role: "secretariat-admin", name: "Alex Admin" });
  staff = await signInAs(concord, { organization: "NATO", role: "secretariat-staff", name: "Sam Staff" });
  colombia = await signInAs(concord, {
    organization: "NATO",
    role: "delegation-member",
    state: "COL",
    name: "Carla Colombia",
  });
  leaving = await signInAs(concord, { organization: "NATO", role: "secretariat-staff", name: "Lee Leaving" });
}, 180_000);

afterAll(() => stopBrowserTest({ concord, browser }), 60_000);

async function api(pathAndQuery: string, person: Person): Promise<any> {
  const response = await fetch(`${concord.baseUrl}/api/v1${pathAndQuery}`, { headers: { Cookie: person.cookie } });
  expect(response.status, `${pathAndQuery}: ${response.status}`).toBe(200);
  return response.json();
}

/** A label of NATO's policy in the JSON form the API reads. */
function natoLabel(classification: string, releasableTo: string[]) {
  return {
    policy: NATO_POLICY,
    classification,
    categories: [{ tagName: "Releasable To", type: "permissive", values: releasableTo }],
    creationTime: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    originator: null,
    reviewDate: null,
    succession: [],
  };
}

/** Adds a document over the API, as multipart, the way a script would. */
async function uploadOverApi(
  person: Person,
  title: string,
  label: unknown,
  subject?: { kind: string; id: string },
): Promise<number> {
  const form = new FormData();
  form.set("file", new Blob([`${title}\n`], { type: "text/plain" }), `${title.toLowerCase().replace(/\W+/g, "-")}.txt`);
  form.set("title.en", title);
  form.set("label", JSON.stringify(label));
  if (subject) {
    form.set("subjectKind", subject.kind);
    form.set("subjectId", subject.id);
  }
  const response = await fetch(`${concord.baseUrl}/api/v1/documents`, {
    method: "POST",
    headers: { Cookie: person.cookie, "X-CSRF-Token": person.csrf },
    body: form,
  });
  const body = (await response.json()) as any;
  expect(response.status, JSON.stringify(body)).toBe(201);
  return body.id;
}

function open(
  pathAndQuery: string,
  options: { person?: Person; locale?: string; width?: number; height?: number } = {},
): Promise<OpenedPage> {
  return openAs(browser, concord.baseUrl, pathAndQuery, options, watchApiData);
}

const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? "").replace(/\s+/g, " ").trim();

/** A marking banner's words, without the caption read to screen readers. */
const markingOf = (page: Page, testId: string) => text(page, `[data-testid="${testId}"] .marking-text`);

describe("labelled documents", () => {
  test("NATO's administrator grants clearances, and withdraws one after a confirmation naming its effect", async () => {
    const { page, context, errors } = await open("/documents/clearances", { person: admin });
    try {
      await settled(page);
      expect(await text(page, "main h1")).toBe(DOCUMENT_NAV.en.clearancesTitle);
      const grant = async (account: Person, classification: string) => {
        await page.locator("#clearance-account").selectOption(account.accountId);
        await page.locator("#clearance-policy").selectOption(NATO_POLICY);
        await page.locator("#clearance-classification").selectOption(classification);
        await page.getByRole("button", { name: t.grantButton }).click();
        const row = page.locator(`tr[data-account="${account.accountId}"][data-policy="${NATO_POLICY}"]`);
        await expect
          .poll(() => row.locator('[data-testid="clearance-classification"]').textContent())
          .toBe(classification);
      };
      await grant(staff, "NATO SECRET");
      await grant(colombia, "NATO RESTRICTED");
      await grant(leaving, "NATO CONFIDENTIAL");
      await expect
        .poll(() => text(page, ".form-status"))
        .toContain(t.granted("Lee Leaving", "NATO CONFIDENTIAL", "NATO"));
      const held = (await api("/clearances", admin)).clearances;
      expect(held.find((c: any) => c.accountId === staff.accountId)?.classification).toBe("NATO SECRET");
      expect(held.find((c: any) => c.accountId === colombia.accountId)?.classification).toBe("NATO RESTRICTED");
      await noSidewaysScroll(page, "the clearances at 1280 px");
      await shoot(page, "clearances-1280");

      // Withdrawing asks first, naming its effect: nothing above the policy's unclassified level.
      const row = page.locator(`tr[data-account="${leaving.accountId}"]`);
      await row.getByRole("button", { name: t.withdrawFor("Lee Leaving", "NATO") }).click();
      const dialog = page.getByRole("alertdialog");
      await dialog.waitFor();
      expect(await dialog.locator("h2").textContent()).toBe(t.withdrawTitle("Lee Leaving", "NATO"));
      expect(await text(page, '[data-testid="withdraw-effect"]')).toBe(
        t.withdrawText("Lee Leaving", "NATO UNCLASSIFIED", "NATO"),
      );
      await shoot(page, "clearances-withdraw-1280");
      await dialog.getByRole("button", { name: t.withdrawConfirm }).click();
      await expect.poll(() => row.count()).toBe(0);
      expect((await api("/clearances", admin)).clearances.some((c: any) => c.accountId === leaving.accountId)).toBe(
        false,
      );
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  test("a staff member adds a document through the form with the marking preview; its page shows the banner at the top and the bottom", async () => {
    const label = natoLabel("NATO RESTRICTED", ["NATO", "NATO:partners"]);
    const expected = await staff.send("POST", "/api/v1/labels/marking", { label });
    expect(expected.status, JSON.stringify(expected.body)).toBe(200);
    const marking: string = expected.body.marking;
    expect(marking).toContain("NATO RESTRICTED");

    const { page, context, errors } = await open("/documents/new", { person: staff });
    try {
      await settled(page);
      expect(await text(page, "main h1")).toBe(DOCUMENT_NAV.en.uploadTitle);
      await page.locator("#upload-file").setInputFiles({
        name: "partners-briefing.txt",
        mimeType: "text/plain",
        buffer: Buffer.from("A briefing for NATO's partners on the exercise calendar.\n"),
      });
      await page.locator("#upload-title-en").fill("Partners' briefing");
      await page.locator("#upload-description-en").fill("The exercise calendar, for NATO's partners.");
      await page.locator("#upload-policy").selectOption(NATO_POLICY);
      await page.locator("#upload-classification").selectOption("NATO RESTRICTED");
      const releasable = page.locator("#upload-category-releasable-to");

      // A value no registry code can be: refused under the field, in the server's words.
      await releasable.fill("NATO, narnia!");
      const problems = page.locator("#upload-category-releasable-to-problems");
      await problems.waitFor({ timeout: 20_000 });
      expect(await problems.textContent()).toContain("NARNIA!");
      expect(await releasable.getAttribute("aria-invalid")).toBe("true");
      await shoot(page, "upload-refused-code-1280");

      // The partners, added from the suggestions: the preview is the API's marking of this label.
      await releasable.fill("NATO");
      await page
        .locator('[data-category="Releasable To"]')
        .getByRole("button", { name: t.addCode("NATO:partners"), exact: true })
        .click();
      expect(await releasable.inputValue()).toBe("NATO, NATO:partners");
      await expect.poll(() => markingOf(page, "preview-marking")).toBe(marking);
      expect(await problems.count()).toBe(0);
      expect(await page.getByTestId("preview-marking").getAttribute("data-tone")).toBe("1");
      await noSidewaysScroll(page, "the upload form at 1280 px");
      await shoot(page, "upload-preview-1280");

      await page.getByRole("button", { name: t.uploadButton }).click();
      await page.waitForURL(/\/documents\/\d+$/, { timeout: 20_000 });
      shared = Number(new URL(page.url()).pathname.split("/").pop());
      await settled(page);
      expect(await text(page, "main h1")).toBe("Partners' briefing");
      // The banner at the top and at the bottom of the view, the first and last things on the page.
      expect(await markingOf(page, "marking-top")).toBe(marking);
      expect(await markingOf(page, "marking-bottom")).toBe(marking);
      const order = await page.evaluate(() => {
        const page = document.querySelector("main .page-document");
        return [
          page?.firstElementChild?.getAttribute("data-testid"),
          page?.lastElementChild?.getAttribute("data-testid"),
        ];
      });
      expect(order).toEqual(["marking-top", "marking-bottom"]);
      expect(await text(page, '[data-testid="label-classification"]')).toBe("NATO RESTRICTED");
      expect(await page.getByTestId("download-binding").getAttribute("href")).toBe(
        `/api/v1/documents/${shared}/binding?version=1`,
      );
      const binding = await fetch(`${concord.baseUrl}/api/v1/documents/${shared}/binding?version=1`, {
        headers: { Cookie: staff.cookie },
      });
      expect(binding.status).toBe(200);
      expect(await binding.text()).toContain("4774");
      await page.locator(".dc-xml summary").click();
      expect(await page.getByTestId("label-xml").textContent()).toContain(
        "urn:nato:stanag:4774:confidentialitymetadatalabel:1:0",
      );
      await noSidewaysScroll(page, "the document at 1280 px");
      await shoot(page, "document-1280");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  test("Colombia's delegation sees the partners' document in its library, not the allies-only one; the originator is told why", async () => {
    expect(shared).toBeGreaterThan(0);
    alliesOnly = await uploadOverApi(staff, "Allies-only assessment", natoLabel("NATO RESTRICTED", ["NATO"]));
    const listed = (await api("/documents?count=true", colombia)) as {
      documents: Array<{ id: number }>;
      count: number;
    };
    expect(listed.documents.map((d) => d.id)).toContain(shared);
    expect(listed.documents.map((d) => d.id)).not.toContain(alliesOnly);
    const hidden = await fetch(`${concord.baseUrl}/api/v1/documents/${alliesOnly}`, {
      headers: { Cookie: colombia.cookie },
    });
    expect(hidden.status).toBe(404);

    const { page, context, errors } = await open("/documents", { person: colombia });
    try {
      await settled(page);
      expect(await text(page, "main h1")).toBe(DOCUMENT_NAV.en.libraryTitle);
      const library = page.getByTestId("library");
      await library.waitFor();
      expect(await library.locator(`[data-document="${shared}"]`).count()).toBe(1);
      expect(await library.locator(`[data-document="${alliesOnly}"]`).count()).toBe(0);
      expect(await library.locator("[data-document]").count()).toBe(listed.documents.length);
      expect(await text(page, '[data-testid="library-count"]')).toBe(t.countAll(listed.count));
      expect(await library.locator(`[data-document="${shared}"] .marking-text`).textContent()).toContain(
        "NATO RESTRICTED",
      );
      // A search for the other's words finds nothing, and says why a reader may see nothing.
      await page.locator("#library-q").fill("assessment");
      await page.getByRole("button", { name: t.applyFilters, exact: true }).click();
      await page.getByTestId("library-empty").waitFor();
      expect(await text(page, '[data-testid="library-empty"]')).toContain(t.whyNation);
      await shoot(page, "library-empty-1280");
      await page.goto(`${concord.baseUrl}/documents`);
      await library.waitFor();
      await noSidewaysScroll(page, "the library at 1280 px");
      await shoot(page, "library-1280");

      // The allies-only document's page is not found to Colombia.
      await page.goto(`${concord.baseUrl}/documents/${alliesOnly}`);
      await page.locator(".error-box").waitFor();
      expect(await page.getByTestId("marking-top").count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }

    // Its originator (NATO's secretariat) asks why Colombia's delegation may not read it.
    const asked = await open(`/documents/${alliesOnly}`, { person: staff });
    try {
      await settled(asked.page);
      await asked.page.locator("#explain-reader").fill(colombia.accountId);
      await asked.page.getByRole("button", { name: t.explainButton, exact: true }).click();
      const decision = asked.page.getByTestId("decision");
      await decision.waitFor();
      expect(await decision.getAttribute("data-allowed")).toBe("false");
      expect(await decision.locator('[data-reason="outside-category"]').textContent()).toContain("NATO");
      await shoot(asked.page, "document-explain-1280");
      expect(asked.errors).toEqual([]);
    } finally {
      await asked.context.close();
    }
  }, 120_000);

  test("the originator adds a version with a label of its own; each version keeps its marking", async () => {
    expect(shared).toBeGreaterThan(0);
    const marking = (
      await staff.send("POST", "/api/v1/labels/marking", {
        label: natoLabel("NATO UNCLASSIFIED", ["NATO", "NATO:partners"]),
      })
    ).body.marking as string;
    const { page, context, errors } = await open(`/documents/${shared}`, { person: staff });
    try {
      await settled(page);
      await page.locator(".dc-add-version-details > summary").click();
      await page.locator("#version-file").setInputFiles({
        name: "partners-briefing-2.txt",
        mimeType: "text/plain",
        buffer: Buffer.from("The exercise calendar, revised and downgraded.\n"),
      });
      expect(await text(page, '[data-testid="version-file-name"]')).toContain("partners-briefing-2.txt");
      expect(await page.locator("#version-title-en").inputValue()).toBe("Partners' briefing");
      await page.locator("#version-classification").selectOption("NATO UNCLASSIFIED");
      await page.locator("#version-category-releasable-to").fill("NATO, NATO:partners");
      await expect.poll(() => markingOf(page, "preview-marking")).toBe(marking);
      await shoot(page, "document-add-version-1280");
      await page.getByRole("button", { name: t.addVersionButton }).click();
      await expect.poll(() => text(page, ".form-status")).toContain(t.versionAdded(2));
      await expect.poll(() => markingOf(page, "marking-top")).toBe(marking);
      expect(await markingOf(page, "marking-bottom")).toBe(marking);
      expect(await page.getByTestId("marking-top").getAttribute("data-tone")).toBe("0");
      const versions = page.getByTestId("versions");
      expect(await versions.locator("li[data-version]").count()).toBe(2);
      expect(await versions.locator('li[data-version="1"] .marking-text').textContent()).toContain("NATO RESTRICTED");
      // The earlier version is still there to see, under its own banner.
      await versions.getByRole("link", { name: t.openVersion(1) }).click();
      await page.waitForURL((url) => url.searchParams.get("version") === "1");
      await expect.poll(() => markingOf(page, "marking-top")).toContain("NATO RESTRICTED");
      expect(await text(page, '[data-testid="earlier-version"]')).toContain(t.earlierVersion(2));
      await shoot(page, "document-earlier-version-1280");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  test('a long library comes a page at a time; "more" brings the next and moves focus to it', async () => {
    for (let n = 1; n <= 25; n++)
      await uploadOverApi(staff, `Partners' note ${n}`, natoLabel("NATO UNCLASSIFIED", ["NATO", "NATO:partners"]));
    const { count } = await api("/documents?count=true&limit=1", colombia);
    expect(count).toBeGreaterThan(25);
    const { page, context, errors } = await open("/documents", { person: colombia });
    try {
      const items = page.getByTestId("library").locator("[data-document]");
      await items.first().waitFor({ timeout: 20_000 });
      expect(await items.count()).toBe(25);
      await page.getByTestId("more").click();
      await expect.poll(() => items.count()).toBe(count);
      await expect
        .poll(() =>
          page.evaluate(() => document.activeElement?.closest("[data-document]")?.getAttribute("data-document")),
        )
        .toBe(await items.nth(25).getAttribute("data-document"));
      expect(await page.getByTestId("more").count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  test("the upload form previews the dominant label of the compilation the document joins", async () => {
    // A proposal of NATO's (the starter data's: Colombia's request to become a partner), with an annex already.
    const found = await concord.database.db.execute(
      sql`SELECT p.id::text AS id FROM proposals p JOIN bodies b ON b.id = p.body_id WHERE b.organization_code = 'NATO' ORDER BY p.id LIMIT 1`,
    );
    const proposal = String((found.rows[0] as { id: string }).id);
    const annex = natoLabel("NATO SECRET", ["NATO", "NATO:partners"]);
    await uploadOverApi(staff, "Proposal annex", annex, { kind: "proposal", id: proposal });
    const own = natoLabel("NATO RESTRICTED", ["NATO"]);
    const expected = await staff.send("POST", "/api/v1/labels/dominant", { labels: [annex, own] });
    expect(expected.status, JSON.stringify(expected.body)).toBe(200);
    const { page, context, errors } = await open("/documents/new", { person: staff });
    try {
      await settled(page);
      await page.locator("#upload-classification").selectOption("NATO RESTRICTED");
      await page.locator("#upload-category-releasable-to").fill("NATO");
      await page.locator("#upload-subject-kind").selectOption("proposal");
      await page.locator("#upload-subject-id").fill(proposal);
      const dominant = page.getByTestId("dominant-preview");
      await expect.poll(() => markingOf(page, "dominant-marking")).toBe(expected.body.marking);
      expect(expected.body.marking).toContain("NATO SECRET");
      expect(await dominant.textContent()).toContain(t.dominantHint(1));
      await shoot(page, "upload-dominant-1280");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});

// ---------------------------------------------------------------- four languages

const LOCALES: Record<Other, string> = { es: "es-ES", pt: "pt-PT", fr: "fr-FR" };
const MAIN = { en, es, pt, fr };
const DOCUMENTS = { en: documentsEn, es: documentsEs, pt: documentsPt, fr: documentsFr };
const CATALOGUES: Catalogues = [
  ["", MAIN],
  ["documents.", DOCUMENTS],
  ["documents-nav.", DOCUMENT_NAV],
];

describe.each(["es", "pt", "fr"] as const)("in %s", (lang) => {
  test("the library, a document, the upload form and the clearances show no English", async () => {
    expect(shared).toBeGreaterThan(0);
    const noEnglish = (page: Page, what: string, heading: string) =>
      expectNoEnglish(page, { lang, what, heading, catalogues: CATALOGUES, shoot });
    const library = await open("/documents", { person: colombia, locale: LOCALES[lang] });
    try {
      await library.page.getByTestId("library").waitFor({ timeout: 20_000 });
      await noEnglish(library.page, "library", DOCUMENT_NAV[lang].libraryTitle);
      await library.page.goto(`${concord.baseUrl}/documents/${shared}`);
      await library.page.getByTestId("marking-bottom").waitFor({ timeout: 20_000 });
      await library.page.locator(".dc-xml summary").click();
      await noEnglish(library.page, "document", "Partners' briefing");
      expect(library.errors).toEqual([]);
    } finally {
      await library.context.close();
    }
    const upload = await open("/documents/new", { person: staff, locale: LOCALES[lang] });
    try {
      await upload.page.getByTestId("preview-marking").waitFor({ timeout: 20_000 });
      await upload.page.locator("#upload-category-releasable-to").fill("NATO, narnia!");
      await upload.page.locator("#upload-category-releasable-to-problems").waitFor({ timeout: 20_000 });
      await upload.page.locator(".dc-optional summary").click();
      await noEnglish(upload.page, "upload", DOCUMENT_NAV[lang].uploadTitle);
      // The originator's question, answered in the reader's language.
      await upload.page.goto(`${concord.baseUrl}/documents/${alliesOnly}`);
      await upload.page.locator("#explain-reader").fill(colombia.accountId);
      await upload.page.locator(".dc-explain button[type=submit]").click();
      await upload.page.getByTestId("decision").waitFor({ timeout: 20_000 });
      await noEnglish(upload.page, "document-explain", "Allies-only assessment");
      expect(upload.errors).toEqual([]);
    } finally {
      await upload.context.close();
    }
    const clearances = await open("/documents/clearances", { person: admin, locale: LOCALES[lang] });
    try {
      await clearances.page.getByTestId("clearances").waitFor({ timeout: 20_000 });
      await noEnglish(clearances.page, "clearances", DOCUMENT_NAV[lang].clearancesTitle);
      expect(clearances.errors).toEqual([]);
    } finally {
      await clearances.context.close();
    }
  }, 150_000);
});

// ---------------------------------------------------------------- a phone

describe("on a 360 × 740 phone", () => {
  test("the library, a document, the upload form and the clearances fit the screen", async () => {
    expect(shared).toBeGreaterThan(0);
    const pages: Array<[string, string, string, Person]> = [
      ["library", "/documents", '[data-testid="library"]', colombia],
      ["document", `/documents/${shared}`, '[data-testid="marking-bottom"]', staff],
      ["upload", "/documents/new", '[data-testid="preview-marking"]', staff],
      ["clearances", "/documents/clearances", '[data-testid="clearances"]', admin],
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
  }, 150_000);
});
