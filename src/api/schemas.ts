/**
 * What the registry API accepts and returns. Request schemas validate at the boundary (a
 * failure names the parameter); response schemas document the presenters' output.
 */
import { z } from "@hono/zod-openapi";
import { ROLES, SCOPES } from "../domain/accounts.ts";
import { PRECISIONS, isDay } from "../domain/dates.ts";
import {
  DELEGATION_NOTICE_KINDS,
  NOTICE_KINDS,
  NOTICE_STAGES,
  NOTICE_STATUSES,
  OUTCOME_STATUSES,
  PROPOSAL_PURPOSES,
  PROPOSAL_STATUSES,
} from "../domain/decisions.ts";
import { LANGUAGES } from "../domain/languages.ts";
import { ABSTENTION_RULES, MAJORITY_BASES, POSITION_KINDS } from "../domain/procedures.ts";
import { ACTOR_TYPES, CERTAINTIES, CLAIM_FIELDS, RELATION_KINDS } from "../domain/registry.ts";

/** Text from a request: PostgreSQL cannot store NUL, and nobody means to send control characters. */
const plainText = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the rule is about control characters
    .refine((text) => !/[\u0000-\u001f\u007f]/.test(text), "must not contain control characters");

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a real calendar date written YYYY-MM-DD")
  .refine(isDay, "must be a real calendar date written YYYY-MM-DD")
  .openapi({ example: "2004-03-29", description: "A calendar day, YYYY-MM-DD. Defaults to today (UTC)." });

const lang = z
  .enum(LANGUAGES)
  .optional()
  .openapi({ description: "Language of the names returned. Defaults to the Accept-Language header, then English." });

const precision = z.enum(PRECISIONS);
const kind = z.enum(RELATION_KINDS);

export const CodeParam = z.object({
  code: plainText(32).openapi({ param: { name: "code", in: "path" }, example: "NATO" }),
});

export const RelationIdParam = z.object({
  id: z
    .string()
    .regex(/^[1-9][0-9]{0,14}$/, "must be a relation id: a positive whole number of at most 15 digits")
    .openapi({ param: { name: "id", in: "path" }, example: "1" }),
});

export const LangQuery = z.object({ lang });

export const ActorsQuery = z.object({
  type: z.enum(ACTOR_TYPES).optional(),
  q: plainText(100).optional().openapi({ description: "Matches the code or a name in any language, ignoring case." }),
  lang,
});

export const MembersQuery = z.object({
  at: day.optional(),
  kind: kind.optional().openapi({ description: "Only this kind of relation. Without it, every kind." }),
  framework: plainText(64).optional().openapi({ description: "Only partners under this framework (its slug)." }),
  lang,
});

export const AtQuery = z.object({ at: day.optional(), lang });

const Names = z.object({ en: z.string(), es: z.string(), pt: z.string(), fr: z.string() });

export const SourceRef = z
  .object({
    id: z.string(),
    title: z.string(),
    publisher: z.string(),
    published: z.string().nullable(),
    publishedPrecision: precision.nullable(),
    url: z.string().nullable(),
    archive: z
      .string()
      .nullable()
      .openapi({ description: "An archive reference: a shelf mark, a treaty series volume, a web archive address." }),
  })
  .openapi("SourceRef");

export const Source = SourceRef.extend({
  perspective: z.string().nullable(),
  citation: z.string().nullable(),
}).openapi("Source");

/** An organisation's short name in the language asked for; the code stays its stable id. */
const abbreviation = z.string().nullable().openapi({
  description: "An organisation's short name in the language asked for (NATO is OTAN in es, pt, fr); null for a state.",
  example: "OTAN",
});

export const Actor = z
  .object({
    code: z.string(),
    type: z.enum(ACTOR_TYPES),
    name: z.string(),
    abbreviation,
    isoAlpha2: z.string().nullable(),
    isoNumeric: z.string().nullable(),
    cowCode: z.number().nullable(),
  })
  .openapi("Actor");

export const ActorDetail = Actor.extend({
  names: Names,
  note: z.string().nullable(),
  periods: z.array(
    z.object({
      since: z.string(),
      sincePrecision: precision,
      until: z.string().nullable(),
      untilPrecision: precision.nullable(),
      sourceId: z.string(),
      cowCode: z.number().nullable(),
    }),
  ),
}).openapi("ActorDetail");

const datedFields = {
  since: z
    .string()
    .openapi({ description: "First day the relation holds (a partial date is given as the first day of its period)." }),
  sincePrecision: precision,
  until: z.string().nullable().openapi({ description: "First day it no longer holds; null while it holds." }),
  untilPrecision: precision.nullable(),
  certainty: z.enum(CERTAINTIES),
};

export const Member = z
  .object({
    code: z.string(),
    name: z.string(),
    isoNumeric: z.string().nullable(),
    kind,
    framework: z.string().nullable().openapi({ description: "The framework's slug, for partners." }),
    frameworkName: z.string().nullable().openapi({ description: "The framework's name in the language asked for." }),
    designation: z.string().nullable(),
    ...datedFields,
    note: z.string().nullable(),
    relationId: z.number(),
    sources: z.array(SourceRef),
  })
  .openapi("Member");

export const Relation = z
  .object({
    id: z.number(),
    subject: z.string(),
    subjectType: z.enum(ACTOR_TYPES),
    subjectName: z.string(),
    object: z.string(),
    objectType: z.enum(ACTOR_TYPES),
    objectName: z.string(),
    kind,
    framework: z.string().nullable(),
    frameworkName: z.string().nullable(),
    designation: z.string().nullable(),
    ...datedFields,
    note: z.string().nullable(),
    recordedBy: z.string().nullable().openapi({
      description:
        "The organisation whose secretariat, decision or notice recorded it; null for Concord's own data (the starter data set, imports).",
    }),
    sources: z.array(SourceRef),
  })
  .openapi("Relation");

export const Claim = z
  .object({
    id: z.number(),
    field: z.enum(CLAIM_FIELDS),
    asserted: z.string().nullable(),
    assertedPrecision: precision.nullable(),
    quote: z.string().nullable(),
    note: z.string().nullable(),
    locator: z.string().nullable().openapi({ description: "Where in the source: a page, a paragraph, an article." }),
    source: Source,
  })
  .openapi("Claim");

export const TimelineEvent = z
  .object({ date: z.string(), precision, change: z.enum(["start", "end"]), relation: Relation })
  .openapi("TimelineEvent");

export const Organization = z
  .object({
    code: z.string(),
    name: z.string(),
    abbreviation,
    frameworks: z.array(
      z.object({
        slug: z.string(),
        name: z.string(),
        since: z.string().nullable(),
        sincePrecision: precision.nullable(),
      }),
    ),
  })
  .openapi("Organization");

export const ErrorBody = z
  .object({
    error: z.object({
      id: z.string().openapi({ description: "The kind of refusal: stable, for clients to match on." }),
      message: z
        .string()
        .openapi({ description: "What went wrong, in the reader's language (lang, Accept-Language)." }),
      code: z
        .string()
        .optional()
        .openapi({ description: "The message's key in Concord's catalogue, when it has one: stable too." }),
    }),
  })
  .openapi("Error");

export const Account = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    organization: z.string(),
    role: z.enum(ROLES),
    delegation: z.object({ state: z.string() }).nullable(),
  })
  .openapi("Account");

export const Abilities = z
  .object({
    registry: z.object({ write: z.boolean() }),
    administration: z.object({ manage: z.boolean() }),
    audit: z.object({
      read: z.boolean(),
      all: z.boolean().openapi({
        description: "Reads every organisation's entries (a system auditor), not only its own organisation's.",
      }),
    }),
    account: z.object({
      manage: z.boolean(),
      passwordChangeRequired: z.boolean().openapi({
        description:
          "Signed in with a password an administrator set: until it is changed (PUT /api/v1/account/password), every other request is refused (403 password_change_required).",
      }),
    }),
    decisions: z.object({ read: z.boolean(), chair: z.boolean(), speakFor: z.string().nullable() }),
    documents: z.object({ read: z.boolean(), upload: z.boolean(), manageClearances: z.boolean() }),
  })
  .openapi("Abilities", { description: "What this viewer may do: the UI shows only what is allowed." });

export const SessionBody = z.object({
  account: Account.nullable(),
  abilities: Abilities,
  csrfToken: z
    .string()
    .nullable()
    .openapi({ description: "Send it as X-CSRF-Token with every change made with this session." }),
});

export const ApiToken = z
  .object({
    id: z.string(),
    name: z.string(),
    scopes: z.array(z.enum(SCOPES)),
    createdAt: z.string(),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
  })
  .openapi("ApiToken");

export const AdminAccount = Account.extend({
  disabled: z.boolean(),
  hasPassword: z.boolean(),
  temporaryPassword: z
    .boolean()
    .openapi({ description: "Its password was set by an administrator: its owner must change it at sign-in." }),
}).openapi("AdminAccount");

export const Delegation = z.object({ id: z.number(), state: z.string(), accounts: z.number() }).openapi("Delegation");

export const AuditEntry = z
  .object({
    id: z.number(),
    at: z.string(),
    actor: z.string(),
    actorEmail: z.string().nullable(),
    onBehalfOf: z.string().nullable(),
    action: z.string(),
    objectType: z.string(),
    objectId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    details: z.unknown(),
    organization: z
      .string()
      .nullable()
      .openapi({ description: "The organisation whose part of Concord the entry belongs to; null for Concord's own." }),
    hash: z.string(),
  })
  .openapi("AuditEntry");

export const AuditVerdict = z.union([
  z.object({ ok: z.literal(true), count: z.number(), head: z.object({ entryId: z.number(), hash: z.string() }) }),
  z.object({ ok: z.literal(false), entryId: z.number(), reason: z.string() }),
]);

export const SignedHead = z
  .object({ entryId: z.number(), hash: z.string(), signedAt: z.string(), publicKey: z.string(), signature: z.string() })
  .openapi("SignedHead");

// ---------------------------------------------------------------- decisions

const Fraction = z.object({ numerator: z.number(), denominator: z.number() });

export const Procedure = z
  .union([
    z.object({ kind: z.literal("consensus") }),
    z.object({ kind: z.literal("silence") }),
    z.object({
      kind: z.literal("majority"),
      threshold: z.union([z.literal("simple"), Fraction]),
      base: z.enum(MAJORITY_BASES),
      quorum: Fraction,
      abstentions: z.enum(ABSTENTION_RULES),
    }),
    z.object({ kind: z.literal("unilateral") }),
  ])
  .openapi("Procedure", { description: "How the proposal is decided; fixed when it opens." });

export const PositionKind = z.enum(POSITION_KINDS);

export const Body = z
  .object({
    id: z.string(),
    actor: z.string(),
    actorType: z.enum(ACTOR_TYPES),
    name: z.string(),
    chair: z.string(),
    defaultProcedure: Procedure,
    note: z.string().nullable(),
  })
  .openapi("Body");

export const Outcome = z
  .object({
    status: z.enum(OUTCOME_STATUSES),
    rule: z.string().openapi({ description: "The exact rule that decided, e.g. silence.deadline-passed-unbroken." }),
    explanation: z.string().openapi({
      description:
        "Why, in the reader's language when Concord wrote it (see explanationLang); a chair's reason as typed.",
    }),
    explanationLang: z.enum(LANGUAGES).nullable().openapi({
      description: "The language of the explanation: the reader's, or en as recorded; null when a person wrote it.",
    }),
    decidedAt: z.string().nullable(),
    decidedOn: z.string().nullable(),
    decidedOnPrecision: precision.nullable(),
    decidedBy: z
      .string()
      .nullable()
      .openapi({ description: "The Concord instance that recorded it, 'chair', or 'starter data'." }),
    relationId: z.number().nullable().openapi({ description: "The registry relation the decision started or ended." }),
    sourceId: z.string().nullable(),
  })
  .openapi("Outcome");

export const ProposalSummary = z
  .object({
    id: z.number(),
    body: z.object({ id: z.string(), name: z.string(), actor: z.string() }),
    title: z.string(),
    procedure: Procedure,
    purpose: z.enum(PROPOSAL_PURPOSES),
    concerns: z.string().nullable(),
    status: z.enum(PROPOSAL_STATUSES),
    round: z.number(),
    deadline: z.string().nullable(),
    openedAt: z.string(),
    decidedAt: z.string().nullable(),
    decidedOn: z.string().nullable(),
    decidedOnPrecision: precision.nullable(),
    members: z.number(),
    positionsTaken: z.number().openapi({ description: "Members that have taken a position in the current round." }),
    needsPosition: z
      .boolean()
      .openapi({ description: "The reader's state is a member and has not taken a position in this round." }),
    silenceBrokenBy: z.array(z.string()).openapi({
      description: "Under a silence procedure, the members that broke silence in this round before its deadline.",
    }),
    reconstructed: z.boolean(),
  })
  .openapi("ProposalSummary");

export const CastPosition = z
  .object({
    id: z.number(),
    round: z.number(),
    state: z.string(),
    position: PositionKind,
    statement: z.string().nullable(),
    castBy: z.string(),
    castAt: z.string(),
  })
  .openapi("Position");

export const Proposal = ProposalSummary.extend({
  chair: z.string(),
  text: z.string().openapi({ description: "The current round's text (Markdown)." }),
  rounds: z.array(
    z.object({
      number: z.number(),
      text: z.string(),
      openedAt: z.string(),
      deadline: z.string().nullable(),
      extensions: z.array(z.object({ from: z.string(), to: z.string(), at: z.string(), by: z.string() })),
    }),
  ),
  grid: z
    .array(
      z.object({
        state: z.string(),
        name: z.string(),
        position: PositionKind.nullable(),
        statement: z.string().nullable(),
        castAt: z.string().nullable(),
        brokeSilence: z.boolean(),
      }),
    )
    .openapi({ description: "Every member state and its current position in the current round." }),
  positions: z.array(CastPosition).openapi({ description: "Every position cast, changes included, oldest first." }),
  outcome: Outcome.nullable(),
  effect: z.unknown().nullable(),
  attachments: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      mediaType: z.string(),
      size: z.number(),
      addedAt: z.string(),
      document: z.number().nullable().openapi({
        description:
          "The labelled document it is kept as in the organisation's library (GET /api/v1/documents/{id}), once labelled; its download is released by that label.",
      }),
    }),
  ),
  noticesIssued: z.number().openapi({ description: "Outcome notices issued to member delegations." }),
  now: z.string().openapi({ description: "The server's clock, to count down to the deadline." }),
  abilities: z.object({
    speakFor: z.string().nullable().openapi({ description: "The state the reader may take positions for, if any." }),
    allowedPositions: z.array(PositionKind),
    chair: z.boolean(),
    withdraw: z.boolean(),
  }),
}).openapi("Proposal");

export const DelegationNotice = z
  .object({
    id: z.number(),
    proposalId: z.number(),
    state: z.string(),
    kind: z.enum(DELEGATION_NOTICE_KINDS),
    message: z.record(z.string(), z.unknown()),
    issuedAt: z.string(),
  })
  .openapi("DelegationNotice");

/** What a notice is, in both its shapes: the full one and the public registry's. */
const noticeFields = {
  id: z.number(),
  kind: z.enum(NOTICE_KINDS),
  state: z.string(),
  organization: z.string(),
  relationId: z.number(),
  filedOn: z.string(),
  effectiveOn: z.string(),
  sourceId: z.string(),
};

export const StatusNotice = z
  .object({
    ...noticeFields,
    applied: z.boolean(),
    statement: z.string().nullable(),
    status: z.enum(NOTICE_STATUSES).openapi({
      description: "pending until its effective date, then applied; or withdrawn before it by the state that gave it.",
    }),
    withdrawnAt: z.string().nullable(),
    withdrawalStatement: z.string().nullable(),
    acknowledgedAt: z.string().nullable().openapi({
      description: "When the organisation's secretariat (its depositary) acknowledged the notice, if it has.",
    }),
    stage: z.enum(NOTICE_STAGES).openapi({
      description:
        "awaiting-acknowledgement, then acknowledged by the secretariat; in-effect from its effective date (acknowledged or not); or withdrawn.",
    }),
    abilities: z
      .object({ acknowledge: z.boolean(), withdraw: z.boolean() })
      .optional()
      .openapi({ description: "What the reader may do with it (in an organisation's list of its notices)." }),
  })
  .openapi("StatusNotice");

/** A notice not yet in effect, as the public registry shows it: what its source says, no more. */
export const PendingNotice = z
  .object({
    ...noticeFields,
    acknowledged: z.boolean(),
  })
  .openapi("PendingNotice");

export const Webhook = z
  .object({
    id: z.string(),
    organization: z.string(),
    url: z.string(),
    events: z.array(z.string()),
    createdAt: z.string(),
    disabled: z.boolean(),
    lastDelivery: z
      .object({
        id: z.number(),
        attempts: z.number(),
        lastStatus: z.number().nullable(),
        lastError: z.string().nullable(),
        deliveredAt: z.string().nullable(),
      })
      .nullable(),
  })
  .openapi("Webhook");
