/**
 * Webhooks: other systems follow an organisation's decisions. Each event is POSTed as JSON with
 *   Concord-Event: proposal.decided
 *   Concord-Delivery: 42                      (the same on every retry: receivers drop repeats)
 *   Concord-Signature: t=1732300000,v1=<hex>  (HMAC-SHA256 of `${t}.${body}` under the secret)
 * Deliveries are sent by their own workers (src/services/webhook-deliveries.ts), retried with
 * backoff until the receiver answers 2xx (10 attempts), only to public addresses unless the
 * operator allows others (CONCORD_WEBHOOK_ALLOW_PRIVATE).
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Database, Transaction } from "../db/client.ts";
import { disableWebhook, insertWebhook, webhooksOf, type WebhookRow } from "../db/repositories/webhooks.ts";
import { isLocalName, literalAddress, nonPublicRange } from "../domain/network-addresses.ts";
import { appendAudit } from "./audit/log.ts";
import { InvalidRequestError, NotFoundError } from "./errors.ts";
import { EVENT_TYPES } from "./events.ts";
import { auditActor, authorize, webhookPolicy, type Principal } from "./policies.ts";
import { type Message, msg } from "../domain/messages/index.ts";

export type { WebhookRow };

/** `t=…,v1=…` for a body sent at `timestamp` (seconds). */
export function signPayload(secret: string, timestamp: number, body: string): string {
  const digest = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${digest}`;
}

/** What a receiver does: recompute and compare in constant time, and refuse stale timestamps. */
export function verifySignature(
  secret: string,
  header: string,
  body: string,
  options: { toleranceSeconds?: number; now?: number } = {},
): boolean {
  const parts = Object.fromEntries(header.split(",").map((part) => part.split("=", 2) as [string, string]));
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || !parts.v1) return false;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signPayload(secret, timestamp, body).split("v1=")[1] ?? "", "hex");
  const given = Buffer.from(parts.v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export const WEBHOOK_EVENTS = ["*", ...EVENT_TYPES] as const;

/**
 * Why Concord will not POST to this URL, or undefined. Only what the URL itself shows is checked
 * here (a literal address, localhost); a host name's addresses are checked at every connection.
 */
export function webhookTargetProblem(url: string, allowPrivate: boolean): Message | undefined {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return msg("webhooks.url_scheme");
  }
  if (target.protocol !== "http:" && target.protocol !== "https:") return msg("webhooks.url_scheme");
  if (target.username !== "" || target.password !== "") return msg("webhooks.url_credentials");
  if (allowPrivate) return undefined;
  const literal = literalAddress(target);
  const range =
    literal !== undefined ? nonPublicRange(literal) : isLocalName(target.hostname) ? "a loopback address" : undefined;
  if (range) return msg("webhooks.url_private", { host: target.hostname, range });
  return undefined;
}

/** Webhooks are administered by the organisation's secretariat administrators. */
export class WebhooksService {
  constructor(
    private readonly db: Database,
    private readonly options: { allowPrivate: boolean },
  ) {}

  async list(principal: Principal, organization: string): Promise<WebhookRow[]> {
    authorize(
      principal,
      webhookPolicy.manage(principal, organization),
      msg("activity.managing_webhooks", { organization }),
    );
    return webhooksOf(this.db, organization);
  }

  /** Creates a subscription; the secret is returned this once. */
  async create(
    principal: Principal,
    input: { organization: string; url: string; events: string[] },
    tx: Transaction,
  ): Promise<{ webhook: WebhookRow; secret: string }> {
    authorize(
      principal,
      webhookPolicy.manage(principal, input.organization),
      msg("activity.managing_webhooks", { organization: input.organization }),
    );
    const problem = webhookTargetProblem(input.url, this.options.allowPrivate);
    if (problem) throw new InvalidRequestError(problem, { field: "url" });
    const url = new URL(input.url).href;
    const secret = randomBytes(32).toString("base64url");
    const webhook = await insertWebhook(tx, {
      organization: input.organization,
      url,
      secret,
      events: input.events,
      createdBy: auditActor(principal).actor,
    });
    await appendAudit(tx, {
      ...auditActor(principal),
      action: "webhook.create",
      objectType: "webhook",
      objectId: webhook.id,
      after: { url, events: input.events, organization: input.organization },
    });
    return { webhook, secret };
  }

  async disable(principal: Principal, organization: string, id: string, tx: Transaction): Promise<void> {
    authorize(
      principal,
      webhookPolicy.manage(principal, organization),
      msg("activity.managing_webhooks", { organization }),
    );
    if (!(await disableWebhook(tx, organization, id))) throw new NotFoundError(msg("webhooks.not_found", { id }));
    await appendAudit(tx, { ...auditActor(principal), action: "webhook.disable", objectType: "webhook", objectId: id });
  }
}
