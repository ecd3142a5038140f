/**
 * An in-process copy of what the hottest question needs — each organisation's relations over
 * all time, and the organisations with their frameworks — so that "who stood in what relation
 * to NATO on this date" is answered from memory. The registry changes rarely and every change
 * fires a NOTIFY (migration 0002), on which every instance drops its copy.
 *
 * Correctness first: while the LISTEN connection is down, nothing is served from the copy
 * (the service asks the database), and the copy is dropped again once listening resumes,
 * since changes in between went unheard. A load that overlaps a change is not kept.
 */
import pg from "pg";
import type { ActorRow, FrameworkRow, RegistryRepository, RelationRow } from "../db/repositories/registry.ts";

export const REGISTRY_CHANNEL = "concord_registry_changed";

type Organizations = { byCode: Map<string, ActorRow>; frameworks: Map<string, FrameworkRow[]> };

export class RegistryCache {
  private relations = new Map<string, Promise<RelationRow[]>>();
  private organizations: Promise<Organizations> | undefined;
  /** Bumped on every change heard: a load started under an older generation is not kept. */
  private generation = 0;
  private listening = false;
  private client: pg.Client | undefined;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly repository: RegistryRepository,
    private readonly databaseUrl: string,
    private readonly log: (line: string) => void = () => {},
  ) {}

  /** Starts listening; resolves once the first LISTEN is in place, so the copy is usable at once. */
  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.listening = false;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
  }

  /** True when answers may come from the copy. */
  get active(): boolean {
    return this.listening && !this.stopped;
  }

  /** Drops the copy: on a change heard, and after a write made by this process. */
  invalidate(): void {
    this.generation += 1;
    this.relations.clear();
    this.organizations = undefined;
  }

  /** Every relation towards the organisation, at any time. */
  relationsTowards(code: string): Promise<RelationRow[]> {
    let loaded = this.relations.get(code);
    if (!loaded) {
      loaded = this.keepIfCurrent(this.repository.relationsTowards(code, undefined, {}), () => this.relations.delete(code));
      this.relations.set(code, loaded);
    }
    return loaded;
  }

  organization(code: string): Promise<{ organization: ActorRow | undefined; frameworks: FrameworkRow[] }> {
    this.organizations ??= this.keepIfCurrent(this.loadOrganizations(), () => (this.organizations = undefined));
    return this.organizations.then((organizations) => ({
      organization: organizations.byCode.get(code),
      frameworks: organizations.frameworks.get(code) ?? [],
    }));
  }

  private async loadOrganizations(): Promise<Organizations> {
    const [actors, frameworks] = await Promise.all([this.repository.listActors({ type: "organization" }), this.repository.frameworks()]);
    const byOrganization = new Map<string, FrameworkRow[]>();
    for (const framework of frameworks) byOrganization.set(framework.organization, [...(byOrganization.get(framework.organization) ?? []), framework]);
    return { byCode: new Map(actors.map((actor) => [actor.code, actor])), frameworks: byOrganization };
  }

  /** A load that fails, or that a change overtook, is forgotten so the next request loads afresh. */
  private keepIfCurrent<T>(load: Promise<T>, forget: () => void): Promise<T> {
    const generation = this.generation;
    load.then(
      () => {
        if (generation !== this.generation) forget();
      },
      () => {
        if (generation === this.generation) forget();
      },
    );
    return load;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    // Until LISTEN is in place, a failure rejects connect() below; nothing else to do with it.
    client.on("error", () => {});
    try {
      await client.connect();
      await client.query(`LISTEN ${REGISTRY_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    if (this.stopped) {
      await client.end().catch(() => {});
      return;
    }
    const lost = (reason: string) => {
      if (this.client !== client) return;
      this.log(`Registry cache: stopped listening (${reason}); answering from the database until it is back.`);
      this.client = undefined;
      this.listening = false;
      this.invalidate();
      if (!this.stopped) this.scheduleReconnect();
    };
    client.removeAllListeners("error");
    client.on("error", (error) => lost(error.message));
    client.on("end", () => lost("connection closed"));
    client.on("notification", () => this.invalidate());
    this.client = client;
    // Changes made while nobody listened are unknown: start from nothing.
    this.invalidate();
    this.listening = true;
  }

  private scheduleReconnect(delay = 1000): void {
    this.retryTimer = setTimeout(() => {
      this.connect().catch(() => this.scheduleReconnect(Math.min(delay * 2, 30_000)));
    }, delay);
    this.retryTimer.unref();
  }
}
