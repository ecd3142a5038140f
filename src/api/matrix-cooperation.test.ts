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
// Fixtures and rows of the menu's endpoints.
async function setUpMenu(): Promise<void> {}
const menuRows: Row[] = [];

// -------------------------------------------------------------------------- programmes
// Fixtures and rows of the programmes' endpoints (Colombia's programme with NATO).
async function setUpProgrammes(): Promise<void> {}
const programmeRows: Row[] = [];

// ------------------------------------------------------------------- events, nominations
async function setUpEvents(): Promise<void> {}
const eventRows: Row[] = [];

// ----------------------------------------------------------------------------- results
async function setUpResults(): Promise<void> {}
const resultRows: Row[] = [];

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
