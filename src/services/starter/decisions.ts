/**
 * The decision-making part of the starter data set (`data/starter/decisions/`): the deciding
 * bodies, each organisation's rules for requests and notices, and the historical decisions the
 * sources describe, entered as closed proposals marked as reconstructed. Loaded once, in one
 * transaction, after the registry's starter data (whose states and sources it refers to); a
 * database that has it already is left alone.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import { defaultDataDir, StarterDataError } from "./load.ts";
import { loadHistory, historyFile } from "./decision-history.ts";
import { procedureSchema } from "./format.ts";

export const DECISIONS_IMPORT = "starter-decisions";

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and hyphens");
const code = z.string().regex(/^[A-Z][A-Z0-9]{1,15}$/, "an upper-case actor code");
export const bodiesFile = z.strictObject({
  bodies: z.array(
    z.strictObject({
      id: slug,
      actor: code,
      /** The organisation whose part of Concord the body belongs to; required for a state's own body, an organisation's is its own. */
      organization: code.optional(),
      names: z.strictObject({
        en: z.string().min(1),
        es: z.string().min(1),
        pt: z.string().min(1),
        fr: z.string().min(1),
      }),
      chair: z.string().min(1),
      defaultProcedure: procedureSchema,
      note: z.string().min(1).optional(),
    }),
  ),
  rules: z.array(
    z.strictObject({
      organization: code,
      requestBody: slug,
      withdrawalNoticeMonths: z.number().int().min(0),
      suspensionNoticeMonths: z.number().int().min(0),
      source: slug,
      note: z.string().min(1).optional(),
    }),
  ),
});

async function readJson<T extends z.ZodType>(
  file: string,
  schema: T,
  problems: string[],
): Promise<z.infer<T> | undefined> {
  let value: unknown;
  try {
    value = JSON.parse(await fs.readFile(file, "utf8"));
  } catch (error) {
    problems.push(`${path.basename(file)}: ${(error as Error).message}`);
    return undefined;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push(`${path.basename(file)}: ${issue.path.join(".") || "(top)"}: ${issue.message}`);
    return undefined;
  }
  return parsed.data;
}

export async function loadStarterDecisions(
  db: Database,
  dataDir = defaultDataDir,
): Promise<{ loaded: boolean; counts: Record<string, number> }> {
  if (await alreadyLoaded(db)) return { loaded: false, counts: {} };
  const folder = path.join(dataDir, "starter", "decisions");
  const problems: string[] = [];
  const bodies = await readJson(path.join(folder, "bodies.json"), bodiesFile, problems);
  const history = await readJson(path.join(folder, "history.json"), historyFile, problems);
  if (!bodies || !history) throw new StarterDataError(problems);

  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(7100003)`);
    if (await alreadyLoaded(tx)) return { loaded: false, counts: {} };
    for (const body of bodies.bodies) {
      await tx.execute(sql`
        INSERT INTO bodies (id, actor_code, organization_code, name_en, name_es, name_pt, name_fr, chair, default_procedure, note)
        VALUES (${body.id}, ${body.actor}, ${body.organization ?? body.actor}, ${body.names.en}, ${body.names.es}, ${body.names.pt}, ${body.names.fr}, ${body.chair},
                ${JSON.stringify(body.defaultProcedure)}::jsonb, ${body.note ?? null})`);
    }
    const misplaced = (
      await tx.execute(
        sql`SELECT b.id FROM bodies b JOIN actors o ON o.code = b.organization_code WHERE o.type <> 'organization' ORDER BY b.id`,
      )
    ).rows as Array<{ id: string }>;
    if (misplaced.length > 0) {
      throw new StarterDataError(
        misplaced.map(
          (body) =>
            `bodies.json: ${body.id} is a state's own body: name the organisation it belongs to ("organization")`,
        ),
      );
    }
    for (const rule of bodies.rules) {
      await tx.execute(sql`
        INSERT INTO organization_rules (organization_code, request_body_id, withdrawal_notice_months, suspension_notice_months, source_id, note)
        VALUES (${rule.organization}, ${rule.requestBody}, ${rule.withdrawalNoticeMonths}, ${rule.suspensionNoticeMonths}, ${rule.source}, ${rule.note ?? null})`);
    }
    const proposals = await loadHistory(tx, history);
    const counts = {
      bodies: bodies.bodies.length,
      "organisation rules": bodies.rules.length,
      "historical decisions": proposals,
    };
    await tx.execute(
      sql`INSERT INTO imports (name, checksum, summary) VALUES (${DECISIONS_IMPORT}, ${"-"}, ${JSON.stringify(counts)}::jsonb)`,
    );
    return { loaded: true, counts };
  });
}

async function alreadyLoaded(db: Pick<Database, "execute">): Promise<boolean> {
  return (await db.execute(sql`SELECT 1 FROM imports WHERE name = ${DECISIONS_IMPORT}`)).rows.length > 0;
}
