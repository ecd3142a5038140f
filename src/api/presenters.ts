/**
 * What leaves the server, field by field: rows are never returned as they are.
 */
import type { z } from "@hono/zod-openapi";
import type { ActorPeriodRow, ActorRow, ClaimRow, FrameworkRow, RelationRow } from "../db/repositories/registry.ts";
import type { TimelineEvent as TimelineEventOf } from "../domain/timeline.ts";
import type { AccountRow } from "../db/repositories/accounts.ts";
import type { Account, Actor, ActorDetail, Claim, Member, Organization, Relation, TimelineEvent } from "./schemas.ts";
import type { Language } from "../domain/languages.ts";

export function presentActor(actor: ActorRow, lang: Language): z.infer<typeof Actor> {
  return {
    code: actor.code,
    type: actor.type,
    name: actor.names[lang],
    abbreviation: actor.abbreviations?.[lang] ?? null,
    isoAlpha2: actor.isoAlpha2,
    isoNumeric: actor.isoNumeric,
    cowCode: actor.cowCode,
  };
}

export function presentActorDetail(
  actor: ActorRow,
  periods: ActorPeriodRow[],
  lang: Language,
): z.infer<typeof ActorDetail> {
  return {
    ...presentActor(actor, lang),
    names: actor.names,
    note: actor.note,
    periods: periods.map((period) => ({
      since: period.since,
      sincePrecision: period.sincePrecision,
      until: period.until,
      untilPrecision: period.untilPrecision,
      sourceId: period.sourceId,
      cowCode: period.cowCode,
    })),
  };
}

export function presentOrganization(
  organization: ActorRow,
  frameworks: FrameworkRow[],
  lang: Language,
): z.infer<typeof Organization> {
  return {
    code: organization.code,
    name: organization.names[lang],
    abbreviation: organization.abbreviations?.[lang] ?? null,
    frameworks: frameworks.map((framework) => ({
      slug: framework.slug,
      name: framework.names[lang],
      since: framework.since,
      sincePrecision: framework.sincePrecision,
    })),
  };
}

function datedFields(relation: RelationRow) {
  return {
    since: relation.since,
    sincePrecision: relation.sincePrecision,
    until: relation.until,
    untilPrecision: relation.untilPrecision,
    certainty: relation.certainty,
  };
}

export function presentMember(relation: RelationRow, lang: Language): z.infer<typeof Member> {
  return {
    code: relation.subject,
    name: relation.subjectNames[lang],
    isoNumeric: relation.subjectIsoNumeric,
    kind: relation.kind,
    framework: relation.framework,
    frameworkName: relation.frameworkNames?.[lang] ?? null,
    designation: relation.designation,
    ...datedFields(relation),
    note: relation.note,
    relationId: relation.id,
    sources: relation.sources,
  };
}

/**
 * A member's JSON text. Rows served from the registry cache are the same objects request after
 * request, so their text is kept per language (and forgotten with the rows): serialising the
 * same members again was most of the work of answering the hottest endpoint.
 */
const memberJsonByRow = new WeakMap<RelationRow, Partial<Record<Language, string>>>();
export function memberJson(relation: RelationRow, lang: Language): string {
  let byLanguage = memberJsonByRow.get(relation);
  if (!byLanguage) {
    byLanguage = {};
    memberJsonByRow.set(relation, byLanguage);
  }
  const json = byLanguage[lang] ?? JSON.stringify(presentMember(relation, lang));
  byLanguage[lang] = json;
  return json;
}

export function presentRelation(relation: RelationRow, lang: Language): z.infer<typeof Relation> {
  return {
    id: relation.id,
    subject: relation.subject,
    subjectType: relation.subjectType,
    subjectName: relation.subjectNames[lang],
    object: relation.object,
    objectType: relation.objectType,
    objectName: relation.objectNames[lang],
    kind: relation.kind,
    framework: relation.framework,
    frameworkName: relation.frameworkNames?.[lang] ?? null,
    designation: relation.designation,
    ...datedFields(relation),
    note: relation.note,
    recordedBy: relation.recordedBy,
    sources: relation.sources,
  };
}

export function presentClaim(claim: ClaimRow): z.infer<typeof Claim> {
  const { source } = claim;
  return {
    id: claim.id,
    field: claim.field,
    asserted: claim.asserted,
    assertedPrecision: claim.assertedPrecision,
    quote: claim.quote,
    note: claim.note,
    locator: claim.locator,
    source: {
      id: source.id,
      title: source.title,
      publisher: source.publisher,
      published: source.published,
      publishedPrecision: source.publishedPrecision,
      url: source.url,
      archive: source.archive,
      perspective: source.perspective,
      citation: source.citation,
    },
  };
}

export function presentTimelineEvent(
  event: TimelineEventOf<RelationRow>,
  lang: Language,
): z.infer<typeof TimelineEvent> {
  return {
    date: event.date,
    precision: event.precision,
    change: event.change,
    relation: presentRelation(event.relation, lang),
  };
}

// Building a collator costs more than sorting a few dozen names with it: one per language.
const collators = new Map<Language, Intl.Collator>();

/** Sorts by the name people read, in their language's alphabetical order. */
export function byName<T>(lang: Language, name: (item: T) => string): (a: T, b: T) => number {
  let collator = collators.get(lang);
  if (!collator) {
    collator = new Intl.Collator(lang);
    collators.set(lang, collator);
  }
  return (a, b) => collator.compare(name(a), name(b));
}

/** An account as its owner and administrators see it: never its password hash. */
export function presentAccount(account: AccountRow): z.infer<typeof Account> {
  return {
    id: account.id,
    email: account.email,
    displayName: account.displayName,
    organization: account.organizationCode,
    role: account.role,
    delegation: account.delegationState ? { state: account.delegationState } : null,
  };
}
