/**
 * A programme as an IATI 2.03 activity (the International Aid Transparency Initiative's Activity
 * Standard, https://iatistandard.org/en/iati-standard/203/): an `iati-activities version="2.03"`
 * document with one `iati-activity` per programme, in the order the schema's sequence requires
 * (data/iati/iati-activities-schema.xsd, validated in results-iati.test.ts with libxml2): its
 * identifier, the reporting organisation, title and description in every language held, the
 * participating organisations, status and dates, the partner as recipient country, and one
 * `result` per partnership goal (type 2, outcome) with its indicators: measure (IATI's
 * IndicatorMeasure code), direction, baseline, and each period's target and approved actual.
 * Sectors and policy markers are optional in the schema and Concord has no codes for them, so
 * none are written. Pure: the service gathers the data and calls this.
 */
import { IATI_MEASURE_CODE, type Measure } from "../../domain/cooperation.ts";
import { LANGUAGES, type Language } from "../../domain/languages.ts";

/** Text held in several languages: English always, the others where translated. */
export type IatiText = { en: string } & Partial<Record<Language, string | null>>;

export type IatiIndicator = {
  titles: IatiText;
  description: string | null;
  measure: Measure;
  ascending: boolean;
  /** IATI requires the baseline's year; an indicator without one has no baseline element. */
  baseline: { year: number; value: number | null; comment: string | null } | null;
  periods: Array<{
    start: string;
    end: string;
    target: { value: number | null; comment: string | null } | null;
    actual: { value: number | null; comment: string | null } | null;
  }>;
};

export type IatiResult = { titles: IatiText; description: string | null; indicators: IatiIndicator[] };

export type IatiActivity = {
  /** Prefixed with the reporting organisation's identifier, as IATI requires. */
  identifier: string;
  reportingOrg: { ref: string; type: number; names: IatiText };
  lastUpdated: string | null;
  titles: IatiText;
  descriptions: IatiText;
  participating: Array<{ role: number; type: number; ref: string | null; names: IatiText }>;
  /** IATI ActivityStatus: 1 pipeline, 2 implementation, 3 finalisation, 4 closed, 5 cancelled. */
  status: number;
  /** IATI ActivityDateType: 1 planned start, 2 actual start, 3 planned end, 4 actual end. */
  dates: Array<{ type: number; isoDate: string }>;
  /** ISO 3166-1 alpha-2. */
  recipientCountry: string | null;
  results: IatiResult[];
};

/** Whether XML 1.0 can carry this character (tabs and line breaks, not other controls, nor lone surrogates). */
function xmlCharacter(character: string): boolean {
  const point = character.codePointAt(0) ?? 0;
  if (point < 0x20) return point === 0x09 || point === 0x0a || point === 0x0d;
  if (point >= 0xd800 && point <= 0xdfff) return false;
  return point !== 0xfffe && point !== 0xffff;
}

/** Text and attribute values, escaped; characters XML 1.0 cannot hold are dropped. */
export function xmlEscape(text: string): string {
  return [...text]
    .filter(xmlCharacter)
    .join("")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

/** A number as IATI's @value: plain decimal notation, without binary noise (33.333333333333336 → 33.3333333333333). */
export function iatiNumber(value: number): string {
  const rounded = Number(value.toPrecision(15));
  if (Math.abs(rounded) < 1e21 && Math.abs(rounded) >= 1e-6) return String(rounded);
  if (rounded === 0) return "0";
  return rounded.toFixed(20).replace(/\.?0+$/, "");
}

type Attributes = Record<string, string | number | null | undefined>;

function attributes(attrs: Attributes): string {
  return Object.entries(attrs)
    .filter((entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${xmlEscape(String(value))}"`)
    .join("");
}

/** An element: empty, with text, or with child lines (indented). */
function element(name: string, attrs: Attributes, content?: string | string[]): string[] {
  if (content === undefined || (Array.isArray(content) && content.length === 0))
    return [`<${name}${attributes(attrs)}/>`];
  if (typeof content === "string") return [`<${name}${attributes(attrs)}>${xmlEscape(content)}</${name}>`];
  return [`<${name}${attributes(attrs)}>`, ...content.map((line) => `  ${line}`), `</${name}>`];
}

/** One narrative per language held (English first), each with its xml:lang. */
function narratives(text: IatiText): string[] {
  return LANGUAGES.flatMap((lang) => {
    const said = text[lang]?.trim();
    return said ? element("narrative", { "xml:lang": lang }, said) : [];
  });
}

const english = (text: string | null): IatiText | null => (text?.trim() ? { en: text } : null);

function comment(text: string | null): string[] {
  const said = english(text);
  return said ? element("comment", {}, narratives(said)) : [];
}

function indicatorLines(indicator: IatiIndicator): string[] {
  const qualitative = indicator.measure === "qualitative";
  const figure = (value: number | null) => (qualitative || value === null ? null : iatiNumber(value));
  const description = english(indicator.description);
  return element(
    "indicator",
    { measure: IATI_MEASURE_CODE[indicator.measure], ascending: indicator.ascending ? "1" : "0" },
    [
      ...element("title", {}, narratives(indicator.titles)),
      ...(description ? element("description", {}, narratives(description)) : []),
      ...(indicator.baseline
        ? element(
            "baseline",
            { year: indicator.baseline.year, value: figure(indicator.baseline.value) },
            comment(indicator.baseline.comment),
          )
        : []),
      ...indicator.periods.flatMap((period) =>
        element("period", {}, [
          ...element("period-start", { "iso-date": period.start }),
          ...element("period-end", { "iso-date": period.end }),
          ...(period.target
            ? element("target", { value: figure(period.target.value) }, comment(period.target.comment))
            : []),
          ...(period.actual
            ? element("actual", { value: figure(period.actual.value) }, comment(period.actual.comment))
            : []),
        ]),
      ),
    ],
  );
}

function activityLines(activity: IatiActivity): string[] {
  return element("iati-activity", { "last-updated-datetime": activity.lastUpdated, "xml:lang": "en", hierarchy: 1 }, [
    ...element("iati-identifier", {}, activity.identifier),
    ...element(
      "reporting-org",
      { ref: activity.reportingOrg.ref, type: activity.reportingOrg.type },
      narratives(activity.reportingOrg.names),
    ),
    ...element("title", {}, narratives(activity.titles)),
    ...element("description", { type: 1 }, narratives(activity.descriptions)),
    ...activity.participating.flatMap((org) =>
      element("participating-org", { ref: org.ref, type: org.type, role: org.role }, narratives(org.names)),
    ),
    ...element("activity-status", { code: activity.status }),
    ...activity.dates.flatMap((date) => element("activity-date", { type: date.type, "iso-date": date.isoDate })),
    ...(activity.recipientCountry
      ? element("recipient-country", { code: activity.recipientCountry, percentage: 100 })
      : []),
    // One result per goal; IATI requires each to have at least one indicator.
    ...activity.results
      .filter((result) => result.indicators.length > 0)
      .flatMap((result) => {
        const description = english(result.description);
        return element("result", { type: 2 }, [
          ...element("title", {}, narratives(result.titles)),
          ...(description ? element("description", {}, narratives(description)) : []),
          ...result.indicators.flatMap(indicatorLines),
        ]);
      }),
  ]);
}

/** The whole document: `iati-activities version="2.03"`, generated at `generatedAt`. */
export function iatiActivitiesXml(activities: readonly IatiActivity[], generatedAt: Date): string {
  const lines = element(
    "iati-activities",
    { version: "2.03", "generated-datetime": generatedAt.toISOString() },
    activities.flatMap(activityLines),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${lines.join("\n")}\n`;
}
