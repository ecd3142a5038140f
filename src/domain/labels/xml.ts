/**
 * Labels in the STANAG 4774 (ADatP-4774) XML syntax, namespace
 * `urn:nato:stanag:4774:confidentialitymetadatalabel:1:0`, as the standard's structure is publicly
 * described (data/stanag-4774/confidentiality-label.xsd is the team's schema of it):
 *
 * ```xml
 * <slab:originatorConfidentialityLabel xmlns:slab="…" ReviewDateTime="2031-01-01T00:00:00Z">
 *   <slab:ConfidentialityInformation>
 *     <slab:PolicyIdentifier URI="urn:oid:1.3.26.1.3.1">NATO</slab:PolicyIdentifier>
 *     <slab:Classification>NATO SECRET</slab:Classification>
 *     <slab:Category TagName="Releasable To" Type="PERMISSIVE" URI="…">
 *       <slab:GenericValue>NATO</slab:GenericValue>
 *     </slab:Category>
 *   </slab:ConfidentialityInformation>
 *   <slab:OriginatorID IDType="uniformResourceIdentifier">urn:concord:actor:NATO</slab:OriginatorID>
 *   <slab:CreationDateTime>2026-03-01T09:30:00Z</slab:CreationDateTime>
 *   <slab:SuccessionHandling>
 *     <slab:SuccessionDateTime>2036-01-01T00:00:00Z</slab:SuccessionDateTime>
 *     <slab:SuccessorConfidentialityLabel>…the next label, and its own SuccessionHandling…</slab:SuccessorConfidentialityLabel>
 *   </slab:SuccessionHandling>
 * </slab:originatorConfidentialityLabel>
 * ```
 *
 * Choices where the model and the syntax differ, said once here:
 * - The root written is `originatorConfidentialityLabel` (the standard's name for the label the
 *   originator gave); `ConfidentialityLabel`, kept by the standard for backwards compatibility, is
 *   read too. `ReviewDateTime` is an attribute of the root, as in the standard.
 * - A day (review date, downgrade) is written as midnight UTC. Read back, a review date-time is
 *   its UTC day; a downgrade at any other moment than midnight UTC takes effect the next UTC day
 *   (later, never earlier).
 * - Downgrades: the standard gives a label one SuccessionHandling, whose successor may carry its
 *   own; the model's list is written as that chain and read back as a list.
 * - The originator, a registry code, is written `urn:concord:actor:<code>` with IDType
 *   `uniformResourceIdentifier`; another OriginatorID is read as no originator.
 * - Category URIs are the policy's; read, they are not compared with it (the tag name is).
 * - Anything the model cannot hold is refused, never dropped: PrivacyMark, IntegerValue,
 *   BitStringValue, elements of other namespaces (the standard's extension points).
 *
 * Writing is deterministic (the binding of STANAG 4778 signs these bytes): the same label and
 * policy give the same text, in the label's own order (`normalizeLabel` gives a canonical one).
 */
import { DOMParser, onWarningStopParsing } from "@xmldom/xmldom";
import { isDay } from "../dates.ts";
import { type Message, type MessageKey, render } from "../messages/index.ts";
import type { CategoryType, ConfidentialityLabel, LabelCategory, SecurityPolicy } from "./model.ts";
import {
  categoryOf,
  hasControlCharacters,
  isDateTimeWithZone,
  type Policies,
  policyList,
  REGISTRY_CODE,
} from "./policies.ts";

export const LABEL_NAMESPACE = "urn:nato:stanag:4774:confidentialitymetadatalabel:1:0";
/** The most a label in XML may weigh, in bytes of UTF-8. */
export const LABEL_XML_MAX_BYTES = 64 * 1024;
/** How an originator's registry code is written in OriginatorID. */
export const ORIGINATOR_URN_PREFIX = "urn:concord:actor:";

const ROOTS = ["originatorConfidentialityLabel", "ConfidentialityLabel"] as const;
const TYPES: Record<string, CategoryType> = {
  PERMISSIVE: "permissive",
  RESTRICTIVE: "restrictive",
  INFORMATIVE: "informative",
};

export type LabelXmlErrorKey = Extract<MessageKey, `labels.xml.${string}`>;

/** A label in XML refused (reading) or a label that cannot be written; `detail` says why in the reader's language. */
export class LabelXmlError extends Error {
  override readonly name = "LabelXmlError";
  constructor(
    readonly key: LabelXmlErrorKey,
    readonly params: Readonly<Record<string, string | number>>,
    /** The element (or attribute, or the model's field when writing) it is about. */
    readonly element: string,
  ) {
    super(render("en", { key, params }));
  }

  /** The refusal as a message of the catalogue. */
  get detail(): Message {
    return { key: this.key, params: this.params };
  }
}

// -------------------------------------------------------------------------------- writing

const escapeText = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");
const escapeAttribute = (text: string) =>
  escapeText(text).replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;");

/** A text the syntax carries and reads back unchanged: not blank, not padded, no control characters. */
function writableText(text: string, field: string): string {
  if (typeof text !== "string" || text.trim() === "" || text.trim() !== text || hasControlCharacters(text))
    throw new LabelXmlError("labels.xml.unwritable_text", { field }, field);
  return text;
}

const midnight = (day: string, field: string) => {
  if (!isDay(day)) throw new LabelXmlError("labels.xml.unwritable_value", { field, value: String(day) }, field);
  return `${day}T00:00:00Z`;
};

/**
 * The label in the 4774 XML syntax, under `policy` (the label's: its name is the PolicyIdentifier's
 * text, its category URIs the Category URIs). Throws `LabelXmlError` for what the syntax cannot carry.
 */
export function labelToXml(label: ConfidentialityLabel, policy: SecurityPolicy): string {
  if (label.policy !== policy.id)
    throw new LabelXmlError("labels.xml.unwritable_policy", { policy: label.policy, expected: policy.id }, "policy");
  const review = label.reviewDate === null ? "" : ` ReviewDateTime="${midnight(label.reviewDate, "reviewDate")}"`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<slab:originatorConfidentialityLabel xmlns:slab="${LABEL_NAMESPACE}"${review}>`,
  ];
  writeBody(lines, label, policy, 1, "");
  writeSuccession(lines, label, policy, 1, 0);
  lines.push("</slab:originatorConfidentialityLabel>");
  return `${lines.join("\n")}\n`;
}

function writeBody(
  lines: string[],
  label: ConfidentialityLabel,
  policy: SecurityPolicy,
  depth: number,
  path: string,
): void {
  const pad = "  ".repeat(depth);
  lines.push(`${pad}<slab:ConfidentialityInformation>`);
  lines.push(
    `${pad}  <slab:PolicyIdentifier URI="${escapeAttribute(writableText(policy.id, `${path}policy`))}">${escapeText(
      writableText(policy.name, "policy.name"),
    )}</slab:PolicyIdentifier>`,
  );
  lines.push(
    `${pad}  <slab:Classification>${escapeText(writableText(label.classification, `${path}classification`))}</slab:Classification>`,
  );
  label.categories.forEach((category, index) => {
    const at = `${path}categories[${index}]`;
    const tagName = writableText(category.tagName, `${at}.tagName`);
    const type = category.type.toUpperCase();
    if (!Object.hasOwn(TYPES, type))
      throw new LabelXmlError("labels.xml.unwritable_value", { field: `${at}.type`, value: String(category.type) }, at);
    const uri = categoryOf(policy, category.tagName)?.uri;
    const attributes = `TagName="${escapeAttribute(tagName)}" Type="${type}"${uri ? ` URI="${escapeAttribute(uri)}"` : ""}`;
    if (category.values.length === 0) {
      lines.push(`${pad}  <slab:Category ${attributes}/>`);
      return;
    }
    lines.push(`${pad}  <slab:Category ${attributes}>`);
    category.values.forEach((value, valueIndex) => {
      lines.push(
        `${pad}    <slab:GenericValue>${escapeText(writableText(value, `${at}.values[${valueIndex}]`))}</slab:GenericValue>`,
      );
    });
    lines.push(`${pad}  </slab:Category>`);
  });
  lines.push(`${pad}</slab:ConfidentialityInformation>`);
  if (label.originator !== null) {
    if (!REGISTRY_CODE.test(label.originator))
      throw new LabelXmlError(
        "labels.xml.unwritable_value",
        { field: `${path}originator`, value: String(label.originator) },
        `${path}originator`,
      );
    lines.push(
      `${pad}<slab:OriginatorID IDType="uniformResourceIdentifier">${ORIGINATOR_URN_PREFIX}${label.originator}</slab:OriginatorID>`,
    );
  }
  if (!isDateTimeWithZone(label.creationTime))
    throw new LabelXmlError(
      "labels.xml.unwritable_value",
      { field: `${path}creationTime`, value: String(label.creationTime) },
      `${path}creationTime`,
    );
  lines.push(`${pad}<slab:CreationDateTime>${label.creationTime}</slab:CreationDateTime>`);
}

/** The downgrades from the `index`th on, as the chain of SuccessionHandling elements. */
function writeSuccession(
  lines: string[],
  label: ConfidentialityLabel,
  policy: SecurityPolicy,
  depth: number,
  index: number,
): void {
  const step = label.succession[index];
  if (!step) return;
  const from = String(step.from);
  if (step.label.policy !== label.policy || step.label.reviewDate !== null || step.label.succession.length > 0)
    throw new LabelXmlError("labels.xml.unwritable_succession", { from }, `succession[${index}]`);
  const pad = "  ".repeat(depth);
  lines.push(`${pad}<slab:SuccessionHandling>`);
  lines.push(
    `${pad}  <slab:SuccessionDateTime>${midnight(step.from, `succession[${index}].from`)}</slab:SuccessionDateTime>`,
  );
  lines.push(`${pad}  <slab:SuccessorConfidentialityLabel>`);
  writeBody(lines, step.label, policy, depth + 2, `succession[${index}].label.`);
  writeSuccession(lines, label, policy, depth + 2, index + 1);
  lines.push(`${pad}  </slab:SuccessorConfidentialityLabel>`);
  lines.push(`${pad}</slab:SuccessionHandling>`);
}

// -------------------------------------------------------------------------------- reading

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

type XmlElement = {
  nodeType: number;
  nodeName: string;
  localName: string | null;
  namespaceURI: string | null;
  textContent: string | null;
  childNodes: ArrayLike<XmlElement>;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
};

/**
 * Reads a label in the 4774 XML syntax. `policies` name the policies Concord knows: a
 * PolicyIdentifier without a URI is looked up among them by name (case aside). Refuses (with a
 * `LabelXmlError` naming the element) more than 64 KiB, a DOCTYPE or entity declaration, XML that
 * is not well-formed, elements of another namespace, and anything the label's structure does not
 * allow or the model cannot hold.
 */
export function labelFromXml(xml: string, policies: Policies = []): ConfidentialityLabel {
  if (new TextEncoder().encode(xml).length > LABEL_XML_MAX_BYTES)
    throw new LabelXmlError("labels.xml.too_large", { max: LABEL_XML_MAX_BYTES }, "(document)");
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new LabelXmlError("labels.xml.doctype", {}, "(document)");
  let document: { documentElement: XmlElement | null; doctype: unknown };
  try {
    document = new DOMParser({ onError: onWarningStopParsing }).parseFromString(
      xml.replace(/^\ufeff/, ""),
      "application/xml",
    ) as unknown as typeof document;
  } catch (error) {
    const locator = (error as { locator?: { lineNumber?: number; columnNumber?: number } }).locator;
    throw new LabelXmlError(
      "labels.xml.malformed",
      { line: locator?.lineNumber ?? 1, column: locator?.columnNumber ?? 1 },
      "(document)",
    );
  }
  if (document.doctype) throw new LabelXmlError("labels.xml.doctype", {}, "(document)");
  const root = document.documentElement;
  if (!root) throw new LabelXmlError("labels.xml.malformed", { line: 1, column: 1 }, "(document)");
  checkNamespace(root);
  if (!(ROOTS as readonly string[]).includes(root.localName ?? ""))
    throw new LabelXmlError("labels.xml.wrong_root", { element: root.nodeName }, root.nodeName);

  const reviewAttribute = root.hasAttribute("ReviewDateTime") ? root.getAttribute("ReviewDateTime") : null;
  const reviewDate = reviewAttribute === null ? null : dayOf(reviewAttribute, "ReviewDateTime", "floor");
  const chain = readBody(root, policies);
  const [first, ...successors] = chain;
  if (!first)
    throw new LabelXmlError(
      "labels.xml.missing",
      { element: "ConfidentialityInformation", parent: root.localName ?? "" },
      root.nodeName,
    );
  return {
    ...first.label,
    reviewDate,
    succession: successors.map((entry) => ({ from: entry.from ?? "", label: entry.label })),
  };
}

function checkNamespace(element: XmlElement): void {
  if (element.namespaceURI === LABEL_NAMESPACE) return;
  if (!element.namespaceURI)
    throw new LabelXmlError("labels.xml.no_namespace", { element: element.nodeName }, element.nodeName);
  throw new LabelXmlError(
    "labels.xml.wrong_namespace",
    { element: element.nodeName, namespace: element.namespaceURI },
    element.nodeName,
  );
}

/** The child elements of `parent` (all in the label's namespace), refusing any text between them. */
function childElements(parent: XmlElement): XmlElement[] {
  const elements: XmlElement[] = [];
  for (const node of Array.from(parent.childNodes)) {
    if (node.nodeType === ELEMENT_NODE) {
      checkNamespace(node);
      elements.push(node);
    } else if (
      (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) &&
      (node.textContent ?? "").trim() !== ""
    )
      throw new LabelXmlError("labels.xml.text_unexpected", { parent: parent.localName ?? "" }, parent.nodeName);
  }
  return elements;
}

/**
 * The children of `parent` by name, each allowed name at most once unless `many`; a name not in
 * `allowed` is refused. Required names are checked by the caller (`one`).
 */
function sortChildren(parent: XmlElement, allowed: readonly string[], many: readonly string[] = []) {
  const found = new Map<string, XmlElement[]>();
  for (const child of childElements(parent)) {
    const name = child.localName ?? "";
    if (!allowed.includes(name))
      throw new LabelXmlError(
        "labels.xml.unexpected",
        { element: name, parent: parent.localName ?? "" },
        child.nodeName,
      );
    const list = found.get(name) ?? [];
    if (list.length > 0 && !many.includes(name))
      throw new LabelXmlError("labels.xml.repeated", { element: name, parent: parent.localName ?? "" }, child.nodeName);
    list.push(child);
    found.set(name, list);
  }
  return {
    one(name: string): XmlElement {
      const element = found.get(name)?.[0];
      if (!element)
        throw new LabelXmlError(
          "labels.xml.missing",
          { element: name, parent: parent.localName ?? "" },
          parent.nodeName,
        );
      return element;
    },
    optional: (name: string): XmlElement | undefined => found.get(name)?.[0],
    all: (name: string): XmlElement[] => found.get(name) ?? [],
  };
}

/** The text of an element that holds only text (no child elements), trimmed. */
function textOf(element: XmlElement): string {
  for (const node of Array.from(element.childNodes))
    if (node.nodeType === ELEMENT_NODE) {
      checkNamespace(node);
      throw new LabelXmlError(
        "labels.xml.unexpected",
        { element: node.localName ?? "", parent: element.localName ?? "" },
        node.nodeName,
      );
    }
  return (element.textContent ?? "").trim();
}

function requiredText(element: XmlElement): string {
  const text = textOf(element);
  if (text === "" || hasControlCharacters(text))
    throw new LabelXmlError(
      "labels.xml.bad_value",
      { element: element.localName ?? "", value: text },
      element.nodeName,
    );
  return text;
}

/** The UTC day of an xs:dateTime: `floor` its own day; `ceiling` the next day unless it is midnight UTC. */
function dayOf(text: string, element: string, rounding: "floor" | "ceiling"): string {
  const value = text.trim();
  if (!isDateTimeWithZone(value)) throw new LabelXmlError("labels.xml.bad_value", { element, value }, element);
  const instant = Date.parse(value);
  const DAY = 86_400_000;
  const sinceMidnight = ((instant % DAY) + DAY) % DAY;
  const midnightBefore = instant - sinceMidnight;
  const next = rounding === "ceiling" && sinceMidnight !== 0;
  const result = new Date(next ? midnightBefore + DAY : midnightBefore).toISOString().slice(0, 10);
  if (!isDay(result)) throw new LabelXmlError("labels.xml.bad_value", { element, value }, element);
  return result;
}

type ChainEntry = { from: string | null; label: ConfidentialityLabel };

/** A label's body (ConfidentialityInformation, OriginatorID, CreationDateTime, SuccessionHandling), and the chain of its successors. */
function readBody(element: XmlElement, policies: Policies): ChainEntry[] {
  const children = sortChildren(element, [
    "ConfidentialityInformation",
    "OriginatorID",
    "CreationDateTime",
    "SuccessionHandling",
  ]);
  const information = sortChildren(
    children.one("ConfidentialityInformation"),
    ["PolicyIdentifier", "Classification", "Category"],
    ["Category"],
  );
  const policyElement = information.one("PolicyIdentifier");
  const policyName = requiredText(policyElement);
  const uri = policyElement.hasAttribute("URI") ? (policyElement.getAttribute("URI") ?? "").trim() : null;
  let policy: string;
  if (uri !== null) {
    if (uri === "" || /\s/.test(uri) || hasControlCharacters(uri))
      throw new LabelXmlError("labels.xml.bad_value", { element: "PolicyIdentifier/@URI", value: uri }, "URI");
    policy = uri;
  } else {
    const known = policyList(policies).find((candidate) => candidate.name.toLowerCase() === policyName.toLowerCase());
    if (!known) throw new LabelXmlError("labels.xml.unknown_policy_name", { name: policyName }, policyElement.nodeName);
    policy = known.id;
  }
  const classification = requiredText(information.one("Classification"));
  const categories = information.all("Category").map(readCategory);

  const originatorElement = children.optional("OriginatorID");
  let originator: string | null = null;
  if (originatorElement) {
    if (!originatorElement.hasAttribute("IDType"))
      throw new LabelXmlError(
        "labels.xml.missing",
        { element: "IDType", parent: "OriginatorID" },
        originatorElement.nodeName,
      );
    const text = textOf(originatorElement);
    const code = text.startsWith(ORIGINATOR_URN_PREFIX) ? text.slice(ORIGINATOR_URN_PREFIX.length) : "";
    if (originatorElement.getAttribute("IDType") === "uniformResourceIdentifier" && REGISTRY_CODE.test(code))
      originator = code;
  }
  const creationElement = children.one("CreationDateTime");
  const creationTime = textOf(creationElement);
  if (!isDateTimeWithZone(creationTime))
    throw new LabelXmlError(
      "labels.xml.bad_value",
      { element: "CreationDateTime", value: creationTime },
      creationElement.nodeName,
    );

  const label: ConfidentialityLabel = {
    policy,
    classification,
    categories,
    creationTime,
    originator,
    reviewDate: null,
    succession: [],
  };
  const chain: ChainEntry[] = [{ from: null, label }];
  const succession = children.optional("SuccessionHandling");
  if (succession) {
    const parts = sortChildren(succession, ["SuccessionDateTime", "SuccessorConfidentialityLabel"]);
    const from = dayOf(textOf(parts.one("SuccessionDateTime")), "SuccessionDateTime", "ceiling");
    const [next, ...after] = readBody(parts.one("SuccessorConfidentialityLabel"), policies);
    if (next) chain.push({ from, label: next.label }, ...after);
  }
  return chain;
}

function readCategory(element: XmlElement): LabelCategory {
  for (const attribute of ["TagName", "Type"])
    if (!element.hasAttribute(attribute))
      throw new LabelXmlError("labels.xml.missing", { element: attribute, parent: "Category" }, element.nodeName);
  const tagName = (element.getAttribute("TagName") ?? "").trim();
  if (tagName === "" || hasControlCharacters(tagName))
    throw new LabelXmlError("labels.xml.bad_value", { element: "Category/@TagName", value: tagName }, "TagName");
  const typeText = element.getAttribute("Type") ?? "";
  const type = Object.hasOwn(TYPES, typeText) ? TYPES[typeText] : undefined;
  if (!type) throw new LabelXmlError("labels.xml.bad_value", { element: "Category/@Type", value: typeText }, "Type");
  const values = sortChildren(element, ["GenericValue"], ["GenericValue"])
    .all("GenericValue")
    .map((value) => requiredText(value));
  return { tagName, type, values };
}
