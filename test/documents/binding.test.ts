/**
 * STANAG 4778 bindings (src/services/documents/binding.ts): a label bound to a file's SHA-384
 * digest and signed with an ECDSA P-256 key. Each kind of tampering is caught and named; what
 * is emitted is well-formed and valid against the team's schema (data/stanag-4778/binding.xsd),
 * checked by libxml2 (xmllint-wasm). Where xmlsec1 is installed (Debian's xmlsec1 package), an
 * independent XML Signature implementation verifies the same bindings.
 */
import { spawnSync } from "node:child_process";
import { createHash, generateKeyPairSync, type KeyObject } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { keyFingerprint } from "../../src/domain/audit.ts";
import {
  BINDING_NAMESPACE,
  BindingError,
  contentDigest,
  createBinding,
  MAX_BINDING_BYTES,
  verifyBinding,
} from "../../src/services/documents/binding.ts";

const p256 = () => generateKeyPairSync("ec", { namedCurve: "prime256v1" });
const ours = p256();
const theirs = p256();

/** A 4774 label in the form the binding returns it: exclusive canonical XML (no declaration, no empty-element tags). */
const LABEL =
  '<slab:originatorConfidentialityLabel xmlns:slab="urn:nato:stanag:4774:confidentialitymetadatalabel:1:0">' +
  "<slab:ConfidentialityInformation>" +
  '<slab:PolicyIdentifier URI="urn:oid:1.3.26.1.3.1">NATO</slab:PolicyIdentifier>' +
  "<slab:Classification>NATO RESTRICTED</slab:Classification>" +
  '<slab:Category TagName="Releasable To" Type="PERMISSIVE" URI="urn:oid:1.3.26.1.3.1.2">' +
  "<slab:GenericValue>COL</slab:GenericValue><slab:GenericValue>NATO:partners</slab:GenericValue>" +
  "</slab:Category></slab:ConfidentialityInformation>" +
  "<slab:CreationDateTime>2025-03-01T09:30:00Z</slab:CreationDateTime>" +
  "</slab:originatorConfidentialityLabel>";
const LABEL_DOCUMENT = `<?xml version="1.0" encoding="UTF-8"?>\n${LABEL}\n`;

const CONTENT = new TextEncoder().encode("%PDF-1.7\nInforme anual de cooperación 2025\n%%EOF\n");
const bind = (content: Uint8Array = CONTENT, key: { privateKey: KeyObject } = ours, labelXml = LABEL_DOCUMENT) =>
  createBinding({ content, labelXml, dataName: "Informe anual 2025.pdf", key });

const SCHEMA = path.resolve(import.meta.dirname, "../../data/stanag-4778/binding.xsd");
const hasXmlsec1 = spawnSync("xmlsec1", ["--version"]).status === 0;

describe("createBinding and verifyBinding", () => {
  it("round-trips: the label as signed, the content's SHA-384, the key's fingerprint and the file's name", () => {
    const binding = bind();
    const expected = {
      valid: true,
      labelXml: LABEL,
      digest: createHash("sha384").update(CONTENT).digest("base64"),
      fingerprint: keyFingerprint(ours.publicKey),
      dataName: "Informe anual 2025.pdf",
    };
    expect(verifyBinding({ content: CONTENT, bindingXml: binding, trustedPublicKey: ours.publicKey })).toEqual(
      expected,
    );
    // Without a key to trust, it still checks: the fingerprint says whose key signed.
    expect(verifyBinding({ content: CONTENT, bindingXml: binding })).toEqual(expected);
    expect(contentDigest(CONTENT)).toBe(expected.digest);
  });

  it("writes the STANAG 4778 structure: the label as Metadata, the file as DataReference, a signature with its key", () => {
    const binding = bind();
    expect(binding.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<mb:BindingInformation')).toBe(true);
    expect(binding).toContain(`xmlns:mb="${BINDING_NAMESPACE}"`);
    expect(binding).toContain(`<mb:Metadata>${LABEL}</mb:Metadata>`);
    expect(binding).toContain('<mb:DataReference URI="Informe%20anual%202025.pdf"/>');
    expect(binding).toContain('<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"/>');
    expect(binding).toContain(
      `<ds:Reference URI="Informe%20anual%202025.pdf"><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#sha384"/><ds:DigestValue>${contentDigest(CONTENT)}</ds:DigestValue>`,
    );
    expect(binding).toContain(`<ds:KeyName>${keyFingerprint(ours.publicKey)}</ds:KeyName>`);
    expect(binding).toContain(ours.publicKey.export({ type: "spki", format: "der" }).toString("base64"));
    // The signature value is r‖s: 64 bytes.
    const value = /<ds:SignatureValue>([^<]+)<\/ds:SignatureValue>/.exec(binding)?.[1];
    expect(Buffer.from(value!, "base64")).toHaveLength(64);
  });

  it("is well-formed and valid against the team's schema (libxml2)", async () => {
    const valid = await validateXML({
      xml: [{ fileName: "binding.xml", contents: bind() }],
      schema: [{ fileName: "binding.xsd", contents: fs.readFileSync(SCHEMA, "utf8") }],
    });
    expect(valid.errors).toEqual([]);
    expect(valid.valid).toBe(true);
    // The same validator refuses a binding without its DataReference, so a pass means something.
    const broken = await validateXML({
      xml: [{ fileName: "broken.xml", contents: bind().replace(/<mb:DataReference [^>]*\/>/, "") }],
      schema: [{ fileName: "binding.xsd", contents: fs.readFileSync(SCHEMA, "utf8") }],
    });
    expect(broken.valid).toBe(false);
  });

  it.runIf(hasXmlsec1)("verifies with xmlsec1, an independent XML Signature implementation, Manifest included", () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "concord-xmlsec-"));
    try {
      fs.writeFileSync(path.join(folder, "report.pdf"), CONTENT);
      fs.writeFileSync(path.join(folder, "public.pem"), ours.publicKey.export({ type: "spki", format: "pem" }));
      const binding = createBinding({ content: CONTENT, labelXml: LABEL, dataName: "report.pdf", key: ours });
      const xmlsec1 = (xml: string) => {
        fs.writeFileSync(path.join(folder, "report.pdf.bdo.xml"), xml);
        const run = spawnSync(
          "xmlsec1",
          [
            "--verify",
            ["--pubkey-pem", "public.pem"],
            // The Id attributes are IDs by our schema, which xmlsec1 does not read: name them.
            ["--id-attr:Id", `${BINDING_NAMESPACE}:MetadataBinding`],
            ["--id-attr:Id", "http://www.w3.org/2000/09/xmldsig#:Manifest"],
            ["--enabled-reference-uris", "same-doc,local,remote"],
            "report.pdf.bdo.xml",
          ].flat(),
          { cwd: folder, encoding: "utf8" },
        );
        return `${run.stdout}${run.stderr}`;
      };
      const intact = xmlsec1(binding);
      expect(intact).toContain("SignedInfo References (ok/all): 2/2");
      expect(intact).toContain("Manifests References (ok/all): 1/1");
      expect(xmlsec1(binding.replace("NATO RESTRICTED", "NATO UNCLASSIFIED"))).toContain("FAIL");
      fs.writeFileSync(path.join(folder, "report.pdf"), "something else");
      expect(xmlsec1(binding)).toContain("Manifests References (ok/all): 0/1");
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it("returns a label given with a declaration, empty-element tags and comments as it was signed: canonical", () => {
    const label =
      '<?xml version="1.0"?>\n<!-- made by hand -->\n<slab:originatorConfidentialityLabel xmlns:slab="urn:nato:stanag:4774:confidentialitymetadatalabel:1:0">' +
      "<slab:ConfidentialityInformation><slab:PolicyIdentifier URI='urn:oid:1.3.26.1.3.1'>NATO</slab:PolicyIdentifier>" +
      "<slab:Classification>NATO UNCLASSIFIED</slab:Classification><!-- no categories --></slab:ConfidentialityInformation>" +
      "<slab:CreationDateTime>2025-03-01T09:30:00Z</slab:CreationDateTime><slab:Note/></slab:originatorConfidentialityLabel>";
    const result = verifyBinding({ content: CONTENT, bindingXml: bind(CONTENT, ours, label) });
    expect(result).toMatchObject({
      valid: true,
      labelXml:
        '<slab:originatorConfidentialityLabel xmlns:slab="urn:nato:stanag:4774:confidentialitymetadatalabel:1:0">' +
        '<slab:ConfidentialityInformation><slab:PolicyIdentifier URI="urn:oid:1.3.26.1.3.1">NATO</slab:PolicyIdentifier>' +
        "<slab:Classification>NATO UNCLASSIFIED</slab:Classification></slab:ConfidentialityInformation>" +
        "<slab:CreationDateTime>2025-03-01T09:30:00Z</slab:CreationDateTime><slab:Note></slab:Note></slab:originatorConfidentialityLabel>",
    });
  });

  it("detects one byte of the content changed", () => {
    const changed = Uint8Array.from(CONTENT);
    changed[10] = changed[10]! ^ 0x01;
    expect(verifyBinding({ content: changed, bindingXml: bind(), trustedPublicKey: ours.publicKey })).toMatchObject({
      valid: false,
      problem: "content-changed",
      detail: expect.stringContaining(contentDigest(CONTENT)),
    });
    expect(verifyBinding({ content: CONTENT.subarray(1), bindingXml: bind() })).toMatchObject({
      problem: "content-changed",
    });
  });

  it("detects the label changed inside the binding, and the data reference changed", () => {
    const binding = bind();
    const lowered = binding.replace("NATO RESTRICTED", "NATO UNCLASSIFIED");
    expect(lowered).not.toBe(binding);
    expect(verifyBinding({ content: CONTENT, bindingXml: lowered, trustedPublicKey: ours.publicKey })).toMatchObject({
      valid: false,
      problem: "label-changed",
    });
    const widened = binding.replace(
      "<slab:GenericValue>COL</slab:GenericValue>",
      "<slab:GenericValue>COL</slab:GenericValue><slab:GenericValue>VEN</slab:GenericValue>",
    );
    expect(verifyBinding({ content: CONTENT, bindingXml: widened })).toMatchObject({ problem: "label-changed" });
    const renamed = binding.replace(
      '<mb:DataReference URI="Informe%20anual%202025.pdf"/>',
      '<mb:DataReference URI="other.pdf"/>',
    );
    expect(verifyBinding({ content: CONTENT, bindingXml: renamed })).toMatchObject({ problem: "label-changed" });
  });

  it("detects a signature value swapped for another binding's, and a content digest rewritten in the binding", () => {
    const binding = bind();
    const other = bind(new TextEncoder().encode("another file"));
    const signatureValue = (xml: string) => /<ds:SignatureValue>([^<]+)<\/ds:SignatureValue>/.exec(xml)![1]!;
    const swapped = binding.replace(signatureValue(binding), signatureValue(other));
    expect(verifyBinding({ content: CONTENT, bindingXml: swapped, trustedPublicKey: ours.publicKey })).toMatchObject({
      valid: false,
      problem: "signature-invalid",
    });
    // Content replaced, and its new digest written into the binding's Manifest: the signature no longer covers it.
    const replacement = new TextEncoder().encode("a different report");
    const rewritten = binding.replaceAll(
      `<ds:DigestValue>${contentDigest(CONTENT)}</ds:DigestValue>`,
      `<ds:DigestValue>${contentDigest(replacement)}</ds:DigestValue>`,
    );
    expect(verifyBinding({ content: replacement, bindingXml: rewritten })).toMatchObject({
      problem: "signature-invalid",
    });
  });

  it("refuses a binding signed by another key when given the key to trust, and says whose key signed it", () => {
    const foreign = bind(CONTENT, theirs);
    expect(verifyBinding({ content: CONTENT, bindingXml: foreign, trustedPublicKey: ours.publicKey })).toEqual({
      valid: false,
      problem: "untrusted-key",
      detail: `The binding was signed with key ${keyFingerprint(theirs.publicKey)}, not with ${keyFingerprint(ours.publicKey)}.`,
    });
    // Valid on its own terms: trusting it is comparing this fingerprint with the instance's.
    expect(verifyBinding({ content: CONTENT, bindingXml: foreign })).toMatchObject({
      valid: true,
      fingerprint: keyFingerprint(theirs.publicKey),
    });
    // Claiming our key for their signature does not help.
    const ourKey = (key: KeyObject) => key.export({ type: "spki", format: "der" }).toString("base64");
    const disguised = foreign
      .replace(ourKey(theirs.publicKey), ourKey(ours.publicKey))
      .replace(keyFingerprint(theirs.publicKey), keyFingerprint(ours.publicKey));
    expect(verifyBinding({ content: CONTENT, bindingXml: disguised, trustedPublicKey: ours.publicKey })).toMatchObject({
      problem: "signature-invalid",
    });
  });

  it("answers malformed for what is not a binding, with no DOCTYPE, entity or oversized input read", () => {
    const binding = bind();
    const malformed = (bindingXml: string) => verifyBinding({ content: CONTENT, bindingXml });
    expect(malformed("")).toMatchObject({ valid: false, problem: "malformed" });
    expect(malformed("not xml at all")).toMatchObject({ problem: "malformed" });
    expect(malformed(binding.slice(0, -40))).toMatchObject({ problem: "malformed" });
    expect(malformed(LABEL_DOCUMENT)).toMatchObject({ problem: "malformed" });
    const laughs =
      '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n' +
      binding.replace('<?xml version="1.0" encoding="UTF-8"?>\n', "").replace("NATO RESTRICTED", "&lol2;");
    expect(malformed(laughs)).toMatchObject({
      problem: "malformed",
      detail: "The binding has a document type declaration.",
    });
    expect(
      malformed(
        binding.replace("</mb:BindingInformation>", `<!--${"x".repeat(MAX_BINDING_BYTES)}--></mb:BindingInformation>`),
      ),
    ).toMatchObject({
      problem: "malformed",
      detail: `The binding is larger than ${MAX_BINDING_BYTES} bytes.`,
    });
    const deep = `<mb:BindingInformation xmlns:mb="${BINDING_NAMESPACE}">${"<a>".repeat(5000)}${"</a>".repeat(5000)}</mb:BindingInformation>`;
    expect(malformed(deep)).toMatchObject({ problem: "malformed", detail: expect.stringContaining("deeper") });
    // A second, unsigned label beside the signed one is not read: the binding is refused.
    const smuggled = binding.replace(
      "</mb:MetadataBindingContainer>",
      `<mb:MetadataBinding><mb:Metadata>${LABEL.replace("NATO RESTRICTED", "NATO UNCLASSIFIED")}</mb:Metadata><mb:DataReference URI="x"/></mb:MetadataBinding></mb:MetadataBindingContainer>`,
    );
    expect(malformed(smuggled)).toMatchObject({ problem: "malformed" });
    // Signature wrapping: the signed element moved into the signature's Object, and a changed
    // copy with the same Id put where a reader would look.
    const signed = /<mb:MetadataBinding Id="concord-metadata-binding">.*<\/mb:MetadataBinding>/.exec(binding)![0];
    const wrapped = binding
      .replace(signed, signed.replace("NATO RESTRICTED", "NATO UNCLASSIFIED"))
      .replace("</ds:Object>", `${signed}</ds:Object>`);
    expect(malformed(wrapped)).toMatchObject({ valid: false, problem: "malformed" });
    expect(malformed(binding.replace("xml-exc-c14n#", "xml-c14n-20010315"))).toMatchObject({ problem: "malformed" });
  });

  it("detects any single byte of the content changed (property)", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 300 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (content, at, flip) => {
          const binding = createBinding({ content, labelXml: LABEL_DOCUMENT, dataName: "file.bin", key: ours });
          expect(verifyBinding({ content, bindingXml: binding, trustedPublicKey: ours.publicKey }).valid).toBe(true);
          const changed = Uint8Array.from(content);
          const index = at % changed.length;
          changed[index] = changed[index]! ^ flip;
          expect(
            verifyBinding({ content: changed, bindingXml: binding, trustedPublicKey: ours.publicKey }),
          ).toMatchObject({
            valid: false,
            problem: "content-changed",
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it("refuses to bind with a key that is not ECDSA P-256, a label that is not XML or has a DOCTYPE, or no file name", () => {
    const ed25519 = generateKeyPairSync("ed25519");
    const p384 = generateKeyPairSync("ec", { namedCurve: "secp384r1" });
    expect(() => bind(CONTENT, ed25519)).toThrow(BindingError);
    expect(() => bind(CONTENT, p384)).toThrow("A binding is signed with an ECDSA P-256 private key.");
    expect(() => bind(CONTENT, { privateKey: ours.publicKey })).toThrow(BindingError);
    expect(() => bind(CONTENT, ours, "NATO RESTRICTED")).toThrow(BindingError);
    expect(() => bind(CONTENT, ours, `<!DOCTYPE x [<!ENTITY e "e">]>${LABEL}`)).toThrow(
      "The label has a document type declaration.",
    );
    expect(() => createBinding({ content: CONTENT, labelXml: LABEL, dataName: "", key: ours })).toThrow(BindingError);
  });
});
