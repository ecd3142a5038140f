import { describe, expect, it } from "vitest";
import { matchRoute } from "../../lib/router.ts";
import {
  chosenVersion,
  defaultPolicy,
  draftCategories,
  emptyDraft,
  fieldOfProblem,
  filtersFrom,
  formatSize,
  labelMessage,
  labelOf,
  libraryHref,
  libraryParams,
  parseCodes,
  rankOf,
  reasonMessage,
  suggestedCodes,
  textIn,
  toneOf,
} from "./logic.ts";
import type { SecurityPolicy } from "./types.ts";

const NATO: SecurityPolicy = {
  id: "urn:oid:1.3.26.1.3.1",
  name: "NATO",
  organization: "NATO",
  version: 1,
  classifications: [
    { name: "NATO UNCLASSIFIED", rank: 0, marking: "NATO UNCLASSIFIED" },
    { name: "NATO RESTRICTED", rank: 1, marking: "NATO RESTRICTED" },
    { name: "NATO CONFIDENTIAL", rank: 2, marking: "NATO CONFIDENTIAL" },
    { name: "NATO SECRET", rank: 3, marking: "NATO SECRET" },
    { name: "COSMIC TOP SECRET", rank: 4, marking: "COSMIC TOP SECRET" },
  ],
  categories: [
    { tagName: "Releasable To", type: "permissive", uri: "urn:x:rel", markingPhrase: "Releasable to", values: null },
    {
      tagName: "Additional Sensitivity",
      type: "restrictive",
      uri: "urn:x:as",
      markingPhrase: "",
      values: ["ATOMAL", "CRYPTO"],
    },
  ],
  groups: {
    EAPC: [
      { organization: "NATO", kind: "member" },
      { organization: "NATO", kind: "partner", framework: "pfp" },
    ],
  },
};

describe("the documents pages' logic", () => {
  it("routes the library, a document, the upload form and the clearances", () => {
    expect(matchRoute("/documents")).toEqual({ name: "documents" });
    expect(matchRoute("/documents/new")).toEqual({ name: "documentUpload" });
    expect(matchRoute("/documents/clearances")).toEqual({ name: "clearances" });
    expect(matchRoute("/documents/42")).toEqual({ name: "document", id: "42" });
  });

  it("shows a text in the reader's language, else the first language that has it", () => {
    expect(textIn({ en: "Report", es: "Informe" }, "es")).toEqual({ text: "Informe", lang: "es" });
    expect(textIn({ fr: "Rapport", pt: "Relatório" }, "es")).toEqual({ text: "Relatório", lang: "pt" });
    expect(textIn({ en: "  " }, "en")).toBeNull();
  });

  it("starts a label from the library's own policy", () => {
    const unasur: SecurityPolicy = { ...NATO, id: "urn:concord:policy:UNASUR", name: "UNASUR", organization: "UNASUR" };
    expect(defaultPolicy([unasur, NATO], "NATO")?.id).toBe(NATO.id);
    expect(defaultPolicy([unasur, NATO], "OAS")?.id).toBe(unasur.id);
    expect(defaultPolicy([], "NATO")).toBeUndefined();
  });

  it("ranks a label in its policy and colours an unknown classification as the highest", () => {
    expect(rankOf([NATO], { policy: NATO.id, classification: "NATO SECRET" })).toBe(3);
    expect(rankOf([NATO], { policy: "urn:other", classification: "NATO SECRET" })).toBeUndefined();
    expect(toneOf(0)).toBe(0);
    expect(toneOf(7)).toBe(4);
    expect(toneOf(undefined)).toBe(4);
  });

  it("reads and writes the library's filters in the address, leaving out what is malformed", () => {
    const filters = filtersFrom(new URLSearchParams("q=budget&policy=urn:oid:1.3.26.1.3.1&maxRank=x&value=COL"));
    expect(filters).toEqual({ q: "budget", policy: "urn:oid:1.3.26.1.3.1", maxRank: "", value: "COL" });
    expect(libraryHref({ ...filters, maxRank: "2" })).toBe(
      "/documents?q=budget&policy=urn%3Aoid%3A1.3.26.1.3.1&maxRank=2&value=COL",
    );
    expect(libraryParams({ q: " ", policy: "", maxRank: "", value: "" }, "abc", 25)).toEqual({
      limit: "25",
      after: "abc",
    });
  });

  it("reads typed codes as the registry writes them, each once", () => {
    expect(parseCodes("col, nato:Partners;NATO  COL")).toEqual(["COL", "NATO:partners", "NATO"]);
    expect(parseCodes(" ")).toEqual([]);
    expect(suggestedCodes(NATO)).toEqual([
      "NATO",
      "NATO:partners",
      "NATO:partners-across-the-globe",
      "EAPC",
      "NATO:pfp",
    ]);
  });

  it("makes the label of a draft: its categories in the policy's order, a downgrade, the XML as pasted", () => {
    const draft = {
      ...emptyDraft(NATO),
      classification: "NATO SECRET",
      chosen: { "Additional Sensitivity": ["CRYPTO"] },
      typed: { "Releasable To": "NATO, col" },
      successionFrom: "2030-01-01",
      successionClassification: "NATO RESTRICTED",
    };
    expect(emptyDraft(NATO).typed).toEqual({ "Releasable To": "NATO" });
    expect(draftCategories(draft, NATO)).toEqual([
      { tagName: "Releasable To", type: "permissive", values: ["NATO", "COL"] },
      { tagName: "Additional Sensitivity", type: "restrictive", values: ["CRYPTO"] },
    ]);
    const label = labelOf(draft, NATO, new Date("2026-03-01T09:30:00.123Z"));
    expect(label).toMatchObject({
      policy: NATO.id,
      classification: "NATO SECRET",
      creationTime: "2026-03-01T09:30:00Z",
      originator: null,
      reviewDate: null,
      succession: [{ from: "2030-01-01", label: { classification: "NATO RESTRICTED", succession: [] } }],
    });
    expect(labelOf({ ...draft, mode: "xml", xml: "  <x/> " }, NATO)).toBe("<x/>");
    expect(labelOf({ ...draft, mode: "xml", xml: "" }, NATO)).toBeNull();
  });

  it("puts a label's problem under the field that says it", () => {
    const draft = emptyDraft(NATO);
    const categories = draftCategories({ ...draft, typed: { "Releasable To": "NATO" } }, NATO);
    expect(fieldOfProblem("categories[0].values[0]", draft, categories)).toBe("category:Releasable To");
    expect(fieldOfProblem("succession[0].from", draft, categories)).toBe("successionFrom");
    expect(fieldOfProblem("succession[0].label.classification", draft, categories)).toBe("successionClassification");
    expect(fieldOfProblem("classification", draft, categories)).toBe("classification");
    expect(fieldOfProblem("creationTime", draft, categories)).toBe("label");
    expect(fieldOfProblem("classification", { ...draft, mode: "xml" }, categories)).toBe("xml");
  });

  it("says the label catalogue's messages and reasons in the reader's language", () => {
    expect(labelMessage("es", { key: "labels.problem.day", params: { value: "2026-02-30" } })).toBe(
      '"2026-02-30" no es un día real escrito AAAA-MM-DD.',
    );
    expect(
      labelMessage("en", {
        key: "labels.problem.category_type",
        params: {
          tagName: "Releasable To",
          type: { key: "labels.type.restrictive" },
          expected: { key: "labels.type.permissive" },
        },
      }),
    ).toBe("Releasable To is a permissive category in its policy, not a restrictive category.");
    expect(labelMessage("en", { key: "no.such.key" })).toBeNull();
    expect(reasonMessage("fr", { kind: "outside-category", tagName: "Releasable To", values: ["NATO"] })).toContain(
      "NATO",
    );
    expect(reasonMessage("en", { kind: "clearance-missing", needed: "NATO SECRET", neededRank: 3 })).toContain(
      "NATO SECRET",
    );
    expect(reasonMessage("en", { kind: "other-organisation" })).toBeNull();
  });

  it("chooses the version asked for, else the current one", () => {
    const versions = [{ version: 1 }, { version: 3 }];
    expect(chosenVersion(versions, "1", 3)?.version).toBe(1);
    expect(chosenVersion(versions, "2", 3)?.version).toBe(3);
    expect(chosenVersion(versions, null, 4)?.version).toBe(3);
  });

  it("says sizes in the reader's notation", () => {
    expect(formatSize(812, "en-GB")).toBe("0.8 kB");
    expect(formatSize(12, "en-GB")).toBe("0.1 kB");
    expect(formatSize(14_200, "en-GB")).toBe("14.2 kB");
    expect(formatSize(3_100_000, "fr")).toBe("3,1\u202fMo");
  });
});
