/**
 * The instance's Ed25519 key for signing audit heads.
 *
 * It lives in a file, never in the database, on purpose: the signed heads exist to catch
 * someone who can rewrite the database (a superuser, the tables' owner, whoever holds a backup
 * they restore) and re-hash the log so that it is consistent again. Were the key in the
 * database, that person could sign heads for the rewritten log too. In a file readable only by
 * Concord's user (mode 600), the key is out of reach of the database's own accounts, the
 * embedded PostgreSQL's `postgres` user included; kept on another volume or a secret mount
 * (CONCORD_AUDIT_KEY_FILE), also out of reach of a database backup.
 *
 * Nothing here ever prints or logs the private key; messages name the file and the public key's
 * fingerprint only. The file handling (`loadPrivateKeyFile`) serves the instance's other key too,
 * the document binding key (src/services/documents/binding-key.ts).
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { keyFingerprint } from "../../domain/audit.ts";

export const SIGNING_KEY_FILE_NAME = "audit-signing-key.pem";

export type SigningKey = {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Hex SHA-256 of the public key (SPKI DER): what to compare with a head's key. */
  fingerprint: string;
  file: string;
  /** True when this call generated the key (the instance's first start). */
  created: boolean;
};

export class SigningKeyError extends Error {}

/** The key file does not exist, and was not to be created. */
export class NoSigningKeyError extends SigningKeyError {}

/**
 * Reads the key from `file`, generating it there first if it does not exist and `create` is
 * true (the default). Refuses a key file that other users can read or write, and anything that
 * is not an Ed25519 private key.
 */
export async function loadSigningKey(file: string, options: { create?: boolean } = {}): Promise<SigningKey> {
  return loadPrivateKeyFile(file, AUDIT_KEY, options);
}

/** What a private key file holds and how its messages name it. */
export type PrivateKeyFileKind = {
  /** How messages name the key: "audit signing key". */
  name: string;
  /** How messages name the key's algorithm: "Ed25519". */
  algorithm: string;
  /** A new private key of this kind. */
  generate: () => KeyObject;
  /** Whether a key read from the file is of this kind. */
  accepts: (privateKey: KeyObject) => boolean;
};

const AUDIT_KEY: PrivateKeyFileKind = {
  name: "audit signing key",
  algorithm: "Ed25519",
  generate: () => generateKeyPairSync("ed25519").privateKey,
  accepts: (privateKey) => privateKey.asymmetricKeyType === "ed25519",
};

/**
 * The private key kept in `file` (mode 600, outside the database), generated there first if
 * there is none and `create` is not false. Shared by the instance's keys: the audit log's and
 * the document binding key (src/services/documents/binding-key.ts).
 */
export async function loadPrivateKeyFile(
  file: string,
  kind: PrivateKeyFileKind,
  options: { create?: boolean } = {},
): Promise<SigningKey> {
  let created = false;
  if (!(await exists(file))) {
    if (options.create === false) throw new NoSigningKeyError(`There is no ${kind.name} at ${file}.`);
    created = await generate(file, kind);
  }
  const stat = await fs.stat(file);
  if ((stat.mode & 0o077) !== 0) {
    throw new SigningKeyError(
      `The ${kind.name} ${file} is open to other users (mode ${(stat.mode & 0o777).toString(8)}): run chmod 600 ${file}.`,
    );
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(await fs.readFile(file, "utf8"));
  } catch {
    // The parser's message could quote the file: say only that it is not a key.
    throw new SigningKeyError(`The ${kind.name} ${file} is not a PEM private key.`);
  }
  if (!kind.accepts(privateKey)) {
    throw new SigningKeyError(`The ${kind.name} ${file} is ${describeKey(privateKey)}, not ${kind.algorithm}.`);
  }
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, fingerprint: keyFingerprint(publicKey), file, created };
}

/** A key's type for a message, with its curve when it has one: "rsa", "ec (secp384r1)". */
function describeKey(key: KeyObject): string {
  const curve = key.asymmetricKeyDetails?.namedCurve;
  return curve ? `${key.asymmetricKeyType} (${curve})` : String(key.asymmetricKeyType);
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}

/**
 * Writes a new key to a private temporary file, then links it into place: the key file appears
 * whole or not at all, and if another process made one first, theirs is kept and ours dropped.
 * Returns whether ours was kept.
 */
async function generate(file: string, kind: PrivateKeyFileKind): Promise<boolean> {
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const pem = kind.generate().export({ type: "pkcs8", format: "pem" }) as string;
  const temporary = `${file}.${randomBytes(8).toString("hex")}.tmp`;
  await fs.writeFile(temporary, pem, { mode: 0o600, flag: "wx" });
  try {
    await fs.link(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    await fs.rm(temporary, { force: true });
  }
}
