import { describe, expect, it } from "vitest";
import {
  addYears,
  clampDay,
  dayFromIndex,
  dayIndex,
  FIRST_DAY,
  formatDate,
  formatInstant,
  intlLocale,
  isDay,
  nextDay,
  today,
  yearOf,
} from "./dates.ts";

describe("isDay", () => {
  it("accepts real calendar days written YYYY-MM-DD", () => {
    for (const day of ["1949-04-04", "2018-05-31", "2024-02-29", "2000-02-29", "1999-12-31"])
      expect(isDay(day)).toBe(true);
  });

  it("refuses days the calendar does not have, other spellings and nothing", () => {
    for (const text of [
      "2023-02-29", // not a leap year
      "1900-02-29", // a century that is not a leap year
      "2018-04-31",
      "2018-13-01",
      "2018-00-10",
      "2018-05-00",
      "2018-5-31",
      "31/05/2018",
      "2018-05-31T00:00:00Z",
      " 2018-05-31",
      "",
      null,
      undefined,
    ])
      expect(isDay(text), String(text)).toBe(false);
  });
});

describe("today", () => {
  it("is the calendar day of the reader's own clock, zero-padded", () => {
    expect(today(new Date(2024, 0, 5, 23, 59))).toBe("2024-01-05");
    expect(today(new Date(2024, 11, 31, 0, 0))).toBe("2024-12-31");
  });
});

describe("the date slider's index", () => {
  it("counts whole days from the first day", () => {
    expect(FIRST_DAY).toBe("1949-01-01");
    expect(dayIndex(FIRST_DAY)).toBe(0);
    expect(dayIndex("1949-01-02")).toBe(1);
    expect(dayIndex("1950-01-01")).toBe(365);
    expect(dayFromIndex(0)).toBe(FIRST_DAY);
    expect(dayFromIndex(365)).toBe("1950-01-01");
  });

  it("gives back the day it was made from, across leap days and whatever the time zone", () => {
    for (const day of ["1949-01-01", "1952-02-29", "1999-12-31", "2000-03-01", "2018-05-31", "2024-02-29"]) {
      expect(dayFromIndex(dayIndex(day))).toBe(day);
    }
    for (let index = 0; index < 30_000; index += 97) expect(dayIndex(dayFromIndex(index))).toBe(index);
  });
});

describe("calendar arithmetic", () => {
  it("adds years to the same day of the month, 29 February becoming 28 February", () => {
    expect(addYears("2018-05-31", 1)).toBe("2019-05-31");
    expect(addYears("2024-02-29", 1)).toBe("2025-02-28");
    expect(addYears("2024-02-29", 4)).toBe("2028-02-29");
    expect(addYears("2020-03-01", -1)).toBe("2019-03-01");
  });

  it("gives the next calendar day across months, years and leap days", () => {
    expect(nextDay("2018-05-31")).toBe("2018-06-01");
    expect(nextDay("2023-12-31")).toBe("2024-01-01");
    expect(nextDay("2024-02-28")).toBe("2024-02-29");
    expect(nextDay("2023-02-28")).toBe("2023-03-01");
  });

  it("keeps a day within bounds", () => {
    expect(clampDay("1940-01-01", FIRST_DAY, "2030-12-31")).toBe(FIRST_DAY);
    expect(clampDay("2040-01-01", FIRST_DAY, "2030-12-31")).toBe("2030-12-31");
    expect(clampDay("2004-03-29", FIRST_DAY, "2030-12-31")).toBe("2004-03-29");
  });

  it("reads the year", () => {
    expect(yearOf("2004-03-29")).toBe(2004);
  });
});

describe("formatDate", () => {
  it("says a date as precisely as it is known, in British English for English", () => {
    expect(intlLocale("en")).toBe("en-GB");
    expect(intlLocale("es")).toBe("es");
    expect(formatDate("2018-05-31", "day", "en")).toBe("31 May 2018");
    expect(formatDate("2018-05-31", "month", "en")).toBe("May 2018");
    expect(formatDate("2018-05-31", "year", "en")).toBe("2018");
    // No precision given: the day.
    expect(formatDate("2018-05-31", null, "en")).toBe("31 May 2018");
    expect(formatDate("2018-05-31", undefined, "en")).toBe("31 May 2018");
  });

  it("speaks the reader's language", () => {
    expect(formatDate("2018-05-31", "day", "es")).toBe("31 de mayo de 2018");
    expect(formatDate("2018-05-31", "month", "es")).toBe("mayo de 2018");
    expect(formatDate("2018-05-31", "day", "fr")).toBe("31 mai 2018");
    expect(formatDate("2018-05-31", "day", "pt")).toBe("31 de maio de 2018");
  });

  it("never shifts the day, whatever the reader's time zone (the first and last of a month)", () => {
    expect(formatDate("2018-06-01", "day", "en")).toBe("1 June 2018");
    expect(formatDate("2018-12-31", "day", "en")).toBe("31 December 2018");
    expect(formatDate("2018-01-01", "year", "en")).toBe("2018");
  });

  it("shows text that is not a day as it is", () => {
    expect(formatDate("2018-02-30", "day", "en")).toBe("2018-02-30");
    expect(formatDate("sometime", "day", "en")).toBe("sometime");
  });
});

describe("formatInstant", () => {
  const SHORT_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"];
  const two = (n: number) => String(n).padStart(2, "0");

  it("shows a moment in the reader's own time zone, to the minute or to the second", () => {
    const iso = "2026-11-22T16:56:07Z";
    const local = new Date(iso); // the reader's clock, however this machine is set
    const day = `${local.getDate()} ${SHORT_MONTHS[local.getMonth()]} ${local.getFullYear()}`;
    expect(formatInstant(iso, "en")).toBe(`${day}, ${two(local.getHours())}:${two(local.getMinutes())}`);
    expect(formatInstant(iso, "en", { seconds: true })).toBe(
      `${day}, ${two(local.getHours())}:${two(local.getMinutes())}:${two(local.getSeconds())}`,
    );
    expect(formatInstant(iso, "en", { dateOnly: true })).toBe(day);
  });

  it("names the time zone when asked, after the time", () => {
    const iso = "2026-11-22T16:56:07Z";
    const zone = new Intl.DateTimeFormat("en-GB", { timeZoneName: "short" })
      .formatToParts(new Date(iso))
      .find((part) => part.type === "timeZoneName")?.value;
    expect(zone).toBeTruthy();
    const shown = formatInstant(iso, "en", { seconds: true, zone: true });
    expect(shown.endsWith(` ${zone}`)).toBe(true);
    expect(shown.startsWith(formatInstant(iso, "en", { seconds: true }))).toBe(true);
  });

  it("shows nothing for nothing, and unparsable text as it is", () => {
    expect(formatInstant(null, "en")).toBe("");
    expect(formatInstant(undefined, "en")).toBe("");
    expect(formatInstant("", "en")).toBe("");
    expect(formatInstant("not a time", "en")).toBe("not a time");
  });
});
