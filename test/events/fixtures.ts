/**
 * Fixtures of the cooperation events tests: menu items written straight into the database (the
 * menu's own API is tested elsewhere), days counted from today, events scheduled over HTTP by a
 * secretariat, and the audit entries a test expects.
 */
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Eligibility } from "../../src/domain/cooperation.ts";
import type { Person } from "../support/people.ts";
import type { TestConcord } from "../support/concord.ts";

/** The day `n` days from today (UTC), YYYY-MM-DD. */
export const daysFromNow = (n: number): string => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
/** The instant `n` days from now, ISO 8601. */
export const instantIn = (n: number): string => new Date(Date.now() + n * 86_400_000).toISOString();

/** A NATO menu item on the menu from 2000 on, open to `eligibility`; its id. */
export async function menuItem(
  concord: TestConcord,
  code: string,
  eligibility: Eligibility,
  titles: { en: string; es?: string } = { en: `Activity ${code}` },
): Promise<number> {
  const result = await concord.database.db.execute(sql`
    INSERT INTO menu_items (organization_code, code, area, type, title_en, title_es, provider, eligibility, valid)
    VALUES ('NATO', ${code}, 'cyber-defence', 'course', ${titles.en}, ${titles.es ?? null}, 'NATO School Oberammergau',
            ${JSON.stringify(eligibility)}::jsonb, '[2000-01-01,)')
    RETURNING id`);
  return Number(z.object({ id: z.union([z.string(), z.number()]) }).parse(result.rows[0]).id);
}

/** An event scheduled by the secretariat: `menuItem` (or bespoke), starting in 60 days, nominations closing in 30. */
export async function scheduleEvent(
  secretariat: Person,
  fields: Record<string, unknown> = {},
): Promise<{ id: number; status: string } & Record<string, any>> {
  const answer = await secretariat.send("POST", "/api/v1/events", {
    startsOn: daysFromNow(60),
    endsOn: daysFromNow(64),
    place: "Oberammergau",
    nominationDeadline: instantIn(30),
    ...fields,
  });
  if (answer.status !== 201) throw new Error(`scheduling failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** The audit entries of one action, oldest first. */
export async function auditOf(
  concord: TestConcord,
  action: string,
): Promise<
  Array<{ actor: string; objectType: string; objectId: string | null; details: any; before: any; after: any }>
> {
  const result = await concord.database.db.execute(sql`
    SELECT actor, object_type AS "objectType", object_id AS "objectId", details, before, after
    FROM audit_log WHERE action = ${action} ORDER BY id`);
  return result.rows.map((row) =>
    z
      .object({
        actor: z.string(),
        objectType: z.string(),
        objectId: z.string().nullable(),
        details: z.unknown(),
        before: z.unknown(),
        after: z.unknown(),
      })
      .parse(row),
  );
}

/** How many rows a table has (to show a refusal wrote nothing). */
export async function countRows(concord: TestConcord, table: "nominations" | "events"): Promise<number> {
  const result = await concord.database.db.execute(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`);
  return z.object({ n: z.number() }).parse(result.rows[0]).n;
}
