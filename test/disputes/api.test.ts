/**
 * Disputes over HTTP, as anyone reads them (disputesPolicy: a public record): a state's and a
 * pair's disputes with their years and the pair's summary, the disputes active on a day with the
 * parties' standing in the registry that day, one dispute's page, the court cases; refusals name
 * the parameter and never answer 500.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConcord, type TestConcord } from "../support/concord.ts";

let concord: TestConcord;

beforeAll(async () => {
  concord = await startConcord();
}, 120_000);
afterAll(async () => {
  await concord?.stop();
});

const get = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(concord.baseUrl + path, { headers });
  return { status: response.status, body: (await response.json()) as any };
};

describe("disputes over HTTP", () => {
  it("lists a pair's disputes with their years, and the pair's summary", async () => {
    const answer = await get("/api/v1/disputes?pair=VEN,COL");
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.summary).toMatchObject({ pair: ["COL", "VEN"] });
    expect(answer.body.summary.disputes).toBeGreaterThan(5);
    const mid = answer.body.disputes.filter((row: any) => row.midNumber !== null);
    expect(mid.length).toBe(answer.body.summary.disputes);
    for (const row of mid) {
      expect(row.parties.map((party: any) => party.party)).toEqual(expect.arrayContaining(["COL", "VEN"]));
      expect(row.years.length).toBeGreaterThan(0);
    }
    const years = mid.flatMap((row: any) => row.years.map((entry: any) => entry.year));
    expect(Math.min(...years)).toBe(answer.body.summary.firstYear);
    expect(Math.max(...years)).toBe(answer.body.summary.lastYear);
    // The pair's dialogue comes with it: the restoration of relations in August 2022.
    expect(answer.body.dialogues.map((dialogue: any) => dialogue.id)).toContain("colombia-venezuela-relations-2022");
  });

  it("answers the disputes active on a day with the parties' relations that day", async () => {
    const answer = await get("/api/v1/disputes?at=2008-03-01&limit=500");
    expect(answer.status).toBe(200);
    expect(answer.body.at).toBe("2008-03-01");
    for (const row of answer.body.disputes) {
      expect(row.start <= "2008-03-01").toBe(true);
      for (const party of row.parties) expect(answer.body.relations).toHaveProperty(party.party);
    }
    // The Angostura raid's day: Colombia and Ecuador, both members of the OAS then.
    expect(answer.body.disputes.map((row: any) => row.id)).toContain("colombia-ecuador-angostura");
    for (const state of ["COL", "ECU"])
      expect(answer.body.relations[state]).toContainEqual(
        expect.objectContaining({ organization: "OAS", kind: "member" }),
      );
    const angostura = await get("/api/v1/disputes/colombia-ecuador-angostura?at=2008-03-01");
    expect(angostura.body.relations.together).toContain("OAS");
    // Colombia became a NATO partner only in 2018: on the day of the raid, no relation to NATO.
    expect(angostura.body.relations.byParty.COL.map((r: any) => r.organization)).not.toContain("NATO");
    // The sources give the raid no end: it counts up to its last dated fact (the Rio Group summit
    // of 7 March 2008), never as ongoing; Venezuela–Guyana is known to go on.
    expect(angostura.body.dispute).toMatchObject({ end: null, ongoing: false });
    const in2012 = (await get("/api/v1/disputes?at=2012-01-01&limit=500")).body.disputes.map((row: any) => row.id);
    expect(in2012).toContain("venezuela-guyana-essequibo");
    expect(in2012).not.toContain("colombia-ecuador-angostura");
    const later = await get("/api/v1/disputes/colombia-ecuador-angostura?at=2019-01-01");
    expect(later.body.relations.byParty.COL).toContainEqual(
      expect.objectContaining({ organization: "NATO", kind: "partner" }),
    );
  });

  it("opens a dispute in the reader's language, with its parties' relations on the day asked", async () => {
    const list = await get("/api/v1/disputes?state=GUY&limit=500");
    const recorded = list.body.disputes.find((row: any) => row.midNumber === null);
    expect(recorded, "the starter data's Guyana–Venezuela dispute").toBeDefined();
    const english = await get(`/api/v1/disputes/${recorded.id}`);
    const spanish = await get(`/api/v1/disputes/${recorded.id}?lang=es&at=2018-03-29`);
    expect(english.status).toBe(200);
    expect(spanish.body.dispute.name).not.toBe(english.body.dispute.name);
    expect(spanish.body.relations.at).toBe("2018-03-29");
    expect(Object.keys(spanish.body.relations.byParty).sort()).toEqual(
      english.body.parties.map((party: any) => party.party).sort(),
    );
    expect(english.body.cases.length).toBeGreaterThan(0);
    // Every fact's source is given beside it, to be cited.
    const cited = [
      english.body.dispute,
      ...english.body.incidents,
      ...english.body.claims,
      ...english.body.dialogues,
      ...english.body.cases,
      ...english.body.cases.flatMap((row: any) => row.stages),
    ].map((fact: any) => fact.sourceId);
    for (const id of cited) expect(english.body.sources[id], id).toMatchObject({ id, title: expect.any(String) });
  });

  it("lists court cases of a state, each with its stages in order", async () => {
    const answer = await get("/api/v1/cases?state=CHL");
    expect(answer.status).toBe(200);
    expect(answer.body.cases.length).toBeGreaterThanOrEqual(2);
    for (const row of answer.body.cases) {
      expect([row.applicant, row.respondent]).toContain("CHL");
      const dates = row.stages.map((stage: any) => stage.date);
      expect(dates).toEqual([...dates].sort());
    }
    const one = await get(`/api/v1/cases/${answer.body.cases[0].id}?lang=fr`);
    expect(one.status).toBe(200);
    expect(one.body.case.id).toBe(answer.body.cases[0].id);
  });

  it("counts pairs in a period, the most disputes first", async () => {
    const answer = await get("/api/v1/disputes/pairs?from=1990&to=2010&limit=10");
    expect(answer.status).toBe(200);
    const counts = answer.body.pairs.map((pair: any) => pair.disputes);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
    for (const pair of answer.body.pairs) {
      expect(pair.firstYear).toBeGreaterThanOrEqual(1990);
      expect(pair.lastYear).toBeLessThanOrEqual(2010);
    }
  });

  it("refuses bad parameters with a message naming them, in the reader's language", async () => {
    const cases: Array<[string, string]> = [
      ["/api/v1/disputes?state=Colombia", "state"],
      ["/api/v1/disputes?pair=COL,COL", "pair"],
      ["/api/v1/disputes?pair=COL", "pair"],
      ["/api/v1/disputes?at=2008-02-30", "at"],
      ["/api/v1/disputes?from=1700", "from"],
      ["/api/v1/disputes?from=2000&to=1990", "to"],
      ["/api/v1/disputes?limit=0", "limit"],
      ["/api/v1/disputes?offset=-1", "offset"],
      ["/api/v1/disputes/pairs?from=abc", "from"],
      ["/api/v1/cases?state=12", "state"],
    ];
    for (const [path, field] of cases) {
      const answer = await get(path, { "Accept-Language": "es" });
      expect(answer.status, path).toBe(400);
      expect(JSON.stringify(answer.body), path).toContain(field);
    }
    expect((await get("/api/v1/disputes/no-such-dispute")).status).toBe(404);
    expect((await get("/api/v1/disputes/Not%20An%20Id")).status).toBe(404);
    expect((await get("/api/v1/cases/nothing-here")).status).toBe(404);
  });
});
