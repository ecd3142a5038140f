import { describe, expect, it } from "vitest";
import { apaCitation, type CitableSource, chicagoCitation, citation, stableLink } from "./citations.ts";

const accession: CitableSource = {
  title: "Press release (2004) 048: Accession of seven new members",
  publisher: "NATO",
  published: "2004-03-29",
  publishedPrecision: "day",
  url: "https://www.nato.int/docu/pr/2004/p04-048e.htm",
  archive: null,
};

describe("apaCitation", () => {
  it("gives author, date, title and URL, the URL without a period", () => {
    expect(apaCitation(accession)).toBe(
      "NATO. (2004, March 29). Press release (2004) 048: Accession of seven new members. https://www.nato.int/docu/pr/2004/p04-048e.htm",
    );
  });

  it("puts the locator after the title", () => {
    expect(apaCitation(accession, "para. 2")).toBe(
      "NATO. (2004, March 29). Press release (2004) 048: Accession of seven new members (para. 2). https://www.nato.int/docu/pr/2004/p04-048e.htm",
    );
  });

  it("writes the date at its precision, n.d. without one, and the archive reference without a URL", () => {
    const treaty: CitableSource = {
      title: "North Atlantic Treaty",
      publisher: "United Nations",
      published: "1949-04-01",
      publishedPrecision: "month",
      url: null,
      archive: "United Nations Treaty Series, vol. 34, no. 541",
    };
    expect(apaCitation(treaty)).toBe(
      "United Nations. (1949, April). North Atlantic Treaty. United Nations Treaty Series, vol. 34, no. 541.",
    );
    expect(apaCitation({ ...treaty, published: "1949-01-01", publishedPrecision: "year" })).toContain("(1949).");
    expect(apaCitation({ ...treaty, published: null, publishedPrecision: null, archive: null })).toBe(
      "United Nations. (n.d.). North Atlantic Treaty.",
    );
  });

  it("does not double the final punctuation", () => {
    expect(apaCitation({ ...accession, title: "Who joined?", publisher: "Example Inc.", url: null })).toBe(
      "Example Inc. (2004, March 29). Who joined?",
    );
  });
});

describe("chicagoCitation", () => {
  it("gives author, quoted title with the period inside, date and URL", () => {
    expect(chicagoCitation(accession)).toBe(
      "NATO. “Press release (2004) 048: Accession of seven new members.” March 29, 2004. https://www.nato.int/docu/pr/2004/p04-048e.htm.",
    );
  });

  it("puts the locator after the date", () => {
    expect(chicagoCitation(accession, "p. 3")).toBe(
      "NATO. “Press release (2004) 048: Accession of seven new members.” March 29, 2004, p. 3. https://www.nato.int/docu/pr/2004/p04-048e.htm.",
    );
  });

  it("writes a month, a year or n.d., and the archive reference without a URL", () => {
    const source: CitableSource = { ...accession, url: null, archive: "UNTS vol. 34", publishedPrecision: "month" };
    expect(chicagoCitation(source)).toBe(
      "NATO. “Press release (2004) 048: Accession of seven new members.” March 2004. UNTS vol. 34.",
    );
    expect(chicagoCitation({ ...source, publishedPrecision: "year" })).toContain("” 2004.");
    expect(chicagoCitation({ ...source, published: null, publishedPrecision: null, archive: null })).toBe(
      "NATO. “Press release (2004) 048: Accession of seven new members.” n.d.",
    );
  });

  it("keeps a title's own question mark inside the quotation marks", () => {
    expect(chicagoCitation({ ...accession, title: "Who joined?", url: null })).toBe(
      "NATO. “Who joined?” March 29, 2004.",
    );
  });
});

describe("citation", () => {
  it("chooses the style", () => {
    expect(citation("apa", accession)).toBe(apaCitation(accession));
    expect(citation("chicago", accession, "p. 1")).toBe(chicagoCitation(accession, "p. 1"));
  });
});

describe("stableLink", () => {
  it("sets the date, keeps the other parameters and drops the fragment", () => {
    expect(stableLink("https://concord.example/organizations/NATO?kind=member#x", "2004-03-29")).toBe(
      "https://concord.example/organizations/NATO?kind=member&at=2004-03-29",
    );
    expect(stableLink("https://concord.example/actors/DEU?at=1990-10-03", "2004-03-29")).toBe(
      "https://concord.example/actors/DEU?at=2004-03-29",
    );
  });
});
