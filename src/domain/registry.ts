/**
 * The registry's vocabulary: what an actor is, how one stands towards another, how sure the
 * sources are, and what a source's claim speaks to. The database enumerates the same values
 * (migration 0001; `src/db/vocabulary.test.ts` checks they agree). Pure: the web app imports
 * this module too.
 */

/** Who can hold a relation: a state, or an organisation (which can also be a relation's object). */
export const ACTOR_TYPES = ["state", "organization"] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/**
 * How a subject stands towards an organisation (or, for a designation, towards the designating
 * state). A partner relation names its framework; a designation names its designation.
 */
export const RELATION_KINDS = [
  "member",
  "partner",
  "associate",
  "observer",
  "applicant",
  "suspended",
  "designation",
] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/** How sure the sources are of a relation. */
export const CERTAINTIES = ["confirmed", "uncertain", "disputed"] as const;
export type Certainty = (typeof CERTAINTIES)[number];

/** What a source's claim speaks to: the relation as a whole, or one of its dates. */
export const CLAIM_FIELDS = ["relation", "since", "until"] as const;
export type ClaimField = (typeof CLAIM_FIELDS)[number];

export function isRelationKind(value: unknown): value is RelationKind {
  return typeof value === "string" && (RELATION_KINDS as readonly string[]).includes(value);
}
