/**
 * The search box's SQL (migration 0020): actors, frameworks, sources and proposals whose codes,
 * names (in all four languages) or titles contain the text asked, ignoring case and accents
 * (`search_fold`). Each kind is ranked the same way: an exact code first, then an exact name,
 * then a name or code that starts with the text, then one with a word that does, then any other
 * match; ties go to a match in the reader's language, then by the name in it. Who may see which proposals is decided by
 * the service (src/services/search.ts) and passed in as the bodies to look in.
 */
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Language, Names } from "../../domain/languages.ts";
import type { Database } from "../client.ts";
import { actorType, proposalStatus } from "../schema.ts";
import { namesValue } from "./registry.ts";

type Executor = Pick<Database, "execute">;

/** Exact code, exact name, prefix, a word's prefix, substring: what a row's `rank` counts. */
export type SearchRank = 0 | 1 | 2 | 3 | 4;

/** The text as a LIKE pattern's literal part: `%`, `_` and `\` stand for themselves. */
function literal(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/**
 * `search_fold(column)` ranked against the folded text: 1 equal, 2 starts with it, 3 has a word
 * that starts with it ("Equatorial Guinea", "Guinea-Bissau" for "bissau"), 4 contains it.
 */
function nameRank(column: SQL, text: string): SQL {
  const folded = sql`search_fold(${text})`;
  const prefix = sql`search_fold(${literal(text)}) || '%'`;
  return sql`CASE WHEN search_fold(${column}) = ${folded} THEN 1
    WHEN search_fold(${column}) LIKE ${prefix} THEN 2
    WHEN search_fold(${column}) LIKE '%' || ' ' || ${prefix} OR search_fold(${column}) LIKE '%' || '-' || ${prefix}
      OR search_fold(${column}) LIKE '%' || '(' || ${prefix} OR search_fold(${column}) LIKE '%' || '/' || ${prefix} THEN 3
    WHEN search_fold(${column}) LIKE '%' || search_fold(${literal(text)}) || '%' THEN 4 END`;
}

/** The best (lowest) of several ranks, null when none matches. */
function best(ranks: SQL[]): SQL {
  return sql`LEAST(${sql.join(ranks, sql`, `)})`;
}

const nameColumn: Record<Language, string> = { en: "name_en", es: "name_es", pt: "name_pt", fr: "name_fr" };

export type ActorHit = {
  code: string;
  type: (typeof actorType.enumValues)[number];
  names: Names;
  /** An organisation's short name in each language (NATO, OTAN; migration 0021); null for a state. */
  abbreviations: Names | null;
  rank: SearchRank;
};

const rank = z.number().int().min(0).max(4) as z.ZodType<SearchRank>;

const actorHit = z.object({
  code: z.string(),
  type: z.enum(actorType.enumValues),
  names: namesValue,
  abbreviations: namesValue.nullable(),
  rank,
}) satisfies z.ZodType<ActorHit>;

/**
 * States or organisations by code (Concord's, ISO 3166-1, Correlates of War), an organisation's
 * short name in any language (OTAN, OEA: as good as its code), or a name in any language.
 */
export async function searchActors(
  db: Executor,
  text: string,
  type: ActorHit["type"],
  lang: Language,
  limit: number,
): Promise<ActorHit[]> {
  const code = sql`(upper(a.code) = upper(${text}) OR upper(a.iso_alpha2) = upper(${text})
    OR a.iso_numeric = ${text} OR upper(a.cow_abbrev) = upper(${text})
    OR search_fold(${text}) IN (search_fold(a.abbreviation_en), search_fold(a.abbreviation_es),
                                search_fold(a.abbreviation_pt), search_fold(a.abbreviation_fr)))`;
  const ranked = best([
    sql`CASE WHEN ${code} THEN 0 END`,
    ...(["name_en", "name_es", "name_pt", "name_fr"] as const).map((column) => nameRank(sql.raw(`a.${column}`), text)),
    sql`CASE WHEN upper(a.code) LIKE upper(${literal(text)}) || '%' THEN 2 END`,
  ]);
  const result = await db.execute(sql`
    SELECT code, type, names, abbreviations, rank FROM (
      SELECT a.code, a.type,
             jsonb_build_object('en', a.name_en, 'es', a.name_es, 'pt', a.name_pt, 'fr', a.name_fr) AS names,
             CASE WHEN a.abbreviation_en IS NOT NULL THEN jsonb_build_object('en', a.abbreviation_en,
               'es', a.abbreviation_es, 'pt', a.abbreviation_pt, 'fr', a.abbreviation_fr) END AS abbreviations,
             ${ranked} AS rank, ${nameRank(sql.raw(`a.${nameColumn[lang]}`), text)} AS own_rank,
             ${sql.raw(`a.${nameColumn[lang]}`)} AS sort_name
      FROM actors a WHERE a.type = ${type}) hits
    WHERE rank IS NOT NULL
    ORDER BY rank, own_rank NULLS LAST, search_fold(sort_name), code
    LIMIT ${limit}`);
  return result.rows.map((row) => actorHit.parse(row));
}

export type FrameworkHit = {
  organization: string;
  organizationNames: Names;
  organizationAbbreviations: Names | null;
  slug: string;
  names: Names;
  rank: SearchRank;
};

const frameworkHit = z.object({
  organization: z.string(),
  organizationNames: namesValue,
  organizationAbbreviations: namesValue.nullable(),
  slug: z.string(),
  names: namesValue,
  rank,
}) satisfies z.ZodType<FrameworkHit>;

/** An organisation's frameworks (NATO's Partnership for Peace) by slug or name in any language. */
export async function searchFrameworks(
  db: Executor,
  text: string,
  lang: Language,
  limit: number,
): Promise<FrameworkHit[]> {
  const ranked = best([
    sql`CASE WHEN lower(f.slug) = lower(${text}) THEN 0 END`,
    ...(["name_en", "name_es", "name_pt", "name_fr"] as const).map((column) => nameRank(sql.raw(`f.${column}`), text)),
  ]);
  const result = await db.execute(sql`
    SELECT organization, "organizationNames", "organizationAbbreviations", slug, names, rank FROM (
      SELECT f.organization_code AS organization, f.slug,
             jsonb_build_object('en', a.name_en, 'es', a.name_es, 'pt', a.name_pt, 'fr', a.name_fr) AS "organizationNames",
             CASE WHEN a.abbreviation_en IS NOT NULL THEN jsonb_build_object('en', a.abbreviation_en,
               'es', a.abbreviation_es, 'pt', a.abbreviation_pt, 'fr', a.abbreviation_fr) END AS "organizationAbbreviations",
             jsonb_build_object('en', f.name_en, 'es', f.name_es, 'pt', f.name_pt, 'fr', f.name_fr) AS names,
             ${ranked} AS rank, ${nameRank(sql.raw(`f.${nameColumn[lang]}`), text)} AS own_rank,
             ${sql.raw(`f.${nameColumn[lang]}`)} AS sort_name
      FROM frameworks f JOIN actors a ON a.code = f.organization_code) hits
    WHERE rank IS NOT NULL
    ORDER BY rank, own_rank NULLS LAST, search_fold(sort_name), organization, slug
    LIMIT ${limit}`);
  return result.rows.map((row) => frameworkHit.parse(row));
}

export type SourceHit = {
  id: string;
  title: string;
  publisher: string;
  published: string | null;
  /** The first relation that cites it: its page is where the source is shown. */
  relationId: number;
  rank: SearchRank;
};

const sourceHit = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string(),
  published: z.string().nullable(),
  relationId: z.number(),
  rank,
}) satisfies z.ZodType<SourceHit>;

/** Sources by id, title, publisher or citation; only those cited (a relation's page is where a source is seen). */
export async function searchSources(db: Executor, text: string, limit: number): Promise<SourceHit[]> {
  const contains = sql`'%' || search_fold(${literal(text)}) || '%'`;
  const ranked = best([
    sql`CASE WHEN lower(s.id) = lower(${text}) THEN 0 END`,
    nameRank(sql`s.title`, text),
    nameRank(sql`s.publisher`, text),
    sql`CASE WHEN search_fold(s.citation) LIKE ${contains} THEN 3 END`,
  ]);
  const result = await db.execute(sql`
    SELECT id, title, publisher, published, "relationId", rank FROM (
      SELECT s.id, s.title, s.publisher, s.published::text AS published,
             (SELECT min(c.relation_id)::int FROM claims c WHERE c.source_id = s.id) AS "relationId",
             ${ranked} AS rank
      FROM sources s
      WHERE search_fold(s.title) LIKE ${contains} OR search_fold(s.publisher) LIKE ${contains}
         OR search_fold(s.citation) LIKE ${contains} OR lower(s.id) = lower(${text})) hits
    WHERE rank IS NOT NULL AND "relationId" IS NOT NULL
    ORDER BY rank, search_fold(title), id
    LIMIT ${limit}`);
  return result.rows.map((row) => sourceHit.parse(row));
}

export type ProposalHit = {
  id: number;
  bodyId: string;
  title: string;
  status: (typeof proposalStatus.enumValues)[number];
  concernsState: string | null;
  rank: SearchRank;
};

const proposalHit = z.object({
  id: z.number(),
  bodyId: z.string(),
  title: z.string(),
  status: z.enum(proposalStatus.enumValues),
  concernsState: z.string().nullable(),
  rank,
}) satisfies z.ZodType<ProposalHit>;

/**
 * Proposals by number or title, only among those the reader may see: every proposal of
 * `bodyIds`, and those of `alsoConcerning.bodyIds` that concern `alsoConcerning.state`
 * (what `decisionPolicy.readableIn` gives). With nothing readable, nothing is asked.
 */
export async function searchProposals(
  db: Executor,
  text: string,
  readable: { bodyIds: string[]; alsoConcerning?: { state: string; bodyIds: string[] } },
  limit: number,
): Promise<ProposalHit[]> {
  if (readable.bodyIds.length === 0 && (readable.alsoConcerning?.bodyIds.length ?? 0) === 0) return [];
  const concerning = readable.alsoConcerning
    ? sql`OR (p.concerns_state = ${readable.alsoConcerning.state} AND p.body_id = ANY (${sql.param(readable.alsoConcerning.bodyIds)}::text[]))`
    : sql``;
  const number = /^#?\d{1,15}$/.test(text) ? Number(text.replace("#", "")) : null;
  const contains = sql`'%' || search_fold(${literal(text)}) || '%'`;
  const ranked = best([sql`CASE WHEN p.id = ${number}::bigint THEN 0 END`, nameRank(sql`p.title`, text)]);
  const result = await db.execute(sql`
    SELECT id, "bodyId", title, status, "concernsState", rank FROM (
      SELECT p.id::int AS id, p.body_id AS "bodyId", p.title, p.status, p.concerns_state AS "concernsState",
             ${ranked} AS rank
      FROM proposals p
      WHERE (p.body_id = ANY (${sql.param(readable.bodyIds)}::text[]) ${concerning})
        AND (search_fold(p.title) LIKE ${contains} OR p.id = ${number}::bigint)) hits
    WHERE rank IS NOT NULL
    ORDER BY rank, id DESC
    LIMIT ${limit}`);
  return result.rows.map((row) => proposalHit.parse(row));
}
