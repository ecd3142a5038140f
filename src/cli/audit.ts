/**
 * `concord audit verify [--head FILE]` and `concord audit head`: checking the tamper-evident
 * audit log, and publishing a signed head of it for others to keep (docs/adr/0004-audit-log.md).
 */
import fs from "node:fs/promises";
import { z } from "zod";
import { readEnv } from "../config/env.ts";
import { verifyHead, type SignedHead } from "../domain/audit.ts";
import type { Runtime } from "../runtime.ts";
import { AuditChainBrokenError, AuditHeadError } from "../services/audit/log.ts";
import { CLI } from "../services/policies.ts";
import { loadSigningKey, NoSigningKeyError, SigningKeyError, type SigningKey } from "../services/audit/signing-key.ts";

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, "must be 64 lower-case hex digits");
const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, "must be base64");

/** A head as `concord audit head` prints it. */
const signedHeadFile = z.object({
  entryId: z.number().int().min(0),
  hash: hex64,
  signedAt: z.string().min(1),
  publicKey: base64,
  signature: base64,
});

export type AuditVerifyOptions = {
  /** A signed head printed earlier by `concord audit head` and kept elsewhere. */
  headFile?: string;
  /** The instance's key file (default: from the environment), whose key a head must carry. */
  keyFile?: string;
};

/**
 * Walks the whole log. Exit 0 and "Audit log intact: …" when it verifies; exit 1 and
 * "Audit log BROKEN at entry N: …" when it does not, or when the head given is refused;
 * exit 2 when the head file cannot be read as a signed head.
 */
export async function auditVerify(runtime: Runtime, options: AuditVerifyOptions = {}): Promise<number> {
  let head: SignedHead | undefined;
  if (options.headFile) {
    const read = await readHeadFile(options.headFile);
    if (typeof read === "string") {
      console.error(read);
      return 2;
    }
    head = read;
  }

  // Where this instance's key is at hand, a head must carry it: a head signed with some other key
  // proves nothing. Elsewhere (an auditor's machine), compare the fingerprint printed below.
  let key: SigningKey | undefined;
  let result: Awaited<ReturnType<typeof runtime.services.audit.verify>>;
  try {
    key = head ? await localKey(options.keyFile) : undefined;
    result = await runtime.services.audit.verify(CLI, { againstHead: head, trustedKey: key?.publicKey });
  } catch (error) {
    if (!(error instanceof AuditHeadError || error instanceof SigningKeyError)) throw error;
    console.error(error.message);
    return 1;
  }
  if (!result.ok) {
    console.error(`Audit log BROKEN at entry ${result.entryId}: ${result.reason}`);
    return 1;
  }
  console.log(`Audit log intact: ${result.count} entries, head ${result.head.hash}`);
  if (head) {
    const checked = verifyHead(head);
    const fingerprint = checked.ok ? checked.fingerprint : "?";
    console.log(
      `The signed head of ${head.signedAt} (entry ${head.entryId}, key ${fingerprint}${key ? ", this instance's" : ""}) is in the log.`,
    );
  }
  return 0;
}

/** Publishes a signed head of the log and prints it as JSON; exit 1 if the log is broken. */
export async function auditHead(runtime: Runtime, options: { keyFile?: string } = {}): Promise<number> {
  let key: SigningKey;
  try {
    key = await loadSigningKey(options.keyFile ?? readEnv().auditKeyFile);
  } catch (error) {
    if (!(error instanceof SigningKeyError)) throw error;
    console.error(error.message);
    return 1;
  }
  if (key.created)
    console.error(`Created the audit signing key ${key.file} (public key fingerprint ${key.fingerprint}).`);
  try {
    const head = await runtime.services.audit.publishHead(CLI, key.privateKey);
    console.log(JSON.stringify(head, null, 2));
    return 0;
  } catch (error) {
    if (!(error instanceof AuditChainBrokenError)) throw error;
    console.error(error.message);
    return 1;
  }
}

/** The head in `file`, or a message saying why it is not one. */
async function readHeadFile(file: string): Promise<SignedHead | string> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (error) {
    return `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return `${file} is not JSON: expected a signed head printed by concord audit head.`;
  }
  const parsed = signedHeadFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `${file} is not a signed head printed by concord audit head: ${issue?.path.join(".") || "the file"} ${issue?.message ?? ""}.`;
  }
  return parsed.data;
}

/** The instance's key if its file exists (never created here: verifying changes nothing). */
async function localKey(keyFile?: string): Promise<SigningKey | undefined> {
  try {
    return await loadSigningKey(keyFile ?? readEnv().auditKeyFile, { create: false });
  } catch (error) {
    if (error instanceof NoSigningKeyError) return undefined;
    throw error;
  }
}
