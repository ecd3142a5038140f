/**
 * `concord documents`, `concord documents verify` and `concord label show` against a real
 * database: a document bound in-process with the instance's key, checked from the command line
 * (and its tampered copy refused), a library listed, a 4774 label's marking printed.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBindingKey } from "../services/documents/binding-key.ts";
import { DocumentsService } from "../services/documents/documents.ts";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import { runConcord } from "../../test/support/process.ts";

let test: TestDatabase;
let env: Record<string, string>;
let folder: string;
let content: string;
let binding: string;
beforeAll(async () => {
  test = await createTestDatabase();
  folder = await fs.mkdtemp(path.join(os.tmpdir(), "concord-documents-"));
  const keyFile = path.join(folder, "documents.pem");
  env = { DATABASE_URL: test.url, CONCORD_DOCUMENT_KEY_FILE: keyFile };
  const documents = new DocumentsService(test.db, () => loadBindingKey(keyFile));
  const system = { kind: "system", name: "cli", organization: "NATO" } as const;
  const uploaded = await documents.upload(system, {
    file: { name: "note.txt", mediaType: "text/plain", bytes: new TextEncoder().encode("A note for allies.") },
    titles: { en: "A note for allies", fr: "Une note pour les alliés" },
    label: {
      policy: "urn:oid:1.3.26.1.3.1",
      classification: "NATO RESTRICTED",
      categories: [{ tagName: "Releasable To", type: "permissive", values: ["NATO"] }],
    },
  });
  content = path.join(folder, "note.txt");
  binding = path.join(folder, "note.txt.binding.xml");
  const stored = await documents.content(system, uploaded.id);
  await fs.writeFile(content, stored.content);
  await fs.writeFile(binding, stored.bindingXml);
});
afterAll(async () => {
  await test?.drop();
  await fs.rm(folder, { recursive: true, force: true });
});

describe("concord documents and concord label", () => {
  it("verifies a file against its binding, and names what changed in a tampered copy", async () => {
    const valid = await runConcord(["documents", "verify", content, binding], env);
    expect(valid.code, valid.stderr).toBe(0);
    expect(valid.stdout).toContain("NATO RESTRICTED Releasable to NATO");

    const tampered = path.join(folder, "tampered.txt");
    await fs.writeFile(tampered, "A note for allies!");
    const refused = await runConcord(["documents", "verify", tampered, binding, "--lang", "fr"], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^Le contenu n'est pas celui qui a été lié/);
  });

  it("lists a library with each document's marking, and as the API's JSON", async () => {
    const table = await runConcord(["documents", "--organization", "NATO", "--lang", "fr"], env);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/Une note pour les alliés\s+NATO RESTRICTED Releasable to NATO/);
    const json = await runConcord(["documents", "--organization", "NATO", "--json"], env);
    const [document] = JSON.parse(json.stdout).documents;
    expect(document).toMatchObject({ titles: { en: "A note for allies" }, version: 1, fileName: "note.txt" });
  });

  it("prints a 4774 label's display marking, and refuses what its policy does not hold", async () => {
    const shown = await runConcord(
      [
        "label",
        "show",
        path.join(import.meta.dirname, "../../test/labels/examples/nato-secret-releasable-nato-swe.xml"),
      ],
      env,
    );
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout.trim()).toBe("NATO SECRET Context NATO Releasable to NATO, SWE");

    const unknown = path.join(folder, "unknown.xml");
    await fs.writeFile(
      unknown,
      (
        await fs.readFile(
          path.join(import.meta.dirname, "../../test/labels/examples/nato-secret-releasable-nato-swe.xml"),
          "utf8",
        )
      ).replace("<slab:Classification>NATO SECRET<", "<slab:Classification>NATO TOP<"),
    );
    const refused = await runConcord(["label", "show", unknown], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/NATO TOP/);
  });
});
