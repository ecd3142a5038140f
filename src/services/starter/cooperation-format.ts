/**
 * The format of the cooperation starter data (`data/starter/cooperation/`): a partner's
 * programme reconstructed from the source documents, with its versions, the tree of objectives →
 * goals → activities and the events held, every node citing a source with a short verbatim quote.
 * The limits are those of src/db/migrations/0022_cooperation.sql (COOPERATION_LIMITS).
 */
import { z } from "zod";
import { ACTIVITY_TYPES, COOPERATION_AREAS, COOPERATION_LIMITS, PROGRAMME_KIND_MAX } from "../../domain/cooperation.ts";
import { parsePartialDate } from "../../domain/dates.ts";
import { TEXT_LIMITS } from "./format.ts";

/** Text of at least one character and at most `max`. */
const text = (max: number) => z.string().min(1).max(max, `must be at most ${max} characters`);

/** A full date, YYYY-MM-DD, that exists. */
export const fullDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a real date written YYYY-MM-DD")
  .refine((value) => parsePartialDate(value)?.precision === "day", "must be a real date written YYYY-MM-DD");

/** A node's reference, kept across versions (the database's check). */
export const nodeRef = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/, "must be 1 to 20 letters, digits, dots, hyphens or underscores");

/** A menu item's code (the database's check on menu_items.code). */
export const menuCode = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/,
    `must be 1 to ${COOPERATION_LIMITS.code} letters, digits, dots, hyphens or underscores`,
  );

const organizationCode = z.string().regex(/^[A-Z][A-Z0-9]{1,15}$/, "must be upper-case letters and digits");
const stateCode = z.string().regex(/^[A-Z]{3}$/, "must be an ISO 3166-1 alpha-3 code");
const sourceId = z
  .string()
  .max(100, "must be at most 100 characters")
  .regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits and hyphens");
const quote = text(TEXT_LIMITS.quote);
const locator = text(TEXT_LIMITS.locator);

const title = text(COOPERATION_LIMITS.title);
/** A title in the four languages (all required in the starter data). */
export const cooperationTitles = z.strictObject({ en: title, es: title, pt: title, fr: title });
const description = text(COOPERATION_LIMITS.description);

export const cooperationActivity = z.strictObject({
  ref: nodeRef,
  /** A code of data/starter/cooperation/menu.csv; without it, the activity is bespoke and has titles. */
  menuItem: menuCode.optional(),
  titles: cooperationTitles.optional(),
  /** The year it is planned for (within the programme's period). */
  year: z.number().int().min(1990).max(2200),
  description: description.optional(),
  source: sourceId,
  quote,
  locator: locator.optional(),
});

export const cooperationGoal = z.strictObject({
  ref: nodeRef,
  titles: cooperationTitles,
  description: description.optional(),
  source: sourceId,
  quote,
  locator: locator.optional(),
  activities: z.array(cooperationActivity),
});

export const cooperationObjective = z.strictObject({
  ref: nodeRef,
  area: z.enum(COOPERATION_AREAS),
  titles: cooperationTitles,
  description: description.optional(),
  source: sourceId,
  quote,
  locator: locator.optional(),
  goals: z.array(cooperationGoal),
});

export const cooperationVersion = z.strictObject({
  number: z.number().int().min(1),
  summary: description,
  status: z.enum(["in-force", "superseded"]),
  inForceFrom: fullDate,
  inForceUntil: fullDate.optional(),
  /** The source recording this version (a document; agreements made in Concord cite their decision). */
  source: sourceId,
  quote,
  locator: locator.optional(),
  objectives: z.array(cooperationObjective).min(1),
});

export const cooperationEvent = z.strictObject({
  menuItem: menuCode.optional(),
  title: title.optional(),
  startsOn: fullDate,
  endsOn: fullDate,
  place: text(COOPERATION_LIMITS.place).optional(),
  online: z.boolean().optional(),
  provider: text(COOPERATION_LIMITS.provider),
  status: z.literal("held"),
  source: sourceId,
  quote,
  locator: locator.optional(),
});

/** `data/starter/cooperation/<partner>-programme.json`. */
export const cooperationProgrammeFile = z
  .strictObject({
    organization: organizationCode,
    partner: stateCode,
    kind: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/, "must start with a letter or digit")
      .max(PROGRAMME_KIND_MAX, `must be at most ${PROGRAMME_KIND_MAX} characters`),
    start: fullDate,
    end: fullDate,
    reconstructed: z.literal(true),
    /** How the programme was reconstructed from the sources, and what they do not say. */
    note: text(TEXT_LIMITS.note),
    versions: z.array(cooperationVersion).min(1),
    events: z.array(cooperationEvent),
  })
  .superRefine((file, ctx) => {
    if (file.end < file.start)
      ctx.addIssue({ code: "custom", message: "the programme ends before it starts", path: ["end"] });
    const startYear = Number(file.start.slice(0, 4));
    const endYear = Number(file.end.slice(0, 4));
    const numbers = new Set<number>();
    for (const [v, version] of file.versions.entries()) {
      if (numbers.has(version.number))
        ctx.addIssue({ code: "custom", message: "two versions have this number", path: ["versions", v, "number"] });
      numbers.add(version.number);
      if ((version.status === "superseded") !== (version.inForceUntil !== undefined))
        ctx.addIssue({
          code: "custom",
          message: "a superseded version gives inForceUntil, and only a superseded one",
          path: ["versions", v, "inForceUntil"],
        });
      if (version.inForceUntil !== undefined && version.inForceUntil < version.inForceFrom)
        ctx.addIssue({
          code: "custom",
          message: "inForceUntil is before inForceFrom",
          path: ["versions", v, "inForceUntil"],
        });
      const refs = new Set<string>();
      const seen = (ref: string, path: (string | number)[]) => {
        if (refs.has(ref))
          ctx.addIssue({ code: "custom", message: `the ref ${ref} is used twice in this version`, path });
        refs.add(ref);
      };
      for (const [o, objective] of version.objectives.entries()) {
        seen(objective.ref, ["versions", v, "objectives", o, "ref"]);
        for (const [g, goal] of objective.goals.entries()) {
          seen(goal.ref, ["versions", v, "objectives", o, "goals", g, "ref"]);
          for (const [a, activity] of goal.activities.entries()) {
            const path = ["versions", v, "objectives", o, "goals", g, "activities", a];
            seen(activity.ref, [...path, "ref"]);
            if (activity.menuItem === undefined && activity.titles === undefined)
              ctx.addIssue({
                code: "custom",
                message: "an activity names a menu item or has its own titles",
                path: [...path, "titles"],
              });
            if (activity.year < startYear || activity.year > endYear)
              ctx.addIssue({
                code: "custom",
                message: `the year falls outside the programme's period (${startYear}–${endYear})`,
                path: [...path, "year"],
              });
          }
        }
      }
    }
    if (file.versions.filter((version) => version.status === "in-force").length > 1)
      ctx.addIssue({ code: "custom", message: "at most one version is in force", path: ["versions"] });
    for (const [e, event] of file.events.entries()) {
      if (event.endsOn < event.startsOn)
        ctx.addIssue({ code: "custom", message: "the event ends before it starts", path: ["events", e, "endsOn"] });
      if (event.menuItem === undefined && event.title === undefined)
        ctx.addIssue({
          code: "custom",
          message: "an event names a menu item or has its own title",
          path: ["events", e, "title"],
        });
      if (event.place === undefined && event.online !== true)
        ctx.addIssue({
          code: "custom",
          message: "an event has a place or is online",
          path: ["events", e, "place"],
        });
    }
  });

export type CooperationProgrammeFile = z.infer<typeof cooperationProgrammeFile>;
export type CooperationVersionEntry = CooperationProgrammeFile["versions"][number];
export type CooperationObjectiveEntry = CooperationVersionEntry["objectives"][number];
export type CooperationGoalEntry = CooperationObjectiveEntry["goals"][number];
export type CooperationActivityEntry = CooperationGoalEntry["activities"][number];
export type CooperationEventEntry = CooperationProgrammeFile["events"][number];
export type CooperationTitles = z.infer<typeof cooperationTitles>;

const optionalText = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .transform((value) => (value === "" ? null : value));

/** An eligibility cell: all-partners, framework:SLUG or states:COL;MNG. */
export const eligibilityCell = z
  .string()
  .regex(
    /^(all-partners|framework:[a-z0-9][a-z0-9-]*|states:[A-Z]{3}(;[A-Z]{3})*)$/,
    "must be all-partners, framework:SLUG or states:AAA;BBB",
  )
  .transform((value) => {
    if (value === "all-partners") return { kind: "all-partners" as const };
    if (value.startsWith("framework:")) return { kind: "framework" as const, framework: value.slice(10) };
    return { kind: "states" as const, states: value.slice(7).split(";") };
  });

/** One row of menu.csv, every cell a string as read, turned into the item's fields. */
export const menuCsvRow = z.strictObject({
  code: menuCode,
  area: z.enum(COOPERATION_AREAS),
  type: z.enum(ACTIVITY_TYPES),
  title_en: title,
  title_es: optionalText(COOPERATION_LIMITS.title),
  title_pt: optionalText(COOPERATION_LIMITS.title),
  title_fr: optionalText(COOPERATION_LIMITS.title),
  description_en: optionalText(COOPERATION_LIMITS.description),
  description_es: optionalText(COOPERATION_LIMITS.description),
  description_pt: optionalText(COOPERATION_LIMITS.description),
  description_fr: optionalText(COOPERATION_LIMITS.description),
  provider: text(COOPERATION_LIMITS.provider),
  languages: z
    .string()
    .regex(/^([a-z]{2}(;[a-z]{2}){0,11})?$/, "must be ISO 639-1 codes separated by semicolons")
    .transform((value) => (value === "" ? [] : value.split(";"))),
  duration_days: z
    .string()
    .regex(/^(|[1-9]\d{0,2})$/, "must be a whole number of days from 1 to 366, or empty")
    .transform((value) => (value === "" ? null : Number(value)))
    .refine((value) => value === null || value <= 366, "must be a whole number of days from 1 to 366, or empty"),
  eligibility: eligibilityCell,
  since: fullDate,
  until: z.union([z.literal("").transform(() => null), fullDate]),
  illustrative: z.enum(["true", "false"]).transform((value) => value === "true"),
  source: z.union([z.literal("").transform(() => null), sourceId]),
});
export type MenuCsvRow = z.infer<typeof menuCsvRow>;
