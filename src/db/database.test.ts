/**
 * What the database itself guarantees, whatever code writes to it.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(async () => {
  await test?.drop();
});

const insertRelation = (values: {
  subject: string;
  object: string;
  kind: string;
  valid: string;
  framework?: string;
  designation?: string;
}) =>
  test.db.execute(sql`
    INSERT INTO relations (subject_code, object_code, kind, framework_id, designation, valid, since_precision, until_precision)
    VALUES (${values.subject}, ${values.object}, ${values.kind}::relation_kind,
            (SELECT id FROM frameworks WHERE slug = ${values.framework ?? null}), ${values.designation ?? null},
            ${values.valid}::daterange, 'day', CASE WHEN upper_inf(${values.valid}::daterange) THEN NULL ELSE 'day'::date_precision END)`);

/** The constraint PostgreSQL names when it refuses a write. */
async function refusal(write: Promise<unknown>): Promise<string> {
  const error = (await write.then(
    () => undefined,
    (caught: unknown) => caught,
  )) as { cause?: { constraint?: string; message?: string } } | undefined;
  expect(error, "the database accepted the write").toBeDefined();
  return error!.cause?.constraint ?? error!.cause?.message ?? String(error);
}

describe("relations", () => {
  it("refuses an overlapping interval for the same subject, object and kind", async () => {
    await insertRelation({ subject: "AND", object: "EU", kind: "observer", valid: "[2000-01-01,2010-01-01)" });
    expect(
      await refusal(
        insertRelation({ subject: "AND", object: "EU", kind: "observer", valid: "[2009-12-31,2012-01-01)" }),
      ),
    ).toBe("relations_no_overlap");
    expect(
      await refusal(insertRelation({ subject: "AND", object: "EU", kind: "observer", valid: "[1990-01-01,)" })),
    ).toBe("relations_no_overlap");
  });

  it("accepts an interval that starts the day the previous one ends, and other kinds at the same time", async () => {
    await insertRelation({ subject: "SMR", object: "EU", kind: "observer", valid: "[2000-01-01,2010-01-01)" });
    await insertRelation({ subject: "SMR", object: "EU", kind: "observer", valid: "[2010-01-01,)" });
    await insertRelation({ subject: "SMR", object: "EU", kind: "applicant", valid: "[2005-01-01,)" });
  });

  it("refuses contradictions of shape: a partner without framework, a designation without name, a relation to oneself, an empty interval", async () => {
    expect(
      await refusal(insertRelation({ subject: "MCO", object: "NATO", kind: "partner", valid: "[2000-01-01,)" })),
    ).toContain("relations_check");
    expect(
      await refusal(insertRelation({ subject: "MCO", object: "USA", kind: "designation", valid: "[2000-01-01,)" })),
    ).toContain("relations_check");
    expect(
      await refusal(insertRelation({ subject: "USA", object: "USA", kind: "observer", valid: "[2000-01-01,)" })),
    ).toContain("relations_check");
    expect(
      await refusal(
        insertRelation({ subject: "MCO", object: "EU", kind: "observer", valid: "[2000-01-01,2000-01-01)" }),
      ),
    ).toContain("relations_valid_check");
    expect(
      await refusal(insertRelation({ subject: "MCO", object: "ZZZ", kind: "observer", valid: "[2000-01-01,)" })),
    ).toContain("fkey");
  });

  it("answers the as-of question from the GiST index", async () => {
    const plan = await test.db.execute(sql`
      EXPLAIN (FORMAT JSON) SELECT id FROM relations WHERE object_code = 'NATO' AND valid @> '2004-03-29'::date`);
    await test.db.execute(sql`SET enable_seqscan = off`);
    const forced = await test.db.execute(sql`
      EXPLAIN (FORMAT JSON) SELECT id FROM relations WHERE object_code = 'NATO' AND valid @> '2004-03-29'::date`);
    await test.db.execute(sql`RESET enable_seqscan`);
    // With a few hundred rows a sequential scan is cheaper; the index must still be usable.
    expect(JSON.stringify(plan.rows)).toMatch(/Scan/);
    expect(JSON.stringify(forced.rows)).toContain("relations_object_valid");
  });
});
