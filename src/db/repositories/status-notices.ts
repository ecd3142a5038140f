/** Suspension and withdrawal notices: SQL and nothing else. */
import { sql } from "drizzle-orm";
import type { Database } from "../client.ts";

type Executor = Pick<Database, "execute">;

export type StatusNoticeRow = {
  id: number;
  kind: "suspension" | "withdrawal";
  state: string;
  organization: string;
  relationId: number;
  filedOn: string;
  effectiveOn: string;
  sourceId: string;
  filedBy: string;
  filedAt: Date;
  appliedAt: Date | null;
  statement: string | null;
  withdrawnAt: Date | null;
  withdrawnBy: string | null;
  withdrawalStatement: string | null;
};

const columns = sql`
  id::int AS id, kind, state_code AS state, organization_code AS organization, relation_id::int AS "relationId",
  filed_on AS "filedOn", effective_on AS "effectiveOn", source_id AS "sourceId", filed_by AS "filedBy",
  filed_at AS "filedAt", applied_at AS "appliedAt", statement,
  withdrawn_at AS "withdrawnAt", withdrawn_by AS "withdrawnBy", withdrawal_statement AS "withdrawalStatement"`;

export async function noticesTo(db: Executor, organization: string): Promise<StatusNoticeRow[]> {
  return (
    await db.execute(
      sql`SELECT ${columns} FROM status_notices WHERE organization_code = ${organization} ORDER BY id DESC`,
    )
  ).rows as StatusNoticeRow[];
}

export async function findNotice(
  db: Executor,
  id: number,
  options: { lock?: boolean } = {},
): Promise<StatusNoticeRow | undefined> {
  return (
    await db.execute(
      sql`SELECT ${columns} FROM status_notices WHERE id = ${id} ${options.lock ? sql`FOR UPDATE` : sql``}`,
    )
  ).rows[0] as StatusNoticeRow | undefined;
}

/** The notice pending on a membership (given, neither applied nor withdrawn), if any. */
export async function pendingNoticeOn(db: Executor, relationId: number): Promise<number | undefined> {
  const row = (
    await db.execute(
      sql`SELECT id::int AS id FROM status_notices WHERE relation_id = ${relationId} AND applied_at IS NULL AND withdrawn_at IS NULL`,
    )
  ).rows[0] as { id: number } | undefined;
  return row?.id;
}

export async function nextNoticeId(db: Executor): Promise<number> {
  return Number(((await db.execute(sql`SELECT nextval('status_notices_id_seq') AS id`)).rows[0] as { id: string }).id);
}

export async function insertNotice(
  db: Executor,
  notice: {
    id: number;
    kind: string;
    state: string;
    organization: string;
    relationId: number;
    filedOn: string;
    effectiveOn: string;
    sourceId: string;
    filedBy: string;
    statement: string | null;
  },
): Promise<void> {
  await db.execute(sql`
    INSERT INTO status_notices (id, kind, state_code, organization_code, relation_id, filed_on, effective_on, source_id, filed_by, statement)
    VALUES (${notice.id}, ${notice.kind}, ${notice.state}, ${notice.organization}, ${notice.relationId}, ${notice.filedOn}, ${notice.effectiveOn},
            ${notice.sourceId}, ${notice.filedBy}, ${notice.statement})`);
}

export async function markApplied(db: Executor, id: number): Promise<void> {
  await db.execute(sql`UPDATE status_notices SET applied_at = clock_timestamp() WHERE id = ${id}`);
}

export async function markWithdrawn(
  db: Executor,
  id: number,
  withdrawal: { by: string; statement: string | null },
): Promise<void> {
  await db.execute(sql`
    UPDATE status_notices SET withdrawn_at = clock_timestamp(), withdrawn_by = ${withdrawal.by}, withdrawal_statement = ${withdrawal.statement}
    WHERE id = ${id}`);
}
