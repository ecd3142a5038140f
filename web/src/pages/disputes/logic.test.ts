import { describe, expect, it } from "vitest";
import {
  dateSpan,
  disputesQuery,
  filtersFrom,
  highest,
  hostilityClass,
  statesOfDay,
  timelinePairs,
  yearPoint,
  yearTicks,
} from "./logic.ts";
import type { DisputeBrief } from "./types.ts";

const query = (text: string) => new URLSearchParams(text);

describe("the list's filters from the address", () => {
  it("reads a pair, in either spelling, and asks the API for the pair", () => {
    const pair = filtersFrom(query("pair=col,VEN&page=2"));
    expect(pair).toMatchObject({ state: "COL", other: "VEN", page: 2 });
    expect(disputesQuery(pair, 25, 25)).toMatchObject({ pair: "COL,VEN", state: null, offset: "25", limit: "25" });
    expect(filtersFrom(query("state=COL&other=VEN"))).toMatchObject({ state: "COL", other: "VEN" });
  });

  it("leaves out what cannot be used rather than guessing", () => {
    expect(filtersFrom(query("state=Colombia&at=2008-02-30&from=1700&to=abc&page=-3"))).toEqual({
      state: null,
      other: null,
      at: null,
      from: null,
      to: null,
      page: 1,
    });
    // A second state without a first, or the same twice, is no pair.
    expect(filtersFrom(query("other=VEN")).other).toBeNull();
    expect(filtersFrom(query("pair=COL,COL")).other).toBeNull();
    // Years the wrong way round keep the first.
    expect(filtersFrom(query("from=2000&to=1990"))).toMatchObject({ from: "2000", to: null });
    // A historical state by its Correlates of War code.
    expect(filtersFrom(query("state=COW:300")).state).toBe("COW:300");
  });
});

describe("dates of partial precision on a line of years", () => {
  it("gives a year its whole length, a month its month, a day a day", () => {
    expect(dateSpan("1970-01-01", "year")).toEqual({ from: 1970, to: 1971 });
    const march = dateSpan("2008-03-01", "month");
    expect(march.from).toBeCloseTo(yearPoint("2008-03-01"));
    expect(march.to).toBeCloseTo(yearPoint("2008-04-01"));
    const december = dateSpan("2009-12-01", "month");
    expect(december.to).toBeCloseTo(2010);
    const day = dateSpan("2008-03-01", "day");
    expect(day.to - day.from).toBeCloseTo(1 / 365);
    expect(yearPoint("2008-01-01")).toBe(2008);
  });

  it("labels round years at least a gap apart", () => {
    expect(yearTicks(1899, 2026, 300)).toEqual([1900, 1925, 1950, 1975, 2000, 2025]);
    expect(yearTicks(1899, 2026, 200)).toEqual([1900, 1950, 2000]);
    expect(yearTicks(1981, 1982, 600)).toEqual([1981, 1982, 1983]);
    const wide = yearTicks(1899, 2026, 1200);
    expect(wide[1]! - wide[0]!).toBe(10);
  });
});

describe("a dispute's rows and a day's states", () => {
  const parties = [
    { party: "VEN", side: "A" as const },
    { party: "GUY", side: "B" as const },
    { party: "GBR", side: "B" as const },
  ];

  it("draws each pair of opposing parties, side A first, or the pairs of the dyad-years", () => {
    expect(timelinePairs(parties, [])).toEqual([
      ["VEN", "GUY"],
      ["VEN", "GBR"],
    ]);
    const row = {
      party1: "GUY",
      party2: "VEN",
      year: 1982,
      hostility1: 3,
      hostility2: 4,
      action1: null,
      action2: null,
      fatality1: null,
      fatality2: null,
    };
    expect(timelinePairs(parties, [row, { ...row, year: 1983 }])).toEqual([["VEN", "GUY"]]);
  });

  it("colours a state by the highest hostility of its disputes that day", () => {
    const brief = (id: string, hostility: number | null, codes: string[]): DisputeBrief => ({
      id,
      midNumber: null,
      name: id,
      start: "2008-01-01",
      startPrecision: "day",
      end: null,
      endPrecision: null,
      ongoing: true,
      hostility,
      fatality: null,
      datasetVersion: null,
      parties: codes.map((party, index) => ({ party, name: null, side: index === 0 ? "A" : "B" })),
    });
    const states = statesOfDay([brief("a", 4, ["COL", "ECU"]), brief("b", null, ["NIC", "COL"])]);
    expect(states.get("COL")?.level).toBe(4);
    expect(states.get("COL")?.disputes.map((d) => d.id)).toEqual(["a", "b"]);
    expect(states.get("NIC")?.level).toBeNull();
    expect(highest([null, 2, 5, undefined])).toBe(5);
    expect(hostilityClass(null)).toBe("h-unknown");
    expect(hostilityClass(3)).toBe("h-3");
  });
});
