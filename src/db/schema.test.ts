/**
 * The migrations are the truth for DDL; `schema.ts` is what the code reads rows through. This
 * proves they agree on the migrated database: the same tables, the same columns, each with the
 * same SQL type, nullability, presence of a default and place in the primary key, and the same
 * enumerated values in the same order. A migration that adds a column the schema lacks fails
 * here, and so does a column described in the schema that no migration creates.
 */
import { is, sql } from "drizzle-orm";
import { getTableConfig, isPgEnum, PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import * as schema from "./schema.ts";

/** Everything schema.ts exports: tables, enums, column types. */
const exported: unknown[] = Object.values(schema);

/** migrate.ts's own record of what it applied: bookkeeping, not part of Concord's schema. */
const BOOKKEEPING = new Set(["schema_migrations"]);

type ColumnFacts = { type: string; notNull: boolean; hasDefault: boolean; primaryKey: boolean };

/** How a type is spelled on both sides: PostgreSQL's names, serials as the integers they are. */
function normalizeType(type: string): string {
  return type
    .replace(/^"(.*)"$/, "$1")
    .replace(/^bigserial$/, "bigint")
    .replace(/^serial$/, "integer")
    .replace(/^char\((\d+)\)$/, "character($1)")
    .replace(/^char$/, "character(1)");
}

function describedTables(): Map<string, Map<string, ColumnFacts>> {
  const tables = new Map<string, Map<string, ColumnFacts>>();
  for (const value of exported) {
    if (!is(value, PgTable)) continue;
    const config = getTableConfig(value);
    const inPrimaryKey = new Set(config.primaryKeys.flatMap((key) => key.columns.map((column) => column.name)));
    const columns = new Map<string, ColumnFacts>();
    for (const column of config.columns) {
      const type = column.getSQLType();
      columns.set(column.name, {
        type: normalizeType(type),
        notNull: column.notNull,
        // A serial's default is its sequence's next value.
        hasDefault: column.hasDefault || /serial$/.test(type),
        primaryKey: column.primary || inPrimaryKey.has(column.name),
      });
    }
    expect(tables.has(config.name), `${config.name} is described twice`).toBe(false);
    tables.set(config.name, columns);
  }
  return tables;
}

const columnRow = z.object({
  table: z.string(),
  column: z.string(),
  dataType: z.string(),
  udtName: z.string(),
  length: z.number().nullable(),
  nullable: z.enum(["YES", "NO"]),
  hasDefault: z.boolean(),
  primaryKey: z.boolean(),
});

async function databaseTables(test: TestDatabase): Promise<Map<string, Map<string, ColumnFacts>>> {
  const result = await test.db.execute(sql`
    SELECT c.table_name AS "table", c.column_name AS "column", c.data_type AS "dataType", c.udt_name AS "udtName",
           c.character_maximum_length AS "length", c.is_nullable AS nullable, c.column_default IS NOT NULL AS "hasDefault",
           EXISTS (SELECT 1 FROM information_schema.table_constraints tc
                   JOIN information_schema.key_column_usage k
                     ON k.constraint_schema = tc.constraint_schema AND k.constraint_name = tc.constraint_name
                   WHERE tc.table_schema = c.table_schema AND tc.table_name = c.table_name
                     AND tc.constraint_type = 'PRIMARY KEY' AND k.column_name = c.column_name) AS "primaryKey"
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
    ORDER BY c.table_name, c.ordinal_position`);
  const tables = new Map<string, Map<string, ColumnFacts>>();
  for (const row of z.array(columnRow).parse(result.rows)) {
    if (BOOKKEEPING.has(row.table)) continue;
    const type =
      row.dataType === "USER-DEFINED"
        ? row.udtName
        : row.dataType === "ARRAY"
          ? `${row.udtName.replace(/^_/, "").replace(/^int4$/, "integer")}[]`
          : row.dataType === "character"
            ? `character(${row.length ?? 1})`
            : row.dataType;
    const columns = tables.get(row.table) ?? new Map<string, ColumnFacts>();
    columns.set(row.column, {
      type,
      notNull: row.nullable === "NO",
      hasDefault: row.hasDefault,
      primaryKey: row.primaryKey,
    });
    tables.set(row.table, columns);
  }
  return tables;
}

let test: TestDatabase;
let described: Map<string, Map<string, ColumnFacts>>;
let migrated: Map<string, Map<string, ColumnFacts>>;
beforeAll(async () => {
  test = await createTestDatabase();
  described = describedTables();
  migrated = await databaseTables(test);
});
afterAll(async () => {
  await test?.drop();
});

describe("schema.ts against the migrated database", () => {
  it("describes every table the migrations create, and no other", () => {
    expect([...described.keys()].sort()).toEqual([...migrated.keys()].sort());
  });

  it("names every column of every table, and no other", () => {
    const differences: string[] = [];
    for (const [table, columns] of migrated) {
      const inSchema = described.get(table);
      if (!inSchema) continue; // reported by the test above
      for (const column of columns.keys()) {
        if (!inSchema.has(column)) differences.push(`${table}.${column} is missing from schema.ts`);
      }
      for (const column of inSchema.keys()) {
        if (!columns.has(column)) differences.push(`${table}.${column} is in schema.ts, not in the database`);
      }
    }
    expect(differences).toEqual([]);
  });

  it("gives each column the database's type, nullability, default and primary key", () => {
    const differences: string[] = [];
    for (const [table, columns] of migrated) {
      for (const [column, inDatabase] of columns) {
        const inSchema = described.get(table)?.get(column);
        if (!inSchema) continue; // reported by the test above
        for (const fact of ["type", "notNull", "hasDefault", "primaryKey"] as const) {
          if (inSchema[fact] !== inDatabase[fact]) {
            differences.push(`${table}.${column} ${fact}: schema ${inSchema[fact]}, database ${inDatabase[fact]}`);
          }
        }
      }
    }
    expect(differences).toEqual([]);
  });

  it("enumerates the same values, in the same order, for every enum type", async () => {
    const result = await test.db.execute(sql`
      SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS "values"
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' GROUP BY t.typname ORDER BY t.typname`);
    const inDatabase = Object.fromEntries(
      z
        .array(z.object({ name: z.string(), values: z.array(z.string()) }))
        .parse(result.rows)
        .map((row) => [row.name, row.values]),
    );
    const inSchema = Object.fromEntries(exported.filter(isPgEnum).map((type) => [type.enumName, [...type.enumValues]]));
    expect(inSchema).toEqual(inDatabase);
  });

  it("uses, in its columns, only enum types it declares", () => {
    const declared = new Set(exported.filter(isPgEnum).map((type) => type.enumName));
    for (const value of exported) {
      if (!is(value, PgTable)) continue;
      for (const column of getTableConfig(value).columns) {
        if (column.columnType === "PgEnumColumn") {
          expect(declared, `${getTableConfig(value).name}.${column.name}`).toContain(column.getSQLType());
        }
      }
    }
  });
});
