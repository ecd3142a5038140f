import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  arbitraryLabel,
  arbitraryOddLabel,
  NATO,
  POLICIES,
  UNASUR,
  natoLabel,
} from "../../../test/labels/arbitraries.ts";
import { LANGUAGES } from "../languages.ts";
import { render } from "../messages/index.ts";
import type { ConfidentialityLabel } from "./model.ts";
import { LABEL_NAMESPACE, LABEL_XML_MAX_BYTES, LabelXmlError, labelFromXml, labelToXml } from "./xml.ts";

const label = (fields: Partial<ConfidentialityLabel> = {}): ConfidentialityLabel =>
  natoLabel({ reviewDate: "2031-03-01", ...fields });

/** The refusal `read` throws: its key and the element it names. */
function refusal(read: () => unknown): { key: string; element: string; params: Record<string, unknown> } {
  try {
    read();
  } catch (error) {
    if (error instanceof LabelXmlError) return { key: error.key, element: error.element, params: { ...error.params } };
    throw error;
  }
  throw new Error("nothing was refused");
}

const wrap = (body: string, root = "slab:originatorConfidentialityLabel", attributes = "") =>
  `<${root} xmlns:slab="${LABEL_NAMESPACE}"${attributes}>${body}</${root}>`;
const INFORMATION =
  '<slab:ConfidentialityInformation><slab:PolicyIdentifier URI="urn:oid:1.3.26.1.3.1">NATO</slab:PolicyIdentifier><slab:Classification>NATO SECRET</slab:Classification></slab:ConfidentialityInformation>';
const CREATED = "<slab:CreationDateTime>2026-03-01T09:30:00Z</slab:CreationDateTime>";

describe("labelToXml", () => {
  it("writes the 4774 syntax, in the label's order", () => {
    expect(labelToXml(label(), NATO)).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<slab:originatorConfidentialityLabel xmlns:slab="urn:nato:stanag:4774:confidentialitymetadatalabel:1:0" ReviewDateTime="2031-03-01T00:00:00Z">
  <slab:ConfidentialityInformation>
    <slab:PolicyIdentifier URI="urn:oid:1.3.26.1.3.1">NATO</slab:PolicyIdentifier>
    <slab:Classification>NATO RESTRICTED</slab:Classification>
    <slab:Category TagName="Releasable To" Type="PERMISSIVE" URI="urn:concord:policy:NATO:category:releasable-to">
      <slab:GenericValue>COL</slab:GenericValue>
    </slab:Category>
  </slab:ConfidentialityInformation>
  <slab:OriginatorID IDType="uniformResourceIdentifier">urn:concord:actor:NATO</slab:OriginatorID>
  <slab:CreationDateTime>2026-03-01T09:30:00Z</slab:CreationDateTime>
</slab:originatorConfidentialityLabel>
`);
  });

  it("gives the same bytes for the same label, every time", () => {
    fc.assert(
      fc.property(arbitraryLabel(NATO), (generated) => {
        const copy = structuredClone(generated);
        expect(labelToXml(copy, NATO)).toBe(labelToXml(generated, NATO));
      }),
    );
  });

  it("escapes what XML reserves", () => {
    const xml = labelToXml(
      label({
        categories: [{ tagName: 'A "quoted" <tag> & more', type: "informative", values: ["x < y & z > \"w\" 'v'"] }],
      }),
      NATO,
    );
    expect(xml).toContain('TagName="A &quot;quoted&quot; &lt;tag&gt; &amp; more"');
    expect(xml).toContain("<slab:GenericValue>x &lt; y &amp; z &gt; \"w\" 'v'</slab:GenericValue>");
  });

  it("refuses what the syntax cannot carry, naming the field", () => {
    expect(
      refusal(() => labelToXml(label({ policy: UNASUR.id, classification: "UNASUR RESERVADO" }), NATO)),
    ).toMatchObject({
      key: "labels.xml.unwritable_policy",
    });
    expect(refusal(() => labelToXml(label({ classification: " NATO SECRET" }), NATO))).toMatchObject({
      key: "labels.xml.unwritable_text",
      element: "classification",
    });
    expect(
      refusal(() =>
        labelToXml(
          label({ categories: [{ tagName: "Releasable To", type: "permissive", values: ["CO\u0000L"] }] }),
          NATO,
        ),
      ),
    ).toMatchObject({ key: "labels.xml.unwritable_text", element: "categories[0].values[0]" });
    expect(refusal(() => labelToXml(label({ creationTime: "yesterday" }), NATO))).toMatchObject({
      key: "labels.xml.unwritable_value",
      element: "creationTime",
    });
    expect(refusal(() => labelToXml(label({ reviewDate: "2031-02-30" }), NATO))).toMatchObject({
      key: "labels.xml.unwritable_value",
      element: "reviewDate",
    });
    expect(
      refusal(() =>
        labelToXml(
          label({ succession: [{ from: "2030-01-01", label: label({ classification: "NATO UNCLASSIFIED" }) }] }),
          NATO,
        ),
      ),
    ).toMatchObject({ key: "labels.xml.unwritable_succession", element: "succession[0]" });
  });
});

describe("labelFromXml", () => {
  it("reads back every label it writes, unchanged", () => {
    fc.assert(
      fc.property(fc.oneof(arbitraryLabel(NATO), arbitraryLabel(UNASUR)), (generated) => {
        const policy = generated.policy === NATO.id ? NATO : UNASUR;
        expect(labelFromXml(labelToXml(generated, policy), POLICIES)).toEqual(generated);
      }),
    );
  });

  it("carries any text the syntax can hold, unchanged", () => {
    fc.assert(
      fc.property(arbitraryOddLabel(NATO), (generated) => {
        expect(labelFromXml(labelToXml(generated, NATO))).toEqual(generated);
      }),
      { numRuns: 60 },
    );
  });

  it("reads a label written another way: default namespace, the old root, a policy by name, CDATA, comments", () => {
    const xml = `<?xml version="1.0"?>
<!-- a comment -->
<ConfidentialityLabel xmlns="${LABEL_NAMESPACE}" ReviewDateTime="2031-06-30T23:00:00-03:00" Id="x">
  <ConfidentialityInformation>
    <PolicyIdentifier> Nato </PolicyIdentifier>
    <Classification>NATO SECRET</Classification>
    <Category Type="PERMISSIVE" TagName="Releasable To"><GenericValue><![CDATA[SWE]]></GenericValue><!-- c --></Category>
  </ConfidentialityInformation>
  <OriginatorID IDType="rfc822Name">someone@example.org</OriginatorID>
  <CreationDateTime> 2026-03-01T09:30:00Z </CreationDateTime>
</ConfidentialityLabel>`;
    expect(labelFromXml(xml, POLICIES)).toEqual({
      policy: NATO.id,
      classification: "NATO SECRET",
      categories: [{ tagName: "Releasable To", type: "permissive", values: ["SWE"] }],
      creationTime: "2026-03-01T09:30:00Z",
      originator: null,
      reviewDate: "2031-07-01",
      succession: [],
    });
    // Policies as a map, as the services hold them.
    expect(labelFromXml(xml, new Map([[NATO.id, NATO]])).policy).toBe(NATO.id);
  });

  it("takes a downgrade at any moment but midnight UTC from the next day, never earlier", () => {
    const successor = (moment: string) =>
      wrap(
        `${INFORMATION}${CREATED}<slab:SuccessionHandling><slab:SuccessionDateTime>${moment}</slab:SuccessionDateTime><slab:SuccessorConfidentialityLabel>${INFORMATION.replace("NATO SECRET", "NATO RESTRICTED")}${CREATED}</slab:SuccessorConfidentialityLabel></slab:SuccessionHandling>`,
      );
    expect(labelFromXml(successor("2030-01-01T00:00:00Z")).succession[0]?.from).toBe("2030-01-01");
    expect(labelFromXml(successor("2030-01-01T00:00:00+01:00")).succession[0]?.from).toBe("2030-01-01");
    expect(labelFromXml(successor("2030-01-01T00:00:01Z")).succession[0]?.from).toBe("2030-01-02");
    expect(labelFromXml(successor("2029-12-31T23:30:00-02:00")).succession[0]?.from).toBe("2030-01-02");
  });

  it("refuses a DOCTYPE or entity (XXE), oversized input and XML that is not well-formed", () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${wrap(INFORMATION.replace("NATO SECRET", "&e;") + CREATED)}`;
    expect(refusal(() => labelFromXml(xxe))).toMatchObject({ key: "labels.xml.doctype" });
    expect(refusal(() => labelFromXml(`<!doctype x>${wrap(INFORMATION + CREATED)}`))).toMatchObject({
      key: "labels.xml.doctype",
    });
    const big = wrap(`${INFORMATION}${CREATED}<!--${"x".repeat(LABEL_XML_MAX_BYTES)}-->`);
    expect(refusal(() => labelFromXml(big))).toMatchObject({ key: "labels.xml.too_large" });
    // Bytes, not characters: 40,000 two-byte characters weigh more than 64 KiB.
    expect(refusal(() => labelFromXml(wrap(`${INFORMATION}${CREATED}<!--${"é".repeat(40_000)}-->`)))).toMatchObject({
      key: "labels.xml.too_large",
    });
    expect(refusal(() => labelFromXml(`${wrap(INFORMATION + CREATED)}<extra/>`))).toMatchObject({
      key: "labels.xml.malformed",
    });
    expect(refusal(() => labelFromXml("<a><b></a>"))).toMatchObject({
      key: "labels.xml.malformed",
      params: { line: 1 },
    });
    expect(refusal(() => labelFromXml(""))).toMatchObject({ key: "labels.xml.malformed" });
  });

  it("refuses another namespace, naming the element", () => {
    expect(
      refusal(() =>
        labelFromXml("<originatorConfidentialityLabel><ConfidentialityInformation/></originatorConfidentialityLabel>"),
      ),
    ).toMatchObject({
      key: "labels.xml.no_namespace",
      element: "originatorConfidentialityLabel",
    });
    expect(refusal(() => labelFromXml(wrap(`${INFORMATION}${CREATED}<x:Extra xmlns:x="urn:example"/>`)))).toMatchObject(
      { key: "labels.xml.wrong_namespace", element: "x:Extra", params: { namespace: "urn:example" } },
    );
    expect(
      refusal(() =>
        labelFromXml(
          wrap(
            `${INFORMATION.replace("<slab:Classification>NATO SECRET</slab:Classification>", "<slab:Classification>NATO SECRET<b/></slab:Classification>")}${CREATED}`,
          ),
        ),
      ),
    ).toMatchObject({ key: "labels.xml.no_namespace", element: "b" });
  });

  it("refuses what the structure does not allow or the model cannot hold, naming the element", () => {
    const cases: [string, string, string][] = [
      [wrap(INFORMATION + CREATED, "slab:Label"), "labels.xml.wrong_root", "slab:Label"],
      [wrap(INFORMATION), "labels.xml.missing", "slab:originatorConfidentialityLabel"],
      [wrap(INFORMATION + CREATED + CREATED), "labels.xml.repeated", "slab:CreationDateTime"],
      [wrap(`${INFORMATION}${CREATED}text`), "labels.xml.text_unexpected", "slab:originatorConfidentialityLabel"],
      [
        wrap(
          INFORMATION.replace(
            "</slab:Classification>",
            "</slab:Classification><slab:PrivacyMark>IN CONFIDENCE</slab:PrivacyMark>",
          ) + CREATED,
        ),
        "labels.xml.unexpected",
        "slab:PrivacyMark",
      ],
      [
        wrap(
          INFORMATION.replace(
            "</slab:Classification>",
            '</slab:Classification><slab:Category TagName="Releasable To" Type="PERMISSIVE"><slab:IntegerValue>1</slab:IntegerValue></slab:Category>',
          ) + CREATED,
        ),
        "labels.xml.unexpected",
        "slab:IntegerValue",
      ],
      [
        wrap(
          INFORMATION.replace(
            "</slab:Classification>",
            '</slab:Classification><slab:Category TagName="Releasable To" Type="Permissive"/>',
          ) + CREATED,
        ),
        "labels.xml.bad_value",
        "Type",
      ],
      [
        wrap(
          INFORMATION.replace("</slab:Classification>", '</slab:Classification><slab:Category Type="PERMISSIVE"/>') +
            CREATED,
        ),
        "labels.xml.missing",
        "slab:Category",
      ],
      [wrap(INFORMATION + CREATED.replace("09:30:00Z", "09:30:00")), "labels.xml.bad_value", "slab:CreationDateTime"],
      [wrap(INFORMATION + CREATED, undefined, ' ReviewDateTime="soon"'), "labels.xml.bad_value", "ReviewDateTime"],
      [
        wrap(
          INFORMATION.replace(
            "<slab:Classification>NATO SECRET</slab:Classification>",
            "<slab:Classification> </slab:Classification>",
          ) + CREATED,
        ),
        "labels.xml.bad_value",
        "slab:Classification",
      ],
      [
        wrap(INFORMATION.replace(' URI="urn:oid:1.3.26.1.3.1"', "") + CREATED),
        "labels.xml.unknown_policy_name",
        "slab:PolicyIdentifier",
      ],
      [
        wrap(`${INFORMATION}<slab:OriginatorID>urn:concord:actor:NATO</slab:OriginatorID>${CREATED}`),
        "labels.xml.missing",
        "slab:OriginatorID",
      ],
    ];
    for (const [xml, key, element] of cases)
      expect(
        refusal(() => labelFromXml(xml)),
        xml,
      ).toMatchObject({ key, element });
  });

  it("says every refusal in the four languages", () => {
    const error = (() => {
      try {
        labelFromXml(wrap(INFORMATION));
      } catch (thrown) {
        return thrown as LabelXmlError;
      }
      throw new Error("not refused");
    })();
    expect(error.message).toBe("originatorConfidentialityLabel lacks its CreationDateTime.");
    for (const lang of LANGUAGES) {
      const text = render(lang, error.detail);
      expect(text).toContain("CreationDateTime");
      expect(text).not.toContain("undefined");
    }
  });
});
