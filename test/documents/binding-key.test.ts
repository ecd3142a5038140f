/**
 * The document binding key (src/services/documents/binding-key.ts): an ECDSA P-256 key in a file
 * of its own, made on first use with mode 600, shared file handling with the audit key.
 */
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEnv } from "../../src/config/env.ts";
import { keyFingerprint } from "../../src/domain/audit.ts";
import {
  BINDING_KEY_FILE_NAME,
  loadBindingKey,
  NoSigningKeyError,
  SigningKeyError,
} from "../../src/services/documents/binding-key.ts";
import { createBinding, verifyBinding } from "../../src/services/documents/binding.ts";

let folder: string;
beforeAll(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), "concord-binding-key-"));
});
afterAll(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

const pem = (key: KeyObject) => key.export({ type: "pkcs8", format: "pem" }) as string;

describe("loadBindingKey", () => {
  it("generates an ECDSA P-256 key on first use, mode 600, and loads the same key afterwards", async () => {
    const file = path.join(folder, "new", BINDING_KEY_FILE_NAME);
    await expect(loadBindingKey(file, { create: false })).rejects.toThrow(
      new NoSigningKeyError(`There is no document binding key at ${file}.`),
    );
    const first = await loadBindingKey(file);
    expect(first).toMatchObject({ created: true, file, fingerprint: keyFingerprint(first.publicKey) });
    expect(first.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(first.privateKey.asymmetricKeyType).toBe("ec");
    expect(first.privateKey.asymmetricKeyDetails?.namedCurve).toBe("prime256v1");
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    const again = await loadBindingKey(file, { create: false });
    expect(again).toMatchObject({ created: false, fingerprint: first.fingerprint });

    // What it signs, the same key verifies (and trusts).
    const content = new TextEncoder().encode("a document");
    const bindingXml = createBinding({
      content,
      labelXml: '<l:label xmlns:l="urn:nato:stanag:4774:confidentialitymetadatalabel:1:0"></l:label>',
      dataName: "a.txt",
      key: first,
    });
    expect(verifyBinding({ content, bindingXml, trustedPublicKey: again.publicKey })).toMatchObject({
      valid: true,
      fingerprint: first.fingerprint,
    });
  });

  it("makes one key when several processes start at once", async () => {
    const file = path.join(folder, "race", BINDING_KEY_FILE_NAME);
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadBindingKey(file)));
    expect(new Set(keys.map((key) => key.fingerprint)).size).toBe(1);
    expect(keys.filter((key) => key.created)).toHaveLength(1);
    expect((await fs.readdir(path.dirname(file))).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("refuses a key file others can read, and a key of another kind, without quoting it", async () => {
    const open = path.join(folder, "open.pem");
    await fs.writeFile(open, pem(generateKeyPairSync("ec", { namedCurve: "prime256v1" }).privateKey), { mode: 0o644 });
    await fs.chmod(open, 0o644);
    await expect(loadBindingKey(open)).rejects.toThrow(
      `The document binding key ${open} is open to other users (mode 644): run chmod 600 ${open}.`,
    );

    const ed25519 = path.join(folder, "ed25519.pem");
    await fs.writeFile(ed25519, pem(generateKeyPairSync("ed25519").privateKey), { mode: 0o600 });
    await expect(loadBindingKey(ed25519)).rejects.toThrow(
      `The document binding key ${ed25519} is ed25519, not ECDSA P-256.`,
    );

    const p384 = path.join(folder, "p384.pem");
    await fs.writeFile(p384, pem(generateKeyPairSync("ec", { namedCurve: "secp384r1" }).privateKey), { mode: 0o600 });
    await expect(loadBindingKey(p384)).rejects.toThrow(
      `The document binding key ${p384} is ec (secp384r1), not ECDSA P-256.`,
    );

    const junk = path.join(folder, "junk.pem");
    await fs.writeFile(junk, "not a key at all", { mode: 0o600 });
    const error = await loadBindingKey(junk).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SigningKeyError);
    expect((error as Error).message).toBe(`The document binding key ${junk} is not a PEM private key.`);
  });

  it("is found by CONCORD_DOCUMENT_KEY_FILE, by default in the data folder, apart from the audit key", () => {
    expect(readEnv({ CONCORD_DATA_DIR: "/srv/concord" })).toMatchObject({
      documentKeyFile: `/srv/concord/${BINDING_KEY_FILE_NAME}`,
      auditKeyFile: "/srv/concord/audit-signing-key.pem",
    });
    expect(readEnv({ CONCORD_DOCUMENT_KEY_FILE: "/run/secrets/documents.pem" }).documentKeyFile).toBe(
      "/run/secrets/documents.pem",
    );
  });
});
