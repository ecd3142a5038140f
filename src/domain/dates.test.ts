import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryDay } from "../../test/support/arbitraries.ts";
import { addDays, formatPartialDate, isDay, parsePartialDate } from "./dates.ts";

describe("isDay", () => {
  it("accepts every real calendar day", () => {
    fc.assert(fc.property(arbitraryDay, (day) => isDay(day)));
  });

  it("agrees with the calendar on any YYYY-MM-DD text", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const text = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
          const date = new Date(`${text}T00:00:00Z`);
          const real =
            m >= 1 && m <= 12 && d >= 1 && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
          expect(isDay(text)).toBe(real);
        },
      ),
    );
  });

  it("refuses impossible and malformed days", () => {
    for (const text of [
      "2023-02-30",
      "2023-02-29",
      "2023-13-01",
      "2023-00-10",
      "2023-4-01",
      "20230401",
      "",
      "2023-04-01T00:00",
    ]) {
      expect(isDay(text), text).toBe(false);
    }
    expect(isDay("2024-02-29")).toBe(true);
  });
});

describe("partial dates", () => {
  it("read the precision from the form and keep the first day of the period", () => {
    expect(parsePartialDate("2004-03-29")).toEqual({ date: "2004-03-29", precision: "day" });
    expect(parsePartialDate("2018-05")).toEqual({ date: "2018-05-01", precision: "month" });
    expect(parsePartialDate("1998")).toEqual({ date: "1998-01-01", precision: "year" });
    for (const bad of ["2018-13", "2018-00", "0000", "May 2018", "2018-5", "2023-02-30"]) {
      expect(parsePartialDate(bad), bad).toBeUndefined();
    }
  });

  it("format back to the text they were read from", () => {
    const text = fc.oneof(
      arbitraryDay,
      arbitraryDay.map((day) => day.slice(0, 7)),
      arbitraryDay.map((day) => day.slice(0, 4)),
    );
    fc.assert(fc.property(text, (value) => formatPartialDate(parsePartialDate(value)!) === value));
  });
});

describe("addDays", () => {
  it("moves by whole days and back", () => {
    fc.assert(
      fc.property(
        arbitraryDay.filter((d) => d > "0002" && d < "9998"),
        fc.integer({ min: -366, max: 366 }),
        (day, days) => {
          const moved = addDays(day, days);
          expect(isDay(moved)).toBe(true);
          expect(addDays(moved, -days)).toBe(day);
          expect(Math.sign(moved.localeCompare(day))).toBe(Math.sign(days));
        },
      ),
    );
  });

  it("crosses month, year and leap-day boundaries", () => {
    expect(addDays("2004-03-29", -1)).toBe("2004-03-28");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2016-12-31", 1)).toBe("2017-01-01");
    expect(addDays("0099-12-31", 1)).toBe("0100-01-01");
    expect(() => addDays("9999-12-31", 1)).toThrow(RangeError);
  });
});
