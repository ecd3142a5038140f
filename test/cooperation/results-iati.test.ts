/**
 * A programme exported as IATI 2.03 activity XML is valid against the official IATI 2.03 schema
 * (data/iati/, from the IATI-Schemas repository), checked by a real XML Schema validator:
 * libxml2's xmllint, compiled to WebAssembly (the xmllint-wasm package). The same validator
 * refuses a deliberately broken document, so a pass means something.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { addDays, today } from "../../src/domain/dates.ts";
import { startConcord, type TestConcord } from "../support/concord.ts";
import { signInAs, type Person } from "../support/people.ts";
import { insertProgramme, type ProgrammeFixture } from "../support/results-fixtures.ts";

const SCHEMAS = path.resolve(import.meta.dirname, "../../data/iati");
const schemaFile = (name: string) => ({ fileName: name, contents: fs.readFileSync(path.join(SCHEMAS, name), "utf8") });

/** Validates with libxml2 against iati-activities-schema.xsd (which includes iati-common.xsd and imports xml.xsd). */
async function validate(xml: string) {
  return validateXML({
    xml: [{ fileName: "activity.xml", contents: xml }],
    schema: [schemaFile("iati-activities-schema.xsd")],
    preload: [schemaFile("iati-common.xsd"), schemaFile("xml.xsd")],
  });
}

let concord: TestConcord;
let secretariat: Person;
let reporter: Person;
let programme: ProgrammeFixture;
let xml: string;

beforeAll(async () => {
  concord = await startConcord();
  secretariat = await signInAs(concord, { organization: "NATO", role: "secretariat-staff" });
  reporter = await signInAs(concord, { organization: "NATO", role: "delegation-member", state: "COL" });
  programme = await insertProgramme(concord.database.db);
  const define = async (body: Record<string, unknown>) => {
    const answer = await secretariat.send("POST", `/api/v1/programmes/${programme.id}/indicators`, {
      reporters: [reporter.accountId],
      ...body,
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body.indicator.id as number;
  };
  const report = async (indicatorId: number, body: Record<string, unknown>, target: Record<string, unknown>) => {
    const periods = await secretariat.send("POST", `/api/v1/indicators/${indicatorId}/periods`, {
      start: addDays(today(), -200),
      end: addDays(today(), 100),
      target,
    });
    expect(periods.status, JSON.stringify(periods.body)).toBe(201);
    const update = await reporter.send("POST", `/api/v1/periods/${periods.body.indicator.periods[0].id}/updates`, body);
    expect(update.status, JSON.stringify(update.body)).toBe(201);
    await reporter.send("POST", `/api/v1/updates/${update.body.update.id}/submission`);
    await secretariat.send("POST", `/api/v1/updates/${update.body.update.id}/approval`);
  };
  const trained = await define({
    goalRef: "G1",
    ref: "TRAINED",
    titles: { en: "Officers trained at NATO schools", es: "Oficiales formados en escuelas de la OTAN" },
    description: "Officers who completed a course at Oberammergau or the NATO Defense College & similar.",
    measure: "unit",
    baseline: { year: 2023, value: 12, comment: "Before the programme <2024>" },
  });
  await report(trained, { value: 7, narrative: 'Seven officers; one "distinguished graduate".' }, { value: 30 });
  const share = await define({
    goalRef: "G1",
    ref: "STANDARDS",
    titles: { en: "Units certified to NATO standards", fr: "Unités certifiées aux normes de l’OTAN" },
    measure: "percentage",
    ascending: true,
    baseline: { year: 2023, numerator: 1, denominator: 5 },
  });
  await report(share, { numerator: 3, denominator: 4 }, { numerator: 4, denominator: 5, comment: "Four in five." });
  const integrity = await define({
    goalRef: "G2",
    ref: "BI-SAQ",
    titles: { en: "Building Integrity self-assessment" },
    measure: "qualitative",
    baseline: { year: 2022, comment: "Peer review requested." },
  });
  await report(integrity, { narrative: "Self-assessment questionnaire completed." }, { comment: "Peer review held." });
  await define({ goalRef: "G2", ref: "RANK", titles: { en: "Maturity level" }, measure: "ordinal", ascending: false });
  const answer = await fetch(`${concord.baseUrl}/api/v1/programmes/${programme.id}/iati`, {
    headers: { Cookie: secretariat.cookie },
  });
  expect(answer.status).toBe(200);
  expect(answer.headers.get("content-type")).toMatch(/^application\/xml/);
  xml = await answer.text();
}, 120_000);
afterAll(async () => {
  await concord?.stop();
});

describe("the IATI 2.03 export", () => {
  it("is valid against the IATI 2.03 activity schema", async () => {
    const result = await validate(xml);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("fails the same validator when broken", async () => {
    // The activity status is required, and must come before the dates.
    const withoutStatus = xml.replace(/\s*<activity-status [^>]*\/>/, "");
    expect(withoutStatus).not.toBe(xml);
    const missing = await validate(withoutStatus);
    expect(missing.valid).toBe(false);
    expect(missing.errors.map((error) => error.message).join("\n")).toMatch(/activity-date.*not expected/);
    // A result's indicator must name its measure.
    const noMeasure = await validate(xml.replace(/<indicator measure="\d"/, "<indicator"));
    expect(noMeasure.valid).toBe(false);
    expect(noMeasure.errors.map((error) => error.message).join("\n")).toMatch(/measure.*required/);
  });

  it("says what the programme says: identifiers, languages, country, results per goal, measures, values", () => {
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<iati-activities version="2.03"/);
    expect(xml.match(/<iati-activity /g)).toHaveLength(1);
    expect(xml).toContain(`<iati-identifier>CONCORD-NATO-ITPP-COL-${programme.id}</iati-identifier>`);
    expect(xml).toContain('<reporting-org ref="CONCORD-NATO" type="40">');
    expect(xml).toContain('<recipient-country code="CO" percentage="100"/>');
    expect(xml).toContain('<activity-status code="2"/>');
    expect(xml).toContain(`<activity-date type="1" iso-date="${programme.start}"/>`);
    for (const lang of ["en", "es", "pt", "fr"])
      expect(xml).toMatch(new RegExp(`<title>[\\s\\S]*?<narrative xml:lang="${lang}">`));
    // One outcome per goal, each with its indicators, measures as IATI codes.
    expect(xml.match(/<result type="2">/g)).toHaveLength(2);
    expect(xml).toContain('<indicator measure="1" ascending="1">');
    expect(xml).toContain('<indicator measure="2" ascending="1">');
    expect(xml).toContain('<indicator measure="5" ascending="1">');
    expect(xml).toContain('<indicator measure="4" ascending="0">');
    expect(xml).toContain('<narrative xml:lang="es">Oficiales formados en escuelas de la OTAN</narrative>');
    expect(xml).toContain('<baseline year="2023" value="12">');
    expect(xml).toContain('<baseline year="2023" value="20"/>');
    expect(xml).toContain('<target value="30"/>');
    expect(xml).toContain('<actual value="7">');
    expect(xml).toContain('<actual value="75">');
    expect(xml).toContain("Seven officers; one &quot;distinguished graduate&quot;.");
    expect(xml).toContain("Before the programme &lt;2024&gt;");
    // Qualitative: words, never a value.
    expect(xml).toMatch(
      /<indicator measure="5"[\s\S]*?<actual>\s*<comment>\s*<narrative xml:lang="en">Self-assessment/,
    );
  });
});
