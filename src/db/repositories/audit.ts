/** Searching the audit log: SQL and nothing else (appending and verifying live in services/audit/log.ts). */
import { and, desc, eq, inArray, isNull, lt, not, or, sql, type SQL } from "drizzle-orm";
import { READ_ACTIONS, READ_METHODS } from "../../domain/audit.ts";
import type { Database } from "../client.ts";
import { accounts, auditLog } from "../schema.ts";

export type AuditFilter = {
  actor?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  from?: string;
  to?: string;
  /** Entries older than this id: the next page. */
  beforeId?: number;
  limit: number;
  /** Also entries that record only a read (src/domain/audit.ts, READ_ACTIONS); left out unless true or `action` names one. */
  reads?: boolean;
};

export type AuditRow = {
  id: number;
  at: string;
  actor: string;
  actorEmail: string | null;
  onBehalfOf: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  before: unknown;
  after: unknown;
  details: unknown;
  organization: string | null;
  hash: string;
};

/**
 * Entries matching the filter, newest first, of one organisation (its own entries, and those
 * written before entries named theirs by an account of it) or of all.
 */
export async function searchAudit(
  db: Pick<Database, "select">,
  filter: AuditFilter,
  scope: "all" | string,
): Promise<AuditRow[]> {
  const conditions: Array<SQL | undefined> = [
    scope === "all"
      ? undefined
      : or(eq(auditLog.organization, scope), and(isNull(auditLog.organization), eq(accounts.organizationCode, scope))),
  ];
  if (filter.actor)
    conditions.push(or(eq(auditLog.actor, filter.actor), eq(accounts.email, filter.actor.toLowerCase())));
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.objectType) conditions.push(eq(auditLog.objectType, filter.objectType));
  if (filter.objectId) conditions.push(eq(auditLog.objectId, filter.objectId));
  if (filter.from) conditions.push(sql`${auditLog.at} >= ${filter.from}::timestamptz`);
  if (filter.to) conditions.push(sql`${auditLog.at} < ${filter.to}::timestamptz`);
  if (filter.beforeId) conditions.push(lt(auditLog.id, filter.beforeId));
  // An action asked for by name is shown, read or not.
  if (!filter.reads && !filter.action)
    conditions.push(
      not(
        or(
          inArray(auditLog.action, [...READ_ACTIONS]),
          and(
            eq(auditLog.objectType, "refusal"),
            inArray(sql`coalesce(${auditLog.details}->>'method', '')`, [...READ_METHODS]),
          ),
        ) as SQL,
      ),
    );
  return db
    .select({
      id: auditLog.id,
      at: sql<string>`to_char(${auditLog.at} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
      actor: auditLog.actor,
      actorEmail: accounts.email,
      onBehalfOf: auditLog.onBehalfOf,
      action: auditLog.action,
      objectType: auditLog.objectType,
      objectId: auditLog.objectId,
      // As node-postgres parses them: a JSON string stays a string (Drizzle's jsonb would re-parse "12" as 12).
      before: sql<unknown>`${auditLog.before}`,
      after: sql<unknown>`${auditLog.after}`,
      details: sql<unknown>`${auditLog.details}`,
      organization: auditLog.organization,
      hash: auditLog.hash,
    })
    .from(auditLog)
    .leftJoin(accounts, sql`${accounts.id}::text = ${auditLog.actor}`)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(filter.limit);
}
