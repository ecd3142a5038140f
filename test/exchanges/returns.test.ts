/**
 * A state's return under a regime, end to end over HTTP: the delegation drafts it and is told
 * every field the form refuses, submits it, corrects it (the first version stays readable and
 * timeliness counts from the first submission); compliance says who was on time, late or
 * missing against the registry's participants that year; who reads and writes what follows
 * exchangesPolicy, across organisations.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConcord, type TestConcord } from "../support/concord.ts";
import { type Person, signInAs } from "../support/people.ts";

let concord: TestConcord;
let colombia: Person;
let argentina: Person;

beforeAll(async () => {
  concord = await startConcord();
  colombia = await signInAs(concord, { organization: "UNASUR", role: "delegation-head", state: "COL" });
  argentina = await signInAs(concord, { organization: "UNASUR", role: "delegation-member", state: "ARG" });
}, 120_000);
afterAll(async () => {
  await concord?.stop();
});

const ROWS = ["defence_ministry", "army", "navy", "air_force", "other_institutions"];
const COLUMNS = ["personnel", "operations_maintenance", "investment", "research_development"];

/** A UNASUR registry return whose totals add up (every cell `cell`, in thousands of COP). */
function expenditure(cell: number, overrides: Record<string, unknown> = {}) {
  const fields: Record<string, unknown> = {};
  for (const row of ROWS) {
    for (const column of COLUMNS) fields[`expenditure.${row}.${column}`] = cell;
    fields[`expenditure.${row}.total`] = cell * COLUMNS.length;
  }
  for (const column of COLUMNS) fields[`expenditure.total.${column}`] = cell * ROWS.length;
  fields["expenditure.total.total"] = cell * ROWS.length * COLUMNS.length;
  fields.population = 46_000_000;
  fields.gdp = cell * 1000;
  return { currency: "COP", scale: 1000, fields: { ...fields, ...overrides } };
}

const anonymous = async (path: string) => {
  const response = await fetch(concord.baseUrl + path);
  return { status: response.status, body: (await response.json()) as any };
};

describe("the information exchanges", () => {
  it("lists the regimes with their forms and next deadlines", async () => {
    const answer = await anonymous("/api/v1/exchanges");
    expect(answer.status).toBe(200);
    const codes = answer.body.regimes.map((regime: any) => regime.regime.code);
    expect(codes).toEqual(expect.arrayContaining(["unasur-rsgd", "un-milex", "oas-csbm", "osce-style-aemi"]));
    const un = answer.body.regimes.find((regime: any) => regime.regime.code === "un-milex");
    expect(un.deadline).toBe(`${un.latestYear + 1}-04-30`);
    expect(un.forms.length).toBe(2);
    // UNASUR's deadline is the team's default, and the answer says so; the UN's is sourced.
    const unasur = answer.body.regimes.find((regime: any) => regime.regime.code === "unasur-rsgd");
    expect(unasur.regime.deadline.assumed).toBe(true);
    expect(un.regime.deadline.assumed).toBeUndefined();
  });

  it("drafts a return and names every field the form refuses; submits only what it accepts", async () => {
    const path = "/api/v1/exchanges/unasur-rsgd/returns/COL/2012";
    const wrong = await colombia.send(
      "PUT",
      `${path}/draft`,
      expenditure(100, { "expenditure.army.total": 999, "expenditure.navy.personnel": -5, unknown_field: 1 }),
      { "Accept-Language": "es" },
    );
    expect(wrong.status, JSON.stringify(wrong.body)).toBe(200);
    const fields = wrong.body.errors.map((error: any) => error.field);
    expect(fields).toEqual(
      expect.arrayContaining(["expenditure.army.total", "expenditure.navy.personnel", "unknown_field"]),
    );
    expect(wrong.body.errors.find((error: any) => error.field === "expenditure.navy.personnel").message).toBe(
      "no debe ser negativo",
    );
    const refused = await colombia.send("POST", `${path}/submission`);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toMatch(/expenditure\.|unknown_field/);
    // Nothing was submitted.
    const compliance = await colombia.send("GET", "/api/v1/exchanges/unasur-rsgd/compliance?year=2012");
    expect(compliance.body.states.find((entry: any) => entry.state === "COL").status).toBe("missing");

    const right = await colombia.send("PUT", `${path}/draft`, expenditure(100));
    expect(right.body.errors).toEqual([]);
    const submitted = await colombia.send("POST", `${path}/submission`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body).toMatchObject({
      corrects: null,
      return: { status: "submitted", stateCode: "COL", year: 2012 },
    });
  });

  it("keeps the first version when a correction supersedes it, and counts time from the first submission", async () => {
    const path = "/api/v1/exchanges/unasur-rsgd/returns/COL/2012";
    const before = await colombia.send("GET", path);
    const first = before.body.versions.find((version: any) => version.status === "submitted");
    await colombia.send("PUT", `${path}/draft`, expenditure(120));
    const corrected = await colombia.send("POST", `${path}/submission`);
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    expect(corrected.body.corrects).toBe(first.id);
    expect(corrected.body.return.firstSubmittedAt).toBe(first.firstSubmittedAt);
    const after = await argentina.send("GET", path);
    expect(after.body.versions.map((version: any) => version.status)).toEqual(["submitted", "superseded"]);

    // Reported in 2026 for 2012 (due 30 June 2013): late. Argentina, a member then, is missing.
    const compliance = await argentina.send("GET", "/api/v1/exchanges/unasur-rsgd/compliance?year=2012");
    expect(compliance.status).toBe(200);
    expect(compliance.body.deadline).toBe("2013-06-30");
    const statuses = Object.fromEntries(compliance.body.states.map((entry: any) => [entry.state, entry.status]));
    expect(statuses).toMatchObject({ COL: "late", ARG: "missing" });
    expect(compliance.body.summary.participants).toBe(compliance.body.states.length);
    // As of a day before anything was submitted, Colombia too was missing.
    const earlier = await argentina.send("GET", "/api/v1/exchanges/unasur-rsgd/compliance?year=2012&at=2014-01-01");
    expect(earlier.body.states.find((entry: any) => entry.state === "COL").status).toBe("missing");

    const record = await colombia.send("GET", "/api/v1/exchanges/unasur-rsgd/record/COL?from=2011&to=2012");
    expect(record.body.years).toEqual([
      { year: 2011, status: "missing" },
      { year: 2012, status: "late" },
    ]);
    expect((await colombia.send("GET", "/api/v1/exchanges/unasur-rsgd/record/COL?from=2012&to=2011")).status).toBe(400);
    const comparison = await argentina.send("GET", "/api/v1/exchanges/unasur-rsgd/comparison?from=2010&to=2012");
    expect(comparison.body.rows).toEqual([
      expect.objectContaining({
        state: "COL",
        year: 2012,
        currency: "COP",
        total: 120 * 20 * 1000,
        population: 46_000_000,
      }),
    ]);
  });

  it("refuses a state that did not take part that year, and a year with no form", async () => {
    // Colombia left UNASUR on 10 February 2019: it takes no part in the 2019 registry (due 30 June 2020).
    const left = await colombia.send("PUT", "/api/v1/exchanges/unasur-rsgd/returns/COL/2019/draft", expenditure(1));
    expect(left.status).toBe(400);
    expect(left.body.error.message).toContain("COL");
    const early = await colombia.send("PUT", "/api/v1/exchanges/unasur-rsgd/returns/COL/1990/draft", expenditure(1));
    expect(early.status).toBe(400);
    const shapeless = await colombia.send("PUT", "/api/v1/exchanges/unasur-rsgd/returns/COL/2012/draft", { values: 1 });
    expect(shapeless.status).toBe(400);
  });

  it("shows a restricted regime's returns to its participants and secretariat only, across organisations", async () => {
    const path = "/api/v1/exchanges/unasur-rsgd/returns/COL/2012";
    expect((await anonymous(path)).status).toBe(401);
    expect((await anonymous("/api/v1/exchanges/unasur-rsgd/compliance?year=2012")).status).toBe(401);
    const oasStaff = await signInAs(concord, { organization: "OAS", role: "secretariat-staff" });
    expect((await oasStaff.send("GET", path)).status).toBe(403);
    const natoColombia = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "COL" });
    // Colombia's delegation to NATO neither reads nor writes its UNASUR return.
    expect((await natoColombia.send("GET", path)).status).toBe(403);
    expect((await natoColombia.send("PUT", `${path}/draft`, expenditure(1))).status).toBe(403);
    // Argentina's delegation reads Colombia's submitted return, never writes it.
    expect((await argentina.send("PUT", `${path}/draft`, expenditure(1))).status).toBe(403);
    const unasurStaff = await signInAs(concord, { organization: "UNASUR", role: "secretariat-staff" });
    expect((await unasurStaff.send("GET", path)).status).toBe(200);
    // A draft is its delegation's (and the secretariat's) only.
    await colombia.send("PUT", "/api/v1/exchanges/unasur-rsgd/returns/COL/2013/draft", expenditure(5));
    const draftPath = "/api/v1/exchanges/unasur-rsgd/returns/COL/2013";
    expect((await colombia.send("GET", draftPath)).body.versions.map((v: any) => v.status)).toEqual(["draft"]);
    expect((await argentina.send("GET", draftPath)).body.versions).toEqual([]);
    expect((await unasurStaff.send("GET", draftPath)).body.versions.map((v: any) => v.status)).toEqual(["draft"]);
  });

  it("files the UN report on the form the state chooses, and refuses one not in force", async () => {
    const colombiaOas = await signInAs(concord, { organization: "OAS", role: "delegation-head", state: "COL" });
    const path = "/api/v1/exchanges/un-milex/returns/COL/2020/draft";
    const simplified = await colombiaOas.send("PUT", path, { form: "un-milex-simplified", fields: {} });
    expect(simplified.status, JSON.stringify(simplified.body)).toBe(200);
    expect(simplified.body.return.formCode).toBe("un-milex-simplified");
    const standardized = await colombiaOas.send("PUT", path, { form: "un-milex-standardized", fields: {} });
    expect(standardized.body.return).toMatchObject({ formCode: "un-milex-standardized", values: { fields: {} } });
    expect(standardized.body.return.values).not.toHaveProperty("form");
    const unknown = await colombiaOas.send("PUT", path, { form: "oas-csbm-report", fields: {} });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain("form");
  });

  it("shows a public regime's compliance to anyone", async () => {
    const answer = await anonymous("/api/v1/exchanges/un-milex/compliance?year=2020&at=2021-05-01");
    expect(answer.status).toBe(200);
    expect(answer.body.deadline).toBe("2021-04-30");
    expect(answer.body.summary.participants).toBeGreaterThan(150);
    expect(answer.body.summary.missing).toBe(answer.body.summary.participants);
  });
});
