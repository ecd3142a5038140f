/**
 * The audit log's rules, without I/O: the canonical JSON that entries are hashed in, the hash
 * chain, its verification, and the signed heads that let a copy kept elsewhere expose a log
 * rewritten and re-hashed. See docs/adr/0004-audit-log.md.
 */
import { createHash, createPublicKey, sign, verify, type KeyObject } from "node:crypto";

/** A value the audit log can hold and hash: JSON, with finite numbers and well-formed strings. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export class CanonicalJsonError extends Error {}

// PostgreSQL's text and jsonb cannot hold U+0000, and a lone surrogate has no UTF-8 encoding:
// either would make the stored entry differ from the one that was hashed.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding U+0000 is the point (see above)
const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The one encoding entries and heads are hashed and signed in (RFC 8785, JSON Canonicalization
 * Scheme, on the values below): object keys sorted by UTF-16 code units, no whitespace, numbers
 * as ECMAScript prints them (shortest round-trip form; -0 is 0), strings as JSON.stringify
 * escapes them. Decoding it with JSON.parse gives the value back, so distinct values never share
 * an encoding. Throws CanonicalJsonError, naming the path, on anything else: undefined,
 * functions, symbols, bigints, NaN and infinities, class instances (Date included: convert it
 * first), cycles, strings holding U+0000 or a lone surrogate.
 */
export function canonicalJson(value: unknown): string {
  return encode(value, "$", new Set());
}

function encode(value: unknown, path: string, ancestors: Set<object>): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`${path}: ${value} is not a JSON number`);
      return JSON.stringify(value);
    case "string":
      return encodeString(value, path);
    case "object":
      return encodeContainer(value, path, ancestors);
    default:
      throw new CanonicalJsonError(`${path}: ${value === undefined ? "undefined" : `a ${typeof value}`} is not JSON`);
  }
}

function encodeString(value: string, path: string): string {
  if (NUL.test(value)) throw new CanonicalJsonError(`${path}: strings cannot hold U+0000`);
  if (LONE_SURROGATE.test(value)) throw new CanonicalJsonError(`${path}: a string holds a lone surrogate`);
  return JSON.stringify(value);
}

function encodeContainer(value: object, path: string, ancestors: Set<object>): string {
  if (ancestors.has(value)) throw new CanonicalJsonError(`${path}: a cycle is not JSON`);
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      const items: string[] = [];
      // A for loop, not map: map skips holes, which must be refused like undefined.
      for (let index = 0; index < value.length; index++)
        items.push(encode(value[index], `${path}[${index}]`, ancestors));
      return `[${items.join(",")}]`;
    }
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      throw new CanonicalJsonError(
        `${path}: a ${value.constructor?.name ?? "non-plain object"} is not plain JSON (convert it first)`,
      );
    }
    if (Object.getOwnPropertySymbols(value).length > 0)
      throw new CanonicalJsonError(`${path}: symbol keys are not JSON`);
    // The default sort compares UTF-16 code units, as RFC 8785 asks.
    const keys = Object.keys(value).sort();
    const members = keys.map((key) => {
      const member = (value as Record<string, unknown>)[key];
      return `${encodeString(key, path)}:${encode(member, `${path}.${key}`, ancestors)}`;
    });
    return `{${members.join(",")}}`;
  } finally {
    ancestors.delete(value);
  }
}

/**
 * Turns what services naturally have (rows with Date columns) into audit JSON: Dates become
 * their ISO 8601 strings, as they would in JSON.stringify. Everything else is left for
 * canonicalJson to accept or refuse.
 */
export function toAuditJson(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toAuditJson);
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, toAuditJson(member)]));
  }
  return value;
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** The previous hash of the first entry, and the hash of the empty log: 32 zero bytes, hex. */
export const GENESIS_HASH = "0".repeat(64);

/** An entry's fields, as appended: everything but the chain. */
export type AuditContent = {
  id: number;
  /** ISO 8601, UTC, millisecond precision: `2026-11-23T10:15:00.123Z`. */
  at: string;
  actor: string;
  onBehalfOf: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  before: JsonValue;
  after: JsonValue;
  details: JsonValue;
  /** The organisation whose part of Concord the entry belongs to; null for Concord's own, and for entries older than this field. */
  organization: string | null;
};

/** An entry as stored: its fields, the previous entry's hash, and its own. */
export type AuditEntry = AuditContent & { previousHash: string; hash: string };

/**
 * SHA-256 (lower-case hex) of the canonical JSON of the entry's fields together with the previous
 * entry's hash. The id is hashed too, so an entry moved to another place no longer matches.
 * Fields are listed one by one: a property that is not part of the entry is never hashed. The
 * organisation came later (migration 0014): it is hashed when an entry has one, so entries
 * without one, older ones included, hash exactly as they always did.
 */
export function entryHash(previousHash: string, entry: AuditContent): string {
  return sha256(
    canonicalJson({
      previousHash,
      id: entry.id,
      at: entry.at,
      actor: entry.actor,
      onBehalfOf: entry.onBehalfOf,
      action: entry.action,
      objectType: entry.objectType,
      objectId: entry.objectId,
      before: entry.before,
      after: entry.after,
      details: entry.details,
      ...(entry.organization === null ? {} : { organization: entry.organization }),
    }),
  );
}

/** A point of the chain: the entry with this id has this hash (id 0: the empty log). */
export type ChainPoint = { entryId: number; hash: string };

/** A point the log must still contain, with words for the messages (e.g. "the signed head of …"). */
export type Checkpoint = ChainPoint & { label: string };

export type VerifyOptions = {
  /** Where to start: the entry before the first one given (default: the genesis, id 0). */
  start?: ChainPoint;
  /** Points the log must still contain: published heads. The log may have grown past them. */
  checkpoints?: Checkpoint[];
  /** Where the log must end: the chain head the database records. */
  end?: Checkpoint;
};

export type VerifyResult =
  | { ok: true; count: number; head: ChainPoint }
  | { ok: false; entryId: number; reason: string };

/**
 * Checks a chain given one entry at a time in id order, so a log of any length can be streamed
 * through it. The first failure is kept; later entries are then ignored.
 */
export class ChainVerifier {
  private last: ChainPoint;
  private count = 0;
  private failure: { entryId: number; reason: string } | undefined;
  private readonly pending: Map<number, Checkpoint[]>;

  constructor(private readonly options: VerifyOptions = {}) {
    this.last = options.start ?? { entryId: 0, hash: GENESIS_HASH };
    this.pending = new Map();
    // The end must be in the log like any checkpoint; finish() checks that nothing follows it.
    for (const checkpoint of [...(options.checkpoints ?? []), ...(options.end ? [options.end] : [])]) {
      if (checkpoint.entryId < this.last.entryId) continue; // before where we start: not ours to check
      this.pending.set(checkpoint.entryId, [...(this.pending.get(checkpoint.entryId) ?? []), checkpoint]);
    }
    this.checkCheckpoints(this.last);
  }

  /** Takes the next entry; returns false once the chain has failed (stop feeding it). */
  add(entry: AuditEntry): boolean {
    if (this.failure) return false;
    this.failure = this.check(entry);
    if (this.failure) return false;
    this.last = { entryId: entry.id, hash: entry.hash };
    this.count++;
    this.checkCheckpoints(this.last);
    return this.failure === undefined;
  }

  /** The verdict, once every entry has been added. */
  finish(): VerifyResult {
    if (this.failure) return { ok: false, ...this.failure };
    const missing = [...this.pending.values()].flat().sort((a, b) => a.entryId - b.entryId)[0];
    if (missing) {
      return {
        ok: false,
        entryId: this.last.entryId + 1,
        reason: `the log ends at entry ${this.last.entryId}, but ${missing.label} covers entry ${missing.entryId}: ${entries(this.last.entryId + 1, missing.entryId)} removed`,
      };
    }
    const end = this.options.end;
    if (end && end.entryId < this.last.entryId) {
      return {
        ok: false,
        entryId: end.entryId + 1,
        reason: `${end.label} records entry ${end.entryId} as the last, but the log goes on to entry ${this.last.entryId}: entries were added behind its back`,
      };
    }
    return { ok: true, count: this.count, head: this.last };
  }

  private check(entry: AuditEntry): { entryId: number; reason: string } | undefined {
    const expected = this.last.entryId + 1;
    if (entry.id !== expected) {
      return {
        entryId: expected,
        reason:
          entry.id > expected
            ? `entry ${expected} is missing or out of order: entry ${entry.id} follows entry ${this.last.entryId}`
            : `entry ${expected} is missing or out of order: entry ${entry.id} comes again after entry ${this.last.entryId}`,
      };
    }
    if (entryHash(entry.previousHash, entry) !== entry.hash) {
      return { entryId: entry.id, reason: `entry ${entry.id} was changed: its hash does not match its contents` };
    }
    if (entry.previousHash !== this.last.hash) {
      return {
        entryId: entry.id,
        reason: `entry ${entry.id} is missing or out of order: it does not follow entry ${this.last.entryId}, whose hash is not the one it names (entry ${this.last.entryId} was rewritten, or entries were removed or moved)`,
      };
    }
    return undefined;
  }

  private checkCheckpoints(point: ChainPoint): void {
    const due = this.pending.get(point.entryId);
    if (!due) return;
    this.pending.delete(point.entryId);
    const broken = due.find((checkpoint) => checkpoint.hash !== point.hash);
    if (broken && !this.failure) {
      this.failure = {
        entryId: point.entryId,
        reason: `entry ${point.entryId} no longer has the hash ${broken.label} recorded: the log was rewritten at or before entry ${point.entryId}`,
      };
    }
  }
}

const entries = (from: number, to: number) => (from === to ? `entry ${from} was` : `entries ${from} to ${to} were`);

/**
 * Verifies a whole chain held in memory: ids 1, 2, 3… without gaps, each hash matching its
 * entry's contents and naming the previous entry's hash, and every checkpoint still there.
 */
export function verifyChain(entries: Iterable<AuditEntry>, options: VerifyOptions = {}): VerifyResult {
  const verifier = new ChainVerifier(options);
  for (const entry of entries) if (!verifier.add(entry)) break;
  return verifier.finish();
}

/** A chain head signed with the instance's Ed25519 key: what others store to check the log against. */
export type SignedHead = {
  entryId: number;
  hash: string;
  /** ISO 8601, UTC. */
  signedAt: string;
  /** Base64 of the public key, SPKI DER. */
  publicKey: string;
  /** Base64 of the Ed25519 signature over headMessage. */
  signature: string;
};

/** The bytes a head's signature covers: the canonical JSON of {entryId, hash, signedAt}. */
export function headMessage(head: { entryId: number; hash: string; signedAt: string }): Buffer {
  return Buffer.from(canonicalJson({ entryId: head.entryId, hash: head.hash, signedAt: head.signedAt }), "utf8");
}

/** Lower-case hex SHA-256 of a public key's SPKI DER (given the key or its private half): which key, at a glance. */
export function keyFingerprint(key: KeyObject): string {
  const publicKey = key.type === "private" ? createPublicKey(key) : key;
  return createHash("sha256")
    .update(publicKey.export({ type: "spki", format: "der" }))
    .digest("hex");
}

/** Signs a chain point at a time with an Ed25519 private key. */
export function signHead(point: ChainPoint, signedAt: string, privateKey: KeyObject): SignedHead {
  const head = { entryId: point.entryId, hash: point.hash, signedAt };
  const publicKey = createPublicKey(privateKey);
  return {
    ...head,
    publicKey: publicKey.export({ type: "spki", format: "der" }).toString("base64"),
    signature: sign(null, headMessage(head), privateKey).toString("base64"),
  };
}

/**
 * Checks a signed head's signature against the public key it carries, or against `trustedKey`
 * when given (a head carrying another key is then refused). Says why when it fails.
 */
export function verifyHead(
  head: SignedHead,
  trustedKey?: KeyObject,
): { ok: true; fingerprint: string } | { ok: false; reason: string } {
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: Buffer.from(head.publicKey, "base64"), format: "der", type: "spki" });
  } catch {
    return { ok: false, reason: "its public key cannot be read" };
  }
  if (publicKey.asymmetricKeyType !== "ed25519")
    return { ok: false, reason: `its public key is ${publicKey.asymmetricKeyType}, not Ed25519` };
  const fingerprint = keyFingerprint(publicKey);
  if (trustedKey && fingerprint !== keyFingerprint(trustedKey)) {
    return {
      ok: false,
      reason: `it was signed by key ${fingerprint}, not by this instance's key ${keyFingerprint(trustedKey)}`,
    };
  }
  let valid: boolean;
  try {
    valid = verify(null, headMessage(head), publicKey, Buffer.from(head.signature, "base64"));
  } catch {
    valid = false;
  }
  return valid
    ? { ok: true, fingerprint }
    : { ok: false, reason: "its signature does not match its entry, hash and time: it was forged or altered" };
}

/**
 * What only read: entries of these actions (a list of accounts, a search of this log), and
 * refusals (object type `refusal`) of a request made with one of `READ_METHODS`. The audit view
 * hides them unless asked for, so that the changes stand out.
 */
export const READ_ACTIONS: readonly string[] = ["account.list", "account.read", "audit.read"];
export const READ_METHODS: readonly string[] = ["GET", "HEAD"];
