/**
 * Cooperation programmes: the vocabulary of the partnership menu, individual programmes, events
 * and nominations, and results (the IATI 2.03 results model), with the pure rules over them:
 * who is eligible for an activity on a day, and what a period's actual value is. The database's
 * enums take their values from here (src/db/schema.ts); the web app imports it.
 */
import type { Language } from "./languages.ts";

/** What kind of activity a menu item is. */
export const ACTIVITY_TYPES = [
  "course",
  "exercise",
  "seminar",
  "conference",
  "workshop",
  "expert-visit",
  "training",
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/**
 * The areas of cooperation of a partnership menu. NATO's Partnership Cooperation Menu groups its
 * activities in over 30 areas; these are the areas the source documents name and the menu's
 * usual headings. Their names, in every language, are in cooperation-names.ts.
 */
export const COOPERATION_AREAS = [
  "building-integrity",
  "civil-emergency-planning",
  "civil-military-relations",
  "consultation-command-control",
  "counter-terrorism",
  "counter-ied",
  "crisis-management",
  "cyber-defence",
  "defence-education",
  "defence-policy-planning",
  "democratic-control",
  "demining",
  "emerging-security-challenges",
  "energy-security",
  "gender-wps",
  "human-security",
  "intelligence-sharing",
  "interoperability",
  "language-training",
  "legal-advisors",
  "logistics",
  "maritime-security",
  "medical",
  "military-education",
  "military-exercises",
  "non-proliferation",
  "operations",
  "organised-crime",
  "public-diplomacy",
  "science-for-peace",
  "security-sector-reform",
  "small-arms",
  "standardization",
  "stratcom",
] as const;
export type CooperationArea = (typeof COOPERATION_AREAS)[number];

/**
 * Who may take part in an activity: every partner of the organisation, the partners of one of its
 * frameworks, or named partners. Always judged against the registry on the event's date: a named
 * state whose partnership has ended is no longer eligible.
 */
export type Eligibility =
  | { kind: "all-partners" }
  | { kind: "framework"; framework: string }
  | { kind: "states"; states: string[] };
export const ELIGIBILITY_KINDS = ["all-partners", "framework", "states"] as const;

/** A state's partnerships with the organisation valid on the day in question (framework slug, or null for none). */
export type PartnershipOnDay = { framework: string | null };

/** Whether `state`, with these partnerships on the day, may take part in an activity of this eligibility. */
export function isEligible(
  eligibility: Eligibility,
  state: string,
  partnerships: readonly PartnershipOnDay[],
): boolean {
  if (partnerships.length === 0) return false;
  switch (eligibility.kind) {
    case "all-partners":
      return true;
    case "framework":
      return partnerships.some((p) => p.framework === eligibility.framework);
    case "states":
      return eligibility.states.includes(state);
  }
}

/** The programme kinds Concord knows by name; an organisation may name another (at most 40 characters). */
export const PROGRAMME_KINDS = ["IPCP", "ITPP", "IPAP", "ANP"] as const;
export const PROGRAMME_KIND_MAX = 40;

/**
 * A programme version's life: drafted by the partner's delegation with the secretariat, proposed
 * for agreement (a proposal in the decisions engine), in force once agreed, superseded when the
 * next version comes into force; or not agreed.
 */
export const VERSION_STATUSES = ["draft", "proposed", "in-force", "superseded", "not-agreed"] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** An event's life: proposed (by a partner or the provider), approved by the secretariat, confirmed by the provider, held; or cancelled. */
export const EVENT_STATUSES = ["proposed", "approved", "confirmed", "held", "cancelled"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** A nomination's life: nominated by the delegation, confirmed or declined by the provider; or withdrawn by the delegation. */
export const NOMINATION_STATUSES = ["nominated", "confirmed", "declined", "withdrawn"] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

/** IATI 2.03's indicator measures (codelist IndicatorMeasure: 1 unit, 2 percentage, 3 nominal, 4 ordinal, 5 qualitative). */
export const MEASURES = ["unit", "percentage", "nominal", "ordinal", "qualitative"] as const;
export type Measure = (typeof MEASURES)[number];
export const IATI_MEASURE_CODE: Record<Measure, number> = {
  unit: 1,
  percentage: 2,
  nominal: 3,
  ordinal: 4,
  qualitative: 5,
};

/** An indicator update's life: only approved updates count towards a period's actual. */
export const UPDATE_STATUSES = ["draft", "pending-approval", "approved", "returned"] as const;
export type UpdateStatus = (typeof UPDATE_STATUSES)[number];

/** Limits on stored text, shared by the database's checks, the API's schemas and the forms. */
export const COOPERATION_LIMITS = {
  code: 40,
  ref: 20,
  title: 300,
  description: 4000,
  provider: 200,
  place: 200,
  personName: 200,
  rankOrFunction: 200,
  narrative: 4000,
  comment: 2000,
  report: 20_000,
} as const;

/** A number or text an update reports: a value, a percentage's parts, or (qualitative) words only. */
export type UpdateValue = {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  narrative: string | null;
  approvedAt: string;
};

/** A period's actual: the sum of values (unit), the pooled ratio (percentage), the latest (nominal, ordinal), or the latest words. */
export type Actual = { value: number | null; numerator?: number; denominator?: number; narrative: string | null };

/**
 * The actual of a period from its approved updates. Units add up (each update reports what was
 * achieved since the last); a percentage keeps its numerator and denominator, so two updates of
 * 3/4 and 1/4 make 4/8 = 50%, not the mean of 75% and 25%; nominal and ordinal values and
 * qualitative words are the latest approved. No approved update: no actual.
 */
export function periodActual(measure: Measure, approved: readonly UpdateValue[]): Actual | null {
  if (approved.length === 0) return null;
  const latest = [...approved].sort((a, b) => a.approvedAt.localeCompare(b.approvedAt)).at(-1) as UpdateValue;
  switch (measure) {
    case "unit": {
      const values = approved.map((u) => u.value).filter((v): v is number => v !== null);
      return { value: values.length === 0 ? null : values.reduce((a, b) => a + b, 0), narrative: latest.narrative };
    }
    case "percentage": {
      const parts = approved.filter((u) => u.numerator !== null && u.denominator !== null);
      const numerator = parts.reduce((a, u) => a + (u.numerator ?? 0), 0);
      const denominator = parts.reduce((a, u) => a + (u.denominator ?? 0), 0);
      return {
        value: denominator > 0 ? (100 * numerator) / denominator : null,
        numerator,
        denominator,
        narrative: latest.narrative,
      };
    }
    case "nominal":
    case "ordinal":
      return { value: latest.value, narrative: latest.narrative };
    case "qualitative":
      return { value: null, narrative: latest.narrative };
  }
}

/**
 * How far an indicator has come from its baseline towards a target, from 0 to 1 (capped): for an
 * ascending indicator (more is better) (actual − baseline) / (target − baseline); descending, the
 * same with the signs turned. Undefined when any of the three is missing or the target equals the
 * baseline; qualitative indicators have no progress.
 */
export function progressTowards(
  baseline: number | null,
  target: number | null,
  actual: number | null,
  ascending: boolean,
): number | null {
  if (baseline === null || target === null || actual === null || target === baseline) return null;
  const share = ascending ? (actual - baseline) / (target - baseline) : (baseline - actual) / (baseline - target);
  return Math.max(0, Math.min(1, share));
}

/** The mean of the progress values there are (a goal's over its indicators, a programme's over its goals); null when there are none. */
export function meanProgress(values: ReadonlyArray<number | null>): number | null {
  const present = values.filter((value): value is number => value !== null);
  return present.length === 0 ? null : present.reduce((sum, value) => sum + value, 0) / present.length;
}

/** The columns of the menu's CSV, in order: what GET /menu?format=csv writes, an import reads, and data/starter/cooperation/menu.csv holds. */
export const MENU_CSV_COLUMNS = [
  "code",
  "area",
  "type",
  "title_en",
  "title_es",
  "title_pt",
  "title_fr",
  "description_en",
  "description_es",
  "description_pt",
  "description_fr",
  "provider",
  "languages",
  "duration_days",
  "eligibility",
  "since",
  "until",
  "illustrative",
  "source",
] as const;
export type MenuCsvColumn = (typeof MENU_CSV_COLUMNS)[number];

/** A title held in several languages: the reader's, else English. */
export function titleIn(lang: Language, titles: { en: string } & Partial<Record<Language, string | null>>): string {
  return titles[lang] ?? titles.en;
}
