/**
 * The authorization matrix of cooperation programmes: every endpoint of the menu, programmes,
 * events and nominations, results and calendar feeds × every kind of reader, of NATO's part and
 * of another organisation's (the OAS, where Colombia also has a delegation), exactly as
 * `cooperationPolicy` says. Apart from src/api/matrix.test.ts because its readers differ: a
 * programme's rules turn on the reader's state (the partner itself, another partner, an ally).
 * Every endpoint under the cooperation paths must appear here (and matrix.test.ts leaves them
 * to this file), so a new one cannot go unchecked.
 *
 * The readers:
 *  - nobody signed in;
 *  - NATO's secretariat administrator and staff; the head and a member of Colombia's delegation
 *    to NATO (the partner whose programme is read); the head of Egypt's delegation to NATO (another
 *    partner, of another framework); the head and a member of the United States' delegation (an
 *    ally); a NATO analyst;
 *  - the OAS's administrator and staff, its analyst, and the head of Colombia's delegation to the
 *    OAS: the same state, in another organisation, which must see nothing of NATO's programmes.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConcord, type TestConcord } from "../../test/support/concord.ts";
import { AccountsService } from "../services/accounts/accounts.ts";
import { COOPERATION_PATHS } from "../../test/support/cooperation-paths.ts";
import { insertProgramme } from "../../test/support/results-fixtures.ts";

const READERS = [
  "anonymous",
  "nato-admin",
  "nato-staff",
  "nato-head-col",
  "nato-member-col",
  "nato-head-egy",
  "nato-head-usa",
  "nato-member-usa",
  "nato-analyst",
  "oas-admin",
  "oas-staff",
  "oas-analyst",
  "oas-head-col",
] as const;
type Reader = (typeof READERS)[number];
type Expected = "allowed" | 400 | 401 | 403 | 404;

const ACCOUNTS: Record<Exclude<Reader, "anonymous">, { organization: string; role: string; state?: string }> = {
  "nato-admin": { organization: "NATO", role: "secretariat-admin" },
  "nato-staff": { organization: "NATO", role: "secretariat-staff" },
  "nato-head-col": { organization: "NATO", role: "delegation-head", state: "COL" },
  "nato-member-col": { organization: "NATO", role: "delegation-member", state: "COL" },
  "nato-head-egy": { organization: "NATO", role: "delegation-head", state: "EGY" },
  "nato-head-usa": { organization: "NATO", role: "delegation-head", state: "USA" },
  "nato-member-usa": { organization: "NATO", role: "delegation-member", state: "USA" },
  "nato-analyst": { organization: "NATO", role: "analyst" },
  "oas-admin": { organization: "OAS", role: "secretariat-admin" },
  "oas-staff": { organization: "OAS", role: "secretariat-staff" },
  "oas-analyst": { organization: "OAS", role: "analyst" },
  "oas-head-col": { organization: "OAS", role: "delegation-head", state: "COL" },
};

let concord: TestConcord;
const password = "a long enough secret";
const sessions = {} as Record<Exclude<Reader, "anonymous">, { cookie: string; csrf: string; accountId: string }>;

type Call = { method: string; path: string; body?: unknown; contentType?: string };
type Row = { endpoint: string; call: (reader: Reader) => Call | Promise<Call>; expect: (reader: Reader) => Expected };

const isOas = (reader: Reader) => reader.startsWith("oas-");
const isNatoSecretariat = (reader: Reader) => reader === "nato-admin" || reader === "nato-staff";
/** Anyone, signed in or not. */
const everyone = () => "allowed" as const;
/** NATO's secretariat; NATO's other people 403; another organisation's people never learn it exists (404). */
const natoSecretariat404 = (reader: Reader): Expected =>
  reader === "anonymous" ? 401 : isNatoSecretariat(reader) ? "allowed" : isOas(reader) ? 404 : 403;
/** NATO's secretariat; everyone else signed in 403 (what is refused is not secret). */
const natoSecretariat = (reader: Reader): Expected =>
  reader === "anonymous" ? 401 : isNatoSecretariat(reader) ? "allowed" : 403;

// ------------------------------------------------------------------------------- the menu
// Fixtures and rows of the menu's endpoints. The menu is public; NATO's secretariat alone writes
// NATO's menu (the OAS's secretariat, naming NATO, is refused: 403).
let menuItemId = 0;
async function setUpMenu(): Promise<void> {
  const inserted = await concord.database.db.execute(sql`
    INSERT INTO menu_items (organization_code, code, area, type, title_en, provider, valid)
    VALUES ('NATO', 'MATRIX-1', 'cyber-defence', 'course', 'Cyber defence for the matrix', 'NATO School', '[2020-01-01,)')
    RETURNING id`);
  menuItemId = Number(inserted.rows[0]?.id);
}
const menuCsv = (code: string) =>
  "code,area,type,title_en,title_es,title_pt,title_fr,description_en,description_es,description_pt,description_fr," +
  "provider,languages,duration_days,eligibility,since,until,illustrative,source\r\n" +
  `${code},demining,workshop,Demining workshop,,,,,,,,NATO School,en,2,all-partners,2024-01-01,,true,\r\n`;
const menuRows: Row[] = [
  {
    endpoint: "GET /api/v1/menu",
    call: () => ({ method: "GET", path: "/api/v1/menu?organization=NATO" }),
    expect: everyone,
  },
  {
    endpoint: "GET /api/v1/menu/{id}",
    call: () => ({ method: "GET", path: `/api/v1/menu/${menuItemId}` }),
    expect: everyone,
  },
  {
    endpoint: "POST /api/v1/menu",
    call: (reader) => ({
      method: "POST",
      path: "/api/v1/menu",
      body: {
        organization: "NATO",
        code: `M-${reader}`,
        area: "maritime-security",
        type: "seminar",
        titles: { en: "Maritime security seminar" },
        provider: "NATO Maritime Interdiction Operational Training Centre",
        since: "2024-01-01",
      },
    }),
    expect: natoSecretariat,
  },
  {
    endpoint: "PATCH /api/v1/menu/{id}",
    call: (reader) => ({
      method: "PATCH",
      path: `/api/v1/menu/${menuItemId}`,
      body: { provider: `NATO School (${reader})` },
    }),
    expect: natoSecretariat,
  },
  {
    endpoint: "POST /api/v1/menu/import",
    call: (reader) => ({
      method: "POST",
      path: "/api/v1/menu/import?organization=NATO",
      body: menuCsv(`IMP-${reader}`),
      contentType: "text/csv",
    }),
    expect: natoSecretariat,
  },
];

// -------------------------------------------------------------------------- programmes
// Fixtures and rows of the programmes' endpoints (Colombia's programme with NATO), opened through
// the API by NATO's staff in years far from the starter programme's and the results section's
// (2130 on). Where one reader's success would change the next one's answer (opening a programme,
// starting a version, proposing one), each reader gets a programme of its own.
let programmeId = 0;
let programmeYear = 2130;
const programmeDraft = (year: number) => ({
  objectives: [
    {
      ref: "O1",
      area: "cyber-defence",
      titles: { en: "Cyber defence" },
      goals: [
        { ref: "G1", titles: { en: "Incident response" }, activities: [{ ref: "A1", menuItem: "MATRIX-1", year }] },
      ],
    },
  ],
});
/** A new programme of Colombia's with NATO, two years long, with a draft; `withdrawn`: its version 1 proposed, then withdrawn (not agreed). */
async function openProgramme(withdrawn = false): Promise<number> {
  const year = programmeYear;
  programmeYear += 2;
  const opened = await send("nato-staff", {
    method: "POST",
    path: "/api/v1/programmes",
    body: { organization: "NATO", partner: "COL", kind: "ITPP", start: `${year}-01-01`, end: `${year + 1}-12-31` },
  });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  const id = opened.body.programme.id as number;
  const drafted = await send("nato-staff", {
    method: "PUT",
    path: `/api/v1/programmes/${id}/draft`,
    body: programmeDraft(year),
  });
  expect(drafted.status, JSON.stringify(drafted.body)).toBe(200);
  if (withdrawn) {
    const proposed = await send("nato-staff", { method: "POST", path: `/api/v1/programmes/${id}/agreement`, body: {} });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(200);
    const closed = await send("nato-staff", {
      method: "POST",
      path: `/api/v1/proposals/${proposed.body.programme.version.proposalId}/close`,
      body: { as: "withdrawn", reason: "A fixture of the matrix." },
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
  }
  return id;
}
async function setUpProgrammes(): Promise<void> {
  programmeId = await openProgramme();
}
/** NATO's secretariat, Colombia's delegation and the allies' read it whole; NATO's analyst its summary; others nothing. */
const programmeReader = (reader: Reader): Expected =>
  reader === "anonymous"
    ? 401
    : isNatoSecretariat(reader) ||
        ["nato-head-col", "nato-member-col", "nato-head-usa", "nato-member-usa", "nato-analyst"].includes(reader)
      ? "allowed"
      : 404;
/** What the tree shows: as programmeReader, but the analyst (summary only) is refused. */
const programmeTreeReader = (reader: Reader): Expected => (reader === "nato-analyst" ? 403 : programmeReader(reader));
/** Drafting: NATO's secretariat and Colombia's delegation; refused (403) to the others who see it. */
const programmeDrafter = (reader: Reader): Expected =>
  isNatoSecretariat(reader) || reader === "nato-head-col" || reader === "nato-member-col"
    ? "allowed"
    : programmeReader(reader) === "allowed"
      ? 403
      : programmeReader(reader);
/** Proposing for agreement: NATO's secretariat; refused (403) to the others who see it. */
const programmeManager = (reader: Reader): Expected =>
  isNatoSecretariat(reader) ? "allowed" : programmeReader(reader) === "allowed" ? 403 : programmeReader(reader);
const programmeRows: Row[] = [
  {
    endpoint: "GET /api/v1/programmes",
    // A list shows each reader what it may see (another organisation's people: nothing), always 200.
    call: () => ({ method: "GET", path: "/api/v1/programmes?organization=NATO" }),
    expect: everyone,
  },
  {
    endpoint: "POST /api/v1/programmes",
    call: () => {
      const year = programmeYear;
      programmeYear += 2;
      return {
        method: "POST",
        path: "/api/v1/programmes",
        body: { organization: "NATO", partner: "COL", kind: "IPCP", start: `${year}-01-01`, end: `${year + 1}-12-31` },
      };
    },
    expect: natoSecretariat,
  },
  {
    endpoint: "GET /api/v1/programmes/{id}",
    call: () => ({ method: "GET", path: `/api/v1/programmes/${programmeId}` }),
    expect: programmeReader,
  },
  {
    endpoint: "GET /api/v1/programmes/{id}/compare",
    call: () => ({ method: "GET", path: `/api/v1/programmes/${programmeId}/compare?from=1&to=1` }),
    expect: programmeTreeReader,
  },
  {
    endpoint: "PUT /api/v1/programmes/{id}/draft",
    call: () => ({ method: "PUT", path: `/api/v1/programmes/${programmeId}/draft`, body: programmeDraft(2130) }),
    expect: programmeDrafter,
  },
  {
    endpoint: "POST /api/v1/programmes/{id}/versions",
    call: async (reader) => ({
      method: "POST",
      path: `/api/v1/programmes/${programmeDrafter(reader) === "allowed" ? await openProgramme(true) : programmeId}/versions`,
      body: {},
    }),
    expect: programmeDrafter,
  },
  {
    endpoint: "POST /api/v1/programmes/{id}/agreement",
    call: async (reader) => ({
      method: "POST",
      path: `/api/v1/programmes/${programmeManager(reader) === "allowed" ? await openProgramme() : programmeId}/agreement`,
      body: {},
    }),
    expect: programmeManager,
  },
];

// ------------------------------------------------------------------- events, nominations
// Two NATO menu items written straight into the database: one open to every partner, one to the
// Mediterranean Dialogue (Egypt is in it, Colombia is not); events of each, approved, in a year's
// time. Changes that one reader's success would spoil for the next get a fresh event or
// nomination per reader. Another organisation's people: 404 for an event or nomination, 403 for
// NATO's lists and actions. Anonymous GET /events is the live-updates stream's: 401.
let openMenuItem = 0;
let dialogueMenuItem = 0;
let openEvent = 0;
let dialogueEvent = 0;
const inAYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
const deadlineInSixMonths = new Date(Date.now() + 180 * 86_400_000).toISOString();

async function insertMenuItemRow(code: string, eligibility: object): Promise<number> {
  const result = await concord.database.db.execute(sql`
    INSERT INTO menu_items (organization_code, code, area, type, title_en, provider, eligibility, valid)
    VALUES ('NATO', ${code}, 'defence-education', 'course', ${`Matrix course ${code}`}, 'NATO Defense College',
            ${JSON.stringify(eligibility)}::jsonb, '[2000-01-01,)')
    RETURNING id`);
  return Number(result.rows[0]?.id);
}

async function insertEventRow(menuItem: number, status = "approved"): Promise<number> {
  const result = await concord.database.db.execute(sql`
    INSERT INTO events (organization_code, menu_item_id, starts_on, ends_on, place, provider, nomination_deadline, status, created_by)
    VALUES ('NATO', ${menuItem}, ${inAYear}::date, ${inAYear}::date, 'Rome', 'NATO Defense College',
            ${deadlineInSixMonths}::timestamptz, ${status}::event_status, 'matrix')
    RETURNING id`);
  return Number(result.rows[0]?.id);
}

/** A nomination of Colombia's to the open event. */
async function insertColombianNomination(): Promise<number> {
  const result = await concord.database.db.execute(sql`
    INSERT INTO nominations (event_id, state_code, participant_name, rank_or_function, nation, created_by)
    VALUES (${openEvent}, 'COL', 'María Pérez', 'Major', 'COL', 'matrix') RETURNING id`);
  return Number(result.rows[0]?.id);
}

async function setUpEvents(): Promise<void> {
  openMenuItem = await insertMenuItemRow("MATRIX-ALL", { kind: "all-partners" });
  dialogueMenuItem = await insertMenuItemRow("MATRIX-MD", { kind: "framework", framework: "mediterranean-dialogue" });
  openEvent = await insertEventRow(openMenuItem);
  dialogueEvent = await insertEventRow(dialogueMenuItem);
}

const natoDelegations = new Set<Reader>([
  "nato-head-col",
  "nato-member-col",
  "nato-head-egy",
  "nato-head-usa",
  "nato-member-usa",
]);
/** Who reads NATO's events at all: its secretariat and delegations; its analysts 403; other organisations 403 (a list) or 404 (a thing). */
const readsNatoEvents = (reader: Reader, hidden: 403 | 404): Expected =>
  reader === "anonymous"
    ? 401
    : isNatoSecretariat(reader) || natoDelegations.has(reader)
      ? "allowed"
      : isOas(reader)
        ? hidden
        : 403;
/** Keeps a calendar feed: a secretariat's or a delegation's account, of any organisation (its own feed). */
const keepsFeed = (reader: Reader): Expected =>
  reader === "anonymous" ? 401 : reader === "nato-analyst" || reader === "oas-analyst" ? 403 : "allowed";

const eventRows: Row[] = [
  {
    endpoint: "GET /api/v1/events",
    call: () => ({ method: "GET", path: "/api/v1/events?organization=NATO" }),
    expect: (reader) => readsNatoEvents(reader, 403),
  },
  {
    // The event open to every partner.
    endpoint: "GET /api/v1/events/{id}",
    call: () => ({ method: "GET", path: `/api/v1/events/${openEvent}` }),
    expect: (reader) => readsNatoEvents(reader, 404),
  },
  {
    // The Mediterranean Dialogue's event: hidden from Colombia (not eligible), shown to Egypt and allies.
    endpoint: "GET /api/v1/events/{id}",
    call: () => ({ method: "GET", path: `/api/v1/events/${dialogueEvent}` }),
    expect: (reader) =>
      reader === "nato-head-col" || reader === "nato-member-col" ? 404 : readsNatoEvents(reader, 404),
  },
  {
    // The secretariat schedules, a partner's delegation head proposes; a member, an ally, an analyst may not.
    endpoint: "POST /api/v1/events",
    call: () => ({
      method: "POST",
      path: "/api/v1/events",
      body: {
        organization: "NATO",
        title: "A bespoke seminar",
        provider: "NATO Defense College",
        startsOn: inAYear,
        endsOn: inAYear,
        online: true,
        nominationDeadline: deadlineInSixMonths,
      },
    }),
    expect: (reader) =>
      reader === "anonymous"
        ? 401
        : isNatoSecretariat(reader) || reader === "nato-head-col" || reader === "nato-head-egy"
          ? "allowed"
          : 403,
  },
  {
    endpoint: "POST /api/v1/events/{id}/status",
    call: async () => ({
      method: "POST",
      path: `/api/v1/events/${await insertEventRow(openMenuItem)}/status`,
      body: { status: "confirmed" },
    }),
    expect: natoSecretariat404,
  },
  {
    endpoint: "PUT /api/v1/events/{id}/report",
    call: async () => ({
      method: "PUT",
      path: `/api/v1/events/${await insertEventRow(openMenuItem, "held")}/report`,
      body: { report: "Twenty officers attended." },
    }),
    expect: natoSecretariat404,
  },
  {
    // Partners' delegations nominate for their own state; an ally's is no partner (400, naming the state).
    endpoint: "POST /api/v1/events/{id}/nominations",
    call: () => ({
      method: "POST",
      path: `/api/v1/events/${openEvent}/nominations`,
      body: { participantName: "A. Participant", rankOrFunction: "Major" },
    }),
    expect: (reader) =>
      reader === "anonymous"
        ? 401
        : reader === "nato-head-col" || reader === "nato-member-col" || reader === "nato-head-egy"
          ? "allowed"
          : reader === "nato-head-usa" || reader === "nato-member-usa"
            ? 400
            : isOas(reader)
              ? 404
              : 403,
  },
  {
    // The secretariat confirms Colombia's nominee; Colombia's people read it but do not confirm (403);
    // whoever may not read it is not told it exists (404).
    endpoint: "PATCH /api/v1/nominations/{id}",
    call: async () => ({
      method: "PATCH",
      path: `/api/v1/nominations/${await insertColombianNomination()}`,
      body: { status: "confirmed" },
    }),
    expect: (reader) =>
      reader === "anonymous"
        ? 401
        : isNatoSecretariat(reader)
          ? "allowed"
          : reader === "nato-head-col" || reader === "nato-member-col"
            ? 403
            : 404,
  },
  {
    endpoint: "GET /api/v1/cooperation/notices",
    call: () => ({ method: "GET", path: "/api/v1/cooperation/notices?organization=NATO&state=COL" }),
    expect: (reader) =>
      reader === "anonymous"
        ? 401
        : isNatoSecretariat(reader) || reader === "nato-head-col" || reader === "nato-member-col"
          ? "allowed"
          : 403,
  },
  {
    endpoint: "GET /api/v1/calendar-feed",
    call: () => ({ method: "GET", path: "/api/v1/calendar-feed" }),
    expect: keepsFeed,
  },
  {
    endpoint: "POST /api/v1/calendar-feed",
    call: () => ({ method: "POST", path: "/api/v1/calendar-feed" }),
    expect: keepsFeed,
  },
  {
    endpoint: "DELETE /api/v1/calendar-feed",
    call: () => ({ method: "DELETE", path: "/api/v1/calendar-feed" }),
    expect: keepsFeed,
  },
  {
    // The reader's own feed, by its secret address (made for the occasion); no feed, no address: 404.
    endpoint: "GET /api/v1/calendar/{feed}",
    call: async (reader) => {
      const made =
        reader === "anonymous" ? undefined : await send(reader, { method: "POST", path: "/api/v1/calendar-feed" });
      const url: string =
        made?.status === 201 ? made.body.url : `${concord.baseUrl}/api/v1/calendar/${"x".repeat(43)}.ics`;
      return { method: "GET", path: new URL(url).pathname };
    },
    expect: (reader) => (keepsFeed(reader) === "allowed" ? "allowed" : 404),
  },
];

// ----------------------------------------------------------------------------- results
// A programme of Colombia's with NATO (written straight into the database, far from the starter
// programme's years), an indicator reported on by the member of Colombia's delegation, its
// periods; updates are made fresh for each reader where one reader's success would change the
// next one's answer.
const results = { programme: 0, indicator: 0, periodsIndicator: 0, period: 0, lockPeriod: 0 };
/** Readers of the whole programme: NATO's secretariat, Colombia's delegation, allies' delegations. */
const readsProgramme = (reader: Reader): Expected =>
  reader === "anonymous"
    ? 401
    : isNatoSecretariat(reader) ||
        ["nato-head-col", "nato-member-col", "nato-head-usa", "nato-member-usa"].includes(reader)
      ? "allowed"
      : reader === "nato-analyst"
        ? 403
        : 404;
/** The secretariat's actions on a programme: refused (403) to those who see it, hidden (404) from the rest. */
const managesProgramme = (reader: Reader): Expected =>
  isNatoSecretariat(reader) ? "allowed" : readsProgramme(reader) === "allowed" ? 403 : readsProgramme(reader);
async function setUpResults(): Promise<void> {
  const fixture = await insertProgramme(concord.database.db, { start: "2041-01-01", end: "2042-12-31" });
  results.programme = fixture.id;
  const define = async (ref: string) => {
    const answer = await send("nato-admin", {
      method: "POST",
      path: `/api/v1/programmes/${fixture.id}/indicators`,
      body: { goalRef: "G1", ref, titles: { en: ref }, measure: "unit", reporters: [accountOf("nato-member-col")] },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body.indicator.id as number;
  };
  const period = async (indicator: number, start: string, end: string) => {
    const answer = await send("nato-admin", {
      method: "POST",
      path: `/api/v1/indicators/${indicator}/periods`,
      body: { start, end, target: { value: 10 } },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return (
      (answer.body.indicator.periods as Array<{ id: number; start: string }>).find((p) => p.start === start)?.id ?? 0
    );
  };
  results.indicator = await define("M1");
  results.periodsIndicator = await define("M2");
  results.period = await period(results.indicator, "2041-01-01", "2041-06-30");
  results.lockPeriod = await period(results.indicator, "2041-07-01", "2041-12-31");
}
/** A fresh update by the indicator's reporter: a draft, or submitted for approval. */
async function freshUpdate(submitted: boolean): Promise<number> {
  const draft = await send("nato-member-col", {
    method: "POST",
    path: `/api/v1/periods/${results.period}/updates`,
    body: { value: 1 },
  });
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  if (submitted)
    expect(
      (await send("nato-member-col", { method: "POST", path: `/api/v1/updates/${draft.body.update.id}/submission` }))
        .status,
    ).toBe(200);
  return draft.body.update.id;
}
const resultRows: Row[] = [
  {
    endpoint: "GET /api/v1/programmes/{id}/results",
    call: () => ({ method: "GET", path: `/api/v1/programmes/${results.programme}/results` }),
    expect: readsProgramme,
  },
  {
    endpoint: "GET /api/v1/programmes/{id}/updates",
    call: () => ({ method: "GET", path: `/api/v1/programmes/${results.programme}/updates` }),
    expect: readsProgramme,
  },
  {
    endpoint: "GET /api/v1/programmes/{id}/iati",
    call: () => ({ method: "GET", path: `/api/v1/programmes/${results.programme}/iati` }),
    expect: readsProgramme,
  },
  {
    endpoint: "POST /api/v1/programmes/{id}/indicators",
    call: (reader) => ({
      method: "POST",
      path: `/api/v1/programmes/${results.programme}/indicators`,
      body: { goalRef: "G2", ref: `R-${reader}`, titles: { en: `By ${reader}` }, measure: "ordinal" },
    }),
    expect: managesProgramme,
  },
  {
    endpoint: "PATCH /api/v1/indicators/{id}",
    call: (reader) => ({
      method: "PATCH",
      path: `/api/v1/indicators/${results.indicator}`,
      body: { titles: { en: `Renamed by ${reader}` } },
    }),
    expect: managesProgramme,
  },
  {
    endpoint: "PUT /api/v1/indicators/{id}/reporters",
    call: () => ({
      method: "PUT",
      path: `/api/v1/indicators/${results.indicator}/reporters`,
      body: { reporters: [accountOf("nato-member-col")] },
    }),
    expect: managesProgramme,
  },
  {
    endpoint: "POST /api/v1/indicators/{id}/periods",
    call: (reader) => {
      const month = String(READERS.indexOf(reader) + 1).padStart(2, "0");
      return {
        method: "POST",
        path: `/api/v1/indicators/${results.periodsIndicator}/periods`,
        body: { start: `2042-${month === "13" ? "12" : month}-01`, end: `2042-${month === "13" ? "12" : month}-28` },
      };
    },
    expect: managesProgramme,
  },
  {
    endpoint: "POST /api/v1/periods/{id}/lock",
    call: () => ({ method: "POST", path: `/api/v1/periods/${results.lockPeriod}/lock` }),
    expect: managesProgramme,
  },
  {
    endpoint: "POST /api/v1/periods/{id}/updates",
    call: () => ({ method: "POST", path: `/api/v1/periods/${results.period}/updates`, body: { value: 2 } }),
    // The indicator's reporter and the secretariat write updates; other readers may not (403).
    expect: (reader) => (reader === "nato-member-col" ? "allowed" : managesProgramme(reader)),
  },
  {
    endpoint: "POST /api/v1/updates/{id}/submission",
    call: async () => ({ method: "POST", path: `/api/v1/updates/${await freshUpdate(false)}/submission` }),
    // Its author only: the reporter who drafted it.
    expect: (reader) =>
      reader === "nato-member-col" ? "allowed" : readsProgramme(reader) === "allowed" ? 403 : readsProgramme(reader),
  },
  {
    endpoint: "POST /api/v1/updates/{id}/approval",
    call: async () => ({ method: "POST", path: `/api/v1/updates/${await freshUpdate(true)}/approval` }),
    expect: managesProgramme,
  },
  {
    endpoint: "POST /api/v1/updates/{id}/return",
    call: async () => ({
      method: "POST",
      path: `/api/v1/updates/${await freshUpdate(true)}/return`,
      body: { comment: "Say where the figure comes from." },
    }),
    expect: managesProgramme,
  },
  {
    endpoint: "GET /api/v1/cooperation/digest",
    call: () => ({ method: "GET", path: "/api/v1/cooperation/digest" }),
    // One's own digests: anyone signed in, of any organisation.
    expect: (reader) => (reader === "anonymous" ? 401 : "allowed"),
  },
  {
    endpoint: "GET /api/v1/cooperation/dashboard",
    call: () => ({ method: "GET", path: "/api/v1/cooperation/dashboard" }),
    // A delegation's own, in its own organisation (the OAS's delegation of Colombia has one there);
    // secretariats and analysts have none.
    expect: (reader) =>
      reader === "anonymous" ? 401 : natoDelegations.has(reader) || reader === "oas-head-col" ? "allowed" : 403,
  },
];

const rows: Row[] = [...menuRows, ...programmeRows, ...eventRows, ...resultRows];

async function send(reader: Reader, call: Call) {
  const headers: Record<string, string> = {};
  if (call.body !== undefined) headers["Content-Type"] = call.contentType ?? "application/json";
  if (reader !== "anonymous")
    Object.assign(headers, { Cookie: sessions[reader].cookie, "X-CSRF-Token": sessions[reader].csrf });
  const response = await fetch(concord.baseUrl + call.path, {
    method: call.method,
    headers,
    body: call.body === undefined ? undefined : typeof call.body === "string" ? call.body : JSON.stringify(call.body),
  });
  const text = await response.text();
  const body = text && response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text || null;
  return { status: response.status, body };
}

/** A reader's account id (for fixtures that name people, such as an indicator's reporters). */
function accountOf(reader: Exclude<Reader, "anonymous">): string {
  return sessions[reader].accountId;
}

beforeAll(async () => {
  concord = await startConcord();
  const accounts = new AccountsService(concord.database.db);
  for (const [reader, account] of Object.entries(ACCOUNTS) as Array<
    [Exclude<Reader, "anonymous">, (typeof ACCOUNTS)[Exclude<Reader, "anonymous">]]
  >) {
    const email = `${reader}@example.org`;
    const made = await accounts.createAdministrator({ email, password, organizationCode: account.organization });
    if (account.state)
      await concord.database.db.execute(
        sql`INSERT INTO delegations (organization_code, state_code) VALUES (${account.organization}, ${account.state}) ON CONFLICT DO NOTHING`,
      );
    await concord.database.db.execute(sql`
      UPDATE accounts SET role = ${account.role},
        delegation_id = (SELECT id FROM delegations WHERE organization_code = ${account.organization} AND state_code = ${account.state ?? null})
      WHERE id = ${made.id}`);
    const response = await fetch(`${concord.baseUrl}/api/v1/session`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    sessions[reader] = {
      cookie: (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "",
      csrf: ((await response.json()) as { csrfToken: string }).csrfToken,
      accountId: made.id,
    };
  }
  await setUpMenu();
  await setUpProgrammes();
  await setUpEvents();
  await setUpResults();
});
afterAll(async () => {
  await concord?.stop();
});

describe("the cooperation authorization matrix", () => {
  it("names every cooperation endpoint of the API", async () => {
    const document = (await (await fetch(`${concord.baseUrl}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const endpoints = Object.entries(document.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`))
      .filter((endpoint) => COOPERATION_PATHS.test(endpoint));
    const covered = new Set(rows.map((row) => row.endpoint));
    expect(endpoints.filter((endpoint) => !covered.has(endpoint))).toEqual([]);
  });

  for (const row of rows) {
    it(row.endpoint, async () => {
      const outcomes: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const reader of READERS) {
        const answer = await send(reader, await row.call(reader));
        outcomes[reader] = answer.status < 300 ? "allowed" : String(answer.status);
        expected[reader] = String(row.expect(reader));
        if (answer.status >= 300 && String(answer.status) !== expected[reader])
          outcomes[reader] += ` ${answer.body?.error?.message}`;
      }
      expect(outcomes).toEqual(expected);
    });
  }
});

// Kept referenced until the sections use them.
void [everyone, natoSecretariat404, natoSecretariat, accountOf];
