/**
 * The access rule is written twice: once as a pure function (decideAccess, src/domain/labels)
 * that a document's page asks, once in SQL (readableBy, src/db/repositories/documents.ts) that
 * lists, counts and searches apply. Here both answer for generated labels and readers, over a
 * real database, and must agree on every pair; and a succession's downgrade, applied for its
 * day, changes what the query lets through as it changes what the function allows.
 */
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as repo from "../../src/db/repositories/documents.ts";
import { addDays, today } from "../../src/domain/dates.ts";
import {
  type ConfidentialityLabel,
  decideAccess,
  labelInForce,
  type LabelReader,
} from "../../src/domain/labels/index.ts";
import { ruleColumns } from "../../src/services/documents/documents.ts";
import { DocumentsService } from "../../src/services/documents/documents.ts";
import { arbitraryLabel, arbitraryReader, NATO, POLICIES, UNASUR } from "../labels/arbitraries.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

let test: TestDatabase;
const policies = new Map(POLICIES.map((policy) => [policy.id, policy]));
const DAY = today();

beforeAll(async () => {
  test = await createTestDatabase();
}, 120_000);
afterAll(async () => {
  await test?.drop();
});

async function insert(label: ConfidentialityLabel, organization = "NATO"): Promise<number> {
  return test.db.transaction(async (tx) => {
    const document = await repo.insertDocument(tx, {
      organizationCode: organization,
      originatorCode: organization,
      createdByName: "rule agreement test",
    });
    await repo.insertVersion(tx, {
      documentId: document.id,
      version: 1,
      titleEn: "Generated",
      fileName: "generated.txt",
      mediaType: "text/plain",
      content: Buffer.from("x"),
      sha384: Buffer.alloc(48),
      label: label as unknown as Record<string, unknown>,
      labelXml: "<not-bound/>",
      bindingXml: "<not-bound/>",
      ...ruleColumns(labelInForce(label, DAY), policies),
      createdByName: "rule agreement test",
      bodyText: null,
    });
    return document.id;
  });
}

function sqlReader(reader: LabelReader): repo.ReaderAttributes {
  return {
    organization: reader.organization,
    clearances: reader.clearances,
    heldKeys: Object.entries(reader.authorisations).flatMap(([policy, values]) =>
      values.map((value) => repo.restrictiveKey(policy, value)),
    ),
    within: [...reader.within],
  };
}

const allowedByFunction = (label: ConfidentialityLabel, reader: LabelReader) =>
  decideAccess(labelInForce(label, DAY), policies.get(label.policy)!, reader).allowed;

describe("the access rule in SQL and in the domain", () => {
  it("agree on every generated label and reader: list, count and search", async () => {
    const labels = fc.sample(fc.oneof(arbitraryLabel(NATO), arbitraryLabel(UNASUR)), { numRuns: 400, seed: 4774 });
    const ids = new Map<number, ConfidentialityLabel>();
    for (const label of labels) ids.set(await insert(label), label);
    const readers = [
      ...fc.sample(arbitraryReader(NATO), { numRuns: 40, seed: 1 }),
      ...fc.sample(arbitraryReader(UNASUR), { numRuns: 40, seed: 2 }),
    ];
    let allowedSomewhere = 0;
    let refusedSomewhere = 0;
    for (const reader of readers) {
      const listed = await repo.listLibrary(test.db, "NATO", sqlReader(reader), { limit: 10_000 });
      const bySql = new Set(listed.map((row) => row.documentId));
      const byFunction = new Set([...ids].filter(([, label]) => allowedByFunction(label, reader)).map(([id]) => id));
      expect([...bySql].sort(), JSON.stringify({ ...reader, within: [...reader.within] })).toEqual(
        [...byFunction].sort(),
      );
      expect(await repo.countLibrary(test.db, "NATO", sqlReader(reader))).toBe(byFunction.size);
      allowedSomewhere += byFunction.size;
      refusedSomewhere += ids.size - byFunction.size;
    }
    // The generators exercise both answers, not one.
    expect(allowedSomewhere).toBeGreaterThan(100);
    expect(refusedSomewhere).toBeGreaterThan(100);

    // Search applies the same rule: every word of the titles is "generated".
    const reader = readers.find((r) => [...ids.values()].some((label) => allowedByFunction(label, r)))!;
    const found = await repo.listLibrary(test.db, "NATO", sqlReader(reader), { query: "generated", limit: 10_000 });
    expect(found.every((row) => allowedByFunction(ids.get(row.documentId)!, reader))).toBe(true);
    expect(found.length).toBe([...ids.values()].filter((label) => allowedByFunction(label, reader)).length);
  });

  it("never lists another organisation's library, whatever the label", async () => {
    const open = { ...fc.sample(arbitraryLabel(UNASUR, 0), { numRuns: 1, seed: 9 })[0]!, categories: [] };
    const id = await insert(open as ConfidentialityLabel, "UNASUR");
    const everything = { organization: "NATO", clearances: {}, heldKeys: [], within: [] };
    const nato = await repo.listLibrary(test.db, "NATO", everything, { limit: 10_000 });
    expect(nato.map((row) => row.documentId)).not.toContain(id);
  });

  it("downgrade on the succession's day: the label in force changes for both, and is audited", async () => {
    const tomorrow = addDays(DAY, 1);
    const restricted: ConfidentialityLabel = {
      policy: NATO.id,
      classification: "NATO RESTRICTED",
      categories: [{ tagName: "Releasable To", type: "permissive", values: ["NATO"] }],
      creationTime: "2026-01-01T00:00:00Z",
      originator: "NATO",
      reviewDate: null,
      succession: [],
    };
    const label: ConfidentialityLabel = {
      ...restricted,
      classification: "NATO SECRET",
      succession: [{ from: tomorrow, label: restricted }],
    };
    const id = await insert(label);
    const ally: LabelReader = {
      organization: "NATO",
      nation: "NOR",
      clearances: { [NATO.id]: 1 },
      authorisations: {},
      within: new Set(["NOR", "NATO"]),
    };
    const listed = async () =>
      (await repo.listLibrary(test.db, "NATO", sqlReader(ally), { limit: 10_000 })).map((row) => row.documentId);
    expect(await listed()).not.toContain(id);

    const documents = new DocumentsService(test.db, () => Promise.reject(new Error("no key needed")));
    // Today nothing changes; on the succession's day the lower label is in force.
    expect(await test.db.transaction((tx) => documents.applyDowngrade(tx, id, 1, DAY))).toBe(false);
    expect(await listed()).not.toContain(id);
    expect(await test.db.transaction((tx) => documents.applyDowngrade(tx, id, 1, tomorrow))).toBe(true);
    expect(await listed()).toContain(id);
    const audit = await test.db.execute(
      sql`SELECT action, after FROM audit_log WHERE object_type = 'document' AND object_id = ${String(id)}`,
    );
    expect(audit.rows).toEqual([
      {
        action: "document.downgrade",
        after: { version: 1, marking: expect.stringMatching(/^NATO RESTRICTED/), day: tomorrow },
      },
    ]);
  });
});
