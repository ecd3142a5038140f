/**
 * The format of the information exchanges' starter data:
 * - `data/starter/exchanges/regimes.json`: the regimes (who reports, from which year, the
 *   deadline rule, whether returns are restricted to the participants) and their versioned forms,
 *   as data (src/domain/exchanges.ts gives them their meaning);
 * - `data/starter/exchanges/returns.json`: what a regime's publications say, figure by figure, as
 *   the sources give them, `reconstructed` where a figure is an aggregate (over states or years)
 *   rather than one state's return for one year.
 * Every regime, deadline, form, figure and submission cites a source (data/starter/sources.json)
 * with a short verbatim quote. Notes are English, for whoever maintains the data; names and
 * labels a reader sees are in the four languages.
 */
import { z } from "zod";
import { parsePartialDate } from "../../domain/dates.ts";
import {
  AMOUNT_SCALES,
  deadlineRuleProblems,
  type ExchangeForm,
  type ExchangeRegime,
  expandForm,
  formProblems,
} from "../../domain/exchanges.ts";
import { TEXT_LIMITS } from "./format.ts";

const text = (max: number) => z.string().min(1).max(max, `must be at most ${max} characters`);
const inFourLanguages = (max: number) => z.strictObject({ en: text(max), es: text(max), pt: text(max), fr: text(max) });
const labels = inFourLanguages(300);
const stateCode = z.string().regex(/^[A-Z]{3}$/, "must be an ISO 3166-1 alpha-3 code");
const organizationCode = z.string().regex(/^[A-Z][A-Z0-9]{1,15}$/, "must be upper-case letters and digits");
const sourceId = z
  .string()
  .max(100, "must be at most 100 characters")
  .regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits and hyphens");
const code = z
  .string()
  .max(64, "must be at most 64 characters")
  .regex(/^[a-z][a-z0-9-]*$/, "must be lower-case letters, digits and hyphens, starting with a letter");
const key = z
  .string()
  .max(64, "must be at most 64 characters")
  .regex(/^[a-z][a-z0-9_]*$/, "must be lower-case letters, digits and underscores, starting with a letter");
/** A field key as totals and figures name it: a field's, or a matrix cell's (`matrix.row.column`). */
const fieldRef = z
  .string()
  .max(200, "must be at most 200 characters")
  .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*)?$/, "must be a field key or matrix.row.column");
const year = z.number().int().min(1900).max(2100);
const partialDate = z
  .string()
  .refine((value) => parsePartialDate(value) !== undefined, "must be a date written YYYY, YYYY-MM or YYYY-MM-DD");

/** Where a fact comes from: a source, a short verbatim quote, and where in the source. */
const citation = z.strictObject({
  source: sourceId,
  quote: text(TEXT_LIMITS.quote),
  locator: text(TEXT_LIMITS.locator).optional(),
});
const citations = z.array(citation).min(1, "cites at least one source");

const fieldCommon = { key, labels, required: z.boolean(), group: key.optional() };
const bound = z.number().finite();

export const formField = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("amount"), ...fieldCommon, min: bound.min(0).optional(), max: bound.optional() }),
  z.strictObject({
    kind: z.literal("number"),
    ...fieldCommon,
    unit: text(40).optional(),
    units: z.array(text(40)).min(1).optional(),
    decimals: z.number().int().min(0).max(6).optional(),
    min: bound.optional(),
    max: bound.optional(),
  }),
  z.strictObject({
    kind: z.literal("integer"),
    ...fieldCommon,
    unit: text(40).optional(),
    min: z.number().int().optional(),
    max: z.number().int().optional(),
  }),
  z.strictObject({ kind: z.literal("text"), ...fieldCommon, maxLength: z.number().int().min(1).max(20_000) }),
  z.strictObject({
    kind: z.literal("choice"),
    ...fieldCommon,
    options: z.array(z.strictObject({ value: key, labels })).min(1),
    multiple: z.boolean().optional(),
  }),
]);

const matrixLine = z.strictObject({ key, labels });

export const formMatrix = z.strictObject({
  key,
  labels,
  kind: z.enum(["amount", "integer"]),
  required: z.boolean(),
  group: key.optional(),
  rows: z.array(matrixLine).min(1),
  columns: z.array(matrixLine).min(1),
});

export const startingForm = z.strictObject({
  code,
  version: z.number().int().min(1),
  validFrom: year,
  validUntil: year.optional(),
  names: labels,
  nilAllowed: z.boolean(),
  groups: z.array(z.strictObject({ key, labels })),
  fields: z.array(formField),
  matrices: z.array(formMatrix),
  totals: z.array(
    z.strictObject({ field: fieldRef, of: z.array(fieldRef).min(1), tolerance: z.number().finite().min(0).optional() }),
  ),
  comparison: z.strictObject({ total: fieldRef, population: fieldRef.optional(), gdp: fieldRef.optional() }).optional(),
  citations,
  /** What the form leaves out or simplifies, and why. */
  note: text(TEXT_LIMITS.note).optional(),
});

export const startingDeadline = z
  .strictObject({
    kind: z.literal("annual"),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    yearOffset: z.number().int().min(-2).max(2),
    /** True when no held source states the deadline and the team chose it: `explanation` says why. */
    assumed: z.boolean(),
    /** The rule in words: which reporting year is due when, and why this day is the last day on time. */
    explanation: text(TEXT_LIMITS.note),
    citations: z.array(citation),
  })
  .superRefine((deadline, ctx) => {
    for (const problem of deadlineRuleProblems(deadline)) ctx.addIssue({ code: "custom", message: problem });
    if (!deadline.assumed && deadline.citations.length === 0)
      ctx.addIssue({ code: "custom", message: "a deadline not assumed cites its source", path: ["citations"] });
  });

export const startingParticipants = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("organisation"), organisation: organizationCode }),
  z.strictObject({ kind: z.literal("states"), states: z.array(stateCode).min(1) }),
  z.strictObject({ kind: z.literal("all-states") }),
]);

export const startingRegime = z.strictObject({
  code,
  names: labels,
  participants: startingParticipants,
  firstYear: year,
  /** Returns shown to the participating states only (true), or to anyone (false): the default a label may narrow. */
  restricted: z.boolean(),
  deadline: startingDeadline,
  citations,
  note: text(TEXT_LIMITS.note).optional(),
  forms: z.array(startingForm).min(1),
});

/** `data/starter/exchanges/regimes.json`. */
export const exchangeRegimesFile = z
  .strictObject({
    /** How the regimes were put together from the sources, and what they leave out. */
    note: text(TEXT_LIMITS.note),
    regimes: z.array(startingRegime).min(1),
  })
  .superRefine((file, ctx) => {
    const regimeCodes = new Set<string>();
    const formOwners = new Map<string, string>();
    for (const [r, regime] of file.regimes.entries()) {
      if (regimeCodes.has(regime.code))
        ctx.addIssue({ code: "custom", message: "two regimes have this code", path: ["regimes", r, "code"] });
      regimeCodes.add(regime.code);
      const versions = new Map<string, { version: number; from: number; until: number }[]>();
      for (const [f, form] of regime.forms.entries()) {
        const path = ["regimes", r, "forms", f];
        const owner = formOwners.get(form.code);
        if (owner !== undefined && owner !== regime.code)
          ctx.addIssue({
            code: "custom",
            message: `the form code belongs to regime ${owner}`,
            path: [...path, "code"],
          });
        formOwners.set(form.code, regime.code);
        if (form.validFrom < regime.firstYear)
          ctx.addIssue({
            code: "custom",
            message: "the form is for years before the regime's first",
            path: [...path, "validFrom"],
          });
        const span = {
          version: form.version,
          from: form.validFrom,
          until: form.validUntil ?? Number.POSITIVE_INFINITY,
        };
        for (const other of versions.get(form.code) ?? []) {
          if (other.version === span.version)
            ctx.addIssue({
              code: "custom",
              message: "two forms have this code and version",
              path: [...path, "version"],
            });
          else if (span.from <= other.until && other.from <= span.until)
            ctx.addIssue({
              code: "custom",
              message: `version ${span.version} covers years of version ${other.version}`,
              path: [...path, "validFrom"],
            });
        }
        versions.set(form.code, [...(versions.get(form.code) ?? []), span]);
        for (const problem of formProblems(toForm(regime.code, form)))
          ctx.addIssue({ code: "custom", message: problem, path });
      }
    }
  });
export type ExchangeRegimesFile = z.output<typeof exchangeRegimesFile>;
export type StartingRegime = z.output<typeof startingRegime>;
export type StartingForm = z.output<typeof startingForm>;

function toForm(regime: string, form: StartingForm): ExchangeForm {
  const { citations: _citations, note: _note, ...rest } = form;
  return { ...rest, regime };
}

/** The domain's regimes and forms from the file, each form naming its regime. */
export function exchangeRegimesOf(file: ExchangeRegimesFile): { regimes: ExchangeRegime[]; forms: ExchangeForm[] } {
  return {
    regimes: file.regimes.map(({ forms: _forms, citations: _citations, note: _note, deadline, ...regime }) => ({
      ...regime,
      deadline: {
        kind: deadline.kind,
        month: deadline.month,
        day: deadline.day,
        yearOffset: deadline.yearOffset,
        ...(deadline.assumed ? { assumed: true } : {}),
      },
    })),
    forms: file.regimes.flatMap((regime) => regime.forms.map((form) => toForm(regime.code, form))),
  };
}

// ------------------------------------------------------------------ returns.json

/**
 * What a published figure measures: an amount (in `currency` × `scale`); a share, in percent, of
 * the region's total (a state's), of the scope's own total (an object or an institution), or of
 * GDP; or an amount per inhabitant.
 */
export const FIGURE_MEASURES = ["amount", "share-of-region", "share-of-total", "share-of-gdp", "per-capita"] as const;

export const publishedFigure = z
  .strictObject({
    /** The region (every participant) or one state. */
    scope: z.union([z.literal("region"), stateCode]),
    from: year,
    to: year,
    /** The form field the figure is about (the total, an object's column, an institution's row). */
    field: fieldRef,
    measure: z.enum(FIGURE_MEASURES),
    value: z.number().finite().min(0),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code")
      .optional(),
    scale: z
      .number()
      .refine((value) => (AMOUNT_SCALES as readonly number[]).includes(value), "must be 1, 1000, 1000000 or 1000000000")
      .optional(),
    /** A yearly average over `from`–`to`, not a sum over it. */
    average: z.boolean().optional(),
    /** An aggregate (over states or years) the publication computed, not one state's return for one year. */
    reconstructed: z.boolean(),
    ...citation.shape,
  })
  .superRefine((figure, ctx) => {
    if (figure.to < figure.from) ctx.addIssue({ code: "custom", message: "ends before it starts", path: ["to"] });
    const money = figure.measure === "amount" || figure.measure === "per-capita";
    if (money && figure.currency === undefined)
      ctx.addIssue({ code: "custom", message: "an amount names its currency", path: ["currency"] });
    if (!money && (figure.currency !== undefined || figure.scale !== undefined))
      ctx.addIssue({ code: "custom", message: "a share is a percentage: no currency, no scale", path: ["currency"] });
    if (!money && figure.value > 100)
      ctx.addIssue({ code: "custom", message: "a percentage is at most 100", path: ["value"] });
    const aggregated = figure.scope === "region" || figure.from !== figure.to;
    if (aggregated && !figure.reconstructed)
      ctx.addIssue({
        code: "custom",
        message: "a figure over the region or several years is an aggregate: reconstructed",
        path: ["reconstructed"],
      });
  });

/** A state's return as a source reports it: for which years, and submitted no later than `by`. */
export const publishedSubmission = z.strictObject({
  state: stateCode,
  from: year,
  to: year,
  by: partialDate,
  /** True when the source does not name the state and the team inferred it (e.g. "the rest" of the members). */
  reconstructed: z.boolean(),
  ...citation.shape,
});

export const startingPublication = z.strictObject({
  id: code,
  regime: code,
  form: code,
  titles: inFourLanguages(TEXT_LIMITS.title),
  publisher: text(TEXT_LIMITS.publisher),
  published: partialDate,
  from: year,
  to: year,
  note: text(TEXT_LIMITS.note).optional(),
  /** The publication itself: that it was published, when and by whom. */
  ...citation.shape,
  figures: z.array(publishedFigure).min(1),
  submissions: z.array(publishedSubmission),
});

/** `data/starter/exchanges/returns.json`. */
export const exchangeReturnsFile = z.strictObject({
  note: text(TEXT_LIMITS.note),
  publications: z.array(startingPublication),
});
export type ExchangeReturnsFile = z.output<typeof exchangeReturnsFile>;

/**
 * What in the returns file does not fit the regimes file (empty when all does): unknown regimes
 * and forms, fields the form does not have, years outside the publication's, figures or
 * submissions of states that are neither the region nor a participant by the given list.
 */
export function publicationProblems(
  regimes: ExchangeRegimesFile,
  returns: ExchangeReturnsFile,
  participantsOf: (regime: string) => ReadonlySet<string> | undefined = () => undefined,
): string[] {
  const problems: string[] = [];
  const { forms } = exchangeRegimesOf(regimes);
  const ids = new Set<string>();
  for (const publication of returns.publications) {
    const where = `publication ${publication.id}`;
    if (ids.has(publication.id)) problems.push(`${where}: two publications have this id`);
    ids.add(publication.id);
    if (!regimes.regimes.some((regime) => regime.code === publication.regime))
      problems.push(`${where}: no regime ${publication.regime}`);
    const form = forms
      .filter((candidate) => candidate.code === publication.form && candidate.regime === publication.regime)
      .sort((a, b) => b.version - a.version)[0];
    if (!form) problems.push(`${where}: regime ${publication.regime} has no form ${publication.form}`);
    const participants = participantsOf(publication.regime);
    for (const [i, figure] of publication.figures.entries()) {
      if (form && !expandForm(form).byKey.has(figure.field))
        problems.push(`${where}, figure ${i}: the form has no field ${figure.field}`);
      if (figure.from < publication.from || figure.to > publication.to)
        problems.push(`${where}, figure ${i}: outside the publication's years`);
      if (participants && figure.scope !== "region" && !participants.has(figure.scope))
        problems.push(`${where}, figure ${i}: ${figure.scope} is not a participant`);
    }
    for (const [i, submission] of publication.submissions.entries()) {
      if (submission.from < publication.from || submission.to > publication.to)
        problems.push(`${where}, submission ${i}: outside the publication's years`);
      if (participants && !participants.has(submission.state))
        problems.push(`${where}, submission ${i}: ${submission.state} is not a participant`);
    }
  }
  return problems;
}
