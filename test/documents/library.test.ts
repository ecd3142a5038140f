/**
 * Labelled documents end to end over HTTP: a NATO library's documents, each version labelled
 * (STANAG 4774), bound and signed (STANAG 4778); who reads them decided on the day of reading by
 * clearance, additional sensitivities and the reader's nation's standing in the registry; every
 * decision audited; another organisation's accounts told only that there is no such document.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { today } from "../../src/domain/dates.ts";
import { startConcord, type TestConcord } from "../support/concord.ts";
import { type Person, signInAs } from "../support/people.ts";
import { until } from "../support/wait.ts";

const NATO = "urn:oid:1.3.26.1.3.1";

let concord: TestConcord;
let admin: Person;
let staff: Person;
let norway: Person;
let colombia: Person;
let unasurColombia: Person;

beforeAll(async () => {
  concord = await startConcord();
  admin = await signInAs(concord, { organization: "NATO", role: "secretariat-admin" });
  staff = await signInAs(concord, { organization: "NATO", role: "secretariat-staff" });
  norway = await signInAs(concord, { organization: "NATO", role: "delegation-head", state: "NOR" });
  colombia = await signInAs(concord, { organization: "NATO", role: "delegation-member", state: "COL" });
  unasurColombia = await signInAs(concord, { organization: "UNASUR", role: "delegation-head", state: "COL" });
  for (const person of [staff, norway, colombia]) expect((await grant(person, "NATO RESTRICTED")).status).toBe(200);
}, 120_000);
afterAll(async () => {
  await concord?.stop();
});

function grant(person: Person, classification: string, authorisations: string[] = []) {
  return admin.send("PUT", "/api/v1/clearances", {
    account: person.accountId,
    policy: NATO,
    classification,
    authorisations,
    expiresOn: "2099-12-31",
  });
}

type LabelJson = {
  policy: string;
  classification: string;
  categories: { tagName: string; type: string; values: string[] }[];
  succession?: { from: string; label: unknown }[];
};

function natoLabel(classification: string, releasableTo: string[], more: Partial<LabelJson> = {}): LabelJson {
  return {
    policy: NATO,
    classification,
    categories: [{ tagName: "Releasable To", type: "permissive", values: releasableTo }],
    ...more,
  };
}

async function upload(
  person: Person,
  fields: {
    title?: string;
    titles?: Record<string, string>;
    label?: LabelJson | string;
    text?: string;
    name?: string;
    type?: string;
  },
  path = "/api/v1/documents",
) {
  const form = new FormData();
  const type = fields.type ?? "text/plain";
  form.set("file", new Blob([fields.text ?? "The text of the document."], { type }), fields.name ?? "document.txt");
  if (fields.title) form.set("title", fields.title);
  for (const [lang, title] of Object.entries(fields.titles ?? {})) form.set(`title.${lang}`, title);
  if (fields.label !== undefined)
    form.set("label", typeof fields.label === "string" ? fields.label : JSON.stringify(fields.label));
  const response = await fetch(concord.baseUrl + path, {
    method: "POST",
    headers: { Cookie: person.cookie, "X-CSRF-Token": person.csrf },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as any };
}

async function uploadFor(person: Person, subject: { kind: string; id: string }, label: LabelJson) {
  const form = new FormData();
  form.set("file", new Blob(["Minutes."], { type: "text/plain" }), "minutes.txt");
  form.set("title", "Minutes of the programme's review");
  form.set("label", JSON.stringify(label));
  form.set("subjectKind", subject.kind);
  form.set("subjectId", subject.id);
  const response = await fetch(`${concord.baseUrl}/api/v1/documents`, {
    method: "POST",
    headers: { Cookie: person.cookie, "X-CSRF-Token": person.csrf },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as any };
}

async function listIds(person: Person, query = ""): Promise<number[]> {
  const answer = await person.send("GET", `/api/v1/documents${query}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.documents.map((document: any) => document.id);
}

describe("a library's documents", () => {
  it("are released by clearance and by the reader's nation on the day; others learn nothing", async () => {
    const partners = await upload(staff, {
      titles: { en: "Partnership goals for Colombia", es: "Objetivos de asociación para Colombia" },
      label: natoLabel("NATO RESTRICTED", ["NATO", "NATO:partners-across-the-globe"]),
      text: "Interoperability of the Colombian navy with allied forces.",
    });
    expect(partners.status, JSON.stringify(partners.body)).toBe(201);
    expect(partners.body.versions[0].marking).toMatch(/^NATO RESTRICTED/);
    const alliesOnly = await upload(staff, {
      title: "Allied assessment",
      label: natoLabel("NATO RESTRICTED", ["NATO"]),
    });
    expect(alliesOnly.status, JSON.stringify(alliesOnly.body)).toBe(201);

    // Norway is an ally: both. Colombia is a partner across the globe: only the first.
    expect(await listIds(norway)).toEqual(expect.arrayContaining([partners.body.id, alliesOnly.body.id]));
    const colombian = await listIds(colombia);
    expect(colombian).toContain(partners.body.id);
    expect(colombian).not.toContain(alliesOnly.body.id);
    expect((await colombia.send("GET", `/api/v1/documents/${alliesOnly.body.id}`)).status).toBe(404);
    expect((await colombia.send("GET", `/api/v1/documents/${alliesOnly.body.id}/content`)).status).toBe(404);

    // UNASUR's Colombian delegation is another organisation's account: nothing, not even a count.
    expect((await unasurColombia.send("GET", `/api/v1/documents/${partners.body.id}`)).status).toBe(404);
    const unasurList = await unasurColombia.send("GET", "/api/v1/documents?count=true");
    expect(unasurList.body).toMatchObject({ documents: [], count: 0 });

    // Searches see only what the reader may see, in any language.
    expect(await listIds(colombia, "?q=objetivos")).toEqual([partners.body.id]);
    expect(await listIds(colombia, "?q=navy")).toEqual([partners.body.id]);
    expect(await listIds(colombia, "?q=assessment")).toEqual([]);
    expect(await listIds(norway, "?q=assessment")).toContain(alliesOnly.body.id);
  });

  it("need no clearance at the policy's unclassified level, but every other rule still holds", async () => {
    const analyst = await signInAs(concord, { organization: "NATO", role: "delegation-member", state: "NOR" });
    const open = await upload(staff, { title: "Open to allies", label: natoLabel("NATO UNCLASSIFIED", ["NATO"]) });
    expect(open.status, JSON.stringify(open.body)).toBe(201);
    const restricted = await upload(staff, {
      title: "Restricted to allies",
      label: natoLabel("NATO RESTRICTED", ["NATO"]),
    });
    const ids = await listIds(analyst);
    expect(ids).toContain(open.body.id);
    expect(ids).not.toContain(restricted.body.id);
    const colombian = await listIds(colombia);
    expect(colombian).not.toContain(open.body.id); // Colombia is not an ally
  });

  it("hold additional sensitivities: every restrictive value must be held", async () => {
    const label = natoLabel("NATO RESTRICTED", ["NATO"], {
      categories: [
        { tagName: "Releasable To", type: "permissive", values: ["NATO"] },
        { tagName: "Additional Sensitivity", type: "restrictive", values: ["ATOMAL"] },
      ],
    });
    // Whoever labels must be able to read it: the staff member holds no ATOMAL yet.
    const refused = await upload(staff, { title: "Atomal", label });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/could not read the document yourself/);
    expect((await grant(staff, "NATO RESTRICTED", ["ATOMAL"])).status).toBe(200);
    const atomal = await upload(staff, { title: "Atomal", label });
    expect(atomal.status, JSON.stringify(atomal.body)).toBe(201);
    expect(await listIds(norway)).not.toContain(atomal.body.id);
    expect((await grant(norway, "NATO RESTRICTED", ["ATOMAL"])).status).toBe(200);
    expect(await listIds(norway)).toContain(atomal.body.id);
    // Withdrawn, it holds no more from the very next request.
    const withdrawn = await admin.send(
      "DELETE",
      `/api/v1/clearances?account=${norway.accountId}&policy=${encodeURIComponent(NATO)}`,
    );
    expect(withdrawn.status).toBe(204);
    expect((await norway.send("GET", `/api/v1/documents/${atomal.body.id}`)).status).toBe(404);
    expect((await grant(norway, "NATO RESTRICTED")).status).toBe(200);
  });

  it("are withdrawn from a partner at once when its partnership ends, and the refusal is audited", async () => {
    const document = await upload(staff, {
      title: "For partners",
      label: natoLabel("NATO RESTRICTED", ["NATO", "NATO:partners"]),
    });
    expect(document.status).toBe(201);
    expect((await colombia.send("GET", `/api/v1/documents/${document.body.id}`)).status).toBe(200);

    const partners = await fetch(`${concord.baseUrl}/api/v1/organizations/NATO/members?kind=partner&at=${today()}`);
    const relation = ((await partners.json()) as any).members.find((p: any) => p.code === "COL");
    expect(relation, "Colombia is a NATO partner in the starter data").toBeDefined();
    const ended = await staff.send("POST", `/api/v1/relations/${relation.relationId}/end`, {
      until: today(),
      claim: { source: "nato-member-countries", field: "until", date: today(), note: "library test" },
    });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);

    // The very next request: no longer inside NATO:partners.
    expect((await colombia.send("GET", `/api/v1/documents/${document.body.id}`)).status).toBe(404);
    expect(await listIds(colombia)).not.toContain(document.body.id);
    const audit = await concord.database.db.execute(sql`
      SELECT action, details FROM audit_log
      WHERE object_type = 'document' AND object_id = ${String(document.body.id)} AND actor = ${colombia.accountId}
      ORDER BY id`);
    expect(audit.rows.map((row: any) => row.action)).toEqual(["document.read", "document.refused"]);
    expect(JSON.stringify(audit.rows[1])).toMatch(/outside-category|outside/);
  });

  it("explain a refusal to the originator, never to the reader", async () => {
    const document = await upload(staff, { title: "Allies only", label: natoLabel("NATO RESTRICTED", ["NATO"]) });
    const why = await staff.send("GET", `/api/v1/documents/${document.body.id}/access?reader=${colombia.accountId}`);
    expect(why.status, JSON.stringify(why.body)).toBe(200);
    expect(why.body.decision.allowed).toBe(false);
    expect(JSON.stringify(why.body.decision.reasons)).toMatch(/Releasable To/);
    // The originator may name the reader by the address they sign in with.
    const byEmail = await staff.send(
      "GET",
      `/api/v1/documents/${document.body.id}/access?reader=${encodeURIComponent(colombia.email.toUpperCase())}`,
    );
    expect(byEmail.status, JSON.stringify(byEmail.body)).toBe(200);
    expect(byEmail.body.reader.id).toBe(colombia.accountId);
    const stranger = await staff.send(
      "GET",
      `/api/v1/documents/${document.body.id}/access?reader=nobody%40example.org`,
    );
    expect(stranger.status).toBe(404);
    const asked = await colombia.send(
      "GET",
      `/api/v1/documents/${document.body.id}/access?reader=${colombia.accountId}`,
    );
    expect(asked.status).toBe(404);
    // Norway's delegation did not originate it: it may read it, not ask about others.
    expect(
      (await norway.send("GET", `/api/v1/documents/${document.body.id}/access?reader=${colombia.accountId}`)).status,
    ).toBe(403);
  });

  it("bind each version's label to its content: a download and its binding verify, tampering does not", async () => {
    const document = await upload(norway, {
      title: "Norwegian contribution",
      label: natoLabel("NATO RESTRICTED", ["NATO"]),
      text: "Two frigates.",
    });
    expect(document.status, JSON.stringify(document.body)).toBe(201);
    expect(document.body.originator).toBe("NOR");
    const content = await fetch(`${concord.baseUrl}/api/v1/documents/${document.body.id}/content`, {
      headers: { Cookie: norway.cookie },
    });
    expect(content.status).toBe(200);
    expect(content.headers.get("link")).toMatch(/binding/);
    const bytes = new Uint8Array(await content.arrayBuffer());
    const binding = await (
      await fetch(`${concord.baseUrl}/api/v1/documents/${document.body.id}/binding`, {
        headers: { Cookie: norway.cookie },
      })
    ).text();
    expect(binding).toContain("urn:nato:stanag:4774:confidentialitymetadatalabel:1:0");

    const verify = async (file: Uint8Array, bindingXml: string) => {
      const form = new FormData();
      form.set("file", new Blob([file as Uint8Array<ArrayBuffer>]), "file");
      form.set("binding", new Blob([bindingXml]), "binding.xml");
      const response = await fetch(`${concord.baseUrl}/api/v1/documents/verify`, {
        method: "POST",
        headers: { Cookie: norway.cookie, "X-CSRF-Token": norway.csrf },
        body: form,
      });
      return (await response.json()) as any;
    };
    expect(await verify(bytes, binding)).toMatchObject({ valid: true });
    const tampered = new Uint8Array(bytes);
    tampered[0] = tampered[0]! ^ 1;
    expect(await verify(tampered, binding)).toMatchObject({ valid: false, problem: "content-changed" });
    expect(await verify(bytes, binding.replace("NATO RESTRICTED", "NATO UNCLASSIFIED"))).toMatchObject({
      valid: false,
    });
  });

  it("keep versions, each with its own label; only the originator adds one", async () => {
    const first = await upload(norway, { title: "Draft", label: natoLabel("NATO RESTRICTED", ["NATO"]) });
    const id = first.body.id;
    const second = await upload(
      norway,
      { title: "Final", label: natoLabel("NATO RESTRICTED", ["NATO", "COL"]) },
      `/api/v1/documents/${id}/versions`,
    );
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body.currentVersion).toBe(2);
    const byStaff = await upload(
      staff,
      { title: "Not theirs", label: natoLabel("NATO RESTRICTED", ["NATO"]) },
      `/api/v1/documents/${id}/versions`,
    );
    expect(byStaff.status).toBe(403);
    // Colombia sees version 2 (released to COL), not version 1.
    const seen = await colombia.send("GET", `/api/v1/documents/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.versions.map((v: any) => v.version)).toEqual([2]);
    expect((await colombia.send("GET", `/api/v1/documents/${id}/content?version=1`)).status).toBe(404);
  });

  it("downgrade on the succession's day, by themselves, on the job queue", async () => {
    const label = natoLabel("NATO CONFIDENTIAL", ["NATO"], {
      succession: [{ from: today(), label: natoLabel("NATO RESTRICTED", ["NATO"]) }],
    });
    expect((await grant(norway, "NATO CONFIDENTIAL", ["ATOMAL"])).status).toBe(200);
    const document = await upload(norway, { title: "Downgraded today", label });
    expect(document.status, JSON.stringify(document.body)).toBe(201);
    // Colombia's delegation (NATO RESTRICTED) is not inside NATO: check with an ally holding RESTRICTED only.
    const ally = await signInAs(concord, { organization: "NATO", role: "delegation-member", state: "NOR" });
    expect((await grant(ally, "NATO RESTRICTED")).status).toBe(200);
    await until("the downgrade job to run", async () =>
      (await ally.send("GET", `/api/v1/documents/${document.body.id}`)).status === 200 ? true : undefined,
    );
    const seen = await ally.send("GET", `/api/v1/documents/${document.body.id}`);
    expect(seen.body.versions[0].marking).toMatch(/^NATO RESTRICTED/);
  });

  it("belong to a programme of the library's organisation, listed with it; another's is refused", async () => {
    const programmes = await concord.database.db.execute(
      sql`SELECT id::text AS id, organization_code AS organization FROM programmes ORDER BY id`,
    );
    const nato = (programmes.rows as { id: string; organization: string }[]).find((p) => p.organization === "NATO");
    expect(nato, "the starter data has a NATO programme").toBeDefined();
    const label = natoLabel("NATO RESTRICTED", ["NATO", "COL"]);
    const kept = await uploadFor(staff, { kind: "programme", id: nato!.id }, label);
    expect(kept.status, JSON.stringify(kept.body)).toBe(201);
    expect(kept.body.subject).toEqual({ kind: "programme", id: nato!.id });
    expect(await listIds(colombia, `?subjectKind=programme&subjectId=${nato!.id}`)).toEqual([kept.body.id]);
    const missing = await uploadFor(staff, { kind: "programme", id: "999999" }, label);
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/no programme 999999/);
  });

  it("refuse bad uploads with a message naming what was wrong, and store nothing", async () => {
    const before = await listIds(staff);
    const cases = [
      { fields: { label: natoLabel("NATO RESTRICTED", ["NATO"]) }, field: /title/ },
      { fields: { title: "x", label: natoLabel("NATO TOP", ["NATO"]) }, field: /NATO TOP/ },
      { fields: { title: "x", label: "<not-a-label/>" }, field: /label|ConfidentialityLabel/ },
      { fields: { title: "x", label: natoLabel("NATO RESTRICTED", ["NATO"]), type: "text/html" }, field: /text\/html/ },
    ];
    for (const { fields, field } of cases) {
      const answer = await upload(staff, fields);
      expect(answer.status, JSON.stringify(answer.body)).toBe(400);
      expect(answer.body.error.message).toMatch(field);
    }
    expect(await listIds(staff)).toEqual(before);
  });
});
