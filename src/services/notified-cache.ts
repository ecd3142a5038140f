/**
 * A copy of what some requests read most, dropped whenever PostgreSQL says the tables behind it
 * changed (LISTEN/NOTIFY from triggers, so changes by any instance, the CLI or the job queue are
 * heard) and whenever its owner calls `invalidate`. While nobody listens — before `start`, after
 * the connection drops and until it is back — every read goes to the database.
 */
import { Listener } from "../db/listener.ts";

export type NotifiedCacheOptions = {
  databaseUrl: string;
  channels: readonly string[];
  /** Said in the log when notifications stop: "Programme cache", "Session cache". */
  name: string;
  log?: (line: string) => void;
  /** Past this many entries the copy starts again from nothing, so memory stays bounded. */
  maxEntries?: number;
};

export class NotifiedCache {
  private readonly entries = new Map<string, Promise<unknown>>();
  /** Bumped on every change heard: a load started under an older generation is not kept. */
  private generation = 0;
  private readonly listener: Listener;
  private readonly maxEntries: number;

  constructor(options: NotifiedCacheOptions) {
    const log = options.log ?? (() => {});
    this.maxEntries = options.maxEntries ?? 100_000;
    this.listener = new Listener({
      databaseUrl: options.databaseUrl,
      channels: options.channels,
      onNotification: () => this.invalidate(),
      // Changes made while nobody listened are unknown: start from nothing.
      onListening: () => this.invalidate(),
      onLost: (reason) => {
        log(`${options.name}: stopped listening (${reason}); answering from the database until it is back.`);
        this.invalidate();
      },
    });
  }

  start(): Promise<void> {
    return this.listener.start();
  }

  stop(): Promise<void> {
    return this.listener.stop();
  }

  invalidate(): void {
    this.generation += 1;
    this.entries.clear();
  }

  /**
   * What `load` gives for `key`, from the copy when it holds it. A load that fails, finds
   * nothing (undefined: a stranger's guess costs a query, never memory) or that a change
   * overtook is forgotten, so the next request loads afresh.
   */
  remember<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (!this.listener.listening) return load();
    const held = this.entries.get(key) as Promise<T> | undefined;
    if (held !== undefined) return held;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const generation = this.generation;
    const loading = load();
    this.entries.set(key, loading);
    const forget = () => {
      if (this.entries.get(key) === loading) this.entries.delete(key);
    };
    loading.then(
      (value) => {
        if (value === undefined || generation !== this.generation) forget();
      },
      () => forget(),
    );
    return loading;
  }
}
