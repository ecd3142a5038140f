/**
 * The information exchanges' starter data (data/starter/exchanges/) against its format: the four
 * regimes and their forms parse, every form accepts a return made for it and names the total a
 * wrong figure breaks, and the first UNASUR registry publication's figures fit the registry's form
 * and the registry's members.
 */
import fs from "node:fs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { arbitraryReturn } from "../../../test/support/exchange-arbitraries.ts";
import { dataFile } from "../../../test/support/data-files.ts";
import {
  comparisonOf,
  completeTotals,
  deadlineOf,
  type ExchangeForm,
  type ExchangeRegime,
  expandForm,
  formFor,
  type FormField,
  type ReturnValues,
  validateReturn,
} from "../../domain/exchanges.ts";
import {
  type ExchangeRegimesFile,
  type ExchangeReturnsFile,
  exchangeRegimesFile,
  exchangeRegimesOf,
  exchangeReturnsFile,
  publicationProblems,
} from "./exchanges-format.ts";
import { organizationFile, relationEntry, sourceFile } from "./format.ts";

const readJson = (...parts: string[]) => JSON.parse(fs.readFileSync(dataFile(...parts), "utf8")) as unknown;

let file: ExchangeRegimesFile;
let returnsFile: ExchangeReturnsFile;
let regimes: ExchangeRegime[];
let forms: ExchangeForm[];
let sources: Set<string>;

beforeAll(() => {
  file = exchangeRegimesFile.parse(readJson("starter", "exchanges", "regimes.json"));
  returnsFile = exchangeReturnsFile.parse(readJson("starter", "exchanges", "returns.json"));
  ({ regimes, forms } = exchangeRegimesOf(file));
  sources = new Set(sourceFile.parse(readJson("starter", "sources.json")).map((source) => source.id));
});

const regime = (code: string) => regimes.find((candidate) => candidate.code === code) as ExchangeRegime;

/** A simple return for a form: every field that is no total filled, the totals added up. */
function sampleReturn(form: ExchangeForm): ReturnValues {
  const { fields, totals } = expandForm(form);
  const totalFields = new Set(totals.map((total) => total.field));
  const given: Record<string, unknown> = {};
  const units: Record<string, string> = {};
  fields.forEach((field: FormField, i) => {
    if (totalFields.has(field.key)) return;
    switch (field.kind) {
      case "amount":
        given[field.key] = 1000 + i + 0.25;
        break;
      case "integer":
        given[field.key] = field.key === "population" ? 45_000_000 : 10 + i;
        break;
      case "number":
        given[field.key] = 1.5;
        if (field.units) units[field.key] = field.units[0] as string;
        break;
      case "text":
        given[field.key] = "Reported as published.";
        break;
      case "choice":
        given[field.key] = field.multiple ? [field.options[0]?.value] : field.options[0]?.value;
        break;
    }
  });
  const hasAmounts = fields.some((field) => field.kind === "amount");
  return completeTotals(form, {
    fields: given,
    ...(Object.keys(units).length > 0 ? { units } : {}),
    ...(hasAmounts ? { currency: "ARS", scale: 1_000 } : {}),
  });
}

describe("data/starter/exchanges/regimes.json", () => {
  it("holds the four regimes with their forms, versioned", () => {
    expect(regimes.map((r) => r.code)).toEqual(["unasur-rsgd", "un-milex", "oas-csbm", "osce-style-aemi"]);
    expect(forms.map((form) => `${form.regime}/${form.code}@${form.version}`)).toEqual([
      "unasur-rsgd/unasur-rsgd-expenditure@1",
      "un-milex/un-milex-standardized@1",
      "un-milex/un-milex-simplified@1",
      "oas-csbm/oas-csbm-report@1",
      "osce-style-aemi/osce-aemi-holdings@1",
    ]);
  });

  it("dates each regime's deadline as its sources say, and marks the one the team chose", () => {
    expect(deadlineOf(regime("un-milex"), 2024)).toBe("2025-04-30");
    expect(deadlineOf(regime("oas-csbm"), 2024)).toBe("2025-04-14");
    expect(deadlineOf(regime("osce-style-aemi"), 2025)).toBe("2024-12-15");
    expect(deadlineOf(regime("unasur-rsgd"), 2010)).toBe("2011-06-30");
    const assumed = file.regimes.filter((r) => r.deadline.assumed).map((r) => r.code);
    expect(assumed).toEqual(["unasur-rsgd"]);
  });

  it("restricts the returns of the UNASUR registry and the OSCE-style exchange to their participants", () => {
    expect(Object.fromEntries(regimes.map((r) => [r.code, r.restricted]))).toEqual({
      "unasur-rsgd": true,
      "un-milex": false,
      "oas-csbm": false,
      "osce-style-aemi": true,
    });
  });

  it("cites only sources of data/starter/sources.json", () => {
    const cited = [
      ...file.regimes.flatMap((r) => [
        ...r.citations,
        ...r.deadline.citations,
        ...r.forms.flatMap((form) => form.citations),
      ]),
      ...returnsFile.publications.flatMap((p) => [p, ...p.figures, ...p.submissions]),
    ].map((citation) => citation.source);
    expect(cited.filter((source) => !sources.has(source))).toEqual([]);
  });

  it("names organisations the registry holds, except OSCE, which it does not hold yet", () => {
    const organisations = new Set(organizationFile.parse(readJson("starter", "organizations.json")).map((o) => o.code));
    const named = regimes.flatMap((r) => (r.participants.kind === "organisation" ? [r.participants.organisation] : []));
    expect(named).toEqual(["UNASUR", "OAS", "OSCE"]);
    expect(named.filter((code) => !organisations.has(code) && code !== "OSCE")).toEqual([]);
  });

  it("accepts a sample return on every form", () => {
    for (const form of forms) {
      const r = regime(form.regime);
      const year = Math.max(form.validFrom, r.firstYear) + 1;
      expect(formFor(forms, form.code, year)).toBe(form);
      expect(validateReturn(form, sampleReturn(form), { year, today: "2026-01-01", regime: r }), form.code).toEqual([]);
    }
  });

  it("accepts every return generated for a form (property)", () => {
    for (const form of forms) {
      const r = regime(form.regime);
      fc.assert(
        fc.property(arbitraryReturn(form), (values) => {
          expect(validateReturn(form, values, { year: form.validFrom, today: "2026-01-01", regime: r })).toEqual([]);
        }),
        { numRuns: 40 },
      );
    }
  });

  it("names the row and column totals a wrong cell of the UN matrix breaks", () => {
    const form = formFor(forms, "un-milex-standardized", 2024) as ExchangeForm;
    const values = sampleReturn(form);
    const cell = "expenditure.procurement_construction.naval_forces";
    const wrong = { ...values, fields: { ...values.fields, [cell]: (values.fields[cell] as number) + 0.01 } };
    const errors = validateReturn(form, wrong, { year: 2024, today: "2026-01-01", regime: regime("un-milex") });
    expect(errors.map((error) => `${error.field}: ${error.key}`)).toEqual([
      "expenditure.procurement_construction.total: exchanges.return.total_mismatch",
      "expenditure.total.naval_forces: exchanges.return.total_mismatch",
    ]);
    // The cell key is matrix.row.column: rows are the cost categories, columns the force groups.
    expect(expandForm(form).byKey.has("expenditure.naval_forces.procurement_construction")).toBe(false);
  });

  it("asks the OSCE-style exchange for counts whose totals add up, or a nil report", () => {
    const form = formFor(forms, "osce-aemi-holdings", 2025) as ExchangeForm;
    const context = { year: 2025, today: "2024-12-01", regime: regime("osce-style-aemi") };
    expect(validateReturn(form, { nil: true, fields: {} }, context)).toEqual([]);
    const values = sampleReturn(form);
    const wrong = { ...values, fields: { ...values.fields, acv_aifv: 1.5 } };
    expect(validateReturn(form, wrong, context).map((error) => `${error.field}: ${error.key}`)).toEqual([
      "acv_aifv: exchanges.return.not_an_integer",
    ]);
    expect(validateReturn(form, sampleReturn(form), { ...context, year: 2026 }).map((error) => error.key)).toEqual([
      "exchanges.return.year_in_future",
    ]);
  });

  it("compares UNASUR registry returns per inhabitant and as a share of GDP", () => {
    const form = formFor(forms, "unasur-rsgd-expenditure", 2011) as ExchangeForm;
    const values = sampleReturn(form);
    const comparison = comparisonOf(form, values);
    expect(comparison.population).toBe(45_000_000);
    expect(comparison.perCapita).toBeCloseTo((comparison.total as number) / 45_000_000, 12);
    expect(comparison.shareOfGdp).toBeCloseTo((comparison.total as number) / (comparison.gdp as number), 12);
  });

  it("refuses forms and deadlines that could not work", () => {
    const raw = readJson("starter", "exchanges", "regimes.json") as { regimes: Record<string, unknown>[] };
    const broken = structuredClone(raw);
    const unasur = broken.regimes[0] as {
      deadline: Record<string, unknown>;
      forms: { totals: unknown[]; version: number }[];
    };
    unasur.deadline.month = 2;
    unasur.deadline.day = 29;
    unasur.forms[0]?.totals.push({ field: "gdp", of: ["nowhere"] });
    const un = broken.regimes[1] as { deadline: Record<string, unknown>; forms: { code: string }[] };
    un.deadline.citations = [];
    (un.forms[1] as { code: string }).code = "un-milex-standardized";
    const result = exchangeRegimesFile.safeParse(broken);
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) ?? [];
    expect(messages).toEqual(
      expect.arrayContaining([
        "regimes.0.deadline: day must be a day every year's month 2 has",
        "regimes.0.forms.0: total gdp: nowhere is not an amount, number or integer field",
        "regimes.1.deadline.citations: a deadline not assumed cites its source",
        "regimes.1.forms.1.version: two forms have this code and version",
      ]),
    );
  });
});

describe("data/starter/exchanges/returns.json", () => {
  /** UNASUR's members on a day, from the registry's starter relations. */
  function unasurMembersOn(day: string): Set<string> {
    const relations = (readJson("starter", "relations", "unasur.json") as unknown[]).map((entry) =>
      relationEntry.parse(entry),
    );
    return new Set(
      relations
        .filter((r) => r.kind === "member" && r.object === "UNASUR" && r.since <= day && (!r.until || r.until > day))
        .map((r) => r.subject),
    );
  }

  it("fits the registry's form, years and members on the publication day", () => {
    const publication = returnsFile.publications[0];
    expect(publication?.id).toBe("unasur-rsgd-2006-2010");
    const members = unasurMembersOn(publication?.published as string);
    expect(members.size).toBe(12);
    expect(publicationProblems(file, returnsFile, (code) => (code === "unasur-rsgd" ? members : undefined))).toEqual(
      [],
    );
    // Every member's first return is accounted for: six by January 2012, the rest by May.
    expect(new Set(publication?.submissions.map((s) => s.state))).toEqual(members);
  });

  it("marks every figure over the region or several years as reconstructed, and invents no state's amount", () => {
    for (const figure of returnsFile.publications.flatMap((p) => p.figures)) {
      if (figure.scope === "region" || figure.from !== figure.to) expect(figure.reconstructed).toBe(true);
      if (figure.scope !== "region") expect(figure.measure).not.toBe("amount");
    }
  });

  it("gives shares that add up as the sources round them", () => {
    const figures = returnsFile.publications.flatMap((p) => p.figures);
    const byObject = figures.filter((f) => f.measure === "share-of-total" && f.field.startsWith("expenditure.total."));
    expect(byObject.reduce((sum, f) => sum + f.value, 0)).toBeCloseTo(100, 5);
    const byState = figures.filter((f) => f.measure === "share-of-region" && f.source.startsWith("paisenvivo"));
    expect(byState.reduce((sum, f) => sum + f.value, 0)).toBeLessThanOrEqual(100);
    expect(new Set(byState.map((f) => f.scope)).size).toBe(byState.length);
  });

  it("refuses a regional figure not marked reconstructed, and a share above 100", () => {
    const raw = structuredClone(readJson("starter", "exchanges", "returns.json")) as {
      publications: { figures: Record<string, unknown>[] }[];
    };
    const figures = raw.publications[0]?.figures as Record<string, unknown>[];
    (figures[0] as Record<string, unknown>).reconstructed = false;
    const share = figures.find((f) => f.measure === "share-of-gdp") as Record<string, unknown>;
    share.value = 101;
    const result = exchangeReturnsFile.safeParse(raw);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(
      expect.arrayContaining([
        "a figure over the region or several years is an aggregate: reconstructed",
        "a percentage is at most 100",
      ]),
    );
  });
});
