import { describe, expect, it } from "vitest";
import { groupByKind, type SearchResult, searchPageHref, searchText, searchUrl } from "./search.ts";

const result = (kind: SearchResult["kind"], id: string): SearchResult => ({
  kind,
  id,
  name: id,
  detail: "",
  url: `/${id}`,
});

describe("the search box's logic", () => {
  it("asks the API for the text as typed, spaces collapsed, in the reader's language", () => {
    expect(searchUrl("  Costa   Rica ", "es")).toBe("/api/v1/search?q=Costa+Rica&lang=es");
    expect(searchUrl("Colômbia", "pt", 20)).toBe("/api/v1/search?q=Col%C3%B4mbia&lang=pt&limit=20");
  });

  it("never sends more than the API accepts", () => {
    expect(searchText("x".repeat(150))).toHaveLength(100);
  });

  it("gives the results page an address that carries the text", () => {
    expect(searchPageHref("côte d'ivoire")).toBe("/search?q=c%C3%B4te+d%27ivoire");
  });

  it("groups results by kind in the order they are shown, keeping each group's order", () => {
    const groups = groupByKind([
      result("source", "s1"),
      result("state", "COL"),
      result("proposal", "7"),
      result("state", "CMR"),
    ]);
    expect(groups.map((group) => [group.kind, group.results.map((r) => r.id)])).toEqual([
      ["state", ["COL", "CMR"]],
      ["proposal", ["7"]],
      ["source", ["s1"]],
    ]);
  });
});
