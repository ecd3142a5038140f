/**
 * Drizzle's view of every table that `migrations/*.sql` creates, so that repositories read rows
 * typed by it. The SQL files are the truth for DDL (checks, foreign keys, exclusion constraints,
 * ranges, triggers and indexes live there, and only there); `schema.test.ts` checks that this
 * file names the same tables and columns, with the same types, nullability, defaults, primary
 * keys and enumerated values, as the migrated database.
 *
 * Conventions, chosen to match what raw SQL through Drizzle's `execute` already gave:
 * - `bigint` and `bigserial` columns are JavaScript numbers (ids stay far below 2^53);
 * - `timestamptz` columns are PostgreSQL's text (`2024-03-29 10:00:00.123+00`), not Dates;
 * - `date` columns are calendar days as `YYYY-MM-DD` text;
 * - ranges are kept as their text form (`[2004-03-29,)`).
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  char,
  customType,
  date,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { ROLES } from "../domain/accounts.ts";
import {
  ACTIVITY_TYPES,
  COOPERATION_AREAS,
  type Eligibility,
  EVENT_STATUSES,
  MEASURES,
  NOMINATION_STATUSES,
  UPDATE_STATUSES,
  VERSION_STATUSES,
} from "../domain/cooperation.ts";
import { PRECISIONS } from "../domain/dates.ts";
import {
  CASE_STAGES,
  CASE_STATUSES,
  DIALOGUE_KINDS,
  DISPUTE_CLAIM_FIELDS,
  REVISION_TYPES,
  SIDES,
} from "../domain/disputes.ts";
import { EXCHANGE_RETURN_STATUSES } from "../domain/exchanges.ts";
import {
  DELEGATION_NOTICE_KINDS,
  type Effect,
  NOTICE_KINDS,
  PROPOSAL_PURPOSES,
  PROPOSAL_STATUSES,
} from "../domain/decisions.ts";
import { POSITION_KINDS, type Procedure } from "../domain/procedures.ts";
import { ACTOR_TYPES, CERTAINTIES, CLAIM_FIELDS, RELATION_KINDS } from "../domain/registry.ts";

/** A PostgreSQL `daterange`, kept as its text form: `[2004-03-29,)`. */
export const daterange = customType<{ data: string; driverData: string }>({
  dataType: () => "daterange",
});

/** A PostgreSQL `bytea`: a Buffer both ways (node-postgres's own mapping). */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => "bytea",
});

/** A PostgreSQL `tsvector`, written by SQL expressions and never read back as a value. */
export const tsvector = customType<{ data: string; driverData: string }>({
  dataType: () => "tsvector",
});

/** A `timestamptz` as PostgreSQL's text for it, the form Concord's rows have always carried. */
const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: "string" });

/** One extension of a round's deadline (proposal_rounds.extensions), oldest first. */
export type RoundExtension = { from: string; to: string; at: string; by: string };

// -------------------------------------------------------------------------------------------
// Enumerations: the database's types, with the domain's vocabulary as their values.

export const actorType = pgEnum("actor_type", ACTOR_TYPES);
export const datePrecision = pgEnum("date_precision", PRECISIONS);
export const relationKind = pgEnum("relation_kind", RELATION_KINDS);
export const certainty = pgEnum("certainty", CERTAINTIES);
export const claimField = pgEnum("claim_field", CLAIM_FIELDS);
export const accountRole = pgEnum("account_role", ROLES);
export const proposalStatus = pgEnum("proposal_status", PROPOSAL_STATUSES);
export const positionKind = pgEnum("position_kind", POSITION_KINDS);
export const proposalPurpose = pgEnum("proposal_purpose", PROPOSAL_PURPOSES);

// -------------------------------------------------------------------------------------------
// The registry (0001, 0013, 0021)

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
  /** An organisation's short name in each language, NATO/OTAN (0021); null for a state. */
  abbreviationEn: text("abbreviation_en"),
  abbreviationEs: text("abbreviation_es"),
  abbreviationPt: text("abbreviation_pt"),
  abbreviationFr: text("abbreviation_fr"),
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
  /** An archive reference (0018): a shelf mark, a treaty series volume, a web archive address. */
  archive: text("archive"),
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
  certainty: certainty("certainty").notNull().default("confirmed"),
  note: text("note"),
  /** The organisation whose process recorded it; null for Concord's own data (0013). */
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
  /** Where in the source: a page, a paragraph, an article (0018). */
  locator: text("locator"),
});

export const imports = pgTable("imports", {
  name: text("name").primaryKey(),
  checksum: text("checksum").notNull(),
  appliedAt: timestamp("applied_at", { withTimezone: true }).notNull().defaultNow(),
  summary: jsonb("summary").notNull().default({}),
});

// -------------------------------------------------------------------------------------------
// The audit log (0003, 0014)

export const auditChainHead = pgTable("audit_chain_head", {
  singleton: boolean("singleton").primaryKey().default(true),
  lastId: bigint("last_id", { mode: "number" }).notNull(),
  lastHash: text("last_hash").notNull(),
});

export const auditLog = pgTable("audit_log", {
  id: bigint("id", { mode: "number" }).primaryKey(),
  at: timestamptz("at").notNull(),
  actor: text("actor").notNull(),
  onBehalfOf: text("on_behalf_of"),
  action: text("action").notNull(),
  objectType: text("object_type").notNull(),
  objectId: text("object_id"),
  before: jsonb("before"),
  after: jsonb("after"),
  details: jsonb("details"),
  previousHash: text("previous_hash").notNull(),
  hash: text("hash").notNull(),
  organization: text("organization"),
});

export const auditHeads = pgTable("audit_heads", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  entryId: bigint("entry_id", { mode: "number" }).notNull(),
  hash: text("hash").notNull(),
  signedAt: text("signed_at").notNull(),
  signature: text("signature").notNull(),
  publicKey: text("public_key").notNull(),
  keyFingerprint: text("key_fingerprint").notNull(),
});

// -------------------------------------------------------------------------------------------
// Accounts, sessions, tokens, sign-in limits, idempotency (0004–0006)

export const delegations = pgTable("delegations", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  organizationCode: text("organization_code").notNull(),
  stateCode: text("state_code").notNull(),
  createdAt: timestamptz("created_at").notNull().defaultNow(),
});

export const accounts = pgTable("accounts", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull(),
  displayName: text("display_name").notNull(),
  organizationCode: text("organization_code").notNull(),
  role: accountRole("role").notNull(),
  delegationId: bigint("delegation_id", { mode: "number" }),
  passwordHash: text("password_hash"),
  /** Set by an administrator: to be replaced by its owner at the next sign-in (migration 0019). */
  passwordTemporary: boolean("password_temporary").notNull().default(false),
  oidcIdentity: text("oidc_identity").unique(),
  disabledAt: timestamptz("disabled_at"),
  createdAt: timestamptz("created_at").notNull().defaultNow(),
  updatedAt: timestamptz("updated_at").notNull().defaultNow(),
});

export const sessions = pgTable("sessions", {
  tokenHash: bytea("token_hash").primaryKey(),
  accountId: uuid("account_id").notNull(),
  csrfToken: text("csrf_token").notNull(),
  createdAt: timestamptz("created_at").notNull().defaultNow(),
  lastSeenAt: timestamptz("last_seen_at").notNull().defaultNow(),
  expiresAt: timestamptz("expires_at").notNull(),
});

export const apiTokens = pgTable("api_tokens", {
  id: uuid("id").primaryKey().defaultRandom(),
  accountId: uuid("account_id").notNull(),
  name: text("name").notNull(),
  tokenHash: bytea("token_hash").notNull().unique(),
  scopes: text("scopes").array().notNull(),
  createdAt: timestamptz("created_at").notNull().defaultNow(),
  expiresAt: timestamptz("expires_at").notNull(),
  revokedAt: timestamptz("revoked_at"),
  lastUsedAt: timestamptz("last_used_at"),
});

export const signInFailures = pgTable(
  "sign_in_failures",
  {
    key: text("key").notNull(),
    windowStart: timestamptz("window_start").notNull(),
    failures: integer("failures").notNull(),
  },
  (table) => [primaryKey({ columns: [table.key, table.windowStart] })],
);

export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    principal: text("principal").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    status: integer("status").notNull(),
    response: jsonb("response"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.principal, table.key] })],
);

// -------------------------------------------------------------------------------------------
// Jobs and webhooks (0007, 0009, 0010)

export const jobs = pgTable("jobs", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  kind: text("kind").notNull(),
  payload: jsonb("payload").notNull().default({}),
  runAt: timestamptz("run_at").notNull(),
  uniqueKey: text("unique_key").unique(),
  attempts: integer("attempts").notNull().default(0),
  lastError: text("last_error"),
  failedAt: timestamptz("failed_at"),
  createdAt: timestamptz("created_at").notNull().default(sql`clock_timestamp()`),
  /** What the job is about (e.g. 'proposal:17', 'notice:3'), so it can be removed by it (0009). */
  subject: text("subject"),
});

export const webhooks = pgTable("webhooks", {
  id: uuid("id").primaryKey().defaultRandom(),
  organizationCode: text("organization_code").notNull(),
  url: text("url").notNull(),
  secret: text("secret").notNull(),
  events: text("events").array().notNull(),
  createdBy: text("created_by").notNull(),
  createdAt: timestamptz("created_at").notNull().defaultNow(),
  disabledAt: timestamptz("disabled_at"),
});

export const webhookDeliveries = pgTable("webhook_deliveries", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  webhookId: uuid("webhook_id").notNull(),
  event: jsonb("event").notNull(),
  attempts: integer("attempts").notNull().default(0),
  lastStatus: integer("last_status"),
  lastError: text("last_error"),
  deliveredAt: timestamptz("delivered_at"),
  createdAt: timestamptz("created_at").notNull().default(sql`clock_timestamp()`),
  nextAttemptAt: timestamptz("next_attempt_at").notNull().default(sql`clock_timestamp()`),
  leasedUntil: timestamptz("leased_until"),
  leasedBy: text("leased_by"),
  gaveUpAt: timestamptz("gave_up_at"),
});

// -------------------------------------------------------------------------------------------
// Decisions (0008, 0009, 0011, 0012)

export const bodies = pgTable("bodies", {
  id: text("id").primaryKey(),
  actorCode: text("actor_code").notNull(),
  nameEn: text("name_en").notNull(),
  nameEs: text("name_es").notNull(),
  namePt: text("name_pt").notNull(),
  nameFr: text("name_fr").notNull(),
  chair: text("chair").notNull(),
  defaultProcedure: jsonb("default_procedure").$type<Procedure>().notNull(),
  note: text("note"),
  /** The organisation whose part of Concord the body belongs to (0012). */
  organizationCode: text("organization_code").notNull(),
});

export const organizationRules = pgTable("organization_rules", {
  organizationCode: text("organization_code").primaryKey(),
  requestBodyId: text("request_body_id"),
  withdrawalNoticeMonths: integer("withdrawal_notice_months").notNull().default(0),
  suspensionNoticeMonths: integer("suspension_notice_months").notNull().default(0),
  sourceId: text("source_id"),
  note: text("note"),
});

export const proposals = pgTable("proposals", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  bodyId: text("body_id").notNull(),
  title: text("title").notNull(),
  procedure: jsonb("procedure").$type<Procedure>().notNull(),
  chair: text("chair").notNull(),
  purpose: proposalPurpose("purpose").notNull().default("general"),
  effect: jsonb("effect").$type<Effect>(),
  concernsState: text("concerns_state"),
  openedAt: timestamptz("opened_at").notNull().default(sql`clock_timestamp()`),
  openedBy: text("opened_by").notNull(),
  status: proposalStatus("status").notNull().default("open"),
  decidedAt: timestamptz("decided_at"),
  decidedOn: date("decided_on", { mode: "string" }),
  decidedOnPrecision: datePrecision("decided_on_precision"),
  outcomeRule: text("outcome_rule"),
  outcomeExplanation: text("outcome_explanation"),
  decidedBy: text("decided_by"),
  effectRelationId: bigint("effect_relation_id", { mode: "number" }),
  decisionSourceId: text("decision_source_id"),
  reconstructed: boolean("reconstructed").notNull().default(false),
});

export const proposalMembers = pgTable(
  "proposal_members",
  {
    proposalId: bigint("proposal_id", { mode: "number" }).notNull(),
    stateCode: text("state_code").notNull(),
  },
  (table) => [primaryKey({ columns: [table.proposalId, table.stateCode] })],
);

export const proposalRounds = pgTable(
  "proposal_rounds",
  {
    proposalId: bigint("proposal_id", { mode: "number" }).notNull(),
    number: integer("number").notNull(),
    text: text("text").notNull(),
    openedAt: timestamptz("opened_at").notNull().default(sql`clock_timestamp()`),
    deadline: timestamptz("deadline"),
    extensions: jsonb("extensions").$type<RoundExtension[]>().notNull().default([]),
  },
  (table) => [primaryKey({ columns: [table.proposalId, table.number] })],
);

export const proposalAttachments = pgTable("proposal_attachments", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  proposalId: bigint("proposal_id", { mode: "number" }).notNull(),
  name: text("name").notNull(),
  mediaType: text("media_type").notNull(),
  content: bytea("content").notNull(),
  addedBy: text("added_by").notNull(),
  addedAt: timestamptz("added_at").notNull().default(sql`clock_timestamp()`),
  /** The labelled document it became (0034). */
  documentId: bigint("document_id", { mode: "number" }).unique(),
});

export const positions = pgTable("positions", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  proposalId: bigint("proposal_id", { mode: "number" }).notNull(),
  round: integer("round").notNull(),
  stateCode: text("state_code").notNull(),
  position: positionKind("position").notNull(),
  statement: text("statement"),
  castBy: text("cast_by").notNull(),
  castAt: timestamptz("cast_at").notNull().default(sql`clock_timestamp()`),
});

/** What the delegations of a proposal's member states are told: one row, however many it went to (0009). */
export const notices = pgTable("notices", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  proposalId: bigint("proposal_id", { mode: "number" }).notNull(),
  kind: text("kind", { enum: DELEGATION_NOTICE_KINDS }).notNull(),
  recipients: text("recipients").array().notNull(),
  message: jsonb("message").$type<Record<string, unknown>>().notNull(),
  issuedAt: timestamptz("issued_at").notNull().default(sql`clock_timestamp()`),
});

/** A state's notice of suspension or withdrawal, applied on its effective date (0008, 0011, 0017). */
export const statusNotices = pgTable("status_notices", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  kind: text("kind", { enum: NOTICE_KINDS }).notNull(),
  stateCode: text("state_code").notNull(),
  organizationCode: text("organization_code").notNull(),
  relationId: bigint("relation_id", { mode: "number" }).notNull(),
  filedOn: date("filed_on", { mode: "string" }).notNull(),
  effectiveOn: date("effective_on", { mode: "string" }).notNull(),
  sourceId: text("source_id").notNull(),
  filedBy: text("filed_by").notNull(),
  filedAt: timestamptz("filed_at").notNull().default(sql`clock_timestamp()`),
  appliedAt: timestamptz("applied_at"),
  statement: text("statement"),
  withdrawnAt: timestamptz("withdrawn_at"),
  withdrawnBy: text("withdrawn_by"),
  withdrawalStatement: text("withdrawal_statement"),
  /** The depositary's (the secretariat's) acknowledgement of the notice (0017). */
  acknowledgedAt: timestamptz("acknowledged_at"),
  acknowledgedBy: text("acknowledged_by"),
});

// -------------------------------------------------------------------------------------------
// Cooperation programmes (0022): the menu, programmes and their versions' trees, events and
// nominations, results (indicators, periods, updates), calendar feeds.

export const activityType = pgEnum("activity_type", ACTIVITY_TYPES);
export const cooperationArea = pgEnum("cooperation_area", COOPERATION_AREAS);
export const programmeVersionStatus = pgEnum("programme_version_status", VERSION_STATUSES);
export const eventStatus = pgEnum("event_status", EVENT_STATUSES);
export const nominationStatus = pgEnum("nomination_status", NOMINATION_STATUSES);
export const indicatorMeasure = pgEnum("indicator_measure", MEASURES);
export const indicatorUpdateStatus = pgEnum("indicator_update_status", UPDATE_STATUSES);

/** Titles in the four languages: English required, the others where translated. */
const titles = () => ({
  titleEn: text("title_en").notNull(),
  titleEs: text("title_es"),
  titlePt: text("title_pt"),
  titleFr: text("title_fr"),
});

export const menuItems = pgTable("menu_items", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  organizationCode: text("organization_code").notNull(),
  code: text("code").notNull(),
  area: cooperationArea("area").notNull(),
  type: activityType("type").notNull(),
  ...titles(),
  descriptionEn: text("description_en"),
  descriptionEs: text("description_es"),
  descriptionPt: text("description_pt"),
  descriptionFr: text("description_fr"),
  provider: text("provider").notNull(),
  languages: text("languages").array().notNull().default(sql`'{}'`),
  durationDays: integer("duration_days"),
  eligibility: jsonb("eligibility").$type<Eligibility>().notNull().default({ kind: "all-partners" }),
  valid: daterange("valid").notNull(),
  illustrative: boolean("illustrative").notNull().default(false),
  sourceId: text("source_id"),
});

export const programmes = pgTable("programmes", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  organizationCode: text("organization_code").notNull(),
  partnerCode: text("partner_code").notNull(),
  kind: text("kind").notNull(),
  period: daterange("period").notNull(),
  reconstructed: boolean("reconstructed").notNull().default(false),
  createdAt: timestamptz("created_at").notNull().default(sql`clock_timestamp()`),
  createdBy: text("created_by").notNull(),
});

export const programmeVersions = pgTable(
  "programme_versions",
  {
    programmeId: bigint("programme_id", { mode: "number" }).notNull(),
    number: integer("number").notNull(),
    status: programmeVersionStatus("status").notNull().default("draft"),
    summary: text("summary"),
    proposalId: bigint("proposal_id", { mode: "number" }),
    sourceId: text("source_id"),
    inForceFrom: date("in_force_from", { mode: "string" }),
    inForceUntil: date("in_force_until", { mode: "string" }),
    createdAt: timestamptz("created_at").notNull().default(sql`clock_timestamp()`),
    createdBy: text("created_by").notNull(),
  },
  (table) => [primaryKey({ columns: [table.programmeId, table.number] })],
);

/** What every node of a version's tree has: its programme and version, a stable ref, an order, its source. */
const treeNode = () => ({
  id: bigserial("id", { mode: "number" }).primaryKey(),
  programmeId: bigint("programme_id", { mode: "number" }).notNull(),
  version: integer("version").notNull(),
  ref: text("ref").notNull(),
  position: integer("position").notNull().default(0),
  description: text("description"),
  sourceId: text("source_id"),
  quote: text("quote"),
});

export const programmeObjectives = pgTable("programme_objectives", {
  ...treeNode(),
  area: cooperationArea("area"),
  ...titles(),
});

export const programmeGoals = pgTable("programme_goals", {
  ...treeNode(),
  objectiveId: bigint("objective_id", { mode: "number" }).notNull(),
  ...titles(),
});

export const programmeActivities = pgTable("programme_activities", {
  ...treeNode(),
  goalId: bigint("goal_id", { mode: "number" }).notNull(),
  menuItemId: bigint("menu_item_id", { mode: "number" }),
  titleEn: text("title_en"),
  titleEs: text("title_es"),
  titlePt: text("title_pt"),
  titleFr: text("title_fr"),
  year: integer("year").notNull(),
});

export const events = pgTable("events", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  organizationCode: text("organization_code").notNull(),
  menuItemId: bigint("menu_item_id", { mode: "number" }),
  titleEn: text("title_en"),
  startsOn: date("starts_on", { mode: "string" }).notNull(),
  endsOn: date("ends_on", { mode: "string" }).notNull(),
  place: text("place"),
  online: boolean("online").notNull().default(false),
  provider: text("provider").notNull(),
  capacity: integer("capacity"),
  nominationDeadline: timestamptz("nomination_deadline").notNull(),
  status: eventStatus("status").notNull().default("proposed"),
  proposedByState: text("proposed_by_state"),
  report: text("report"),
  reportBy: text("report_by"),
  reportAt: timestamptz("report_at"),
  createdAt: timestamptz("created_at").notNull().default(sql`clock_timestamp()`),
  createdBy: text("created_by").notNull(),
});

export const nominations = pgTable("nominations", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  eventId: bigint("event_id", { mode: "number" }).notNull(),
  stateCode: text("state_code").notNull(),
  participantName: text("participant_name").notNull(),
  rankOrFunction: text("rank_or_function").notNull(),
  nation: text("nation").notNull(),
  status: nominationStatus("status").notNull().default("nominated"),
  attended: boolean("attended"),
  createdAt: timestamptz("created_at").notNull().default(sql`clock_timestamp()`),
  createdBy: text("created_by").notNull(),
  decidedAt: timestamptz("decided_at"),
  decidedBy: text("decided_by"),
});

export const indicators = pgTable("indicators", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  programmeId: bigint("programme_id", { mode: "number" }).notNull(),
  goalRef: text("goal_ref").notNull(),
  ref: text("ref").notNull(),
  position: integer("position").notNull().default(0),
  ...titles(),
  description: text("description"),
  measure: indicatorMeasure("measure").notNull(),
  ascending: boolean("ascending").notNull().default(true),
  baselineYear: integer("baseline_year"),
  baselineValue: numeric("baseline_value", { mode: "number" }),
  baselineNumerator: numeric("baseline_numerator", { mode: "number" }),
  baselineDenominator: numeric("baseline_denominator", { mode: "number" }),
  baselineComment: text("baseline_comment"),
});

export const indicatorReporters = pgTable(
  "indicator_reporters",
  {
    indicatorId: bigint("indicator_id", { mode: "number" }).notNull(),
    accountId: uuid("account_id").notNull(),
  },
  (table) => [primaryKey({ columns: [table.indicatorId, table.accountId] })],
);

export const indicatorPeriods = pgTable("indicator_periods", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  indicatorId: bigint("indicator_id", { mode: "number" }).notNull(),
  startsOn: date("starts_on", { mode: "string" }).notNull(),
  endsOn: date("ends_on", { mode: "string" }).notNull(),
  targetValue: numeric("target_value", { mode: "number" }),
  targetNumerator: numeric("target_numerator", { mode: "number" }),
  targetDenominator: numeric("target_denominator", { mode: "number" }),
  targetComment: text("target_comment"),
  lockedAt: timestamptz("locked_at"),
  lockedBy: text("locked_by"),
});

export const indicatorUpdates = pgTable("indicator_updates", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  periodId: bigint("period_id", { mode: "number" }).notNull(),
  value: numeric("value", { mode: "number" }),
  numerator: numeric("numerator", { mode: "number" }),
  denominator: numeric("denominator", { mode: "number" }),
  narrative: text("narrative"),
  status: indicatorUpdateStatus("status").notNull().default("draft"),
  reviewComment: text("review_comment"),
  createdAt: timestamptz("created_at").notNull().default(sql`clock_timestamp()`),
  createdBy: text("created_by").notNull(),
  submittedAt: timestamptz("submitted_at"),
  reviewedAt: timestamptz("reviewed_at"),
  reviewedBy: text("reviewed_by"),
});

/** Each person's digest of the day of cooperation results (0025): one row per person per day. */
export const digests = pgTable("digests", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  accountId: uuid("account_id").notNull(),
  day: date("day", { mode: "string" }).notNull(),
  items: jsonb("items").$type<unknown[]>().notNull().default([]),
  total: integer("total").notNull().default(0),
  createdAt: timestamptz("created_at").notNull().default(sql`clock_timestamp()`),
  updatedAt: timestamptz("updated_at").notNull().default(sql`clock_timestamp()`),
});

export const calendarFeeds = pgTable("calendar_feeds", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  accountId: uuid("account_id").notNull(),
  secretHash: bytea("secret_hash").notNull(),
  createdAt: timestamptz("created_at").notNull().default(sql`clock_timestamp()`),
  revokedAt: timestamptz("revoked_at"),
});

/** What cooperation tells a delegation (its state) or an account: reminders before nomination deadlines (0024). */
export const cooperationNotices = pgTable("cooperation_notices", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  organizationCode: text("organization_code").notNull(),
  stateCode: text("state_code"),
  accountId: uuid("account_id"),
  kind: text("kind").notNull(),
  eventId: bigint("event_id", { mode: "number" }),
  payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
  issuedAt: timestamptz("issued_at").notNull().default(sql`clock_timestamp()`),
});

// -------------------------------------------------------------------------------------------
// Disputes, court cases and dialogue (0029)

export const disputeSide = pgEnum("dispute_side", SIDES);
export const revisionType = pgEnum("revision_type", REVISION_TYPES);
export const caseStage = pgEnum("case_stage", CASE_STAGES);
export const caseStatus = pgEnum("case_status", CASE_STATUSES);
export const dialogueKind = pgEnum("dialogue_kind", DIALOGUE_KINDS);
export const disputeClaimField = pgEnum("dispute_claim_field", DISPUTE_CLAIM_FIELDS);

export const disputes = pgTable("disputes", {
  id: text("id").primaryKey(),
  midNumber: integer("mid_number"),
  midEpisodes: integer("mid_episodes").array().notNull().default(sql`'{}'`),
  nameEn: text("name_en"),
  nameEs: text("name_es"),
  namePt: text("name_pt"),
  nameFr: text("name_fr"),
  summaryEn: text("summary_en"),
  summaryEs: text("summary_es"),
  summaryPt: text("summary_pt"),
  summaryFr: text("summary_fr"),
  startsOn: date("starts_on", { mode: "string" }).notNull(),
  startPrecision: datePrecision("start_precision").notNull(),
  endsOn: date("ends_on", { mode: "string" }),
  endPrecision: datePrecision("end_precision"),
  active: daterange("active").notNull(),
  ongoing: boolean("ongoing").notNull().default(false),
  hostility: smallint("hostility"),
  highestAction: smallint("highest_action"),
  fatality: smallint("fatality"),
  outcome: smallint("outcome"),
  settlement: smallint("settlement"),
  minDurationDays: integer("min_duration_days"),
  maxDurationDays: integer("max_duration_days"),
  sourceId: text("source_id").notNull(),
  quote: text("quote"),
  locator: text("locator"),
  datasetVersion: text("dataset_version"),
  importedDigest: text("imported_digest"),
  recordedBy: text("recorded_by"),
});

export const disputeParties = pgTable(
  "dispute_parties",
  {
    disputeId: text("dispute_id").notNull(),
    party: text("party").notNull(),
    stateCode: text("state_code"),
    cowCode: integer("cow_code"),
    name: text("name"),
    side: disputeSide("side").notNull(),
    joined: boolean("joined").notNull().default(false),
    revisionist: boolean("revisionist").notNull().default(false),
    seeks: revisionType("seeks").array().notNull().default(sql`'{}'`),
    hostility: smallint("hostility"),
    highestAction: smallint("highest_action"),
    fatality: smallint("fatality"),
    firstYear: integer("first_year"),
    lastYear: integer("last_year"),
  },
  (table) => [primaryKey({ columns: [table.disputeId, table.party] })],
);

export const disputeDyadYears = pgTable(
  "dispute_dyad_years",
  {
    disputeId: text("dispute_id").notNull(),
    party1: text("party_1").notNull(),
    party2: text("party_2").notNull(),
    year: integer("year").notNull(),
    hostility1: smallint("hostility_1"),
    hostility2: smallint("hostility_2"),
    action1: smallint("action_1"),
    action2: smallint("action_2"),
    fatality1: smallint("fatality_1"),
    fatality2: smallint("fatality_2"),
  },
  (table) => [primaryKey({ columns: [table.disputeId, table.party1, table.party2, table.year] })],
);

export const disputeIncidents = pgTable("dispute_incidents", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  disputeId: text("dispute_id").notNull(),
  occurredOn: date("occurred_on", { mode: "string" }).notNull(),
  precision: datePrecision("precision").notNull(),
  ...titles(),
  hostility: smallint("hostility"),
  highestAction: smallint("highest_action"),
  sourceId: text("source_id").notNull(),
  quote: text("quote"),
  locator: text("locator"),
  recordedBy: text("recorded_by"),
});

export const disputeClaims = pgTable("dispute_claims", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  disputeId: text("dispute_id").notNull(),
  field: disputeClaimField("field").notNull(),
  value: text("value").notNull(),
  sourceId: text("source_id").notNull(),
  quote: text("quote"),
  locator: text("locator"),
});

export const courtCases = pgTable("court_cases", {
  id: text("id").primaryKey(),
  court: text("court").notNull(),
  ...titles(),
  applicant: text("applicant").notNull(),
  respondent: text("respondent").notNull(),
  disputeId: text("dispute_id"),
  basis: text("basis").notNull(),
  status: caseStatus("status").notNull(),
  sourceId: text("source_id").notNull(),
  quote: text("quote"),
  locator: text("locator"),
  recordedBy: text("recorded_by"),
});

export const courtCaseStages = pgTable("court_case_stages", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  caseId: text("case_id").notNull(),
  stage: caseStage("stage").notNull(),
  decidedOn: date("decided_on", { mode: "string" }).notNull(),
  summaryEn: text("summary_en").notNull(),
  summaryEs: text("summary_es"),
  summaryPt: text("summary_pt"),
  summaryFr: text("summary_fr"),
  document: text("document"),
  sourceId: text("source_id").notNull(),
  quote: text("quote"),
  locator: text("locator"),
});

export const dialogues = pgTable("dialogues", {
  id: text("id").primaryKey(),
  kind: dialogueKind("kind").notNull(),
  ...titles(),
  states: text("states").array().notNull(),
  disputeId: text("dispute_id"),
  startsOn: date("starts_on", { mode: "string" }).notNull(),
  startPrecision: datePrecision("start_precision").notNull(),
  endsOn: date("ends_on", { mode: "string" }),
  endPrecision: datePrecision("end_precision"),
  participants: text("participants"),
  outcome: text("outcome"),
  sourceId: text("source_id").notNull(),
  quote: text("quote"),
  locator: text("locator"),
  recordedBy: text("recorded_by"),
});

// -------------------------------------------------------------------------------------------
// The annual information exchanges (0030)

export const exchangeReturnStatus = pgEnum("exchange_return_status", EXCHANGE_RETURN_STATUSES);

export const exchangeRegimes = pgTable("exchange_regimes", {
  code: text("code").primaryKey(),
  definition: jsonb("definition").$type<Record<string, unknown>>().notNull(),
  organizationCode: text("organization_code"),
  restricted: boolean("restricted").notNull(),
  firstYear: integer("first_year").notNull(),
});

export const exchangeForms = pgTable(
  "exchange_forms",
  {
    code: text("code").notNull(),
    version: integer("version").notNull(),
    regimeCode: text("regime_code").notNull(),
    validFrom: integer("valid_from").notNull(),
    validTo: integer("valid_to"),
    definition: jsonb("definition").$type<Record<string, unknown>>().notNull(),
  },
  (table) => [primaryKey({ columns: [table.code, table.version] })],
);

export const exchangeReturns = pgTable("exchange_returns", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  regimeCode: text("regime_code").notNull(),
  formCode: text("form_code").notNull(),
  formVersion: integer("form_version").notNull(),
  stateCode: text("state_code").notNull(),
  year: integer("year").notNull(),
  values: jsonb("values").$type<Record<string, unknown>>().notNull(),
  status: exchangeReturnStatus("status").notNull(),
  supersedes: bigint("supersedes", { mode: "number" }),
  createdAt: timestamptz("created_at").notNull().default(sql`clock_timestamp()`),
  createdBy: text("created_by").notNull(),
  submittedAt: timestamptz("submitted_at"),
  submittedBy: text("submitted_by"),
  firstSubmittedAt: timestamptz("first_submitted_at"),
  /** The labelled document it became (0034). */
  documentId: bigint("document_id", { mode: "number" }).unique(),
});

export const exchangePublications = pgTable("exchange_publications", {
  id: text("id").primaryKey(),
  regimeCode: text("regime_code").notNull(),
  definition: jsonb("definition").$type<Record<string, unknown>>().notNull(),
});

export const exchangeNotices = pgTable("exchange_notices", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  regimeCode: text("regime_code").notNull(),
  stateCode: text("state_code").notNull(),
  year: integer("year").notNull(),
  kind: text("kind").notNull(),
  daysBefore: integer("days_before").notNull().default(0),
  due: date("due", { mode: "string" }).notNull(),
  issuedAt: timestamptz("issued_at").notNull().default(sql`clock_timestamp()`),
});

// Labelled documents (0032)

export const securityPolicies = pgTable(
  "security_policies",
  {
    id: text("id").notNull(),
    version: integer("version").notNull(),
    name: text("name").notNull(),
    organizationCode: text("organization_code"),
    definition: jsonb("definition").$type<Record<string, unknown>>().notNull(),
    digest: text("digest").notNull(),
    loadedAt: timestamptz("loaded_at").notNull().default(sql`clock_timestamp()`),
  },
  (table) => [primaryKey({ columns: [table.id, table.version] })],
);

export const documents = pgTable("documents", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  organizationCode: text("organization_code").notNull(),
  subjectKind: text("subject_kind"),
  subjectId: text("subject_id"),
  originatorCode: text("originator_code").notNull(),
  createdBy: uuid("created_by"),
  createdByName: text("created_by_name").notNull(),
  createdAt: timestamptz("created_at").notNull().default(sql`clock_timestamp()`),
  currentVersion: integer("current_version").notNull().default(1),
  updatedAt: timestamptz("updated_at").notNull().default(sql`clock_timestamp()`),
});

export const documentVersions = pgTable(
  "document_versions",
  {
    documentId: bigint("document_id", { mode: "number" }).notNull(),
    version: integer("version").notNull(),
    titleEn: text("title_en"),
    titleEs: text("title_es"),
    titlePt: text("title_pt"),
    titleFr: text("title_fr"),
    descriptionEn: text("description_en"),
    descriptionEs: text("description_es"),
    descriptionPt: text("description_pt"),
    descriptionFr: text("description_fr"),
    fileName: text("file_name").notNull(),
    mediaType: text("media_type").notNull(),
    content: bytea("content").notNull(),
    sha384: bytea("sha384").notNull(),
    label: jsonb("label").$type<Record<string, unknown>>().notNull(),
    labelXml: text("label_xml").notNull(),
    bindingXml: text("binding_xml").notNull(),
    labelInForce: jsonb("label_in_force").$type<Record<string, unknown>>().notNull(),
    policyId: text("policy_id").notNull(),
    classificationRank: smallint("classification_rank").notNull(),
    permissive: jsonb("permissive").$type<string[][]>().notNull(),
    restrictive: text("restrictive").array().notNull().default(sql`'{}'`),
    search: tsvector("search").notNull(),
    createdBy: uuid("created_by"),
    createdByName: text("created_by_name").notNull(),
    createdAt: timestamptz("created_at").notNull().default(sql`clock_timestamp()`),
  },
  (table) => [primaryKey({ columns: [table.documentId, table.version] })],
);

export const personnelClearances = pgTable(
  "personnel_clearances",
  {
    accountId: uuid("account_id").notNull(),
    policyId: text("policy_id").notNull(),
    classification: text("classification").notNull(),
    classificationRank: smallint("classification_rank").notNull(),
    authorisations: text("authorisations").array().notNull().default(sql`'{}'`),
    expiresOn: date("expires_on", { mode: "string" }).notNull(),
    grantedBy: text("granted_by").notNull(),
    grantedAt: timestamptz("granted_at").notNull().default(sql`clock_timestamp()`),
  },
  (table) => [primaryKey({ columns: [table.accountId, table.policyId] })],
);
