import { describe, expect, it } from "vitest";
import { addMonths, dayAfterKey, eventsByDay, isMonth, lastDayOf, monthGrid, weekdayOf } from "./calendar.ts";

describe("the event calendar's arithmetic", () => {
  it("knows a month when it sees one", () => {
    expect(isMonth("2026-03")).toBe(true);
    expect(isMonth("2026-13")).toBe(false);
    expect(isMonth("2026-3")).toBe(false);
    expect(isMonth("1800-01")).toBe(false);
    expect(isMonth(null)).toBe(false);
  });

  it("moves by months across years", () => {
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2025-12", 1)).toBe("2026-01");
    expect(addMonths("2026-03", 14)).toBe("2027-05");
  });

  it("knows the last day of a month, leap years included", () => {
    expect(lastDayOf("2024-02")).toBe("2024-02-29");
    expect(lastDayOf("2026-02")).toBe("2026-02-28");
    expect(lastDayOf("2026-12")).toBe("2026-12-31");
  });

  it("lays a month out in weeks from Monday, covering every day of it", () => {
    // March 2026 starts on a Sunday and ends on a Tuesday: six weeks.
    const weeks = monthGrid("2026-03");
    expect(weeks).toHaveLength(6);
    expect(weeks[0]?.[0]).toBe("2026-02-23");
    expect(weeks[0]?.[6]).toBe("2026-03-01");
    expect(weeks.at(-1)?.[0]).toBe("2026-03-30");
    expect(weeks.at(-1)?.[6]).toBe("2026-04-05");
    for (const week of weeks) expect(weekdayOf(week[0] ?? "")).toBe(0);
    // February 2021 starts on a Monday and has 28 days: exactly four weeks.
    expect(monthGrid("2021-02")).toHaveLength(4);
  });

  it("puts an event of several days on each of its days, within the range asked", () => {
    const events = [
      { id: 1, startsOn: "2026-02-27", endsOn: "2026-03-02" },
      { id: 2, startsOn: "2026-03-02", endsOn: "2026-03-02" },
      { id: 3, startsOn: "2026-04-01", endsOn: "2026-04-03" },
    ];
    const days = eventsByDay(events, "2026-03-01", "2026-03-31");
    expect([...days.keys()]).toEqual(["2026-03-01", "2026-03-02"]);
    expect(days.get("2026-03-02")?.map((e) => e.id)).toEqual([1, 2]);
    expect(days.has("2026-04-01")).toBe(false);
  });

  it("moves a month view's focus by the keys people expect", () => {
    expect(dayAfterKey("2026-03-01", "ArrowLeft")).toBe("2026-02-28");
    expect(dayAfterKey("2026-03-31", "ArrowRight")).toBe("2026-04-01");
    expect(dayAfterKey("2026-03-10", "ArrowUp")).toBe("2026-03-03");
    expect(dayAfterKey("2026-03-10", "ArrowDown")).toBe("2026-03-17");
    expect(dayAfterKey("2026-03-11", "Home")).toBe("2026-03-09");
    expect(dayAfterKey("2026-03-11", "End")).toBe("2026-03-15");
    expect(dayAfterKey("2026-03-31", "PageUp")).toBe("2026-02-28");
    expect(dayAfterKey("2026-01-31", "PageDown")).toBe("2026-02-28");
    expect(dayAfterKey("2026-03-11", "Enter")).toBeNull();
  });
});
