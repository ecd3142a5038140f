import { describe, expect, it } from "vitest";
import { parseCsvRows } from "../../test/support/csv.ts";
import { csvField, csvFileName, toCsv, wantsCsv } from "./csv.ts";

describe("csvField", () => {
  it("leaves plain text and numbers as they are", () => {
    expect(csvField("Bulgaria")).toBe("Bulgaria");
    expect(csvField(42)).toBe("42");
    expect(csvField(-3)).toBe("-3");
    expect(csvField(true)).toBe("true");
    expect(csvField("2004-03-29")).toBe("2004-03-29");
  });

  it("writes nothing for a missing value", () => {
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
  });

  it("quotes a field holding a comma, a quote or a line break, doubling quotes", () => {
    expect(csvField("Congo, Democratic Republic of the")).toBe('"Congo, Democratic Republic of the"');
    expect(csvField('the "Alliance"')).toBe('"the ""Alliance"""');
    expect(csvField("line one\nline two")).toBe('"line one\nline two"');
    expect(csvField("a\r\nb")).toBe('"a\r\nb"');
  });

  it("prefixes text a spreadsheet would run as a formula with a quote mark", () => {
    expect(csvField('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("-1+2")).toBe("'-1+2");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("\tcmd")).toBe("'\tcmd");
    expect(csvField("a=b")).toBe("a=b");
  });
});

describe("toCsv", () => {
  const columns = [
    { header: "code", value: (row: { code: string; name: string }) => row.code },
    { header: "name", value: (row: { code: string; name: string }) => row.name },
  ];

  it("starts with a byte-order mark and ends every line with CRLF", () => {
    const text = toCsv(columns, [{ code: "CIV", name: "Côte d'Ivoire" }]);
    expect(text.startsWith("\uFEFFcode,name\r\n")).toBe(true);
    expect(text).toBe("\uFEFFcode,name\r\nCIV,Côte d'Ivoire\r\n");
    expect(Buffer.from(text, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("writes only the header when there are no rows", () => {
    expect(toCsv(columns, [])).toBe("\uFEFFcode,name\r\n");
  });

  it("reads back field for field, accents, commas, quotes and line breaks included", () => {
    const rows = [
      { code: "STP", name: "São Tomé, Príncipe" },
      { code: "X", name: 'said "no"\r\nthen left' },
      { code: "Y", name: "" },
    ];
    const parsed = parseCsvRows(toCsv(columns, rows).slice(1));
    expect(parsed).toEqual([["code", "name"], ...rows.map((row) => [row.code, row.name])]);
  });
});

describe("wantsCsv", () => {
  it("follows ?format first", () => {
    expect(wantsCsv("csv", undefined)).toBe(true);
    expect(wantsCsv("json", "text/csv")).toBe(false);
  });

  it("follows the Accept header without ?format", () => {
    expect(wantsCsv(undefined, "text/csv")).toBe(true);
    expect(wantsCsv(undefined, "application/json, text/csv;q=0.5")).toBe(false);
    expect(wantsCsv(undefined, "application/json;q=0.4, text/csv")).toBe(true);
    expect(wantsCsv(undefined, "text/html,application/xhtml+xml,*/*;q=0.8")).toBe(false);
    expect(wantsCsv(undefined, "text/csv;q=0")).toBe(false);
    expect(wantsCsv(undefined, undefined)).toBe(false);
  });
});

describe("csvFileName", () => {
  it("joins its parts, skipping empty ones, keeping only safe characters", () => {
    expect(csvFileName("NATO", "members", undefined, "2004-03-29")).toBe("NATO-members-2004-03-29.csv");
    expect(csvFileName("a b/../c", null, "")).toBe("a-b-..-c.csv");
    expect(csvFileName('x"; evil')).toBe("x-evil.csv");
    expect(csvFileName()).toBe("export.csv");
  });
});
