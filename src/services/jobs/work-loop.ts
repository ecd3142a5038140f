/**
 * Slots that look for work in PostgreSQL and sleep when there is none: until the next piece of
 * work is due (one timer for the instance), until another instance says there is more (NOTIFY on
 * a channel), or at most a poll interval, in case a notification was missed. The job queue's
 * workers and the webhook deliverers each run one, with their own channel and concurrency, so a
 * receiver that never answers occupies a delivery slot and never a deadline's.
 */
import { Listener } from "../../db/listener.ts";

/** What one look for work did: did some (and whether more may be waiting), or found none due. */
export type Look = { ran: true; more: boolean } | { ran: false; nextInMs: number | undefined };

export type WorkLoopOptions = {
  databaseUrl: string;
  /** The channel on which any instance announces new work. */
  channel: string;
  /** Slots looking and working side by side. */
  concurrency: number;
  /** The longest sleep without looking. */
  pollMs: number;
  /** Does one piece of work if there is some; called by one slot at a time per call. */
  look: () => Promise<Look>;
  /** Names the loop in its log lines ("Jobs", "Webhooks"). */
  name: string;
  log: (line: string) => void;
};

export class WorkLoop {
  private stopped = false;
  /** Slots waiting for work, each resolved by a wake-up. */
  private readonly idle: Array<() => void> = [];
  /** Counts wake-ups, so a slot that was looking when one came looks again instead of sleeping through it. */
  private wakeups = 0;
  /** One timer for the instance: the next piece of work's due time (or the poll), waking one slot. */
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Number.POSITIVE_INFINITY;
  private readonly listener: Listener;
  private loops: Promise<void>[] = [];

  constructor(private readonly options: WorkLoopOptions) {
    this.listener = new Listener({
      databaseUrl: options.databaseUrl,
      channels: [options.channel],
      onNotification: () => this.wakeOne(),
      onListening: () => this.wakeAll(),
    });
  }

  async start(): Promise<void> {
    await this.listener.start();
    for (let slot = 0; slot < this.options.concurrency; slot++) this.loops.push(this.loop());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.wakeAll();
    await Promise.all(this.loops);
    await this.listener.stop();
  }

  /**
   * A slot: looks for work and does it; when there is none, arms the instance's timer for the
   * next and waits. Slots do not all wake for every piece of work (at thousands of deadlines a
   * minute, that herd was most of the work): the timer or a notification wakes one, and a slot
   * that found work wakes another only if more may be due.
   */
  private async loop(): Promise<void> {
    while (!this.stopped) {
      try {
        const wakeups = this.wakeups;
        const look = await this.options.look();
        if (look.ran) {
          if (look.more) this.wakeOne();
          continue;
        }
        this.armTimer(look.nextInMs ?? this.options.pollMs);
        if (this.wakeups === wakeups && !this.stopped) await new Promise<void>((resolve) => this.idle.push(resolve));
      } catch (error) {
        if (this.stopped) return;
        this.options.log(
          `${this.options.name}: ${JSON.stringify((error as Error).message)}; trying again in a second.`,
        );
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  }

  /** The timer fires at the earliest time any slot asked for, and never later than the poll interval from now. */
  private armTimer(ms: number): void {
    if (this.stopped) return;
    const at = Date.now() + Math.min(Math.max(0, ms), this.options.pollMs);
    if (this.timer !== undefined && this.timerAt <= at) return;
    clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerAt = Number.POSITIVE_INFINITY;
      this.wakeOne();
    }, at - Date.now());
  }

  private wakeOne(): void {
    this.wakeups++;
    this.idle.shift()?.();
  }

  private wakeAll(): void {
    this.wakeups++;
    for (const resolve of this.idle.splice(0)) resolve();
  }
}
