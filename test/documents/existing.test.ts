/**
 * What existed before labelled documents becomes labelled documents: a proposal's attachment and
 * a submitted return are kept in their organisation's library with its default label (the
 * organisation's own policy, else Concord's), bound and signed, by the job queue; the
 * attachment's download then follows that label.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConcord, type TestConcord } from "../support/concord.ts";
import { type Person, signInAs } from "../support/people.ts";
import { until } from "../support/wait.ts";

let concord: TestConcord;
let natoChair: Person;
let norway: Person;
let natoAnalyst: Person;
let oasChair: Person;
let colombia: Person;

beforeAll(async () => {
  concord = await startConcord();
  natoChair = await signInAs(concord, { organization: "NATO", role: "secretariat-staff" });
  norway = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "NOR" });
  natoAnalyst = await signInAs(concord, { organization: "NATO", role: "analyst" });
  oasChair = await signInAs(concord, { organization: "OAS", role: "secretariat-staff" });
  colombia = await signInAs(concord, { organization: "UNASUR", role: "delegation-head", state: "COL" });
}, 120_000);
afterAll(async () => {
  await concord?.stop();
});

async function attach(chair: Person, body: string) {
  const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const opened = await chair.send("POST", "/api/v1/proposals", {
    body,
    title: "With a document",
    text: "See it.",
    deadline,
  });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  const id = opened.body.proposal.id;
  const attached = await chair.send("POST", `/api/v1/proposals/${id}/attachments`, {
    name: "note.txt",
    mediaType: "text/plain",
    content: Buffer.from("A note.").toString("base64"),
  });
  expect(attached.status, JSON.stringify(attached.body)).toBe(200);
  const proposalId = id as number;
  const attachment = await until("the attachment to be labelled", async () => {
    const proposal = await chair.send("GET", `/api/v1/proposals/${proposalId}`);
    const [first] = proposal.body.proposal.attachments;
    return first.document === null ? undefined : first;
  });
  return { proposalId, attachment };
}

describe("what existed before labels", () => {
  it("a proposal's attachment is kept in the organisation's library with its default label", async () => {
    const { proposalId, attachment } = await attach(natoChair, "nato-nac");
    const document = await natoChair.send("GET", `/api/v1/documents/${attachment.document}`);
    expect(document.status, JSON.stringify(document.body)).toBe(200);
    expect(document.body).toMatchObject({ subject: { kind: "proposal", id: String(proposalId) }, originator: "NATO" });
    expect(document.body.versions[0].marking).toBe("NATO UNCLASSIFIED Releasable to NATO");

    // Its download follows the label: an ally reads it, and NATO's own staff (an analyst speaks for no state).
    const download = (person: Person) =>
      fetch(`${concord.baseUrl}/api/v1/proposals/${proposalId}/attachments/${attachment.id}`, {
        headers: { Cookie: person.cookie },
      });
    const byNorway = await download(norway);
    expect(byNorway.status).toBe(200);
    expect(await byNorway.text()).toBe("A note.");
    expect((await download(natoAnalyst)).status).toBe(200);
  });

  it("an organisation with no policy of its own gets Concord's default", async () => {
    const { attachment } = await attach(oasChair, "oas-permanent-council");
    const document = await oasChair.send("GET", `/api/v1/documents/${attachment.document}`);
    expect(document.status, JSON.stringify(document.body)).toBe(200);
    expect(document.body.versions[0].marking).toBe("UNCLASSIFIED Releasable to OAS");
    expect((await natoChair.send("GET", `/api/v1/documents/${attachment.document}`)).status).toBe(404);
  });

  it("a submitted return is kept in its regime's organisation's library, originated by its state", async () => {
    const fields: Record<string, number> = {};
    const rows = ["defence_ministry", "army", "navy", "air_force", "other_institutions"];
    const columns = ["personnel", "operations_maintenance", "investment", "research_development"];
    for (const row of rows) {
      for (const column of columns) fields[`expenditure.${row}.${column}`] = 1;
      fields[`expenditure.${row}.total`] = columns.length;
    }
    for (const column of columns) fields[`expenditure.total.${column}`] = rows.length;
    fields["expenditure.total.total"] = rows.length * columns.length;
    const path = "/api/v1/exchanges/unasur-rsgd/returns/COL/2013";
    expect((await colombia.send("PUT", `${path}/draft`, { currency: "COP", scale: 1000, fields })).status).toBe(200);
    const submitted = await colombia.send("POST", `${path}/submission`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const found = await until("the return to be labelled", async () => {
      const listed = await colombia.send(
        "GET",
        `/api/v1/documents?subjectKind=exchange-return&subjectId=${submitted.body.return.id}`,
      );
      return listed.body.documents[0];
    });
    expect(found).toMatchObject({ originator: "COL", mediaType: "application/json" });
    // Released to UNASUR and to Colombia, which left UNASUR in 2019 but made the return.
    expect(found.marking).toBe("UNASUR PÚBLICO Divulgable a COL, UNASUR");
    const content = await fetch(`${concord.baseUrl}/api/v1/documents/${found.id}/content`, {
      headers: { Cookie: colombia.cookie },
    });
    expect(JSON.parse(await content.text())).toMatchObject({ regime: "unasur-rsgd", state: "COL", year: 2013 });
  });
});
