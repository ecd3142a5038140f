/**
 * Drizzle's view of the tables that `migrations/*.sql` creates. The SQL files are the truth
 * (exclusion constraints and ranges live there); `schema.test.ts` checks that this file
 * names the same columns.
 */
import { sql } from "drizzle-orm";
import {
  bigserial,
  bigint,
  char,
  customType,
  date,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

/** A PostgreSQL `daterange`, kept as its text form: `[2004-03-29,)`. */
export const daterange = customType<{ data: string; driverData: string }>({
  dataType: () => "daterange",
});

export const actorType = pgEnum("actor_type", ["state", "organization"]);
export const datePrecision = pgEnum("date_precision", ["day", "month", "year"]);
export const relationKind = pgEnum("relation_kind", [
  "member",
  "partner",
  "associate",
  "observer",
  "applicant",
  "suspended",
  "designation",
]);
export const certainty = pgEnum("certainty", ["confirmed", "uncertain", "disputed"]);
export const claimField = pgEnum("claim_field", ["relation", "since", "until"]);

export const actors = pgTable("actors", {
  code: text("code").primaryKey(),
  type: actorType("type").notNull(),
  isoAlpha2: char("iso_alpha2", { length: 2 }),
  isoNumeric: char("iso_numeric", { length: 3 }),
  cowCode: integer("cow_code"),
  cowAbbrev: text("cow_abbrev"),
  nameEn: text("name_en").notNull(),
  nameEs: text("name_es").notNull(),
  namePt: text("name_pt").notNull(),
  nameFr: text("name_fr").notNull(),
  note: text("note"),
});

export const sources = pgTable("sources", {
  id: text("id").primaryKey(),
  title: text("title").notNull(),
  publisher: text("publisher").notNull(),
  published: date("published", { mode: "string" }),
  publishedPrecision: datePrecision("published_precision"),
  url: text("url"),
  perspective: text("perspective"),
  file: text("file"),
  citation: text("citation"),
});

export const actorPeriods = pgTable("actor_periods", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  actorCode: text("actor_code").notNull(),
  valid: daterange("valid").notNull(),
  sincePrecision: datePrecision("since_precision").notNull(),
  untilPrecision: datePrecision("until_precision"),
  sourceId: text("source_id").notNull(),
  cowCode: integer("cow_code"),
});

export const frameworks = pgTable("frameworks", {
  id: serial("id").primaryKey(),
  organizationCode: text("organization_code").notNull(),
  slug: text("slug").notNull(),
  nameEn: text("name_en").notNull(),
  nameEs: text("name_es").notNull(),
  namePt: text("name_pt").notNull(),
  nameFr: text("name_fr").notNull(),
  since: date("since", { mode: "string" }),
  sincePrecision: datePrecision("since_precision"),
  note: text("note"),
});

export const relations = pgTable("relations", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  subjectCode: text("subject_code").notNull(),
  objectCode: text("object_code").notNull(),
  kind: relationKind("kind").notNull(),
  frameworkId: integer("framework_id"),
  designation: text("designation"),
  valid: daterange("valid").notNull(),
  sincePrecision: datePrecision("since_precision").notNull(),
  untilPrecision: datePrecision("until_precision"),
  certainty: certainty("certainty").notNull().default(sql`'confirmed'`),
  note: text("note"),
  recordedBy: text("recorded_by"),
});

export const claims = pgTable("claims", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  relationId: bigint("relation_id", { mode: "number" }).notNull(),
  sourceId: text("source_id").notNull(),
  field: claimField("field").notNull().default("relation"),
  asserted: date("asserted", { mode: "string" }),
  assertedPrecision: datePrecision("asserted_precision"),
  quote: text("quote"),
  note: text("note"),
});

export const imports = pgTable("imports", {
  name: text("name").primaryKey(),
  checksum: text("checksum").notNull(),
  appliedAt: timestamp("applied_at", { withTimezone: true }).notNull().defaultNow(),
  summary: jsonb("summary").notNull(),
});
