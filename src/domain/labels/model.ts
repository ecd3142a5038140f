/**
 * Confidentiality labels as STANAG 4774 (ADatP-4774) describes them, and the security policies
 * they are read against. Pure: the web app imports this module too.
 *
 * A label names its policy by identifier (NATO's is `urn:oid:1.3.26.1.3.1`), a classification
 * in that policy's hierarchy, and categories. A policy is data (data/policies/*.json, in the
 * spirit of a SPIF): its classifications in order, its categories with their types and values,
 * its display markings and the named groups a `Releasable To` value may name.
 */

/**
 * PERMISSIVE: the reader must be inside at least one value of each such category (e.g.
 * `Releasable To`). RESTRICTIVE: the reader must hold every value (e.g. `Additional
 * Sensitivity`). INFORMATIVE: no effect on access (e.g. `Administrative`).
 */
export const CATEGORY_TYPES = ["permissive", "restrictive", "informative"] as const;
export type CategoryType = (typeof CATEGORY_TYPES)[number];

export type LabelCategory = {
  /** The category's tag name in its policy, e.g. "Releasable To". */
  tagName: string;
  type: CategoryType;
  /** Values in the policy's vocabulary. For a permissive category: registry codes of states ("COL") or groups ("NATO", "NATO:partners", "NATO:partners-across-the-globe", a policy's named group "EAPC"). */
  values: string[];
};

export type ConfidentialityLabel = {
  /** The policy's identifier (a URI): `urn:oid:1.3.26.1.3.1` for NATO. */
  policy: string;
  /** A classification's name in the policy's hierarchy, e.g. "NATO RESTRICTED". */
  classification: string;
  categories: LabelCategory[];
  /** ISO 8601 date-time with a zone (4774's CreationDateTime). */
  creationTime: string;
  /** Who labelled it: a registry code (an organisation or a state), or null. */
  originator: string | null;
  /** The day (YYYY-MM-DD) the label should be reviewed, or null. */
  reviewDate: string | null;
  /** Later, lower labels, each in force from its day (YYYY-MM-DD) on: downgrading by date. Ordered by day. */
  succession: { from: string; label: ConfidentialityLabel }[];
};

/** One classification of a policy; `rank` 0 is the lowest (the policy's unclassified level). */
export type PolicyClassification = {
  name: string;
  rank: number;
  /** The display marking's text in each language Concord speaks; usually the same words. */
  marking: string;
};

export type PolicyCategory = {
  tagName: string;
  type: CategoryType;
  /** The category's URI in the 4774 syntax. */
  uri: string;
  /** The marking's phrase before the values, e.g. "Releasable to". */
  markingPhrase: string;
  /** The values a label may give; `null`: registry codes and groups (a Releasable To list). */
  values: string[] | null;
};

/** How a named group (e.g. EAPC) is resolved against the registry on the day of reading. */
export type GroupSelector = {
  organization: string;
  kind: "member" | "partner";
  /** For a partner: only this framework's partners. */
  framework?: string;
};

export type SecurityPolicy = {
  /** The policy's identifier, the label's PolicyIdentifier URI. */
  id: string;
  /** Its short name, e.g. "NATO"; the 4774 PolicyIdentifier's text. */
  name: string;
  /** The organisation whose policy this is (a registry code), or null for a nation's. */
  organization: string | null;
  version: number;
  classifications: PolicyClassification[];
  categories: PolicyCategory[];
  /** Named groups a permissive value may name, e.g. { EAPC: [NATO members, NATO's pfp partners] }. */
  groups: Record<string, GroupSelector[]>;
};

/** How the reader's nation stands on the day of reading: its relations that day (from the registry). */
export type StandingOnDay = { organization: string; kind: string; framework: string | null };

/**
 * A reader as the access rule sees them, on one day.
 * `within`: the permissive values the reader is inside that day: their nation's code, each
 * organisation it is a member of ("NATO"), "O:partners" and "O:<framework>" for each
 * partnership, the named groups that hold it, and, for a secretariat's staff, their organisation.
 */
export type LabelReader = {
  organization: string;
  nation: string | null;
  /** Clearances in force that day: the highest rank held in each policy. */
  clearances: Record<string, number>;
  /** Additional-sensitivity (restrictive) values the reader holds, per policy: policy id → values. */
  authorisations: Record<string, string[]>;
  within: ReadonlySet<string>;
};
