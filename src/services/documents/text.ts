/**
 * A document's text, for the library's full-text search (document_search_vector, migration 0032,
 * keeps the first 100,000 characters): plain text and JSON as they are, PDF through pdf.js, and the
 * office formats read from their zip (OOXML: DOCX, XLSX, PPTX; OpenDocument: ODT, ODS, ODP).
 *
 * Never throws and logs nothing: a file that cannot be read (a malformed PDF, a damaged zip, a zip
 * bomb, a legacy .doc) is stored all the same, only not searchable by its content. The work is
 * bounded: the characters kept, the PDF pages read and the time spent on them, the zip's entries
 * and the bytes inflated from them (counted while inflating, not trusted from the zip's headers).
 */
import { createRequire } from "node:module";
import path from "node:path";
import { Inflate } from "fflate";

/** The characters kept: what document_search_vector indexes. */
export const TEXT_LIMIT = 100_000;
/** Bytes of a text/* or JSON body decoded (UTF-8 takes at most 4 bytes a character). */
const TEXT_BYTES = 400_000;
/** Pages of a PDF read. */
const PDF_PAGES = 200;
/** Time spent on a PDF's pages before keeping what was read. */
const PDF_MILLISECONDS = 15_000;
/** Bytes inflated from one zip, all entries together. */
const ZIP_INFLATED_BYTES = 20 * 1024 * 1024;
/** Entries a zip may hold at all: office files hold tens or hundreds. */
const ZIP_ENTRIES = 10_000;
/** Compressed bytes handed to the inflater at once: at deflate's ratio (~1:1032) at most ~4 MiB out. */
const INFLATE_CHUNK = 4096;

const OOXML = {
  word: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  sheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  slides: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
} as const;
const OPEN_DOCUMENT: ReadonlySet<string> = new Set([
  "application/vnd.oasis.opendocument.text",
  "application/vnd.oasis.opendocument.spreadsheet",
  "application/vnd.oasis.opendocument.presentation",
]);

/** At most TEXT_LIMIT characters of the document's text; null when it has none or cannot be read. */
export async function extractText(mediaType: string, bytes: Uint8Array): Promise<string | null> {
  const type = (mediaType.split(";")[0] ?? "").trim().toLowerCase();
  try {
    if (type.startsWith("text/") || type === "application/json")
      return finish(new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, TEXT_BYTES)));
    if (type === "application/pdf") return finish(await pdfText(bytes));
    if (type === OOXML.word) return finish(officeText(bytes, (name) => name === "word/document.xml"));
    if (type === OOXML.sheet) return finish(officeText(bytes, (name) => name === "xl/sharedStrings.xml"));
    if (type === OOXML.slides) return finish(officeText(bytes, (name) => /^ppt\/slides\/slide\d+\.xml$/.test(name)));
    if (OPEN_DOCUMENT.has(type)) return finish(officeText(bytes, (name) => name === "content.xml"));
    return null; // images, legacy .doc/.xls/.ppt: no text Concord reads
  } catch {
    return null;
  }
}

/** Whitespace collapsed, characters PostgreSQL's text refuses (NUL) or search ignores removed, cut at the limit. */
function finish(text: string | null): string | null {
  if (text === null) return null;
  const clean = text
    .slice(0, TEXT_LIMIT * 2)
    .replace(/[\p{Cc}\s]+/gu, " ")
    .trim();
  if (clean === "") return null;
  if (clean.length <= TEXT_LIMIT) return clean;
  // Not half a surrogate pair at the cut.
  const end = /[\ud800-\udbff]/.test(clean.charAt(TEXT_LIMIT - 1)) ? TEXT_LIMIT - 1 : TEXT_LIMIT;
  return clean.slice(0, end);
}

// ------------------------------------------------------------------------------------ PDF

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjs: Promise<PdfJs> | undefined;

/** pdf.js's Node build, its worker run in this thread (no worker thread, nothing fetched). */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const worker: unknown = await import("pdfjs-dist/legacy/build/pdf.worker.mjs" as string);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import("pdfjs-dist/legacy/build/pdf.mjs");
  })();
  return pdfjs;
}

/** The package's own character maps, read from disk: CJK text needs them. */
function cMapFolder(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    return `${path.join(path.dirname(require.resolve("pdfjs-dist/package.json")), "cmaps")}${path.sep}`;
  } catch {
    return undefined;
  }
}

async function pdfText(bytes: Uint8Array): Promise<string | null> {
  const { getDocument, VerbosityLevel } = await loadPdfJs();
  const task = getDocument({
    data: bytes.slice(), // pdf.js may take the buffer over: the caller keeps its own
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    enableXfa: false,
    stopAtErrors: false,
    cMapUrl: cMapFolder(),
    cMapPacked: true,
  });
  try {
    const document = await task.promise;
    const deadline = Date.now() + PDF_MILLISECONDS;
    const parts: string[] = [];
    let length = 0;
    const pages = Math.min(document.numPages, PDF_PAGES);
    for (let number = 1; number <= pages && length < TEXT_LIMIT && Date.now() < deadline; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      for (const item of content.items) {
        if (!("str" in item)) continue;
        const piece = item.hasEOL ? `${item.str} ` : item.str;
        parts.push(piece);
        length += piece.length;
      }
      parts.push(" ");
      page.cleanup();
    }
    return parts.join("");
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

// ------------------------------------------------------------------------------ zip, office

class ZipRefused extends Error {}

type ZipEntry = { name: string; method: number; compressedSize: number; localHeader: number };

/** The central directory's entries (no ZIP64: files are at most 20 MiB); refuses too many entries. */
function zipEntries(zip: Uint8Array): ZipEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--)
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  if (end < 0) throw new ZipRefused("no end of central directory");
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count > ZIP_ENTRIES) throw new ZipRefused("too many entries");
  const names = new TextDecoder("utf-8", { fatal: false });
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== 0x02014b50) throw new ZipRefused("bad directory");
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    entries.push({
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      localHeader: view.getUint32(at + 42, true),
      name: names.decode(zip.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An entry's bytes, inflated chunk by chunk against what is left of the zip's budget. */
function readEntry(zip: Uint8Array, entry: ZipEntry, budget: { left: number }): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const header = entry.localHeader;
  if (header + 30 > zip.length || view.getUint32(header, true) !== 0x04034b50) throw new ZipRefused("bad entry");
  const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
  const stop = start + entry.compressedSize;
  if (stop > zip.length) throw new ZipRefused("entry beyond the file");
  const data = zip.subarray(start, stop);
  if (entry.method === 0) {
    if (data.length > budget.left) throw new ZipRefused("too large");
    budget.left -= data.length;
    return data;
  }
  if (entry.method !== 8) throw new ZipRefused("unsupported compression");
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > budget.left) throw new ZipRefused("too large");
    chunks.push(chunk);
  });
  for (let at = 0; at < data.length; at += INFLATE_CHUNK) {
    const end = Math.min(at + INFLATE_CHUNK, data.length);
    inflater.push(data.subarray(at, end), end === data.length);
  }
  budget.left -= total;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** The text of the zip's XML parts `wanted` chooses (slides in their order), or null. */
function officeText(zip: Uint8Array, wanted: (name: string) => boolean): string | null {
  const entries = zipEntries(zip)
    .filter((entry) => wanted(entry.name))
    .sort((a, b) => partNumber(a.name) - partNumber(b.name) || a.name.localeCompare(b.name));
  if (entries.length === 0) return null;
  const budget = { left: ZIP_INFLATED_BYTES };
  const decoder = new TextDecoder("utf-8", { fatal: false });
  const parts: string[] = [];
  let length = 0;
  for (const entry of entries) {
    if (length >= TEXT_LIMIT) break;
    const text = xmlText(decoder.decode(readEntry(zip, entry, budget)));
    parts.push(text);
    length += text.length + 1;
  }
  return parts.join(" ");
}

function partNumber(name: string): number {
  const match = /(\d+)\.xml$/.exec(name);
  return match ? Number(match[1]) : 0;
}

/**
 * The text nodes of an office XML part: what is deleted or a field's code left out, paragraphs,
 * cells, tabs and line breaks as spaces, other tags dropped (a word split over runs stays whole),
 * entities decoded. OpenDocument's styles before its body are left out with the rest of the head.
 */
function xmlText(xml: string): string {
  const bodyAt = xml.indexOf("<office:body");
  const body = bodyAt >= 0 ? xml.slice(bodyAt) : xml;
  return decodeEntities(
    body
      .replace(/<!--[\s\S]*?-->/g, "")
      .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, text: string) => escapeXml(text))
      .replace(/<(w:delText|w:instrText)\b[^>]*>[\s\S]*?<\/\1>/g, "")
      .replace(
        /<\/(?:w:p|a:p|text:p|text:h|si|table:table-cell|w:tc)>|<(?:w:tab|w:br|w:cr|text:s|text:tab|text:line-break|a:br)\b[^>]*\/?>/g,
        " ",
      )
      .replace(/<[^>]*>/g, ""),
  );
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : " ";
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}
