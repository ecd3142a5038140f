/**
 * A programme written straight into the database for the results tests (and the results rows of
 * the cooperation matrix): the programme, one version, an objective and its partnership goals.
 * Results only need a programme's organisation, partner, period and goals' references, so they are
 * tested without going through the programmes API.
 */
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../src/db/client.ts";
import { addDays, today } from "../../src/domain/dates.ts";

export type ProgrammeFixture = { id: number; start: string; end: string; goals: string[] };

const idRow = z.object({ id: z.union([z.number(), z.string()]).transform(Number) });

export async function insertProgramme(
  db: Database,
  options: {
    organization?: string;
    partner?: string;
    kind?: string;
    start?: string;
    end?: string;
    status?: "draft" | "in-force";
    goals?: Array<{ ref: string; en: string; es?: string }>;
  } = {},
): Promise<ProgrammeFixture> {
  const start = options.start ?? addDays(today(), -730);
  const end = options.end ?? addDays(today(), 730);
  const goals = options.goals ?? [
    { ref: "G1", en: "Interoperability of the armed forces", es: "Interoperabilidad de las fuerzas armadas" },
    { ref: "G2", en: "Building integrity", es: "Fortalecimiento de la integridad" },
  ];
  const status = options.status ?? "in-force";
  const programme = idRow.parse(
    (
      await db.execute(sql`
        INSERT INTO programmes (organization_code, partner_code, kind, period, created_by)
        VALUES (${options.organization ?? "NATO"}, ${options.partner ?? "COL"}, ${options.kind ?? "ITPP"},
                daterange(${start}::date, ${end}::date, '[]'), 'test')
        RETURNING id`)
    ).rows[0],
  ).id;
  await db.execute(sql`
    INSERT INTO programme_versions (programme_id, number, status, in_force_from, created_by)
    VALUES (${programme}, 1, ${status}::programme_version_status, ${status === "in-force" ? start : null}::date, 'test')`);
  const objective = idRow.parse(
    (
      await db.execute(sql`
        INSERT INTO programme_objectives (programme_id, version, ref, title_en, title_es)
        VALUES (${programme}, 1, 'O1', 'Security and defence cooperation', 'Cooperación en seguridad y defensa')
        RETURNING id`)
    ).rows[0],
  ).id;
  for (const [position, goal] of goals.entries())
    await db.execute(sql`
      INSERT INTO programme_goals (objective_id, programme_id, version, ref, position, title_en, title_es)
      VALUES (${objective}, ${programme}, 1, ${goal.ref}, ${position}, ${goal.en}, ${goal.es ?? null})`);
  return { id: programme, start, end, goals: goals.map((goal) => goal.ref) };
}
