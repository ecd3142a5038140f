/** Documents circulated with a proposal: attached by the chair, read by whoever may read the proposal. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConcord, type TestConcord } from "../support/concord.ts";
import { signInAs, type Person } from "../support/people.ts";

let concord: TestConcord;
let chair: Person;
let norway: Person;
let outsider: Person;

beforeAll(async () => {
  concord = await startConcord();
  chair = await signInAs(concord, { organization: "NATO", role: "secretariat-staff" });
  norway = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "NOR" });
  outsider = await signInAs(concord, { organization: "UNASUR", role: "secretariat-admin" });
});
afterAll(async () => {
  await concord?.stop();
});

describe("attachments", () => {
  it("are added by the chair, listed with the proposal, and downloaded byte for byte by its readers only", async () => {
    const opened = await chair.send("POST", "/api/v1/proposals", {
      body: "nato-nac",
      title: "Areas of cooperation with a partner",
      text: "See the attached draft.",
    });
    expect(opened.status).toBe(201);
    const id = opened.body.proposal.id;
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0x10]);
    const attached = await chair.send("POST", `/api/v1/proposals/${id}/attachments`, {
      name: "draft ñ.pdf",
      mediaType: "application/pdf",
      content: bytes.toString("base64"),
    });
    expect(attached.status).toBe(200);
    const [listed] = attached.body.proposal.attachments;
    expect(listed).toMatchObject({ name: "draft ñ.pdf", mediaType: "application/pdf", size: bytes.length });

    const download = await fetch(`${concord.baseUrl}/api/v1/proposals/${id}/attachments/${listed.id}`, {
      headers: { Cookie: norway.cookie },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);

    const elsewhere = await fetch(`${concord.baseUrl}/api/v1/proposals/${id}/attachments/${listed.id}`, {
      headers: { Cookie: outsider.cookie },
    });
    expect(elsewhere.status).toBe(404);
    expect(
      (
        await norway.send("POST", `/api/v1/proposals/${id}/attachments`, {
          name: "x.txt",
          mediaType: "text/plain",
          content: "eA==",
        })
      ).status,
    ).toBe(403);
  });

  it("refuses content that is not base64 and names the field", async () => {
    const opened = await chair.send("POST", "/api/v1/proposals", { body: "nato-nac", title: "Another", text: "Text." });
    const answer = await chair.send("POST", `/api/v1/proposals/${opened.body.proposal.id}/attachments`, {
      name: "x.txt",
      mediaType: "text/plain",
      content: "not base64!",
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/content/);
  });
});
