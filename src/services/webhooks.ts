/**
 * Webhooks: other systems follow an organisation's decisions. Each event is POSTed as JSON with
 *   Concord-Event: proposal.decided
 *   Concord-Delivery: 42                      (the same on every retry: receivers drop repeats)
 *   Concord-Signature: t=1732300000,v1=<hex>  (HMAC-SHA256 of `${t}.${body}` under the secret)
 * A delivery is a job: it is retried with backoff until the receiver answers 2xx (10 attempts).
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database, Transaction } from "../db/client.ts";
import { appendAudit } from "./audit/log.ts";
import { NotFoundError } from "./errors.ts";
import { EVENT_TYPES } from "./events.ts";
import { scheduleJob, type JobHandler } from "./jobs/queue.ts";
import { administrationPolicy, auditActor, authorize, type Principal } from "./policies.ts";

export type WebhookRow = {
  id: string;
  organization: string;
  url: string;
  events: string[];
  createdBy: string;
  createdAt: Date;
  disabledAt: Date | null;
  lastDelivery: { id: number; attempts: number; lastStatus: number | null; lastError: string | null; deliveredAt: Date | null } | null;
};

/** `t=…,v1=…` for a body sent at `timestamp` (seconds). */
export function signPayload(secret: string, timestamp: number, body: string): string {
  const digest = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${digest}`;
}

/** What a receiver does: recompute and compare in constant time, and refuse stale timestamps. */
export function verifySignature(secret: string, header: string, body: string, options: { toleranceSeconds?: number; now?: number } = {}): boolean {
  const parts = Object.fromEntries(header.split(",").map((part) => part.split("=", 2) as [string, string]));
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || !parts.v1) return false;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signPayload(secret, timestamp, body).split("v1=")[1]!, "hex");
  const given = Buffer.from(parts.v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const columns = sql`
  w.id, w.organization_code AS organization, w.url, w.events, w.created_by AS "createdBy", w.created_at AS "createdAt",
  w.disabled_at AS "disabledAt",
  (SELECT jsonb_build_object('id', d.id, 'attempts', d.attempts, 'lastStatus', d.last_status, 'lastError', d.last_error, 'deliveredAt', d.delivered_at)
     FROM webhook_deliveries d WHERE d.webhook_id = w.id ORDER BY d.id DESC LIMIT 1) AS "lastDelivery"`;

/** Webhooks are administered by the organisation's secretariat administrators. */
export class WebhooksService {
  constructor(private readonly db: Database) {}

  async list(principal: Principal, organization: string): Promise<WebhookRow[]> {
    authorize(principal, administrationPolicy.manage(principal, organization), `managing ${organization}'s webhooks`);
    return (await this.db.execute(sql`SELECT ${columns} FROM webhooks w WHERE w.organization_code = ${organization} ORDER BY w.created_at`)).rows as WebhookRow[];
  }

  /** Creates a subscription; the secret is returned this once. */
  async create(principal: Principal, input: { organization: string; url: string; events: string[] }, tx: Transaction): Promise<{ webhook: WebhookRow; secret: string }> {
    authorize(principal, administrationPolicy.manage(principal, input.organization), `managing ${input.organization}'s webhooks`);
    const secret = randomBytes(32).toString("base64url");
    const { id } = (
      await tx.execute(sql`
        INSERT INTO webhooks (organization_code, url, secret, events, created_by)
        VALUES (${input.organization}, ${input.url}, ${secret}, ${sql.param(input.events)}::text[], ${auditActor(principal).actor}) RETURNING id`)
    ).rows[0] as { id: string };
    const webhook = (await tx.execute(sql`SELECT ${columns} FROM webhooks w WHERE w.id = ${id}`)).rows[0] as WebhookRow;
    await appendAudit(tx, { ...auditActor(principal), action: "webhook.create", objectType: "webhook", objectId: id, after: { url: input.url, events: input.events, organization: input.organization } });
    return { webhook, secret };
  }

  async disable(principal: Principal, organization: string, id: string, tx: Transaction): Promise<void> {
    authorize(principal, administrationPolicy.manage(principal, organization), `managing ${organization}'s webhooks`);
    const result = await tx.execute(sql`
      UPDATE webhooks SET disabled_at = now() WHERE id::text = ${id} AND organization_code = ${organization} AND disabled_at IS NULL RETURNING id`);
    if (result.rows.length === 0) throw new NotFoundError(`No active webhook has the id ${id}.`);
    await appendAudit(tx, { ...auditActor(principal), action: "webhook.disable", objectType: "webhook", objectId: id });
  }
}

export const WEBHOOK_EVENTS = ["*", ...EVENT_TYPES] as const;

const MAX_DELIVERY_ATTEMPTS = 10;

/** The job that POSTs one delivery, records the answer, and schedules the next attempt after a failure. */
export const deliverWebhook: JobHandler = async (tx, job) => {
  const delivery = (
    await tx.execute(sql`
      SELECT d.id::int AS id, d.event::text AS event, d.attempts, w.url, w.secret, w.disabled_at AS "disabledAt"
      FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id WHERE d.id = ${Number(job.payload.deliveryId)}`)
  ).rows[0] as { id: number; event: string; attempts: number; url: string; secret: string; disabledAt: Date | null } | undefined;
  if (!delivery || delivery.disabledAt !== null) return;
  const body = delivery.event;
  const eventType = (JSON.parse(body) as { type: string }).type;
  const timestamp = Math.floor(Date.now() / 1000);
  let status: number | null = null;
  let error: string | null = null;
  try {
    const response = await fetch(delivery.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Concord-Webhooks/1",
        "concord-event": eventType,
        "concord-delivery": String(delivery.id),
        "concord-signature": signPayload(delivery.secret, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(10_000),
      redirect: "manual",
    });
    status = response.status;
    await response.body?.cancel();
    if (status < 200 || status >= 300) error = `the receiver answered ${status}`;
  } catch (caught) {
    error = (caught as Error).message;
  }
  const attempts = delivery.attempts + 1;
  await tx.execute(sql`
    UPDATE webhook_deliveries SET attempts = ${attempts}, last_status = ${status}, last_error = ${error},
           delivered_at = CASE WHEN ${error}::text IS NULL THEN clock_timestamp() END
    WHERE id = ${delivery.id}`);
  // Retried here rather than by throwing, so the attempt stays on record: 10 s, 20 s, 40 s, … for a day or so.
  if (error !== null && attempts < MAX_DELIVERY_ATTEMPTS) {
    const delaySeconds = Math.min(10 * 2 ** (attempts - 1), 6 * 3600);
    await scheduleJob(tx, { kind: "webhook.deliver", payload: { deliveryId: delivery.id }, runAt: new Date(Date.now() + delaySeconds * 1000), uniqueKey: `webhook-delivery:${delivery.id}:${attempts}` });
  }
};
