/**
 * NATO's Partnership for Peace partners (data/starter/relations/nato-pfp.json): each relation
 * backed by its sources, the transitions to membership consistent with nato-members.json, and the
 * loaded registry counting, on dated cases, what the sources say the partnership counted then.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Day, parsePartialDate } from "../src/domain/dates.ts";
import { holdsOn } from "../src/domain/interval.ts";
import type { StarterData } from "../src/services/starter/load.ts";
import { startConcord, type TestConcord } from "./support/concord.ts";
import { dataFile } from "./support/data-files.ts";

let data: StarterData;
let concord: TestConcord;
beforeAll(async () => {
  concord = await startConcord();
  // Loaded after the server, whose modules extend zod with OpenAPI before the starter format's schemas are built.
  const { readStarterData } = await import("../src/services/starter/load.ts");
  data = await readStarterData();
});
afterAll(async () => {
  await concord?.stop();
});

const day = (text: string): Day => parsePartialDate(text)!.date;
const pfp = () => data.relations.filter((relation) => relation.object === "NATO" && relation.framework === "pfp");
const membership = (code: string) =>
  data.relations.find(
    (relation) => relation.subject === code && relation.object === "NATO" && relation.kind === "member",
  );

async function partnersOn(at: string, framework?: string): Promise<string[]> {
  const query = new URLSearchParams({ at, kind: "partner", ...(framework ? { framework } : {}) });
  const response = await fetch(`${concord.baseUrl}/api/v1/organizations/NATO/members?${query}`);
  expect(response.status, at).toBe(200);
  const body = (await response.json()) as { members: Array<{ code: string; kind: string }> };
  return body.members.map((member) => member.code).sort();
}

describe("the Partnership for Peace in the starter data set", () => {
  it("holds the 34 states that signed the Framework Document, Malta twice, each relation cited by address", () => {
    const relations = pfp();
    expect(relations).toHaveLength(35);
    expect(new Set(relations.map((relation) => relation.subject)).size).toBe(34);
    const sources = new Map(data.sources.map((source) => [source.id, source]));
    for (const relation of relations) {
      expect(relation.kind).toBe("partner");
      // The relation's own dates are dates a source asserts, at the precision it asserts them.
      const claimed = (field: string) =>
        relation.claims.filter((claim) => claim.field === field).map((claim) => claim.date);
      expect(claimed("since"), `${relation.subject} since`).toContain(relation.since);
      if (relation.until) expect(claimed("until"), `${relation.subject} until`).toContain(relation.until);
      for (const claim of relation.claims) expect(sources.get(claim.source)?.url, claim.source).toBeTruthy();
    }
  });

  it("dates Ukraine from 1994-02-08, as NATO's own chronology does, and ends Finland's partnership on its accession", () => {
    const ukraine = pfp().find((relation) => relation.subject === "UKR")!;
    expect(ukraine).toMatchObject({ since: "1994-02-08" });
    expect(ukraine.until).toBeUndefined();
    expect(ukraine.claims).toContainEqual(
      expect.objectContaining({ source: "nato-update-1994-02", field: "since", date: "1994-02-08" }),
    );
    const finland = pfp().find((relation) => relation.subject === "FIN")!;
    expect(finland).toMatchObject({ since: "1994-05-09", until: "2023-04-04" });
    // The one source that disagrees on Finland's date is kept beside the others.
    expect(finland.claims.filter((claim) => claim.field === "since").map((claim) => claim.date)).toEqual(
      expect.arrayContaining(["1994-05-09", "1999-12-01"]),
    );
  });

  it("ends every partnership that became membership on the day membership begins, never overlapping it", () => {
    const became = pfp().filter((relation) => membership(relation.subject));
    expect(became.map((relation) => relation.subject).sort()).toEqual(
      [
        "ALB",
        "BGR",
        "CZE",
        "EST",
        "FIN",
        "HRV",
        "HUN",
        "LTU",
        "LVA",
        "MKD",
        "MNE",
        "POL",
        "ROU",
        "SVK",
        "SVN",
        "SWE",
      ].sort(),
    );
    for (const relation of became) {
      const member = membership(relation.subject)!;
      expect(relation.until, relation.subject).toBe(member.since);
      const partner = { since: day(relation.since), until: day(relation.until!) };
      expect(holdsOn(partner, day(member.since)), relation.subject).toBe(false);
      expect(day(relation.since) < day(member.since), relation.subject).toBe(true);
    }
    // Those still outside the Alliance are still partners: no end date.
    for (const relation of pfp().filter((relation) => !membership(relation.subject) && relation.subject !== "MLT"))
      expect(relation.until, relation.subject).toBeUndefined();
  });

  it("keeps Malta's withdrawal in 1996 and its return in 2008 as two periods, with both names for the break", () => {
    const malta = pfp()
      .filter((relation) => relation.subject === "MLT")
      .sort((a, b) => a.since.localeCompare(b.since));
    expect(malta.map((relation) => [relation.since, relation.until])).toEqual([
      ["1995-04-26", "1996-10-27"],
      ["2008-04-03", undefined],
    ]);
    expect(malta[0]!.claims.filter((claim) => claim.field === "until").map((claim) => claim.date)).toEqual(
      expect.arrayContaining(["1996-10-27", "1996-10"]),
    );
  });
});

describe("NATO's partners as of a date, from the loaded registry", () => {
  it("counts the Partnership for Peace as the sources counted it at the time", async () => {
    // CRS Report 94-351: "As of August 3, 1994, 22 states had joined".
    expect(await partnersOn("1994-08-03", "pfp")).toHaveLength(22);
    // NATO press release (2000) 046: Croatia invited "to become the 26th member" (signed 24-25 May 2000).
    // Croatia's relation is dated to the month (2000-05), so it holds from 2000-05-01.
    const beforeCroatia = await partnersOn("2000-04-30", "pfp");
    expect(beforeCroatia).not.toContain("HRV");
    expect(beforeCroatia).toHaveLength(25);
    expect(await partnersOn("2000-06-01", "pfp")).toHaveLength(26);
    // APA, December 2006: 20 members before Bosnia and Herzegovina, Montenegro and Serbia signed on 14 December.
    expect(await partnersOn("2006-12-13", "pfp")).toHaveLength(20);
    expect(await partnersOn("2006-12-14", "pfp")).toHaveLength(23);
    // Naval Postgraduate School, 4 April 2013: "Presently, there are 22 PfP countries."
    expect(await partnersOn("2013-04-04", "pfp")).toHaveLength(22);
    // Wikipedia, April 2021 copy: 20 states are members.
    expect(await partnersOn("2021-04-15", "pfp")).toHaveLength(20);
    // Store norske leksikon: the 18 non-NATO members, after Finland (2023) and Sweden (2024) joined NATO.
    const today = await partnersOn("2024-03-07", "pfp");
    expect(today).toEqual(
      [
        "ARM",
        "AUT",
        "AZE",
        "BIH",
        "BLR",
        "CHE",
        "GEO",
        "IRL",
        "KAZ",
        "KGZ",
        "MDA",
        "MLT",
        "RUS",
        "SRB",
        "TJK",
        "TKM",
        "UKR",
        "UZB",
      ].sort(),
    );
    expect(await partnersOn("2024-03-06", "pfp")).toContain("SWE");
    // Malta's gap.
    expect(await partnersOn("2000-01-01", "pfp")).not.toContain("MLT");
  });

  it("gives NATO 'over 40 partners' in January 2020, as Diálogo's interview with Rose Gottemoeller says", async () => {
    const interview = fs.readFileSync(dataFile("sources", "2020-dialogo-gottemoeller-interview.txt"), "utf8");
    const over = Number(/a network of over (\d+) partners/.exec(interview)?.[1]);
    expect(over).toBe(40);
    const partners = await partnersOn("2020-01-28");
    expect(partners.length).toBeGreaterThan(over);
    expect(partners).toContain("MKD"); // a partner until its accession on 2020-03-27
    expect(partners).not.toContain("MNE"); // an Ally since 2017-06-05
  });
});
