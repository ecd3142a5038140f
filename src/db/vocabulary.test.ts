/**
 * The domain's vocabulary (src/domain) and the database's enumerations and checks say the same:
 * a value added to one and not the other fails here, not in a refused write.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import { ROLES } from "../domain/accounts.ts";
import { PRECISIONS } from "../domain/dates.ts";
import {
  DELEGATION_NOTICE_KINDS,
  NOTICE_KINDS,
  POSITIONS_NEEDING_STATEMENT,
  PROPOSAL_PURPOSES,
  PROPOSAL_STATUSES,
} from "../domain/decisions.ts";
import { POSITION_KINDS, PROCEDURE_KINDS } from "../domain/procedures.ts";
import { ACTOR_TYPES, CERTAINTIES, CLAIM_FIELDS, RELATION_KINDS } from "../domain/registry.ts";

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(async () => {
  await test?.drop();
});

/** An enumerated type's values, in the order PostgreSQL sorts them. */
async function enumValues(type: string): Promise<string[]> {
  const result = await test.db.execute(sql`
    SELECT e.enumlabel AS label FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
    WHERE t.typname = ${type} ORDER BY e.enumsortorder`);
  return (result.rows as Array<{ label: string }>).map((row) => row.label);
}

/** The quoted values a table's CHECK constraint names, for the one check that mentions `column`. */
async function checkedValues(table: string, column: string): Promise<string[]> {
  const result = await test.db.execute(sql`
    SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint
    WHERE conrelid = ${table}::regclass AND contype = 'c'`);
  const definitions = (result.rows as Array<{ definition: string }>)
    .map((row) => row.definition)
    .filter((definition) => definition.includes("ARRAY[") && new RegExp(`\\b${column}\\b`).test(definition));
  expect(definitions, `one check of ${table} lists values of ${column}`).toHaveLength(1);
  return [...(definitions[0] ?? "").matchAll(/ARRAY\[(.*?)\]/g)].flatMap((array) =>
    [...(array[1] ?? "").matchAll(/'([^']*)'::/g)].map((literal) => literal[1] ?? ""),
  );
}

describe("the database's enumerated types are the domain's vocabulary", () => {
  it.each([
    ["actor_type", ACTOR_TYPES],
    ["date_precision", PRECISIONS],
    ["relation_kind", RELATION_KINDS],
    ["certainty", CERTAINTIES],
    ["claim_field", CLAIM_FIELDS],
    ["account_role", ROLES],
    ["proposal_status", PROPOSAL_STATUSES],
    ["proposal_purpose", PROPOSAL_PURPOSES],
    ["position_kind", POSITION_KINDS],
  ] as const)("%s", async (type, values) => {
    expect(await enumValues(type)).toEqual([...values]);
  });
});

describe("the database's checks name the domain's vocabulary", () => {
  it("a proposal's procedure is one of the procedure kinds", async () => {
    expect(new Set(await checkedValues("proposals", "procedure"))).toEqual(new Set(PROCEDURE_KINDS));
  });

  it("a notice to delegations is an outcome or a reminder", async () => {
    expect(new Set(await checkedValues("notices", "kind"))).toEqual(new Set(DELEGATION_NOTICE_KINDS));
  });

  it("a state's notice is a suspension or a withdrawal", async () => {
    expect(new Set(await checkedValues("status_notices", "kind"))).toEqual(new Set(NOTICE_KINDS));
  });

  it("the positions refused without a statement are those that need one", async () => {
    expect(new Set(await checkedValues("positions", "statement"))).toEqual(new Set(POSITIONS_NEEDING_STATEMENT));
  });
});
