/**
 * A document's confidentiality label bound to its content as STANAG 4778 (ADatP-4778, Metadata
 * Binding Mechanism) describes: a binding data object (BDO) kept beside the file ("sidecar"),
 * media type application/vnd.nato.bindingdataobject+xml, signed with the instance's ECDSA P-256
 * key (binding-key.ts).
 *
 * What a binding looks like (namespace `mb` = urn:nato:stanag:4778:bindinginformation:1:0, `ds`
 * = XML Signature, `dsig11` = XML Signature 1.1); the structure follows ADatP-4778's
 * BindingInformation as public implementations of it show it, the signature ADatP-4778.2's
 * cryptographic artefact binding (SHA-384 digests, ECDSA with SHA-256), and
 * data/stanag-4778/binding.xsd is our schema of it:
 *
 *   <mb:BindingInformation>
 *     <ds:Signature>                      XML Signature (xml-crypto), first, where a public
 *       <ds:SignedInfo>                   ADatP-4778.2 implementation puts it: exclusive C14N,
 *                                         ecdsa-sha256, two References
 *         <ds:Reference URI="#concord-metadata-binding">   SHA-384 of the MetadataBinding
 *         <ds:Reference URI="#concord-data-objects" Type="…#Manifest">   SHA-384 of the Manifest
 *       <ds:SignatureValue>               r‖s (IEEE P1363, 64 bytes), base64, XML Signature 1.1 §6.4.3
 *       <ds:KeyInfo>
 *         <ds:KeyName>                    the key's fingerprint: hex SHA-256 of its SPKI DER
 *         <dsig11:DEREncodedKeyValue>     the public key itself, SPKI DER in base64
 *       <ds:Object><ds:Manifest Id="concord-data-objects">
 *         <ds:Reference URI="report.pdf"> the content: DigestMethod SHA-384, DigestValue base64
 *     <mb:MetadataBindingContainer>
 *       <mb:MetadataBinding Id="concord-metadata-binding">
 *         <mb:Metadata>                   the STANAG 4774 label, as XML
 *         <mb:DataReference URI="report.pdf"/>   the file, by its name (percent-encoded)
 *
 * Exactly what is signed: the ECDSA P-256 / SHA-256 signature is over the UTF-8 bytes of the
 * exclusive canonical form (xml-exc-c14n, without comments) of ds:SignedInfo. SignedInfo holds
 * the SHA-384 of the exclusive canonical form of mb:MetadataBinding (so: the label, and the
 * DataReference with the file's name) and the SHA-384 of the exclusive canonical form of
 * ds:Manifest (so: the file's name again and the SHA-384 of the content's bytes). The content is
 * referenced through a Manifest (XML Signature §5.1) because it lives outside the binding, where
 * a signature library cannot fetch it: the verifier digests the file it was given and compares.
 * Another XML Signature implementation checks the same binding: `xmlsec1 --verify --pubkey-pem
 * key.pem --id-attr:Id <mb>:MetadataBinding --id-attr:Id <ds>:Manifest --enabled-reference-uris
 * same-doc,local,remote report.pdf.bdo.xml` beside report.pdf (test/documents/binding.test.ts).
 *
 * Trust: the binding carries its public key, so anyone holding only the two files can check
 * that they match and that the signature holds. That proves nothing about who signed; trusting
 * a binding means comparing its key's fingerprint with the instance's (verifyBinding does so
 * when given `trustedPublicKey`, and answers `untrusted-key` when they differ).
 *
 * Verification reads nothing the signature does not cover: the binding must have exactly the
 * shape createBinding writes (no DOCTYPE, bounded size and depth, nothing beside the signed
 * elements), and the label it returns is taken from the signed, canonical MetadataBinding.
 */
import {
  type BinaryLike,
  createHash,
  createPrivateKey,
  createPublicKey,
  type KeyLike,
  KeyObject,
  sign,
  verify,
} from "node:crypto";
import {
  DOMParser,
  type Element as XmlElement,
  type Node as XmlNode,
  onWarningStopParsing,
  XMLSerializer,
} from "@xmldom/xmldom";
import { ExclusiveCanonicalization, SignedXml } from "xml-crypto";
import type { HashAlgorithm, SignatureAlgorithm } from "xml-crypto";
import { keyFingerprint } from "../../domain/audit.ts";
import { isP256Key } from "./binding-key.ts";

export const BINDING_NAMESPACE = "urn:nato:stanag:4778:bindinginformation:1:0";
/** The media type IANA registered for a STANAG 4778 binding data object in XML. */
export const BINDING_MEDIA_TYPE = "application/vnd.nato.bindingdataobject+xml";

/** A label larger than this is refused when binding. */
export const MAX_LABEL_BYTES = 64 * 1024;
/** A binding larger than this is refused when verifying (a label, a signature and a key fit in far less). */
export const MAX_BINDING_BYTES = 256 * 1024;
/** Elements nested deeper than this are refused, in a label and in a binding. */
const MAX_DEPTH = 32;
/** A file name longer than this is refused as a data reference. */
const MAX_DATA_NAME_LENGTH = 1024;

const DSIG = "http://www.w3.org/2000/09/xmldsig#";
const DSIG11 = "http://www.w3.org/2009/xmldsig11#";
const EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
const SHA384 = "http://www.w3.org/2001/04/xmldsig-more#sha384";
const ECDSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";
const MANIFEST_TYPE = `${DSIG}Manifest`;
const BINDING_ID = "concord-metadata-binding";
const MANIFEST_ID = "concord-data-objects";

export type BindingProblem = "content-changed" | "label-changed" | "signature-invalid" | "untrusted-key" | "malformed";

export type BindingVerification =
  | {
      valid: true;
      /** The label as signed: its exclusive canonical XML (no declaration; `<a></a>` for `<a/>`). */
      labelXml: string;
      /** Base64 SHA-384 of the content, which the binding was signed for. */
      digest: string;
      /** Hex SHA-256 of the signing key's SPKI DER: compare with the instance's before trusting. */
      fingerprint: string;
      /** The file name the binding's DataReference gives. */
      dataName: string;
    }
  | { valid: false; problem: BindingProblem; detail: string };

/** A binding cannot be made from what was given (not a label, not a P-256 key, no file name). */
export class BindingError extends Error {}

/** The signing key: a loaded BindingKey will do. */
export type BindingSigner = { privateKey: KeyObject };

/** Base64 SHA-384 of the content's bytes, as the binding's Manifest records it. */
export function contentDigest(content: Uint8Array): string {
  return createHash("sha384").update(content).digest("base64");
}

/**
 * The detached binding (a complete XML document, UTF-8) of `content`, labelled `labelXml` (a
 * STANAG 4774 label; its XML declaration and anything outside its root element are dropped),
 * named `dataName` (the file name the binding travels beside), signed with `key`.
 */
export function createBinding(input: {
  content: Uint8Array;
  labelXml: string;
  dataName: string;
  key: BindingSigner;
}): string {
  const { privateKey } = input.key;
  if (privateKey.type !== "private" || !isP256Key(privateKey)) {
    throw new BindingError("A binding is signed with an ECDSA P-256 private key.");
  }
  const label = labelElementXml(input.labelXml);
  const uri = dataReferenceUri(input.dataName);
  const publicKey = createPublicKey(privateKey);
  const keyInfo =
    `<ds:KeyName>${keyFingerprint(publicKey)}</ds:KeyName>` +
    `<dsig11:DEREncodedKeyValue xmlns:dsig11="${DSIG11}">` +
    `${publicKey.export({ type: "spki", format: "der" }).toString("base64")}</dsig11:DEREncodedKeyValue>`;
  const manifest =
    `<ds:Manifest Id="${MANIFEST_ID}"><ds:Reference URI="${escapeAttribute(uri)}">` +
    `<ds:DigestMethod Algorithm="${SHA384}"/><ds:DigestValue>${contentDigest(input.content)}</ds:DigestValue>` +
    "</ds:Reference></ds:Manifest>";
  const unsigned =
    `<mb:BindingInformation xmlns:mb="${BINDING_NAMESPACE}"><mb:MetadataBindingContainer>` +
    `<mb:MetadataBinding Id="${BINDING_ID}"><mb:Metadata>${label}</mb:Metadata>` +
    `<mb:DataReference URI="${escapeAttribute(uri)}"/></mb:MetadataBinding>` +
    "</mb:MetadataBindingContainer></mb:BindingInformation>";

  const signer = new SignedXml({
    privateKey,
    signatureAlgorithm: ECDSA_SHA256,
    canonicalizationAlgorithm: EXC_C14N,
    getKeyInfoContent: () => keyInfo,
    objects: [{ content: manifest }],
  });
  useOnlyOurAlgorithms(signer);
  signer.addReference({
    xpath: `//*[local-name(.)='MetadataBinding' and namespace-uri(.)='${BINDING_NAMESPACE}']`,
    transforms: [EXC_C14N],
    digestAlgorithm: SHA384,
  });
  signer.addReference({
    xpath: `//*[local-name(.)='Manifest' and namespace-uri(.)='${DSIG}']`,
    transforms: [EXC_C14N],
    digestAlgorithm: SHA384,
    type: MANIFEST_TYPE,
  });
  signer.computeSignature(unsigned, { prefix: "ds", location: { reference: "/*", action: "prepend" } });
  const binding = `<?xml version="1.0" encoding="UTF-8"?>\n${signer.getSignedXml()}\n`;

  // Never hand out a binding that would not verify (a label whose attributes collide with the
  // binding's Ids, say).
  const check = verifyBinding({ content: input.content, bindingXml: binding, trustedPublicKey: publicKey });
  if (!check.valid) throw new BindingError(`The binding made does not verify (${check.problem}): ${check.detail}`);
  return binding;
}

/**
 * Checks a binding against the content it travels with: the binding's shape, then (given
 * `trustedPublicKey`) that it was signed by that key, then the signature over SignedInfo, then
 * each signed digest (the MetadataBinding: the label; the Manifest), then the content's digest.
 * The first that fails names the problem.
 */
export function verifyBinding(input: {
  content: Uint8Array;
  bindingXml: string;
  trustedPublicKey?: KeyObject;
}): BindingVerification {
  try {
    return verifyOrThrow(input.content, input.bindingXml, input.trustedPublicKey);
  } catch (error) {
    if (error instanceof Problem) return { valid: false, problem: error.problem, detail: error.message };
    throw error;
  }
}

class Problem extends Error {
  constructor(
    readonly problem: BindingProblem,
    detail: string,
  ) {
    super(detail);
  }
}

function verifyOrThrow(content: Uint8Array, bindingXml: string, trustedPublicKey?: KeyObject): BindingVerification {
  const parsed = parseXml(bindingXml, MAX_BINDING_BYTES, "binding");
  if (!parsed.ok) throw new Problem("malformed", parsed.problem);
  const root = parsed.root;

  // The shape createBinding writes, and nothing else.
  expectElement(root, BINDING_NAMESPACE, "BindingInformation");
  const [signature, container] = children(root, [
    [DSIG, "Signature"],
    [BINDING_NAMESPACE, "MetadataBindingContainer"],
  ]);
  const [metadataBinding] = children(container, [[BINDING_NAMESPACE, "MetadataBinding"]]);
  expectId(metadataBinding, BINDING_ID);
  const [metadata, dataReference] = children(metadataBinding, [
    [BINDING_NAMESPACE, "Metadata"],
    [BINDING_NAMESPACE, "DataReference"],
  ]);
  if (elementChildren(metadata).length !== 1) throw new Problem("malformed", "Metadata must hold one label.");
  children(dataReference, []);
  const [signedInfo, signatureValue, keyInfo, object] = children(signature, [
    [DSIG, "SignedInfo"],
    [DSIG, "SignatureValue"],
    [DSIG, "KeyInfo"],
    [DSIG, "Object"],
  ]);
  const [c14nMethod, signatureMethod, bindingReference, manifestReference] = children(signedInfo, [
    [DSIG, "CanonicalizationMethod"],
    [DSIG, "SignatureMethod"],
    [DSIG, "Reference"],
    [DSIG, "Reference"],
  ]);
  expectAlgorithm(c14nMethod, EXC_C14N);
  expectAlgorithm(signatureMethod, ECDSA_SHA256);
  expectReference(bindingReference, `#${BINDING_ID}`, null);
  expectReference(manifestReference, `#${MANIFEST_ID}`, MANIFEST_TYPE);
  const [keyName, keyValue] = children(keyInfo, [
    [DSIG, "KeyName"],
    [DSIG11, "DEREncodedKeyValue"],
  ]);
  const [manifest] = children(object, [[DSIG, "Manifest"]]);
  expectId(manifest, MANIFEST_ID);
  const [manifestEntry] = children(manifest, [[DSIG, "Reference"]]);
  children(manifestEntry, [
    [DSIG, "DigestMethod"],
    [DSIG, "DigestValue"],
  ]);

  // The key the binding carries, and whether it is the one we were told to trust.
  const publicKey = embeddedKey(keyValue);
  const fingerprint = keyFingerprint(publicKey);
  if (text(keyName) !== fingerprint) throw new Problem("malformed", "KeyName is not the fingerprint of the key given.");
  if (trustedPublicKey) {
    const trusted = keyFingerprint(trustedPublicKey);
    if (trusted !== fingerprint) {
      throw new Problem("untrusted-key", `The binding was signed with key ${fingerprint}, not with ${trusted}.`);
    }
  }

  // The signature over SignedInfo, on its own first: a failure here says nothing about the label.
  const signatureBytes = base64Bytes(text(signatureValue));
  const canonicalSignedInfo = canonical(signedInfo);
  if (
    signatureBytes === null ||
    !verify(
      "sha256",
      Buffer.from(canonicalSignedInfo, "utf8"),
      { key: publicKey, dsaEncoding: "ieee-p1363" },
      signatureBytes,
    )
  ) {
    throw new Problem("signature-invalid", "The signature does not hold for this binding's signed information.");
  }

  // Then the signed digests, by xml-crypto, which also hands back what they cover, canonical.
  const verifier = new SignedXml({ publicCert: publicKey, getCertFromKeyInfo: () => null });
  useOnlyOurAlgorithms(verifier);
  let holds: boolean;
  try {
    verifier.loadSignature(new XMLSerializer().serializeToString(signature));
    holds = verifier.checkSignature(bindingXml);
  } catch (error) {
    throw new Problem("signature-invalid", `The signature does not hold: ${(error as Error).message.slice(0, 200)}`);
  }
  const references = verifier.getReferences();
  if (!holds) {
    const failed = references.find((reference) => reference.validationError);
    if (failed?.uri === `#${BINDING_ID}`) {
      throw new Problem("label-changed", "The label or the data reference was changed after the binding was signed.");
    }
    throw new Problem("signature-invalid", "The content digest in the binding is not the one that was signed.");
  }
  const signedBinding = references.find((reference) => reference.uri === `#${BINDING_ID}`)?.signedReference;
  const signedManifest = references.find((reference) => reference.uri === `#${MANIFEST_ID}`)?.signedReference;
  if (signedBinding === undefined || signedManifest === undefined) {
    throw new Problem("signature-invalid", "The signature does not cover the label and the content.");
  }

  // What was signed, read from the signed canonical XML only.
  const signed = readSigned(signedBinding, signedManifest);
  const digest = contentDigest(content);
  if (digest !== signed.digest) {
    throw new Problem(
      "content-changed",
      `The content's SHA-384 digest is ${digest}; the binding was signed for content whose digest is ${signed.digest}.`,
    );
  }
  return { valid: true, labelXml: signed.labelXml, digest, fingerprint, dataName: signed.dataName };
}

/** The label, the file name and the content's digest, from the canonical XML the signature covers. */
function readSigned(bindingXml: string, manifestXml: string): { labelXml: string; dataName: string; digest: string } {
  const binding = parseXml(bindingXml, MAX_BINDING_BYTES, "signed binding");
  const manifest = parseXml(manifestXml, MAX_BINDING_BYTES, "signed manifest");
  if (!binding.ok || !manifest.ok) throw new Problem("malformed", "What the signature covers cannot be read.");
  expectElement(binding.root, BINDING_NAMESPACE, "MetadataBinding");
  const [metadata, dataReference] = children(binding.root, [
    [BINDING_NAMESPACE, "Metadata"],
    [BINDING_NAMESPACE, "DataReference"],
  ]);
  const [label] = elementChildren(metadata);
  if (!label) throw new Problem("malformed", "Metadata must hold one label.");
  expectElement(manifest.root, DSIG, "Manifest");
  const [entry] = children(manifest.root, [[DSIG, "Reference"]]);
  const [digestMethod, digestValue] = children(entry, [
    [DSIG, "DigestMethod"],
    [DSIG, "DigestValue"],
  ]);
  expectAlgorithm(digestMethod, SHA384);
  const uri = dataReference.getAttribute("URI") ?? "";
  if (entry.getAttribute("URI") !== uri) {
    throw new Problem("malformed", "The signed content reference does not name the binding's data reference.");
  }
  let dataName: string;
  try {
    dataName = decodeURIComponent(uri);
  } catch {
    throw new Problem("malformed", "The data reference is not a valid URI.");
  }
  return { labelXml: canonical(label), dataName, digest: text(digestValue) };
}

/** An element's exclusive canonical form (without comments), on its own. */
function canonical(element: XmlElement): string {
  // xml-crypto's canonicalizer reads the DOM through the standard interface xmldom implements.
  return new ExclusiveCanonicalization().process(element as unknown as globalThis.Element, {});
}

/** The public key in a DEREncodedKeyValue: SPKI DER, base64, on P-256. */
function embeddedKey(keyValue: XmlElement): KeyObject {
  const der = base64Bytes(text(keyValue));
  let key: KeyObject | null = null;
  if (der) {
    try {
      key = createPublicKey({ key: der, format: "der", type: "spki" });
    } catch {
      key = null;
    }
  }
  if (!key || !isP256Key(key)) throw new Problem("malformed", "The binding's key is not an ECDSA P-256 public key.");
  return key;
}

/** The label's root element, serialised alone, after checking it is XML we accept. */
function labelElementXml(labelXml: string): string {
  const parsed = parseXml(labelXml, MAX_LABEL_BYTES, "label");
  if (!parsed.ok) throw new BindingError(parsed.problem);
  return new XMLSerializer().serializeToString(parsed.root);
}

/** The DataReference URI of a file name: a relative URI, the name percent-encoded. */
function dataReferenceUri(dataName: string): string {
  if (dataName.length === 0 || dataName.length > MAX_DATA_NAME_LENGTH) {
    throw new BindingError(`A binding names its file in 1 to ${MAX_DATA_NAME_LENGTH} characters.`);
  }
  try {
    return encodeURIComponent(dataName);
  } catch {
    throw new BindingError("The file name is not valid text.");
  }
}

type Parsed = { ok: true; root: XmlElement } | { ok: false; problem: string };

/**
 * Parses XML that came from outside: bounded in size and depth, no DOCTYPE (so no entities),
 * well-formed with namespaces, any warning an error.
 */
function parseXml(xml: string, maxBytes: number, what: string): Parsed {
  if (Buffer.byteLength(xml, "utf8") > maxBytes)
    return { ok: false, problem: `The ${what} is larger than ${maxBytes} bytes.` };
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return { ok: false, problem: `The ${what} has a document type declaration.` };
  let root: XmlElement | null;
  try {
    const document = new DOMParser({ onError: onWarningStopParsing }).parseFromString(xml, "application/xml");
    if (document.doctype) return { ok: false, problem: `The ${what} has a document type declaration.` };
    root = document.documentElement;
  } catch (error) {
    return { ok: false, problem: `The ${what} is not well-formed XML: ${(error as Error).message.slice(0, 200)}` };
  }
  if (!root) return { ok: false, problem: `The ${what} has no root element.` };
  if (depth(root) > MAX_DEPTH) return { ok: false, problem: `The ${what} nests elements deeper than ${MAX_DEPTH}.` };
  return { ok: true, root };
}

/** How deeply elements nest under `root` (root alone: 1), without recursion. */
function depth(root: XmlElement): number {
  let deepest = 0;
  const stack: [XmlNode, number][] = [[root, 1]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, level] = entry;
    deepest = Math.max(deepest, level);
    if (deepest > MAX_DEPTH) return deepest;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === child.ELEMENT_NODE) stack.push([child, level + 1]);
    }
  }
  return deepest;
}

function elementChildren(element: XmlElement): XmlElement[] {
  const found: XmlElement[] = [];
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === child.ELEMENT_NODE) found.push(child as XmlElement);
  }
  return found;
}

/**
 * The element children of `element`, which must be exactly these (namespace, local name), in
 * this order, with nothing else beside them but whitespace.
 */
function children<const T extends readonly (readonly [string, string])[]>(
  element: XmlElement,
  expected: T,
): { [K in keyof T]: XmlElement } {
  for (let child = element.firstChild; child; child = child.nextSibling) {
    const stray =
      child.nodeType !== child.ELEMENT_NODE && !(child.nodeType === child.TEXT_NODE && !child.nodeValue?.trim());
    if (stray) throw new Problem("malformed", `${element.localName} holds something other than its elements.`);
  }
  const found = elementChildren(element);
  const names = (list: { namespace: string | null; name: string }[]) =>
    list.map(({ namespace, name }) => `{${namespace}}${name}`).join(" ");
  const want = names(expected.map(([namespace, name]) => ({ namespace, name })));
  const have = names(found.map((child) => ({ namespace: child.namespaceURI, name: child.localName ?? "" })));
  if (want !== have)
    throw new Problem("malformed", `${element.localName} must hold ${want || "nothing"}, not ${have || "nothing"}.`);
  // Checked just above: one element for each expected name.
  return found as { [K in keyof T]: XmlElement };
}

function expectElement(element: XmlElement, namespace: string, name: string): void {
  if (element.namespaceURI !== namespace || element.localName !== name) {
    throw new Problem(
      "malformed",
      `Expected {${namespace}}${name}, found {${element.namespaceURI}}${element.localName}.`,
    );
  }
}

function expectId(element: XmlElement, id: string): void {
  if (element.getAttribute("Id") !== id) throw new Problem("malformed", `${element.localName} must have Id ${id}.`);
}

function expectAlgorithm(element: XmlElement, algorithm: string): void {
  if (element.getAttribute("Algorithm") !== algorithm) {
    throw new Problem(
      "malformed",
      `${element.localName} must be ${algorithm}, not ${element.getAttribute("Algorithm")}.`,
    );
  }
}

/** A SignedInfo Reference: this URI and Type, exclusive C14N, SHA-384. */
function expectReference(reference: XmlElement, uri: string, type: string | null): void {
  if (reference.getAttribute("URI") !== uri || reference.getAttribute("Type") !== type) {
    throw new Problem("malformed", `The signature must reference ${uri}.`);
  }
  const [transforms, digestMethod] = children(reference, [
    [DSIG, "Transforms"],
    [DSIG, "DigestMethod"],
    [DSIG, "DigestValue"],
  ]);
  const [transform] = children(transforms, [[DSIG, "Transform"]]);
  expectAlgorithm(transform, EXC_C14N);
  expectAlgorithm(digestMethod, SHA384);
}

function text(element: XmlElement): string {
  return (element.textContent ?? "").trim();
}

function base64Bytes(value: string): Buffer | null {
  const compact = value.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact) || compact.length % 4 !== 0) return null;
  return Buffer.from(compact, "base64");
}

function escapeAttribute(value: string): string {
  return value.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll('"', "&quot;");
}

/** SHA-384 as XML Signature names it, for xml-crypto. */
class Sha384 implements HashAlgorithm {
  getHash(xml: string): string {
    return createHash("sha384").update(xml, "utf8").digest("base64");
  }

  getAlgorithmName(): string {
    return SHA384;
  }
}

/** ECDSA with SHA-256; the value is r‖s (IEEE P1363), as XML Signature 1.1 §6.4.3 requires, not DER. */
class EcdsaSha256 implements SignatureAlgorithm {
  getSignature(signedInfo: BinaryLike, privateKey: KeyLike): string {
    const data = typeof signedInfo === "string" ? Buffer.from(signedInfo, "utf8") : signedInfo;
    const key = privateKey instanceof KeyObject ? privateKey : createPrivateKey(privateKey);
    return sign("sha256", data, { key, dsaEncoding: "ieee-p1363" }).toString("base64");
  }

  verifySignature(material: string, key: KeyLike, signatureValue: string): boolean {
    const bytes = base64Bytes(signatureValue);
    if (!bytes) return false;
    const publicKey = key instanceof KeyObject ? key : createPublicKey(key);
    return verify("sha256", Buffer.from(material, "utf8"), { key: publicKey, dsaEncoding: "ieee-p1363" }, bytes);
  }

  getAlgorithmName(): string {
    return ECDSA_SHA256;
  }
}

/** Only exclusive C14N, SHA-384 and ECDSA-SHA256: nothing weaker is accepted or produced. */
function useOnlyOurAlgorithms(signedXml: SignedXml): void {
  signedXml.SignatureAlgorithms = { [ECDSA_SHA256]: EcdsaSha256 };
  signedXml.HashAlgorithms = { [SHA384]: Sha384 };
  signedXml.CanonicalizationAlgorithms = { [EXC_C14N]: ExclusiveCanonicalization };
}
