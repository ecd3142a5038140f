/**
 * The dominant label of a compilation (a proposal with its attachments, a programme with its
 * documents): one label at least as strict as every part's, as ADatP-4774.1 §4.4 describes it.
 *
 * - the highest classification;
 * - permissive categories: per tag name, the values every part that has the category gives (the
 *   intersection). A part without the category puts no restriction on it, so the category is
 *   intersected over the parts that have it, and kept. (ADatP-4774.1 drops a permissive category
 *   absent from a part, or whose intersection is empty; that would let in readers a part keeps out,
 *   so Concord keeps it, and an empty intersection lets nobody in: `unreleasable` names those.)
 * - restrictive and informative categories: per tag name, the union of the values;
 * - labels of different policies cannot be compiled: a problem is returned.
 *
 * Downgrades: on each day a part is downgraded, the compilation's label is the dominant label of
 * the parts' labels in force that day. A downgrade is kept only when it lowers the classification
 * (a label's rule); otherwise it is folded into the label before it, which becomes the dominant of
 * both: stricter than needed until that day, never looser.
 */
import type { ConfidentialityLabel, LabelCategory, SecurityPolicy } from "./model.ts";
import { labelInForce } from "./access.ts";
import {
  type LabelProblem,
  categoryOf,
  classificationRank,
  compareText,
  instantOf,
  normalizeLabel,
  type Policies,
  policyOf,
} from "./policies.ts";

export type DominantResult =
  | {
      ok: true;
      label: ConfidentialityLabel;
      /** Tag names of permissive categories left with no value in the dominant label or one of its downgrades: nobody may read the compilation while that label is in force. */
      unreleasable: string[];
    }
  | { ok: false; problems: LabelProblem[] };

export type DominantOptions = {
  /** The dominant label's creation time; by default the latest of the parts'. */
  creationTime?: string;
  /** Who labels the compilation; by default the parts' originator when they all share one, else null. */
  originator?: string | null;
};

type Info = { classification: string; rank: number; categories: LabelCategory[] };

/** The dominant label of `parts` under their (common) policy, or the problems that prevent one. */
export function dominantLabel(
  parts: readonly ConfidentialityLabel[],
  policies: Policies,
  options: DominantOptions = {},
): DominantResult {
  if (parts.length === 0) return fail({ path: "parts", key: "labels.dominant.no_parts", params: {} });

  const everyLabel = parts.flatMap((part) => flatten(part));
  const ids = [...new Set(everyLabel.map((label) => label.policy))].sort(compareText);
  if (ids.length > 1)
    return fail({ path: "parts", key: "labels.dominant.mixed_policies", params: { policies: ids.join(", ") } });
  const policy = policyOf(policies, ids[0] ?? "");
  if (!policy)
    return fail({ path: "parts[0].policy", key: "labels.problem.unknown_policy", params: { policy: ids[0] ?? "" } });

  const problems: LabelProblem[] = [];
  parts.forEach((part, index) => {
    flatten(part).forEach((label) => {
      if (classificationRank(policy, label.classification) === undefined)
        problems.push({
          path: `parts[${index}].classification`,
          key: "labels.problem.unknown_classification",
          params: { classification: label.classification, policy: policy.name },
        });
    });
  });
  const types = new Map<string, Set<string>>();
  for (const label of everyLabel)
    for (const category of label.categories)
      if (!categoryOf(policy, category.tagName))
        types.set(category.tagName, (types.get(category.tagName) ?? new Set()).add(category.type));
  for (const [tagName, seen] of [...types].sort(([a], [b]) => compareText(a, b)))
    if (seen.size > 1) problems.push({ path: "parts", key: "labels.dominant.category_conflict", params: { tagName } });
  if (problems.length > 0) return { ok: false, problems };

  const originator =
    options.originator !== undefined
      ? options.originator
      : new Set(parts.map((part) => part.originator)).size === 1
        ? (parts[0]?.originator ?? null)
        : null;
  const reviews = parts.flatMap((part) => (part.reviewDate === null ? [] : [part.reviewDate])).sort(compareText);

  // Downgrades, folded into the label before them when they do not lower the classification.
  const days = [...new Set(everyLabel.flatMap((label) => label.succession.map((step) => step.from)))].sort(compareText);
  const stack: { from: string | null; info: Info; labels: ConfidentialityLabel[] }[] = [
    { from: null, info: combine(policy, parts), labels: [...parts] },
  ];
  for (const day of days) {
    const inForce = parts.map((part) => labelInForce(part, day));
    let entry: { from: string | null; info: Info; labels: ConfidentialityLabel[] } = {
      from: day,
      info: combine(policy, inForce),
      labels: inForce,
    };
    for (let previous = stack.at(-1); previous && entry.info.rank >= previous.info.rank; previous = stack.at(-1)) {
      stack.pop();
      entry = {
        from: previous.from,
        info: combineInfos(policy, [previous.info, entry.info]),
        labels: [...previous.labels, ...entry.labels],
      };
    }
    stack.push(entry);
  }

  const [first, ...rest] = stack;
  if (!first) return fail({ path: "parts", key: "labels.dominant.no_parts", params: {} });
  const toLabel = (info: Info, labels: readonly ConfidentialityLabel[]): ConfidentialityLabel => ({
    policy: policy.id,
    classification: info.classification,
    categories: info.categories,
    creationTime: options.creationTime ?? latestCreationTime(labels),
    originator,
    reviewDate: null,
    succession: [],
  });
  const label: ConfidentialityLabel = {
    ...toLabel(first.info, parts),
    reviewDate: reviews[0] ?? null,
    succession: rest.map((entry) => ({ from: entry.from ?? "", label: toLabel(entry.info, entry.labels) })),
  };
  const unreleasable = [
    ...new Set(
      [first, ...rest].flatMap((entry) =>
        entry.info.categories
          .filter((category) => category.type === "permissive" && category.values.length === 0)
          .map((category) => category.tagName),
      ),
    ),
  ].sort(compareText);
  return { ok: true, label, unreleasable };
}

const fail = (problem: LabelProblem): DominantResult => ({ ok: false, problems: [problem] });

/** A label and its downgrades, each as a label. */
function flatten(label: ConfidentialityLabel): ConfidentialityLabel[] {
  return [label, ...label.succession.flatMap((step) => flatten(step.label))];
}

/** The classification and categories that dominate `labels` (their top-level fields). */
function combine(policy: SecurityPolicy, labels: readonly ConfidentialityLabel[]): Info {
  return combineInfos(
    policy,
    labels.map((label) => ({
      classification: label.classification,
      rank: classificationRank(policy, label.classification) ?? Number.MAX_SAFE_INTEGER,
      categories: label.categories,
    })),
  );
}

function combineInfos(policy: SecurityPolicy, infos: readonly Info[]): Info {
  let top = infos[0] as Info;
  for (const info of infos) if (info.rank > top.rank) top = info;

  const byTag = new Map<string, { type: LabelCategory["type"]; sets: Set<string>[] }>();
  for (const info of infos) {
    // A part giving the same tag name twice (an invalid label) is taken at its strictest: its values intersected.
    const own = new Map<string, { type: LabelCategory["type"]; values: Set<string> }>();
    for (const category of info.categories) {
      const type = categoryOf(policy, category.tagName)?.type ?? category.type;
      const values = new Set(category.values);
      const seen = own.get(category.tagName);
      if (!seen) own.set(category.tagName, { type, values });
      else if (type === "permissive") seen.values = new Set([...seen.values].filter((value) => values.has(value)));
      else for (const value of values) seen.values.add(value);
    }
    for (const [tagName, { type, values }] of own) {
      const entry = byTag.get(tagName) ?? { type, sets: [] };
      entry.sets.push(values);
      byTag.set(tagName, entry);
    }
  }
  const categories: LabelCategory[] = [...byTag].map(([tagName, { type, sets }]) => {
    const values =
      type === "permissive"
        ? [...(sets[0] ?? [])].filter((value) => sets.every((set) => set.has(value)))
        : [...new Set(sets.flatMap((set) => [...set]))];
    return { tagName, type, values };
  });
  const normal = normalizeLabel(
    {
      policy: policy.id,
      classification: top.classification,
      categories,
      creationTime: "",
      originator: null,
      reviewDate: null,
      succession: [],
    },
    policy,
  );
  return { classification: top.classification, rank: top.rank, categories: normal.categories };
}

/** The latest creation time of `labels` (by instant; among equal instants, the greatest text). */
function latestCreationTime(labels: readonly ConfidentialityLabel[]): string {
  let latest = labels[0]?.creationTime ?? "";
  for (const { creationTime } of labels) {
    const a = instantOf(creationTime);
    const b = instantOf(latest);
    if (a > b || (a === b && compareText(creationTime, latest) > 0) || (Number.isNaN(b) && !Number.isNaN(a)))
      latest = creationTime;
  }
  return latest;
}
