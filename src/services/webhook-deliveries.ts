/**
 * Sending webhook deliveries. A delivery is leased in one short transaction, POSTed outside any
 * transaction, and its answer recorded in another: a receiver that never answers holds one of
 * these workers' slots for its timeout and nothing else, never a database transaction and never
 * a deadline's worker. Each organisation may have only so many deliveries in flight at once, on
 * all instances together, so one organisation's unanswering receivers cannot hold up another's.
 *
 * Concord POSTs only to public addresses, unless the operator allows others: a literal address
 * is checked before connecting, a host name on every address it resolves to, at connect time
 * (so a name that resolved to a public address when the webhook was made and to a private one
 * now is refused too). What a failure records says what went wrong in general words, never an
 * address, port or resolver detail that would map the network behind the receiver.
 */
import dns from "node:dns";
import type { LookupFunction } from "node:net";
import { Agent, fetch } from "undici";
import type { Database } from "../db/client.ts";
import * as repo from "../db/repositories/webhooks.ts";
import { isLocalName, literalAddress, nonPublicRange } from "../domain/network-addresses.ts";
import { WorkLoop, type Look } from "./jobs/work-loop.ts";
import { signPayload } from "./webhooks.ts";

export const WEBHOOKS_CHANNEL = "concord_webhooks";

/** Attempts before a delivery is given up: about a day of backoff. */
export const MAX_DELIVERY_ATTEMPTS = 10;

export type DelivererOptions = {
  db: Database;
  databaseUrl: string;
  /** Names this instance in the leases it takes. */
  instance: string;
  /** Deliveries POSTed side by side by this instance. */
  concurrency: number;
  /** Deliveries of one organisation in flight at once, on all instances together. */
  perOrganization: number;
  /** How long a receiver has to answer. */
  timeoutMs: number;
  /** Send to loopback, private and link-local addresses too (a test, an intranet). */
  allowPrivate: boolean;
  pollMs?: number;
  log?: (line: string) => void;
  /** How host names are resolved (the system's resolver unless a test says otherwise). */
  lookup?: typeof dns.lookup;
};

/** A failure to reach the receiver, in words safe to show to the webhook's administrators. */
class DeliveryRefused extends Error {}

export class WebhookDeliverer {
  private readonly slots: WorkLoop;
  private readonly agent: Agent;
  /** Aborts the POSTs in flight when the instance stops: their leases are given back, not left to run out. */
  private readonly stopping = new AbortController();

  constructor(private readonly options: DelivererOptions) {
    this.slots = new WorkLoop({
      databaseUrl: options.databaseUrl,
      channel: WEBHOOKS_CHANNEL,
      concurrency: options.concurrency,
      pollMs: options.pollMs ?? 5_000,
      look: () => this.deliverOne(),
      name: "Webhooks",
      log: options.log ?? (() => {}),
    });
    this.agent = new Agent({ connect: { lookup: guardedLookup(options.lookup ?? dns.lookup, options.allowPrivate) } });
  }

  start(): Promise<void> {
    return this.slots.start();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.slots.stop();
    await this.agent.close();
  }

  /** Delivers every delivery due now, one after another (tests use it); returns how many it POSTed. */
  async deliverDue(): Promise<number> {
    let sent = 0;
    while ((await this.deliverOne()).ran) sent++;
    return sent;
  }

  /** Leases one due delivery of an organisation under its cap, POSTs it and records the answer. */
  private async deliverOne(): Promise<Look> {
    const claimed = await this.claim();
    if (!claimed.delivery) return { ran: false, nextInMs: claimed.nextInMs ?? undefined };
    const delivery = claimed.delivery;
    if (delivery.webhookDisabled) {
      await repo.giveUpDelivery(this.options.db, delivery.id);
      return { ran: true, more: true };
    }
    const { status, error } = await this.post(delivery);
    if (this.stopping.signal.aborted) {
      // Not the receiver's failure: another instance (or this one, restarted) sends it again at once.
      await repo.releaseDelivery(this.options.db, delivery.id, this.options.instance);
      return { ran: true, more: false };
    }
    const attempts = delivery.attempts + 1;
    // 10 s, 20 s, 40 s, … capped at 6 hours: about a day in all.
    const retryInSeconds =
      error === null || attempts >= MAX_DELIVERY_ATTEMPTS ? null : Math.min(10 * 2 ** (attempts - 1), 6 * 3600);
    await repo.recordAttempt(this.options.db, {
      id: delivery.id,
      leasedBy: this.options.instance,
      status,
      error,
      retryInSeconds,
    });
    return { ran: true, more: true };
  }

  private async claim(): Promise<{ delivery?: repo.LeasedDelivery; nextInMs: number | null }> {
    const { organizations, nextInMs } = await repo.organizationsWithDueDeliveries(
      this.options.db,
      this.options.perOrganization,
    );
    for (const organization of organizations) {
      const delivery = await this.options.db.transaction(async (tx) => {
        // Counted again under the organisation's lock, which another instance claiming for it holds: then we leave it to them.
        if (!(await repo.tryLockOrganizationDeliveries(tx, organization))) return undefined;
        if ((await repo.deliveriesInFlight(tx, organization)) >= this.options.perOrganization) return undefined;
        // The lease outlasts the timeout, so a live worker never loses its delivery to another.
        return repo.leaseNextDelivery(tx, organization, {
          seconds: Math.ceil(this.options.timeoutMs / 1000) + 30,
          by: this.options.instance,
        });
      });
      if (delivery) return { delivery, nextInMs };
    }
    // Others were claiming for those organisations: look again soon.
    return { nextInMs: organizations.length > 0 ? 250 : nextInMs };
  }

  private async post(delivery: repo.LeasedDelivery): Promise<{ status: number | null; error: string | null }> {
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const target = new URL(delivery.url);
      const literal = literalAddress(target);
      // A literal address is never looked up, so the connect-time check would not see it.
      if (
        !this.options.allowPrivate &&
        ((literal !== undefined && nonPublicRange(literal)) || isLocalName(target.hostname))
      ) {
        throw new DeliveryRefused(NOT_PUBLIC);
      }
      const response = await fetch(target, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "Concord-Webhooks/1",
          "concord-event": (JSON.parse(delivery.event) as { type: string }).type,
          "concord-delivery": String(delivery.id),
          "concord-signature": signPayload(delivery.secret, timestamp, delivery.event),
        },
        body: delivery.event,
        signal: AbortSignal.any([AbortSignal.timeout(this.options.timeoutMs), this.stopping.signal]),
        redirect: "manual",
        dispatcher: this.agent,
      });
      await response.body?.cancel();
      if (response.status >= 200 && response.status < 300) return { status: response.status, error: null };
      if (response.status >= 300 && response.status < 400)
        return {
          status: response.status,
          error: `the receiver answered ${response.status} (a redirect, which Concord does not follow)`,
        };
      return { status: response.status, error: `the receiver answered ${response.status}` };
    } catch (caught) {
      return { status: null, error: this.describe(caught) };
    }
  }

  /** A failure in general words: never the address, port or resolver message behind it. */
  private describe(caught: unknown): string {
    const error = caught as Error & { cause?: Error & { code?: string } };
    if (error instanceof DeliveryRefused) return error.message;
    if (error.name === "TimeoutError" || error.name === "AbortError")
      return `the receiver did not answer within ${Math.round(this.options.timeoutMs / 1000)} s`;
    const cause = error.cause;
    if (cause instanceof DeliveryRefused) return cause.message;
    const code = cause?.code ?? "";
    if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "ENODATA")
      return "the receiver's host name could not be resolved";
    if (code === "ECONNREFUSED") return "the receiver refused the connection";
    if (code.startsWith("UND_ERR_CONNECT_TIMEOUT") || code === "ETIMEDOUT")
      return "the connection to the receiver timed out";
    if (
      code.startsWith("ERR_TLS") ||
      code.includes("CERT") ||
      code.startsWith("SELF_SIGNED") ||
      code.startsWith("UNABLE_TO")
    )
      return "the receiver's TLS certificate was not accepted";
    return "the connection to the receiver failed";
  }
}

const NOT_PUBLIC = "the receiver's address is not a public one (loopback, private or link-local addresses are refused)";

/** Resolves a host name as `lookup` does, and refuses it if any of its addresses is not public. */
function guardedLookup(lookup: typeof dns.lookup, allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const all = addresses as dns.LookupAddress[];
      if (
        !allowPrivate &&
        (isLocalName(hostname) || all.some((entry) => nonPublicRange(entry.address) !== undefined))
      ) {
        return callback(new DeliveryRefused(NOT_PUBLIC) as NodeJS.ErrnoException, "", 0);
      }
      if (options.all) return (callback as unknown as (error: null, addresses: dns.LookupAddress[]) => void)(null, all);
      const first = all[0];
      if (!first) return callback(Object.assign(new Error("no address"), { code: "ENODATA" }), "", 0);
      callback(null, first.address, first.family);
    });
  };
}
