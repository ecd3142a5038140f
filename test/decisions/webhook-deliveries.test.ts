/**
 * Webhook deliveries kept apart: sent by workers of their own, outside any transaction, with a
 * cap per organisation, so that a receiver that never answers delays neither a deadline nor
 * another organisation's deliveries; and sent only to public addresses unless the operator
 * allows others, checked on the URL when the webhook is made and on the resolved address at
 * every connection, with failures recorded in words that do not map the network.
 */
import type dns from "node:dns";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { insertDeliveries, insertWebhook } from "../../src/db/repositories/webhooks.ts";
import { WebhookDeliverer } from "../../src/services/webhook-deliveries.ts";
import { startConcord, type TestConcord } from "../support/concord.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { signInAs, type Person } from "../support/people.ts";
import { until } from "../support/wait.ts";

/** A receiver on loopback that answers 200, or (`hang`) takes each request and never answers. */
async function receiver(options: { hang?: boolean } = {}) {
  const received: string[] = [];
  let open = 0;
  let mostOpen = 0;
  const server = http.createServer((request, response) => {
    open++;
    mostOpen = Math.max(mostOpen, open);
    // The answer's close: when the connection ends (a request's own close comes once its body is read).
    response.on("close", () => open--);
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push(Buffer.concat(chunks).toString("utf8"));
      if (!options.hang) response.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}/concord`,
    received,
    open: () => open,
    mostOpen: () => mostOpen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe("a webhook's address, when it is made", () => {
  let concord: TestConcord;
  let admin: Person;
  beforeAll(async () => {
    concord = await startConcord();
    admin = await signInAs(concord, { organization: "NATO", role: "secretariat-admin" });
  }, 120_000);
  afterAll(async () => {
    await concord?.stop();
  });

  it("is refused when it is a loopback, private or link-local address, naming which; nothing is stored", async () => {
    const refused: Array<[string, RegExp]> = [
      ["http://127.0.0.1:8080/hook", /127\.0\.0\.1 is a loopback address/],
      ["HTTP://127.0.0.1/upper-case-scheme", /127\.0\.0\.1 is a loopback address/],
      ["http://2130706433/decimal", /127\.0\.0\.1 is a loopback address/],
      ["http://[::1]/hook", /\[::1\] is a loopback address/],
      ["http://[::ffff:10.0.0.1]/mapped", /is a private address/],
      ["http://localhost:3000/hook", /localhost is a loopback address/],
      ["http://10.1.2.3/hook", /10\.1\.2\.3 is a private address/],
      ["https://192.168.0.10/hook", /192\.168\.0\.10 is a private address/],
      ["http://172.16.5.4/hook", /is a private address/],
      ["http://169.254.169.254/latest/meta-data", /169\.254\.169\.254 is a link-local address/],
      ["http://[fe80::1]/hook", /is a link-local address/],
      ["http://0.0.0.0/hook", /is an unspecified address/],
    ];
    for (const [url, message] of refused) {
      const answer = await admin.send("POST", "/api/v1/organizations/NATO/webhooks", { url, events: ["*"] });
      expect(answer.status, url).toBe(400);
      expect(answer.body.error.message, url).toMatch(/^body\.url: /);
      expect(answer.body.error.message, url).toMatch(message);
      expect(answer.body.error.message, url).toContain("CONCORD_WEBHOOK_ALLOW_PRIVATE");
    }
    const stored = (await concord.database.db.execute(sql`SELECT count(*)::int AS n FROM webhooks`)).rows[0] as {
      n: number;
    };
    expect(stored.n).toBe(0);

    const accepted = await admin.send("POST", "/api/v1/organizations/NATO/webhooks", {
      url: "HTTPS://Receiver.Example.ORG/hook",
      events: ["*"],
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    // Stored as the URL parser writes it: the scheme and host in lower case.
    expect(accepted.body.webhook.url).toBe("https://receiver.example.org/hook");
  });
});

describe("a delivery's address, at every connection", () => {
  let test: TestDatabase;
  let target: Awaited<ReturnType<typeof receiver>>;
  const deliverers: WebhookDeliverer[] = [];

  beforeAll(async () => {
    test = await createTestDatabase();
    target = await receiver();
  }, 120_000);
  afterEach(async () => {
    for (const deliverer of deliverers.splice(0)) await deliverer.stop();
    // Each test's webhooks end with it: the next test's events are for its own alone.
    await test.db.execute(sql`UPDATE webhooks SET disabled_at = now() WHERE disabled_at IS NULL`);
    await test.db.execute(
      sql`UPDATE webhook_deliveries SET gave_up_at = clock_timestamp() WHERE delivered_at IS NULL AND gave_up_at IS NULL`,
    );
  });
  afterAll(async () => {
    await target?.close();
    await test?.drop();
  });

  /** A resolver that answers for the test's host names, as a DNS server would. */
  const resolving = (answers: Record<string, string[]>): typeof dns.lookup =>
    ((
      hostname: string,
      _options: unknown,
      callback: (error: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => void,
    ) => {
      const addresses = answers[hostname];
      if (!addresses)
        return callback(
          Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND", hostname }),
          [],
        );
      callback(
        null,
        addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })),
      );
    }) as unknown as typeof dns.lookup;

  function deliverer(options: { allowPrivate: boolean; lookup?: typeof dns.lookup }) {
    const made = new WebhookDeliverer({
      db: test.db,
      databaseUrl: test.url,
      instance: "test",
      concurrency: 1,
      perOrganization: 2,
      timeoutMs: 5_000,
      ...options,
    });
    deliverers.push(made);
    return made;
  }

  /** Webhooks of NATO's at these URLs, stored as they are (as if made before the checks, or by another path), and one event for them all: a delivery due to each. */
  async function deliveriesTo(...urls: string[]): Promise<number[]> {
    const webhooks = [];
    for (const url of urls)
      webhooks.push(
        await insertWebhook(test.db, {
          organization: "NATO",
          url,
          secret: "s".repeat(40),
          events: ["*"],
          createdBy: "test",
        }),
      );
    await insertDeliveries(test.db, [
      JSON.stringify({ type: "proposal.opened", organization: "NATO", proposalId: 1, at: new Date().toISOString() }),
    ]);
    const ids = [];
    for (const webhook of webhooks)
      ids.push(
        (
          (await test.db.execute(sql`SELECT id::int AS id FROM webhook_deliveries WHERE webhook_id = ${webhook.id}`))
            .rows[0] as { id: number }
        ).id,
      );
    return ids;
  }

  async function delivery(id: number | undefined) {
    if (id === undefined) throw new Error("no such delivery");
    return (
      await test.db.execute(
        sql`SELECT attempts, last_status AS "lastStatus", last_error AS "lastError", delivered_at AS "deliveredAt", leased_until AS "leasedUntil" FROM webhook_deliveries WHERE id = ${id}`,
      )
    ).rows[0] as {
      attempts: number;
      lastStatus: number | null;
      lastError: string | null;
      deliveredAt: Date | null;
      leasedUntil: Date | null;
    };
  }

  it("is refused when a host name resolves to a loopback address, and sent when the operator allows it", async () => {
    const lookup = resolving({ "receiver.test": ["127.0.0.1"] });
    const [refused] = await deliveriesTo(`http://receiver.test:${target.port}/concord`);
    expect(await deliverer({ allowPrivate: false, lookup }).deliverDue()).toBe(1);
    expect(await delivery(refused)).toMatchObject({
      attempts: 1,
      lastStatus: null,
      deliveredAt: null,
      leasedUntil: null,
    });
    expect((await delivery(refused)).lastError).toBe(
      "the receiver's address is not a public one (loopback, private or link-local addresses are refused)",
    );
    expect(target.received).toEqual([]);

    // The same name, the same receiver: with private addresses allowed, it arrives (so the refusal above was the address check's).
    await test.db.execute(sql`UPDATE webhook_deliveries SET next_attempt_at = clock_timestamp() WHERE id = ${refused}`);
    expect(await deliverer({ allowPrivate: true, lookup }).deliverDue()).toBe(1);
    expect(await delivery(refused)).toMatchObject({ attempts: 2, lastStatus: 200, lastError: null });
    expect(target.received).toHaveLength(1);
  });

  it("is refused when any address a name resolves to is private (a public one beside it does not help)", async () => {
    const [id] = await deliveriesTo(`http://mixed.test:${target.port}/concord`);
    expect(
      await deliverer({
        allowPrivate: false,
        lookup: resolving({ "mixed.test": ["93.184.215.14", "10.0.0.7"] }),
      }).deliverDue(),
    ).toBe(1);
    expect((await delivery(id)).lastError).toMatch(/not a public one/);
  });

  it("is refused for localhost and literal loopback addresses, with the system's own resolver too", async () => {
    const [byName, literal] = await deliveriesTo(
      `http://localhost:${target.port}/concord`,
      `http://127.0.0.1:${target.port}/concord`,
    );
    const received = target.received.length;
    expect(await deliverer({ allowPrivate: false }).deliverDue()).toBe(2);
    for (const id of [byName, literal]) expect((await delivery(id)).lastError).toMatch(/not a public one/);
    expect(target.received.length).toBe(received);
  });

  it("records failures in general words, without the address, port or resolver's message", async () => {
    const closed = await receiver();
    await closed.close(); // nothing listens there now
    const [refused, unknown] = await deliveriesTo(
      `http://127.0.0.1:${closed.port}/concord`,
      "http://nowhere.test/concord",
    );
    expect(await deliverer({ allowPrivate: true, lookup: resolving({}) }).deliverDue()).toBe(2);
    expect((await delivery(refused)).lastError).toBe("the receiver refused the connection");
    expect((await delivery(unknown)).lastError).toBe("the receiver's host name could not be resolved");
    const shown = JSON.stringify([await delivery(refused), await delivery(unknown)]);
    for (const detail of ["127.0.0.1", String(closed.port), "ECONNREFUSED", "ENOTFOUND", "getaddrinfo", "nowhere.test"])
      expect(shown).not.toContain(detail);
  });
});

describe("a receiver that never answers", () => {
  let concord: TestConcord;
  let hanging: Awaited<ReturnType<typeof receiver>>;
  let answering: Awaited<ReturnType<typeof receiver>>;
  let natoStaff: Person;
  let unasurStaff: Person;

  beforeAll(async () => {
    hanging = await receiver({ hang: true });
    answering = await receiver();
    concord = await startConcord({
      CONCORD_WEBHOOK_ALLOW_PRIVATE: "true",
      // Longer than the test: an unanswered POST stays in flight throughout.
      CONCORD_WEBHOOK_TIMEOUT_SECONDS: "600",
      CONCORD_WEBHOOK_PER_ORGANIZATION: "2",
      CONCORD_WEBHOOK_CONCURRENCY: "4",
    });
    const natoAdmin = await signInAs(concord, { organization: "NATO", role: "secretariat-admin" });
    const unasurAdmin = await signInAs(concord, { organization: "UNASUR", role: "secretariat-admin" });
    expect(
      (await natoAdmin.send("POST", "/api/v1/organizations/NATO/webhooks", { url: hanging.url, events: ["*"] })).status,
    ).toBe(201);
    expect(
      (await unasurAdmin.send("POST", "/api/v1/organizations/UNASUR/webhooks", { url: answering.url, events: ["*"] }))
        .status,
    ).toBe(201);
    natoStaff = await signInAs(concord, { organization: "NATO", role: "secretariat-staff" });
    unasurStaff = await signInAs(concord, { organization: "UNASUR", role: "secretariat-staff" });
  }, 120_000);
  afterAll(async () => {
    await concord?.stop();
    await hanging?.close();
    await answering?.close();
  });

  it("holds at most its organisation's cap of delivery slots, and delays neither another organisation's deadline nor its deliveries", async () => {
    for (let n = 0; n < 5; n++) {
      const opened = await natoStaff.send("POST", "/api/v1/proposals", {
        body: "nato-nac",
        title: `Unheard ${n}`,
        text: "A text.",
      });
      expect(opened.status).toBe(201);
    }
    await until("NATO's receiver to hold two deliveries", () => (hanging.open() === 2 ? true : undefined));

    // A silence procedure of UNASUR's, due in two seconds, while NATO's deliveries hang.
    const deadline = new Date(Date.now() + 2_000).toISOString();
    const opened = await unasurStaff.send("POST", "/api/v1/proposals", {
      body: "unasur-council",
      title: "On time",
      text: "A text.",
      procedure: { kind: "silence" },
      deadline,
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const id = opened.body.proposal.id as number;
    const decided = await until(
      "UNASUR's deadline to be decided",
      async () => {
        const proposal = (await unasurStaff.send("GET", `/api/v1/proposals/${id}`)).body.proposal;
        return proposal.status === "open" ? undefined : proposal;
      },
      60_000,
    );
    expect(decided.status).toBe("adopted");
    const kinds = await until("UNASUR's receiver to be told of the opening and the outcome", () => {
      const told = answering.received
        .map((body) => JSON.parse(body) as { type: string; proposalId: number })
        .filter((event) => event.proposalId === id);
      return told.length >= 2 ? told.map((event) => event.type) : undefined;
    });
    expect(kinds).toEqual(["proposal.opened", "proposal.decided"]);

    // All the while, NATO's receiver held two deliveries and never more; the other three wait, untried.
    expect(hanging.open()).toBe(2);
    expect(hanging.mostOpen()).toBe(2);
    const nato = (
      await concord.database.db.execute(sql`
      SELECT count(*) FILTER (WHERE d.leased_until > clock_timestamp())::int AS "inFlight", count(*) FILTER (WHERE d.attempts = 0)::int AS untried, count(*)::int AS "all"
      FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id WHERE w.organization_code = 'NATO'`)
    ).rows[0];
    expect(nato).toEqual({ inFlight: 2, untried: 5, all: 5 });
  }, 120_000);
});
