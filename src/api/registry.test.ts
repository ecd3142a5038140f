import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConcord, type TestConcord } from "../../test/support/concord.ts";
import { byName, presentMember } from "./presenters.ts";

let concord: TestConcord;
beforeAll(async () => {
  concord = await startConcord();
});
afterAll(async () => {
  await concord?.stop();
});

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(concord.baseUrl + path, { headers });
  const body = (await response.json()) as any;
  return { status: response.status, body };
}

type Member = {
  code: string;
  kind: string;
  framework: string | null;
  since: string;
  until: string | null;
  certainty: string;
};

describe("GET /api/v1/health", () => {
  it("answers ok once the database is ready", async () => {
    expect(await get("/api/v1/health")).toEqual({ status: 200, body: { status: "ok" } });
  });
});

describe("GET /api/v1/organizations/{code}/members", () => {
  it("answers as of a date in the documented shape", async () => {
    const { status, body } = await get("/api/v1/organizations/NATO/members?at=2004-03-29");
    expect(status).toBe(200);
    expect(body.organization).toBe("NATO");
    expect(body.at).toBe("2004-03-29");
    const bulgaria = body.members.find((member: Member) => member.code === "BGR");
    expect(bulgaria).toMatchObject({
      code: "BGR",
      name: "Bulgaria",
      kind: "member",
      framework: null,
      since: "2004-03-29",
      sincePrecision: "day",
      until: null,
      certainty: "confirmed",
    });
    expect(bulgaria.sources.length).toBeGreaterThan(0);
    expect(bulgaria.sources[0]).toEqual({
      id: expect.any(String),
      title: expect.any(String),
      publisher: expect.any(String),
      published: expect.toBeOneOf([expect.any(String), null]),
      publishedPrecision: expect.toBeOneOf(["day", "month", "year", null]),
      url: expect.toBeOneOf([expect.stringMatching(/^https?:\/\//), null]),
      archive: expect.toBeOneOf([expect.any(String), null]),
    });
  });

  it("gives exactly the presenter's fields, sorted by name, the same on repeated requests and in every language", async () => {
    const direct = await concord.database.registry.members("NATO", { at: "2004-03-29" });
    for (const lang of ["en", "es", "pt", "fr"] as const) {
      const expected = direct.members
        .map((member) => presentMember(member, lang))
        .sort(byName(lang, (member) => member.name));
      for (let repeat = 0; repeat < 2; repeat++) {
        const { body } = await get(`/api/v1/organizations/NATO/members?at=2004-03-29&lang=${lang}`);
        expect(body).toEqual({ organization: "NATO", at: "2004-03-29", members: expected });
      }
    }
  });

  it("counts NATO's members at each enlargement, holding from the accession day and not the day before", async () => {
    const members = async (at: string) =>
      (await get(`/api/v1/organizations/NATO/members?at=${at}&kind=member`)).body.members.map(
        (member: Member) => member.code,
      );
    const expected: Array<[string, number]> = [
      ["1949-04-03", 0],
      ["1949-04-04", 12],
      ["1952-02-17", 12],
      ["1952-02-18", 14],
      ["1999-03-11", 16],
      ["1999-03-12", 19],
      ["2004-03-28", 19],
      ["2004-03-29", 26],
      ["2019-01-01", 29],
      ["2023-04-03", 30],
      ["2023-04-04", 31],
      ["2024-03-07", 32],
    ];
    for (const [at, count] of expected) expect(await members(at), at).toHaveLength(count);
    expect(await members("2004-03-28")).not.toContain("BGR");
    expect(await members("2004-03-29")).toContain("BGR");
  });

  it("returns every kind of relation without `kind`, and filters by kind and framework", async () => {
    const all = (await get("/api/v1/organizations/NATO/members?at=2019-01-01")).body.members as Member[];
    const kinds = new Set(all.map((member) => member.kind));
    expect(kinds).toEqual(new Set(["member", "partner"]));
    const global = (await get("/api/v1/organizations/NATO/members?at=2019-01-01&framework=partners-across-the-globe"))
      .body.members as Member[];
    expect(global.map((member) => member.code)).toContain("COL");
    expect(global.every((member) => member.framework === "partners-across-the-globe")).toBe(true);
  });

  it("shows suspensions beside membership in UNASUR in 2018", async () => {
    const { body } = await get("/api/v1/organizations/UNASUR/members?at=2018-06-01");
    const argentina = body.members
      .filter((member: Member) => member.code === "ARG")
      .map((member: Member) => member.kind);
    expect(argentina.sort()).toEqual(["member", "suspended"]);
  });

  it("defaults the date to today", async () => {
    const { body } = await get("/api/v1/organizations/NATO/members");
    expect(body.at).toBe(new Date().toISOString().slice(0, 10));
  });

  it("names members in the language asked for, by parameter or by Accept-Language", async () => {
    const byParameter = await get("/api/v1/organizations/NATO/members?at=2020-01-01&lang=es");
    expect(byParameter.body.members.map((member: Member & { name: string }) => member.name)).toContain("Alemania");
    const byHeader = await get("/api/v1/organizations/NATO/members?at=2020-01-01", {
      "Accept-Language": "fr-CA,fr;q=0.9",
    });
    expect(byHeader.body.members.map((member: Member & { name: string }) => member.name)).toContain("Allemagne");
  });

  it("refuses an impossible date with a 400 that names the parameter", async () => {
    const { status, body } = await get("/api/v1/organizations/NATO/members?at=2023-02-30");
    expect(status).toBe(400);
    expect(body.error.id).toBe("invalid_request");
    expect(body.error.message).toContain("query.at");
    expect(body.error.message).toContain("2023-02-30");
  });

  it("refuses a parameter given twice", async () => {
    const { status, body } = await get("/api/v1/organizations/NATO/members?at=2020-01-01&at=2021-01-01");
    expect(status).toBe(400);
    expect(body.error.message).toBe("query.at: must be given once (got 2 values)");
  });

  it("refuses unknown kinds, frameworks and languages by name", async () => {
    const kind = await get("/api/v1/organizations/NATO/members?kind=friend");
    expect(kind.status).toBe(400);
    expect(kind.body.error.message).toMatch(/^query\.kind/);
    const framework = await get("/api/v1/organizations/NATO/members?framework=warsaw-pact");
    expect(framework.status).toBe(400);
    expect(framework.body.error.message).toContain('no framework "warsaw-pact"');
    const lang = await get("/api/v1/organizations/NATO/members?lang=de");
    expect(lang.status).toBe(400);
    expect(lang.body.error.message).toMatch(/^query\.lang/);
  });

  it("answers 404 for an unknown organisation, and for a state", async () => {
    const unknown = await get("/api/v1/organizations/WARSAW/members");
    expect(unknown).toMatchObject({ status: 404, body: { error: { id: "not_found" } } });
    const state = await get("/api/v1/organizations/COL/members");
    expect(state.status).toBe(404);
    expect(state.body.error.message).toContain("is a state");
  });
});

describe("GET /api/v1/actors", () => {
  it("lists states and organisations, filtered by type and text in any language", async () => {
    const organizations = (await get("/api/v1/actors?type=organization")).body.actors;
    expect(organizations.map((actor: { code: string }) => actor.code)).toEqual(
      expect.arrayContaining(["NATO", "UNASUR", "PROSUR", "MERCOSUR", "ALBA", "CELAC", "OAS", "EU", "BRICS"]),
    );
    const search = (await get("/api/v1/actors?q=allemagne")).body.actors;
    // "Allemagne" and "Allemagne de l'Est": the French names of DEU and the former DDR.
    expect(search.map((actor: { code: string }) => actor.code)).toEqual(["DDR", "DEU"]);
    const literal = (await get("/api/v1/actors?q=%25")).body.actors;
    expect(literal).toEqual([]);
  });

  it("gives one actor with its names and codes", async () => {
    const { status, body } = await get("/api/v1/actors/col");
    expect(status).toBe(200);
    expect(body.actor).toMatchObject({
      code: "COL",
      type: "state",
      name: "Colombia",
      isoAlpha2: "CO",
      isoNumeric: "170",
      names: { en: "Colombia", es: "Colombia", pt: "Colômbia", fr: "Colombie" },
    });
    expect((await get("/api/v1/actors/ZZZ")).status).toBe(404);
  });
});

describe("GET /api/v1/actors/{code}/relations", () => {
  it("gives every relation valid on the date, with subject and object, designations included", async () => {
    const { body } = await get("/api/v1/actors/COL/relations?at=2023-01-01");
    const partner = body.relations.find((relation: { kind: string }) => relation.kind === "partner");
    expect(partner).toMatchObject({
      subject: "COL",
      subjectType: "state",
      object: "NATO",
      objectType: "organization",
      framework: "partners-across-the-globe",
      frameworkName: "Partners across the globe",
      certainty: "disputed",
    });
    const designation = body.relations.find((relation: { kind: string }) => relation.kind === "designation");
    expect(designation).toMatchObject({
      kind: "designation",
      designation: "major-non-nato-ally",
      subject: "COL",
      object: "USA",
    });
  });

  it("shows the designating state's side too", async () => {
    const { body } = await get("/api/v1/actors/USA/relations?at=2020-01-01");
    const designated = body.relations.filter(
      (relation: { designation: string | null }) => relation.designation === "major-non-nato-ally",
    );
    expect(designated.map((relation: { subject: string }) => relation.subject)).toEqual(
      expect.arrayContaining(["ARG", "BRA", "JPN"]),
    );
    expect(designated.map((relation: { subject: string }) => relation.subject)).not.toContain("COL");
  });
});

describe("GET /api/v1/actors/{code}/timeline", () => {
  it("lists every change in date order, with sources", async () => {
    const { body } = await get("/api/v1/actors/ARG/timeline");
    const dates = body.events.map((event: { date: string }) => event.date);
    expect(dates).toEqual([...dates].sort());
    expect(body.events.some((event: { change: string }) => event.change === "end")).toBe(true);
    for (const event of body.events) expect(event.relation.sources.length).toBeGreaterThan(0);
    const mnna = body.events.find(
      (event: { relation: { designation: string | null } }) => event.relation.designation === "major-non-nato-ally",
    );
    expect(mnna).toMatchObject({ date: "1998-01-01", precision: "year", change: "start" });
  });
});

describe("GET /api/v1/relations/{id}", () => {
  it("keeps every claim on Colombia's disputed partnership, the disagreeing ones side by side", async () => {
    const relations = (await get("/api/v1/actors/COL/relations?at=2023-01-01")).body.relations;
    const partner = relations.find((relation: { kind: string }) => relation.kind === "partner");
    const { status, body } = await get(`/api/v1/relations/${partner.id}`);
    expect(status).toBe(200);
    expect(body.relation.certainty).toBe("disputed");
    const sinceClaims = body.relation.claims.filter((claim: { field: string }) => claim.field === "since");
    const asserted = new Set(sinceClaims.map((claim: { asserted: string }) => claim.asserted));
    expect(asserted.size).toBeGreaterThanOrEqual(2);
    const bySource = (id: string) => sinceClaims.filter((claim: { source: { id: string } }) => claim.source.id === id);
    expect(
      bySource("dialogo-2020-gottemoeller").some((claim: { asserted: string }) => claim.asserted.startsWith("2017")),
    ).toBe(true);
    const rt = bySource("rt-2019-nato-latin-america");
    expect(rt.some((claim: { quote: string }) => claim.quote.includes("completed in May 2018"))).toBe(true);
    expect(rt[0].source.perspective).toBeTruthy();
  });

  it("answers 404 for an unknown id and 400 for a malformed one", async () => {
    expect((await get("/api/v1/relations/99999999")).status).toBe(404);
    const malformed = await get("/api/v1/relations/abc");
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/^path\.id/);
  });
});

describe("API documents", () => {
  it("publishes an OpenAPI document naming every endpoint, and a readable page", async () => {
    const { body } = await get("/api/openapi.json");
    expect(body.openapi).toBe("3.1.0");
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/health",
        "/api/v1/actors",
        "/api/v1/actors/{code}",
        "/api/v1/actors/{code}/relations",
        "/api/v1/actors/{code}/timeline",
        "/api/v1/organizations/{code}/members",
        "/api/v1/relations/{id}",
      ]),
    );
    const page = await fetch(`${concord.baseUrl}/api/docs`);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toContain("/api/v1/organizations/{code}/members");
  });

  it("answers a missing asset with 404, not with the page", async () => {
    expect((await fetch(`${concord.baseUrl}/assets/missing-abc123.js`)).status).toBe(404);
    const page = await fetch(`${concord.baseUrl}/organizations/NATO`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
  });

  it("answers unknown API paths with the error shape", async () => {
    expect(await get("/api/v1/nothing-here")).toMatchObject({ status: 404, body: { error: { id: "not_found" } } });
  });
});

describe("malformed input", () => {
  const paths = [
    "/api/v1/actors",
    "/api/v1/actors/{x}",
    "/api/v1/actors/{x}/relations",
    "/api/v1/actors/{x}/timeline",
    "/api/v1/organizations/{x}/members",
    "/api/v1/relations/{x}",
    "/api/v1/organizations",
  ];
  const parameters = ["at", "kind", "framework", "lang", "q", "type"];

  it("never produces a 5xx and always answers in the error shape", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.string({ unit: "binary", maxLength: 40 }),
        fc.array(fc.tuple(fc.constantFrom(...parameters), fc.string({ unit: "binary", maxLength: 40 })), {
          maxLength: 4,
        }),
        async (path, segment, query) => {
          const search = new URLSearchParams(query).toString();
          const url = `${concord.baseUrl}${path.replace("{x}", encodeURIComponent(segment) || "x")}?${search}`;
          const response = await fetch(url);
          expect(response.status, url).toBeLessThan(500);
          const body = (await response.json()) as { error?: { id: string; message: string } };
          if (response.status >= 400) {
            expect(body.error?.id, url).toMatch(/^[a-z_]+$/);
            expect(body.error?.message.length, url).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
