/**
 * Following decisions as they happen: a browser's stream of server-sent events (GET
 * /api/v1/events), and webhooks POSTed to another system, signed with the subscription's secret
 * and retried when the receiver fails. Both are fed by events published in the transaction of the
 * change they report, so each test makes a change over the API and watches what arrives.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifySignature } from "../../src/services/webhooks.ts";
import { startConcord, type TestConcord } from "../support/concord.ts";
import { signInAs, type Person } from "../support/people.ts";
import { until } from "../support/wait.ts";

let concord: TestConcord;
let natoStaff: Person;
let unasurStaff: Person;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Change = {
  type: string;
  organization: string;
  proposalId?: number;
  states?: string[];
  status?: string;
  at: string;
};

beforeAll(async () => {
  // The receivers below listen on loopback, which Concord refuses unless the operator allows it.
  concord = await startConcord({ CONCORD_WEBHOOK_ALLOW_PRIVATE: "true" });
  natoStaff = await signInAs(concord, { organization: "NATO", role: "secretariat-staff" });
  unasurStaff = await signInAs(concord, { organization: "UNASUR", role: "secretariat-staff" });
}, 120_000);
afterAll(async () => {
  await concord?.stop();
});

async function openProposal(by: Person, body: string, title = "A text to follow") {
  const answer = await by.send("POST", "/api/v1/proposals", { body, title, text: "The text." });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.proposal.id as number;
}

/** A browser's EventSource, by hand: the stream of `change` events one signed-in reader receives. */
async function follow(person: Person) {
  const controller = new AbortController();
  const response = await fetch(`${concord.baseUrl}/api/v1/events`, {
    headers: { Cookie: person.cookie, Accept: "text/event-stream" },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
  const received: Array<{ event: string; data: string }> = [];
  let closed = false;
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          const lines = buffer.slice(0, end).split("\n");
          buffer = buffer.slice(end + 2);
          if (lines.every((line) => line.startsWith(":"))) continue; // a keep-alive comment
          const event = { event: "message", data: "" };
          for (const line of lines) {
            if (line.startsWith("event:")) event.event = line.slice(6).trim();
            else if (line.startsWith("data:")) event.data += line.slice(5).trimStart();
          }
          received.push(event);
        }
      }
    } catch {
      // Aborted at the end of the test.
    } finally {
      closed = true;
    }
  })();
  await until("the stream to be ready", () => received.find((event) => event.event === "ready"));
  const changes = () =>
    received.filter((event) => event.event === "change").map((event) => JSON.parse(event.data) as Change);
  return {
    changes,
    /** The reason the server gave for ending the stream, once it has. */
    ended: () => {
      const end = received.find((event) => event.event === "end");
      return end && (JSON.parse(end.data) as { reason: string });
    },
    waitFor: (what: string, predicate: (change: Change) => boolean) => until(what, () => changes().find(predicate)),
    /** True once the stream is over: nothing more can arrive on it. */
    closed: () => closed,
    close: () => controller.abort(),
  };
}

describe("live updates (server-sent events)", () => {
  it("need an account", async () => {
    const answer = await fetch(`${concord.baseUrl}/api/v1/events`);
    expect(answer.status).toBe(401);
  });

  it("tell a NATO reader, at once, of a position taken in a NATO body", async () => {
    const germany = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "DEU" });
    const stream = await follow(natoStaff);
    try {
      const id = await openProposal(natoStaff, "nato-nac");
      expect(
        await stream.waitFor("the opening", (change) => change.proposalId === id && change.type === "proposal.opened"),
      ).toMatchObject({ organization: "NATO", status: "open" });
      const taken = await germany.send("POST", `/api/v1/proposals/${id}/positions`, { position: "concur" });
      expect(taken.status).toBe(200);
      expect(
        await stream.waitFor(
          "the position",
          (change) => change.proposalId === id && change.type === "proposal.position",
        ),
      ).toMatchObject({ organization: "NATO", states: ["DEU"], status: "open" });
    } finally {
      stream.close();
    }
  });

  it("do not tell a NATO reader of another organisation's proposals", async () => {
    const bolivia = await signInAs(concord, { organization: "UNASUR", role: "delegation-head", state: "BOL" });
    const stream = await follow(natoStaff);
    const unasurStream = await follow(unasurStaff);
    try {
      const theirs = await openProposal(unasurStaff, "unasur-council");
      expect((await bolivia.send("POST", `/api/v1/proposals/${theirs}/positions`, { position: "concur" })).status).toBe(
        200,
      );
      // UNASUR's own people hear of it…
      await unasurStream.waitFor(
        "the UNASUR position",
        (change) => change.proposalId === theirs && change.type === "proposal.position",
      );
      // …and a NATO change made afterwards reaches the NATO reader, with nothing of UNASUR's before it.
      const ours = await openProposal(natoStaff, "nato-nac");
      await stream.waitFor("the NATO opening", (change) => change.proposalId === ours);
      expect(stream.changes().filter((change) => change.organization !== "NATO")).toEqual([]);
      expect(unasurStream.changes().some((change) => change.proposalId === ours)).toBe(false);
    } finally {
      stream.close();
      unasurStream.close();
    }
  });

  it("do not tell a NATO delegation of another organisation's votes because its state votes there too", async () => {
    // The United States sits in NATO and in the OAS; its NATO delegation cannot read OAS proposals…
    const usaInNato = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "USA" });
    const usaInOas = await signInAs(concord, { organization: "OAS", role: "delegation-head", state: "USA" });
    const oasStaff = await signInAs(concord, { organization: "OAS", role: "secretariat-staff" });
    const answer = await oasStaff.send("POST", "/api/v1/proposals", {
      body: "oas-permanent-council",
      title: "A resolution",
      text: "The Permanent Council resolves.",
      deadline: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(answer.status).toBe(201);
    const theirs = answer.body.proposal.id as number;
    expect((await usaInNato.send("GET", `/api/v1/proposals/${theirs}`)).status).toBe(404);

    // …so its stream must not tell it of them either.
    const stream = await follow(usaInNato);
    try {
      expect(
        (await usaInOas.send("POST", `/api/v1/proposals/${theirs}/positions`, { position: "concur" })).status,
      ).toBe(200);
      const ours = await openProposal(natoStaff, "nato-nac");
      await stream.waitFor("the NATO opening", (change) => change.proposalId === ours);
      expect(stream.changes().filter((change) => change.proposalId === theirs)).toEqual([]);
    } finally {
      stream.close();
    }
  });

  it("end when the reader signs out, saying so, instead of telling on", async () => {
    const leaving = await signInAs(concord, { organization: "NATO", role: "secretariat-staff", name: "Leaving early" });
    const stream = await follow(leaving);
    try {
      const before = await openProposal(natoStaff, "nato-nac", "Still for this reader");
      await stream.waitFor("the opening while signed in", (change) => change.proposalId === before);
      expect((await leaving.send("DELETE", "/api/v1/session")).status).toBe(204);
      // A stream checks its reader again before sending, when its last check is 5 s old or more:
      // the one wait on a time here, because that window is what is tested. The server runs in
      // this process, on this clock, so a busy machine only makes the wait longer, never too short.
      await sleep(5_100);
      const after = await openProposal(natoStaff, "nato-nac", "Not for a signed-out reader");
      expect(await until("the end of the stream", () => stream.ended())).toEqual({ reason: "signed-out" });
      // Nothing of the later proposal went out, before the end or after it (once the stream is
      // closed, nothing more can).
      await until("the stream to close", () => (stream.closed() ? true : undefined));
      expect(stream.changes().some((change) => change.proposalId === after)).toBe(false);
    } finally {
      stream.close();
    }
  });
});

describe("webhooks", () => {
  type Delivery = { headers: http.IncomingHttpHeaders; body: string; answered: number };
  const deliveries: Delivery[] = [];
  /** Statuses to answer with, in turn; 200 once they run out. */
  const answers: number[] = [];
  let receiver: http.Server;
  let receiverUrl: string;
  let admin: Person;
  let secret: string;
  let webhookId: string;

  beforeAll(async () => {
    receiver = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const answered = answers.shift() ?? 200;
        deliveries.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8"), answered });
        response.writeHead(answered, { "Content-Type": "text/plain" }).end(answered === 200 ? "ok" : "failing");
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/concord`;
    admin = await signInAs(concord, { organization: "NATO", role: "secretariat-admin" });
    const created = await admin.send("POST", "/api/v1/organizations/NATO/webhooks", {
      url: receiverUrl,
      events: ["*"],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    secret = created.body.secret;
    webhookId = created.body.webhook.id;
    expect(created.body.webhook).toMatchObject({
      organization: "NATO",
      url: receiverUrl,
      events: ["*"],
      disabled: false,
      lastDelivery: null,
    });
    expect(secret.length).toBeGreaterThanOrEqual(32);
    // The secret is shown once: never in the list.
    expect(JSON.stringify((await admin.send("GET", "/api/v1/organizations/NATO/webhooks")).body)).not.toContain(secret);
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  const deliveredFor = (id: number, type: string) =>
    until(`a ${type} delivery for proposal ${id}`, () =>
      deliveries.find(
        (delivery) =>
          delivery.answered === 200 &&
          JSON.parse(delivery.body).proposalId === id &&
          JSON.parse(delivery.body).type === type,
      ),
    );

  it("POST the opening and the outcome of a proposal, signed with the subscription's secret", async () => {
    const id = await openProposal(natoStaff, "nato-nac", "A text for other systems");
    const closed = await natoStaff.send("POST", `/api/v1/proposals/${id}/close`, {
      as: "not-adopted",
      reason: "No consensus.",
    });
    expect(closed.status).toBe(200);

    for (const type of ["proposal.opened", "proposal.decided"]) {
      const delivery = await deliveredFor(id, type);
      expect(delivery.headers["content-type"]).toBe("application/json");
      expect(delivery.headers["concord-event"]).toBe(type);
      expect(delivery.headers["concord-delivery"]).toMatch(/^\d+$/);
      const signature = delivery.headers["concord-signature"] as string;
      expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(verifySignature(secret, signature, delivery.body)).toBe(true);
      // Anyone else's secret, or a changed body, does not verify.
      expect(verifySignature(`${secret}x`, signature, delivery.body)).toBe(false);
      const tampered = delivery.body.replace(/"proposalId": ?\d+/, `"proposalId": ${id + 1}`);
      expect(tampered).not.toBe(delivery.body);
      expect(verifySignature(secret, signature, tampered)).toBe(false);
      expect(JSON.parse(delivery.body)).toMatchObject({ type, organization: "NATO", proposalId: id });
    }
    expect(JSON.parse((await deliveredFor(id, "proposal.decided")).body)).toMatchObject({ status: "not-adopted" });
  });

  it("are not sent another organisation's events", async () => {
    const theirs = await openProposal(unasurStaff, "unasur-council");
    const ours = await openProposal(natoStaff, "nato-nac");
    await deliveredFor(ours, "proposal.opened");
    expect(deliveries.some((delivery) => JSON.parse(delivery.body).proposalId === theirs)).toBe(false);
  });

  it("retry a delivery the receiver failed, with the same delivery id, until it succeeds", async () => {
    // Earlier deliveries are done, so that the failure is this one's.
    await until("no delivery pending", async () =>
      (
        (
          await concord.database.db.execute(
            sql`SELECT count(*)::int AS n FROM webhook_deliveries WHERE delivered_at IS NULL AND gave_up_at IS NULL`,
          )
        ).rows[0] as { n: number }
      ).n === 0
        ? true
        : undefined,
    );
    answers.push(500);
    const id = await openProposal(natoStaff, "nato-nac", "A text the receiver fails at first");
    const first = await until("the failed attempt", () => deliveries.find((delivery) => delivery.answered === 500));
    expect(JSON.parse(first.body)).toMatchObject({ type: "proposal.opened", proposalId: id });
    const deliveryId = Number(first.headers["concord-delivery"]);

    const recorded = async () =>
      (
        await concord.database.db.execute(
          sql`SELECT attempts, last_status AS "lastStatus", last_error AS "lastError", delivered_at AS "deliveredAt" FROM webhook_deliveries WHERE id = ${deliveryId}`,
        )
      ).rows[0] as { attempts: number; lastStatus: number | null; lastError: string | null; deliveredAt: Date | null };
    await until("the failure to be recorded", async () => ((await recorded()).attempts === 1 ? true : undefined));
    expect(await recorded()).toMatchObject({
      attempts: 1,
      lastStatus: 500,
      lastError: "the receiver answered 500",
      deliveredAt: null,
    });

    // The retry waits 10 s; bring it forward, as time would.
    const retry = (
      await concord.database.db.execute(
        sql`SELECT next_attempt_at AS "nextAttemptAt", leased_until AS "leasedUntil" FROM webhook_deliveries WHERE id = ${deliveryId}`,
      )
    ).rows[0] as { nextAttemptAt: Date; leasedUntil: Date | null };
    expect(new Date(retry.nextAttemptAt).getTime() - Date.now(), "a retry is scheduled").toBeGreaterThan(5_000);
    expect(retry.leasedUntil, "nobody holds it meanwhile").toBeNull();
    await concord.database.db.execute(
      sql`UPDATE webhook_deliveries SET next_attempt_at = clock_timestamp() WHERE id = ${deliveryId}`,
    );
    await concord.database.db.execute(sql`SELECT pg_notify('concord_webhooks', '')`);

    const second = await deliveredFor(id, "proposal.opened");
    expect(second).not.toBe(first);
    expect(second.headers["concord-delivery"]).toBe(String(deliveryId)); // receivers drop repeats by this id
    expect(verifySignature(secret, second.headers["concord-signature"] as string, second.body)).toBe(true);
    expect(second.body).toBe(first.body);
    await until("the success to be recorded", async () => ((await recorded()).deliveredAt !== null ? true : undefined));
    expect(await recorded()).toMatchObject({ attempts: 2, lastStatus: 200, lastError: null });

    const listed = (await admin.send("GET", "/api/v1/organizations/NATO/webhooks")).body.webhooks.find(
      (webhook: { id: string }) => webhook.id === webhookId,
    );
    expect(listed.lastDelivery).toMatchObject({
      id: deliveryId,
      attempts: 2,
      lastStatus: 200,
      lastError: null,
      deliveredAt: expect.any(String),
    });
  });

  it("stop when the subscription is stopped", async () => {
    expect((await admin.send("DELETE", `/api/v1/organizations/NATO/webhooks/${webhookId}`)).status).toBe(204);
    const count = deliveries.length;
    const id = await openProposal(natoStaff, "nato-nac", "A text nobody is told of");
    // No delivery is even recorded for it, so none can be attempted: once no delivery is in flight
    // (a state: none leased by a worker and unfinished), the receiver has had all it will get.
    await until("no webhook delivery in flight", async () => {
      const inFlight = (
        await concord.database.db.execute(
          sql`SELECT count(*)::int AS n FROM webhook_deliveries
              WHERE delivered_at IS NULL AND gave_up_at IS NULL AND leased_until > clock_timestamp()`,
        )
      ).rows[0] as { n: number };
      return inFlight.n === 0 ? true : undefined;
    });
    expect(deliveries.length).toBe(count);
    const rows = (
      await concord.database.db.execute(
        sql`SELECT count(*)::int AS n FROM webhook_deliveries WHERE (event->>'proposalId')::int = ${id}`,
      )
    ).rows[0] as { n: number };
    expect(rows.n).toBe(0);
  });
});
