/**
 * Security policies as data (data/policies/*.json, in the spirit of a SPIF), and the check of a
 * label against its policy. Pure: no I/O; the caller reads the files and hands their text here.
 *
 * A policy file's mistakes are reported like the starter data's (src/services/starter/format.ts):
 * `path: what is wrong`, in English, for whoever maintains the file. A label's problems are
 * messages of the catalogue (src/domain/messages/labels.ts), for whoever labels a document.
 */
import { z } from "zod";
import { isDay } from "../dates.ts";
import { type Message, type MessageKey, msg } from "../messages/index.ts";
import {
  CATEGORY_TYPES,
  type CategoryType,
  type ConfidentialityLabel,
  type LabelCategory,
  type PolicyCategory,
  type PolicyClassification,
  type SecurityPolicy,
} from "./model.ts";

/** Limits on what a label and a policy may hold; texts are counted in characters (code points). */
export const LABEL_LIMITS = {
  policyId: 200,
  policyName: 100,
  classification: 100,
  marking: 100,
  tagName: 100,
  uri: 200,
  markingPhrase: 100,
  value: 100,
  valuesPerCategory: 50,
  categories: 20,
  classifications: 20,
  groups: 50,
  selectorsPerGroup: 20,
  succession: 10,
  note: 4000,
} as const;

/** The rank of every policy's lowest classification (its unclassified level): no clearance is needed to read it. */
export const unclassifiedRank = 0;

/** A registry code: a state ("COL") or an organisation ("NATO"), as the registry writes them (migration 0001). */
export const REGISTRY_CODE = /^[A-Z][A-Z0-9]{1,15}$/;
/** A framework's slug, as the registry writes them ("pfp", "partners-across-the-globe"). */
export const FRAMEWORK_SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;
/**
 * What a permissive category whose policy lists no values may hold: a registry code ("COL", or an
 * organisation, "NATO", standing for its members that day, or a policy's named group, "EAPC"), or
 * an organisation's partners ("NATO:partners") or one framework's partners ("NATO:pfp").
 */
const PERMISSIVE_VALUE = /^[A-Z][A-Z0-9]{1,15}(?::[a-z0-9][a-z0-9-]{0,99})?$/;

/** True when `value` may stand in a permissive category of open values (a registry code, a group form, a policy's group). */
export function isPermissiveValue(value: string, policy?: SecurityPolicy): boolean {
  return PERMISSIVE_VALUE.test(value) || (policy !== undefined && Object.hasOwn(policy.groups, value));
}

// ------------------------------------------------------------------------------------ texts

const CONTROL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the rule is about control characters
  /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Characters XML 1.0 cannot carry, or control characters a label has no use for. */
export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

/** Counts characters as PostgreSQL does (code points), not UTF-16 units. */
export const characterCount = (text: string): number => [...text].length;

type TextIssue = "blank" | "padded" | "characters" | "too_long";

function textIssue(text: string, max: number): TextIssue | null {
  if (text.trim() === "") return "blank";
  if (text.trim() !== text) return "padded";
  if (hasControlCharacters(text)) return "characters";
  if (characterCount(text) > max) return "too_long";
  return null;
}

const ENGLISH_TEXT_ISSUES: Record<TextIssue, (max: number) => string> = {
  blank: () => "must not be empty",
  padded: () => "must not begin or end with spaces",
  characters: () => "must not contain control characters",
  too_long: (max) => `must be at most ${max} characters`,
};

// -------------------------------------------------------------------------------- date-times

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/;

/** An ISO 8601 date and time with its zone, as xs:dateTime writes it: `2026-03-01T09:30:00Z`, `2026-03-01T09:30:00.5+02:00`. */
export function isDateTimeWithZone(text: string): boolean {
  const match = DATE_TIME.exec(text);
  if (!match) return false;
  const [, day, hours, minutes, seconds, , zone, zoneHours, zoneMinutes] = match;
  if (!day || !isDay(day)) return false;
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) return false;
  if (zone !== "Z" && (Number(zoneHours) > 14 || Number(zoneMinutes) > 59)) return false;
  return Number.isFinite(Date.parse(text));
}

/** Milliseconds since the epoch of a date-time with its zone (for ordering creation times). */
export const instantOf = (dateTime: string): number => Date.parse(dateTime);

// ---------------------------------------------------------------------------- the policy file

const englishText = (max: number) =>
  z.string().superRefine((value, ctx) => {
    const issue = textIssue(value, max);
    if (issue) ctx.addIssue({ code: "custom", message: ENGLISH_TEXT_ISSUES[issue](max) });
  });

const uri = englishText(LABEL_LIMITS.uri).refine(
  (value) => /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]+$/.test(value),
  "must be a URI, such as urn:oid:1.3.26.1.3.1",
);
const registryCode = z
  .string()
  .regex(REGISTRY_CODE, "must be a registry code: upper-case letters and digits (COL, NATO)");
const note = z.string().max(LABEL_LIMITS.note, `must be at most ${LABEL_LIMITS.note} characters`).optional();

const selectorSchema = z
  .strictObject({
    organization: registryCode,
    kind: z.enum(["member", "partner"]),
    framework: z
      .string()
      .regex(FRAMEWORK_SLUG, "must be a framework's slug: lower-case letters, digits and hyphens")
      .optional(),
  })
  .refine((selector) => selector.kind === "partner" || selector.framework === undefined, {
    message: "only a partner selector names a framework",
    path: ["framework"],
  });

const classificationSchema = z.strictObject({
  name: englishText(LABEL_LIMITS.classification),
  rank: z.number().int().min(0),
  marking: englishText(LABEL_LIMITS.marking),
});

const categorySchema = z.strictObject({
  tagName: englishText(LABEL_LIMITS.tagName),
  type: z.enum(CATEGORY_TYPES),
  uri,
  markingPhrase: z.string().superRefine((value, ctx) => {
    const issue = value === "" ? null : textIssue(value, LABEL_LIMITS.markingPhrase);
    if (issue) ctx.addIssue({ code: "custom", message: ENGLISH_TEXT_ISSUES[issue](LABEL_LIMITS.markingPhrase) });
  }),
  values: z
    .array(englishText(LABEL_LIMITS.value))
    .min(1, "must list at least one value, or be null for registry codes and groups")
    .max(LABEL_LIMITS.valuesPerCategory, `must list at most ${LABEL_LIMITS.valuesPerCategory} values`)
    .nullable(),
  note,
});

/**
 * What the fields' own checks cannot see: ranks in order, names given twice, groups named after
 * organisations. Defensive (it also runs on a file whose fields are wrong, so that one reading
 * names every mistake).
 */
function crossFieldErrors(value: unknown): { path: (string | number)[]; message: string }[] {
  const errors: { path: (string | number)[]; message: string }[] = [];
  if (typeof value !== "object" || value === null) return errors;
  const policy = value as Record<string, unknown>;
  const list = (field: unknown): Record<string, unknown>[] =>
    Array.isArray(field) ? field.map((item) => (typeof item === "object" && item !== null ? item : {})) : [];
  const classifications = list(policy.classifications);
  classifications.forEach((classification, index) => {
    if (typeof classification.rank === "number" && classification.rank !== index)
      errors.push({
        path: ["classifications", index, "rank"],
        message: `must be ${index}: classifications are listed from the lowest (rank 0, the unclassified level) up, one rank each`,
      });
  });
  const duplicates = (names: unknown[], path: (index: number) => (string | number)[], what: string) =>
    names.forEach((name, index) => {
      if (typeof name === "string" && names.indexOf(name) !== index)
        errors.push({ path: path(index), message: `${what} "${name}" is given twice` });
    });
  duplicates(
    classifications.map((c) => c.name),
    (i) => ["classifications", i, "name"],
    "the classification",
  );
  const categories = list(policy.categories);
  duplicates(
    categories.map((c) => c.tagName),
    (i) => ["categories", i, "tagName"],
    "the category",
  );
  categories.forEach((category, index) => {
    duplicates(
      Array.isArray(category.values) ? category.values : [],
      (i) => ["categories", index, "values", i],
      "the value",
    );
  });
  const groups = typeof policy.groups === "object" && policy.groups !== null ? Object.entries(policy.groups) : [];
  if (groups.length > LABEL_LIMITS.groups)
    errors.push({ path: ["groups"], message: `must name at most ${LABEL_LIMITS.groups} groups` });
  for (const [name, selectors] of groups)
    if (name === policy.organization || list(selectors).some((selector) => selector.organization === name))
      errors.push({
        path: ["groups", name],
        message:
          "a group cannot be named after an organisation: its code already stands for the organisation's members",
      });
  return errors;
}

/** The format of a policy file (data/policies/*.json): a SecurityPolicy, with optional `note`s for its readers. */
export const securityPolicySchema = z
  .strictObject({
    id: uri,
    name: englishText(LABEL_LIMITS.policyName),
    organization: registryCode.nullable(),
    version: z.number().int().min(1),
    note,
    classifications: z
      .array(classificationSchema)
      .min(1, "must list at least the unclassified level")
      .max(LABEL_LIMITS.classifications, `must list at most ${LABEL_LIMITS.classifications} classifications`),
    categories: z
      .array(categorySchema)
      .max(LABEL_LIMITS.categories, `must list at most ${LABEL_LIMITS.categories} categories`),
    groups: z.record(
      z.string().regex(REGISTRY_CODE, "a group's name must be upper-case letters and digits, like a registry code"),
      z
        .array(selectorSchema)
        .min(1, "a group needs at least one selector")
        .max(LABEL_LIMITS.selectorsPerGroup, `a group has at most ${LABEL_LIMITS.selectorsPerGroup} selectors`),
    ),
  })
  .superRefine((policy, ctx) => {
    for (const error of crossFieldErrors(policy))
      ctx.addIssue({ code: "custom", path: error.path, message: error.message });
  })
  .transform(
    ({ note: _note, categories, ...policy }): SecurityPolicy => ({
      ...policy,
      categories: categories.map(({ note: _categoryNote, ...category }) => category),
      groups: Object.fromEntries(
        Object.entries(policy.groups).map(([name, selectors]) => [
          name,
          selectors.map((selector) =>
            selector.framework === undefined
              ? { organization: selector.organization, kind: selector.kind }
              : { organization: selector.organization, kind: selector.kind, framework: selector.framework },
          ),
        ]),
      ),
    }),
  );

/** A mistake in a policy file (or a label's JSON): where (`classifications.2.rank`) and what. */
export type PolicyError = { readonly path: string; readonly message: string };

export type PolicyParse = { ok: true; policy: SecurityPolicy } | { ok: false; errors: PolicyError[] };

/** A policy file refused: its message lists every mistake, one a line, each with its field. */
export class PolicyFileError extends Error {
  override readonly name = "PolicyFileError";
  constructor(readonly errors: readonly PolicyError[]) {
    super(errors.map((error) => `${error.path}: ${error.message}`).join("\n"));
  }
}

/** Reads a policy file (its text, JSON, or the value already parsed from it); throws `PolicyFileError` naming each mistake's field. */
export function parsePolicy(json: unknown): SecurityPolicy {
  const parsed = safeParsePolicy(json);
  if (!parsed.ok) throw new PolicyFileError(parsed.errors);
  return parsed.policy;
}

/** As `parsePolicy`, answering the mistakes instead of throwing them. */
export function safeParsePolicy(json: unknown): PolicyParse {
  let value = json;
  if (typeof json === "string") {
    try {
      value = JSON.parse(json);
    } catch (error) {
      return { ok: false, errors: [{ path: "(file)", message: `is not JSON: ${(error as Error).message}` }] };
    }
  }
  const parsed = securityPolicySchema.safeParse(value);
  if (parsed.success) return { ok: true, policy: parsed.data };
  // The cross-field checks run inside the schema only once every field is right: add theirs.
  const errors = issuesOf(parsed.error.issues);
  const seen = new Set(errors.map((error) => `${error.path}: ${error.message}`));
  for (const error of issuesOf(crossFieldErrors(value)))
    if (!seen.has(`${error.path}: ${error.message}`)) errors.push(error);
  return { ok: false, errors };
}

const issuesOf = (issues: readonly { path: readonly PropertyKey[]; message: string }[]): PolicyError[] =>
  issues.map((issue) => ({ path: issue.path.map(String).join(".") || "(top)", message: issue.message }));

// ------------------------------------------------------------------------- a label in JSON

const boundedText = (max: number) =>
  z.string().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

const labelFields = {
  policy: boundedText(LABEL_LIMITS.policyId),
  classification: boundedText(LABEL_LIMITS.classification),
  categories: z
    .array(
      z.strictObject({
        tagName: boundedText(LABEL_LIMITS.tagName),
        type: z.enum(CATEGORY_TYPES),
        values: z
          .array(boundedText(LABEL_LIMITS.value))
          .max(LABEL_LIMITS.valuesPerCategory, `must hold at most ${LABEL_LIMITS.valuesPerCategory} values`),
      }),
    )
    .max(LABEL_LIMITS.categories, `must hold at most ${LABEL_LIMITS.categories} categories`),
  creationTime: z.string().max(40, "must be at most 40 characters"),
  originator: z.string().max(16, "must be at most 16 characters").nullable().default(null),
  reviewDate: z.string().max(10, "must be at most 10 characters").nullable().default(null),
};

const successorSchema = z.strictObject({
  ...labelFields,
  succession: z.array(z.never()).max(0, "a downgrade carries no downgrades of its own").default([]),
});

/**
 * A label as JSON (the API's other syntax beside 4774 XML): the model's shape, with every text and
 * list bounded. Only the shape: `checkLabel` says whether it is a valid label of its policy.
 * `originator` and `reviewDate` default to null, `succession` to none.
 */
export const labelJsonSchema: z.ZodType<ConfidentialityLabel, unknown> = z.strictObject({
  ...labelFields,
  succession: z
    .array(z.strictObject({ from: z.string().max(10, "must be at most 10 characters"), label: successorSchema }))
    .max(LABEL_LIMITS.succession, `must hold at most ${LABEL_LIMITS.succession} downgrades`)
    .default([]),
});

/** A label's JSON refused: `errors` name each mistake's field (`categories.0.values.2`). */
export class LabelJsonError extends Error {
  override readonly name = "LabelJsonError";
  constructor(readonly errors: readonly PolicyError[]) {
    super(errors.map((error) => `${error.path}: ${error.message}`).join("\n"));
  }
}

/** A label from its JSON (text or parsed value); throws `LabelJsonError` naming each field that is not the model's shape. */
export function parseLabelJson(json: unknown): ConfidentialityLabel {
  let value = json;
  if (typeof json === "string") {
    try {
      value = JSON.parse(json);
    } catch (error) {
      throw new LabelJsonError([{ path: "(label)", message: `is not JSON: ${(error as Error).message}` }]);
    }
  }
  const parsed = labelJsonSchema.safeParse(value);
  if (!parsed.success) throw new LabelJsonError(issuesOf(parsed.error.issues));
  return parsed.data;
}

// -------------------------------------------------------------------------------- look-ups

/** The policies Concord knows: a list, or a map from each one's identifier. */
export type Policies = readonly SecurityPolicy[] | ReadonlyMap<string, SecurityPolicy>;

/** The policies as a list. */
export const policyList = (policies: Policies): readonly SecurityPolicy[] =>
  Array.isArray(policies) ? policies : [...(policies as ReadonlyMap<string, SecurityPolicy>).values()];

/** The policy whose identifier is `id`. */
export function policyOf(policies: Policies, id: string): SecurityPolicy | undefined {
  return policyList(policies).find((policy) => policy.id === id);
}

/** The rank of the classification named `name` in `policy` (0 the lowest), or undefined for a name the policy lacks. */
export function classificationRank(policy: SecurityPolicy, name: string): number | undefined {
  return policy.classifications.find((classification) => classification.name === name)?.rank;
}

/** The classification of `policy` at `rank`. */
export function classificationAt(policy: SecurityPolicy, rank: number): PolicyClassification | undefined {
  return policy.classifications.find((classification) => classification.rank === rank);
}

/** The category of `policy` whose tag name is `tagName`. */
export function categoryOf(policy: SecurityPolicy, tagName: string): PolicyCategory | undefined {
  return policy.categories.find((category) => category.tagName === tagName);
}

/** The type a category has for the access rule: its policy's when the policy knows the tag name, else the label's own. */
export function effectiveType(policy: SecurityPolicy | undefined, category: LabelCategory): CategoryType {
  return (policy && categoryOf(policy, category.tagName)?.type) ?? category.type;
}

/**
 * The label in a canonical order: categories as its policy lists them (tag names it does not know
 * after, alphabetically), each category's values without repeats, in the policy's order when it
 * lists them, else sorted (code-unit order). The dominant label and the marking use this order.
 */
export function normalizeLabel(label: ConfidentialityLabel, policy?: SecurityPolicy): ConfidentialityLabel {
  const position = (tagName: string) => {
    const index = policy ? policy.categories.findIndex((category) => category.tagName === tagName) : -1;
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  const categories = [...label.categories]
    .map((category) => ({ ...category, values: orderValues(policy, category.tagName, category.values) }))
    .sort((a, b) => position(a.tagName) - position(b.tagName) || compareText(a.tagName, b.tagName));
  return {
    ...label,
    categories,
    succession: label.succession.map((step) => ({ from: step.from, label: normalizeLabel(step.label, policy) })),
  };
}

/** Values without repeats, in the policy's order for a category that lists them, else sorted. */
export function orderValues(policy: SecurityPolicy | undefined, tagName: string, values: readonly string[]): string[] {
  const unique = [...new Set(values)];
  const listed = policy ? categoryOf(policy, tagName)?.values : null;
  if (!listed) return unique.sort(compareText);
  const position = (value: string) => {
    const index = listed.indexOf(value);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  return unique.sort((a, b) => position(a) - position(b) || compareText(a, b));
}

/** Code-unit order: the same on every machine and in every locale. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// ------------------------------------------------------------------------- the label check

/** The message keys a label's problem may have (src/domain/messages/labels.ts). */
export type LabelProblemKey = Extract<MessageKey, `labels.problem.${string}` | `labels.dominant.${string}`>;

/**
 * One thing wrong with a label: where (`categories[1].values[0]`, `succession[0].label.classification`),
 * and what, as a message of the catalogue: `render(lang, problem)` says it in the reader's language.
 */
export type LabelProblem = {
  readonly path: string;
  readonly key: LabelProblemKey;
  readonly params: Readonly<Record<string, string | number | Message>>;
};

const problem = (
  path: string,
  key: LabelProblemKey,
  params: Record<string, string | number | Message> = {},
): LabelProblem => ({ path, key, params });

/** The words for a category type, as a message (`labels.type.permissive`, …). */
export function categoryTypeMessage(type: CategoryType): Message {
  return type === "permissive"
    ? msg("labels.type.permissive")
    : type === "restrictive"
      ? msg("labels.type.restrictive")
      : msg("labels.type.informative");
}

function textProblems(path: string, text: unknown, max: number): LabelProblem[] {
  if (typeof text !== "string") return [problem(path, "labels.problem.text_blank")];
  const issue = textIssue(text, max);
  if (issue === null) return [];
  return [
    issue === "too_long"
      ? problem(path, "labels.problem.text_too_long", { max })
      : problem(path, `labels.problem.text_${issue}`),
  ];
}

/**
 * What is wrong with `label` against the policies Concord knows: an unknown policy, classification
 * or category; a category whose type is not its policy's; a value the category does not list, or
 * (where it lists none) that is neither a registry code, a group form nor one of the policy's
 * groups; empty or repeated categories and values; texts too long, blank, padded or with control
 * characters; too many categories or values; a creation time, review date or originator of the
 * wrong form; downgrades out of day order, not lower than the label before them, of another policy
 * or carrying their own. An empty list: nothing is wrong.
 */
export function checkLabel(label: ConfidentialityLabel, policies: Policies): LabelProblem[] {
  return checkAt(label, policies, "", true);
}

function checkAt(label: ConfidentialityLabel, policies: Policies, prefix: string, top: boolean): LabelProblem[] {
  const problems: LabelProblem[] = [];
  const at = (field: string) => `${prefix}${field}`;
  const policy = policyOf(policies, label.policy);

  if (!policy) {
    problems.push(...textProblems(at("policy"), label.policy, LABEL_LIMITS.policyId));
    if (problems.length === 0)
      problems.push(problem(at("policy"), "labels.problem.unknown_policy", { policy: label.policy }));
  }

  const classificationText = textProblems(at("classification"), label.classification, LABEL_LIMITS.classification);
  problems.push(...classificationText);
  if (policy && classificationText.length === 0 && classificationRank(policy, label.classification) === undefined)
    problems.push(
      problem(at("classification"), "labels.problem.unknown_classification", {
        classification: label.classification,
        policy: policy.name,
      }),
    );

  if (label.categories.length > LABEL_LIMITS.categories)
    problems.push(problem(at("categories"), "labels.problem.too_many_categories", { max: LABEL_LIMITS.categories }));
  const seenTags = new Set<string>();
  label.categories.forEach((category, index) => {
    const path = at(`categories[${index}]`);
    const tagText = textProblems(`${path}.tagName`, category.tagName, LABEL_LIMITS.tagName);
    problems.push(...tagText);
    const tagName = category.tagName;
    if (tagText.length === 0) {
      if (seenTags.has(tagName))
        problems.push(problem(`${path}.tagName`, "labels.problem.duplicate_category", { tagName }));
      seenTags.add(tagName);
    }
    const known = policy ? categoryOf(policy, tagName) : undefined;
    if (policy && tagText.length === 0 && !known)
      problems.push(problem(`${path}.tagName`, "labels.problem.unknown_category", { tagName, policy: policy.name }));
    if (known && known.type !== category.type)
      problems.push(
        problem(`${path}.type`, "labels.problem.category_type", {
          tagName,
          type: categoryTypeMessage(category.type),
          expected: categoryTypeMessage(known.type),
        }),
      );
    if (category.values.length === 0)
      problems.push(problem(`${path}.values`, "labels.problem.empty_values", { tagName }));
    if (category.values.length > LABEL_LIMITS.valuesPerCategory)
      problems.push(
        problem(`${path}.values`, "labels.problem.too_many_values", { tagName, max: LABEL_LIMITS.valuesPerCategory }),
      );
    const type = known?.type ?? category.type;
    const seenValues = new Set<string>();
    category.values.forEach((value, valueIndex) => {
      const valuePath = `${path}.values[${valueIndex}]`;
      const valueText = textProblems(valuePath, value, LABEL_LIMITS.value);
      problems.push(...valueText);
      if (valueText.length > 0) return;
      if (seenValues.has(value))
        problems.push(problem(valuePath, "labels.problem.duplicate_value", { tagName, value }));
      seenValues.add(value);
      if (known?.values) {
        if (!known.values.includes(value))
          problems.push(problem(valuePath, "labels.problem.value_not_in_category", { tagName, value }));
      } else if (type === "permissive" && !isPermissiveValue(value, policy))
        problems.push(problem(valuePath, "labels.problem.value_not_a_code", { tagName, value }));
    });
  });

  if (!isDateTimeWithZone(label.creationTime))
    problems.push(problem(at("creationTime"), "labels.problem.creation_time", { value: String(label.creationTime) }));
  if (label.originator !== null && !REGISTRY_CODE.test(label.originator))
    problems.push(problem(at("originator"), "labels.problem.originator", { value: String(label.originator) }));
  if (label.reviewDate !== null && !isDay(label.reviewDate))
    problems.push(problem(at("reviewDate"), "labels.problem.day", { value: String(label.reviewDate) }));

  if (!top) return problems;

  if (label.succession.length > LABEL_LIMITS.succession)
    problems.push(problem(at("succession"), "labels.problem.too_many_successions", { max: LABEL_LIMITS.succession }));
  let previous: { from: string | null; label: ConfidentialityLabel } = { from: null, label };
  label.succession.forEach((step, index) => {
    const path = at(`succession[${index}]`);
    const from = String(step.from);
    if (!isDay(step.from)) problems.push(problem(`${path}.from`, "labels.problem.day", { value: from }));
    else if (previous.from !== null && isDay(previous.from) && step.from <= previous.from)
      problems.push(problem(`${path}.from`, "labels.problem.succession_order", { from, previous: previous.from }));
    if (step.label.policy !== label.policy)
      problems.push(problem(`${path}.label.policy`, "labels.problem.succession_policy", { from }));
    if (step.label.succession.length > 0 || step.label.reviewDate !== null)
      problems.push(problem(`${path}.label`, "labels.problem.succession_nested", { from }));
    if (policy) {
      const rank = classificationRank(policy, step.label.classification);
      const before = classificationRank(policy, previous.label.classification);
      if (rank !== undefined && before !== undefined && rank >= before)
        problems.push(
          problem(`${path}.label.classification`, "labels.problem.succession_not_lower", {
            from,
            classification: step.label.classification,
            previous: previous.label.classification,
          }),
        );
    }
    problems.push(...checkAt(step.label, policies, `${path}.label.`, false).filter((p) => !isSuccessorPolicyEcho(p)));
    previous = { from: step.from, label: step.label };
  });
  return problems;
}

/** A successor of another policy is said once (succession_policy), not again as an unknown policy. */
const isSuccessorPolicyEcho = (problem: LabelProblem): boolean => problem.key === "labels.problem.unknown_policy";
