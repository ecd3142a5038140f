/**
 * Labels in the STANAG 4774 XML syntax, checked by a real XML Schema validator (libxml2's xmllint,
 * compiled to WebAssembly: the xmllint-wasm package) against the team's schema of the label's
 * structure (data/stanag-4774/confidentiality-label.xsd): everything labelToXml writes is valid,
 * generated labels included; the hand-written examples (test/labels/examples/) are read and
 * written back unchanged; the bad ones are refused, and those the schema forbids fail it too, so
 * that a pass means something.
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import type { ConfidentialityLabel } from "../../src/domain/labels/model.ts";
import { checkLabel } from "../../src/domain/labels/policies.ts";
import { LabelXmlError, labelFromXml, labelToXml } from "../../src/domain/labels/xml.ts";
import { dataFile } from "../support/data-files.ts";
import { arbitraryLabel, arbitraryOddLabel, NATO, POLICIES, UNASUR } from "./arbitraries.ts";

const schema = {
  fileName: "confidentiality-label.xsd",
  contents: fs.readFileSync(dataFile("stanag-4774", "confidentiality-label.xsd"), "utf8"),
};
const examplesDir = path.join(import.meta.dirname, "examples");
const example = (name: string) => fs.readFileSync(path.join(examplesDir, name), "utf8");
const policyOf = (l: ConfidentialityLabel) => (l.policy === UNASUR.id ? UNASUR : NATO);

/** Validates each document against the schema, in one run of the validator. */
async function validate(documents: { name: string; xml: string }[]) {
  return validateXML({
    xml: documents.map(({ name, xml }) => ({ fileName: name, contents: xml })),
    schema: [schema],
  });
}

const GOOD = fs
  .readdirSync(examplesDir)
  .filter((name) => name.endsWith(".xml") && !name.startsWith("bad-"))
  .sort();

describe("the schema", () => {
  it("accepts what labelToXml writes, for generated labels of both policies and any text the syntax carries", async () => {
    const labels = [
      ...fc.sample(arbitraryLabel(NATO), 80),
      ...fc.sample(arbitraryLabel(UNASUR), 40),
      ...fc.sample(arbitraryOddLabel(NATO), 40),
    ];
    const documents = labels.map((l, index) => ({ name: `generated-${index}.xml`, xml: labelToXml(l, policyOf(l)) }));
    const result = await validate(documents);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("accepts the hand-written examples", async () => {
    const result = await validate(GOOD.map((name) => ({ name, xml: example(name) })));
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it.each([
    ["bad-lowercase-type.xml", /Type.*permissive/],
    ["bad-missing-creation.xml", /CreationDateTime|Missing child element/],
    ["bad-root.xml", /SecurityLabel/],
    ["bad-namespace.xml", /Classification/],
  ])("refuses %s too, so that a pass means something", async (name, message) => {
    const result = await validate([{ name, xml: example(name) }]);
    expect(result.valid).toBe(false);
    expect(result.errors.map((error) => error.message).join("\n")).toMatch(message);
  });
});

describe("the examples", () => {
  const read: Record<string, ConfidentialityLabel> = Object.fromEntries(
    GOOD.map((name) => [name, labelFromXml(example(name), POLICIES)]),
  );

  it.each(GOOD)("%s is read, written back valid, and read back unchanged", async (name) => {
    const label = read[name] as ConfidentialityLabel;
    const written = labelToXml(label, policyOf(label));
    expect(labelFromXml(written, POLICIES)).toEqual(label);
    expect(labelToXml(labelFromXml(written, POLICIES), policyOf(label))).toBe(written);
    const result = await validate([{ name, xml: written }]);
    expect(result.errors).toEqual([]);
  });

  it("read as the standard's structure says", () => {
    expect(read["nato-secret-releasable-nato-swe.xml"]).toEqual({
      policy: "urn:oid:1.3.26.1.3.1",
      classification: "NATO SECRET",
      categories: [
        { tagName: "Context", type: "permissive", values: ["NATO"] },
        { tagName: "Releasable To", type: "permissive", values: ["NATO", "SWE"] },
      ],
      creationTime: "2026-03-01T09:30:00Z",
      originator: "NATO",
      reviewDate: "2036-03-01",
      succession: [],
    });
    expect(read["nato-restricted-col-default-namespace.xml"]).toMatchObject({
      policy: NATO.id,
      creationTime: "2026-03-01T09:30:00.250-05:00",
      reviewDate: "2031-07-01",
      categories: [
        { tagName: "Releasable To", type: "permissive", values: ["COL"] },
        { tagName: "Administrative", type: "informative", values: ["STAFF"] },
      ],
    });
    expect(read["unasur-reservado.xml"]).toMatchObject({
      policy: UNASUR.id,
      classification: "UNASUR RESERVADO",
      originator: "UNASUR",
    });
    const succession = read["nato-confidential-succession.xml"];
    expect(succession?.succession.map((step) => [step.from, step.label.classification])).toEqual([
      ["2030-01-01", "NATO RESTRICTED"],
      ["2035-01-01", "NATO UNCLASSIFIED"],
    ]);
    expect(read["cosmic-top-secret-atomal.xml"]).toMatchObject({
      originator: null,
      categories: [
        { tagName: "Releasable To", type: "permissive", values: ["NATO"] },
        { tagName: "Additional Sensitivity", type: "restrictive", values: ["ATOMAL"] },
        { tagName: 'Handling & "notes"', type: "informative", values: ["A <B> & C"] },
      ],
    });
    // Valid against their policies, but for the category the cosmic example invents.
    for (const name of GOOD.filter((n) => !n.startsWith("cosmic")))
      expect(checkLabel(read[name] as ConfidentialityLabel, POLICIES), name).toEqual([]);
  });

  it.each([
    ["bad-xxe.xml", "labels.xml.doctype", "(document)"],
    ["bad-namespace.xml", "labels.xml.wrong_namespace", "other:Classification"],
    ["bad-lowercase-type.xml", "labels.xml.bad_value", "Type"],
    ["bad-missing-creation.xml", "labels.xml.missing", "slab:originatorConfidentialityLabel"],
    ["bad-integer-value.xml", "labels.xml.unexpected", "slab:IntegerValue"],
    ["bad-not-well-formed.xml", "labels.xml.malformed", "(document)"],
    ["bad-root.xml", "labels.xml.wrong_root", "slab:SecurityLabel"],
  ])("%s is refused (%s), naming %s", (name, key, element) => {
    let refusal: LabelXmlError | undefined;
    try {
      labelFromXml(example(name), POLICIES);
    } catch (error) {
      if (error instanceof LabelXmlError) refusal = error;
      else throw error;
    }
    expect(refusal?.key).toBe(key);
    expect(refusal?.element).toBe(element);
  });
});
