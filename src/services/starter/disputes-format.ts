/**
 * The format of the disputes starter data (`data/starter/disputes/disputes.json`): the interstate
 * disputes, court cases and dialogue the source documents name, every fact citing a source
 * (data/starter/sources.json) with a short verbatim quote. Dates keep the precision their source
 * gives (YYYY, YYYY-MM or YYYY-MM-DD): a missing month or day stays missing. The limits are those
 * of src/db/migrations/0029_disputes.sql (DISPUTE_LIMITS).
 */
import { z } from "zod";
import { parsePartialDate } from "../../domain/dates.ts";
import {
  CASE_STAGES,
  CASE_STATUSES,
  DIALOGUE_KINDS,
  DISPUTE_CLAIM_FIELDS,
  DISPUTE_LIMITS,
  HIGHEST_ACTION,
  REVISION_TYPES,
  SIDES,
} from "../../domain/disputes.ts";
import { fullDate } from "./cooperation-format.ts";
import { TEXT_LIMITS } from "./format.ts";

const text = (max: number) => z.string().min(1).max(max, `must be at most ${max} characters`);
const stateCode = z.string().regex(/^[A-Z]{3}$/, "must be an ISO 3166-1 alpha-3 code");
const sourceId = z
  .string()
  .max(100, "must be at most 100 characters")
  .regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits and hyphens");
const recordId = z
  .string()
  .max(DISPUTE_LIMITS.id, `must be at most ${DISPUTE_LIMITS.id} characters`)
  .regex(/^[a-z][a-z0-9-]*$/, "must be lower-case letters, digits and hyphens, starting with a letter");

/** A date at the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD. */
export const partialDate = z
  .string()
  .refine((value) => parsePartialDate(value) !== undefined, "must be a date written YYYY, YYYY-MM or YYYY-MM-DD");

/** Text in the four languages (all required in the starter data). */
const inFourLanguages = (max: number) => z.strictObject({ en: text(max), es: text(max), pt: text(max), fr: text(max) });

/** Where a fact comes from: a source, a verbatim quote, and where in the source. */
const cited = {
  source: sourceId,
  quote: text(TEXT_LIMITS.quote),
  locator: text(TEXT_LIMITS.locator).optional(),
};

export const disputeParty = z.strictObject({
  state: stateCode,
  side: z.enum(SIDES),
  /** Whether the state was there from the start (an originator) or joined later. */
  joined: z.boolean().optional(),
  /** The state seeking to change the status quo, and what it seeks. */
  revisionist: z.boolean().optional(),
  seeks: z.array(z.enum(REVISION_TYPES)).optional(),
});

export const disputeIncident = z.strictObject({
  date: partialDate,
  titles: inFourLanguages(DISPUTE_LIMITS.title),
  hostility: z.number().int().min(1).max(5).optional(),
  highestAction: z.number().int().min(0).max(HIGHEST_ACTION).optional(),
  ...cited,
});

/** Another source's account of one of the dispute's facts, shown beside it. */
export const disputeClaim = z.strictObject({
  field: z.enum(DISPUTE_CLAIM_FIELDS),
  value: text(DISPUTE_LIMITS.summary),
  ...cited,
});

export const startingDispute = z.strictObject({
  id: recordId,
  names: inFourLanguages(DISPUTE_LIMITS.name),
  summaries: inFourLanguages(DISPUTE_LIMITS.summary),
  parties: z.array(disputeParty).min(2),
  start: partialDate,
  end: partialDate.optional(),
  /**
   * Known to go on (a case pending, a claim maintained). Without an end and without this, the
   * sources give no end: the dispute counts as active up to its last dated fact, and is shown as
   * "end not recorded", never as ongoing.
   */
  ongoing: z.boolean().optional(),
  /** The highest hostility level (1–5) the sources say it reached, if they say. */
  hostility: z.number().int().min(1).max(5).optional(),
  /** GML MID dispute numbers that are episodes of this dispute (the import links them). */
  midNumbers: z.array(z.number().int().positive()).optional(),
  ...cited,
  incidents: z.array(disputeIncident),
  claims: z.array(disputeClaim).optional(),
});

export const startingCaseStage = z.strictObject({
  stage: z.enum(CASE_STAGES),
  date: fullDate,
  summaries: inFourLanguages(DISPUTE_LIMITS.summary),
  /** The court's document (a judgment, an order, an application), by its address. */
  document: z.string().url().max(TEXT_LIMITS.url).optional(),
  ...cited,
});

export const startingCase = z.strictObject({
  id: recordId,
  court: text(DISPUTE_LIMITS.court),
  titles: inFourLanguages(DISPUTE_LIMITS.title),
  applicant: stateCode,
  respondent: stateCode,
  /** The dispute (an id above) the case belongs to. */
  dispute: recordId.optional(),
  /** The basis of the court's jurisdiction, as the court or the application states it. */
  basis: text(DISPUTE_LIMITS.basis),
  status: z.enum(CASE_STATUSES),
  ...cited,
  stages: z.array(startingCaseStage).min(1),
});

export const startingDialogue = z.strictObject({
  id: recordId,
  kind: z.enum(DIALOGUE_KINDS),
  titles: inFourLanguages(DISPUTE_LIMITS.title),
  states: z.array(stateCode).min(2),
  dispute: recordId.optional(),
  start: partialDate,
  end: partialDate.optional(),
  participants: text(DISPUTE_LIMITS.participants).optional(),
  outcome: text(DISPUTE_LIMITS.outcome).optional(),
  ...cited,
});

/** `data/starter/disputes/disputes.json`. */
export const disputesStarterFile = z
  .strictObject({
    /** How the records were put together from the sources, and what they do not say. */
    note: text(TEXT_LIMITS.note),
    disputes: z.array(startingDispute),
    cases: z.array(startingCase),
    dialogues: z.array(startingDialogue),
  })
  .superRefine((file, ctx) => {
    const disputes = new Set<string>();
    for (const [d, dispute] of file.disputes.entries()) {
      if (disputes.has(dispute.id))
        ctx.addIssue({ code: "custom", message: "two disputes have this id", path: ["disputes", d, "id"] });
      disputes.add(dispute.id);
      if (dispute.ongoing && dispute.end !== undefined)
        ctx.addIssue({ code: "custom", message: "an ongoing dispute has no end", path: ["disputes", d, "ongoing"] });
      if (dispute.end !== undefined && dispute.end < dispute.start)
        ctx.addIssue({ code: "custom", message: "the dispute ends before it starts", path: ["disputes", d, "end"] });
      const states = dispute.parties.map((party) => party.state);
      if (new Set(states).size !== states.length)
        ctx.addIssue({ code: "custom", message: "a state is named twice", path: ["disputes", d, "parties"] });
    }
    for (const [c, courtCase] of file.cases.entries()) {
      if (courtCase.dispute !== undefined && !disputes.has(courtCase.dispute))
        ctx.addIssue({ code: "custom", message: "no dispute has this id", path: ["cases", c, "dispute"] });
      if (courtCase.applicant === courtCase.respondent)
        ctx.addIssue({ code: "custom", message: "applicant and respondent are one state", path: ["cases", c] });
    }
    for (const [g, dialogue] of file.dialogues.entries())
      if (dialogue.dispute !== undefined && !disputes.has(dialogue.dispute))
        ctx.addIssue({ code: "custom", message: "no dispute has this id", path: ["dialogues", g, "dispute"] });
  });
export type DisputesStarterFile = z.output<typeof disputesStarterFile>;
