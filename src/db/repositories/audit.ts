/** Searching the audit log: SQL and nothing else (appending and verifying live in services/audit/log.ts). */
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "../client.ts";

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
  db: Pick<Database, "execute">,
  filter: AuditFilter,
  scope: "all" | string,
): Promise<AuditRow[]> {
  const conditions: SQL[] = [
    scope === "all"
      ? sql`true`
      : sql`(l.organization = ${scope} OR (l.organization IS NULL AND a.organization_code = ${scope}))`,
  ];
  if (filter.actor) conditions.push(sql`(l.actor = ${filter.actor} OR a.email = ${filter.actor.toLowerCase()})`);
  if (filter.action) conditions.push(sql`l.action = ${filter.action}`);
  if (filter.objectType) conditions.push(sql`l.object_type = ${filter.objectType}`);
  if (filter.objectId) conditions.push(sql`l.object_id = ${filter.objectId}`);
  if (filter.from) conditions.push(sql`l.at >= ${filter.from}::timestamptz`);
  if (filter.to) conditions.push(sql`l.at < ${filter.to}::timestamptz`);
  if (filter.beforeId) conditions.push(sql`l.id < ${filter.beforeId}`);
  const result = await db.execute(sql`
    SELECT l.id::int AS id, to_char(l.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, l.actor, a.email AS "actorEmail",
           l.on_behalf_of AS "onBehalfOf", l.action, l.object_type AS "objectType", l.object_id AS "objectId",
           l.before, l.after, l.details, l.organization, l.hash
    FROM audit_log l LEFT JOIN accounts a ON a.id::text = l.actor
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY l.id DESC LIMIT ${filter.limit}`);
  return result.rows as AuditRow[];
}
