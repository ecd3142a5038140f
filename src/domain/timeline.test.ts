import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { timeline } from "./timeline.ts";

const relation = (id: number, since: string, until: string | null) => ({
  id,
  since,
  sincePrecision: "day" as const,
  until,
  untilPrecision: until ? ("day" as const) : null,
});

describe("timeline", () => {
  it("orders changes by date, an end before a start on the same day", () => {
    const events = timeline([relation(2, "2023-05-06", null), relation(1, "2011-03-11", "2023-05-06")]);
    expect(events.map((event) => `${event.date} ${event.change} ${event.relation.id}`)).toEqual([
      "2011-03-11 start 1",
      "2023-05-06 end 1",
      "2023-05-06 start 2",
    ]);
  });

  it("has one start per relation and one end per ended relation, in order", () => {
    const arbitraryRelations = fc.array(
      fc.tuple(fc.integer({ min: 1900, max: 2030 }), fc.option(fc.integer({ min: 1, max: 50 }))),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arbitraryRelations, (specs) => {
        const relations = specs.map(([year, length], id) =>
          relation(id, `${year}-01-01`, length === null ? null : `${year + length}-01-01`),
        );
        const events = timeline(relations);
        expect(events.filter((event) => event.change === "start")).toHaveLength(relations.length);
        expect(events.filter((event) => event.change === "end")).toHaveLength(relations.filter((r) => r.until).length);
        for (let i = 1; i < events.length; i++) expect(events[i - 1]!.date <= events[i]!.date).toBe(true);
      }),
    );
  });
});
