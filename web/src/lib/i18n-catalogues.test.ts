/**
 * The web app's text in every language: each catalogue under web/src/i18n (the main one and the
 * signed-in chunks) has the same keys, the same kind of entry under each (text, a function of
 * its values, a group), and no text left empty that English says, in en, es, pt and fr. Found by path, so a catalogue
 * added later is compared too.
 */
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../../../src/domain/languages.ts";

const modules = import.meta.glob<Record<string, unknown>>("../i18n/**/{en,es,pt,fr}.ts", { eager: true });

/** Each catalogue folder's four catalogues, by language. */
const folders = new Map<string, Map<string, unknown>>();
for (const [file, exports] of Object.entries(modules)) {
  const match = /^(.*)\/(en|es|pt|fr)\.ts$/.exec(file);
  if (!match) continue;
  const [, folder = "", lang = ""] = match;
  const catalogue = exports[lang];
  const byLanguage = folders.get(folder) ?? new Map<string, unknown>();
  byLanguage.set(lang, catalogue);
  folders.set(folder, byLanguage);
}

/** Every entry's path and kind: `statuses.open: text`, `timeLeft: function`. */
function shape(value: unknown, prefix = ""): string[] {
  if (typeof value === "function") return [`${prefix}: function`];
  if (typeof value === "string") return [`${prefix}: text`];
  if (Array.isArray(value)) return [`${prefix}: list of ${value.length}`];
  if (typeof value === "object" && value !== null)
    return Object.entries(value)
      .flatMap(([key, entry]) => shape(entry, prefix ? `${prefix}.${key}` : key))
      .sort();
  return [`${prefix}: ${typeof value}`];
}

function emptyTexts(value: unknown, prefix = ""): string[] {
  if (typeof value === "string") return value.trim() === "" ? [prefix] : [];
  if (typeof value === "object" && value !== null && !Array.isArray(value))
    return Object.entries(value).flatMap(([key, entry]) => emptyTexts(entry, prefix ? `${prefix}.${key}` : key));
  return [];
}

describe("the web app's catalogues", () => {
  it("are found: the main one, the accounts', the decisions', the programmes', cooperation's, the disputes', the documents' and the exchanges'", () => {
    expect([...folders.keys()].sort()).toEqual([
      "../i18n",
      "../i18n/accounts",
      "../i18n/cooperation",
      "../i18n/decisions",
      "../i18n/disputes",
      "../i18n/documents",
      "../i18n/exchanges",
      "../i18n/programmes",
    ]);
    for (const byLanguage of folders.values()) expect([...byLanguage.keys()].sort()).toEqual([...LANGUAGES].sort());
  });

  for (const [folder, byLanguage] of folders) {
    const english = shape(byLanguage.get("en"));
    it(`${folder}: has entries at all`, () => {
      expect(english.length).toBeGreaterThan(10);
    });
    for (const lang of LANGUAGES.filter((lang) => lang !== "en")) {
      it(`${folder}: ${lang} has every English key, of the same kind, and no other`, () => {
        expect(shape(byLanguage.get(lang))).toEqual(english);
      });
    }
    // An entry left empty on purpose (an unchanged field in the audit view says nothing) is empty
    // in every language; any other is written in every language.
    const emptyInEnglish = emptyTexts(byLanguage.get("en"));
    for (const lang of LANGUAGES.filter((lang) => lang !== "en")) {
      it(`${folder}: ${lang} leaves empty only what English leaves empty`, () => {
        expect(emptyTexts(byLanguage.get(lang))).toEqual(emptyInEnglish);
      });
    }
  }
});
