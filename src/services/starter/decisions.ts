/**
 * The decision-making part of the starter data set (`data/starter/decisions/`): the deciding
 * bodies, each organisation's rules for requests and notices, and the historical decisions the
 * sources describe, entered as closed proposals marked as reconstructed. Loaded once, in one
 * transaction, after the registry's starter data (whose states and sources it refers to); a
 * database that has it already is left alone.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import { importApplied, recordImport } from "../../db/repositories/imports.ts";
import { appendAudit } from "../audit/log.ts";
import { auditActor } from "../policies.ts";
import {
  bodiesNotOfOrganizations,
  insertBody,
  insertOrganizationRule,
  lockStarterDecisions,
} from "../../db/repositories/starter.ts";
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
    await lockStarterDecisions(tx);
    if (await alreadyLoaded(tx)) return { loaded: false, counts: {} };
    for (const body of bodies.bodies) {
      await insertBody(tx, {
        id: body.id,
        actorCode: body.actor,
        organizationCode: body.organization ?? body.actor,
        names: body.names,
        chair: body.chair,
        defaultProcedure: body.defaultProcedure,
        note: body.note ?? null,
      });
    }
    const misplaced = await bodiesNotOfOrganizations(tx);
    if (misplaced.length > 0) {
      throw new StarterDataError(
        misplaced.map(
          (id) => `bodies.json: ${id} is a state's own body: name the organisation it belongs to ("organization")`,
        ),
      );
    }
    for (const rule of bodies.rules) {
      await insertOrganizationRule(tx, {
        organizationCode: rule.organization,
        requestBodyId: rule.requestBody,
        withdrawalNoticeMonths: rule.withdrawalNoticeMonths,
        suspensionNoticeMonths: rule.suspensionNoticeMonths,
        sourceId: rule.source,
        note: rule.note ?? null,
      });
    }
    const proposals = await loadHistory(tx, history);
    const counts = {
      bodies: bodies.bodies.length,
      "organisation rules": bodies.rules.length,
      "historical decisions": proposals,
    };
    await recordImport(tx, { name: DECISIONS_IMPORT, checksum: "-", summary: counts });
    await appendAudit(tx, {
      ...auditActor({ kind: "system", name: "importer" }),
      action: "import.apply",
      objectType: "import",
      objectId: DECISIONS_IMPORT,
      details: counts,
    });
    return { loaded: true, counts };
  });
}

async function alreadyLoaded(db: Pick<Database, "select">): Promise<boolean> {
  return importApplied(db, DECISIONS_IMPORT);
}
