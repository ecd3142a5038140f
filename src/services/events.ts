/**
 * What happened, told to whoever follows: open browsers (server-sent events) and other systems
 * (webhooks). An event is published inside the transaction of the change it reports, so it goes
 * out exactly when the change commits and never for a change rolled back: PostgreSQL delivers
 * the NOTIFY at commit to every instance, each of which passes it to its own browsers; the
 * webhook deliveries are rows in that same transaction.
 */
import type { Database } from "../db/client.ts";
import { Listener } from "../db/listener.ts";
import { notifyAll } from "../db/repositories/events.ts";
import { insertDeliveries } from "../db/repositories/webhooks.ts";
import type { ActorType } from "../domain/registry.ts";

export const EVENTS_CHANNEL = "concord_events";

export const EVENT_TYPES = [
  "proposal.opened",
  "proposal.position",
  "proposal.extended",
  "proposal.recirculated",
  "proposal.attached",
  "proposal.reminder",
  "proposal.decided",
  "notice.filed",
  "notice.applied",
  "notice.withdrawn",
  "notice.acknowledged",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Small on purpose (NOTIFY payloads stop at 8,000 bytes): followers fetch the details. */
export type ConcordEvent = {
  type: EventType;
  /** The organisation whose part of Concord it belongs to (a state's own body's: the organisation the body belongs to). */
  organization: string;
  /** The body whose proposal it is about, if any: who may read it follows decisionPolicy.read. */
  body?: { actorCode: string; actorType: ActorType };
  /** The state a request, designation or notice concerns: its delegation follows it too. */
  concerns?: string | null;
  proposalId?: number;
  noticeId?: number;
  /** States named: who took a position, who is reminded (not a permission to see it). */
  states?: string[];
  status?: string;
  at: string;
};

type Executor = Pick<Database, "execute">;

export async function publishEvent(tx: Executor, event: Omit<ConcordEvent, "at">): Promise<void> {
  await publishEvents(tx, [event]);
}

/** Several events in two statements, whatever their number (a batch of decisions). */
export async function publishEvents(tx: Executor, events: ReadonlyArray<Omit<ConcordEvent, "at">>): Promise<void> {
  if (events.length === 0) return;
  const at = new Date().toISOString();
  const texts = events.map((event) => JSON.stringify({ ...event, at } satisfies ConcordEvent));
  await notifyAll(tx, EVENTS_CHANNEL, texts);
  // One delivery per subscribed webhook of the organisation, sent by the delivery workers once this commits.
  await insertDeliveries(tx, texts);
}

/** This instance's end of the fan-out: every event committed by any instance, to local subscribers. */
export class EventHub {
  private readonly subscribers = new Set<(event: ConcordEvent) => void>();
  private readonly listener: Listener;

  constructor(databaseUrl: string, log: (line: string) => void = () => {}) {
    this.listener = new Listener({
      databaseUrl,
      channels: [EVENTS_CHANNEL],
      onNotification: (_channel, payload) => this.dispatch(payload),
      onLost: (reason) => log(`Live updates: stopped listening (${reason}); reconnecting.`),
    });
  }

  start(): Promise<void> {
    return this.listener.start();
  }

  stop(): Promise<void> {
    this.subscribers.clear();
    return this.listener.stop();
  }

  subscribe(subscriber: (event: ConcordEvent) => void): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  private dispatch(payload: string): void {
    let event: ConcordEvent;
    try {
      event = JSON.parse(payload) as ConcordEvent;
    } catch {
      return;
    }
    for (const subscriber of this.subscribers) subscriber(event);
  }
}
