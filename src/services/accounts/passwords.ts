/**
 * Password hashing with Argon2id at OWASP's recommended minimum (19 MiB of memory, 2 passes,
 * 1 lane). Hashes are PHC strings, so parameters can be raised later: an older hash still
 * verifies and `needsRehash` says when to replace it at the next sign-in.
 */
import { createRequire } from "node:module";
import { hash, verify } from "@node-rs/argon2";
import { type Message, msg } from "../../domain/messages/index.ts";

// `Algorithm.Argon2id` is a const enum, which this build cannot import: its value is 2.
const ARGON2ID = 2;
const PARAMETERS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMETERS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash opens nothing
  }
}

/** True when the stored hash was made with weaker parameters than today's. */
export function needsRehash(passwordHash: string): boolean {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(passwordHash);
  if (!match) return true;
  return Number(match[1]) < PARAMETERS.memoryCost || Number(match[2]) < PARAMETERS.timeCost;
}

/**
 * A hash of a password nobody has: verifying against it when an account does not exist costs
 * the same time as a real check, so timing does not tell whether the address has an account.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(`decoy-${Math.random()}`);
  return decoy;
}

/**
 * The common passwords of zxcvbn-ts's maintained list (about 49,000, gathered from breaches), in
 * lower case. Loaded the first time a password is checked: decompressing it takes a few hundred
 * milliseconds that no other command should pay.
 */
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  if (!common) {
    const { dictionary } = createRequire(import.meta.url)("@zxcvbn-ts/language-common") as {
      dictionary: Record<"passwords-common", string[]>;
    };
    common = new Set(dictionary["passwords-common"].map((entry) => entry.toLowerCase()));
  }
  return common;
}

/**
 * Why a new password is refused, or undefined when it is acceptable: OWASP ASVS's length limits,
 * and not one of the common passwords attackers try first (ignoring case and spaces).
 */
export function passwordProblem(password: string): Message | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return msg("password.too_short", { minimum: MIN_PASSWORD_LENGTH });
  if (password.length > MAX_PASSWORD_LENGTH) return msg("password.too_long", { maximum: MAX_PASSWORD_LENGTH });
  if (password.trim() !== password) return msg("password.spaces");
  const folded = password.toLowerCase();
  if (commonPasswords().has(folded) || commonPasswords().has(folded.replace(/\s+/g, ""))) {
    return msg("password.common");
  }
  return undefined;
}
