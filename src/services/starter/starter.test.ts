/**
 * The starter data set is data people will cite: these tests hold it to that standard.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { dataFile } from "../../../test/support/data-files.ts";
import { parsePartialDate } from "../../domain/dates.ts";
import { readStarterData, StarterDataError, type StarterData } from "./load.ts";

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

let data: StarterData;
beforeAll(async () => {
  data = await readStarterData();
});

describe("the starter data set", () => {
  it("has all 32 NATO members with their accession dates", () => {
    const members = data.relations.filter((relation) => relation.object === "NATO" && relation.kind === "member");
    expect(members).toHaveLength(32);
    const since = Object.fromEntries(members.map((relation) => [relation.subject, relation.since]));
    expect(since).toMatchObject({
      BEL: "1949-04-04",
      USA: "1949-04-04",
      GRC: "1952-02-18",
      DEU: "1955-05-06",
      ESP: "1982-05-30",
      BGR: "2004-03-29",
      MKD: "2020-03-27",
      FIN: "2023-04-04",
      SWE: "2024-03-07",
    });
  });

  it("has the NATO partnership frameworks and the US Major Non-NATO Allies", () => {
    expect(
      data.frameworks
        .filter((framework) => framework.organization === "NATO")
        .map((framework) => framework.slug)
        .sort(),
    ).toEqual(["istanbul-cooperation-initiative", "mediterranean-dialogue", "partners-across-the-globe", "pfp"]);
    const mnna = data.relations.filter((relation) => relation.designation === "major-non-nato-ally");
    expect(mnna.every((relation) => relation.object === "USA" && relation.kind === "designation")).toBe(true);
    expect(mnna.map((relation) => relation.subject)).toEqual(
      expect.arrayContaining(["ARG", "BRA", "COL", "AUS", "JPN", "KEN"]),
    );
  });

  it("covers the Latin American bodies", () => {
    for (const organization of ["UNASUR", "PROSUR", "MERCOSUR", "ALBA", "CELAC", "OAS"]) {
      expect(
        data.relations.some((relation) => relation.object === organization),
        organization,
      ).toBe(true);
    }
    expect(data.relations.some((relation) => relation.object === "UNASUR" && relation.kind === "suspended")).toBe(true);
  });

  it("cites at least one known source for every relation", () => {
    const sources = new Set(data.sources.map((source) => source.id));
    for (const relation of data.relations) {
      expect(relation.claims.length, `${relation.file}[${relation.index}]`).toBeGreaterThan(0);
      for (const claim of relation.claims) expect(sources.has(claim.source)).toBe(true);
    }
  });

  it("quotes the held source documents verbatim", () => {
    const held = data.sources.filter((source) => source.file);
    expect(held).toHaveLength(5);
    const texts = new Map(
      held.map((source) => [source.id, collapse(fs.readFileSync(dataFile("sources", source.file!), "utf8"))]),
    );
    let quotes = 0;
    for (const relation of data.relations) {
      for (const claim of relation.claims) {
        const text = texts.get(claim.source);
        if (!text) continue;
        expect(claim.quote, `${relation.file}[${relation.index}] cites ${claim.source} without a quote`).toBeTruthy();
        expect(
          text.includes(collapse(claim.quote!)),
          `${relation.file}[${relation.index}]: "${claim.quote}" is not in ${claim.source}`,
        ).toBe(true);
        quotes += 1;
      }
    }
    expect(quotes).toBeGreaterThan(20);
  });

  it("keeps Colombia's disputed partnership with both competing claims", () => {
    const colombia = data.relations.find(
      (relation) => relation.subject === "COL" && relation.object === "NATO" && relation.kind === "partner",
    );
    expect(colombia?.certainty).toBe("disputed");
    const asserted = colombia!.claims.filter((claim) => claim.field === "since").map((claim) => claim.date);
    expect(asserted).toEqual(expect.arrayContaining(["2017-05", "2018-05", "2018-05-31"]));
  });

  it("flags uncertain facts, and gives each a note saying why", () => {
    const uncertain = data.relations.filter((relation) => relation.certainty !== "confirmed");
    expect(uncertain.length).toBeGreaterThan(0);
    for (const relation of uncertain) expect(relation.note, `${relation.file}[${relation.index}]`).toBeTruthy();
  });

  it("uses only well-formed dates", () => {
    for (const relation of data.relations) {
      expect(parsePartialDate(relation.since)).toBeDefined();
      if (relation.until)
        expect(
          relation.until > relation.since ||
            parsePartialDate(relation.until)!.date > parsePartialDate(relation.since)!.date,
        ).toBe(true);
    }
  });
});

describe("readStarterData", () => {
  it("refuses a broken data set, naming every problem with its file and place, before writing anything", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "concord-starter-"));
    try {
      const real = path.resolve(import.meta.dirname, "../../../data");
      fs.mkdirSync(path.join(dir, "starter/relations"), { recursive: true });
      fs.copyFileSync(path.join(real, "countries.json"), path.join(dir, "countries.json"));
      for (const file of ["sources.json", "organizations.json", "frameworks.json"]) {
        fs.copyFileSync(path.join(real, "starter", file), path.join(dir, "starter", file));
      }
      const claim = [{ source: "nato-member-countries" }];
      const write = (file: string, relations: unknown[]) =>
        fs.writeFileSync(path.join(dir, "starter/relations", file), JSON.stringify(relations));
      write("format.json", [
        { subject: "BGR", object: "NATO", kind: "member", since: "2004-02-30", claims: claim },
        { subject: "SVK", object: "NATO", kind: "member", since: "2004-03-29", claims: [] },
      ]);
      write("references.json", [
        { subject: "XXX", object: "NATO", kind: "member", since: "2004-03-29", claims: claim },
        { subject: "ROU", object: "NATO", kind: "member", since: "2004-03-29", claims: claim },
        { subject: "ROU", object: "NATO", kind: "member", since: "2010", claims: claim },
        {
          subject: "COL",
          object: "NATO",
          kind: "partner",
          framework: "nope",
          since: "2018",
          claims: [{ source: "nobody" }],
        },
      ]);
      const error = await readStarterData(dir).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StarterDataError);
      const message = (error as Error).message;
      expect(message).toContain("starter/relations/format.json at [0].[since]: must be a real date");
      expect(message).toContain(
        "starter/relations/format.json at [1].[claims]: every relation cites at least one source",
      );
      expect(message).toContain("starter/relations/references.json at [0] (XXX member NATO): unknown actor XXX");
      expect(message).toMatch(/references\.json at \[2\] \(ROU member NATO\): overlaps .*references\.json at \[1\]/);
      expect(message).toContain('NATO has no framework "nope"');
      expect(message).toContain('cites unknown source "nobody"');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
