import fc from "fast-check";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import { RegistryRepository } from "../db/repositories/registry.ts";
import { RELATION_KINDS } from "../domain/registry.ts";
import { RegistryCache } from "./registry-cache.ts";
import { RegistryService } from "./registry.ts";

let test: TestDatabase;
let cache: RegistryCache;
let cached: RegistryService;
beforeAll(async () => {
  test = await createTestDatabase();
  cache = new RegistryCache(new RegistryRepository(test.db), test.url);
  await cache.start();
  cached = new RegistryService(test.db, cache);
});
afterAll(async () => {
  await cache?.stop();
  await test?.drop();
});

/** Waits, within a bound, for something that happens asynchronously (a notification, a reconnect). */
async function eventually(check: () => Promise<boolean> | boolean, what: string, boundMs = 10_000): Promise<void> {
  const deadline = Date.now() + boundMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Not within ${boundMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const codesOn = async (service: RegistryService, organization: string, at: string) =>
  (await service.members(organization, { at })).members
    .map((member) => `${member.subject} ${member.kind} ${member.id}`)
    .sort();

describe("RegistryCache", () => {
  it("gives the same answers as the database, for any organisation, date, kind and framework", async () => {
    const organizations = ["NATO", "UNASUR", "PROSUR", "MERCOSUR", "ALBA", "CELAC", "OAS"];
    const day = fc
      .date({ min: new Date("1945-01-01"), max: new Date("2030-12-31"), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...organizations),
        day,
        fc.option(fc.constantFrom(...RELATION_KINDS), { nil: undefined }),
        async (organization, at, kind) => {
          expect(cache.active).toBe(true);
          const fromCache = await cached.members(organization, { at, kind });
          const fromDatabase = await test.registry.members(organization, { at, kind });
          const key = (relation: { id: number }) => relation.id;
          expect(fromCache.members.map(key).sort()).toEqual(fromDatabase.members.map(key).sort());
          expect(fromCache.members.sort((a, b) => a.id - b.id)).toEqual(
            fromDatabase.members.sort((a, b) => a.id - b.id),
          );
        },
      ),
      { numRuns: 150 },
    );
    const framework = await cached.members("NATO", { at: "2020-01-01", framework: "mediterranean-dialogue" });
    expect(framework.members.map((member) => member.subject).sort()).toEqual([
      "DZA",
      "EGY",
      "ISR",
      "JOR",
      "MAR",
      "MRT",
      "TUN",
    ]);
  });

  it("drops its copy when the registry changes, whoever changes it", async () => {
    const before = await codesOn(cached, "NATO", "2025-01-01");
    expect(before.some((line) => line.startsWith("CYP "))).toBe(false);
    // Another connection, as another process (the CLI, an importer) would.
    await test.db.execute(sql`
      INSERT INTO relations (subject_code, object_code, kind, framework_id, valid, since_precision, certainty)
      VALUES ('CYP', 'NATO', 'partner', (SELECT id FROM frameworks WHERE slug = 'pfp'), '[1995-02-10,)', 'day', 'confirmed')`);
    await eventually(
      async () => (await codesOn(cached, "NATO", "2025-01-01")).some((line) => line.startsWith("CYP partner")),
      "the new partner shows",
    );
    expect(await codesOn(cached, "NATO", "2025-01-01")).toEqual(await codesOn(test.registry, "NATO", "2025-01-01"));
  });

  it("answers from the database while it cannot listen, and listens again", async () => {
    await test.db.execute(sql`
      SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = current_database() AND query ILIKE 'LISTEN %'`);
    await eventually(() => !cache.active, "the cache notices it stopped listening");
    // A change made while nobody listens is seen at once: answers come from the database.
    await test.db.execute(
      sql`UPDATE relations SET valid = '[1995-02-10,2001-01-01)', until_precision = 'day' WHERE subject_code = 'CYP' AND object_code = 'NATO'`,
    );
    expect((await codesOn(cached, "NATO", "2025-01-01")).some((line) => line.startsWith("CYP "))).toBe(false);
    await eventually(() => cache.active, "the cache listens again");
    expect(await codesOn(cached, "NATO", "2025-01-01")).toEqual(await codesOn(test.registry, "NATO", "2025-01-01"));
    expect(await codesOn(cached, "NATO", "2000-01-01")).toEqual(await codesOn(test.registry, "NATO", "2000-01-01"));
  });
});
