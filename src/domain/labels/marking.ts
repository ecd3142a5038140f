/**
 * The display marking of a label: the banner at the top and bottom of every view of a document,
 * e.g. "NATO RESTRICTED Releasable to COL". Its words are the policy's (a policy's markings are
 * data, like a SPIF's markingData), not the reader's language.
 */
import type { ConfidentialityLabel, SecurityPolicy } from "./model.ts";
import { categoryOf, effectiveType, normalizeLabel } from "./policies.ts";

/** What an empty permissive category shows: it lets nobody in, and the banner must not hide it. */
export const NOBODY_MARK = "—";

/**
 * The marking: the classification's marking, then each category with values as its phrase and
 * its values joined by ", " (permissive and restrictive categories in the policy's order, then
 * the informative ones). Values are in the policy's order where it lists them, else sorted, so the
 * same label always gives the same marking. An empty permissive category (a dominant label whose
 * parts share no release) shows its phrase and "—", since it lets nobody in; other empty
 * categories are left out. Without its policy, the label's own words are used.
 */
export function displayMarking(label: ConfidentialityLabel, policy?: SecurityPolicy): string {
  const own = policy && policy.id === label.policy ? policy : undefined;
  const head =
    own?.classifications.find((classification) => classification.name === label.classification)?.marking ??
    label.classification;
  const categories = normalizeLabel(label, own).categories;
  const ordered = [
    ...categories.filter((category) => effectiveType(own, category) !== "informative"),
    ...categories.filter((category) => effectiveType(own, category) === "informative"),
  ];
  const parts = [head];
  for (const category of ordered) {
    const permissive = effectiveType(own, category) === "permissive";
    if (category.values.length === 0 && !permissive) continue;
    const phrase = own ? (categoryOf(own, category.tagName)?.markingPhrase ?? category.tagName) : category.tagName;
    const values = category.values.length === 0 ? NOBODY_MARK : category.values.join(", ");
    parts.push(phrase === "" ? values : `${phrase} ${values}`);
  }
  return parts.join(" ");
}
