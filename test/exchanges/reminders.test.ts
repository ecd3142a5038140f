/**
 * The daily job of the information exchanges (ExchangesService.remindAndRecord, run by
 * `exchanges.daily`): before a deadline it reminds the participants that have not submitted,
 * once per threshold; after it, it records the participants whose return was missing on the
 * deadline; a second run says nothing again. Days are given, not waited for.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExchangesService } from "../../src/services/exchanges/exchanges.ts";
import { CLI } from "../../src/services/policies.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

let test: TestDatabase;
let exchanges: ExchangesService;
const measures = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`measure_${i + 1}`, "applied"]));

beforeAll(async () => {
  test = await createTestDatabase();
  exchanges = new ExchangesService(test.db);
}, 120_000);
afterAll(async () => {
  await test?.drop();
});

const notices = async (kind: string, year: number) =>
  (
    await test.db.execute(
      sql`SELECT state_code AS state, days_before AS "daysBefore" FROM exchange_notices
          WHERE regime_code = 'oas-csbm' AND kind = ${kind} AND year = ${year} ORDER BY state_code`,
    )
  ).rows as Array<{ state: string; daysBefore: number }>;

describe("the exchanges' daily job", () => {
  it("is on the job queue once the regimes are loaded", async () => {
    const jobs = await test.db.execute(sql`SELECT count(*)::int AS n FROM jobs WHERE kind = 'exchanges.daily'`);
    expect(jobs.rows[0]).toEqual({ n: 1 });
  });

  it("reminds the OAS members that have not submitted, 30 and then 7 days before the deadline, once each", async () => {
    // Chile's 2023 report, submitted on 1 March 2024 (before the deadline of 14 April 2024).
    await exchanges.saveDraft(CLI, "oas-csbm", "CHL", 2023, { fields: measures });
    await exchanges.submit(CLI, "oas-csbm", "CHL", 2023);
    await test.db.execute(sql`
      UPDATE exchange_returns SET first_submitted_at = '2024-03-01T12:00:00Z', submitted_at = '2024-03-01T12:00:00Z'
      WHERE regime_code = 'oas-csbm' AND state_code = 'CHL' AND year = 2023`);

    await test.db.transaction((tx) => exchanges.remindAndRecord(tx, "2024-03-20"));
    const first = await notices("exchanges.reminder", 2023);
    expect(first.length).toBeGreaterThan(20);
    expect(new Set(first.map((notice) => notice.daysBefore))).toEqual(new Set([30]));
    expect(first.map((notice) => notice.state)).not.toContain("CHL");
    expect(first.map((notice) => notice.state)).toContain("COL");

    await test.db.transaction((tx) => exchanges.remindAndRecord(tx, "2024-03-21"));
    expect(await notices("exchanges.reminder", 2023)).toEqual(first);

    await test.db.transaction((tx) => exchanges.remindAndRecord(tx, "2024-04-10"));
    const second = await notices("exchanges.reminder", 2023);
    expect(second.filter((notice) => notice.daysBefore === 7).map((notice) => notice.state)).toEqual(
      first.map((notice) => notice.state),
    );
  });

  it("records, after the deadline, who had not submitted on it, and only once", async () => {
    await test.db.transaction((tx) => exchanges.remindAndRecord(tx, "2024-04-15"));
    const missing = (await notices("exchanges.missing", 2023)).map((notice) => notice.state);
    expect(missing).toContain("COL");
    expect(missing).not.toContain("CHL");
    const compliance = await exchanges.compliance(CLI, "oas-csbm", 2023, "2024-04-15");
    expect(missing).toEqual(
      compliance.states
        .filter((entry) => entry.status === "missing")
        .map((entry) => entry.state)
        .sort(),
    );
    const audited = await test.db.execute(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'exchange_notice.missing' AND object_id = 'oas-csbm'`,
    );
    await test.db.transaction((tx) => exchanges.remindAndRecord(tx, "2024-04-16"));
    expect((await notices("exchanges.missing", 2023)).map((notice) => notice.state)).toEqual(missing);
    const again = await test.db.execute(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'exchange_notice.missing' AND object_id = 'oas-csbm'`,
    );
    expect(again.rows).toEqual(audited.rows);
  });
});
