/**
 * The security policies labels are read against (`data/policies/*.json`, each a policy file in
 * the spirit of a SPIF: src/domain/labels/policies.ts reads it). A policy whose file changed is
 * loaded as a new version, audited; an unchanged one is left alone, so a restart loads nothing.
 */
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Database } from "../../db/client.ts";
import * as repo from "../../db/repositories/documents.ts";
import { parsePolicy } from "../../domain/labels/policies.ts";
import { appendAudit } from "../audit/log.ts";
import { auditActor, type Principal } from "../policies.ts";
import { defaultDataDir, StarterDataError } from "./load.ts";

const POLICIES_FOLDER = "policies";
const IMPORTER: Principal = { kind: "system", name: "importer" };

/** Loads the policy files that are new or changed; answers how many versions it added. */
export async function loadStarterPolicies(
  db: Database,
  dataDir: string = defaultDataDir,
): Promise<{ loaded: boolean; counts: Record<string, number> }> {
  const folder = path.join(dataDir, POLICIES_FOLDER);
  let names: string[];
  try {
    names = (await fs.readdir(folder)).filter((name) => name.endsWith(".json")).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { loaded: false, counts: {} };
    throw error;
  }
  const policies = await Promise.all(
    names.map(async (name) => {
      try {
        return parsePolicy(JSON.parse(await fs.readFile(path.join(folder, name), "utf8")));
      } catch (error) {
        throw new StarterDataError([`${path.join(POLICIES_FOLDER, name)}: ${(error as Error).message}`]);
      }
    }),
  );
  const held = new Map((await repo.latestPolicies(db)).map((row) => [row.id, row]));
  let added = 0;
  await db.transaction(async (tx) => {
    for (const policy of policies) {
      const digest = createHash("sha256").update(JSON.stringify(policy)).digest("hex");
      const current = held.get(policy.id);
      if (current?.digest === digest) continue;
      const version = (current?.version ?? 0) + 1;
      await repo.insertPolicy(tx, {
        id: policy.id,
        version,
        name: policy.name,
        organizationCode: policy.organization,
        definition: policy as unknown as Record<string, unknown>,
        digest,
      });
      await appendAudit(tx, {
        ...auditActor(IMPORTER),
        organization: policy.organization ?? undefined,
        action: "security_policy.load",
        objectType: "security_policy",
        objectId: policy.id,
        after: { id: policy.id, name: policy.name, version, digest },
      });
      added++;
    }
  });
  return { loaded: added > 0, counts: { "security policies": added } };
}
