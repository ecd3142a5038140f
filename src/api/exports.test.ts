/**
 * CSV exports over HTTP: the same service call as the JSON, so the same rows, the same
 * authorization and the same filters; a file named after what it holds.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConcord, type TestConcord } from "../../test/support/concord.ts";
import { parseCsvRows } from "../../test/support/csv.ts";
import { type Person, signInAs } from "../../test/support/people.ts";

let concord: TestConcord;
let natoAdmin: Person;
let natoAnalyst: Person;
let oasAdmin: Person;
let oasAnalyst: Person;

beforeAll(async () => {
  concord = await startConcord();
  natoAdmin = await signInAs(concord, { organization: "NATO", role: "secretariat-admin" });
  natoAnalyst = await signInAs(concord, { organization: "NATO", role: "analyst" });
  oasAdmin = await signInAs(concord, { organization: "OAS", role: "secretariat-admin" });
  oasAnalyst = await signInAs(concord, { organization: "OAS", role: "analyst" });
});
afterAll(async () => {
  await concord?.stop();
});

/** An RFC 4180 reader: rows of fields, the header first (the byte-order mark checked and dropped). */
function parseCsv(text: string): Array<Record<string, string>> {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows = parseCsvRows(text.slice(1));
  const [header = [], ...body] = rows;
  return body.map((fields) => Object.fromEntries(header.map((name, index) => [name, fields[index] ?? ""])));
}

async function fetchAs(path: string, who?: Person, headers: Record<string, string> = {}) {
  const response = await fetch(concord.baseUrl + path, {
    headers: { ...(who ? { Cookie: who.cookie } : {}), ...headers },
  });
  // Decoded keeping the byte-order mark (text() drops it), to check that it is there.
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, text };
}

const cell = (value: unknown) => (value === null || value === undefined ? "" : String(value));

describe("GET /organizations/{code}/members as CSV", () => {
  it("gives the JSON's rows, in its order, named after the organisation and the date", async () => {
    const json = JSON.parse((await fetchAs("/api/v1/organizations/NATO/members?at=2004-03-29&lang=fr")).text);
    const csv = await fetchAs("/api/v1/organizations/NATO/members?at=2004-03-29&lang=fr&format=csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="NATO-members-2004-03-29.csv"');
    const rows = parseCsv(csv.text);
    expect(json.members.length).toBeGreaterThan(20);
    expect(rows).toEqual(
      json.members.map((member: any) => ({
        code: member.code,
        name: member.name,
        kind: member.kind,
        framework: cell(member.framework),
        frameworkName: cell(member.frameworkName),
        designation: cell(member.designation),
        since: member.since,
        sincePrecision: member.sincePrecision,
        until: cell(member.until),
        untilPrecision: cell(member.untilPrecision),
        certainty: member.certainty,
        note: cell(member.note),
        relationId: String(member.relationId),
        sources: member.sources.map((source: { id: string }) => source.id).join("; "),
      })),
    );
  });

  it("follows the same filters, and Accept: text/csv without ?format", async () => {
    const json = JSON.parse((await fetchAs("/api/v1/organizations/NATO/members?at=2020-01-01&kind=partner")).text);
    const csv = await fetchAs("/api/v1/organizations/NATO/members?at=2020-01-01&kind=partner", undefined, {
      Accept: "text/csv",
    });
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="NATO-partner-2020-01-01.csv"');
    const rows = parseCsv(csv.text);
    expect(rows.length).toBe(json.members.length);
    expect(rows.every((row) => row.kind === "partner")).toBe(true);
    expect(rows.map((row) => row.code)).toEqual(json.members.map((member: { code: string }) => member.code));
  });

  it("refuses an unknown format naming the parameter, and an unknown organisation as the JSON does", async () => {
    const bad = await fetchAs("/api/v1/organizations/NATO/members?format=xlsx");
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).error.message).toContain("query.format");
    const missing = await fetchAs("/api/v1/organizations/NOPE/members?format=csv");
    expect(missing.status).toBe((await fetchAs("/api/v1/organizations/NOPE/members")).status);
    expect(missing.status).toBe(404);
  });
});

describe("a state's relations and a relation's claims as CSV", () => {
  it("gives the relations of a state on a date, named after the state and the date", async () => {
    const json = JSON.parse((await fetchAs("/api/v1/actors/DEU/relations?at=2010-06-01")).text);
    const csv = await fetchAs("/api/v1/actors/DEU/relations?at=2010-06-01&format=csv");
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="DEU-relations-2010-06-01.csv"');
    const rows = parseCsv(csv.text);
    expect(rows.map((row) => [row.id, row.object, row.kind, row.since])).toEqual(
      json.relations.map((relation: any) => [String(relation.id), relation.object, relation.kind, relation.since]),
    );
  });

  it("gives one row per claim of a relation, with its source", async () => {
    const members = JSON.parse((await fetchAs("/api/v1/organizations/NATO/members?at=2004-03-29")).text).members;
    const id = members.find((member: { code: string }) => member.code === "BGR").relationId;
    const json = JSON.parse((await fetchAs(`/api/v1/relations/${id}`)).text).relation;
    const csv = await fetchAs(`/api/v1/relations/${id}?format=csv`);
    expect(csv.headers.get("content-disposition")).toBe(`attachment; filename="relation-${id}-BGR-NATO.csv"`);
    const rows = parseCsv(csv.text);
    expect(rows.map((row) => [row.claimId, row.source, row.quote, row.url])).toEqual(
      json.claims.map((claim: any) => [String(claim.id), claim.source.id, cell(claim.quote), cell(claim.source.url)]),
    );
  });
});

describe("the audit log as CSV", () => {
  it("is refused to those who may not read the audit log, as the JSON is", async () => {
    for (const [who, status] of [
      [undefined, 401],
      [natoAnalyst, 403],
      [oasAnalyst, 403],
    ] as const) {
      const json = await fetchAs("/api/v1/audit?limit=5", who);
      const csv = await fetchAs("/api/v1/audit?limit=5&format=csv", who);
      expect(json.status).toBe(status);
      expect(csv.status).toBe(status);
      expect(csv.headers.get("content-type")).toMatch(/^application\/json/);
      expect(csv.text).not.toContain("hash");
    }
  });

  it("gives an administrator the entries the JSON gives, and another organisation's administrator only its own", async () => {
    for (const [who, organization] of [
      [natoAdmin, "NATO"],
      [oasAdmin, "OAS"],
    ] as const) {
      const json = JSON.parse((await fetchAs("/api/v1/audit?limit=20", who)).text).entries;
      expect(json.length).toBeGreaterThan(0);
      // Reads are audited too: the CSV asks for the entries before the JSON's newest one and after.
      const newest = Math.max(...json.map((entry: { id: number }) => entry.id));
      const csv = await fetchAs(`/api/v1/audit?limit=20&beforeId=${newest + 1}&format=csv`, who);
      expect(csv.status).toBe(200);
      expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"$/);
      const rows = parseCsv(csv.text);
      expect(rows.map((row) => [row.id, row.action, row.hash])).toEqual(
        json.map((entry: { id: number; action: string; hash: string }) => [String(entry.id), entry.action, entry.hash]),
      );
      for (const row of rows) expect([organization, ""]).toContain(row.organization);
      expect(rows.some((row) => row.organization === organization)).toBe(true);
    }
  });
});

describe("proposals and positions as CSV", () => {
  it("lists the proposals the JSON lists, and refuses another organisation's proposal as the JSON does", async () => {
    const json = JSON.parse((await fetchAs("/api/v1/proposals?limit=100", natoAnalyst)).text).proposals;
    expect(json.length).toBeGreaterThan(0);
    const csv = await fetchAs("/api/v1/proposals?limit=100&format=csv", natoAnalyst);
    expect(csv.status).toBe(200);
    expect(parseCsv(csv.text).map((row) => row.id)).toEqual(
      json.map((proposal: { id: number }) => String(proposal.id)),
    );

    const natoProposal = json.find((proposal: { body: { actor: string } }) => proposal.body.actor === "NATO");
    expect(natoProposal).toBeDefined();
    const own = await fetchAs(`/api/v1/proposals/${natoProposal.id}?format=csv`, natoAnalyst);
    expect(own.status).toBe(200);
    const grid = JSON.parse((await fetchAs(`/api/v1/proposals/${natoProposal.id}`, natoAnalyst)).text).proposal.grid;
    expect(parseCsv(own.text).map((row) => [row.state, row.position])).toEqual(
      grid.map((row: { state: string; position: string | null }) => [row.state, cell(row.position)]),
    );

    const otherJson = await fetchAs(`/api/v1/proposals/${natoProposal.id}`, oasAnalyst);
    const otherCsv = await fetchAs(`/api/v1/proposals/${natoProposal.id}?format=csv`, oasAnalyst);
    expect(otherCsv.status).toBe(otherJson.status);
    expect([403, 404]).toContain(otherCsv.status);
    expect(otherCsv.text).toBe(otherJson.text);
  });
});

describe("where in a source, and an archive reference", () => {
  it("stores a claim's locator and a source's archive reference, shows them, and limits their length", async () => {
    const staff = await signInAs(concord, { organization: "NATO", role: "secretariat-staff" });
    const source = {
      id: "exports-treaty-series",
      title: "North Atlantic Treaty",
      publisher: "United Nations",
      published: "1949-04",
      archive: "United Nations Treaty Series, vol. 34, no. 541",
    };
    expect((await staff.send("POST", "/api/v1/sources", source)).status).toBe(201);
    const members = JSON.parse((await fetchAs("/api/v1/organizations/NATO/members?at=2004-03-29")).text).members;
    const id = members.find((member: { code: string }) => member.code === "BGR").relationId;
    const claim = { source: source.id, locator: "art. 10", quote: "any other European State" };
    expect((await staff.send("POST", `/api/v1/relations/${id}/claims`, claim)).status).toBe(201);

    const json = JSON.parse((await fetchAs(`/api/v1/relations/${id}`)).text).relation;
    const stored = json.claims.find((c: { source: { id: string } }) => c.source.id === source.id);
    expect(stored.locator).toBe("art. 10");
    expect(stored.source.archive).toBe(source.archive);
    const row = parseCsv((await fetchAs(`/api/v1/relations/${id}?format=csv`)).text).find(
      (r) => r.source === source.id,
    );
    expect(row).toMatchObject({ locator: "art. 10", archive: source.archive, published: "1949-04-01" });
    const listed = JSON.parse((await fetchAs("/api/v1/organizations/NATO/members?at=2004-03-29")).text).members;
    expect(
      listed
        .find((member: { code: string }) => member.code === "BGR")
        .sources.find((s: { id: string }) => s.id === source.id),
    ).toMatchObject({ archive: source.archive, url: null, published: "1949-04-01", publishedPrecision: "month" });

    const long = await staff.send("POST", `/api/v1/relations/${id}/claims`, { ...claim, locator: "p".repeat(201) });
    expect(long.status).toBe(400);
    expect(long.body.error.message).toMatch(/^\w+\.locator: must be at most 200 characters/);
    const longArchive = await staff.send("POST", "/api/v1/sources", {
      ...source,
      id: "exports-long",
      archive: "a".repeat(501),
    });
    expect(longArchive.status).toBe(400);
    expect(longArchive.body.error.message).toMatch(/^\w+\.archive: must be at most 500 characters/);
  });
});
