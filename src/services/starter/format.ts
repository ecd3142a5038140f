/**
 * The format of the starter data set in `data/`: every file is validated against these
 * schemas before anything is written, and a mistake is reported with its file and path.
 */
import { z } from "zod";
import { parsePartialDate } from "../../domain/dates.ts";
import { ABSTENTION_RULES, MAJORITY_BASES } from "../../domain/procedures.ts";
import { CERTAINTIES, CLAIM_FIELDS, RELATION_KINDS } from "../../domain/registry.ts";

export const partialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "must be a real date written YYYY-MM-DD, YYYY-MM or YYYY")
  .refine((text) => parsePartialDate(text) !== undefined, "must be a real date written YYYY-MM-DD, YYYY-MM or YYYY");

/** Limits on what is stored, the same for the starter data and the API (and documented in the OpenAPI document). */
export const TEXT_LIMITS = {
  name: 200,
  title: 500,
  publisher: 300,
  url: 2000,
  perspective: 1000,
  citation: 2000,
  note: 5000,
  quote: 2000,
  fileName: 200,
  archive: 500,
  locator: 200,
} as const;

/** Text of at least one character and at most `max`. */
const text = (max: number) => z.string().min(1).max(max, `must be at most ${max} characters`);

export const names = z.object({
  en: text(TEXT_LIMITS.name),
  es: text(TEXT_LIMITS.name),
  pt: text(TEXT_LIMITS.name),
  fr: text(TEXT_LIMITS.name),
});

const slug = z
  .string()
  .max(100, "must be at most 100 characters")
  .regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits and hyphens");
const organizationCode = z.string().regex(/^[A-Z][A-Z0-9]{1,15}$/, "must be upper-case letters and digits");
const stateCode = z.string().regex(/^[A-Z]{3}$/, "must be an ISO 3166-1 alpha-3 code");

/** `data/countries.json`: states, current and former, with ISO codes and names in four languages. */
export const countryFile = z.array(
  z.strictObject({
    alpha3: stateCode,
    alpha2: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .nullable(),
    numeric: z
      .string()
      .regex(/^\d{3}$/)
      .nullable(),
    names,
    /** Former states (ISO 3166-3), such as YUG or SUN: kept for historical relations and imports. */
    former: z.boolean().default(false),
  }),
);

/** `data/starter/sources.json`. */
export const sourceFile = z.array(
  z.strictObject({
    id: slug.max(100, "must be at most 100 characters"),
    title: text(TEXT_LIMITS.title),
    publisher: text(TEXT_LIMITS.publisher),
    published: partialDate.optional(),
    // Stored as the URL parser writes it (HTTP://Example.ORG/ as http://example.org/).
    url: z
      .url({ protocol: /^https?$/i, normalize: true, error: "must be an http:// or https:// URL" })
      .max(TEXT_LIMITS.url, `must be at most ${TEXT_LIMITS.url} characters`)
      .optional(),
    perspective: text(TEXT_LIMITS.perspective).optional(),
    /** The file name in data/sources when Concord holds the text; quotes must appear in it. */
    file: text(TEXT_LIMITS.fileName).optional(),
    citation: text(TEXT_LIMITS.citation).optional(),
    /** An archive reference: a shelf mark, a treaty series volume, a web archive address. */
    archive: text(TEXT_LIMITS.archive).optional(),
  }),
);

/** `data/starter/organizations.json`. */
export const organizationFile = z.array(
  z.strictObject({
    code: organizationCode,
    names,
    /** Its short name in each language (NATO, OTAN); the code stays its id. */
    abbreviations: z.object({ en: text(32), es: text(32), pt: text(32), fr: text(32) }),
    founded: partialDate,
    dissolved: partialDate.optional(),
    source: slug,
    note: text(TEXT_LIMITS.note).optional(),
  }),
);

/** `data/starter/frameworks.json`. */
export const frameworkFile = z.array(
  z.strictObject({
    organization: organizationCode,
    slug,
    names,
    since: partialDate.optional(),
    note: text(TEXT_LIMITS.note).optional(),
  }),
);

export const claimEntry = z
  .strictObject({
    source: slug,
    /** What the claim speaks to: the relation as a whole (default) or one of its dates. */
    field: z.enum(CLAIM_FIELDS).default("relation"),
    /** The date the source gives for that field, at the precision it gives it. */
    date: partialDate.optional(),
    /** A short verbatim quote; required when the source's text is held (`file`). */
    quote: text(TEXT_LIMITS.quote).optional(),
    note: text(TEXT_LIMITS.quote).optional(),
    /** Where in the source: a page, a paragraph, an article ("p. 3", "para. 12", "art. 10"). */
    locator: text(TEXT_LIMITS.locator).optional(),
  })
  .refine((claim) => claim.field === "relation" || claim.date !== undefined, {
    message: "a claim about since or until must give the date the source asserts",
    path: ["date"],
  });

/** One relation with its claims: an entry of `data/starter/relations/*.json`, and the body of POST /relations. */
export const relationEntry = z
  .strictObject({
    subject: organizationCode,
    object: organizationCode,
    kind: z.enum(RELATION_KINDS),
    framework: slug.optional(),
    designation: slug.optional(),
    since: partialDate,
    until: partialDate.optional(),
    certainty: z.enum(CERTAINTIES).default("confirmed"),
    note: text(TEXT_LIMITS.note).optional(),
    claims: z.array(claimEntry).min(1, "every relation cites at least one source"),
  })
  .refine((relation) => (relation.kind === "partner") === (relation.framework !== undefined), {
    message: "a partner relation names its framework, and only a partner relation does",
    path: ["framework"],
  })
  .refine((relation) => (relation.kind === "designation") === (relation.designation !== undefined), {
    message: "a designation relation names its designation, and only a designation does",
    path: ["designation"],
  });

/** `data/starter/relations/*.json`. */
export const relationFile = z.array(relationEntry);

export type CountryEntry = z.infer<typeof countryFile>[number];
export type SourceEntry = z.infer<typeof sourceFile>[number];
export type OrganizationEntry = z.infer<typeof organizationFile>[number];
export type FrameworkEntry = z.infer<typeof frameworkFile>[number];
export type RelationEntry = z.infer<typeof relationFile>[number];
export type ClaimEntry = z.infer<typeof claimEntry>;

const fraction = z.strictObject({ numerator: z.number().int().min(0), denominator: z.number().int().min(1) });

/** A decision procedure (src/domain/procedures.ts) as JSON: a body's default, a proposal's own. */
export const procedureSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("consensus") }),
  z.strictObject({ kind: z.literal("silence") }),
  z.strictObject({
    kind: z.literal("majority"),
    threshold: z.union([z.literal("simple"), fraction]),
    base: z.enum(MAJORITY_BASES),
    quorum: fraction,
    abstentions: z.enum(ABSTENTION_RULES),
  }),
  z.strictObject({ kind: z.literal("unilateral") }),
]);
