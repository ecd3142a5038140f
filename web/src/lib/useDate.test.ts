import { describe, expect, it } from "vitest";
import { FIRST_DAY } from "./dates.ts";
import { readDate } from "./useDate.ts";

const read = (search: string) => readDate(new URLSearchParams(search), "2026-06-30");

describe("the date in a link", () => {
  it("is used when it is a calendar date in the registry's range", () => {
    expect(read("at=2004-03-29")).toEqual({ at: "2004-03-29", refused: null });
    expect(read(`at=${FIRST_DAY}`)).toEqual({ at: FIRST_DAY, refused: null });
    expect(read("at=2026-06-30")).toEqual({ at: "2026-06-30", refused: null });
  });

  it("is today when the link has none", () => {
    expect(read("")).toEqual({ at: "2026-06-30", refused: null });
    expect(read("at=")).toEqual({ at: "2026-06-30", refused: null });
  });

  it("is refused, not replaced by a nearby date, when it lies outside the range", () => {
    for (const given of ["1900-01-01", "1948-12-31", "2026-07-01", "2999-01-01"]) {
      expect(read(`at=${given}`)).toEqual({
        at: "2026-06-30",
        refused: { given, reason: "out-of-range", first: FIRST_DAY, last: "2026-06-30" },
      });
    }
  });

  it("is refused when it is not a calendar date", () => {
    for (const given of ["2004-13-01", "2004-02-30", "yesterday", "2004-3-29", "29/03/2004"]) {
      expect(read(`at=${encodeURIComponent(given)}`).refused).toEqual({
        given,
        reason: "malformed",
        first: FIRST_DAY,
        last: "2026-06-30",
      });
    }
  });
});
