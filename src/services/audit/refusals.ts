/**
 * Refusals in the audit log: failed sign-ins, wrong passwords asked again, tokens that open
 * nothing, requests without their CSRF token, and authorization decisions that said no. Each is
 * worth a line, but an attacker must not be able to fill the log by failing on purpose: in each
 * window, only the first few refusals of a kind from one source, and a few of all, get an entry
 * of their own; the rest are counted, and one summary per kind and organisation says how many
 * came, from which sources (the most frequent, and how many others), when the window ends.
 *
 * Counted in this process: with several instances, each writes its own summaries.
 */
import type { Database } from "../../db/client.ts";
import { appendAudit } from "./log.ts";

export type RefusalKind =
  | "sign-in.refused"
  | "sign-in.limited"
  | "password.refused"
  | "token.refused"
  | "csrf.refused"
  | "access.refused";

export type Refusal = {
  kind: RefusalKind;
  /** Whose part of Concord it belongs to (the account's organisation), or null when nobody is known. */
  organization: string | null;
  /** Who was refused: an account id, or "anonymous". */
  actor: string;
  /** Where it came from, for counting: a client address, an account. */
  source: string;
  /** What was tried, in words and short values: kept as data, never as a log line. */
  details: Record<string, string | number | null>;
};

export type RefusalLogOptions = {
  /** How long a window lasts. */
  windowMs: number;
  /** Entries of their own per window, from one source and kind. */
  perSource: number;
  /** Entries of their own per window, in all. */
  perWindow: number;
  log?: (line: string) => void;
};

/** Sources named in a summary; the rest are counted together. */
const NAMED_SOURCES = 20;
/** Sources counted by name per summary while a window lasts, so memory stays bounded under any flood. */
const TRACKED_SOURCES = 1_000;

type Summary = {
  kind: RefusalKind;
  organization: string | null;
  count: number;
  bySource: Map<string, number>;
  otherSources: number;
};

export class RefusalLog {
  private windowStart = Date.now();
  private written = 0;
  private readonly writtenBySource = new Map<string, number>();
  private readonly summaries = new Map<string, Summary>();
  private timer: NodeJS.Timeout | undefined;
  private readonly options: Required<RefusalLogOptions>;

  constructor(
    private readonly db: Database,
    options: Partial<RefusalLogOptions> = {},
  ) {
    this.options = { windowMs: 60_000, perSource: 3, perWindow: 30, log: () => {}, ...options };
  }

  /** Records a refusal: an entry of its own while the window allows, otherwise a count for the window's summary. */
  async record(refusal: Refusal): Promise<void> {
    this.roll();
    const sourceKey = `${refusal.kind}|${refusal.source}`;
    const fromSource = this.writtenBySource.get(sourceKey) ?? 0;
    if (this.written < this.options.perWindow && fromSource < this.options.perSource) {
      this.written++;
      this.writtenBySource.set(sourceKey, fromSource + 1);
      await this.write(refusal);
      return;
    }
    this.count(refusal);
  }

  /** Writes the summaries of the window so far (on stop, and when a window ends). */
  async flush(): Promise<void> {
    const summaries = [...this.summaries.values()];
    const from = new Date(this.windowStart).toISOString();
    this.summaries.clear();
    for (const summary of summaries) {
      const sources = [...summary.bySource.entries()].sort((a, b) => b[1] - a[1]);
      const named = Object.fromEntries(sources.slice(0, NAMED_SOURCES));
      const others = sources.slice(NAMED_SOURCES).reduce((sum, [, count]) => sum + count, 0) + summary.otherSources;
      await this.db
        .transaction((tx) =>
          appendAudit(tx, {
            actor: "concord",
            organization: summary.organization,
            action: "security.refusals",
            objectType: "refusal",
            objectId: summary.kind,
            details: {
              kind: summary.kind,
              count: summary.count,
              from,
              to: new Date().toISOString(),
              bySource: named,
              otherSources: others,
            },
          }),
        )
        .catch((error: Error) => this.options.log(`Refusals not summarised in the audit log: ${error.message}`));
    }
  }

  /** Ends the window now, as its timer does: its summaries are written, and counting starts again. */
  async endWindow(): Promise<void> {
    const ending = this.flush();
    this.windowStart = Date.now();
    this.written = 0;
    this.writtenBySource.clear();
    await ending;
  }

  start(): void {
    this.timer = setInterval(() => void this.endWindow(), this.options.windowMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  /** A window that has run its time ends before anything more is counted in it. */
  private roll(): void {
    // endWindow() takes the summaries at once, before it first waits: what comes next counts in the new window.
    if (Date.now() - this.windowStart >= this.options.windowMs) void this.endWindow();
  }

  private count(refusal: Refusal): void {
    const key = `${refusal.kind}|${refusal.organization ?? ""}`;
    let summary = this.summaries.get(key);
    if (!summary) {
      summary = {
        kind: refusal.kind,
        organization: refusal.organization,
        count: 0,
        bySource: new Map(),
        otherSources: 0,
      };
      this.summaries.set(key, summary);
    }
    summary.count++;
    const known = summary.bySource.get(refusal.source);
    if (known !== undefined) summary.bySource.set(refusal.source, known + 1);
    else if (summary.bySource.size < TRACKED_SOURCES) summary.bySource.set(refusal.source, 1);
    else summary.otherSources++;
  }

  private async write(refusal: Refusal): Promise<void> {
    await this.db
      .transaction((tx) =>
        appendAudit(tx, {
          actor: refusal.actor,
          organization: refusal.organization,
          action: refusal.kind,
          objectType: "refusal",
          objectId: null,
          details: {
            source: short(refusal.source),
            ...Object.fromEntries(
              Object.entries(refusal.details).map(([key, value]) => [
                key,
                typeof value === "string" ? short(value) : value,
              ]),
            ),
          },
        }),
      )
      .catch((error: Error) => this.options.log(`Refusal not recorded in the audit log: ${error.message}`));
  }
}

/** What a client sent, kept short: a refusal's entry must not carry a client's megabytes. */
function short(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
