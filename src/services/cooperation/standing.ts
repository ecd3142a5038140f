/**
 * What the registry says of a state towards an organisation on a day: whether it is a member, and
 * its partnerships (with their frameworks). Cooperation's rules turn on it: allies read every
 * programme, a partner only its own; an activity is open to the partners its eligibility names,
 * on the event's date.
 */
import type { Database } from "../../db/client.ts";
import { RegistryRepository } from "../../db/repositories/registry.ts";
import type { PartnershipOnDay } from "../../domain/cooperation.ts";
import { today } from "../../domain/dates.ts";
import type { Principal, StandingOfReader } from "../policies.ts";

export type Standing = StandingOfReader & { partnerships: PartnershipOnDay[] };

const NONE: Standing = { member: false, partner: false, partnerships: [] };

/** `state`'s standing towards `organization` on `day` (default today). */
export async function standingOf(
  db: Database,
  state: string,
  organization: string,
  day: string = today(),
): Promise<Standing> {
  const relations = await new RegistryRepository(db).relationsInvolving(state, day);
  const towards = relations.filter((relation) => relation.subject === state && relation.object === organization);
  const partnerships = towards
    .filter((relation) => relation.kind === "partner")
    .map((relation) => ({ framework: relation.framework }));
  return {
    member: towards.some((relation) => relation.kind === "member"),
    partner: partnerships.length > 0,
    partnerships,
  };
}

/** The standing of the state whose delegation the reader belongs to, towards the reader's organisation `organization`; nobody's for anyone else. */
export async function standingOfReader(
  db: Database,
  principal: Principal,
  organization: string,
  day: string = today(),
): Promise<Standing> {
  if (principal.kind !== "account") return NONE;
  const { delegationState, organizationCode } = principal.account;
  if (delegationState === null || organizationCode !== organization) return NONE;
  return standingOf(db, delegationState, organization, day);
}
