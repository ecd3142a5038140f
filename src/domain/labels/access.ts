/**
 * Who may read a labelled document, on one day: the rule of STANAG 4774's access control
 * (spiffing's, ADatP-4774.1's) with the reader's nation and memberships taken from the registry on
 * the day of reading. Pure; the database query that lists documents applies the same rule in SQL,
 * and a test proves the two agree.
 *
 * The rule, for a label (the one in force that day: `labelInForce`) and its policy:
 * 1. the label's classification is one of the policy's; its rank is 0 (the policy's unclassified
 *    level) or the reader's clearance in that policy is at least that rank;
 * 2. the reader holds every value of every restrictive category (their authorisations in the policy);
 * 3. for every permissive category, at least one of its values is in the reader's `within` set
 *    (an empty permissive category lets nobody in);
 * informative categories play no part. A category's type is its policy's when the policy knows its
 * tag name, else the label's own.
 */
import { type Message, msg } from "../messages/index.ts";
import type { ConfidentialityLabel, LabelReader, SecurityPolicy, StandingOnDay } from "./model.ts";
import {
  classificationAt,
  classificationRank,
  effectiveType,
  type Policies,
  policyList,
  unclassifiedRank,
} from "./policies.ts";

/** Why a reader may not read: typed, so that a page can explain it (`accessReasonMessage` says it in words). */
export type AccessReason =
  /** The label follows another policy than the one it was decided against. */
  | { kind: "wrong-policy"; labelPolicy: string; policy: string }
  /** The label's classification is not one of its policy's: nobody may read it. */
  | { kind: "unknown-classification"; classification: string }
  /** The reader holds no clearance in the label's policy, and its classification needs one. */
  | { kind: "clearance-missing"; needed: string; neededRank: number }
  /** The reader's clearance is below the label's classification. */
  | { kind: "clearance-too-low"; held: string; heldRank: number; needed: string; neededRank: number }
  /** Restrictive values the reader holds no authorisation for. */
  | { kind: "sensitivity-missing"; tagName: string; values: string[] }
  /** A permissive category none of whose values the reader is within on the day. */
  | { kind: "outside-category"; tagName: string; values: string[] };

export type AccessDecision = { allowed: true } | { allowed: false; reasons: AccessReason[] };

/**
 * May `reader` read what `label` marks, under `policy`? Every reason that refuses is given, in the
 * order of the rule (policy, classification and clearance, restrictive, permissive categories).
 * Pass the label in force on the day of reading (`labelInForce`).
 */
export function decideAccess(label: ConfidentialityLabel, policy: SecurityPolicy, reader: LabelReader): AccessDecision {
  if (label.policy !== policy.id)
    return { allowed: false, reasons: [{ kind: "wrong-policy", labelPolicy: label.policy, policy: policy.id }] };
  const reasons: AccessReason[] = [];

  const rank = classificationRank(policy, label.classification);
  if (rank === undefined) reasons.push({ kind: "unknown-classification", classification: label.classification });
  else if (rank > unclassifiedRank) {
    const held = Object.hasOwn(reader.clearances, policy.id) ? reader.clearances[policy.id] : undefined;
    if (held === undefined || !Number.isInteger(held))
      reasons.push({ kind: "clearance-missing", needed: label.classification, neededRank: rank });
    else if (held < rank)
      reasons.push({
        kind: "clearance-too-low",
        held: classificationAt(policy, held)?.name ?? String(held),
        heldRank: held,
        needed: label.classification,
        neededRank: rank,
      });
  }

  const authorised = new Set(Object.hasOwn(reader.authorisations, policy.id) ? reader.authorisations[policy.id] : []);
  for (const category of label.categories)
    if (effectiveType(policy, category) === "restrictive") {
      const missing = [...new Set(category.values)].filter((value) => !authorised.has(value));
      if (missing.length > 0) reasons.push({ kind: "sensitivity-missing", tagName: category.tagName, values: missing });
    }
  for (const category of label.categories)
    if (effectiveType(policy, category) === "permissive" && !category.values.some((value) => reader.within.has(value)))
      reasons.push({ kind: "outside-category", tagName: category.tagName, values: [...new Set(category.values)] });
  return reasons.length === 0 ? { allowed: true } : { allowed: false, reasons };
}

/** The reason in words, as a message of the catalogue (`render(lang, accessReasonMessage(reason))`). */
export function accessReasonMessage(reason: AccessReason): Message {
  const list = (values: readonly string[]) =>
    values.length === 0 ? msg("labels.access.no_values") : values.join(", ");
  switch (reason.kind) {
    case "wrong-policy":
      return msg("labels.access.wrong_policy", { labelPolicy: reason.labelPolicy, policy: reason.policy });
    case "unknown-classification":
      return msg("labels.access.unknown_classification", { classification: reason.classification });
    case "clearance-missing":
      return msg("labels.access.clearance_missing", { needed: reason.needed });
    case "clearance-too-low":
      return msg("labels.access.clearance_too_low", { held: reason.held, needed: reason.needed });
    case "sensitivity-missing":
      return msg("labels.access.sensitivity_missing", { tagName: reason.tagName, values: list(reason.values) });
    case "outside-category":
      return msg("labels.access.outside_category", { tagName: reason.tagName, values: list(reason.values) });
  }
}

/** What `readerWithin` needs to know of a reader on one day. */
export type ReaderWithinInput = {
  /** The reader's delegation's nation (a registry code), or null. */
  nation: string | null;
  /** The reader's organisation (a registry code). */
  organization: string;
  /**
   * Whether the reader is their organisation's own staff, speaking for no state: its secretariat,
   * analysts, curators. Inside the organisation's own value ("NATO"), as its nations are.
   */
  isOwnStaff: boolean;
  /** How the reader's nation stands that day towards each organisation (from the registry). */
  standings: readonly StandingOnDay[];
  /** The policies whose named groups may hold the reader. */
  policies: Policies;
};

/**
 * The permissive values a reader is within on one day: their nation's code; each organisation
 * their nation is a member of ("NATO"); for each partnership, "ORG:partners" and, when it names a
 * framework, "ORG:<framework>" ("NATO:pfp"); each named group of each policy one of whose
 * selectors their nation's standings match; and, for the organisation's own staff, its
 * code. Its staff also match a group's `member` selector of their own organisation
 * (NATO's staff are within EAPC, whose selectors are NATO's members and its PfP partners).
 * "suspended", "observer" and the other kinds of standing give nothing.
 */
export function readerWithin(input: ReaderWithinInput): Set<string> {
  const within = new Set<string>();
  if (input.nation !== null) within.add(input.nation);
  if (input.isOwnStaff) within.add(input.organization);
  for (const standing of input.standings) {
    if (standing.kind === "member") within.add(standing.organization);
    else if (standing.kind === "partner") {
      within.add(`${standing.organization}:partners`);
      if (standing.framework) within.add(`${standing.organization}:${standing.framework}`);
    }
  }
  for (const policy of policyList(input.policies))
    for (const [group, selectors] of Object.entries(policy.groups)) {
      const holds = selectors.some(
        (selector) =>
          (input.isOwnStaff && selector.kind === "member" && selector.organization === input.organization) ||
          input.standings.some(
            (standing) =>
              standing.organization === selector.organization &&
              standing.kind === selector.kind &&
              (selector.framework === undefined || standing.framework === selector.framework),
          ),
      );
      if (holds) within.add(group);
    }
  return within;
}

/**
 * The label in force on `day` (YYYY-MM-DD): the last downgrade whose day has come (its `from` on
 * or before `day`), else the label itself. A downgrade's own downgrades, which a checked label does
 * not have, are followed too.
 */
export function labelInForce(label: ConfidentialityLabel, day: string): ConfidentialityLabel {
  let latest: { from: string; label: ConfidentialityLabel } | undefined;
  for (const step of label.succession)
    if (step.from <= day && (latest === undefined || step.from >= latest.from)) latest = step;
  return latest === undefined ? label : labelInForce(latest.label, day);
}
