/**
 * CSV answers of the list endpoints: the same service call, rows and order as the JSON, written
 * as RFC 4180 text (CRLF, fields quoted when they hold a comma, a quote or a line break),
 * UTF-8 with a byte-order mark so spreadsheets read accents, and guarded against formula
 * injection: a text cell starting with = + - @ (or a tab or carriage return) gets a leading '.
 */
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";

export type CsvValue = string | number | boolean | null | undefined;
export type CsvColumn<T> = { header: string; value: (row: T) => CsvValue };

const BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field: guarded if it is text a spreadsheet would run, quoted if it must be. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole file: a byte-order mark, a header line, one line per row, each ended by CRLF. */
export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  const lines = [columns.map((column) => csvField(column.header)).join(",")];
  for (const row of rows) lines.push(columns.map((column) => csvField(column.value(row))).join(","));
  return `${BOM}${lines.join("\r\n")}\r\n`;
}

/** The `format` query parameter every list endpoint takes. */
export const FormatField = {
  format: z
    .enum(["json", "csv"])
    .optional()
    .openapi({ description: "`csv` for a spreadsheet (also chosen by `Accept: text/csv`); JSON otherwise." }),
};

/**
 * Whether the reader asked for CSV: `?format=csv`, or, without `format`, an Accept header that
 * prefers text/csv to JSON (a browser's usual header, which ends in * / *, asks for JSON).
 */
export function wantsCsv(format: "json" | "csv" | undefined, accept: string | undefined): boolean {
  if (format) return format === "csv";
  if (!accept) return false;
  const ranked = accept
    .split(",")
    .map((part, index) => {
      const [type = "", ...params] = part.split(";").map((piece) => piece.trim().toLowerCase());
      const q = params.find((param) => param.startsWith("q="));
      return { type, q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const first = ranked.find((entry) => ["text/csv", "application/json", "*/*", "application/*"].includes(entry.type));
  return first?.type === "text/csv";
}

/** A file name from its parts (codes, a date, a filter): letters, digits, dots and hyphens only. */
export function csvFileName(...parts: Array<string | number | null | undefined>): string {
  const name = parts
    .filter((part) => part !== null && part !== undefined && part !== "")
    .map((part) =>
      String(part)
        .replace(/[^A-Za-z0-9.-]+/g, "-")
        .replace(/^-+|-+$/g, ""),
    )
    .filter((part) => part !== "")
    .join("-");
  return `${name || "export"}.csv`;
}

/** The answer: the text, its type, and a Content-Disposition naming the file. */
export function csvResponse(c: Context, fileName: string, text: string): Response {
  return c.body(text, 200, {
    "Content-Type": "text/csv; charset=utf-8; header=present",
    "Content-Disposition": `attachment; filename="${fileName}"`,
  });
}

/** A 200 response in the OpenAPI document that may also be CSV. */
export function jsonOrCsv<S extends z.ZodType>(schema: S, description: string) {
  return {
    content: {
      "application/json": { schema },
      "text/csv": {
        schema: z.string().openapi({ description: "The same rows as CSV (UTF-8 with a byte-order mark)." }),
      },
    },
    description,
  };
}

/** A list of sources in one cell: their ids, separated by "; ". */
export const sourceIds = (sources: ReadonlyArray<{ id: string }>): string =>
  sources.map((source) => source.id).join("; ");
