import { createHash } from "node:crypto";
import { generateKeyPairSync } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  canonicalJson,
  CanonicalJsonError,
  entryHash,
  GENESIS_HASH,
  signHead,
  toAuditJson,
  verifyChain,
  verifyHead,
  type AuditContent,
  type AuditEntry,
  type JsonValue,
} from "./audit.ts";

/** JSON values the log accepts: any JSON, with full Unicode strings, minus U+0000. */
const json: fc.Arbitrary<JsonValue> = fc
  .jsonValue({ stringUnit: "grapheme", maxDepth: 4 })
  .filter((value) => !JSON.stringify(value).includes("\\u0000")) as fc.Arbitrary<JsonValue>;

/** The same value with every object's keys in another (seeded, shuffled) order. */
function reorderKeys(value: JsonValue, seed: number): JsonValue {
  if (Array.isArray(value)) return value.map((item) => reorderKeys(item, seed));
  if (value === null || typeof value !== "object") return value;
  const keys = Object.keys(value);
  // A deterministic shuffle: sort by a hash of key and seed.
  const score = (key: string) => [...key].reduce((h, c) => (h * 31 + c.codePointAt(0)! + seed) | 0, seed);
  const shuffled = [...keys].sort((a, b) => score(a) - score(b));
  // fromEntries defines own properties: assigning result["__proto__"] would set the prototype instead.
  return Object.fromEntries(shuffled.map((key) => [key, reorderKeys(value[key]!, seed)]));
}

/** -0 and 0 are one JSON number (PostgreSQL's jsonb keeps neither apart): compare them as one. */
const withoutNegativeZero = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe("canonicalJson", () => {
  it("does not depend on the order of keys", () => {
    fc.assert(
      fc.property(json, fc.integer(), (value, seed) => {
        expect(canonicalJson(reorderKeys(value, seed))).toBe(canonicalJson(value));
      }),
    );
  });

  it("decodes back to the value with JSON.parse, so distinct values never share an encoding", () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(isDeepStrictEqual(JSON.parse(canonicalJson(value)), withoutNegativeZero(value))).toBe(true);
      }),
    );
  });

  it("gives two values the same encoding exactly when they are equal", () => {
    const pair = json.chain((a) =>
      fc.tuple(
        fc.constant(a),
        fc.oneof(
          json,
          fc.constant(a),
          fc.integer().map((seed) => reorderKeys(a, seed)),
        ),
      ),
    );
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expect(canonicalJson(a) === canonicalJson(b)).toBe(
          isDeepStrictEqual(withoutNegativeZero(a), withoutNegativeZero(b)),
        );
      }),
    );
  });

  it("is its own fixed point: no whitespace, sorted keys", () => {
    fc.assert(
      fc.property(json, (value) => {
        const once = canonicalJson(value);
        expect(canonicalJson(JSON.parse(once))).toBe(once);
      }),
    );
  });

  it("sorts keys by UTF-16 code units and prints numbers as ECMAScript does (RFC 8785)", () => {
    expect(canonicalJson({ b: 1, a: [1, "x", null, true], 10: 0, 2: 0 })).toBe(
      '{"10":0,"2":0,"a":[1,"x",null,true],"b":1}',
    );
    // U+1F600 is the surrogate pair D83D DE00: before U+FFFF in code units, after it in code points.
    expect(canonicalJson({ "\uFFFF": 1, "\u{1F600}": 2 })).toBe('{"\u{1F600}":2,"\uFFFF":1}');
    expect(canonicalJson([1e21, 1e-7, 0.1, -0, 123.456, -5e-324])).toBe("[1e+21,1e-7,0.1,0,123.456,-5e-324]");
    expect(canonicalJson({ text: 'line\n"quoted" \u2028 é' })).toBe('{"text":"line\\n\\"quoted\\" \u2028 é"}');
  });

  it("refuses what is not JSON, naming where it is", () => {
    const refused: Array<[unknown, RegExp]> = [
      [{ after: { since: undefined } }, /\$\.after\.since: undefined is not JSON/],
      // biome-ignore lint/suspicious/noSparseArray: a hole in an array is the case under test
      [[1, , 3], /\$\[1\]: undefined is not JSON/],
      [{ f: () => 1 }, /\$\.f: a function is not JSON/],
      [Symbol("s"), /a symbol is not JSON/],
      [10n, /a bigint is not JSON/],
      [{ n: NaN }, /\$\.n: NaN is not a JSON number/],
      [[Infinity], /Infinity is not a JSON number/],
      [{ at: new Date(0) }, /\$\.at: a Date is not plain JSON/],
      [new Map(), /a Map is not plain JSON/],
      ["a\u0000b", /cannot hold U\+0000/],
      ["\uD800", /lone surrogate/],
      [{ "\uDC00": 1 }, /lone surrogate/],
      [{ [Symbol("k")]: 1 }, /symbol keys/],
    ];
    for (const [value, message] of refused) expect(() => canonicalJson(value)).toThrow(message);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => canonicalJson(cycle)).toThrow(CanonicalJsonError);
    // A value seen twice without a cycle is fine.
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });

  it("toAuditJson turns Dates into ISO strings, deep inside too", () => {
    expect(canonicalJson(toAuditJson({ at: new Date(0), list: [{ d: new Date(1000) }] }))).toBe(
      '{"at":"1970-01-01T00:00:00.000Z","list":[{"d":"1970-01-01T00:00:01.000Z"}]}',
    );
  });
});

const isoTime = fc
  .date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true })
  .map((date) => date.toISOString());
const text = fc.string({ minLength: 1, maxLength: 12 });

const content: fc.Arbitrary<Omit<AuditContent, "id">> = fc.record({
  at: isoTime,
  actor: text,
  onBehalfOf: fc.option(text, { nil: null }),
  action: text,
  objectType: text,
  objectId: fc.option(text, { nil: null }),
  before: json,
  after: json,
  details: json,
  organization: fc.option(fc.constantFrom("NATO", "UNASUR", "OAS"), { nil: null }),
});

/** Appends contents after `from` (the genesis by default), as the log does. */
function buildChain(contents: Array<Omit<AuditContent, "id">>, from: AuditEntry[] = []): AuditEntry[] {
  const chain = [...from];
  for (const fields of contents) {
    const previousHash = chain.at(-1)?.hash ?? GENESIS_HASH;
    const entry: AuditContent = { id: chain.length + 1, ...fields };
    chain.push({ ...entry, previousHash, hash: entryHash(previousHash, entry) });
  }
  return chain;
}

const chain = fc.array(content, { minLength: 1, maxLength: 10 }).map((contents) => buildChain(contents));

const FIELDS = [
  "id",
  "at",
  "actor",
  "onBehalfOf",
  "action",
  "objectType",
  "objectId",
  "before",
  "after",
  "details",
  "organization",
  "previousHash",
  "hash",
] as const;

/** A value for the field that differs from the one it has. */
function changed(entry: AuditEntry, field: (typeof FIELDS)[number], salt: number): AuditEntry {
  const flipHex = (hash: string) => hash.slice(0, -1) + (hash.endsWith("0") ? "1" : "0");
  switch (field) {
    case "id":
      return { ...entry, id: entry.id + (salt % 2 === 0 ? 1 + (salt % 5) : -1 - (salt % 5)) };
    case "at":
      return { ...entry, at: new Date(Date.parse(entry.at) + 1 + salt).toISOString() };
    case "actor":
    case "action":
    case "objectType":
      return { ...entry, [field]: `${entry[field]}x` };
    case "onBehalfOf":
    case "objectId":
    case "organization":
      return { ...entry, [field]: entry[field] === null ? "x" : salt % 2 === 0 ? null : `${entry[field]}x` };
    case "before":
    case "after":
    case "details":
      return { ...entry, [field]: salt % 2 === 0 ? [entry[field]] : { was: entry[field] } };
    case "previousHash":
    case "hash":
      return { ...entry, [field]: flipHex(entry[field]) };
  }
}

describe("verifyChain", () => {
  it("accepts a chain built by appending, and reports its length and head", () => {
    fc.assert(
      fc.property(chain, (entries) => {
        expect(verifyChain(entries)).toEqual({
          ok: true,
          count: entries.length,
          head: { entryId: entries.length, hash: entries.at(-1)!.hash },
        });
      }),
    );
    expect(verifyChain([])).toEqual({ ok: true, count: 0, head: { entryId: 0, hash: GENESIS_HASH } });
  });

  it("detects any single-field change anywhere, at that entry", () => {
    fc.assert(
      fc.property(chain, fc.nat(), fc.constantFrom(...FIELDS), fc.nat(), (entries, at, field, salt) => {
        const index = at % entries.length;
        const tampered = entries.map((entry, i) => (i === index ? changed(entry, field, salt) : entry));
        const result = verifyChain(tampered);
        expect(result).toMatchObject({ ok: false, entryId: index + 1 });
        if (!result.ok && field !== "id")
          expect(result.reason).toMatch(new RegExp(`^entry ${index + 1} (was changed|is missing or out of order)`));
      }),
    );
  });

  it("hashes an entry without an organisation as entries were hashed before organisations were recorded", () => {
    const fields = {
      id: 1,
      at: "2026-01-01T00:00:00.000Z",
      actor: "cli",
      onBehalfOf: null,
      action: "relation.create",
      objectType: "relation",
      objectId: "1",
      before: null,
      after: { kind: "member" },
      details: null,
    };
    // The encoding of migration 0003's entries, which had no organisation: their hashes stay valid.
    const before0014 = createHash("sha256")
      .update(canonicalJson({ previousHash: GENESIS_HASH, ...fields }), "utf8")
      .digest("hex");
    expect(entryHash(GENESIS_HASH, { ...fields, organization: null })).toBe(before0014);
    expect(entryHash(GENESIS_HASH, { ...fields, organization: "NATO" })).not.toBe(before0014);
  });

  it("says an entry was changed when its contents no longer match its hash", () => {
    const entries = buildChain([
      {
        at: "2026-01-01T00:00:00.000Z",
        actor: "cli",
        onBehalfOf: null,
        action: "relation.create",
        objectType: "relation",
        objectId: "1",
        before: null,
        after: { kind: "member" },
        details: null,
        organization: null,
      },
    ]);
    expect(verifyChain([{ ...entries[0]!, after: { kind: "partner" } }])).toEqual({
      ok: false,
      entryId: 1,
      reason: "entry 1 was changed: its hash does not match its contents",
    });
  });

  it("detects a removed entry at its place; the last one only against a checkpoint or the recorded end", () => {
    fc.assert(
      fc.property(
        chain.filter((entries) => entries.length >= 2),
        fc.nat(),
        (entries, at) => {
          const index = at % (entries.length - 1);
          const result = verifyChain(entries.filter((_, i) => i !== index));
          expect(result).toMatchObject({ ok: false, entryId: index + 1 });
          if (!result.ok) expect(result.reason).toContain(`entry ${index + 1} is missing or out of order`);

          const withoutLast = entries.slice(0, -1);
          const head = { entryId: entries.length, hash: entries.at(-1)!.hash };
          expect(verifyChain(withoutLast).ok).toBe(true);
          expect(verifyChain(withoutLast, { end: { ...head, label: "the chain head" } })).toMatchObject({
            ok: false,
            entryId: entries.length,
          });
          const checked = verifyChain(withoutLast, { checkpoints: [{ ...head, label: "the signed head" }] });
          expect(checked).toMatchObject({
            ok: false,
            entryId: entries.length,
            reason: `the log ends at entry ${entries.length - 1}, but the signed head covers entry ${entries.length}: entry ${entries.length} was removed`,
          });
        },
      ),
    );
  });

  it("detects two entries swapped, whole or only in content", () => {
    fc.assert(
      fc.property(
        chain.filter((entries) => entries.length >= 2),
        fc.nat(),
        fc.nat(),
        (entries, a, b) => {
          const i = a % entries.length;
          const j = (i + 1 + (b % (entries.length - 1))) % entries.length;
          const [first, second] = [Math.min(i, j), Math.max(i, j)];
          const moved = [...entries];
          [moved[first], moved[second]] = [moved[second]!, moved[first]!];
          expect(verifyChain(moved)).toMatchObject({ ok: false, entryId: first + 1 });
          const swappedContent = entries.map((entry, k) =>
            k === first
              ? { ...entries[second]!, id: entry.id }
              : k === second
                ? { ...entries[first]!, id: entry.id }
                : entry,
          );
          expect(verifyChain(swappedContent)).toMatchObject({ ok: false, entryId: first + 1 });
        },
      ),
    );
  });

  it("passes a log truncated and re-hashed from some point on, unless checked against a head taken before", () => {
    fc.assert(
      fc.property(chain, fc.nat(), fc.array(content, { minLength: 1, maxLength: 10 }), (entries, at, replacement) => {
        const keep = at % entries.length;
        const rewritten = buildChain(replacement, entries.slice(0, keep));
        fc.pre(rewritten.at(-1)!.hash !== entries.at(-1)!.hash);
        expect(verifyChain(rewritten).ok).toBe(true);
        const head = { entryId: entries.length, hash: entries.at(-1)!.hash, label: "the signed head of 2026-01-01" };
        const result = verifyChain(rewritten, { checkpoints: [head] });
        expect(result.ok).toBe(false);
        if (!result.ok)
          expect(result.reason).toMatch(
            /no longer has the hash the signed head of 2026-01-01 recorded: the log was rewritten|(was|were) removed$/,
          );
      }),
    );
  });

  it("lets the log grow past a checkpoint, and starts from a known point when asked", () => {
    fc.assert(
      fc.property(chain, fc.array(content, { maxLength: 5 }), fc.nat(), (entries, more, at) => {
        const grown = buildChain(more, entries);
        const head = { entryId: entries.length, hash: entries.at(-1)!.hash, label: "an old head" };
        expect(verifyChain(grown, { checkpoints: [head] })).toMatchObject({ ok: true, count: grown.length });
        const from = at % entries.length;
        const start = { entryId: from + 1, hash: entries[from]!.hash };
        expect(verifyChain(grown.slice(from + 1), { start })).toMatchObject({
          ok: true,
          count: grown.length - from - 1,
        });
        expect(verifyChain(grown.slice(from + 1), { start: { ...start, hash: GENESIS_HASH } }).ok).toBe(
          grown.length === from + 1,
        );
      }),
    );
  });

  it("refuses entries added behind the recorded end's back", () => {
    const entries = buildChain(fc.sample(content, 3));
    const end = { entryId: 2, hash: entries[1]!.hash, label: "the chain head" };
    expect(verifyChain(entries, { end })).toMatchObject({
      ok: false,
      entryId: 3,
      reason: expect.stringContaining("entries were added behind its back"),
    });
    expect(verifyChain(entries.slice(0, 2), { end }).ok).toBe(true);
  });
});

describe("signed heads", () => {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const other = generateKeyPairSync("ed25519");
  const hash = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Buffer.from(bytes).toString("hex"));

  it("verify what they sign, and nothing altered", () => {
    fc.assert(
      fc.property(fc.nat(), hash, isoTime, hash, (entryId, headHash, signedAt, otherHash) => {
        const head = signHead({ entryId, hash: headHash }, signedAt, privateKey);
        expect(verifyHead(head)).toMatchObject({ ok: true });
        expect(verifyHead(head, publicKey)).toMatchObject({ ok: true });
        expect(verifyHead({ ...head, entryId: entryId + 1 }).ok).toBe(false);
        fc.pre(otherHash !== headHash);
        expect(verifyHead({ ...head, hash: otherHash }).ok).toBe(false);
        expect(verifyHead({ ...head, signedAt: `${signedAt} ` }).ok).toBe(false);
      }),
      { numRuns: 50 },
    );
  });

  it("refuse a forged signature and, given the trusted key, a head signed by another key", () => {
    const head = signHead({ entryId: 7, hash: "ab".repeat(32) }, "2026-11-23T10:00:00.000Z", privateKey);
    const signature = Buffer.from(head.signature, "base64");
    signature[0]! ^= 1;
    expect(verifyHead({ ...head, signature: signature.toString("base64") })).toEqual({
      ok: false,
      reason: "its signature does not match its entry, hash and time: it was forged or altered",
    });
    const forged = signHead({ entryId: 7, hash: "cd".repeat(32) }, head.signedAt, other.privateKey);
    expect(verifyHead(forged).ok).toBe(true); // self-consistent…
    expect(verifyHead(forged, publicKey)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("not by this instance's key"),
    }); // …but not ours
    expect(
      verifyHead({ ...head, publicKey: other.publicKey.export({ type: "spki", format: "der" }).toString("base64") }).ok,
    ).toBe(false);
    expect(verifyHead({ ...head, publicKey: "bm90IGEga2V5" })).toEqual({
      ok: false,
      reason: "its public key cannot be read",
    });
  });
});
