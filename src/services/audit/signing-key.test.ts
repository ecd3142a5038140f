import { generateKeyPairSync } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSigningKey, NoSigningKeyError, SigningKeyError } from "./signing-key.ts";

let folder: string;
beforeAll(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), "concord-audit-key-"));
});
afterAll(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

describe("loadSigningKey", () => {
  it("generates an Ed25519 key on first use, mode 600, and loads the same key afterwards", async () => {
    const file = path.join(folder, "new", "audit-signing-key.pem");
    await expect(loadSigningKey(file, { create: false })).rejects.toThrow(NoSigningKeyError);
    const first = await loadSigningKey(file);
    expect(first).toMatchObject({ created: true, file, fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(first.privateKey.asymmetricKeyType).toBe("ed25519");
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    const again = await loadSigningKey(file);
    expect(again).toMatchObject({ created: false, fingerprint: first.fingerprint });
  });

  it("makes one key when several processes start at once", async () => {
    const file = path.join(folder, "race", "audit-signing-key.pem");
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadSigningKey(file)));
    expect(new Set(keys.map((key) => key.fingerprint)).size).toBe(1);
    expect(keys.filter((key) => key.created)).toHaveLength(1);
    expect((await fs.readdir(path.dirname(file))).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("refuses a key file others can read, and one that is not an Ed25519 key, without quoting it", async () => {
    const open = path.join(folder, "open.pem");
    await fs.writeFile(open, generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }), {
      mode: 0o644,
    });
    await fs.chmod(open, 0o644);
    await expect(loadSigningKey(open)).rejects.toThrow(
      `The audit signing key ${open} is open to other users (mode 644): run chmod 600 ${open}.`,
    );

    const rsa = path.join(folder, "rsa.pem");
    await fs.writeFile(
      rsa,
      generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }),
      { mode: 0o600 },
    );
    await expect(loadSigningKey(rsa)).rejects.toThrow(`The audit signing key ${rsa} is rsa, not Ed25519.`);

    const junk = path.join(folder, "junk.pem");
    await fs.writeFile(junk, "not a key at all", { mode: 0o600 });
    const error = await loadSigningKey(junk).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SigningKeyError);
    expect((error as Error).message).toBe(`The audit signing key ${junk} is not a PEM private key.`);
  });
});
