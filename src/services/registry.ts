import { today } from "../domain/dates.ts";
import { holdsOn } from "../domain/interval.ts";
import { timeline } from "../domain/timeline.ts";
import type { Database } from "../db/client.ts";
import type { ActorType, RelationKind } from "../domain/registry.ts";
import { RegistryRepository, type ActorRow, type RelationRow } from "../db/repositories/registry.ts";
import { InvalidRequestError, NotFoundError } from "./errors.ts";
import type { RegistryCache } from "./registry-cache.ts";
import { ANONYMOUS, authorize, registryPolicy, type Principal } from "./policies.ts";
import { msg } from "../domain/messages/index.ts";

/**
 * The registry's questions: who stood in what relation to whom, on what date, on whose word.
 * Each method authorizes first, like every service method; the registry is public today, and the
 * check is where restricted (labelled) information will be refused. A caller that names nobody
 * reads as an anonymous visitor, the least it can be.
 */
export class RegistryService {
  readonly repository: RegistryRepository;

  /** With a cache, the as-of members question is answered from memory while the cache listens. */
  constructor(
    db: Database,
    private readonly cache?: RegistryCache,
  ) {
    this.repository = new RegistryRepository(db);
  }

  /** After a change this process committed: its own next read must not come from an old copy. */
  changed(): void {
    this.cache?.invalidate();
  }

  listActors(filter: { type?: ActorType; q?: string }, principal: Principal = ANONYMOUS) {
    this.authorizeRead(principal);
    return this.repository.listActors(filter);
  }

  async getActor(code: string, principal: Principal = ANONYMOUS) {
    this.authorizeRead(principal);
    const actor = await this.requireActor(code);
    const periods = await this.repository.actorPeriods(actor.code);
    return { actor, periods };
  }

  async listOrganizations(principal: Principal = ANONYMOUS) {
    this.authorizeRead(principal);
    const [organizations, frameworks] = await Promise.all([
      this.repository.listActors({ type: "organization" }),
      this.repository.frameworks(),
    ]);
    return organizations.map((organization) => ({
      organization,
      frameworks: frameworks.filter((framework) => framework.organization === organization.code),
    }));
  }

  /** Every relation held towards an organisation on `at` (default today), optionally of one kind or framework. */
  async members(
    code: string,
    query: { at?: string; kind?: RelationKind; framework?: string },
    principal: Principal = ANONYMOUS,
  ) {
    this.authorizeRead(principal);
    const { organization, frameworks } = await this.requireOrganization(code.toUpperCase());
    if (query.framework && !frameworks.some((framework) => framework.slug === query.framework)) {
      const list = frameworks.length > 0 ? frameworks.map((framework) => framework.slug).join(", ") : "none";
      throw new InvalidRequestError(
        msg("registry.no_such_framework_of", {
          organization: organization.code,
          framework: query.framework,
          frameworks: frameworks.length > 0 ? list : "",
        }),
        { field: "framework" },
      );
    }
    const at = query.at ?? today();
    const members = this.cache?.active
      ? (await this.cache.relationsTowards(organization.code)).filter(
          (relation) =>
            holdsOn(relation, at) &&
            (query.kind === undefined || relation.kind === query.kind) &&
            (query.framework === undefined || relation.framework === query.framework),
        )
      : await this.repository.relationsTowards(organization.code, at, query);
    return { organization, at, members };
  }

  private async requireOrganization(code: string) {
    if (this.cache?.active) {
      const cached = await this.cache.organization(code);
      if (cached.organization) return { organization: cached.organization, frameworks: cached.frameworks };
    }
    const organization = await this.requireActor(code);
    if (organization.type !== "organization") {
      throw new NotFoundError(msg("registry.state_not_organization", { code: organization.code }));
    }
    return { organization, frameworks: await this.repository.frameworks(organization.code) };
  }

  async relationsOf(code: string, query: { at?: string }, principal: Principal = ANONYMOUS) {
    this.authorizeRead(principal);
    const actor = await this.requireActor(code);
    const at = query.at ?? today();
    return { actor, at, relations: await this.repository.relationsInvolving(actor.code, at) };
  }

  async timeline(code: string, principal: Principal = ANONYMOUS) {
    this.authorizeRead(principal);
    const actor = await this.requireActor(code);
    return { actor, events: timeline(await this.repository.relationsInvolving(actor.code)) };
  }

  async getRelation(
    id: number,
    principal: Principal = ANONYMOUS,
  ): Promise<{ relation: RelationRow; claims: Awaited<ReturnType<RegistryRepository["claimsOf"]>> }> {
    this.authorizeRead(principal);
    const relation = await this.repository.findRelation(id);
    if (!relation) throw new NotFoundError(msg("registry.relation_not_found", { id }));
    return { relation, claims: await this.repository.claimsOf(id) };
  }

  private authorizeRead(principal: Principal): void {
    authorize(principal, registryPolicy.read(principal), msg("activity.reading_registry"));
  }

  private async requireActor(code: string): Promise<ActorRow> {
    const actor = await this.repository.findActor(code.toUpperCase());
    if (!actor) throw new NotFoundError(msg("registry.actor_not_found", { code }));
    return actor;
  }
}
