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
import { Listener } from "../db/listener.ts";
import type { ActorRow, FrameworkRow, RegistryRepository, RelationRow } from "../db/repositories/registry.ts";

export const REGISTRY_CHANNEL = "concord_registry_changed";

type Organizations = { byCode: Map<string, ActorRow>; frameworks: Map<string, FrameworkRow[]> };

export class RegistryCache {
  private relations = new Map<string, Promise<RelationRow[]>>();
  private organizations: Promise<Organizations> | undefined;
  /** Bumped on every change heard: a load started under an older generation is not kept. */
  private generation = 0;
  private readonly listener: Listener;

  constructor(
    private readonly repository: RegistryRepository,
    databaseUrl: string,
    log: (line: string) => void = () => {},
  ) {
    this.listener = new Listener({
      databaseUrl,
      channels: [REGISTRY_CHANNEL],
      onNotification: () => this.invalidate(),
      // Changes made while nobody listened are unknown: start from nothing.
      onListening: () => this.invalidate(),
      onLost: (reason) => {
        log(`Registry cache: stopped listening (${reason}); answering from the database until it is back.`);
        this.invalidate();
      },
    });
  }

  /** Starts listening; resolves once the first LISTEN is in place, so the copy is usable at once. */
  start(): Promise<void> {
    return this.listener.start();
  }

  stop(): Promise<void> {
    return this.listener.stop();
  }

  /** True when answers may come from the copy. */
  get active(): boolean {
    return this.listener.listening;
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
      loaded = this.keepIfCurrent(this.repository.relationsTowards(code, undefined, {}), () =>
        this.relations.delete(code),
      );
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
    const [actors, frameworks] = await Promise.all([
      this.repository.listActors({ type: "organization" }),
      this.repository.frameworks(),
    ]);
    const byOrganization = new Map<string, FrameworkRow[]>();
    for (const framework of frameworks)
      byOrganization.set(framework.organization, [...(byOrganization.get(framework.organization) ?? []), framework]);
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
}
