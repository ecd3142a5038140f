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
import { today } from "../../domain/dates.ts";
import { NotifiedCache } from "../notified-cache.ts";
import type { Principal } from "../policies.ts";
import { REGISTRY_CHANNEL } from "../registry-cache.ts";
import { type Standing, standingOf, standingOfReader } from "./standing.ts";

export const COOPERATION_CHANNEL = "concord_cooperation_changed";

export class ProgrammeCache extends NotifiedCache {
  constructor(databaseUrl: string, log: (line: string) => void = () => {}) {
    super({ databaseUrl, channels: [COOPERATION_CHANNEL, REGISTRY_CHANNEL], name: "Programme cache", log });
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
