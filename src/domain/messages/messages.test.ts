/**
 * Every word Concord says in one language it says in all four: the catalogue's keys, the audit
 * log's actions, the chairs' labels; and every refusal a service throws comes from the catalogue.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../languages.ts";
import {
  AUDIT_ACTION_LABELS,
  auditActionLabel,
  CATALOGUES,
  CHAIR_LABELS,
  chairLabel,
  type MessageKey,
  msg,
  render,
  t,
} from "./index.ts";

const root = path.resolve(import.meta.dirname, "../../..");
const keys = Object.keys(CATALOGUES.en).sort() as MessageKey[];
const others = LANGUAGES.filter((lang) => lang !== "en");

/** Parameters that answer any name with a token that must come through: `⟨name⟩`. */
const tokens = new Proxy({}, { get: (_target, name) => (typeof name === "string" ? `⟨${name}⟩` : undefined) });
/** Parameters that answer any name with a number, for the sentences that count. */
const numbers = new Proxy({}, { get: () => 2 });
const say = (lang: (typeof LANGUAGES)[number], key: MessageKey, params: object) =>
  (CATALOGUES[lang][key] as (params: object) => string)(params);

/** The TypeScript files under `dir`, tests aside. */
function sources(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts") && !file.endsWith(".d.ts"))
    .map((file) => path.join(dir, file));
}

describe("the message catalogue", () => {
  it.each(others)("has every English key in %s, and no other", (lang) => {
    expect(Object.keys(CATALOGUES[lang]).sort()).toEqual(keys);
  });

  it.each(LANGUAGES)("says something for every key in %s, whatever the parameters", (lang) => {
    const empty = keys.filter((key) => say(lang, key, tokens).trim() === "" || say(lang, key, numbers).trim() === "");
    expect(empty).toEqual([]);
    const broken = keys.filter((key) =>
      /undefined|NaN|\[object Object\]/.test(say(lang, key, tokens) + say(lang, key, numbers)),
    );
    expect(broken).toEqual([]);
  });

  it.each(others)("keeps every placeholder of the English in %s", (lang) => {
    const lost = keys.flatMap((key) => {
      const placeholders = new Set(say("en", key, tokens).match(/⟨[A-Za-z]+⟩/g) ?? []);
      const said = say(lang, key, tokens);
      return [...placeholders].filter((placeholder) => !said.includes(placeholder)).map((p) => `${key}: ${p}`);
    });
    expect(lost).toEqual([]);
  });

  it.each(others)("translates the words, not only the placeholders, in %s", (lang) => {
    // A sentence the same as the English is most likely an untranslated copy; a code, a heading
    // such as "Id", or a word the languages share is listed here.
    const same = keys.filter((key) => say(lang, key, tokens) === say("en", key, tokens));
    const shared = same.filter(
      (key) =>
        // "regime" is Portuguese too, "participants" French.
        !/^exchanges\.(cli\.column\.regime|status\.participants)$/.test(key) &&
        // "version" is French too.
        !/^documents\.cli\.column\.version$/.test(key) &&
        !/^cli\.(column\.(id|code|sources|relation|position|positions|certainty|kind|name|of|object|title|procedure|deadline|round|body|state|status|since|until)|procedure\.(unilateral|consensus|silence)|field\.|rounds|extension|attachment|as_of|status\.|search_kind\.source)/.test(
          key,
        ),
    );
    expect(shared).toEqual([]);
  });

  it("renders a message's parameters that are messages, or names, in the same language", () => {
    const refusal = msg("auth.role_forbids", {
      what: msg("activity.opening_proposals_in", {
        body: { en: "Council", es: "Consejo", pt: "Conselho", fr: "Conseil" },
      }),
    });
    expect(render("en", refusal)).toBe("Your role does not allow opening proposals in Council.");
    expect(render("es", refusal)).toBe("Su función no permite abrir propuestas en Consejo.");
    expect(render("fr", refusal)).toContain("Conseil");
    expect(t("pt", "registry.relation_not_found", { id: 7 })).toBe("Nenhuma relação tem o id 7.");
  });
});

describe("the audit log's actions", () => {
  const actions = Object.keys(AUDIT_ACTION_LABELS.en).sort();

  it.each(others)("are all named in %s", (lang) => {
    expect(Object.keys(AUDIT_ACTION_LABELS[lang]).sort()).toEqual(actions);
    for (const action of actions) expect(auditActionLabel(action, lang).trim()).not.toBe("");
  });

  it("name every action the services record (an action added without a name fails here)", () => {
    const recorded = new Set<string>();
    for (const file of sources("src")) {
      const text = fs.readFileSync(path.join(root, file), "utf8");
      for (const line of text.matchAll(/\baction: ([^,\n]*)/g))
        for (const [, action] of (line[1] ?? "").matchAll(/"([a-z-]+\.[a-z-]+)"/g)) if (action) recorded.add(action);
    }
    // Refusals are recorded under their kind (src/services/audit/refusals.ts, RefusalKind).
    const refusals = fs.readFileSync(path.join(root, "src/services/audit/refusals.ts"), "utf8");
    for (const [, kind] of refusals.matchAll(/\| "([a-z-]+\.[a-z-]+)"/g)) if (kind) recorded.add(kind);
    expect(recorded.size).toBeGreaterThan(30);
    expect([...recorded].filter((action) => !(action in AUDIT_ACTION_LABELS.en))).toEqual([]);
  });

  it("shows an action it does not know as its code", () => {
    expect(auditActionLabel("notice.file", "es")).toBe("Notificación presentada");
    expect(auditActionLabel("something.new", "fr")).toBe("something.new");
  });
});

describe("the chairs' labels", () => {
  it("cover every chair of the starter data's bodies, in every language", () => {
    const { bodies } = JSON.parse(fs.readFileSync(path.join(root, "data/starter/decisions/bodies.json"), "utf8")) as {
      bodies: Array<{ chair: string }>;
    };
    for (const { chair } of bodies) {
      expect(Object.keys(CHAIR_LABELS)).toContain(chair);
      for (const lang of LANGUAGES) expect(chairLabel(chair, lang).trim()).not.toBe("");
    }
    expect(chairLabel("Secretary General", "fr")).toBe("Secrétaire général");
    expect(chairLabel("A chair someone typed", "es")).toBe("A chair someone typed");
  });
});

describe("the refusals services throw", () => {
  const REFUSALS =
    /new (?:NotFound|Hidden|InvalidRequest|Conflict|Unauthenticated|Forbidden|RateLimited)Error\(\s*[`"']|new OidcSignInError\(\s*\d{3},\s*"[a-z_]+",\s*[`"']|\bauthorize\(\s*[^;]*?,\s*[`"'][^`"']*[`"']\s*[,)]|super\(\s*\d{3},\s*"[a-z_]+",\s*[`"']/g;

  it("come from the catalogue: no refusal is thrown as English text", () => {
    const offending = sources("src/services").flatMap((file) => {
      const text = fs.readFileSync(path.join(root, file), "utf8");
      return [...text.matchAll(REFUSALS)].map((match) => `${file}: ${match[0].replace(/\s+/g, " ")}`);
    });
    expect(offending).toEqual([]);
  });

  it("name only keys the catalogue has", () => {
    const used = new Set<string>();
    for (const file of [
      ...sources("src/services"),
      ...sources("src/api"),
      ...sources("src/cli"),
      ...sources("src/domain"),
    ]) {
      const text = fs.readFileSync(path.join(root, file), "utf8");
      for (const [, key] of text.matchAll(/\b(?:msg|t)\((?:[a-z.]+, )?"([a-z_]+\.[a-z_.-]+)"/g)) if (key) used.add(key);
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((key) => !(key in CATALOGUES.en))).toEqual([]);
  });
});
