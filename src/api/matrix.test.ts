/**
 * Every endpoint × every kind of reader, of NATO's own part of Concord and of another
 * organisation's (the OAS, where the United States also has a delegation): allowed or refused,
 * exactly as the policies say. Each request is valid, so a refusal cannot hide behind a
 * validation error, and every endpoint of the OpenAPI document must appear here, so a new one
 * cannot go unchecked.
 *
 * The readers, each named for the case it stands for:
 *  - nobody signed in;
 *  - NATO's secretariat administrator and staff, the head and a member of the United States'
 *    delegation to NATO, a NATO analyst, a registry curator and a system auditor (NATO accounts);
 *  - a script with a NATO administrator's API token limited to audit:read;
 *  - the OAS's administrator, staff and analyst, and the head of the United States' delegation to
 *    the OAS: the same state, in another organisation, which must have no say in NATO's affairs.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConcord, type TestConcord } from "../../test/support/concord.ts";
import { AccountsService } from "../services/accounts/accounts.ts";
import { COOPERATION_PATHS } from "../../test/support/cooperation-paths.ts";

const READERS = [
  "anonymous",
  "nato-admin",
  "nato-staff",
  "nato-head-usa",
  "nato-member-usa",
  "nato-analyst",
  "registry-curator",
  "system-auditor",
  "nato-admin-audit-token",
  "oas-admin",
  "oas-staff",
  "oas-analyst",
  "oas-head-usa",
] as const;
type Reader = (typeof READERS)[number];
type Expected = "allowed" | 400 | 401 | 403 | 404;

/** Each account's organisation, role and delegation (the token reader uses nato-admin's account). */
const ACCOUNTS: Record<
  Exclude<Reader, "anonymous" | "nato-admin-audit-token">,
  { organization: string; role: string; state?: string }
> = {
  "nato-admin": { organization: "NATO", role: "secretariat-admin" },
  "nato-staff": { organization: "NATO", role: "secretariat-staff" },
  "nato-head-usa": { organization: "NATO", role: "delegation-head", state: "USA" },
  "nato-member-usa": { organization: "NATO", role: "delegation-member", state: "USA" },
  "nato-analyst": { organization: "NATO", role: "analyst" },
  "registry-curator": { organization: "NATO", role: "registry-curator" },
  "system-auditor": { organization: "NATO", role: "system-auditor" },
  "oas-admin": { organization: "OAS", role: "secretariat-admin" },
  "oas-staff": { organization: "OAS", role: "secretariat-staff" },
  "oas-analyst": { organization: "OAS", role: "analyst" },
  "oas-head-usa": { organization: "OAS", role: "delegation-head", state: "USA" },
};

let concord: TestConcord;
const password = "a long enough secret";
const sessions = {} as Record<keyof typeof ACCOUNTS, { cookie: string; csrf: string; accountId: string }>;
let auditToken: string;
let natoAccountId: string;
let relationId: number;
/** A NATO document, released to NATO, unclassified: what NATO's readers may or may not see. */
let document: { id: number; content: Uint8Array; binding: string };

type Call = { method: string; path: string; body?: unknown; form?: FormData };
type Row = { endpoint: string; call: (reader: Reader) => Call | Promise<Call>; expect: (reader: Reader) => Expected };

const isOas = (reader: Reader) => reader.startsWith("oas-");
const NATO_POLICY = "urn:oid:1.3.26.1.3.1";
/**
 * A NATO document released to NATO (documentsPolicy): NATO's accounts read it, the United States'
 * delegation as an ally's, the others as NATO's own staff (speaking for no state); every other
 * organisation's accounts are told there is no such document; a token without documents:read is
 * refused before anything is looked up.
 */
const readsNatoDocument = (reader: Reader): Expected =>
  reader === "anonymous" ? 401 : reader === "nato-admin-audit-token" ? 403 : isOas(reader) ? 404 : "allowed";
/** Speaks for the document's originator (NATO's secretariat uploaded it); readers who may see it otherwise are refused. */
const originatesNatoDocument = (reader: Reader): Expected =>
  reader === "nato-admin" || reader === "nato-staff"
    ? "allowed"
    : readsNatoDocument(reader) === "allowed"
      ? 403
      : readsNatoDocument(reader);
/** Anyone, signed in or not: the public registry. */
const everyone = () => "allowed" as const;
/** Any account, by session or token. */
const signedIn = (reader: Reader): Expected => (reader === "anonymous" ? 401 : "allowed");
/** One's own password and tokens: a person through a browser session, never a token. */
const ownAccount = (reader: Reader): Expected =>
  reader === "anonymous" ? 401 : reader === "nato-admin-audit-token" ? 403 : "allowed";
/** Relations towards NATO: NATO's own secretariat only; not a curator (NATO has a secretariat), not the OAS's. */
const natoSecretariatWrites = (reader: Reader): Expected =>
  reader === "anonymous" ? 401 : reader === "nato-admin" || reader === "nato-staff" ? "allowed" : 403;
/** Relations towards an organisation with no secretariat in Concord (BRICS): a curator only. */
const curatorWrites = (reader: Reader): Expected =>
  reader === "anonymous" ? 401 : reader === "registry-curator" ? "allowed" : 403;
/** A designation by the United States: its own body decides it; nobody writes it directly. */
const nobodyWrites = (reader: Reader): Expected => (reader === "anonymous" ? 401 : 403);
/** Sources, shared by every organisation's part: any secretariat, or a curator. */
const sourceWriters = (reader: Reader): Expected =>
  reader === "anonymous"
    ? 401
    : ["nato-admin", "nato-staff", "registry-curator", "oas-admin", "oas-staff"].includes(reader)
      ? "allowed"
      : 403;
/** Each organisation's administrators manage their own organisation's accounts (the token lacks accounts:admin). */
const eachOwnAdmin = (reader: Reader): Expected =>
  reader === "anonymous" ? 401 : reader === "nato-admin" || reader === "oas-admin" ? "allowed" : 403;
/** A NATO account: its administrators; another organisation's administrator does not even see it. */
const natoAdminOnly404 = (reader: Reader): Expected =>
  reader === "anonymous" ? 401 : reader === "nato-admin" ? "allowed" : reader === "oas-admin" ? 404 : 403;
/** The audit log: each administrator its own organisation's entries, a system auditor all, a token with audit:read. */
const auditReaders = (reader: Reader): Expected =>
  reader === "anonymous"
    ? 401
    : ["nato-admin", "oas-admin", "system-auditor", "nato-admin-audit-token"].includes(reader)
      ? "allowed"
      : 403;
/** Opening a proposal in a NATO body: its secretariat; bodies are public, so others get 403. */
const opensInNato = (reader: Reader): Expected => natoSecretariatWrites(reader);
/** The chair's actions on a NATO proposal: another organisation's proposals do not exist for its people. */
const chairsInNato = (reader: Reader): Expected =>
  reader === "anonymous"
    ? 401
    : reader === "nato-admin" || reader === "nato-staff"
      ? "allowed"
      : isOas(reader)
        ? 404
        : 403;
/** Reading a NATO proposal: all of NATO's people; nobody of the OAS, the US delegation there included. */
const readsNato = (reader: Reader): Expected => (reader === "anonymous" ? 401 : isOas(reader) ? 404 : "allowed");
/** What NATO's rules make known to its people, where the organisation itself is no secret. */
const natoPeople = (reader: Reader): Expected => (reader === "anonymous" ? 401 : isOas(reader) ? 403 : "allowed");
/** A position for the United States in a NATO body: its delegation head to NATO, and only it. */
const speaksForUsaInNato = (reader: Reader): Expected =>
  reader === "anonymous" ? 401 : reader === "nato-head-usa" ? "allowed" : isOas(reader) ? 404 : 403;
/** A request, notice or designation of the United States to NATO: its delegation head to NATO, not to the OAS. */
const filesForUsaInNato = (reader: Reader): Expected =>
  reader === "anonymous" ? 401 : reader === "nato-head-usa" ? "allowed" : 403;
/** A notice to NATO is acknowledged by its secretariat, the depositary; another organisation's people do not see it. */
const acknowledgesInNato = (reader: Reader): Expected => chairsInNato(reader);
/** A delegation's inbox (in its own organisation): accounts without a delegation are told so (400). */
const delegationInbox = (reader: Reader): Expected =>
  reader === "anonymous"
    ? 401
    : ["nato-head-usa", "nato-member-usa", "oas-head-usa"].includes(reader)
      ? "allowed"
      : 400;
/** NATO's webhooks: its administrators; the OAS's administrator gets 403. */
const natoAdmin = (reader: Reader): Expected =>
  reader === "anonymous" ? 401 : reader === "nato-admin" ? "allowed" : 403;

const claim = { source: "nato-member-countries", note: "matrix test" };
const attachment = {
  name: "note.txt",
  mediaType: "text/plain",
  content: Buffer.from("A note for the Allies.").toString("base64"),
};
/** A deadline far enough ahead that nothing is decided or reminded during the run. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
let day = 0;
/** A fresh one-day interval, so that allowed writes never contradict each other. */
const freshDay = () => new Date(Date.UTC(1900, 0, 1) + day++ * 86_400_000).toISOString().slice(0, 10);

const rows: Row[] = [
  {
    endpoint: "GET /api/v1/actors",
    call: () => ({ method: "GET", path: "/api/v1/actors?type=organization" }),
    expect: everyone,
  },
  {
    endpoint: "GET /api/v1/actors/{code}",
    call: () => ({ method: "GET", path: "/api/v1/actors/COL" }),
    expect: everyone,
  },
  {
    endpoint: "GET /api/v1/actors/{code}/relations",
    call: () => ({ method: "GET", path: "/api/v1/actors/COL/relations" }),
    expect: everyone,
  },
  {
    endpoint: "GET /api/v1/actors/{code}/timeline",
    call: () => ({ method: "GET", path: "/api/v1/actors/COL/timeline" }),
    expect: everyone,
  },
  {
    endpoint: "GET /api/v1/organizations",
    call: () => ({ method: "GET", path: "/api/v1/organizations" }),
    expect: everyone,
  },
  {
    endpoint: "GET /api/v1/organizations/{code}/members",
    call: () => ({ method: "GET", path: "/api/v1/organizations/NATO/members" }),
    expect: everyone,
  },
  {
    endpoint: "GET /api/v1/relations/{id}",
    call: () => ({ method: "GET", path: `/api/v1/relations/${relationId}` }),
    expect: everyone,
  },
  {
    endpoint: "GET /api/v1/search",
    // Anyone may search; which proposals each reader finds is search.test.ts's question.
    call: () => ({ method: "GET", path: "/api/v1/search?q=matrix&lang=es" }),
    expect: everyone,
  },
  // Disputes, court cases and dialogue are a public record (disputesPolicy): every reader of every
  // organisation reads the same, and none writes them over the API.
  {
    endpoint: "GET /api/v1/disputes",
    call: () => ({ method: "GET", path: "/api/v1/disputes?pair=COL,VEN&at=2008-03-01" }),
    expect: everyone,
  },
  {
    endpoint: "GET /api/v1/disputes/pairs",
    call: () => ({ method: "GET", path: "/api/v1/disputes/pairs?state=COL&from=1990" }),
    expect: everyone,
  },
  {
    endpoint: "GET /api/v1/disputes/{id}",
    call: () => ({ method: "GET", path: "/api/v1/disputes/venezuela-guyana-essequibo?at=2018-03-29" }),
    expect: everyone,
  },
  { endpoint: "GET /api/v1/cases", call: () => ({ method: "GET", path: "/api/v1/cases?state=VEN" }), expect: everyone },
  {
    endpoint: "GET /api/v1/cases/{id}",
    call: () => ({ method: "GET", path: "/api/v1/cases/guyana-v-venezuela-1899-award" }),
    expect: everyone,
  },
  // The information exchanges (exchangesPolicy): regimes are public; a restricted regime's returns
  // and compliance (UNASUR's registry) are its participants' and secretariat's, none of them here;
  // a public one's (the OAS report) anyone's. A state's return is written by its delegation to the
  // regime's organisation: the United States' to the OAS, never its delegation to NATO.
  { endpoint: "GET /api/v1/exchanges", call: () => ({ method: "GET", path: "/api/v1/exchanges" }), expect: everyone },
  {
    endpoint: "GET /api/v1/exchanges/notices",
    // A delegation's own notices: whoever speaks for none has none to read.
    call: () => ({ method: "GET", path: "/api/v1/exchanges/notices" }),
    expect: (reader) =>
      reader === "anonymous"
        ? 401
        : ["nato-head-usa", "nato-member-usa", "oas-head-usa"].includes(reader)
          ? "allowed"
          : 403,
  },
  {
    endpoint: "GET /api/v1/exchanges/{regime}",
    call: () => ({ method: "GET", path: "/api/v1/exchanges/unasur-rsgd" }),
    expect: everyone,
  },
  {
    endpoint: "GET /api/v1/exchanges/{regime}/compliance",
    call: () => ({ method: "GET", path: "/api/v1/exchanges/unasur-rsgd/compliance?year=2012" }),
    expect: (reader) => (reader === "anonymous" ? 401 : 403),
  },
  {
    endpoint: "GET /api/v1/exchanges/{regime}/record/{state}",
    call: () => ({ method: "GET", path: "/api/v1/exchanges/oas-csbm/record/USA?from=2015&to=2020" }),
    expect: everyone,
  },
  {
    endpoint: "GET /api/v1/exchanges/{regime}/comparison",
    call: () => ({ method: "GET", path: "/api/v1/exchanges/oas-csbm/comparison?from=2010&to=2012" }),
    expect: everyone,
  },
  {
    endpoint: "GET /api/v1/exchanges/{regime}/returns/{state}/{year}",
    call: () => ({ method: "GET", path: "/api/v1/exchanges/oas-csbm/returns/USA/2012" }),
    expect: everyone,
  },
  {
    endpoint: "PUT /api/v1/exchanges/{regime}/returns/{state}/{year}/draft",
    call: () => ({
      method: "PUT",
      path: "/api/v1/exchanges/oas-csbm/returns/USA/2024/draft",
      body: { fields: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`measure_${i + 1}`, "applied"])) },
    }),
    expect: (reader) => (reader === "anonymous" ? 401 : reader === "oas-head-usa" ? "allowed" : 403),
  },
  {
    endpoint: "POST /api/v1/exchanges/{regime}/returns/{state}/{year}/submission",
    call: () => ({ method: "POST", path: "/api/v1/exchanges/oas-csbm/returns/USA/2024/submission" }),
    expect: (reader) => (reader === "anonymous" ? 401 : reader === "oas-head-usa" ? "allowed" : 403),
  },
  // Labelled documents (documentsPolicy): each organisation's library is its own; inside it the
  // label decides (the matrix document is released to NATO, the OAS and the United States, but
  // lives in NATO's library: the OAS's accounts never see it, whatever its label says).
  {
    endpoint: "GET /api/v1/documents",
    call: () => ({ method: "GET", path: "/api/v1/documents?count=true" }),
    expect: (reader) => (reader === "anonymous" ? 401 : reader === "nato-admin-audit-token" ? 403 : "allowed"),
  },
  {
    endpoint: "POST /api/v1/documents",
    call: () => ({ method: "POST", path: "/api/v1/documents", form: documentForm() }),
    // Into the uploader's own library: secretariats and delegations; the OAS's into the OAS's.
    expect: (reader) =>
      reader === "anonymous"
        ? 401
        : [
              "nato-admin",
              "nato-staff",
              "nato-head-usa",
              "nato-member-usa",
              "oas-admin",
              "oas-staff",
              "oas-head-usa",
            ].includes(reader)
          ? "allowed"
          : 403,
  },
  {
    endpoint: "POST /api/v1/documents/verify",
    call: () => {
      const form = new FormData();
      form.set("file", new Blob([document.content as Uint8Array<ArrayBuffer>]), "matrix.txt");
      form.set("binding", document.binding);
      return { method: "POST", path: "/api/v1/documents/verify", form };
    },
    expect: signedIn,
  },
  {
    endpoint: "GET /api/v1/documents/{id}",
    call: () => ({ method: "GET", path: `/api/v1/documents/${document.id}` }),
    expect: readsNatoDocument,
  },
  {
    endpoint: "GET /api/v1/documents/{id}/content",
    call: () => ({ method: "GET", path: `/api/v1/documents/${document.id}/content` }),
    expect: readsNatoDocument,
  },
  {
    endpoint: "GET /api/v1/documents/{id}/binding",
    call: () => ({ method: "GET", path: `/api/v1/documents/${document.id}/binding` }),
    expect: readsNatoDocument,
  },
  {
    endpoint: "POST /api/v1/documents/{id}/versions",
    call: () => ({ method: "POST", path: `/api/v1/documents/${document.id}/versions`, form: documentForm() }),
    expect: originatesNatoDocument,
  },
  {
    endpoint: "GET /api/v1/documents/{id}/access",
    call: () => ({
      method: "GET",
      path: `/api/v1/documents/${document.id}/access?reader=${sessions["nato-analyst"].accountId}`,
    }),
    expect: originatesNatoDocument,
  },
  {
    endpoint: "POST /api/v1/labels/marking",
    call: () => ({
      method: "POST",
      path: "/api/v1/labels/marking",
      body: {
        label: {
          policy: NATO_POLICY,
          classification: "NATO SECRET",
          categories: [],
          creationTime: "2026-01-01T00:00:00Z",
        },
      },
    }),
    expect: signedIn,
  },
  {
    endpoint: "POST /api/v1/labels/dominant",
    call: () => ({
      method: "POST",
      path: "/api/v1/labels/dominant",
      body: {
        labels: ["NATO SECRET", "NATO RESTRICTED"].map((classification) => ({
          policy: NATO_POLICY,
          classification,
          categories: [],
          creationTime: "2026-01-01T00:00:00Z",
        })),
      },
    }),
    expect: signedIn,
  },
  {
    endpoint: "GET /api/v1/security-policies",
    call: () => ({ method: "GET", path: "/api/v1/security-policies" }),
    expect: signedIn,
  },
  {
    endpoint: "GET /api/v1/clearances",
    call: () => ({ method: "GET", path: "/api/v1/clearances" }),
    // Each administrator their own organisation's.
    expect: (reader) =>
      reader === "anonymous" ? 401 : reader === "nato-admin" || reader === "oas-admin" ? "allowed" : 403,
  },
  {
    endpoint: "PUT /api/v1/clearances",
    call: () => ({
      method: "PUT",
      path: "/api/v1/clearances",
      body: {
        account: sessions["nato-analyst"].accountId,
        policy: NATO_POLICY,
        classification: "NATO RESTRICTED",
        expiresOn: "2099-12-31",
      },
    }),
    // A NATO account's: NATO's administrator; the OAS's is told there is no such account of theirs.
    expect: (reader) =>
      reader === "anonymous" ? 401 : reader === "nato-admin" ? "allowed" : reader === "oas-admin" ? 404 : 403,
  },
  {
    endpoint: "DELETE /api/v1/clearances",
    call: () => ({
      method: "DELETE",
      path: `/api/v1/clearances?account=${sessions["nato-analyst"].accountId}&policy=${encodeURIComponent(NATO_POLICY)}`,
    }),
    expect: (reader) =>
      reader === "anonymous" ? 401 : reader === "nato-admin" ? "allowed" : reader === "oas-admin" ? 404 : 403,
  },
  { endpoint: "GET /api/v1/session", call: () => ({ method: "GET", path: "/api/v1/session" }), expect: everyone },
  { endpoint: "GET /api/v1/audit/head", call: () => ({ method: "GET", path: "/api/v1/audit/head" }), expect: everyone },
  {
    endpoint: "POST /api/v1/relations",
    call: () => {
      const since = freshDay();
      return {
        method: "POST",
        path: "/api/v1/relations",
        body: { subject: "MCO", object: "NATO", kind: "observer", since, until: next(since), claims: [claim] },
      };
    },
    expect: natoSecretariatWrites,
  },
  {
    endpoint: "POST /api/v1/relations (towards an organisation with no secretariat in Concord)",
    call: () => {
      const since = freshDay();
      return {
        method: "POST",
        path: "/api/v1/relations",
        body: { subject: "MCO", object: "BRICS", kind: "observer", since, until: next(since), claims: [claim] },
      };
    },
    expect: curatorWrites,
  },
  {
    endpoint: "POST /api/v1/relations (a designation by a state that decides them in its own body)",
    call: () => {
      const since = freshDay();
      return {
        method: "POST",
        path: "/api/v1/relations",
        body: {
          subject: "MCO",
          object: "USA",
          kind: "designation",
          designation: "major-non-nato-ally",
          since,
          until: next(since),
          claims: [claim],
        },
      };
    },
    expect: nobodyWrites,
  },
  {
    endpoint: "PATCH /api/v1/relations/{id}",
    call: () => ({
      method: "PATCH",
      path: `/api/v1/relations/${relationId}`,
      body: { note: `matrix ${randomUUID()}`, claim },
    }),
    expect: natoSecretariatWrites,
  },
  {
    endpoint: "POST /api/v1/relations/{id}/end",
    call: async () => {
      const since = freshDay();
      const id = await openRelation(since);
      return {
        method: "POST",
        path: `/api/v1/relations/${id}/end`,
        body: { until: next(since), claim: { ...claim, field: "until", date: next(since) } },
      };
    },
    expect: natoSecretariatWrites,
  },
  {
    endpoint: "POST /api/v1/relations/{id}/claims",
    call: () => ({ method: "POST", path: `/api/v1/relations/${relationId}/claims`, body: claim }),
    expect: natoSecretariatWrites,
  },
  {
    endpoint: "POST /api/v1/sources",
    call: () => ({
      method: "POST",
      path: "/api/v1/sources",
      body: { id: `matrix-${randomUUID()}`, title: "t", publisher: "p" },
    }),
    expect: sourceWriters,
  },
  {
    endpoint: "PUT /api/v1/account/password",
    call: () => ({
      method: "PUT",
      path: "/api/v1/account/password",
      body: { currentPassword: password, newPassword: password },
    }),
    expect: ownAccount,
  },
  {
    endpoint: "GET /api/v1/account/tokens",
    call: () => ({ method: "GET", path: "/api/v1/account/tokens" }),
    expect: ownAccount,
  },
  {
    endpoint: "POST /api/v1/account/tokens",
    call: () => ({
      method: "POST",
      path: "/api/v1/account/tokens",
      body: { name: "matrix", scopes: ["audit:read"], password },
    }),
    expect: ownAccount,
  },
  {
    endpoint: "DELETE /api/v1/account/tokens/{id}",
    // Revoking one's own token; another's answers 404 (account.test.ts).
    call: async (reader) => ({
      method: "DELETE",
      path: `/api/v1/account/tokens/${reader === "anonymous" || reader === "nato-admin-audit-token" ? randomUUID() : await ownToken(reader)}`,
    }),
    expect: ownAccount,
  },
  {
    endpoint: "GET /api/v1/admin/accounts",
    call: () => ({ method: "GET", path: "/api/v1/admin/accounts" }),
    expect: eachOwnAdmin,
  },
  {
    endpoint: "POST /api/v1/admin/accounts",
    call: () => ({
      method: "POST",
      path: "/api/v1/admin/accounts",
      body: { email: `${randomUUID()}@example.org`, displayName: "New", role: "analyst", password },
    }),
    expect: eachOwnAdmin,
  },
  {
    // A fresh NATO analyst for each reader: setting it ends that account's sessions, none of the readers'.
    endpoint: "PUT /api/v1/admin/accounts/{id}/temporary-password",
    call: async () => ({
      method: "PUT",
      path: `/api/v1/admin/accounts/${await spareNatoAccount()}/temporary-password`,
      body: { password: "a temporary secret" },
    }),
    expect: natoAdminOnly404,
  },
  {
    endpoint: "PATCH /api/v1/admin/accounts/{id}",
    call: () => ({
      method: "PATCH",
      path: `/api/v1/admin/accounts/${natoAccountId}`,
      body: { displayName: `Renamed ${randomUUID()}` },
    }),
    expect: natoAdminOnly404,
  },
  {
    endpoint: "GET /api/v1/admin/delegations",
    call: () => ({ method: "GET", path: "/api/v1/admin/delegations" }),
    expect: eachOwnAdmin,
  },
  // The United States is a member of both: each administrator records its delegation to their own organisation.
  {
    endpoint: "POST /api/v1/admin/delegations",
    call: () => ({ method: "POST", path: "/api/v1/admin/delegations", body: { state: "USA" } }),
    expect: eachOwnAdmin,
  },
  {
    endpoint: "GET /api/v1/audit",
    call: () => ({ method: "GET", path: "/api/v1/audit?limit=1" }),
    expect: auditReaders,
  },
  {
    endpoint: "GET /api/v1/audit/verify",
    call: () => ({ method: "GET", path: "/api/v1/audit/verify" }),
    expect: auditReaders,
  },

  { endpoint: "GET /api/v1/bodies", call: () => ({ method: "GET", path: "/api/v1/bodies" }), expect: everyone },
  { endpoint: "GET /api/v1/proposals", call: () => ({ method: "GET", path: "/api/v1/proposals" }), expect: signedIn },
  {
    endpoint: "POST /api/v1/proposals",
    call: () => ({
      method: "POST",
      path: "/api/v1/proposals",
      body: { body: "nato-pcsc", title: `Matrix ${randomUUID()}`, text: "A text.", deadline: inDays(1) },
    }),
    expect: opensInNato,
  },
  {
    endpoint: "GET /api/v1/proposals/{id}",
    call: async () => ({ method: "GET", path: `/api/v1/proposals/${await openProposal("nato-nac")}` }),
    expect: readsNato,
  },
  {
    endpoint: "POST /api/v1/proposals/{id}/positions",
    // The state is named, so that an account without a delegation is refused for what it is, not for a missing field.
    call: async () => ({
      method: "POST",
      path: `/api/v1/proposals/${await openProposal("nato-nac")}/positions`,
      body: { state: "USA", position: "concur" },
    }),
    expect: speaksForUsaInNato,
  },
  {
    endpoint: "POST /api/v1/proposals/{id}/extend",
    call: async () => ({
      method: "POST",
      path: `/api/v1/proposals/${await openProposal("nato-pcsc")}/extend`,
      body: { deadline: inDays(2) },
    }),
    expect: chairsInNato,
  },
  {
    endpoint: "POST /api/v1/proposals/{id}/recirculate",
    call: async () => ({
      method: "POST",
      path: `/api/v1/proposals/${await openProposal("nato-pcsc")}/recirculate`,
      body: { text: "An amended text.", deadline: inDays(2) },
    }),
    expect: chairsInNato,
  },
  {
    endpoint: "POST /api/v1/proposals/{id}/close",
    call: async () => ({
      method: "POST",
      path: `/api/v1/proposals/${await openProposal("nato-nac")}/close`,
      body: { as: "not-adopted", reason: "No consensus." },
    }),
    expect: chairsInNato,
  },
  {
    endpoint: "POST /api/v1/proposals/{id}/attachments",
    call: async () => ({
      method: "POST",
      path: `/api/v1/proposals/${await openProposal("nato-nac")}/attachments`,
      body: attachment,
    }),
    expect: chairsInNato,
  },
  {
    endpoint: "GET /api/v1/proposals/{id}/attachments/{attachment}",
    call: async () => {
      const id = await openProposal("nato-nac");
      const attached = await send("nato-staff", {
        method: "POST",
        path: `/api/v1/proposals/${id}/attachments`,
        body: attachment,
      });
      if (attached.status !== 200)
        throw new Error(`attaching failed: ${attached.status} ${JSON.stringify(attached.body)}`);
      return { method: "GET", path: `/api/v1/proposals/${id}/attachments/${attached.body.proposal.attachments[0].id}` };
    },
    // A proposal's reader, and the attachment's label (a labelled document: documents:read for a token).
    expect: (reader) => (reader === "nato-admin-audit-token" ? 403 : readsNato(reader)),
  },
  {
    endpoint: "POST /api/v1/requests",
    call: () => ({
      method: "POST",
      path: "/api/v1/requests",
      body: { organization: "NATO", status: "observer", text: "A request." },
    }),
    expect: filesForUsaInNato,
  },
  {
    endpoint: "POST /api/v1/designations",
    call: () => ({
      method: "POST",
      path: "/api/v1/designations",
      body: { body: "us-president", designee: "CHL", designation: "major-non-nato-ally", text: "A designation." },
    }),
    expect: filesForUsaInNato,
  },
  // A withdrawal: a year's notice, so nothing is applied during the run (only the head's call succeeds, once).
  {
    endpoint: "POST /api/v1/status-notices",
    call: () => ({
      method: "POST",
      path: "/api/v1/status-notices",
      body: { kind: "withdrawal", organization: "NATO", statement: "The United States denounces the Treaty." },
    }),
    expect: filesForUsaInNato,
  },
  {
    endpoint: "POST /api/v1/status-notices/{id}/withdraw",
    // The notice the head filed in the row above: withdrawn once, by the head; others are refused before anything is looked at.
    call: async () => ({
      method: "POST",
      path: `/api/v1/status-notices/${await usaNotice()}/withdraw`,
      body: { statement: "Withdrawn." },
    }),
    expect: speaksForUsaInNato,
  },
  {
    endpoint: "POST /api/v1/status-notices/{id}/acknowledgement",
    // A fresh pending notice of the United States for each reader: NATO's secretariat (its depositary) acknowledges.
    call: async () => ({ method: "POST", path: `/api/v1/status-notices/${await freshUsaNotice()}/acknowledgement` }),
    expect: acknowledgesInNato,
  },
  {
    endpoint: "GET /api/v1/actors/{code}/pending-notices",
    call: () => ({ method: "GET", path: "/api/v1/actors/USA/pending-notices" }),
    expect: everyone,
  },
  {
    endpoint: "GET /api/v1/organizations/{code}/status-notices",
    call: () => ({ method: "GET", path: "/api/v1/organizations/NATO/status-notices" }),
    expect: natoPeople,
  },
  {
    endpoint: "GET /api/v1/notices",
    call: () => ({ method: "GET", path: "/api/v1/notices" }),
    expect: delegationInbox,
  },
  {
    endpoint: "GET /api/v1/organizations/{code}/webhooks",
    call: () => ({ method: "GET", path: "/api/v1/organizations/NATO/webhooks" }),
    expect: natoAdmin,
  },
  {
    endpoint: "POST /api/v1/organizations/{code}/webhooks",
    // Subscribed to an event the run never produces, so no delivery is attempted.
    call: () => ({
      method: "POST",
      path: "/api/v1/organizations/NATO/webhooks",
      body: { url: "https://receiver.example.org/matrix", events: ["notice.applied"] },
    }),
    expect: natoAdmin,
  },
  {
    endpoint: "DELETE /api/v1/organizations/{code}/webhooks/{id}",
    call: async () => ({ method: "DELETE", path: `/api/v1/organizations/NATO/webhooks/${await newWebhook()}` }),
    expect: natoAdmin,
  },
];
/** Endpoints that change who is signed in: covered in session.test.ts, not by reader. */
const coveredElsewhere = new Set(["POST /api/v1/session", "DELETE /api/v1/session"]);

function next(day: string): string {
  return new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10);
}

/** Subjects for open relations towards NATO: two open intervals of one fact would contradict each other. */
const openSubjects = [
  "AND",
  "LIE",
  "SMR",
  "VAT",
  "MCO",
  "IRL",
  "AUT",
  "CHE",
  "FJI",
  "TON",
  "WSM",
  "PLW",
  "NRU",
  "TUV",
  "KIR",
  "MHL",
  "FSM",
  "CYP",
  "MLT",
];
async function openRelation(since: string): Promise<number> {
  const subject = openSubjects.shift()!;
  const result = await concord.database.db.execute(sql`
    INSERT INTO relations (subject_code, object_code, kind, valid, since_precision) VALUES (${subject}, 'NATO', 'observer', ${`[${since},)`}::daterange, 'day') RETURNING id::int AS id`);
  return (result.rows[0] as { id: number }).id;
}

/** A fresh open proposal in a NATO body, opened by its secretariat (silence needs a deadline). */
async function openProposal(body: "nato-nac" | "nato-pcsc"): Promise<number> {
  const answer = await send("nato-staff", {
    method: "POST",
    path: "/api/v1/proposals",
    body: {
      body,
      title: `Matrix ${randomUUID()}`,
      text: "A text.",
      ...(body === "nato-pcsc" ? { deadline: inDays(1) } : {}),
    },
  });
  if (answer.status !== 201)
    throw new Error(`opening a proposal failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.proposal.id;
}

/** The United States' latest notice to NATO. */
async function usaNotice(): Promise<number> {
  const result = await concord.database.db.execute(
    sql`SELECT max(id)::int AS id FROM status_notices WHERE state_code = 'USA' AND organization_code = 'NATO'`,
  );
  return (result.rows[0] as { id: number }).id;
}

/** A pending notice of the United States to NATO, its earlier one withdrawn first (one pending at a time). */
async function freshUsaNotice(): Promise<number> {
  const earlier = await usaNotice();
  if (earlier !== null) {
    const pending = await concord.database.db.execute(
      sql`SELECT 1 FROM status_notices WHERE id = ${earlier} AND applied_at IS NULL AND withdrawn_at IS NULL`,
    );
    if (pending.rows.length > 0)
      await send("nato-head-usa", {
        method: "POST",
        path: `/api/v1/status-notices/${earlier}/withdraw`,
        body: { statement: "Withdrawn." },
      });
  }
  const filed = await send("nato-head-usa", {
    method: "POST",
    path: "/api/v1/status-notices",
    body: { kind: "withdrawal", organization: "NATO", statement: "The United States denounces the Treaty." },
  });
  if (filed.status !== 201) throw new Error(`filing failed: ${filed.status} ${JSON.stringify(filed.body)}`);
  return filed.body.notice.id;
}

/** A fresh active webhook of NATO's, for stopping. */
async function newWebhook(): Promise<string> {
  const result = await concord.database.db.execute(sql`
    INSERT INTO webhooks (organization_code, url, secret, events, created_by)
    VALUES ('NATO', 'https://receiver.example.org/matrix', ${randomUUID() + randomUUID()}, '{notice.applied}', 'matrix') RETURNING id::text AS id`);
  return (result.rows[0] as { id: string }).id;
}

async function ownToken(reader: keyof typeof ACCOUNTS): Promise<string> {
  const response = await send(reader, {
    method: "POST",
    path: "/api/v1/account/tokens",
    body: { name: "to revoke", scopes: ["audit:read"], password },
  });
  return response.body.apiToken.id;
}

async function send(reader: Reader, call: Call) {
  const headers: Record<string, string> = {};
  if (call.body !== undefined) headers["Content-Type"] = "application/json";
  // A multipart form's own Content-Type (with its boundary) is fetch's to set.
  if (reader === "nato-admin-audit-token") headers.Authorization = `Bearer ${auditToken}`;
  else if (reader !== "anonymous")
    Object.assign(headers, { Cookie: sessions[reader].cookie, "X-CSRF-Token": sessions[reader].csrf });
  const response = await fetch(concord.baseUrl + call.path, {
    method: call.method,
    headers,
    body: call.form ?? (call.body === undefined ? undefined : JSON.stringify(call.body)),
  });
  const text = await response.text();
  // A password change starts a fresh session: follow it, as a browser would.
  const cookie = response.headers.get("set-cookie");
  // Answers are JSON, except a downloaded attachment.
  const body = text && response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text || null;
  if (
    reader !== "anonymous" &&
    reader !== "nato-admin-audit-token" &&
    cookie?.startsWith("concord_session=") &&
    body?.csrfToken
  ) {
    sessions[reader] = { ...sessions[reader], cookie: cookie.split(";")[0]!, csrf: body.csrfToken };
  }
  return { status: response.status, body };
}

beforeAll(async () => {
  concord = await startConcord();
  const accounts = new AccountsService(concord.database.db);
  for (const [reader, account] of Object.entries(ACCOUNTS) as Array<
    [keyof typeof ACCOUNTS, (typeof ACCOUNTS)[keyof typeof ACCOUNTS]]
  >) {
    const email = `${reader}@example.org`;
    const made = await accounts.createAdministrator({ email, password, organizationCode: account.organization });
    if (account.state)
      await concord.database.db.execute(
        sql`INSERT INTO delegations (organization_code, state_code) VALUES (${account.organization}, ${account.state}) ON CONFLICT DO NOTHING`,
      );
    await concord.database.db.execute(sql`
      UPDATE accounts SET role = ${account.role},
        delegation_id = (SELECT id FROM delegations WHERE organization_code = ${account.organization} AND state_code = ${account.state ?? null})
      WHERE id = ${made.id}`);
    const response = await fetch(`${concord.baseUrl}/api/v1/session`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    sessions[reader] = {
      cookie: response.headers.get("set-cookie")!.split(";")[0]!,
      csrf: ((await response.json()) as { csrfToken: string }).csrfToken,
      accountId: made.id,
    };
  }
  const token = await send("nato-admin", {
    method: "POST",
    path: "/api/v1/account/tokens",
    body: { name: "audit script", scopes: ["audit:read"], password },
  });
  auditToken = token.body.token;
  natoAccountId = sessions["nato-analyst"].accountId;
  relationId = await openRelation("1850-01-01");
  const uploaded = await send("nato-staff", { method: "POST", path: "/api/v1/documents", form: documentForm() });
  const id = uploaded.body.id as number;
  const download = (part: string) =>
    fetch(`${concord.baseUrl}/api/v1/documents/${id}/${part}`, { headers: { Cookie: sessions["nato-staff"].cookie } });
  document = {
    id,
    content: new Uint8Array(await (await download("content")).arrayBuffer()),
    binding: await (await download("binding")).text(),
  };
});

/** An upload: unclassified under NATO's policy, released to NATO, the OAS and the United States. */
function documentForm(): FormData {
  const form = new FormData();
  form.set("file", new Blob(["Matrix document."], { type: "text/plain" }), "matrix.txt");
  form.set("title", "Matrix document");
  form.set(
    "label",
    JSON.stringify({
      policy: NATO_POLICY,
      classification: "NATO UNCLASSIFIED",
      categories: [{ tagName: "Releasable To", type: "permissive", values: ["NATO", "OAS", "USA"] }],
    }),
  );
  return form;
}
afterAll(async () => {
  await concord?.stop();
});

/** A NATO analyst none of the readers is. */
async function spareNatoAccount(): Promise<string> {
  const made = await new AccountsService(concord.database.db).createAdministrator({
    email: `spare-${randomUUID()}@example.org`,
    password,
    organizationCode: "NATO",
  });
  await concord.database.db.execute(sql`UPDATE accounts SET role = 'analyst' WHERE id = ${made.id}`);
  return made.id;
}

describe("the authorization matrix", () => {
  it("names every endpoint of the API", async () => {
    const document = (await (await fetch(`${concord.baseUrl}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const endpoints = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const covered = new Set([...rows.map((row) => row.endpoint), ...coveredElsewhere, "GET /api/v1/health"]);
    // Cooperation's endpoints have readers of their own: src/api/matrix-cooperation.test.ts.
    const elsewhere = (endpoint: string) => endpoint.includes("/auth/") || COOPERATION_PATHS.test(endpoint);
    expect(endpoints.filter((endpoint) => !covered.has(endpoint) && !elsewhere(endpoint))).toEqual([]);
  });

  for (const row of rows) {
    it(row.endpoint, async () => {
      const outcomes: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const reader of READERS) {
        const answer = await send(reader, await row.call(reader));
        outcomes[reader] = answer.status < 300 ? "allowed" : String(answer.status);
        expected[reader] = String(row.expect(reader));
        if (answer.status >= 300 && String(answer.status) !== expected[reader])
          outcomes[reader] += ` ${answer.body?.error?.message}`;
      }
      expect(outcomes).toEqual(expected);
    });
  }
});
