import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./dates.ts";
import { arbitraryDay } from "../../test/support/arbitraries.ts";
import { fromDaterange, holdsOn, isValidInterval, overlaps, toDaterange, type Interval } from "./interval.ts";

const day = arbitraryDay.filter((d) => d >= "0002-01-01" && d <= "9900-12-31");

/** A valid half-open interval, open-ended about one time in four. */
const interval: fc.Arbitrary<Interval> = fc
  .tuple(day, fc.integer({ min: 1, max: 20_000 }), fc.boolean(), fc.boolean())
  .map(([since, length, open, open2]) => ({ since, until: open && open2 ? null : addDays(since, length) }));

describe("holdsOn: valid time is half-open [since, until)", () => {
  it("holds on its first day and not on the day before", () => {
    fc.assert(
      fc.property(interval, (value) => {
        expect(holdsOn(value, value.since)).toBe(true);
        expect(holdsOn(value, addDays(value.since, -1))).toBe(false);
      }),
    );
  });

  it("does not hold on its end date, and holds on the day before it", () => {
    fc.assert(
      fc.property(
        interval.filter((value) => value.until !== null),
        (value) => {
          expect(holdsOn(value, value.until!)).toBe(false);
          expect(holdsOn(value, addDays(value.until!, -1))).toBe(true);
        },
      ),
    );
  });

  it("holds exactly on the days between", () => {
    fc.assert(
      fc.property(interval, day, (value, at) => {
        const inside = at >= value.since && (value.until === null || at < value.until);
        expect(holdsOn(value, at)).toBe(inside);
      }),
    );
  });

  it("matches the worked example: Bulgaria joined NATO on 2004-03-29", () => {
    const bulgaria = { since: "2004-03-29", until: null };
    expect(holdsOn(bulgaria, "2004-03-28")).toBe(false);
    expect(holdsOn(bulgaria, "2004-03-29")).toBe(true);
  });
});

describe("overlaps", () => {
  it("is symmetric", () => {
    fc.assert(fc.property(interval, interval, (a, b) => overlaps(a, b) === overlaps(b, a)));
  });

  it("is true exactly when some day holds in both", () => {
    fc.assert(
      fc.property(interval, interval, (a, b) => {
        // The latest start is the first candidate common day.
        // biome-ignore lint/complexity/useMathMinMax: days are text (YYYY-MM-DD), compared as text
        const start = a.since > b.since ? a.since : b.since;
        expect(overlaps(a, b)).toBe(holdsOn(a, start) && holdsOn(b, start));
      }),
    );
  });

  it("treats intervals that meet end to start as not overlapping", () => {
    fc.assert(
      fc.property(
        interval.filter((value) => value.until !== null),
        fc.integer({ min: 1, max: 1000 }),
        (first, length) => {
          const next = { since: first.until!, until: addDays(first.until!, length) };
          expect(overlaps(first, next)).toBe(false);
        },
      ),
    );
  });
});

describe("daterange text", () => {
  it("round-trips through PostgreSQL's form", () => {
    fc.assert(
      fc.property(interval, (value) => {
        expect(fromDaterange(toDaterange(value))).toEqual(value);
      }),
    );
    expect(toDaterange({ since: "2004-03-29", until: null })).toBe("[2004-03-29,)");
  });

  it("refuses an interval that ends before it starts", () => {
    expect(isValidInterval({ since: "2020-01-02", until: "2020-01-01" })).toBe(false);
    expect(isValidInterval({ since: "2020-01-01", until: "2020-01-01" })).toBe(false);
    expect(() => fromDaterange("empty")).toThrow();
  });
});
