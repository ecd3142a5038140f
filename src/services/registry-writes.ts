/**
 * Changes to the registry: a new relation, new dates, an end, a new claim, a new source. Each
 * method authorizes first, checks what the database would refuse so the refusal can say why in
 * words, writes inside the caller's transaction, and appends the change — before and after — to
 * the audit log in that same transaction. Every change cites a source.
 */
import { parsePartialDate, type PartialDate } from "../domain/dates.ts";
import { isValidInterval, toDaterange } from "../domain/interval.ts";
import type { Certainty } from "../domain/registry.ts";
import {
  insertClaims,
  insertRelation,
  insertSource,
  lockRelation,
  overlapping,
  relationObject,
  unknownActors,
  writeTarget,
  unknownSources,
  updateRelation,
  type NewRelation,
} from "../db/repositories/registry-writes.ts";
import { RegistryRepository, type RelationRow } from "../db/repositories/registry.ts";
import { appendAudit } from "./audit/log.ts";
import { ConflictError, ForbiddenError, InvalidRequestError, NotFoundError, present } from "./errors.ts";
import type { Transaction } from "../db/client.ts";
import { auditActor, authorize, registryPolicy, type Principal, type RegistryTarget } from "./policies.ts";
import type { ClaimEntry, RelationEntry, SourceEntry } from "./starter/format.ts";
import { type Message, msg } from "../domain/messages/index.ts";

/** A date validated at the boundary (the API's schemas, the starter format). */
const date = (text: string): PartialDate => present(parsePartialDate(text), `a valid date (got "${text}")`);

export type RelationChange = {
  since?: string;
  until?: string | null;
  certainty?: Certainty;
  note?: string | null;
  claim: ClaimEntry;
};

export class RegistryWriter {
  /**
   * Writes towards `object` are its owner's (registryPolicy.writeTowards). Refused before
   * anything else is looked at, so a refusal says nothing about the request's other parts.
   */
  private async authorizeTowards(
    principal: Principal,
    object: string,
    tx: Transaction,
  ): Promise<RegistryTarget | undefined> {
    authorize(principal, principal.kind !== "anonymous", msg("activity.changing_registry"));
    const target = await writeTarget(tx, object);
    if (!target) return undefined;
    if (!registryPolicy.writeTowards(principal, target)) throw new ForbiddenError(refusal(target));
    return target;
  }

  private async authorizeRelation(principal: Principal, id: number, tx: Transaction): Promise<void> {
    const object = await relationObject(tx, id);
    // A relation that does not exist is missing for whoever asks, once they are signed in.
    if (object === undefined) {
      authorize(principal, principal.kind !== "anonymous", msg("activity.changing_registry"));
      throw new NotFoundError(msg("registry.relation_not_found", { id }));
    }
    await this.authorizeTowards(principal, object, tx);
  }

  async createRelation(principal: Principal, input: RelationEntry, tx: Transaction): Promise<RelationRow> {
    const target = await this.authorizeTowards(principal, input.object, tx);
    const missingActors = await unknownActors(tx, [input.subject, input.object]);
    if (!target || missingActors.length > 0)
      throw new InvalidRequestError(msg("registry.unknown_actors", { codes: missingActors.join(", ") }), { field: "" });
    if (input.subject === input.object)
      throw new InvalidRequestError(msg("registry.relation_to_itself", { code: input.object }), { field: "object" });
    if (input.kind === "designation" && target.type !== "state") {
      throw new InvalidRequestError(msg("registry.designation_by_state", { code: input.object }), {
        field: "object",
      });
    }
    if (input.kind !== "designation" && target.type !== "organization") {
      throw new InvalidRequestError(msg("registry.relation_towards_state", { code: input.object, kind: input.kind }), {
        field: "object",
      });
    }
    await this.requireSources(tx, input.claims);
    if (input.framework) {
      const frameworks = await new RegistryRepository(tx).frameworks(input.object);
      if (!frameworks.some((framework) => framework.slug === input.framework)) {
        throw new InvalidRequestError(
          msg("registry.no_such_framework", { organization: input.object, framework: input.framework }),
          { field: "framework" },
        );
      }
    }
    const valid = this.validRange(input.since, input.until ?? null);
    await this.refuseOverlap(tx, input, valid);
    const id = await insertRelation(tx, input, registryPolicy.recordedBy(principal));
    await insertClaims(tx, id, input.claims);
    const after = await this.read(tx, id);
    await appendAudit(tx, {
      ...auditActor(principal),
      action: "relation.create",
      objectType: "relation",
      objectId: id,
      after,
    });
    return after;
  }

  /** New dates, certainty or note for a relation, with the claim that supports the change. */
  async changeRelation(
    principal: Principal,
    id: number,
    change: RelationChange,
    tx: Transaction,
  ): Promise<RelationRow> {
    await this.authorizeRelation(principal, id, tx);
    const stored = await lockRelation(tx, id);
    if (!stored) throw new NotFoundError(msg("registry.relation_not_found", { id }));
    await this.requireSources(tx, [change.claim]);
    const before = await this.read(tx, id);
    const since =
      change.since !== undefined
        ? date(change.since)
        : { date: stored.since, precision: stored.sincePrecision as PartialDate["precision"] };
    const until =
      change.until === null
        ? null
        : change.until !== undefined
          ? date(change.until)
          : stored.until === null
            ? null
            : { date: stored.until, precision: stored.untilPrecision as PartialDate["precision"] };
    const valid = this.validRange(since.date, until?.date ?? null);
    await this.refuseOverlap(tx, toNewRelation(before), valid, id);
    await updateRelation(tx, id, {
      since,
      until,
      certainty: change.certainty ?? stored.certainty,
      note: change.note === undefined ? stored.note : change.note,
    });
    await insertClaims(tx, id, [change.claim]);
    const after = await this.read(tx, id);
    await appendAudit(tx, {
      ...auditActor(principal),
      action: "relation.update",
      objectType: "relation",
      objectId: id,
      before,
      after,
    });
    return after;
  }

  /** Ends a relation that holds: from `until` on, it no longer holds. */
  async endRelation(
    principal: Principal,
    id: number,
    end: { until: string; claim: ClaimEntry },
    tx: Transaction,
  ): Promise<RelationRow> {
    await this.authorizeRelation(principal, id, tx);
    const stored = await lockRelation(tx, id);
    if (!stored) throw new NotFoundError(msg("registry.relation_not_found", { id }));
    if (stored.until !== null) throw new ConflictError(msg("registry.relation_ended", { id, until: stored.until }));
    return this.changeRelation(
      principal,
      id,
      { until: end.until, claim: { ...end.claim, field: end.claim.field ?? "until" } },
      tx,
    );
  }

  async addClaim(principal: Principal, id: number, claim: ClaimEntry, tx: Transaction): Promise<RelationRow> {
    await this.authorizeRelation(principal, id, tx);
    if (!(await lockRelation(tx, id))) throw new NotFoundError(msg("registry.relation_not_found", { id }));
    await this.requireSources(tx, [claim]);
    await insertClaims(tx, id, [claim]);
    const after = await this.read(tx, id);
    await appendAudit(tx, {
      ...auditActor(principal),
      action: "relation.cite",
      objectType: "relation",
      objectId: id,
      after,
      details: { claim },
    });
    return after;
  }

  async createSource(principal: Principal, source: SourceEntry, tx: Transaction): Promise<void> {
    authorize(principal, registryPolicy.writeSources(principal), msg("activity.recording_sources"));
    if ((await unknownSources(tx, [source.id])).length === 0)
      throw new ConflictError(msg("registry.source_exists", { id: source.id }));
    await insertSource(tx, source);
    await appendAudit(tx, {
      ...auditActor(principal),
      action: "source.create",
      objectType: "source",
      objectId: source.id,
      after: source,
    });
  }

  private async requireSources(tx: Transaction, claims: Array<{ source: string }>): Promise<void> {
    const missing = await unknownSources(
      tx,
      claims.map((claim) => claim.source),
    );
    if (missing.length > 0)
      throw new InvalidRequestError(msg("registry.unknown_sources", { ids: missing.join(", ") }), { field: "" });
  }

  private validRange(since: string, until: string | null): string {
    const interval = { since: date(since).date, until: until === null ? null : date(until).date };
    if (!isValidInterval(interval))
      throw new InvalidRequestError(msg("registry.until_before_since", { since, until: String(until) }), {
        field: "until",
      });
    return toDaterange(interval);
  }

  private async refuseOverlap(tx: Transaction, relation: NewRelation, valid: string, exceptId?: number): Promise<void> {
    const clashes = await overlapping(tx, relation, valid, exceptId);
    if (clashes.length > 0) {
      throw new ConflictError(
        msg("registry.relation_overlaps", {
          subject: relation.subject,
          kind: relation.kind,
          object: relation.object,
          valid: String(valid),
          ids: clashes.join(", "),
        }),
      );
    }
  }

  private async read(tx: Transaction, id: number): Promise<RelationRow> {
    return present(await new RegistryRepository(tx).findRelation(id), `relation ${id}`);
  }
}

function toNewRelation(relation: RelationRow): NewRelation {
  return {
    subject: relation.subject,
    object: relation.object,
    kind: relation.kind,
    framework: relation.framework ?? undefined,
    designation: relation.designation ?? undefined,
    since: relation.since,
    certainty: relation.certainty,
  };
}

/** Why a write towards this actor is not the reader's to make, and whose it is. */
function refusal(target: RegistryTarget): Message {
  if (target.type === "organization" && target.hasSecretariat)
    return msg("registry.writes_by_secretariat", { code: target.code });
  if (target.type === "state" && target.hasOwnBody) return msg("registry.writes_by_own_body", { code: target.code });
  return msg("registry.writes_by_curator", { code: target.code });
}
