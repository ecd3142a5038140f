/**
 * A document's text for the library's search (src/services/documents/text.ts): a PDF written
 * here by hand (its xref offsets counted), office files zipped here with fflate, and what cannot
 * be read (a corrupt PDF, a zip bomb, too many entries, an image) giving null, never an error.
 * Then a PDF uploaded through DocumentsService is found by a word only its content holds.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as repo from "../../src/db/repositories/documents.ts";
import { loadBindingKey } from "../../src/services/documents/binding-key.ts";
import { DocumentsService } from "../../src/services/documents/documents.ts";
import { extractText, TEXT_LIMIT } from "../../src/services/documents/text.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

const encode = (text: string) => new TextEncoder().encode(text);

/** A one-page PDF 1.4 showing `lines` in Helvetica, each object's offset in the xref counted. */
function minimalPdf(lines: string[]): Uint8Array {
  const stream = lines
    .map((line, index) => `BT /F1 18 Tf 72 ${720 - index * 24} Td (${line.replace(/[()\\]/g, "\\$&")}) Tj ET`)
    .join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(pdf.length); // ASCII only: characters are bytes
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, "0")} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return encode(pdf);
}

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
const ODT = "application/vnd.oasis.opendocument.text";
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function docx(documentXml: string): Uint8Array {
  return zipSync({
    "[Content_Types].xml": encode('<?xml version="1.0"?><Types/>'),
    "word/document.xml": encode(documentXml),
  });
}

describe("extractText", () => {
  it("reads a PDF's text, and refuses a corrupt one with null", async () => {
    const pdf = minimalPdf(["Interoperability of tactical data links", "Reviewed at Brunssum (2024)"]);
    const text = await extractText("application/pdf", pdf);
    expect(text).toContain("Interoperability of tactical data links");
    expect(text).toContain("Reviewed at Brunssum (2024)");

    const truncated = pdf.subarray(0, 40);
    await expect(extractText("application/pdf", truncated)).resolves.toBeNull();
    await expect(extractText("application/pdf", encode("%PDF-1.7\nnot a pdf at all"))).resolves.toBeNull();
    await expect(extractText("application/pdf", new Uint8Array(4096).fill(0xff))).resolves.toBeNull();
  });

  it("reads a DOCX: runs joined, paragraphs and tabs as spaces, entities decoded, deletions and field codes left out", async () => {
    const bytes = docx(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>` +
        '<w:p><w:r><w:t>Interopera</w:t></w:r><w:r><w:t xml:space="preserve">bility &amp; </w:t></w:r>' +
        "<w:r><w:t>readiness</w:t></w:r></w:p>" +
        "<w:p><w:r><w:t>Bruxelles</w:t><w:tab/><w:t>&#233;t&#xE9;</w:t></w:r>" +
        "<w:del><w:r><w:delText>withdrawn</w:delText></w:r></w:del>" +
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org" </w:instrText></w:r></w:p>' +
        "<w:p><w:r><w:t>&lt;end&gt;</w:t></w:r></w:p></w:body></w:document>",
    );
    expect(await extractText(DOCX, bytes)).toBe("Interoperability & readiness Bruxelles été <end>");
  });

  it("reads an ODT's body (not its styles), an XLSX's shared strings and a PPTX's slides in order", async () => {
    const odt = zipSync({
      mimetype: [encode(ODT), { level: 0 }],
      "content.xml": encode(
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">' +
          '<office:automatic-styles><style:style style:name="P1">Ignored style text</style:style></office:automatic-styles>' +
          "<office:body><office:text><text:h>Partnership menu</text:h>" +
          '<text:p>Cyber<text:s/>defence <text:span text:style-name="T1">exercises</text:span> &amp; training</text:p>' +
          "</office:text></office:body></office:document-content>",
      ),
    });
    expect(await extractText(ODT, odt)).toBe("Partnership menu Cyber defence exercises & training");

    const xlsx = zipSync({
      "xl/sharedStrings.xml": encode(
        '<sst count="2" uniqueCount="2"><si><t>Contribution</t></si><si><r><t>Nor</t></r><r><t>way</t></r></si></sst>',
      ),
      "xl/worksheets/sheet1.xml": encode("<worksheet/>"),
    });
    expect(await extractText(XLSX, xlsx)).toBe("Contribution Norway");

    const slide = (text: string) =>
      encode(`<p:sld><p:txBody><a:p><a:r><a:t>${text}</a:t></a:r></a:p></p:txBody></p:sld>`);
    const pptx = zipSync({
      "ppt/slides/slide10.xml": slide("tenth"),
      "ppt/slides/slide2.xml": slide("second"),
      "ppt/slides/slide1.xml": slide("first"),
      "ppt/slides/_rels/slide1.xml.rels": encode("<Relationships>not text</Relationships>"),
    });
    expect(await extractText(PPTX, pptx)).toBe("first second tenth");
  });

  it("gives null for a zip bomb, a lying size, too many entries, a damaged zip, an image and a legacy .doc", async () => {
    // 32 MiB of one repeated letter deflates to ~32 KiB: past the 20 MiB read from one zip.
    const huge = new Uint8Array(32 * 1024 * 1024).fill(0x61);
    const bomb = zipSync({ "word/document.xml": huge });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const started = Date.now();
    await expect(extractText(DOCX, bomb)).resolves.toBeNull();
    expect(Date.now() - started).toBeLessThan(5000);

    // A central directory declaring a huge size for a small entry: the size read is what inflates, not what is declared.
    const lying = docx(`<w:document ${W}><w:body><w:p><w:r><w:t>Small</w:t></w:r></w:p></w:body></w:document>`);
    const view = new DataView(lying.buffer, lying.byteOffset, lying.byteLength);
    for (let at = 0; at + 4 <= lying.length; at++)
      if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 0xfffffff0, true); // uncompressed size
    await expect(extractText(DOCX, lying)).resolves.toBe("Small");

    const crowded: Record<string, Uint8Array> = {};
    for (let index = 0; index < 10_001; index++) crowded[`x/${index}`] = new Uint8Array(0);
    crowded["word/document.xml"] = encode("<w:t>Crowded</w:t>");
    await expect(extractText(DOCX, zipSync(crowded))).resolves.toBeNull();

    const good = docx(`<w:document ${W}><w:body><w:p><w:r><w:t>Whole</w:t></w:r></w:p></w:body></w:document>`);
    await expect(extractText(DOCX, good.subarray(0, good.length - 30))).resolves.toBeNull();
    await expect(extractText(DOCX, encode("PK\u0003\u0004 not really a zip"))).resolves.toBeNull();
    // A zip without the part the format keeps its text in.
    await expect(extractText(DOCX, zipSync({ "other.xml": encode("<t>x</t>") }))).resolves.toBeNull();

    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await expect(extractText("image/png", png)).resolves.toBeNull();
    await expect(extractText("application/msword", encode("\u00d0\u00cf\u0011\u00e0 legacy"))).resolves.toBeNull();
  }, 30_000);

  it("keeps plain text and JSON as before, whitespace collapsed, NUL removed, at most the limit", async () => {
    expect(await extractText("text/plain; charset=utf-8", encode("A note\n\tfor\u0000 allies."))).toBe(
      "A note for allies.",
    );
    expect(await extractText("application/json", encode('{"a": "b"}'))).toBe('{"a": "b"}');
    expect(await extractText("text/plain", encode("  \n "))).toBeNull();
    const long = await extractText("text/plain", encode("word ".repeat(50_000)));
    expect(long?.length).toBe(TEXT_LIMIT);
  });
});

describe("a PDF uploaded to the library", () => {
  let test: TestDatabase;
  let folder: string;
  beforeAll(async () => {
    test = await createTestDatabase();
    folder = await fs.mkdtemp(path.join(os.tmpdir(), "concord-text-"));
  }, 120_000);
  afterAll(async () => {
    await test?.drop();
    if (folder) await fs.rm(folder, { recursive: true, force: true });
  });

  it("is found by a word only its content holds", async () => {
    const documents = new DocumentsService(test.db, () => loadBindingKey(path.join(folder, "documents.pem")));
    const system = { kind: "system", name: "cli", organization: "NATO" } as const;
    const uploaded = await documents.upload(system, {
      file: {
        name: "report.pdf",
        mediaType: "application/pdf",
        bytes: minimalPdf(["Findings on the Quillwort logistics corridor"]),
      },
      titles: { en: "Annual report" },
      label: {
        policy: "urn:oid:1.3.26.1.3.1",
        classification: "NATO UNCLASSIFIED",
        categories: [{ tagName: "Releasable To", type: "permissive", values: ["NATO"] }],
      },
    });
    const found = await repo.listLibrary(test.db, "NATO", null, { query: "Quillwort", limit: 10 });
    expect(found.map((entry) => entry.documentId)).toEqual([uploaded.id]);
    const notFound = await repo.listLibrary(test.db, "NATO", null, { query: "Zanzibarite", limit: 10 });
    expect(notFound).toEqual([]);
  });
});
