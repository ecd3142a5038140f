/**
 * The reader's language beyond the web app's own text: organisations' short names (NATO is OTAN
 * in Spanish, Portuguese and French), an outcome's explanation and the chair's title as the
 * server gives them. A real browser (Debian's Chromium through playwright-core) against a real
 * Concord server serving the built web/dist.
 */
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openPage, screenshots, startBrowserTest, stopBrowserTest } from "../support/browser.ts";
import type { TestConcord } from "../support/concord.ts";
import { signInAs } from "../support/people.ts";
import { es as decisionsEs } from "../../web/src/i18n/decisions/es.ts";
import { fr as decisionsFr } from "../../web/src/i18n/decisions/fr.ts";
import { pt as decisionsPt } from "../../web/src/i18n/decisions/pt.ts";
import { en } from "../../web/src/i18n/en.ts";
import { es } from "../../web/src/i18n/es.ts";
import { fr } from "../../web/src/i18n/fr.ts";
import { pt } from "../../web/src/i18n/pt.ts";

const shoot = screenshots(process.env.LANGUAGES_SCREENS ?? path.join(os.tmpdir(), "concord-languages-screens"));

let concord: TestConcord;
let browser: Browser;

beforeAll(async () => {
  ({ concord, browser } = await startBrowserTest());
}, 180_000);

afterAll(() => stopBrowserTest({ concord, browser }), 60_000);

describe("organisations' short names", () => {
  test("are the reader's: OTAN on the map and the organisation's page in Spanish and French", async () => {
    const { context, page, errors } = await openPage(browser, `${concord.baseUrl}/?org=NATO&at=2024-06-01`, {
      locale: "es-ES",
    });
    try {
      await expect
        .poll(() => page.locator("#org-select option[value='NATO']").textContent())
        .toBe("OTAN · Organización del Tratado del Atlántico Norte");
      expect(await page.locator("#org-select option[value='OAS']").textContent()).toBe(
        "OEA · Organización de los Estados Americanos",
      );
      await expect.poll(() => page.locator("#list-heading").textContent()).toContain("OTAN");
      await shoot(page, "map-es-otan");
      await page.goto(`${concord.baseUrl}/organizations/NATO?at=2024-06-01`);
      await expect.poll(() => page.locator("h1 .code-tag").textContent()).toBe("OTAN");
      await page.getByLabel("Idioma").selectOption("en");
      await expect.poll(() => page.locator("h1 .code-tag").textContent()).toBe("NATO");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});

describe("an outcome", () => {
  test("is explained, and its chair named, in French", async () => {
    const secretariat = await signInAs(concord, { organization: "MERCOSUR", role: "secretariat-staff" });
    const opened = await secretariat.send("POST", "/api/v1/proposals", {
      body: "mercosur-cmc",
      title: "Un calendrier commun",
      text: "Le Conseil adopte un calendrier commun.",
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const { id, grid } = opened.body.proposal as { id: number; grid: Array<{ state: string }> };
    for (const { state } of grid) {
      const member = await signInAs(concord, { organization: "MERCOSUR", role: "delegation-head", state });
      const cast = await member.send("POST", `/api/v1/proposals/${id}/positions`, { position: "concur" });
      expect(cast.status, JSON.stringify(cast.body)).toBe(200);
    }

    const { context, page } = await openPage(browser, `${concord.baseUrl}/proposals/${id}`, {
      locale: "fr-FR",
      height: 900,
      cookie: secretariat.cookie,
    });
    try {
      const explanation = page.getByTestId("explanation");
      await expect.poll(() => explanation.count(), { timeout: 10_000 }).toBe(1);
      expect(await explanation.textContent()).toBe(`Les ${grid.length} membres ont donné leur accord.`);
      expect(await explanation.getAttribute("lang")).toBe("fr");
      // Written in French, it is not marked as recorded in English.
      expect(await page.getByTestId("outcome").textContent()).not.toContain("anglais");
      expect(await page.locator("dd", { hasText: "Présidence pro tempore" }).count()).toBeGreaterThan(0);
      await shoot(page, "outcome-fr");
    } finally {
      await context.close();
    }
  }, 120_000);
});

describe("the reader's language alone", () => {
  test("a Spanish reader's proposal page is in Spanish from its first words, with no other language's text fetched; choosing French fetches it", async () => {
    const context = await browser.newContext({ locale: "es-ES", viewport: { width: 1280, height: 900 } });
    try {
      // From before the app's first render: any English the page ever shows, however briefly.
      await context.addInitScript(
        (english: string[]) => {
          const seen: string[] = [];
          (window as unknown as { englishSeen: string[] }).englishSeen = seen;
          new MutationObserver(() => {
            const text = document.body?.textContent ?? "";
            for (const words of english) if (text.includes(words) && !seen.includes(words)) seen.push(words);
          }).observe(document, { childList: true, subtree: true, characterData: true });
        },
        [en.skipToContent, en.language],
      );
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      const scripts: Array<Promise<string>> = [];
      page.on("response", (response) => {
        if (new URL(response.url()).pathname.endsWith(".js")) scripts.push(response.text());
      });
      const fetched = async (words: string) => (await Promise.all(scripts)).some((script) => script.includes(words));

      // A proposal's page, not signed in: the decisions pages' text says to sign in.
      await page.goto(`${concord.baseUrl}/proposals/1`);
      await expect.poll(() => page.getByText(decisionsEs.signInForDecisions).count()).toBe(1);
      expect(await page.getByText(es.skipToContent).count()).toBe(1);
      expect(await page.evaluate(() => (window as unknown as { englishSeen: string[] }).englishSeen)).toEqual([]);
      expect(await fetched(es.skipToContent)).toBe(true);
      expect(await fetched(decisionsEs.signInForDecisions)).toBe(true);
      for (const words of [
        fr.skipToContent,
        pt.skipToContent,
        decisionsFr.signInForDecisions,
        decisionsPt.signInForDecisions,
      ])
        expect(await fetched(words), words).toBe(false);

      // Another language: its text, the main part and the decisions pages', comes and shows.
      await page.getByLabel(es.language).selectOption("fr");
      await expect.poll(() => page.getByText(decisionsFr.signInForDecisions).count()).toBe(1);
      expect(await page.getByText(fr.skipToContent).count()).toBe(1);
      expect(await page.locator("html").getAttribute("lang")).toBe("fr");
      expect(await page.getByLabel(fr.language).inputValue()).toBe("fr");
      expect(await fetched(decisionsFr.signInForDecisions)).toBe(true);
      expect(await fetched(pt.skipToContent)).toBe(false);
      await shoot(page, "proposal-anonymous-fr");

      // Back to Spanish: already here, shown at once.
      await page.getByLabel(fr.language).selectOption("es");
      await expect.poll(() => page.getByText(decisionsEs.signInForDecisions).count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});

describe("the header of a signed-in administrator", () => {
  test("has two rows on a 1280 px screen in every language: the brand, search, account and language, then the whole menu", async () => {
    const admin = await signInAs(concord, {
      organization: "NATO",
      role: "secretariat-admin",
      name: "Alexandra Montgomery-Smith",
    });
    for (const locale of ["en-GB", "es-ES", "pt-PT", "fr-FR"]) {
      const { context, page, errors } = await openPage(browser, `${concord.baseUrl}/programmes`, {
        locale,
        cookie: admin.cookie,
        width: 1280,
      });
      try {
        await page.locator(".account-link").waitFor();
        const rows = await page.locator(".header-inner > *").evaluateAll((parts) =>
          parts.map((part) => ({
            part: part.className || part.tagName,
            top: Math.round(part.getBoundingClientRect().top),
            bottom: Math.round(part.getBoundingClientRect().bottom),
          })),
        );
        await shoot(page, `header-1280-${locale}`);
        const nav = rows.find((row) => row.part === "site-nav");
        const first = rows.filter((row) => row.part !== "site-nav");
        const brand = first[0];
        if (!nav || !brand) throw new Error(`no menu or brand in ${JSON.stringify(rows)}`);
        // Everything but the menu shares the brand's row; the menu's one row lies below it.
        for (const row of first) expect(row.top, `${locale}: ${JSON.stringify(rows)}`).toBeLessThan(brand.bottom);
        expect(nav.top, locale).toBeGreaterThanOrEqual(Math.max(...first.map((row) => row.bottom)) - 4);
        const links = await page
          .locator(".site-nav a")
          .evaluateAll((anchors) => new Set(anchors.map((a) => Math.round(a.getBoundingClientRect().top))).size);
        expect(links, `${locale}: the menu's links on one line`).toBe(1);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }
  }, 60_000);
});
