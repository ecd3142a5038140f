/**
 * The menu and events pages (issue 13) in a real browser (Debian's Chromium through
 * playwright-core) against a real Concord server serving web/dist, over data seeded through the
 * API as the NATO secretariat would: two menu items of our own (beside the starter menu, if
 * loaded), two events, and people of three kinds: the secretariat, Colombia's delegation (a
 * partner) and the United States' (an ally).
 *
 * The menu: a search in Spanish finds items with or without accents; filters narrow the list and
 * stay in the address; the CSV link carries them; the secretariat imports a CSV file and reads
 * the report of its refused rows. The events: month and list views, the calendar's keys; a
 * Colombian delegate nominates a participant and sees them; an ally sees the event and the count
 * but no name; a nomination sent after the deadline passed is refused with the server's message;
 * the calendar feed's address appears, serves the events, and after revocation is gone. In
 * Spanish, Portuguese and French the pages show no English catalogue string; on a 360 × 740
 * phone none scrolls sideways.
 *
 * Screenshots go to COOPERATION_SCREENS (default: the system's temporary folder), never the repo.
 */
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { en as cooperationEn } from "../../web/src/i18n/cooperation/en.ts";
import { es as cooperationEs } from "../../web/src/i18n/cooperation/es.ts";
import { fr as cooperationFr } from "../../web/src/i18n/cooperation/fr.ts";
import { pt as cooperationPt } from "../../web/src/i18n/cooperation/pt.ts";
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
import { type Person, signInAs } from "../support/people.ts";

const shoot = screenshots(process.env.COOPERATION_SCREENS ?? path.join(os.tmpdir(), "concord-cooperation-screens"));

let concord: TestConcord;
let browser: Browser;
let secretariat: Person;
let colombia: Person;
let colombiaHead: Person;
let allies: Person;
/** The two items of our own, by code: their ids. */
const items: Record<string, number> = {};
let openEvent: { id: number; title: string; month: string };
let closingEvent: { id: number };

const DAY = 86_400_000;
const dayIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

const MENU_ITEMS = [
  {
    code: "E2E-CYBER-NAV",
    area: "cyber-defence",
    type: "course",
    titles: {
      en: "Introduction to naval cyber defence for watch officers",
      es: "Introducción a la ciberdefensa naval para oficiales de guardia",
      pt: "Introdução à ciberdefesa naval para oficiais de quarto",
      fr: "Introduction à la cyberdéfense navale pour officiers de quart",
    },
    descriptions: {
      en: "Five days on defending a ship's networks.",
      es: "Cinco días sobre la defensa de las redes de un buque.",
    },
    provider: "NATO Maritime Interdiction Operational Training Centre",
    languages: ["en", "es"],
    durationDays: 5,
    eligibility: { kind: "framework", framework: "partners-across-the-globe" },
    since: "2020-01-01",
    illustrative: true,
  },
  {
    code: "E2E-PORT-SEC",
    area: "maritime-security",
    type: "workshop",
    titles: {
      en: "Workshop on port security and harbour protection",
      es: "Taller sobre protección portuaria y seguridad de puertos",
      pt: "Oficina sobre proteção portuária e segurança de portos",
      fr: "Atelier sur la sûreté portuaire et la protection des ports",
    },
    provider: "Maritime Security Centre of Excellence",
    languages: ["en", "fr"],
    durationDays: 3,
    eligibility: { kind: "states", states: ["COL", "MNG"] },
    since: "2020-01-01",
  },
] as const;

beforeAll(async () => {
  ({ concord, browser } = await startBrowserTest());
  secretariat = await signInAs(concord, { organization: "NATO", role: "secretariat-staff", name: "Sam Secretaría" });
  colombia = await signInAs(concord, {
    organization: "NATO",
    role: "delegation-member",
    state: "COL",
    name: "Camila Restrepo",
  });
  colombiaHead = await signInAs(concord, {
    organization: "NATO",
    role: "delegation-head",
    state: "COL",
    name: "Andrés Ospina",
  });
  allies = await signInAs(concord, { organization: "NATO", role: "delegation-member", state: "USA", name: "Ann Lee" });

  for (const item of MENU_ITEMS) {
    const made = await secretariat.send("POST", "/api/v1/menu", item);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    items[item.code] = made.body.id;
  }
  const startsOn = dayIn(20);
  const first = await secretariat.send("POST", "/api/v1/events", {
    menuItem: items["E2E-CYBER-NAV"],
    startsOn,
    endsOn: dayIn(22),
    place: "Cartagena de Indias",
    capacity: 20,
    nominationDeadline: new Date(Date.now() + 10 * DAY).toISOString(),
  });
  expect(first.status, JSON.stringify(first.body)).toBe(201);
  expect(first.body.status).toBe("approved");
  openEvent = { id: first.body.id, title: MENU_ITEMS[0].titles.en, month: startsOn.slice(0, 7) };
  const second = await secretariat.send("POST", "/api/v1/events", {
    menuItem: items["E2E-PORT-SEC"],
    startsOn: dayIn(25),
    endsOn: dayIn(26),
    online: true,
    nominationDeadline: new Date(Date.now() + 12 * DAY).toISOString(),
  });
  expect(second.status, JSON.stringify(second.body)).toBe(201);
  closingEvent = { id: second.body.id };
}, 180_000);

afterAll(() => stopBrowserTest({ concord, browser }), 60_000);

function open(
  pathAndQuery: string,
  options: { person?: Person; locale?: string; width?: number; height?: number } = {},
) {
  return openPage(browser, concord.baseUrl + pathAndQuery, {
    locale: options.locale ?? "en-GB",
    ...(options.person ? { cookie: options.person.cookie } : {}),
    ...(options.width ? { width: options.width, height: options.height ?? 740, hasTouch: true } : {}),
    timezoneId: "America/Bogota",
  });
}

const cards = (page: Page) => page.getByTestId("menu-items").locator("li[data-code]");
const codesShown = (page: Page) => cards(page).evaluateAll((list) => list.map((li) => li.getAttribute("data-code")));

describe("the menu", () => {
  test("a search in Spanish finds items with or without accents; filters narrow them and the CSV carries them", async () => {
    const { context, page, errors } = await open("/menu", { locale: "es-ES" });
    try {
      await settled(page);
      expect(await page.locator("main h1").textContent()).toBe(es.menuTitle);
      const everything = Number((await page.getByTestId("menu-count").textContent())?.match(/\d+/)?.[0]);
      expect(everything).toBeGreaterThanOrEqual(2);

      await page.locator("#menu-q").fill("introducción ciberdefensa");
      await page.waitForURL(/q=introducci%C3%B3n/);
      await expect.poll(() => codesShown(page)).toContain("E2E-CYBER-NAV");
      const cyber = page.locator('li[data-code="E2E-CYBER-NAV"]');
      expect(await cyber.locator("h3").textContent()).toContain("Introducción a la ciberdefensa naval");
      // Eligibility in words: the framework's Spanish name; the illustrative badge, explained.
      const frameworks = await (await fetch(`${concord.baseUrl}/api/v1/organizations?lang=es`)).json();
      const pag = (
        frameworks.organizations as Array<{ code: string; frameworks: Array<{ slug: string; name: string }> }>
      )
        .find((o) => o.code === "NATO")!
        .frameworks.find((f) => f.slug === "partners-across-the-globe")!.name;
      await expect.poll(() => cyber.getByTestId("eligibility").textContent()).toBe(pag);
      expect(await cyber.locator(".illustrative-tag").textContent()).toBe(cooperationEs.illustrative);
      expect(await page.locator("#illustrative-note").textContent()).toContain(cooperationEs.illustrativeExplained);
      await shoot(page, "menu-search-es-1280");

      // Without accents, the same item.
      await page.locator("#menu-q").fill("introduccion ciberdefensa");
      await page.waitForURL(/q=introduccion\+ciberdefensa|q=introduccion%20ciberdefensa/);
      await expect.poll(() => codesShown(page)).toContain("E2E-CYBER-NAV");

      // A filter narrows the list and stays in the address.
      await page.locator("#menu-q").fill("");
      await page.waitForURL((url) => !url.searchParams.has("q"));
      await page.locator("#menu-area").selectOption("maritime-security");
      await page.waitForURL(/area=maritime-security/);
      await expect.poll(() => codesShown(page)).toContain("E2E-PORT-SEC");
      expect(await codesShown(page)).not.toContain("E2E-CYBER-NAV");
      const narrowed = Number((await page.getByTestId("menu-count").textContent())?.match(/\d+/)?.[0]);
      expect(narrowed).toBeLessThan(everything);
      await expect
        .poll(() => page.locator('li[data-code="E2E-PORT-SEC"]').getByTestId("eligibility").textContent())
        .toBe("Colombia y Mongolia");

      await page.locator("#menu-eligible").selectOption("COL");
      await page.waitForURL(/eligible=COL/);
      await page.locator("#menu-q").fill("portuaria");
      await page.waitForURL(/q=portuaria/);
      await settled(page);
      await expect.poll(() => codesShown(page)).toContain("E2E-PORT-SEC");
      // Every item shown is of the area asked for (the starter menu may hold others of it).
      const shown = await codesShown(page);
      expect(shown).not.toContain("E2E-CYBER-NAV");
      for (const kicker of await cards(page).locator(".menu-card-kicker > span:first-child").allTextContents())
        expect(kicker).toBe("Seguridad marítima");

      // The CSV link is the same query.
      const csvHref = await page.getByTestId("csv-link").getAttribute("href");
      const csvUrl = new URL(csvHref!, concord.baseUrl);
      expect(Object.fromEntries(csvUrl.searchParams)).toMatchObject({
        q: "portuaria",
        area: "maritime-security",
        eligible: "COL",
        format: "csv",
      });
      const csv = await (await fetch(csvUrl)).text();
      expect(csv).toContain("E2E-PORT-SEC");
      expect(csv).not.toContain("E2E-CYBER-NAV");

      // The address alone gives the same page.
      await page.reload();
      await expect.poll(() => codesShown(page)).toEqual(shown);
      expect(await page.locator("#menu-area").inputValue()).toBe("maritime-security");
      expect(await page.locator("#menu-q").inputValue()).toBe("portuaria");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  test("the secretariat imports a CSV file and reads the refused rows with their row, field and reason", async () => {
    const { context, page, errors } = await open("/menu", { person: secretariat });
    try {
      await settled(page);
      const panel = page.getByTestId("menu-import");
      await panel.locator("summary").click();
      const header = (await (await fetch(`${concord.baseUrl}/api/v1/menu?format=csv&q=none-such-words`)).text())
        .split(/\r?\n/)[0]!
        .split(",");
      const row = (values: Record<string, string>) => header.map((column) => values[column] ?? "").join(",");
      const file = [
        header.join(","),
        row({
          code: "E2E-IMPORTED",
          area: "demining",
          type: "seminar",
          title_en: "Seminar on humanitarian demining standards",
          provider: "International Demining Centre",
          languages: "es",
          eligibility: "all-partners",
          since: "2024-01-01",
          illustrative: "true",
        }),
        row({
          code: "E2E-BAD-AREA",
          area: "underwater-basket-weaving",
          type: "course",
          title_en: "A row that cannot be imported",
          provider: "Nobody",
          eligibility: "all-partners",
          since: "2024-01-01",
          illustrative: "false",
        }),
      ].join("\n");
      await panel.locator("#menu-import-file").setInputFiles({
        name: "menu.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(`${file}\n`),
      });
      await panel.getByRole("button", { name: cooperationEn.importButton }).click();
      const report = page.getByTestId("import-report");
      await report.waitFor();
      await expect.poll(() => panel.locator(".form-status").textContent()).toContain("1 activity added");
      const refused = report.locator("tr[data-row]");
      expect(await refused.count()).toBe(1);
      expect(await refused.getAttribute("data-row")).toBe("3");
      expect(await refused.locator("td").nth(1).textContent()).toBe("area");
      expect(await refused.locator("td").nth(2).textContent()).not.toBe("");
      await shoot(page, "menu-import-1280");
      // The list has the new item.
      await page.locator("#menu-q").fill("demining standards");
      await expect.poll(() => codesShown(page)).toContain("E2E-IMPORTED");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});

describe("the events", () => {
  test("month and list views, kept in the address; the calendar moves by keys", async () => {
    const { context, page, errors } = await open(`/events?month=${openEvent.month}`, { person: colombia });
    try {
      await settled(page);
      const link = page.locator(`table.calendar a[href="/events/${openEvent.id}"]`);
      await expect.poll(() => link.count()).toBeGreaterThanOrEqual(3);
      expect(await link.first().textContent()).toContain(openEvent.title);
      expect(await link.first().textContent()).toContain(cooperationEn.openToYou);
      await noSidewaysScroll(page, "the month view at 1280 px");
      await shoot(page, "events-month-1280");

      // Keys: a day, the next day, the next month.
      const cell = page.locator(`td[data-day="${dayIn(20)}"]`);
      await cell.focus();
      await page.keyboard.press("ArrowRight");
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-day"))).toBe(dayIn(21));
      await page.keyboard.press("PageDown");
      const next = new Date(`${openEvent.month}-01T00:00:00Z`);
      next.setUTCMonth(next.getUTCMonth() + 1);
      await page.waitForURL(new RegExp(`month=${next.toISOString().slice(0, 7)}`));
      await page.goBack();
      await page.waitForURL(new RegExp(`month=${openEvent.month}`));

      await page.getByRole("link", { name: cooperationEn.viewList, exact: true }).click();
      await page.waitForURL(/view=list/);
      expect(new URL(page.url()).searchParams.get("month")).toBe(openEvent.month);
      const card = page.getByTestId("event-list").locator(`li[data-event="${openEvent.id}"]`);
      await card.waitFor();
      expect(await card.textContent()).toContain("Cartagena de Indias");
      expect(await card.getByTestId("nominations-count").textContent()).toContain("0 nominees");
      await shoot(page, "events-list-1280");

      // The status filter narrows and stays in the address.
      await page.locator("#events-status").selectOption("cancelled");
      await page.waitForURL(/status=cancelled/);
      await expect.poll(() => page.getByTestId("events-count").textContent()).toBe("0 events");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  test("the secretariat schedules an event through the form, told under the field what the server refuses; a partner's head proposes one", async () => {
    const asSecretariat = await open(`/events?month=${openEvent.month}`, { person: secretariat });
    try {
      const { page, errors } = asSecretariat;
      await settled(page);
      await page.getByRole("button", { name: cooperationEn.scheduleEvent }).click();
      await page.locator("#event-title").fill("Regional seminar on the law of the sea");
      await page.locator("#event-startsOn").fill(dayIn(18));
      await page.locator("#event-endsOn").fill(dayIn(18));
      await page.locator("#event-place").fill("Bogotá");
      await page.locator("#event-provider").fill("Escuela Superior de Guerra de Colombia");
      // Nominations closing after the event has begun: refused, the reason under the field.
      await page.locator("#event-nominationDeadline").fill(`${dayIn(19)}T12:00`);
      await page.locator("#event-submit").click();
      const fieldError = page.locator("#event-nominationDeadline-error");
      await fieldError.waitFor();
      expect(await fieldError.textContent()).toContain(dayIn(18));
      expect(await page.locator("#event-nominationDeadline").getAttribute("aria-invalid")).toBe("true");
      await shoot(page, "events-schedule-refused-1280");
      await page.locator("#event-nominationDeadline").fill(`${dayIn(10)}T12:00`);
      await page.locator("#event-submit").click();
      await expect
        .poll(() => page.locator(".event-create .form-status").textContent())
        .toContain("“Regional seminar on the law of the sea” is scheduled.");
      await page.locator("table.calendar a", { hasText: "Regional seminar on the law of the sea" }).first().waitFor();
      expect(errors).toEqual([]);
    } finally {
      await asSecretariat.context.close();
    }

    const asHead = await open(`/events?month=${openEvent.month}`, { person: colombiaHead });
    try {
      const { page, errors } = asHead;
      await settled(page);
      await page.getByRole("button", { name: cooperationEn.proposeEvent }).click();
      await page.locator("#event-search").fill("ciberdefensa naval");
      await expect.poll(() => page.locator("#event-menuItem option").count()).toBeGreaterThan(1);
      await page.locator("#event-menuItem").selectOption(String(items["E2E-CYBER-NAV"]));
      // An activity of the menu keeps its own title: no title to type.
      expect(await page.locator("#event-title").count()).toBe(0);
      await page.locator("#event-startsOn").fill(dayIn(24));
      await page.locator("#event-online").check();
      await page.locator("#event-nominationDeadline").fill(`${dayIn(14)}T12:00`);
      await page.locator("#event-submit").click();
      await expect
        .poll(() => page.locator(".event-create .form-status").textContent())
        .toContain("is proposed to the secretariat");
      await page.getByRole("link", { name: cooperationEn.openEvent }).click();
      await page.waitForURL(/\/events\/\d+$/);
      await settled(page);
      expect(await page.locator(".event-heading-tags").textContent()).toContain(cooperationEn.eventStatuses.proposed);
      expect(await page.getByTestId("nomination-closed").textContent()).toBe(cooperationEn.closedProposed);
      expect(errors).toEqual([]);
    } finally {
      await asHead.context.close();
    }
  }, 90_000);

  test("Colombia's delegate nominates and sees the nominee; an ally sees the count and no name", async () => {
    const name = "Teniente Coronel Luisa Fernanda Quintero";
    const asColombia = await open(`/events/${openEvent.id}`, { person: colombia });
    try {
      const { page, errors } = asColombia;
      await settled(page);
      expect(await page.locator("main h1").textContent()).toBe(openEvent.title);
      // The deadline in the reader's time zone (Bogotá), named.
      expect(await page.locator("main").textContent()).toContain("America/Bogota");
      await page.locator("#nomination-participantName").fill(name);
      await page.locator("#nomination-rankOrFunction").fill("Jefa de ciberdefensa, Armada de Colombia");
      await page.locator("#nomination-submit").click();
      const row = page.getByTestId("nominees").locator("tr[data-nominee]");
      await expect.poll(() => row.first().locator("th").textContent()).toBe(name);
      expect(await row.first().textContent()).toContain(cooperationEn.nominationStatuses.nominated);
      await expect
        .poll(() => page.getByTestId("nominees").getByTestId("nominations-count").textContent())
        .toContain("1 nominee");
      await shoot(page, "event-colombia-1280");
      expect(errors).toEqual([]);
    } finally {
      await asColombia.context.close();
    }

    const asAlly = await open(`/events/${openEvent.id}`, { person: allies });
    try {
      const { page, errors } = asAlly;
      await settled(page);
      await page.getByTestId("count-only").waitFor();
      expect(await page.getByTestId("nominees").getByTestId("nominations-count").textContent()).toContain("1 nominee");
      expect(await page.locator("body").textContent()).not.toContain(name);
      expect(await page.getByTestId("nominate").count()).toBe(0);
      await shoot(page, "event-ally-1280");
      expect(errors).toEqual([]);
    } finally {
      await asAlly.context.close();
    }

    // The secretariat sees every nominee, with the actions that are theirs.
    const asSecretariat = await open(`/events/${openEvent.id}`, { person: secretariat });
    try {
      const { page, errors } = asSecretariat;
      await settled(page);
      const row = page.getByTestId("nominees").locator("tr[data-nominee]");
      await expect.poll(() => row.first().locator("th").textContent()).toBe(name);
      expect(await row.first().getByRole("button", { name: cooperationEn.confirmNominee }).count()).toBe(1);
      expect(await page.getByTestId("event-run").getByRole("button").allTextContents()).toEqual([
        cooperationEn.confirmEvent,
        cooperationEn.cancelEvent,
      ]);
      await shoot(page, "event-secretariat-1280");
      expect(errors).toEqual([]);
    } finally {
      await asSecretariat.context.close();
    }
  }, 90_000);

  test("the secretariat confirms a nominee and the event, marks it held (each asked first), records attendance and the report", async () => {
    const made = await secretariat.send("POST", "/api/v1/events", {
      title: "Senior officers' seminar on building integrity",
      startsOn: dayIn(30),
      endsOn: dayIn(30),
      place: "Bogotá",
      provider: "NATO Building Integrity Programme",
      nominationDeadline: new Date(Date.now() + 5 * DAY).toISOString(),
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const nominee = await colombia.send("POST", `/api/v1/events/${made.body.id}/nominations`, {
      participantName: "Coronel Ana María Duarte",
      rankOrFunction: "Inspectora General",
    });
    expect(nominee.status, JSON.stringify(nominee.body)).toBe(201);
    const { context, page, errors } = await open(`/events/${made.body.id}`, { person: secretariat });
    try {
      await settled(page);
      const row = page.getByTestId("nominees").locator("tr[data-nominee]");
      await row.getByRole("button", { name: cooperationEn.confirmNominee }).click();
      await expect.poll(() => row.textContent()).toContain(cooperationEn.nominationStatuses.confirmed);

      const run = page.getByTestId("event-run");
      const dialog = page.getByRole("alertdialog");
      const step = async (button: string, effect: string, status: string) => {
        await run.getByRole("button", { name: button }).click();
        await dialog.waitFor();
        expect(await dialog.textContent()).toContain(effect);
        await dialog.getByRole("button", { name: button }).click();
        await expect.poll(() => page.locator(".event-heading-tags").textContent()).toContain(status);
      };
      await step(cooperationEn.confirmEvent, cooperationEn.confirmText, cooperationEn.eventStatuses.confirmed);
      await step(cooperationEn.markHeld, cooperationEn.heldText, cooperationEn.eventStatuses.held);
      expect(await page.getByTestId("event-run").count()).toBe(0);

      await row.getByRole("button", { name: cooperationEn.attended, exact: true }).click();
      await expect.poll(() => row.locator('td[data-label="Attendance"]').textContent()).toBe(cooperationEn.attended);
      await page
        .locator("#report-report")
        .fill("Twenty-two officers from four partners; the self-assessment was completed.");
      await page.getByRole("button", { name: cooperationEn.saveReport }).click();
      await expect.poll(() => page.locator("main").textContent()).toContain(cooperationEn.reportSaved);
      await shoot(page, "event-held-1280");
      const stored = await secretariat.send("GET", `/api/v1/events/${made.body.id}`);
      expect(stored.body.report).toContain("Twenty-two officers");
      expect(stored.body.nominees[0].attended).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  test("a nomination sent after the deadline passed is refused with the server's message, and the form closes", async () => {
    const { context, page, errors } = await open(`/events/${closingEvent.id}`, { person: colombiaHead });
    try {
      await settled(page);
      await page.locator("#nomination-participantName").fill("Capitán Jorge Salazar");
      await page.locator("#nomination-rankOrFunction").fill("Capitán de corbeta");
      // Meanwhile, the deadline passes.
      await concord.database.db.execute(
        sql`UPDATE events SET nomination_deadline = now() - interval '1 minute' WHERE id = ${closingEvent.id}`,
      );
      await page.locator("#nomination-submit").click();
      const refused = page.getByTestId("nomination-refused");
      await refused.waitFor();
      const again = await colombiaHead.send("POST", `/api/v1/events/${closingEvent.id}/nominations`, {
        participantName: "Capitán Jorge Salazar",
        rankOrFunction: "Capitán de corbeta",
      });
      expect(again.status).toBe(409);
      expect(await refused.locator("p").textContent()).toBe(again.body.error.message);
      // Read again, the event no longer takes nominations: the form gives way to the reason.
      await page.getByTestId("nomination-closed").waitFor();
      expect(await page.getByTestId("nomination-closed").textContent()).toContain("the deadline has passed");
      expect(await page.locator("#nomination-participantName").count()).toBe(0);
      await shoot(page, "event-deadline-passed-1280");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  test("the calendar feed's address appears, serves the events, and after revocation is gone", async () => {
    const { context, page, errors } = await open(`/events?month=${openEvent.month}`, { person: colombia });
    try {
      await settled(page);
      const feed = page.getByTestId("calendar-feed");
      await feed.getByRole("button", { name: cooperationEn.feedCreate }).click();
      const address = feed.getByTestId("feed-url");
      await address.waitFor();
      const url = await address.inputValue();
      expect(url).toMatch(/^http:\/\/.+\/api\/v1\/calendar\/.+\.ics$/);
      const ics = await fetch(url);
      expect(ics.status).toBe(200);
      const calendar = await ics.text();
      expect(calendar).toContain("BEGIN:VCALENDAR");
      expect(calendar).toContain("Cartagena de Indias");
      await shoot(page, "events-feed-1280");

      await feed.getByRole("button", { name: cooperationEn.feedRevoke }).click();
      const dialog = page.getByRole("alertdialog");
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain("Calendar apps using the old address stop receiving events");
      await dialog.getByRole("button", { name: cooperationEn.feedRevoke }).click();
      await feed.getByTestId("feed-none").waitFor();
      expect(await address.count()).toBe(0);
      expect((await fetch(url)).status).toBe(404);

      // Read afresh, the page says there is no address.
      await page.reload();
      await page.getByTestId("calendar-feed").getByTestId("feed-none").waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});

// ---------------------------------------------------------------- four languages

const LOCALES: Record<Other, string> = { es: "es-ES", pt: "pt-PT", fr: "fr-FR" };
const MAIN = { en, es, pt, fr };
const COOPERATION = { en: cooperationEn, es: cooperationEs, pt: cooperationPt, fr: cooperationFr };

const CATALOGUES: Catalogues = [
  ["", MAIN],
  ["cooperation.", COOPERATION],
];

async function openIn(lang: Other, pathAndQuery: string, person?: Person): Promise<OpenedPage> {
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

async function noEnglish(page: Page, lang: Other, what: string, heading: string): Promise<void> {
  await expectNoEnglish(page, { lang, what, heading, catalogues: CATALOGUES, shoot });
}

describe.each(["es", "pt", "fr"] as const)("in %s", (lang) => {
  test("the menu, the events and an event show no English", async () => {
    const t = { ...MAIN[lang], ...COOPERATION[lang] };
    const titles = MENU_ITEMS[0].titles;
    const asColombia = await openIn(lang, "/menu?area=cyber-defence", colombia);
    try {
      const { page, errors } = asColombia;
      await page.locator('li[data-code="E2E-CYBER-NAV"]').waitFor({ timeout: 20_000 });
      await noEnglish(page, lang, "menu", t.menuTitle);
      await page.goto(`${concord.baseUrl}/events?month=${openEvent.month}`);
      await page.locator("table.calendar a").first().waitFor({ timeout: 20_000 });
      await noEnglish(page, lang, "events month", t.eventsTitle);
      await page.goto(`${concord.baseUrl}/events?month=${openEvent.month}&view=list`);
      await page.getByTestId("event-list").waitFor({ timeout: 20_000 });
      await noEnglish(page, lang, "events list", t.eventsTitle);
      await page.goto(`${concord.baseUrl}/events/${openEvent.id}`);
      await page.getByTestId("nominees").waitFor({ timeout: 20_000 });
      await noEnglish(page, lang, "event as a delegation", titles[lang]);
      await page.goto(`${concord.baseUrl}/events/${closingEvent.id}`);
      await page.getByTestId("nomination-closed").waitFor({ timeout: 20_000 });
      await noEnglish(page, lang, "event after its deadline", MENU_ITEMS[1].titles[lang]);
      expect(errors).toEqual([]);
    } finally {
      await asColombia.context.close();
    }
    const asSecretariat = await openIn(lang, `/events/${openEvent.id}`, secretariat);
    try {
      const { page, errors } = asSecretariat;
      await page.getByTestId("event-run").waitFor({ timeout: 20_000 });
      await noEnglish(page, lang, "event as the secretariat", titles[lang]);
      await page.getByTestId("event-run").getByRole("button", { name: t.cancelEvent }).click();
      await page.getByRole("alertdialog").waitFor();
      await noEnglish(page, lang, "event cancel dialog", titles[lang]);
      await page.keyboard.press("Escape");
      await page.goto(`${concord.baseUrl}/events?month=${openEvent.month}`);
      await page.getByRole("button", { name: t.scheduleEvent }).click();
      await page.locator("#event-startsOn").waitFor();
      await noEnglish(page, lang, "events with the schedule form", t.eventsTitle);
      expect(errors).toEqual([]);
    } finally {
      await asSecretariat.context.close();
    }
  }, 120_000);
});

// ---------------------------------------------------------------- a phone

describe("on a 360 × 740 phone", () => {
  test("the menu, the events (a list by day) and an event fit the screen", async () => {
    const pages: Array<[string, string, Person | undefined]> = [
      ["menu", "/menu", undefined],
      ["menu filtered", "/menu?area=maritime-security&eligible=COL", colombia],
      ["events", `/events?month=${openEvent.month}`, colombia],
      ["events list", `/events?month=${openEvent.month}&view=list`, secretariat],
      ["event delegation", `/events/${openEvent.id}`, colombia],
      ["event secretariat", `/events/${openEvent.id}`, secretariat],
      ["event ally", `/events/${openEvent.id}`, allies],
    ];
    for (const [what, address, person] of pages) {
      const { context, page, errors } = await open(address, { person, width: 360, height: 740 });
      try {
        await settled(page);
        if (what === "events") {
          // The month becomes a list by day: no grid on a phone.
          await page.getByTestId("day-list").waitFor();
          expect(await page.locator("table.calendar").count()).toBe(0);
        }
        await noSidewaysScroll(page, `${what} at 360 px`);
        await shoot(page, `phone-${what.replace(/ /g, "-")}`);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }
  }, 120_000);
});
