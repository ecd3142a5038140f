/**
 * GET /api/v1/search: what each reader finds, over HTTP against a real server and the starter
 * data. Proposals are found only by those who may read them (and nothing tells the others there
 * is anything); case and accents do not matter; names come back in the language asked for; bad
 * input is refused with a 400 that names the parameter.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConcord, type TestConcord } from "../../test/support/concord.ts";
import { signInAs, type Person } from "../../test/support/people.ts";

type Result = { kind: string; id: string; name: string; detail: string; url: string };
type Answer = { q: string; lang: string; results: Result[] };

let concord: TestConcord;
let natoAnalyst: Person;
let oasAnalyst: Person;
let natoProposal: number;
let oasProposal: number;

async function anonymous(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(concord.baseUrl + path, { headers });
  return { status: response.status, body: (await response.json()) as any };
}

const search = (q: string, extra = "") => `/api/v1/search?q=${encodeURIComponent(q)}${extra}`;

async function open(person: Person, body: string, title: string): Promise<number> {
  const answer = await person.send("POST", "/api/v1/proposals", {
    body,
    title,
    text: "A text.",
    // Far enough ahead that nothing is decided during the run.
    deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  });
  if (answer.status !== 201) throw new Error(`opening failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.proposal.id;
}

beforeAll(async () => {
  concord = await startConcord();
  const natoStaff = await signInAs(concord, { organization: "NATO", role: "secretariat-staff" });
  const oasStaff = await signInAs(concord, { organization: "OAS", role: "secretariat-staff" });
  natoAnalyst = await signInAs(concord, { organization: "NATO", role: "analyst" });
  oasAnalyst = await signInAs(concord, { organization: "OAS", role: "analyst" });
  natoProposal = await open(natoStaff, "nato-nac", "Zéphyrine partnership review");
  oasProposal = await open(oasStaff, "oas-permanent-council", "Zephyrine observer review");
});
afterAll(async () => {
  await concord?.stop();
});

describe("searching proposals", () => {
  it("finds a proposal for its own organisation's people, and only theirs", async () => {
    const nato = await natoAnalyst.send("GET", search("zephyrine"));
    expect(nato.status).toBe(200);
    const natoFound = (nato.body as Answer).results.filter((result) => result.kind === "proposal");
    expect(natoFound).toEqual([
      expect.objectContaining({ id: String(natoProposal), url: `/proposals/${natoProposal}` }),
    ]);
    expect(natoFound[0]?.detail).toContain("North Atlantic Council");

    const oas = await oasAnalyst.send("GET", search("zephyrine"));
    expect(oas.status).toBe(200);
    const oasFound = (oas.body as Answer).results.filter((result) => result.kind === "proposal");
    expect(oasFound.map((result) => result.id)).toEqual([String(oasProposal)]);
  });

  it("tells another organisation's reader nothing of a proposal it may not read, not even by its number", async () => {
    const byTitle = await oasAnalyst.send("GET", search("partnership review"));
    expect(byTitle.status).toBe(200);
    expect((byTitle.body as Answer).results.filter((result) => result.kind === "proposal")).toEqual([]);
    const byNumber = await oasAnalyst.send("GET", search(`#${natoProposal}`));
    expect((byNumber.body as Answer).results).toEqual([]);
    // The whole answer is what someone who may read nothing gets: no count, no hint.
    const nobody = await anonymous(search("partnership review"));
    expect(byTitle.body).toEqual(nobody.body);
  });

  it("finds no proposal for someone not signed in", async () => {
    const answer = await anonymous(search("zephyrine"));
    expect(answer.status).toBe(200);
    expect((answer.body as Answer).results).toEqual([]);
  });
});

describe("matching and ranking", () => {
  it("ignores case and accents: Colombia, colombia and Colômbia find the same state, named in Portuguese", async () => {
    const answers = await Promise.all(
      ["Colombia", "colombia", "Colômbia", "COLÔMBIA"].map((q) => anonymous(search(q, "&lang=pt"))),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect((answer.body as Answer).results.filter((result) => result.kind === "state")[0]).toEqual({
        kind: "state",
        id: "COL",
        name: "Colômbia",
        detail: "COL",
        url: "/actors/COL",
      });
    }
  });

  it("puts an exact code first, then names that start with the text, then names that contain it", async () => {
    const byCode = (await anonymous(search("col", "&lang=en"))).body as Answer;
    expect(byCode.results.filter((result) => result.kind === "state")[0]?.id).toBe("COL");

    const names = ((await anonymous(search("guinea", "&lang=en"))).body as Answer).results
      .filter((result) => result.kind === "state")
      .map((result) => result.name);
    // "Guinea" itself, then "Guinea-Bissau" (starts with it), then "Equatorial Guinea" and
    // "Papua New Guinea" (a word does; in Spanish, "Guinea Ecuatorial" starts with it, but the
    // reader's language decides the tie).
    expect(names).toEqual(["Guinea", "Guinea-Bissau", "Equatorial Guinea", "Papua New Guinea"]);
    const contained = ((await anonymous(search("uine", "&lang=en"))).body as Answer).results
      .filter((result) => result.kind === "state")
      .map((result) => result.name);
    expect(contained).toEqual(["Equatorial Guinea", "Guinea", "Guinea-Bissau", "Papua New Guinea"]);
  });

  it("finds organisations and frameworks in the reader's language, by any language's name or short name", async () => {
    const byName = (await anonymous(search("Organización del Tratado del Atlántico", "&lang=en"))).body as Answer;
    expect(byName.results.find((result) => result.kind === "organization")).toEqual({
      kind: "organization",
      id: "NATO",
      name: "North Atlantic Treaty Organization",
      detail: "NATO",
      url: "/organizations/NATO",
    });
    // OTAN is NATO's short name in Spanish, Portuguese and French: as good as its code.
    const byShortName = (await anonymous(search("otan", "&lang=fr"))).body as Answer;
    expect(byShortName.results[0]).toMatchObject({
      kind: "organization",
      id: "NATO",
      name: "Organisation du Traité de l'Atlantique Nord",
      detail: "OTAN",
    });
    const spanish = (await anonymous(search("partnership for peace", "&lang=es"))).body as Answer;
    expect(spanish.results.find((result) => result.kind === "framework")).toEqual({
      kind: "framework",
      id: "pfp",
      name: "Asociación para la Paz / Consejo de Asociación Euroatlántico",
      detail: "OTAN",
      url: "/organizations/NATO",
    });
  });

  it("takes the language from Accept-Language when none is asked for", async () => {
    const answer = (await anonymous(search("colombia"), { "Accept-Language": "fr-FR,fr;q=0.9" })).body as Answer;
    expect(answer.lang).toBe("fr");
    expect(answer.results[0]).toMatchObject({ id: "COL", name: "Colombie" });
  });

  it("finds sources by title or publisher, linked to a relation that cites them", async () => {
    const answer = (await anonymous(search("RT"))).body as Answer;
    const source = answer.results.find((result) => result.id === "rt-2019-nato-latin-america");
    expect(source).toMatchObject({ kind: "source", detail: "RT, 2019" });
    expect(source?.url).toMatch(/^\/relations\/\d+$/);
  });

  it("treats LIKE's wildcards as plain text", async () => {
    const answer = (await anonymous(search("%"))).body as Answer;
    expect(answer.results).toEqual([]);
    const underscore = (await anonymous(search("_"))).body as Answer;
    expect(underscore.results).toEqual([]);
  });

  it("keeps to the limit, per kind", async () => {
    const answer = (await anonymous(search("a", "&limit=3"))).body as Answer;
    for (const kind of ["state", "organization", "framework", "source"]) {
      expect(answer.results.filter((result) => result.kind === kind).length).toBeLessThanOrEqual(3);
    }
    expect(answer.results.filter((result) => result.kind === "state")).toHaveLength(3);
  });
});

describe("refusing bad input", () => {
  it.each([
    ["an empty text", "/api/v1/search?q=", "query.q: must contain something to search for"],
    ["no text at all", "/api/v1/search", "query.q"],
    ["only spaces", "/api/v1/search?q=%20%20%20", "query.q: must contain something to search for"],
    ["a text too long", search("x".repeat(101)), "query.q: must be at most 100 characters"],
    ["a control character", search("col\u0001"), "query.q: must not contain control characters"],
    ["a limit out of range", search("col", "&limit=500"), "query.limit: must be at most 50"],
    ["an unknown language", search("col", "&lang=de"), "query.lang"],
  ])("refuses %s with a 400 naming the parameter", async (_what, path, message) => {
    const answer = await anonymous(path);
    expect(answer.status).toBe(400);
    expect(answer.body.error.id).toBe("invalid_request");
    expect(answer.body.error.message).toContain(message);
  });

  it("never answers any text, language or limit with a 5xx, and always in the error shape", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: "binary", maxLength: 120 }),
        fc.option(fc.string({ maxLength: 4 })),
        fc.option(fc.string({ maxLength: 6 })),
        async (q, lang, limit) => {
          const query = new URLSearchParams({
            q,
            ...(lang === null ? {} : { lang }),
            ...(limit === null ? {} : { limit }),
          });
          const answer = await anonymous(`/api/v1/search?${query}`);
          expect(answer.status, query.toString()).toBeLessThan(500);
          if (answer.status >= 400)
            expect(answer.body.error.message, query.toString()).toMatch(/^query\.(q|lang|limit)/);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("accepts a text of exactly the longest length", async () => {
    expect((await anonymous(search("x".repeat(100)))).status).toBe(200);
  });
});
