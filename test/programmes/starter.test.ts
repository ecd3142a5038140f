/**
 * The starter programmes: Colombia's programme with NATO reconstructed from the sources, loaded
 * once; a restart (the loader run again) changes nothing, and its versions cite documents, not
 * decisions of Concord's.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadStarterProgrammesOnce } from "../../src/services/starter/cooperation-programmes.ts";
import { loadStarterMenuOnce } from "../../src/services/starter/cooperation-menu.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
  await loadStarterMenuOnce(test.db);
});
afterAll(async () => {
  await test?.drop();
});

const counts = async () =>
  (
    await test.db.execute(sql`
      SELECT (SELECT count(*)::int FROM programmes) AS programmes,
             (SELECT count(*)::int FROM programme_versions) AS versions,
             (SELECT count(*)::int FROM programme_activities) AS activities,
             (SELECT count(*)::int FROM audit_log WHERE action = 'programme.create') AS audited`)
  ).rows[0];

it("loads Colombia's programme once, its versions in force and superseded citing their documents", async () => {
  await loadStarterProgrammesOnce(test.db); // a no-op when the database has it already
  const loaded = await counts();
  expect(loaded).toMatchObject({ programmes: 1, versions: 2, audited: 1 });
  expect(await loadStarterProgrammesOnce(test.db)).toEqual({ loaded: false, counts: {} });
  expect(await counts()).toEqual(loaded);
  const versions = (
    await test.db.execute(sql`
      SELECT v.number, v.status::text, v.source_id AS "sourceId", v.proposal_id AS "proposalId",
             v.in_force_from::text AS "from", v.in_force_until::text AS "until", p.reconstructed
        FROM programme_versions v JOIN programmes p ON p.id = v.programme_id
       WHERE p.partner_code = 'COL' ORDER BY v.number`)
  ).rows;
  expect(versions).toEqual([
    {
      number: 1,
      status: "superseded",
      sourceId: "dialogo-2020-gottemoeller",
      proposalId: null,
      from: "2018-05-31",
      until: "2021-12-07",
      reconstructed: true,
    },
    {
      number: 2,
      status: "in-force",
      sourceId: "brief-2022-nato-latin-america",
      proposalId: null,
      from: "2021-12-08",
      until: null,
      reconstructed: true,
    },
  ]);
  const uncited = (
    await test.db.execute(sql`
      SELECT count(*)::int AS n FROM (
        SELECT source_id, quote FROM programme_objectives UNION ALL
        SELECT source_id, quote FROM programme_goals UNION ALL
        SELECT source_id, quote FROM programme_activities) nodes
      WHERE source_id IS NULL OR quote IS NULL`)
  ).rows[0];
  expect(uncited).toEqual({ n: 0 });
});
