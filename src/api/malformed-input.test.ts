/**
 * Malformed input to every endpoint, generated from the route schemas in the OpenAPI document:
 * whatever is sent, by whoever, the answer is never a 5xx, always the error shape when it is a
 * refusal, and a refusal changes no data.
 */
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConcord, type TestConcord } from "../../test/support/concord.ts";
import { AccountsService } from "../services/accounts/accounts.ts";

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; items?: Schema; enum?: unknown[]; anyOf?: Schema[]; oneOf?: Schema[] };
type Operation = { parameters?: Array<{ name: string; in: string; schema?: Schema }>; requestBody?: { content: Record<string, { schema: Schema }> } };
type Endpoint = { method: string; path: string; operation: Operation };

let concord: TestConcord;
let endpoints: Endpoint[];
let session: { cookie: string; csrf: string };
const password = "a long enough secret";

/** Everything a refused request must leave as it was. */
const BUSINESS_TABLES = ["actors", "actor_periods", "sources", "frameworks", "relations", "claims", "accounts", "delegations", "api_tokens"];

async function snapshot(): Promise<string> {
  const parts = await Promise.all(
    BUSINESS_TABLES.map(async (table) => {
      const result = await concord.database.db.execute(sql.raw(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${table} t`));
      return `${table}:${(result.rows[0] as { digest: string }).digest}`;
    }),
  );
  return parts.join(" ");
}

beforeAll(async () => {
  concord = await startConcord();
  await new AccountsService(concord.database.db).createAdministrator({ email: "fuzz@example.org", password, organizationCode: "NATO" });
  const response = await fetch(`${concord.baseUrl}/api/v1/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: "fuzz@example.org", password }),
  });
  session = { cookie: response.headers.get("set-cookie")!.split(";")[0]!, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
  const document = (await (await fetch(`${concord.baseUrl}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, Operation>> };
  endpoints = Object.entries(document.paths)
    .flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })))
    // Signing out would end the session the rest of the run uses; it takes no input anyway.
    .filter((endpoint) => !(endpoint.method === "DELETE" && endpoint.path === "/api/v1/session"));
});
afterAll(async () => {
  await concord?.stop();
});

/** Values near what a schema asks for, and far from it: wrong types, edge strings, extra fields. */
function near(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const anything = fc.oneof(
    fc.string({ unit: "binary", maxLength: 30 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom("", " ", "0", "-1", "9999999999999999999999", "2023-02-30", "../../etc/passwd", "'; DROP TABLE relations; --", "\u0000", "NATO", "COL", "ñ𝌆"),
  );
  if (!schema || depth > 3) return anything;
  const options: Array<fc.Arbitrary<unknown>> = [anything];
  if (schema.enum) options.push(fc.constantFrom(...schema.enum));
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) options.push(...alternatives.map((alternative) => near(alternative, depth + 1)));
  if (schema.properties) {
    const fields = Object.fromEntries(Object.entries(schema.properties).map(([name, property]) => [name, near(property, depth + 1)]));
    options.push(
      fc.record(fields, { requiredKeys: [] }),
      fc.record({ ...fields, unexpected: anything }, { requiredKeys: [] }),
    );
  }
  if (schema.items) options.push(fc.array(near(schema.items, depth + 1), { maxLength: 3 }));
  return fc.oneof(...options);
}

const request = (endpoint: Endpoint) =>
  fc.record({
    path: fc.tuple(...(endpoint.operation.parameters ?? []).filter((p) => p.in === "path").map((p) => near(p.schema)), fc.constant(0)),
    query: fc.array(
      fc.tuple(fc.constantFrom(...((endpoint.operation.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name).concat("junk") as [string, ...string[]])), fc.string({ unit: "binary", maxLength: 30 })),
      { maxLength: 4 },
    ),
    body: fc.oneof(near(endpoint.operation.requestBody?.content["application/json"]?.schema).map((value) => JSON.stringify(value)), fc.string({ maxLength: 40 }), fc.constant("{")),
    as: fc.constantFrom("anonymous", "administrator"),
  });

describe("malformed input to every endpoint", () => {
  it("never yields a 5xx, answers refusals in the error shape, and a refusal changes nothing", async () => {
    expect(endpoints.length).toBeGreaterThan(20);
    let requests = 0;
    for (const endpoint of endpoints) {
      await fc.assert(
        fc.asyncProperty(request(endpoint), async (input) => {
          const pathParameters = (endpoint.operation.parameters ?? []).filter((p) => p.in === "path");
          let path = endpoint.path;
          pathParameters.forEach((parameter, index) => {
            const value = input.path[index];
            path = path.replace(`{${parameter.name}}`, encodeURIComponent(typeof value === "string" ? value : JSON.stringify(value)) || "x");
          });
          const url = `${concord.baseUrl}${path}?${new URLSearchParams(input.query).toString()}`;
          const headers: Record<string, string> = { "Content-Type": "application/json" };
          if (input.as === "administrator") Object.assign(headers, { Cookie: session.cookie, "X-CSRF-Token": session.csrf });
          const before = await snapshot();
          const response = await fetch(url, { method: endpoint.method, headers, body: endpoint.method === "GET" || endpoint.method === "HEAD" ? undefined : input.body });
          const text = await response.text();
          requests += 1;
          const where = `${endpoint.method} ${url} ${input.body.slice(0, 80)}`;
          expect(response.status, `${where} → ${text.slice(0, 200)}`).toBeLessThan(500);
          if (response.status >= 400) {
            const body = JSON.parse(text) as { error?: { id?: string; message?: string } };
            expect(body.error?.id, where).toMatch(/^[a-z_]+$/);
            expect(body.error?.message?.length, where).toBeGreaterThan(0);
            expect(await snapshot(), `${where} was refused but changed data`).toBe(before);
          }
        }),
        { numRuns: 25 },
      );
    }
    expect(requests).toBeGreaterThanOrEqual(endpoints.length * 25);
  }, 300_000);
});
