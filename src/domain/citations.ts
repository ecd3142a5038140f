/**
 * Citations of the registry's sources, as a reader pastes them into a paper: APA (7th edition,
 * reference list) and Chicago (17th edition, bibliography), each with the place in the source
 * (page, paragraph) when a claim gives it; and a stable link to a page as of a date. Both styles
 * are English-language styles: month names are English whatever the reader's language.
 */
import type { Day, Precision } from "./dates.ts";

export type CitableSource = {
  title: string;
  publisher: string;
  published: Day | null;
  publishedPrecision: Precision | null;
  url: string | null;
  /** An archive reference: a shelf mark, a treaty series volume, a web archive address. */
  archive: string | null;
};

export type CitationStyle = "apa" | "chicago";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function parts(date: Day) {
  return {
    year: date.slice(0, 4),
    month: MONTHS[Number(date.slice(5, 7)) - 1] ?? "",
    day: String(Number(date.slice(8, 10))),
  };
}

/** APA's date: (2004, March 29), (2004, March), (2004) or (n.d.). */
function apaDate(date: Day | null, precision: Precision | null): string {
  if (!date || !precision) return "n.d.";
  const { year, month, day } = parts(date);
  if (precision === "year") return year;
  if (precision === "month") return `${year}, ${month}`;
  return `${year}, ${month} ${day}`;
}

/** Chicago's date: March 29, 2004, March 2004, 2004 or n.d. */
function chicagoDate(date: Day | null, precision: Precision | null): string {
  if (!date || !precision) return "n.d.";
  const { year, month, day } = parts(date);
  if (precision === "year") return year;
  if (precision === "month") return `${month} ${year}`;
  return `${month} ${day}, ${year}`;
}

/** Ends a sentence with a period unless it ends with punctuation already. */
const sentence = (text: string) => (/[.?!]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);
const clean = (text: string | null | undefined) => text?.replace(/\s+/g, " ").trim() || null;

/**
 * APA: `Publisher. (2004, March 29). Title (p. 3). https://…` — the organisation as author, the
 * locator after the title, the URL last without a period (or the archive reference with one).
 */
export function apaCitation(source: CitableSource, locator?: string | null): string {
  const title = clean(source.title) ?? "";
  const place = clean(locator);
  const parts = [
    sentence(clean(source.publisher) ?? ""),
    `(${apaDate(source.published, source.publishedPrecision)}).`,
    sentence(place ? `${title.replace(/[.]$/, "")} (${place})` : title),
  ];
  if (source.url) parts.push(source.url);
  else if (clean(source.archive)) parts.push(sentence(clean(source.archive) ?? ""));
  return parts.join(" ");
}

/**
 * Chicago (bibliography): `Publisher. "Title." March 29, 2004, p. 3. https://….` — the title in
 * quotation marks with the period inside them, the locator after the date.
 */
export function chicagoCitation(source: CitableSource, locator?: string | null): string {
  const title = (clean(source.title) ?? "").replace(/[.]$/, "");
  const place = clean(locator);
  const date = chicagoDate(source.published, source.publishedPrecision);
  const titlePart = /[?!]$/.test(title) ? `“${title}”` : `“${title}.”`;
  const parts = [sentence(clean(source.publisher) ?? ""), titlePart, sentence(place ? `${date}, ${place}` : date)];
  const where = source.url ?? clean(source.archive);
  if (where) parts.push(sentence(where));
  return parts.join(" ");
}

export function citation(style: CitationStyle, source: CitableSource, locator?: string | null): string {
  return style === "apa" ? apaCitation(source, locator) : chicagoCitation(source, locator);
}

/**
 * A link to a page as of a date that stays the same tomorrow: the page's address with `at` set
 * to the date (replacing any `at` already there), other parameters kept, no fragment.
 */
export function stableLink(pageUrl: string, at: Day): string {
  const url = new URL(pageUrl);
  url.searchParams.set("at", at);
  url.hash = "";
  return url.toString();
}
