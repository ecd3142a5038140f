/** Suspension and withdrawal notices: SQL and nothing else. */
import { and, asc, desc, eq, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { NoticeKind } from "../../domain/decisions.ts";
import type { Database } from "../client.ts";
import { statusNotices } from "../schema.ts";

type Executor = Pick<Database, "execute">;
type Reader = Pick<Database, "select">;

export type StatusNoticeRow = {
  id: number;
  kind: NoticeKind;
  state: string;
  organization: string;
  relationId: number;
  filedOn: string;
  effectiveOn: string;
  sourceId: string;
  filedBy: string;
  /** Instants as PostgreSQL writes them (`2024-03-29 10:00:00.123+00`), as every row of Concord carries them. */
  filedAt: string;
  appliedAt: string | null;
  statement: string | null;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  withdrawalStatement: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
};

const columns = {
  id: statusNotices.id,
  kind: statusNotices.kind,
  state: statusNotices.stateCode,
  organization: statusNotices.organizationCode,
  relationId: statusNotices.relationId,
  filedOn: statusNotices.filedOn,
  effectiveOn: statusNotices.effectiveOn,
  sourceId: statusNotices.sourceId,
  filedBy: statusNotices.filedBy,
  filedAt: statusNotices.filedAt,
  appliedAt: statusNotices.appliedAt,
  statement: statusNotices.statement,
  withdrawnAt: statusNotices.withdrawnAt,
  withdrawnBy: statusNotices.withdrawnBy,
  withdrawalStatement: statusNotices.withdrawalStatement,
  acknowledgedAt: statusNotices.acknowledgedAt,
  acknowledgedBy: statusNotices.acknowledgedBy,
};

export async function noticesTo(db: Reader, organization: string): Promise<StatusNoticeRow[]> {
  return db
    .select(columns)
    .from(statusNotices)
    .where(eq(statusNotices.organizationCode, organization))
    .orderBy(desc(statusNotices.id));
}

export async function findNotice(
  db: Reader,
  id: number,
  options: { lock?: boolean } = {},
): Promise<StatusNoticeRow | undefined> {
  const query = db.select(columns).from(statusNotices).where(eq(statusNotices.id, id));
  const [row] = await (options.lock ? query.for("update") : query);
  return row;
}

/** Notices given by `actor` or to it (a state's or an organisation's) that have not taken effect and were not withdrawn. */
export async function pendingNoticesOf(db: Reader, actor: string): Promise<StatusNoticeRow[]> {
  return db
    .select(columns)
    .from(statusNotices)
    .where(
      and(
        or(eq(statusNotices.stateCode, actor), eq(statusNotices.organizationCode, actor)),
        isNull(statusNotices.appliedAt),
        isNull(statusNotices.withdrawnAt),
      ),
    )
    .orderBy(asc(statusNotices.effectiveOn), asc(statusNotices.id));
}

/** The notice pending on a membership (given, neither applied nor withdrawn), if any. */
export async function pendingNoticeOn(db: Reader, relationId: number): Promise<number | undefined> {
  const [row] = await db
    .select({ id: statusNotices.id })
    .from(statusNotices)
    .where(
      and(eq(statusNotices.relationId, relationId), isNull(statusNotices.appliedAt), isNull(statusNotices.withdrawnAt)),
    );
  return row?.id;
}

/** nextval() is a bigint: node-postgres gives it as text. */
const nextIdRow = z.object({ id: z.string() });

export async function nextNoticeId(db: Executor): Promise<number> {
  return Number(nextIdRow.parse((await db.execute(sql`SELECT nextval('status_notices_id_seq') AS id`)).rows[0]).id);
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

export async function markAcknowledged(db: Executor, id: number, by: string): Promise<void> {
  await db.execute(
    sql`UPDATE status_notices SET acknowledged_at = clock_timestamp(), acknowledged_by = ${by} WHERE id = ${id}`,
  );
}
