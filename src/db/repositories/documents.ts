/**
 * Labelled documents (migration 0032): security policies as loaded, documents and their
 * versions with their labels and bindings, personnel clearances, and what the registry says of
 * a reader's nation on the day of reading. SQL and nothing else.
 *
 * `readableBy` is the access rule of src/domain/labels/access.ts written in SQL, over the
 * columns that hold the label in force: clearance dominates classification (none needed at a
 * policy's rank 0), every restrictive value held, the reader inside some value of every
 * permissive category. Lists, counts and searches apply it in the query, so nothing a reader
 * may not see is ever read out of the database for them; test/documents/rule-agreement.test.ts
 * holds it to the pure function.
 */
import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database, Transaction } from "../client.ts";
import { documents, documentVersions, personnelClearances, securityPolicies } from "../schema.ts";

type Executor = Pick<Database, "execute" | "select" | "insert" | "update" | "delete">;

export type PolicyRow = typeof securityPolicies.$inferSelect;
export type DocumentRow = typeof documents.$inferSelect;
export type VersionRow = typeof documentVersions.$inferSelect;
export type ClearanceRow = typeof personnelClearances.$inferSelect;

/** A version without its content and search vector: what lists and pages show. */
export type VersionSummary = Omit<VersionRow, "content" | "search"> & { size: number };

/** What the access rule needs of a reader, as the service computed it for the day of reading. */
export type ReaderAttributes = {
  organization: string;
  /** policy id → highest rank held. */
  clearances: Record<string, number>;
  /** Restrictive values held, each as "<policy id> <value>". */
  heldKeys: string[];
  /** The permissive values the reader is inside (nation, groups). */
  within: string[];
};

/** The restrictive-value key stored in `document_versions.restrictive` and passed for a reader. */
export function restrictiveKey(policyId: string, value: string): string {
  return `${policyId} ${value}`;
}

// ------------------------------------------------------------------------------ policies

export async function latestPolicies(db: Pick<Database, "execute">): Promise<PolicyRow[]> {
  const result = await db.execute(sql`
    SELECT DISTINCT ON (id) id, version, name, organization_code AS "organizationCode", definition, digest, loaded_at AS "loadedAt"
    FROM security_policies ORDER BY id, version DESC`);
  return z.array(policyRow).parse(result.rows);
}

export async function insertPolicy(tx: Transaction, policy: typeof securityPolicies.$inferInsert): Promise<void> {
  await tx.insert(securityPolicies).values(policy);
}

const policyRow = z.object({
  id: z.string(),
  version: z.number().int(),
  name: z.string(),
  organizationCode: z.string().nullable(),
  definition: z.record(z.string(), z.unknown()),
  digest: z.string(),
  loadedAt: z.string(),
});

// ------------------------------------------------------------------------------ the reader

/** The reader's nation's relations on `day`: towards which organisation, how, under which framework. */
export async function standingsOn(
  db: Pick<Database, "execute">,
  nation: string,
  day: string,
): Promise<{ organization: string; kind: string; framework: string | null }[]> {
  const result = await db.execute(sql`
    SELECT r.object_code AS organization, r.kind::text AS kind, f.slug AS framework
    FROM relations r LEFT JOIN frameworks f ON f.id = r.framework_id
    WHERE r.subject_code = ${nation} AND r.valid @> ${day}::date
    ORDER BY r.object_code, r.kind, f.slug`);
  return z
    .array(z.object({ organization: z.string(), kind: z.string(), framework: z.string().nullable() }))
    .parse(result.rows);
}

/** An account's clearances in force on `day` (expiring at the end of their last day). */
export async function clearancesInForce(db: Executor, accountId: string, day: string): Promise<ClearanceRow[]> {
  return db
    .select()
    .from(personnelClearances)
    .where(and(eq(personnelClearances.accountId, accountId), sql`${personnelClearances.expiresOn} >= ${day}::date`))
    .orderBy(asc(personnelClearances.policyId));
}

// ------------------------------------------------------------------------------ clearances

export type ClearanceListing = ClearanceRow & { email: string; displayName: string };

/** Every clearance held by an organisation's accounts, expired ones included. */
export async function clearancesOfOrganization(db: Pick<Database, "execute">, organization: string) {
  const result = await db.execute(sql`
    SELECT c.account_id AS "accountId", c.policy_id AS "policyId", c.classification,
           c.classification_rank AS "classificationRank", c.authorisations, c.expires_on::text AS "expiresOn",
           c.granted_by AS "grantedBy", c.granted_at::text AS "grantedAt", a.email, a.display_name AS "displayName"
    FROM personnel_clearances c JOIN accounts a ON a.id = c.account_id
    WHERE a.organization_code = ${organization}
    ORDER BY a.display_name, a.email, c.policy_id`);
  return z.array(clearanceListing).parse(result.rows);
}

const clearanceListing = z.object({
  accountId: z.string(),
  policyId: z.string(),
  classification: z.string(),
  classificationRank: z.number().int(),
  authorisations: z.array(z.string()),
  expiresOn: z.string(),
  grantedBy: z.string(),
  grantedAt: z.string(),
  email: z.string(),
  displayName: z.string(),
});

export async function findClearance(db: Executor, accountId: string, policyId: string) {
  const [row] = await db
    .select()
    .from(personnelClearances)
    .where(and(eq(personnelClearances.accountId, accountId), eq(personnelClearances.policyId, policyId)));
  return row;
}

export async function upsertClearance(tx: Transaction, clearance: typeof personnelClearances.$inferInsert) {
  await tx
    .insert(personnelClearances)
    .values(clearance)
    .onConflictDoUpdate({
      target: [personnelClearances.accountId, personnelClearances.policyId],
      set: {
        classification: clearance.classification,
        classificationRank: clearance.classificationRank,
        authorisations: clearance.authorisations,
        expiresOn: clearance.expiresOn,
        grantedBy: clearance.grantedBy,
        grantedAt: sql`clock_timestamp()`,
      },
    });
}

export async function deleteClearance(tx: Transaction, accountId: string, policyId: string): Promise<boolean> {
  const deleted = await tx
    .delete(personnelClearances)
    .where(and(eq(personnelClearances.accountId, accountId), eq(personnelClearances.policyId, policyId)))
    .returning({ accountId: personnelClearances.accountId });
  return deleted.length > 0;
}

// ------------------------------------------------------------------------------ documents

/** The organisation whose proposal, programme or exchange return this is; undefined if there is none. */
export async function subjectOrganization(
  db: Pick<Database, "execute">,
  kind: "proposal" | "programme" | "exchange-return",
  id: string,
): Promise<string | undefined> {
  if (!/^[1-9][0-9]{0,15}$/.test(id)) return undefined;
  const query =
    kind === "proposal"
      ? sql`SELECT b.organization_code AS organization FROM proposals p JOIN bodies b ON b.id = p.body_id WHERE p.id = ${id}::bigint`
      : kind === "programme"
        ? sql`SELECT organization_code AS organization FROM programmes WHERE id = ${id}::bigint`
        : sql`SELECT g.organization_code AS organization FROM exchange_returns r JOIN exchange_regimes g ON g.code = r.regime_code WHERE r.id = ${id}::bigint`;
  const [row] = z.array(z.object({ organization: z.string().nullable() })).parse((await db.execute(query)).rows);
  return row?.organization ?? undefined;
}

export async function insertDocument(tx: Transaction, row: typeof documents.$inferInsert): Promise<DocumentRow> {
  const [inserted] = await tx.insert(documents).values(row).returning();
  if (!inserted) throw new Error("An INSERT … RETURNING returned no row."); // cannot happen
  return inserted;
}

export type NewVersion = Omit<typeof documentVersions.$inferInsert, "search"> & {
  /** The text of a plain-text file, searched with the titles and descriptions. */
  bodyText: string | null;
};

/** Adds a version and makes it the document's current one. */
export async function insertVersion(tx: Transaction, version: NewVersion): Promise<void> {
  const { bodyText, ...row } = version;
  await tx.insert(documentVersions).values({
    ...row,
    search: sql`document_search_vector(${row.titleEn ?? null}, ${row.titleEs ?? null}, ${row.titlePt ?? null}, ${row.titleFr ?? null},
      ${row.descriptionEn ?? null}, ${row.descriptionEs ?? null}, ${row.descriptionPt ?? null}, ${row.descriptionFr ?? null}, ${bodyText})`,
  });
  await tx
    .update(documents)
    .set({ currentVersion: row.version, updatedAt: sql`clock_timestamp()` })
    .where(eq(documents.id, row.documentId));
}

export async function findDocument(db: Executor, id: number): Promise<DocumentRow | undefined> {
  const [row] = await db.select().from(documents).where(eq(documents.id, id));
  return row;
}

/** The document's row locked for a new version. */
export async function lockDocument(tx: Transaction, id: number): Promise<DocumentRow | undefined> {
  const [row] = await tx.select().from(documents).where(eq(documents.id, id)).for("update");
  return row;
}

const summaryColumns = {
  documentId: documentVersions.documentId,
  version: documentVersions.version,
  titleEn: documentVersions.titleEn,
  titleEs: documentVersions.titleEs,
  titlePt: documentVersions.titlePt,
  titleFr: documentVersions.titleFr,
  descriptionEn: documentVersions.descriptionEn,
  descriptionEs: documentVersions.descriptionEs,
  descriptionPt: documentVersions.descriptionPt,
  descriptionFr: documentVersions.descriptionFr,
  fileName: documentVersions.fileName,
  mediaType: documentVersions.mediaType,
  sha384: documentVersions.sha384,
  label: documentVersions.label,
  labelXml: documentVersions.labelXml,
  bindingXml: documentVersions.bindingXml,
  labelInForce: documentVersions.labelInForce,
  policyId: documentVersions.policyId,
  classificationRank: documentVersions.classificationRank,
  permissive: documentVersions.permissive,
  restrictive: documentVersions.restrictive,
  createdBy: documentVersions.createdBy,
  createdByName: documentVersions.createdByName,
  createdAt: documentVersions.createdAt,
  size: sql<number>`octet_length(${documentVersions.content})::int`.as("size"),
};

/** Every version of a document, newest first, without their content. */
export async function versionsOf(db: Executor, documentId: number): Promise<VersionSummary[]> {
  return db
    .select(summaryColumns)
    .from(documentVersions)
    .where(eq(documentVersions.documentId, documentId))
    .orderBy(desc(documentVersions.version));
}

export async function findContent(
  db: Executor,
  documentId: number,
  version: number,
): Promise<{ content: Buffer; fileName: string; mediaType: string } | undefined> {
  const [row] = await db
    .select({
      content: documentVersions.content,
      fileName: documentVersions.fileName,
      mediaType: documentVersions.mediaType,
    })
    .from(documentVersions)
    .where(and(eq(documentVersions.documentId, documentId), eq(documentVersions.version, version)));
  return row;
}

/**
 * The access rule in SQL over the version aliased `v` (see the file's comment). The permissive
 * part is written for the planner (migration 0033, bench/documents.ts): the first category's
 * test is a condition of its own, which the indexes on `permissive -> 0` and on labels without
 * permissive categories answer, so a reader who may see little of a library is not walked
 * through all of it newest first; the second category is tested inline; only a label with three
 * or more reads its categories as a set.
 */
export function readableBy(reader: ReaderAttributes): SQL {
  const within = () => sql`${sql.param(reader.within)}::text[]`;
  return sql`(v.classification_rank = 0
      OR v.classification_rank <= coalesce((${JSON.stringify(reader.clearances)}::jsonb ->> v.policy_id)::int, -1))
    AND v.restrictive <@ ${sql.param(reader.heldKeys)}::text[]
    AND (jsonb_array_length(v.permissive) = 0 OR v.permissive -> 0 ?| ${within()})
    AND CASE jsonb_array_length(v.permissive)
          WHEN 0 THEN true
          WHEN 1 THEN true
          WHEN 2 THEN v.permissive -> 1 ?| ${within()}
          ELSE NOT EXISTS (SELECT 1 FROM jsonb_array_elements(v.permissive) AS p(vals)
                           WHERE NOT (p.vals ?| ${within()}))
        END`;
}

export type LibraryFilter = {
  /** Words to search for in the titles, descriptions and plain text, in any of the four languages. */
  query?: string;
  policy?: string;
  /** Only versions at this rank or lower. */
  maxRank?: number;
  /** Only versions whose label carries this category value (e.g. "COL", "ATOMAL"). */
  categoryValue?: string;
  subject?: { kind: string; id: string };
  /** Keyset: documents updated before this (updated_at, id). */
  before?: { updatedAt: string; id: number };
  limit: number;
};

export type LibraryEntry = VersionSummary & {
  organizationCode: string;
  originatorCode: string;
  subjectKind: string | null;
  subjectId: string | null;
  updatedAt: string;
  currentVersion: number;
};

const libraryEntry = z.object({
  documentId: z.coerce.number().int(),
  version: z.number().int(),
  titleEn: z.string().nullable(),
  titleEs: z.string().nullable(),
  titlePt: z.string().nullable(),
  titleFr: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  descriptionEs: z.string().nullable(),
  descriptionPt: z.string().nullable(),
  descriptionFr: z.string().nullable(),
  fileName: z.string(),
  mediaType: z.string(),
  sha384: z.instanceof(Buffer),
  label: z.record(z.string(), z.unknown()),
  labelXml: z.string(),
  bindingXml: z.string(),
  labelInForce: z.record(z.string(), z.unknown()),
  policyId: z.string(),
  classificationRank: z.number().int(),
  permissive: z.array(z.array(z.string())),
  restrictive: z.array(z.string()),
  createdBy: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  size: z.number().int(),
  organizationCode: z.string(),
  originatorCode: z.string(),
  subjectKind: z.string().nullable(),
  subjectId: z.string().nullable(),
  updatedAt: z.string(),
  currentVersion: z.number().int(),
});

/**
 * A page of an organisation's library as `reader` may see it (the current version of each
 * document), newest change first; `reader` null: without the access rule (the benchmark's
 * baseline and Concord's own tools).
 */
export async function listLibrary(
  db: Pick<Database, "execute">,
  organization: string,
  reader: ReaderAttributes | null,
  filter: LibraryFilter,
): Promise<LibraryEntry[]> {
  const conditions: SQL[] = [sql`d.organization_code = ${organization}`];
  if (reader) conditions.push(readableBy(reader));
  if (filter.query) conditions.push(sql`v.search @@ document_search_query(${filter.query})`);
  if (filter.policy) conditions.push(sql`v.policy_id = ${filter.policy}`);
  if (filter.maxRank !== undefined) conditions.push(sql`v.classification_rank <= ${filter.maxRank}`);
  if (filter.categoryValue)
    conditions.push(
      sql`(v.permissive @> ${JSON.stringify([[filter.categoryValue]])}::jsonb
           OR ${filter.categoryValue} = ANY (SELECT split_part(k, ' ', 2) FROM unnest(v.restrictive) k)
           OR EXISTS (SELECT 1 FROM jsonb_array_elements(v.label_in_force -> 'categories') c
                      WHERE c -> 'values' ? ${filter.categoryValue}))`,
    );
  if (filter.subject)
    conditions.push(sql`d.subject_kind = ${filter.subject.kind} AND d.subject_id = ${filter.subject.id}`);
  if (filter.before)
    conditions.push(sql`(d.updated_at, d.id) < (${filter.before.updatedAt}::timestamptz, ${filter.before.id})`);
  const result = await db.execute(sql`
    SELECT v.document_id AS "documentId", v.version, v.title_en AS "titleEn", v.title_es AS "titleEs",
           v.title_pt AS "titlePt", v.title_fr AS "titleFr", v.description_en AS "descriptionEn",
           v.description_es AS "descriptionEs", v.description_pt AS "descriptionPt", v.description_fr AS "descriptionFr",
           v.file_name AS "fileName", v.media_type AS "mediaType", v.sha384, v.label, v.label_xml AS "labelXml",
           v.binding_xml AS "bindingXml", v.label_in_force AS "labelInForce", v.policy_id AS "policyId",
           v.classification_rank::int AS "classificationRank", v.permissive, v.restrictive,
           v.created_by::text AS "createdBy", v.created_by_name AS "createdByName", v.created_at::text AS "createdAt",
           octet_length(v.content)::int AS size,
           d.organization_code AS "organizationCode", d.originator_code AS "originatorCode",
           d.subject_kind AS "subjectKind", d.subject_id AS "subjectId", d.updated_at::text AS "updatedAt",
           d.current_version AS "currentVersion"
    FROM documents d JOIN document_versions v ON v.document_id = d.id AND v.version = d.current_version
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY d.updated_at DESC, d.id DESC
    LIMIT ${filter.limit}`);
  return z.array(libraryEntry).parse(result.rows);
}

/** How many of an organisation's documents `reader` may see (the same rule; the library's count). */
export async function countLibrary(
  db: Pick<Database, "execute">,
  organization: string,
  reader: ReaderAttributes | null,
): Promise<number> {
  const result = await db.execute(sql`
    SELECT count(*)::int AS n
    FROM documents d JOIN document_versions v ON v.document_id = d.id AND v.version = d.current_version
    WHERE d.organization_code = ${organization} ${reader ? sql`AND ${readableBy(reader)}` : sql``}`);
  return z.object({ n: z.number().int() }).parse(result.rows[0]).n;
}

// ------------------------------------------------------------------------------ downgrading

/** Sets the label in force of a version (the job `documents.downgrade`, on a succession's day). */
export async function setLabelInForce(
  tx: Transaction,
  documentId: number,
  version: number,
  inForce: Pick<VersionRow, "labelInForce" | "policyId" | "classificationRank" | "permissive" | "restrictive">,
): Promise<void> {
  await tx
    .update(documentVersions)
    .set(inForce)
    .where(and(eq(documentVersions.documentId, documentId), eq(documentVersions.version, version)));
}

/** Versions whose stored label has a succession: the job re-derives their label in force. */
export async function versionsWithSuccession(db: Pick<Database, "execute">) {
  const result = await db.execute(sql`
    SELECT document_id AS "documentId", version, label, label_in_force AS "labelInForce"
    FROM document_versions WHERE jsonb_array_length(label -> 'succession') > 0`);
  return z
    .array(
      z.object({
        documentId: z.coerce.number().int(),
        version: z.number().int(),
        label: z.record(z.string(), z.unknown()),
        labelInForce: z.record(z.string(), z.unknown()),
      }),
    )
    .parse(result.rows);
}
