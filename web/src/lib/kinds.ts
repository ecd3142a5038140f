import type { Kind } from "./types.ts";

/**
 * How each kind of relation is drawn. Colour is never the only carrier: the legend names each
 * kind, applicants and suspended states are also hatched, and the list says it in words.
 */
export const KIND_STYLE: Record<Kind, { fill: string; pattern?: "hatch" | "cross" }> = {
  member: { fill: "#1f4e89" },
  partner: { fill: "#2a9d8f" },
  associate: { fill: "#7b61b0" },
  observer: { fill: "#e0a526" },
  applicant: { fill: "#6f93bd", pattern: "hatch" },
  suspended: { fill: "#c2453d", pattern: "cross" },
  designation: { fill: "#5f8f3e" },
};

export const NO_RELATION_FILL = "#d9dfe6";
export const UNKNOWN_FILL = "#eceff3";

/** Display order of the groups and the legend, strongest tie first. */
export const KIND_ORDER: Kind[] = [
  "member",
  "suspended",
  "associate",
  "partner",
  "observer",
  "applicant",
  "designation",
];

/**
 * Which relation colours a country that holds several at once: a suspension outranks the
 * membership it suspends, then the display order.
 */
const COLOUR_ORDER: Kind[] = ["suspended", "member", "associate", "partner", "observer", "applicant", "designation"];

export function kindRank(kind: Kind): number {
  const index = KIND_ORDER.indexOf(kind);
  return index === -1 ? KIND_ORDER.length : index;
}

export function colourRank(kind: Kind): number {
  const index = COLOUR_ORDER.indexOf(kind);
  return index === -1 ? COLOUR_ORDER.length : index;
}

export function patternId(kind: Kind): string {
  return `pattern-${kind}`;
}

/** The SVG fill for a kind: a pattern id for hatched kinds, a colour otherwise. */
export function kindFill(kind: Kind): string {
  return KIND_STYLE[kind].pattern ? `url(#${patternId(kind)})` : KIND_STYLE[kind].fill;
}
