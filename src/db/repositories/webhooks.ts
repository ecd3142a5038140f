/** Webhooks and their deliveries: SQL and nothing else. */
import { and, asc, count, eq, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Database, Transaction } from "../client.ts";
import { webhookDeliveries, webhooks } from "../schema.ts";

type Executor = Pick<Database, "execute">;

export type WebhookRow = {
  id: string;
  organization: string;
  url: string;
  events: string[];
  createdBy: string;
  /** Instants as PostgreSQL writes them (`2024-03-29 10:00:00.123+00`). */
  createdAt: string;
  disabledAt: string | null;
  lastDelivery: {
    id: number;
    attempts: number;
    lastStatus: number | null;
    lastError: string | null;
    /** As JSON writes it (`2024-03-29T10:00:00.123+00:00`). */
    deliveredAt: string | null;
  } | null;
};

/**
 * A column of the outer query inside a subquery of a select field. Drizzle writes a one-table
 * query's own columns unqualified in its select list ("id"), which inside the subquery would
 * name the subquery's column instead; nested like this, it stays "webhooks"."id".
 */
const outer = (column: AnyPgColumn) => sql`${column}`;

const columns = {
  id: webhooks.id,
  organization: webhooks.organizationCode,
  url: webhooks.url,
  events: webhooks.events,
  createdBy: webhooks.createdBy,
  createdAt: webhooks.createdAt,
  disabledAt: webhooks.disabledAt,
  lastDelivery: sql<WebhookRow["lastDelivery"]>`(
    SELECT jsonb_build_object('id', d.id, 'attempts', d.attempts, 'lastStatus', d.last_status, 'lastError', d.last_error, 'deliveredAt', d.delivered_at)
    FROM webhook_deliveries d WHERE d.webhook_id = ${outer(webhooks.id)} ORDER BY d.id DESC LIMIT 1)`,
};

export async function webhooksOf(db: Pick<Database, "select">, organization: string): Promise<WebhookRow[]> {
  return db
    .select(columns)
    .from(webhooks)
    .where(eq(webhooks.organizationCode, organization))
    .orderBy(asc(webhooks.createdAt));
}

export async function insertWebhook(
  tx: Pick<Database, "select" | "insert">,
  webhook: { organization: string; url: string; secret: string; events: string[]; createdBy: string },
): Promise<WebhookRow> {
  const [inserted] = await tx
    .insert(webhooks)
    .values({
      organizationCode: webhook.organization,
      url: webhook.url,
      secret: webhook.secret,
      events: webhook.events,
      createdBy: webhook.createdBy,
    })
    .returning({ id: webhooks.id });
  const [row] = inserted ? await tx.select(columns).from(webhooks).where(eq(webhooks.id, inserted.id)) : [];
  if (!row) throw new Error("A webhook just inserted cannot be read back");
  return row;
}

/** Stops an active webhook of the organisation, and gives up its deliveries still to be made; false when there is none such. */
export async function disableWebhook(tx: Executor, organization: string, id: string): Promise<boolean> {
  const stopped = await tx.execute(sql`
    UPDATE webhooks SET disabled_at = now() WHERE id::text = ${id} AND organization_code = ${organization} AND disabled_at IS NULL RETURNING id`);
  if (stopped.rows.length === 0) return false;
  await tx.execute(sql`
    UPDATE webhook_deliveries SET gave_up_at = clock_timestamp(), next_attempt_at = clock_timestamp()
    WHERE webhook_id::text = ${id} AND delivered_at IS NULL AND gave_up_at IS NULL`);
  return true;
}

/**
 * One delivery per active webhook of an event's organisation that subscribes to its type, in
 * the caller's transaction (so it exists exactly when the change it reports commits).
 * `events` are the events' JSON texts, in order.
 */
export async function insertDeliveries(tx: Executor, events: readonly string[]): Promise<void> {
  await tx.execute(sql`
    WITH events AS (
      SELECT text::jsonb AS event, n FROM unnest(${sql.param([...events])}::text[]) WITH ORDINALITY AS e(text, n))
    INSERT INTO webhook_deliveries (webhook_id, event)
    SELECT w.id, e.event FROM events e JOIN webhooks w
      ON w.organization_code = e.event->>'organization' AND w.disabled_at IS NULL
     AND ('*' = ANY (w.events) OR e.event->>'type' = ANY (w.events))
    ORDER BY e.n, w.id`);
}

/** A delivery leased to a worker: what it takes to POST it. */
export type LeasedDelivery = {
  id: number;
  organization: string;
  url: string;
  secret: string;
  event: string;
  attempts: number;
  webhookDisabled: boolean;
};

const leasedDelivery = z.object({
  id: z.number(),
  organization: z.string(),
  url: z.string(),
  secret: z.string(),
  event: z.string(),
  attempts: z.number(),
  webhookDisabled: z.boolean(),
}) satisfies z.ZodType<LeasedDelivery>;

const dueDeliveriesRow = z.object({
  nextInMs: z.number().nullable(),
  dueCount: z.number(),
  organizations: z.array(z.string()),
});

const lockRow = z.object({ locked: z.boolean() });

/**
 * The organisations with deliveries due now that nobody holds, and fewer than `cap` in flight,
 * the longest waiting first; and, when none is due, how long until the next one is.
 */
export async function organizationsWithDueDeliveries(
  db: Executor,
  cap: number,
): Promise<{ organizations: string[]; nextInMs: number | null }> {
  const rows = dueDeliveriesRow.parse(
    (
      await db.execute(sql`
      WITH t AS (SELECT clock_timestamp() AS at),
      due AS (
        SELECT w.organization_code AS organization, min(d.next_attempt_at) AS since
        FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
        WHERE d.delivered_at IS NULL AND d.gave_up_at IS NULL AND d.next_attempt_at <= (SELECT at FROM t)
          AND (d.leased_until IS NULL OR d.leased_until < (SELECT at FROM t))
        GROUP BY w.organization_code),
      open AS (
        SELECT due.organization, due.since FROM due
        WHERE (SELECT count(*) FROM webhook_deliveries x JOIN webhooks xw ON xw.id = x.webhook_id
               WHERE xw.organization_code = due.organization AND x.leased_until > (SELECT at FROM t)) < ${cap})
      SELECT
        (SELECT ceil(extract(epoch FROM min(next_attempt_at) - clock_timestamp()) * 1000)::float8 FROM webhook_deliveries
         WHERE delivered_at IS NULL AND gave_up_at IS NULL AND next_attempt_at > (SELECT at FROM t)) AS "nextInMs",
        (SELECT count(*)::int FROM due) AS "dueCount",
        (SELECT coalesce(array_agg(organization ORDER BY since), '{}') FROM open) AS organizations`)
    ).rows[0],
  );
  // Due ones whose organisations are all at their cap wait for a delivery to end: look again soon.
  const nextInMs = rows.organizations.length === 0 && rows.dueCount > 0 ? 250 : rows.nextInMs;
  return { organizations: rows.organizations, nextInMs };
}

/**
 * Takes the organisation's claim lock until the caller's transaction ends, if no other instance
 * holds it (false then): while it is held, nobody else counts or leases that organisation's
 * deliveries, so the cap holds across instances.
 */
export async function tryLockOrganizationDeliveries(tx: Transaction, organization: string): Promise<boolean> {
  const row = lockRow.parse(
    (await tx.execute(sql`SELECT pg_try_advisory_xact_lock(hashtext(${`concord-webhooks:${organization}`})) AS locked`))
      .rows[0],
  );
  return row.locked;
}

/** Deliveries of the organisation being POSTed right now (leases not run out), by any instance. */
export async function deliveriesInFlight(tx: Pick<Database, "select">, organization: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(and(eq(webhooks.organizationCode, organization), sql`${webhookDeliveries.leasedUntil} > clock_timestamp()`));
  return row?.n ?? 0;
}

/** Leases the organisation's longest-waiting due delivery that nobody holds, if there is one. */
export async function leaseNextDelivery(
  tx: Transaction,
  organization: string,
  lease: { seconds: number; by: string },
): Promise<LeasedDelivery | undefined> {
  const [row] = z.array(leasedDelivery).parse(
    (
      await tx.execute(sql`
      WITH next AS (
        SELECT d.id FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
        WHERE w.organization_code = ${organization} AND d.delivered_at IS NULL AND d.gave_up_at IS NULL
          AND d.next_attempt_at <= clock_timestamp() AND (d.leased_until IS NULL OR d.leased_until < clock_timestamp())
        ORDER BY d.next_attempt_at, d.id LIMIT 1
        FOR UPDATE OF d SKIP LOCKED)
      UPDATE webhook_deliveries d SET leased_until = clock_timestamp() + make_interval(secs => ${lease.seconds}), leased_by = ${lease.by}
      FROM next, webhooks w WHERE d.id = next.id AND w.id = d.webhook_id
      RETURNING d.id::int AS id, w.organization_code AS organization, w.url, w.secret, d.event::text AS event, d.attempts,
                w.disabled_at IS NOT NULL AS "webhookDisabled"`)
    ).rows,
  );
  return row;
}

/**
 * What the receiver answered. A failure is tried again after `retryInSeconds`, or given up
 * (null). Only the lease holder records: a worker whose lease ran out (it was presumed dead)
 * has had its delivery taken over, and the newer attempt's answer is the one kept.
 */
export async function recordAttempt(
  db: Executor,
  attempt: { id: number; leasedBy: string; status: number | null; error: string | null; retryInSeconds: number | null },
): Promise<void> {
  await db.execute(sql`
    UPDATE webhook_deliveries SET
      attempts = attempts + 1, last_status = ${attempt.status}, last_error = ${attempt.error},
      delivered_at = CASE WHEN ${attempt.error}::text IS NULL THEN clock_timestamp() END,
      next_attempt_at = clock_timestamp() + make_interval(secs => ${attempt.retryInSeconds ?? 0}),
      gave_up_at = CASE WHEN ${attempt.error}::text IS NOT NULL AND ${attempt.retryInSeconds}::float8 IS NULL THEN clock_timestamp() END,
      leased_until = NULL, leased_by = NULL
    WHERE id = ${attempt.id} AND leased_by = ${attempt.leasedBy}`);
}

/** Gives a leased delivery back untried (its worker is stopping). */
export async function releaseDelivery(db: Executor, id: number, leasedBy: string): Promise<void> {
  await db.execute(
    sql`UPDATE webhook_deliveries SET leased_until = NULL, leased_by = NULL WHERE id = ${id} AND leased_by = ${leasedBy}`,
  );
}

/** A delivery whose webhook was stopped after it was made: never sent. */
export async function giveUpDelivery(db: Executor, id: number): Promise<void> {
  await db.execute(
    sql`UPDATE webhook_deliveries SET gave_up_at = clock_timestamp(), leased_until = NULL, leased_by = NULL WHERE id = ${id}`,
  );
}
