/**
 * The programme pages' copy of what they read most: a programme with its versions, a version's
 * tree, its goals' progress, and a delegation's standing on a day. A programme's page asks for
 * all of them on every request; from this copy it makes no query of its own. The copy is dropped
 * whenever PostgreSQL says cooperation or the registry changed (LISTEN/NOTIFY, triggers in
 * migrations 0002 and 0027, so changes by any instance, the CLI or the job queue are heard) and
 * after every change this process answers over the API; while nobody listens, every read goes to
 * the database. Measured by `npm run bench:programmes`.
 */
import type { Database } from "../../db/client.ts";
import { Listener } from "../../db/listener.ts";
import { today } from "../../domain/dates.ts";
import type { Principal } from "../policies.ts";
import { REGISTRY_CHANNEL } from "../registry-cache.ts";
import { type Standing, standingOf, standingOfReader } from "./standing.ts";

export const COOPERATION_CHANNEL = "concord_cooperation_changed";

export class ProgrammeCache {
  private readonly entries = new Map<string, Promise<unknown>>();
  /** Bumped on every change heard: a load started under an older generation is not kept. */
  private generation = 0;
  private readonly listener: Listener;

  constructor(databaseUrl: string, log: (line: string) => void = () => {}) {
    this.listener = new Listener({
      databaseUrl,
      channels: [COOPERATION_CHANNEL, REGISTRY_CHANNEL],
      onNotification: () => this.invalidate(),
      // Changes made while nobody listened are unknown: start from nothing.
      onListening: () => this.invalidate(),
      onLost: (reason) => {
        log(`Programme cache: stopped listening (${reason}); answering from the database until it is back.`);
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
   * What `load` gives for `key`, from the copy when it holds it. A load that fails, or that a
   * change overtook, is forgotten so the next request loads afresh.
   */
  remember<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (!this.listener.listening) return load();
    const held = this.entries.get(key) as Promise<T> | undefined;
    if (held !== undefined) return held;
    const generation = this.generation;
    const loading = load();
    this.entries.set(key, loading);
    const forget = () => {
      if (this.entries.get(key) === loading) this.entries.delete(key);
    };
    loading.then(
      () => {
        if (generation !== this.generation) forget();
      },
      () => forget(),
    );
    return loading;
  }

  /** The reader's standing today (standing.ts), kept per state and organisation. */
  standingOfReader(db: Database, principal: Principal, organization: string): Promise<Standing> {
    const state =
      principal.kind === "account" && principal.account.organizationCode === organization
        ? principal.account.delegationState
        : null;
    if (state === null) return standingOfReader(db, principal, organization);
    const day = today();
    return this.remember(`standing:${state}:${organization}:${day}`, () => standingOf(db, state, organization, day));
  }
}
