/**
 * Malformed input to every endpoint, generated from the route schemas in the OpenAPI document:
 * whatever is sent, by whoever, the answer is never a 5xx, always the error shape when it is a
 * refusal, and a refusal changes no data.
 *
 * Values generated from a schema alone rarely get past validation, so the decision endpoints'
 * bodies are also fuzzed from a valid example (each field kept, dropped, replaced, or given an
 * awkward character), sent first as they are by each principal, against real open proposals,
 * attachments and webhooks: the service behind each is reached, not only the validator.
 */
import fc from "fast-check";
import http from "node:http";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConcord, type TestConcord } from "../../test/support/concord.ts";
import { signInAs } from "../../test/support/people.ts";
import { AccountsService } from "../services/accounts/accounts.ts";

type Schema = {
  type?: string | string[];
  maxLength?: number;
  pattern?: string;
  format?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
};
type Operation = {
  tags?: string[];
  parameters?: Array<{ name: string; in: string; schema?: Schema }>;
  requestBody?: { content: Record<string, { schema: Schema }> };
};
type Endpoint = { method: string; path: string; operation: Operation };
type As = "anonymous" | "administrator" | "delegate" | "curator";

let concord: TestConcord;
let endpoints: Endpoint[];
/** A NATO secretariat administrator, and the head of the United States' delegation to NATO. */
const sessions = {} as Record<Exclude<As, "anonymous">, { cookie: string; csrf: string }>;
const password = "a long enough secret";

/** Everything a refused request must leave as it was (the job queue's worker is off, so nothing changes by itself). */
const BUSINESS_TABLES = [
  "actors",
  "actor_periods",
  "sources",
  "frameworks",
  "relations",
  "claims",
  "accounts",
  "delegations",
  "api_tokens",
  "bodies",
  "organization_rules",
  "proposals",
  "proposal_members",
  "proposal_rounds",
  "proposal_attachments",
  "positions",
  "notices",
  "status_notices",
  "webhooks",
  "webhook_deliveries",
  "jobs",
];

async function snapshot(): Promise<string> {
  const parts = await Promise.all(
    BUSINESS_TABLES.map(async (table) => {
      const result = await concord.database.db.execute(
        sql.raw(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${table} t`),
      );
      return `${table}:${(result.rows[0] as { digest: string }).digest}`;
    }),
  );
  return parts.join(" ");
}

// ---------------------------------------------------------------- real things to aim at

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
/** Open proposals, one per endpoint that acts on one (an action must not find its target closed by another). */
const targets = {} as Record<"positions" | "extend" | "recirculate" | "close" | "attachments" | "unilateral", number>;
/** Closing is done once: each example that closes gets a proposal of its own. */
const closeTargets: number[] = [];
let closedProposal: number;
let attachmentId: number;
let webhookId: string;
let noticeId: number;

/** Valid bodies of the decision endpoints, the path they are sent to, and who may send them; `n` picks a target to close. */
function examples(
  n = 0,
): Record<string, { path: Record<string, string>; body: Record<string, unknown>; by: Exclude<As, "anonymous"> }> {
  return {
    "POST /api/v1/proposals": {
      path: {},
      body: {
        body: "nato-pcsc",
        title: "Fuzzed",
        text: "A text.",
        procedure: { kind: "silence" },
        deadline: inDays(30),
        chair: "The chair",
      },
      by: "administrator",
    },
    "POST /api/v1/proposals/{id}/positions": {
      path: { id: String(targets.positions) },
      body: { state: "USA", position: "object", statement: "Reasons." },
      by: "delegate",
    },
    "POST /api/v1/proposals/{id}/extend": {
      path: { id: String(targets.extend) },
      body: { deadline: inDays(60) },
      by: "administrator",
    },
    "POST /api/v1/proposals/{id}/recirculate": {
      path: { id: String(targets.recirculate) },
      body: { text: "An amended text.", deadline: inDays(45) },
      by: "administrator",
    },
    "POST /api/v1/proposals/{id}/close": {
      path: { id: String(closeTargets[n] ?? targets.close) },
      body: { as: "not-adopted", reason: "No consensus." },
      by: "administrator",
    },
    "POST /api/v1/proposals/{id}/attachments": {
      path: { id: String(targets.attachments) },
      body: { name: "note.txt", mediaType: "text/plain", content: Buffer.from("A note.").toString("base64") },
      by: "administrator",
    },
    "POST /api/v1/requests": {
      path: {},
      body: { organization: "NATO", status: "partner", framework: "partners-across-the-globe", text: "A request." },
      by: "delegate",
    },
    "POST /api/v1/designations": {
      path: {},
      body: {
        body: "us-president",
        designee: "CHL",
        designation: "major-non-nato-ally",
        revoke: false,
        text: "A designation.",
      },
      by: "delegate",
    },
    "POST /api/v1/status-notices": {
      path: {},
      body: { kind: "withdrawal", organization: "NATO", statement: "Notice." },
      by: "delegate",
    },
    "POST /api/v1/status-notices/{id}/withdraw": {
      path: { id: String(noticeId) },
      body: { statement: "Taken back." },
      by: "delegate",
    },
    "POST /api/v1/organizations/{code}/webhooks": {
      path: { code: "NATO" },
      body: { url: "https://receiver.example.org/fuzz", events: ["proposal.decided"] },
      by: "administrator",
    },
  };
}

/** A new open proposal of `body`, opened by the administrator. */
const openProposal = async (body: string, deadline?: string) =>
  (
    await as("administrator", "POST", "/api/v1/proposals", {
      body,
      title: `Target ${randomUUID()}`,
      text: "A text.",
      ...(deadline ? { deadline } : {}),
    })
  ).proposal.id as number;

/** Path values that name something real, for the decision endpoints. */
function knownPathValues(endpoint: Endpoint, name: string): string[] {
  if (name === "id" && endpoint.path.startsWith("/api/v1/proposals/"))
    return [...Object.values(targets), closedProposal].map(String);
  if (name === "attachment") return [String(attachmentId)];
  if (name === "id" && endpoint.path.startsWith("/api/v1/status-notices/")) return [String(noticeId)];
  if (name === "id" && endpoint.path.includes("/webhooks/")) return [webhookId];
  if (name === "code" && endpoint.path.startsWith("/api/v1/organizations/")) return ["NATO", "UNASUR", "USA"];
  return [];
}

async function signIn(email: string) {
  const response = await fetch(`${concord.baseUrl}/api/v1/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  return {
    cookie: response.headers.get("set-cookie")!.split(";")[0]!,
    csrf: ((await response.json()) as { csrfToken: string }).csrfToken,
  };
}

async function as(who: Exclude<As, "anonymous">, method: string, path: string, body?: unknown) {
  const response = await fetch(concord.baseUrl + path, {
    method,
    headers: { "Content-Type": "application/json", Cookie: sessions[who].cookie, "X-CSRF-Token": sessions[who].csrf },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = { status: response.status, body: (await response.json()) as any };
  if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

beforeAll(async () => {
  concord = await startConcord({ CONCORD_JOBS: "off" });
  await new AccountsService(concord.database.db).createAdministrator({
    email: "fuzz@example.org",
    password,
    organizationCode: "NATO",
  });
  sessions.administrator = await signIn("fuzz@example.org");
  const delegate = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "USA" });
  sessions.delegate = { cookie: delegate.cookie, csrf: delegate.csrf };
  const curator = await signInAs(concord, { organization: "UNASUR", role: "registry-curator" });
  sessions.curator = { cookie: curator.cookie, csrf: curator.csrf };

  targets.positions = await openProposal("nato-nac");
  targets.extend = await openProposal("nato-pcsc", inDays(30));
  targets.recirculate = await openProposal("nato-pcsc", inDays(30));
  targets.close = await openProposal("nato-nac");
  for (let n = 0; n < 1 + AWKWARD.length; n++) closeTargets.push(await openProposal("nato-nac"));
  targets.attachments = await openProposal("nato-nac");
  targets.unilateral = (
    await as("delegate", "POST", "/api/v1/designations", {
      body: "us-president",
      designee: "URY",
      designation: "major-non-nato-ally",
      text: "A designation.",
    })
  ).proposal.id;
  const attached = await as(
    "administrator",
    "POST",
    `/api/v1/proposals/${targets.attachments}/attachments`,
    examples()["POST /api/v1/proposals/{id}/attachments"]!.body,
  );
  attachmentId = attached.proposal.attachments[0].id;
  noticeId = (
    await as("delegate", "POST", "/api/v1/status-notices", {
      kind: "withdrawal",
      organization: "NATO",
      statement: "A notice to take back.",
    })
  ).notice.id;
  webhookId = (
    await as("administrator", "POST", "/api/v1/organizations/NATO/webhooks", {
      url: "https://receiver.example.org/seed",
      events: ["notice.applied"],
    })
  ).webhook.id;
  closedProposal = (
    (await concord.database.db.execute(sql`SELECT min(id)::int AS id FROM proposals WHERE status <> 'open'`))
      .rows[0] as { id: number }
  ).id;

  const document = (await (await fetch(`${concord.baseUrl}/api/openapi.json`)).json()) as {
    paths: Record<string, Record<string, Operation>>;
  };
  endpoints = Object.entries(document.paths)
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
    )
    // Signing out would end the session the rest of the run uses; it takes no input anyway.
    .filter((endpoint) => !(endpoint.method === "DELETE" && endpoint.path === "/api/v1/session"));
}, 120_000);
afterAll(async () => {
  await concord?.stop();
});

// ---------------------------------------------------------------- generators

const anything = fc.oneof(
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(
    "",
    " ",
    "0",
    "-1",
    "9999999999999999999999",
    "2023-02-30",
    "../../etc/passwd",
    "'; DROP TABLE relations; --",
    "\u0000",
    "NATO",
    "COL",
    "ñ𝌆",
  ),
);

/** Values near what a schema asks for, and far from it: wrong types, edge strings, extra fields. */
function near(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 3) return anything;
  const options: Array<fc.Arbitrary<unknown>> = [anything];
  if (schema.enum) options.push(fc.constantFrom(...schema.enum));
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) options.push(...alternatives.map((alternative) => near(alternative, depth + 1)));
  if (schema.properties) {
    const fields = Object.fromEntries(
      Object.entries(schema.properties).map(([name, property]) => [name, near(property, depth + 1)]),
    );
    options.push(
      fc.record(fields, { requiredKeys: [] }),
      fc.record({ ...fields, unexpected: anything }, { requiredKeys: [] }),
    );
  }
  if (schema.items) options.push(fc.array(near(schema.items, depth + 1), { maxLength: 3 }));
  return fc.oneof(...options);
}

/**
 * Characters a valid text may be spoiled with: U+0000 (PostgreSQL text cannot hold it), lone
 * surrogates (no UTF-8 encoding), direction and invisible marks, a percent-encoded NUL, padding.
 */
const AWKWARD = ["\u0000", "\ud800", "\udc00", "\u202e", "\ufeff", "\u2028", "%00", " ", "\t", "𝌆"];

/** A valid example with each field kept (mostly), dropped, replaced by a near value, or spoiled; sometimes an extra field. */
function mutated(example: Record<string, unknown>, schema: Schema | undefined): fc.Arbitrary<Record<string, unknown>> {
  const keys = [...new Set([...Object.keys(example), ...Object.keys(schema?.properties ?? {})])];
  const variants = keys.map((key) => {
    const options: Array<fc.WeightedArbitrary<{ value: unknown } | undefined>> = [
      { weight: 1, arbitrary: near(schema?.properties?.[key]).map((value) => ({ value })) },
    ];
    if (key in example)
      options.push(
        { weight: 6, arbitrary: fc.constant({ value: example[key] }) },
        { weight: 1, arbitrary: fc.constant(undefined) },
      );
    else options.push({ weight: 3, arbitrary: fc.constant(undefined) });
    const value = example[key];
    if (typeof value === "string") {
      options.push({
        weight: 2,
        arbitrary: fc
          .tuple(fc.constantFrom(...AWKWARD), fc.boolean())
          .map(([awkward, before]) => ({ value: before ? awkward + value : value + awkward })),
      });
    }
    return fc.oneof(...options);
  });
  return fc.tuple(fc.tuple(...variants), fc.option(anything, { freq: 5 })).map(([chosen, extra]) => {
    const body: Record<string, unknown> = {};
    keys.forEach((key, index) => {
      if (chosen[index] !== undefined) body[key] = chosen[index]!.value;
    });
    if (extra !== null) body.unexpected = extra;
    return body;
  });
}

const endpointKey = (endpoint: Endpoint) => `${endpoint.method} ${endpoint.path}`;
const pathParameters = (endpoint: Endpoint) => (endpoint.operation.parameters ?? []).filter((p) => p.in === "path");
const bodySchema = (endpoint: Endpoint) => endpoint.operation.requestBody?.content["application/json"]?.schema;

type Input = {
  path: unknown[];
  query: Array<[string, string]>;
  body: string;
  as: As;
  idempotencyKey: string | null;
  contentType: string;
};

/** Every way of saying "JSON" a client may use: each must meet the same guards. */
const JSON_CONTENT_TYPES = [
  "application/json",
  "Application/JSON; charset=UTF-8",
  "application/vnd.concord+json",
  "APPLICATION/MERGE-PATCH+JSON",
];

const request = (endpoint: Endpoint): fc.Arbitrary<Input> => {
  const example = examples()[endpointKey(endpoint)];
  const bodies: Array<fc.WeightedArbitrary<string>> = [
    { weight: 2, arbitrary: near(bodySchema(endpoint)).map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 1, arbitrary: fc.constant("{") },
  ];
  if (example)
    bodies.push({
      weight: 6,
      arbitrary: mutated(example.body, bodySchema(endpoint)).map((value) => JSON.stringify(value)),
    });
  return fc.record({
    path: fc.tuple(
      ...pathParameters(endpoint).map((p) => {
        const known = knownPathValues(endpoint, p.name);
        return known.length > 0 ? fc.oneof(near(p.schema), fc.constantFrom(...known)) : near(p.schema);
      }),
      fc.constant(0),
    ),
    query: fc.array(
      fc.tuple(
        fc.constantFrom(
          ...((endpoint.operation.parameters ?? [])
            .filter((p) => p.in === "query")
            .map((p) => p.name)
            .concat("junk") as [string, ...string[]]),
        ),
        fc.string({ unit: "binary", maxLength: 30 }),
      ),
      { maxLength: 4 },
    ),
    body: fc.oneof(...bodies),
    as: fc.constantFrom<As>("anonymous", "administrator", "delegate"),
    // A retry of a change, or the same key reused for another: replayed or refused, never done twice.
    idempotencyKey: fc.option(fc.constantFrom("fuzz-key-1", "fuzz-key-2"), { freq: 4 }),
    contentType: fc.constantFrom(...JSON_CONTENT_TYPES),
  });
};

/**
 * Tried first: from the principal who may send it, the valid example with each text field spoiled
 * by each awkward character in turn (chance alone would seldom combine a valid body with one of
 * them), then the example as it is from each principal, so the service behind the validator is
 * reached. Spoiled ones go first: a valid one may close what they aim at.
 */
function exampleInputs(endpoint: Endpoint): Array<[Input]> {
  const key = endpointKey(endpoint);
  if (!examples()[key]) return [];
  let n = 0;
  const input = (change: (body: Record<string, unknown>) => Record<string, unknown>, who?: As): [Input] => {
    const example = examples(n++)[key]!;
    const path = [...pathParameters(endpoint).map((p) => example.path[p.name] ?? "x"), 0];
    return [
      {
        path,
        query: [],
        body: JSON.stringify(change(example.body)),
        as: who ?? example.by,
        idempotencyKey: null,
        contentType: JSON_CONTENT_TYPES[n % JSON_CONTENT_TYPES.length]!,
      },
    ];
  };
  const spoiled = Object.entries(examples()[key]!.body)
    .filter((entry): entry is [string, string] => typeof entry[1] === "string")
    .flatMap(([field, value]) => AWKWARD.map((awkward) => input((body) => ({ ...body, [field]: value + awkward }))));
  return [
    ...spoiled,
    ...(["anonymous", "delegate", "administrator"] as const).map((who) => input((body) => body, who)),
  ];
}

describe("malformed input to every endpoint", () => {
  it("has a valid example to start from for every decision endpoint that takes a body", () => {
    const decisionBodies = endpoints.filter(
      (endpoint) =>
        endpoint.operation.requestBody &&
        endpoint.operation.tags?.some((tag) => ["Decisions", "Webhooks"].includes(tag)),
    );
    expect(decisionBodies.length).toBeGreaterThanOrEqual(10);
    expect(decisionBodies.map(endpointKey).filter((key) => !(key in examples()))).toEqual([]);
  });

  it("documents a length limit for every free text a request may carry", () => {
    /** Paths to string fields that are neither bounded nor constrained by a pattern, format or list of values. */
    const unbounded = (schema: Schema | undefined, at: string): string[] => {
      if (!schema) return [];
      const nested = [
        ...Object.entries(schema.properties ?? {}).flatMap(([name, property]) => unbounded(property, `${at}.${name}`)),
        ...(schema.items ? unbounded(schema.items, `${at}[]`) : []),
        ...[...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].flatMap((alternative) => unbounded(alternative, at)),
      ];
      const isString = schema.type === "string" || (Array.isArray(schema.type) && schema.type.includes("string"));
      const free = isString && schema.maxLength === undefined && !schema.pattern && !schema.format && !schema.enum;
      return free ? [at, ...nested] : nested;
    };
    const withBodies = endpoints.filter((endpoint) => bodySchema(endpoint));
    expect(withBodies.length).toBeGreaterThan(10);
    const missing = withBodies.flatMap((endpoint) => unbounded(bodySchema(endpoint), endpointKey(endpoint)));
    const queries = endpoints.flatMap((endpoint) =>
      (endpoint.operation.parameters ?? []).flatMap((parameter) =>
        unbounded(parameter.schema, `${endpointKey(endpoint)} ?${parameter.name}`),
      ),
    );
    expect([...missing, ...queries]).toEqual([]);
  });

  it("never yields a 5xx, answers refusals in the error shape, and a refusal changes nothing", async () => {
    expect(endpoints.length).toBeGreaterThan(20);
    let requests = 0;
    const failures: string[] = [];
    /** What each endpoint with an example answered: at least once something other than a validation error. */
    const answered = new Map<string, Set<number>>();
    for (const endpoint of endpoints) {
      const key = endpointKey(endpoint);
      const property = fc.asyncProperty(request(endpoint), async (input) => {
        let path = endpoint.path;
        pathParameters(endpoint).forEach((parameter, index) => {
          const value = input.path[index];
          path = path.replace(
            `{${parameter.name}}`,
            encodeURIComponent(typeof value === "string" ? value : JSON.stringify(value)) || "x",
          );
        });
        const url = `${concord.baseUrl}${path}?${new URLSearchParams(input.query).toString()}`;
        const headers: Record<string, string> = { "Content-Type": input.contentType };
        if (input.as !== "anonymous")
          Object.assign(headers, { Cookie: sessions[input.as].cookie, "X-CSRF-Token": sessions[input.as].csrf });
        if (input.idempotencyKey !== null) headers["Idempotency-Key"] = input.idempotencyKey;
        const before = await snapshot();
        const response = await fetch(url, {
          method: endpoint.method,
          headers,
          body: endpoint.method === "GET" || endpoint.method === "HEAD" ? undefined : input.body,
        });
        const text = await response.text();
        requests += 1;
        if (!answered.has(key)) answered.set(key, new Set());
        answered.get(key)!.add(response.status);
        const where = `${endpoint.method} ${url} as ${input.as} ${JSON.stringify(input.body.slice(0, 120))}`;
        expect(response.status, `${where} → ${text.slice(0, 200)}`).toBeLessThan(500);
        if (response.status >= 400) {
          const body = JSON.parse(text) as { error?: { id?: string; message?: string } };
          expect(body.error?.id, where).toMatch(/^[a-z_]+$/);
          expect(body.error?.message?.length, where).toBeGreaterThan(0);
          expect(await snapshot(), `${where} was refused but changed data`).toBe(before);
        }
      });
      // Every endpoint is tried even when one fails, so that one run lists every problem.
      try {
        await fc.assert(property, { numRuns: key in examples() ? 60 : 25, examples: exampleInputs(endpoint) });
      } catch (error) {
        const counterexample =
          (error as Error).message.split("\n").find((line) => line.startsWith("Counterexample")) ??
          (error as Error).message;
        const cause = ((error as Error).cause as Error | undefined)?.message.split("\n")[0] ?? "";
        failures.push(`${key}: ${cause.slice(0, 400)} | ${counterexample.slice(0, 600)}`);
      }
    }
    for (const key of Object.keys(examples())) {
      const statuses = [...(answered.get(key) ?? [])];
      if (!statuses.some((status) => status !== 400))
        failures.push(`${key}: never got past validation (answered ${statuses.join(", ") || "nothing"})`);
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThanOrEqual(endpoints.length * 25);
    console.info(`malformed input: ${requests} requests to ${endpoints.length} endpoints, none answered 5xx`);
  }, 600_000);
});

describe("what an attacker tries first", () => {
  const send = async (
    who: As,
    method: string,
    path: string,
    body: string | undefined,
    contentType = "application/json",
  ) => {
    const headers: Record<string, string> = { "Content-Type": contentType };
    if (who !== "anonymous")
      Object.assign(headers, { Cookie: sessions[who].cookie, "X-CSRF-Token": sessions[who].csrf });
    const response = await fetch(concord.baseUrl + path, { method, headers, body });
    const text = await response.text();
    return {
      status: response.status,
      body: text.startsWith("{")
        ? (JSON.parse(text) as { error?: { id: string; message: string } } & Record<string, any>)
        : text,
      headers: response.headers,
    };
  };
  const refused = async (
    who: As,
    method: string,
    path: string,
    body: string | undefined,
    status: number,
    message: RegExp,
    contentType?: string,
  ) => {
    const before = await snapshot();
    const answer = await send(who, method, path, body, contentType);
    expect(answer.status, `${method} ${path} ${String(body).slice(0, 80)}`).toBe(status);
    expect((answer.body as { error: { message: string } }).error.message).toMatch(message);
    expect(await snapshot(), "a refusal changed data").toBe(before);
  };
  const claim = { source: "nato-member-countries" };

  it("refuses impossible relations by what is wrong: a state related to itself, an organisation as a state's member", async () => {
    await refused(
      "administrator",
      "POST",
      "/api/v1/relations",
      JSON.stringify({ subject: "NATO", object: "NATO", kind: "observer", since: "2000-01-01", claims: [claim] }),
      400,
      /^body\.object: NATO cannot stand in a relation to itself/,
    );
    await refused(
      "curator",
      "POST",
      "/api/v1/relations",
      JSON.stringify({ subject: "EU", object: "COL", kind: "member", since: "2000-01-01", claims: [claim] }),
      400,
      /^body\.object: COL is a state; a member relation is held towards an organisation/,
    );
    await refused(
      "curator",
      "POST",
      "/api/v1/relations",
      JSON.stringify({ subject: "COL", object: "COL", kind: "observer", since: "2000-01-01", claims: [claim] }),
      400,
      /cannot stand in a relation to itself/,
    );
  });

  it("takes URLs with upper-case schemes, stored as the parser writes them", async () => {
    const source = await send(
      "administrator",
      "POST",
      "/api/v1/sources",
      JSON.stringify({ id: "upper-case-scheme", title: "t", publisher: "p", url: "HTTPS://Example.ORG/Report" }),
    );
    expect(source.status, JSON.stringify(source.body)).toBe(201);
    const stored = await concord.database.db.execute(sql`SELECT url FROM sources WHERE id = 'upper-case-scheme'`);
    expect(stored.rows).toEqual([{ url: "https://example.org/Report" }]);
    const hook = await send(
      "administrator",
      "POST",
      "/api/v1/organizations/NATO/webhooks",
      JSON.stringify({ url: "HTTPS://Receiver.Example.org/x", events: ["notice.applied"] }),
    );
    expect(hook.status).toBe(201);
  });

  it("refuses lone surrogates and U+0000, in names of files too, whatever JSON media type carries them", async () => {
    for (const contentType of JSON_CONTENT_TYPES) {
      // Escapes in the JSON text itself: a string holding the character would be sent as U+FFFD.
      for (const name of ["report\\ud800.pdf", "\\udc00", "a\\u0000b.txt"]) {
        const body = `{"name":"${name}","mediaType":"text/plain","content":"${Buffer.from("x").toString("base64")}"}`;
        await refused(
          "administrator",
          "POST",
          `/api/v1/proposals/${targets.attachments}/attachments`,
          body,
          400,
          /^body\.name: must not contain U\+0000 or a lone surrogate/,
          contentType,
        );
      }
    }
  });

  it("refuses U+0000 in a query's text, naming the parameter (the fuzzing found it in the audit log's filter)", async () => {
    await refused(
      "administrator",
      "GET",
      "/api/v1/audit?actor=%00",
      undefined,
      400,
      /^query\.actor: must not contain U\+0000/,
    );
    await refused(
      "administrator",
      "GET",
      "/api/v1/menu?q=a%00b",
      undefined,
      400,
      /^query\.q: must not contain U\+0000/,
    );
  });

  it("refuses a body nested deeper than any request needs, naming where", async () => {
    const deep = `{"statement":${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    await refused(
      "delegate",
      "POST",
      `/api/v1/status-notices/${noticeId}/withdraw`,
      deep,
      400,
      /^body\.statement(\.0)+: nested more than 32 levels deep/,
    );
  });

  /**
   * A POST as a careful client sends one: it reads the answer even when the server answers
   * before the whole body is sent (and then stops reading it), as a 413 does.
   */
  const postUnread = (who: Exclude<As, "anonymous">, path: string, body: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(concord.baseUrl + path, {
        method: "POST",
        // A connection of its own: the server closes one whose body it stopped reading.
        agent: false,
        headers: {
          "Content-Type": "application/json",
          "Content-Length": Buffer.byteLength(body),
          Cookie: sessions[who].cookie,
          "X-CSRF-Token": sessions[who].csrf,
        },
      });
      let answered = false;
      request.on("response", (response) => {
        answered = true;
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
        );
      });
      request.on("error", (error) => {
        if (!answered) reject(error);
      });
      request.end(body);
    });

  it("refuses a body larger than its endpoint takes with 413, naming the limit, and takes attachments up to theirs", async () => {
    // A proposal of its own: the fuzzing above may have closed the shared targets, as it is meant to try.
    const proposal = await openProposal("nato-nac");
    const before = await snapshot();
    const large = await postUnread(
      "administrator",
      "/api/v1/proposals",
      JSON.stringify({ body: "nato-nac", title: "Large", text: "x".repeat(1_100_000) }),
    );
    expect(large.status).toBe(413);
    expect(JSON.parse(large.body).error.message).toMatch(/larger than 1 MiB, the most this endpoint takes/);
    expect(await snapshot()).toBe(before);
    const content = Buffer.alloc(3 * 1024 * 1024, 7).toString("base64");
    const attached = await send(
      "administrator",
      "POST",
      `/api/v1/proposals/${proposal}/attachments`,
      JSON.stringify({ name: "large.bin", mediaType: "application/octet-stream", content }),
    );
    expect(attached.status).toBe(200);
    const huge = await postUnread(
      "administrator",
      `/api/v1/proposals/${proposal}/attachments`,
      JSON.stringify({ name: "huge.bin", mediaType: "application/pdf", content: "A".repeat(9 * 1024 * 1024) }),
    );
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body).error.message).toMatch(/larger than 8 MiB/);
  });

  it("answers a change by nobody signed in 401 before reading its body, however large", async () => {
    const anonymous = await new Promise<number>((resolve, reject) => {
      const request = http.request(`${concord.baseUrl}/api/v1/proposals`, {
        method: "POST",
        agent: false,
        headers: { "Content-Type": "application/json" },
      });
      request.on("response", (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on("error", reject);
      // A body that never ends: the answer must come without it.
      request.write("x".repeat(64 * 1024));
    });
    expect(anonymous).toBe(401);
    await refused("anonymous", "POST", "/api/v1/relations", "{not json at all", 401, /^Sign in first/);
  });

  it("serves an attachment a browser could run as bytes to save, in a sandbox", async () => {
    // A proposal of its own: the fuzzing above may have closed the shared targets, as it is meant to try.
    const proposal = await openProposal("nato-nac");
    const html = Buffer.from("<script>alert(document.cookie)</script>").toString("base64");
    const attached = await send(
      "administrator",
      "POST",
      `/api/v1/proposals/${proposal}/attachments`,
      JSON.stringify({ name: "page.html", mediaType: "text/html", content: html }),
    );
    expect(attached.status).toBe(200);
    const id = (
      attached.body as { proposal: { attachments: Array<{ id: number; name: string }> } }
    ).proposal.attachments.find((file) => file.name === "page.html")!.id;
    const download = await send("administrator", "GET", `/api/v1/proposals/${proposal}/attachments/${id}`, undefined);
    expect(download.headers.get("content-type")).toBe("application/octet-stream");
    expect(download.headers.get("content-security-policy")).toBe("sandbox; default-src 'none'");
    expect(download.headers.get("content-disposition")).toMatch(
      /^attachment; filename="page.html"; filename\*=UTF-8''page.html$/,
    );
  });
});
