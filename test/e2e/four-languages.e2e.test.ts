/**
 * Every page a person meets, in Spanish, Portuguese and French, in a real browser (Debian's
 * Chromium through playwright-core) against a real Concord server serving web/dist: the map and
 * its list view, an organisation (NATO reads OTAN), a state, a relation, the search box and its
 * results page, the "Cite this" dialog, the proposals list and a proposal as a delegation head
 * (position form, notices, a confirmation dialog), the audit log and the accounts page as an
 * administrator, and the sign-in page refusing a wrong password in the reader's language.
 *
 * On each: <html lang> is the language, the h1 is the catalogue's text for it, and no English
 * catalogue string (one that the language words differently) is shown, in the page's text or in
 * the labels read aloud (aria-label, placeholder, title); English quoted inside a longer text of the
 * registry's own data (a relation's note recorded in English) is the data's, and excused.
 *
 * Screenshots go to FOUR_LANGUAGES_SCREENS (default: the system's temporary folder), never the repo.
 */
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { es as serverEs } from "../../src/domain/messages/es.ts";
import { fr as serverFr } from "../../src/domain/messages/fr.ts";
import { pt as serverPt } from "../../src/domain/messages/pt.ts";
import { en as accountsEn } from "../../web/src/i18n/accounts/en.ts";
import { es as accountsEs } from "../../web/src/i18n/accounts/es.ts";
import { fr as accountsFr } from "../../web/src/i18n/accounts/fr.ts";
import { pt as accountsPt } from "../../web/src/i18n/accounts/pt.ts";
import { en as decisionsEn } from "../../web/src/i18n/decisions/en.ts";
import { es as decisionsEs } from "../../web/src/i18n/decisions/es.ts";
import { fr as decisionsFr } from "../../web/src/i18n/decisions/fr.ts";
import { pt as decisionsPt } from "../../web/src/i18n/decisions/pt.ts";
import { en } from "../../web/src/i18n/en.ts";
import { es } from "../../web/src/i18n/es.ts";
import { fr } from "../../web/src/i18n/fr.ts";
import { pt } from "../../web/src/i18n/pt.ts";
import { type OpenedPage, screenshots, startBrowserTest, stopBrowserTest } from "../support/browser.ts";
import type { TestConcord } from "../support/concord.ts";
import { type Catalogues, englishOn, type Other, watchApiData } from "../support/english-on-page.ts";
import { signInAs, type Person } from "../support/people.ts";

const shoot = screenshots(
  process.env.FOUR_LANGUAGES_SCREENS ?? path.join(os.tmpdir(), "concord-four-languages-screens"),
);

const LOCALES: Record<Other, string> = { es: "es-ES", pt: "pt-PT", fr: "fr-FR" };
const MAIN = { en, es, pt, fr };
const DECISIONS = { en: decisionsEn, es: decisionsEs, pt: decisionsPt, fr: decisionsFr };
const ACCOUNTS = { en: accountsEn, es: accountsEs, pt: accountsPt, fr: accountsFr };

/** The server's words a page may show whole (a refusal), in each language the tests read. */
const SERVER = { es: serverEs, pt: serverPt, fr: serverFr };
const CATALOGUES: Catalogues = [
  ["", MAIN],
  ["decisions.", DECISIONS],
  ["accounts.", ACCOUNTS],
];

let concord: TestConcord;
let browser: Browser;
let head: Person;
let admin: Person;
let relationId: number;
let proposalId: number;
const PROPOSAL_TITLE = "Objetivos de asociación 2028 / Objectifs 2028";

beforeAll(async () => {
  ({ concord, browser } = await startBrowserTest());
  admin = await signInAs(concord, { organization: "NATO", role: "secretariat-admin", name: "Ana Administradora" });
  const staff = await signInAs(concord, { organization: "NATO", role: "secretariat-staff", name: "Sam Secretaría" });
  head = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "DEU", name: "Jonas Weber" });
  const relations = await (await fetch(`${concord.baseUrl}/api/v1/actors/COL/relations?at=2020-01-01`)).json();
  relationId = (relations.relations as Array<{ id: number; object: string }>).find((r) => r.object === "NATO")!.id;
  // A silence procedure, so that an amendment asks to confirm breaking the silence.
  const opened = await staff.send("POST", "/api/v1/proposals", {
    body: "nato-pcsc",
    title: PROPOSAL_TITLE,
    text: "…",
    deadline: new Date(Date.now() + 3 * 86_400_000).toISOString(),
  });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  proposalId = opened.body.proposal.id;
  // A notice in the notices section, with its stage and dates.
  const notice = await head.send(
    "POST",
    "/api/v1/status-notices",
    { kind: "suspension", organization: "NATO", statement: "Nota verbal / note verbale." },
    { "Idempotency-Key": "four-languages-notice" },
  );
  expect(notice.status, JSON.stringify(notice.body)).toBe(201);
}, 180_000);

afterAll(() => stopBrowserTest({ concord, browser }), 60_000);

async function api<T>(pathAndQuery: string): Promise<T> {
  const response = await fetch(`${concord.baseUrl}/api/v1${pathAndQuery}`);
  expect(response.ok, pathAndQuery).toBe(true);
  return (await response.json()) as T;
}

const squash = (text: string | null) => (text ?? "").replace(/\s+/g, " ").trim();

/**
 * One page in `lang`, as it has settled: its language, its heading, and no English. Failures are
 * soft (every page is looked at), and the English found is named.
 */
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

/** A fresh browser in `lang`'s locale (signed in as `person`) on `pathAndQuery`, keeping the API's answers' texts. */
async function open(lang: Other, pathAndQuery: string, person?: Person): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: LOCALES[lang],
    reducedMotion: "reduce",
  });
  if (person) {
    const [name, value] = person.cookie.split("=") as [string, string];
    await context.addCookies([{ name, value, url: concord.baseUrl }]);
  }
  const page = await context.newPage();
  watchApiData(page);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(concord.baseUrl + pathAndQuery);
  return { context, page, errors };
}

describe.each(["es", "pt", "fr"] as const)("in %s", (lang) => {
  const t = { ...MAIN[lang], ...DECISIONS[lang], ...ACCOUNTS[lang] };

  test("the pages anyone meets: map, list, organisation, state and its citation, relation, search, sign-in", async () => {
    const { organizations } = await api<{ organizations: Array<{ code: string; name: string; abbreviation: string }> }>(
      `/organizations?lang=${lang}`,
    );
    const nato = organizations.find((o) => o.code === "NATO")!;
    expect(nato.abbreviation).toBe("OTAN");
    const { actor } = await api<{ actor: { name: string } }>(`/actors/COL?lang=${lang}`);
    const { relation } = await api<{
      relation: { subjectName: string; objectName: string; kind: keyof typeof en.kinds };
    }>(`/relations/${relationId}?lang=${lang}`);

    const { context, page, errors } = await open(lang, "/?org=NATO&at=2020-01-01");
    try {
      await check(page, lang, "map", t.mapTitle);
      await page.goto(`${concord.baseUrl}/?org=NATO&at=2020-01-01&view=list`);
      await page.locator('.list-column a[href^="/actors/"]').first().waitFor();
      await check(page, lang, "map list view", t.mapTitle);

      await page.goto(`${concord.baseUrl}/organizations/NATO?at=2020-01-01`);
      await check(page, lang, "organisation", `${nato.name} OTAN`);
      expect(await page.locator("h1 .code-tag").textContent()).toBe("OTAN");

      await page.goto(`${concord.baseUrl}/actors/COL?at=2020-01-01`);
      await check(page, lang, "state", `${actor.name} COL`);
      await page.locator(".source-card").first().locator(".cite-this button").click();
      const dialog = page.getByRole("dialog", { name: t.citeTitle });
      await dialog.waitFor();
      await check(page, lang, "state with Cite this", `${actor.name} COL`);
      await page.keyboard.press("Escape");
      await expect.poll(() => dialog.isVisible()).toBe(false);

      await page.goto(`${concord.baseUrl}/relations/${relationId}`);
      await check(
        page,
        lang,
        "relation",
        t.relationTitle(relation.subjectName, t.kinds[relation.kind].toLowerCase(), relation.objectName),
      );

      // The header's search box, its list open, then its results page.
      const box = page.getByRole("combobox", { name: t.search.label, exact: true });
      await box.fill("colombia");
      await page.getByRole("listbox").getByRole("option").first().waitFor();
      await check(
        page,
        lang,
        "search box open",
        t.relationTitle(relation.subjectName, t.kinds[relation.kind].toLowerCase(), relation.objectName),
      );
      await box.press("Enter");
      await page.waitForURL(/\/search\?q=colombia/);
      await page.getByRole("region", { name: t.search.kinds.state }).waitFor();
      await check(page, lang, "search results", t.search.resultsFor("colombia"));
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }

    // A wrong password: the server's refusal, in the reader's language.
    const signIn = await open(lang, "/sign-in");
    try {
      const { page } = signIn;
      await page.locator("#sign-in-email").fill(head.email);
      await page.locator("#sign-in-password").fill("not the password at all");
      await page.locator("#sign-in-password").press("Enter");
      await expect
        .poll(() => page.locator("#sign-in-error").textContent(), { timeout: 20_000 })
        .toContain(SERVER[lang]["auth.invalid_credentials"]());
      await check(page, lang, "sign-in refused", t.signInTitle);
    } finally {
      await signIn.context.close();
    }
  }, 180_000);

  test("a delegation head's proposals, a proposal with its position form and a confirmation; an administrator's audit log and accounts", async () => {
    const asHead = await open(lang, "/proposals", head);
    try {
      const { page, errors } = asHead;
      await page.getByTestId("status-notices").locator("[data-notice]").first().waitFor({ timeout: 20_000 });
      await check(page, lang, "proposals", t.decisionsTitle);

      await page.goto(`${concord.baseUrl}/proposals/${proposalId}`);
      const form = page.getByTestId("position-form");
      await form.waitFor({ timeout: 20_000 });
      await check(page, lang, "proposal", PROPOSAL_TITLE);
      await page.locator("#position-kind-amend").check();
      await page.locator("#position-statement").fill("Reemplazar el objetivo 4.");
      await form.getByRole("button", { name: t.recordPosition }).click();
      const dialog = page.getByRole("alertdialog");
      await dialog.waitFor();
      expect(await dialog.getByRole("heading").textContent()).toBe(t.breakSilenceTitle(proposalId));
      await check(page, lang, "proposal confirming a break of silence", PROPOSAL_TITLE);
      await page.keyboard.press("Escape");
      await expect.poll(() => dialog.isVisible()).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await asHead.context.close();
    }

    const asAdmin = await open(lang, "/audit", admin);
    try {
      const { page, errors } = asAdmin;
      await page.locator("tr[data-entry]").first().waitFor({ timeout: 20_000 });
      await check(page, lang, "audit log", t.auditTitle);
      await page.goto(`${concord.baseUrl}/admin/accounts`);
      await page.locator("tr[data-email]").first().waitFor({ timeout: 20_000 });
      await check(page, lang, "accounts", t.accountsTitle);
      expect(errors).toEqual([]);
    } finally {
      await asAdmin.context.close();
    }
  }, 180_000);
});

describe("the check for English", () => {
  test("finds it on a page shown in English to a Spanish reader", async () => {
    const { context, page } = await open("es", "/?org=NATO&at=2020-01-01");
    try {
      // The reader chose English on an earlier visit: the page is in English, the browser in Spanish.
      await page.evaluate(() => localStorage.setItem("concord.lang", "en"));
      await page.reload();
      await expect.poll(() => page.locator("main h1").textContent()).toBe(en.mapTitle);
      const english = await englishOn(page, "es", CATALOGUES);
      console.log(`English found on the map shown in English, checked as Spanish:\n  ${english.join("\n  ")}`);
      expect(english).toContain(`mapIntro: ${en.mapIntro}`);
      expect(english).toContain(`footer: ${en.footer}`);
    } finally {
      await context.close();
    }
  }, 60_000);
});
