/**
 * Labelled documents (documentsPolicy): each organisation's library, its documents' versions
 * each with a STANAG 4774 label bound to the content by a STANAG 4778 binding signed with
 * Concord's key, the security policies labels are read against, and personnel clearances.
 *
 * Who may read a version is decided on the day of reading: the reader's clearance, their
 * additional sensitivities, and their nation's standing in the registry that day (so a state
 * whose partnership ended yesterday is outside "NATO:partners" today). One pure function decides
 * (src/domain/labels/access.ts); the library's query applies the same rule in SQL
 * (src/db/repositories/documents.ts). Every decision on a document, allowed or refused, is in
 * the audit log; a document of another organisation, or one the label keeps from the reader,
 * is "not found" to them.
 */
import { createHash } from "node:crypto";
import type { Database, Transaction } from "../../db/client.ts";
import * as decisionsRepo from "../../db/repositories/decisions.ts";
import * as repo from "../../db/repositories/documents.ts";
import * as exchangesRepo from "../../db/repositories/exchanges.ts";
import { AccountsRepository } from "../../db/repositories/accounts.ts";
import { type Day, isDay, today } from "../../domain/dates.ts";
import { DOCUMENT_MEDIA_TYPES, DOCUMENT_LIMITS } from "../../domain/documents.ts";
import {
  type AccessDecision,
  type ConfidentialityLabel,
  checkLabel,
  classificationAt,
  classificationRank,
  decideAccess,
  displayMarking,
  dominantLabel,
  effectiveType,
  type LabelProblem,
  type LabelReader,
  LabelJsonError,
  LabelXmlError,
  labelFromXml,
  labelInForce,
  labelToXml,
  parseLabelJson,
  parsePolicy,
  readerWithin,
  type SecurityPolicy,
} from "../../domain/labels/index.ts";
import { LANGUAGES, type Language } from "../../domain/languages.ts";
import { type Message, msg } from "../../domain/messages/index.ts";
import { appendAudit } from "../audit/log.ts";
import { InvalidRequestError, NotFoundError } from "../errors.ts";
import { type JobHandlers, scheduleJob } from "../jobs/queue.ts";
import { auditActor, authorize, documentsPolicy, type Principal } from "../policies.ts";
import type { BindingKey } from "./binding-key.ts";
import { createBinding, verifyBinding } from "./binding.ts";
import { extractText } from "./text.ts";

const DOWNGRADE_JOB = "documents.downgrade";
const LABEL_EXISTING_JOB = "documents.label-existing";
/** Concord's own policy for an organisation with none of its own (data/policies/concord.json). */
export const CONCORD_DEFAULT_POLICY = "urn:concord:policy:default";
/** How many attachments or returns one run of `documents.label-existing` labels before running again. */
const LABEL_EXISTING_BATCH = 50;

/**
 * Asks for what has no label yet (a proposal attachment, a submitted return) to be labelled and
 * kept in its organisation's library, at once: in the caller's transaction, so only if it commits.
 */
export async function scheduleLabelling(tx: Pick<Database, "execute">): Promise<void> {
  await scheduleJob(tx, { kind: LABEL_EXISTING_JOB, runAt: new Date(), uniqueKey: LABEL_EXISTING_JOB });
}

export type Texts = Partial<Record<Language, string>>;

export type NewDocument = {
  /** The library: the uploader's organisation (Concord's own tools name it). */
  organization?: string;
  file: { name: string; mediaType: string; bytes: Uint8Array };
  titles: Texts;
  descriptions?: Texts;
  /** A label as 4774 XML or as the JSON form; none: the organisation's default label. */
  label?: string | Record<string, unknown>;
  subject?: { kind: "proposal" | "programme" | "exchange-return"; id: string };
};

const SCHEDULER: Principal = { kind: "system", name: "scheduler" };

/** A reader as both the pure rule and the SQL rule see them, on one day. */
type Reader = { label: LabelReader; sql: repo.ReaderAttributes; day: Day };

export class DocumentsService {
  constructor(
    private readonly db: Database,
    private readonly bindingKey: () => Promise<BindingKey>,
  ) {}

  // ---------------------------------------------------------------------------- policies

  /** Every security policy labels may name, as last loaded (read in `db`: the caller's transaction, or the pool). */
  async policies(db: Pick<Database, "execute"> = this.db): Promise<Map<string, SecurityPolicy>> {
    const rows = await repo.latestPolicies(db);
    return new Map(rows.map((row) => [row.id, parsePolicy(row.definition)]));
  }

  async listPolicies(principal: Principal) {
    authorize(principal, principal.kind !== "anonymous", msg("documents.reading"));
    return [...(await this.policies()).values()];
  }

  // ---------------------------------------------------------------------------- the reader

  /** The reader's attributes on `day`: clearances in force, sensitivities held, and what their nation is inside. */
  private async readerOf(
    principal: Principal & { kind: "account" },
    policies: Map<string, SecurityPolicy>,
    day: Day,
  ): Promise<Reader> {
    const account = principal.account;
    const nation = account.delegationState ?? null;
    const [standings, clearances] = await Promise.all([
      nation ? repo.standingsOn(this.db, nation, day) : Promise.resolve([]),
      repo.clearancesInForce(this.db, account.id, day),
    ]);
    const within = readerWithin({
      nation,
      organization: account.organizationCode,
      // An account that speaks for no state (the secretariat, an analyst, a curator) is the organisation's own staff.
      isOwnStaff: nation === null,
      standings,
      policies,
    });
    const label: LabelReader = {
      organization: account.organizationCode,
      nation,
      clearances: Object.fromEntries(clearances.map((c) => [c.policyId, c.classificationRank])),
      authorisations: Object.fromEntries(clearances.map((c) => [c.policyId, c.authorisations])),
      within,
    };
    return {
      label,
      day,
      sql: {
        organization: account.organizationCode,
        clearances: label.clearances,
        heldKeys: clearances.flatMap((c) => c.authorisations.map((value) => repo.restrictiveKey(c.policyId, value))),
        within: [...within],
      },
    };
  }

  /** The reader's decision on a version's label in force, by the pure rule. */
  private decide(reader: Reader | null, inForce: ConfidentialityLabel, policies: Map<string, SecurityPolicy>) {
    if (reader === null) return { allowed: true } as AccessDecision; // Concord's own tools
    const policy = policies.get(inForce.policy);
    // A label of a policy no longer held: nobody may read it, by the rule's own refusal.
    if (!policy)
      return { allowed: false, reasons: [{ kind: "wrong-policy", labelPolicy: inForce.policy, policy: "" }] };
    return decideAccess(inForce, policy, reader.label);
  }

  private async readerFor(principal: Principal, policies: Map<string, SecurityPolicy>) {
    return principal.kind === "account" ? this.readerOf(principal, policies, today()) : null;
  }

  // ---------------------------------------------------------------------------- reading

  /** A page of the library as the reader may see it, newest change first. */
  async list(
    principal: Principal,
    options: Omit<repo.LibraryFilter, "limit" | "before"> & {
      organization?: string;
      limit?: number;
      /** The `next` of the previous page. */
      after?: string;
    },
  ) {
    const organization = this.libraryOf(principal, options.organization);
    authorize(principal, documentsPolicy.readLibrary(principal, organization), msg("documents.reading"));
    const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
    if (options.query !== undefined && options.query.length > DOCUMENT_LIMITS.query)
      throw new InvalidRequestError(msg("documents.query_too_long", { max: DOCUMENT_LIMITS.query }), { field: "q" });
    const policies = await this.policies();
    const reader = await this.readerFor(principal, policies);
    const rows = await repo.listLibrary(this.db, organization, reader?.sql ?? null, {
      query: options.query?.trim() || undefined,
      policy: options.policy,
      maxRank: options.maxRank,
      categoryValue: options.categoryValue,
      subject: options.subject,
      before: options.after === undefined ? undefined : readCursor(options.after),
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    // What the reader was shown is an access decision too: one entry for the page, naming each document.
    if (principal.kind === "account")
      await this.db.transaction((tx) =>
        appendAudit(tx, {
          ...auditActor(principal),
          organization,
          action: "document.list",
          objectType: "document",
          objectId: null,
          details: { query: options.query ?? null, shown: page.map((row) => row.documentId) },
        }),
      );
    return {
      documents: page.map((row) => this.summaryOf(row, policies)),
      next: rows.length > limit && last ? writeCursor(last.updatedAt, last.documentId) : null,
    };
  }

  /** How many documents of the library the reader may see. */
  async count(principal: Principal, organization?: string): Promise<number> {
    const library = this.libraryOf(principal, organization);
    authorize(principal, documentsPolicy.readLibrary(principal, library), msg("documents.reading"));
    const policies = await this.policies();
    const reader = await this.readerFor(principal, policies);
    return repo.countLibrary(this.db, library, reader?.sql ?? null);
  }

  /** A document with the versions the reader may see; audited. */
  async get(principal: Principal, id: number) {
    const { document, versions, readable, policies } = await this.readable(principal, id, "metadata");
    return {
      id: document.id,
      organization: document.organizationCode,
      originator: document.originatorCode,
      subject: document.subjectKind ? { kind: document.subjectKind, id: document.subjectId } : null,
      createdAt: document.createdAt,
      createdBy: document.createdByName,
      currentVersion: document.currentVersion,
      versions: versions.filter((v) => readable.has(v.version)).map((v) => this.versionView(v, policies)),
      abilities: {
        addVersion: documentsPolicy.originate(principal, {
          organization: document.organizationCode,
          originator: document.originatorCode,
        }),
        explain: documentsPolicy.originate(principal, {
          organization: document.organizationCode,
          originator: document.originatorCode,
        }),
      },
    };
  }

  /** A version's content (the current one by default); audited. */
  async content(principal: Principal, id: number, version?: number) {
    const { document, chosen } = await this.readableVersion(principal, id, version, "content");
    const content = await repo.findContent(this.db, document.id, chosen.version);
    if (!content) throw new NotFoundError(msg("documents.not_found", { id }));
    return { ...content, version: chosen.version, bindingXml: chosen.bindingXml, marking: chosen.marking };
  }

  /** A version's STANAG 4778 binding (detached); audited. */
  async binding(principal: Principal, id: number, version?: number) {
    const { chosen } = await this.readableVersion(principal, id, version, "binding");
    return { bindingXml: chosen.bindingXml, fileName: chosen.fileName, version: chosen.version };
  }

  private async readableVersion(principal: Principal, id: number, version: number | undefined, what: string) {
    const { document, versions, readable, policies } = await this.readable(principal, id, what, version);
    const wanted = version ?? document.currentVersion;
    const found = versions.find((v) => v.version === wanted);
    if (!found || !readable.has(wanted))
      throw new NotFoundError(msg("documents.version_not_found", { id, version: wanted }));
    return { document, chosen: { ...found, marking: this.markingOf(found.labelInForce, policies) } };
  }

  /**
   * The document, its versions and which of them the reader may read, with the decision in the
   * audit log. A reader outside the library, or refused every version asked for, learns only
   * that there is no such document.
   */
  private async readable(principal: Principal, id: number, what: string, version?: number) {
    this.authorizeLibrary(principal);
    const document = await repo.findDocument(this.db, id);
    const inLibrary = document !== undefined && documentsPolicy.readLibrary(principal, document.organizationCode);
    if (!document || !inLibrary) {
      if (document)
        await this.auditDecision(principal, document, what, version ?? null, {
          allowed: false,
          reasons: [{ kind: "other-organisation" }],
        });
      throw new NotFoundError(msg("documents.not_found", { id }));
    }
    const policies = await this.policies();
    const reader = await this.readerFor(principal, policies);
    const versions = await repo.versionsOf(this.db, id);
    const decisions = new Map(
      versions.map((v) => [
        v.version,
        this.decide(reader, v.labelInForce as unknown as ConfidentialityLabel, policies),
      ]),
    );
    const readable = new Set([...decisions].filter(([, d]) => d.allowed).map(([n]) => n));
    const asked = version ?? document.currentVersion;
    const decision = decisions.get(asked) ?? { allowed: false as const, reasons: [{ kind: "no-such-version" }] };
    await this.auditDecision(principal, document, what, asked, decision);
    if (!decision.allowed) throw new NotFoundError(msg("documents.not_found", { id }));
    return { document, versions, readable, policies };
  }

  /**
   * The reader's own library must be open to them (a token without documents:read is refused
   * here, before anything is looked up); anyone else's is answered document by document: 404.
   */
  private authorizeLibrary(principal: Principal): void {
    authorize(principal, principal.kind !== "anonymous", msg("documents.reading"));
    if (principal.kind === "account")
      authorize(
        principal,
        documentsPolicy.readLibrary(principal, principal.account.organizationCode),
        msg("documents.reading"),
      );
  }

  /**
   * The document, for whoever speaks for its originator. Anyone else who may see it is refused
   * (403); anyone the label keeps it from learns nothing of it, not even that it exists (404).
   */
  private async requireOriginator(principal: Principal, id: number, what: string, doing: Message) {
    this.authorizeLibrary(principal);
    const document = await repo.findDocument(this.db, id);
    const scope = document && { organization: document.organizationCode, originator: document.originatorCode };
    if (!document || !scope || !documentsPolicy.readLibrary(principal, scope.organization))
      throw new NotFoundError(msg("documents.not_found", { id }));
    if (!documentsPolicy.originate(principal, scope)) {
      await this.readable(principal, id, what);
      authorize(principal, false, doing);
    }
    return document;
  }

  private async auditDecision(
    principal: Principal,
    document: repo.DocumentRow,
    what: string,
    version: number | null,
    decision: { allowed: true } | { allowed: false; reasons: readonly unknown[] },
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      await appendAudit(tx, {
        ...auditActor(principal),
        organization: document.organizationCode,
        action: decision.allowed ? "document.read" : "document.refused",
        objectType: "document",
        objectId: document.id,
        details: { what, version, ...(decision.allowed ? {} : { reasons: decision.reasons }) },
      });
    });
  }

  /**
   * Why `readerId` cannot see the document (or that they can): asked by whoever speaks for the
   * document's originator, never by the reader, who is told only that there is no such document.
   */
  async explain(principal: Principal, id: number, readerId: string) {
    const document = await this.requireOriginator(principal, id, "access", msg("documents.explaining"));
    const account = await this.account(readerId);
    if (!account || account.organizationCode !== document.organizationCode)
      throw new NotFoundError(msg("documents.reader_not_found", { reader: readerId }));
    const policies = await this.policies();
    const reader = await this.readerOf({ kind: "account", account }, policies, today());
    const versions = await repo.versionsOf(this.db, id);
    const current = versions.find((v) => v.version === document.currentVersion);
    if (!current) throw new NotFoundError(msg("documents.not_found", { id }));
    const decision = this.decide(reader, current.labelInForce as unknown as ConfidentialityLabel, policies);
    return {
      reader: { id: account.id, displayName: account.displayName, nation: reader.label.nation },
      version: current.version,
      marking: this.markingOf(current.labelInForce, policies),
      day: reader.day,
      within: [...reader.label.within].sort(),
      decision,
    };
  }

  // ---------------------------------------------------------------------------- writing

  /** Adds a document to the library (its first version), bound and signed; audited. */
  async upload(principal: Principal, input: NewDocument) {
    const organization = this.libraryOf(principal, input.organization);
    authorize(principal, documentsPolicy.upload(principal, organization), msg("documents.uploading"));
    const originator =
      principal.kind === "account" ? (principal.account.delegationState ?? organization) : organization;
    // What it documents must be the library's own: a proposal of its bodies, its programme, a return to its regime.
    if (
      input.subject &&
      (await repo.subjectOrganization(this.db, input.subject.kind, input.subject.id)) !== organization
    )
      throw new InvalidRequestError(
        msg("documents.subject_not_found", { kind: input.subject.kind, id: input.subject.id.slice(0, 100) }),
        { field: "subjectId" },
      );
    const prepared = await this.prepareVersion(principal, organization, originator, input);
    const id = await this.db.transaction(async (tx) => {
      const document = await repo.insertDocument(tx, {
        organizationCode: organization,
        subjectKind: input.subject?.kind ?? null,
        subjectId: input.subject?.id ?? null,
        originatorCode: originator,
        createdBy: principal.kind === "account" ? principal.account.id : null,
        createdByName: actorName(principal),
      });
      await this.writeVersion(tx, principal, document, 1, prepared, "document.upload");
      return document.id;
    });
    return this.get(principal, id);
  }

  /** Adds a version to a document (its originator only); audited. */
  async addVersion(principal: Principal, id: number, input: NewDocument) {
    const document = await this.requireOriginator(principal, id, "version", msg("documents.uploading"));
    const prepared = await this.prepareVersion(principal, document.organizationCode, document.originatorCode, input);
    await this.db.transaction(async (tx) => {
      const locked = await repo.lockDocument(tx, id);
      if (!locked) throw new NotFoundError(msg("documents.not_found", { id }));
      await this.writeVersion(tx, principal, locked, locked.currentVersion + 1, prepared, "document.version");
    });
    return this.get(principal, id);
  }

  /** Checks what is to be stored and binds the label to the content; refuses with the field named. */
  private async prepareVersion(principal: Principal, organization: string, originator: string, input: NewDocument) {
    const titles = readTexts(input.titles, "title", DOCUMENT_LIMITS.title);
    if (Object.keys(titles).length === 0)
      throw new InvalidRequestError(msg("documents.title_required"), { field: "title" });
    const descriptions = readTexts(input.descriptions ?? {}, "description", DOCUMENT_LIMITS.description);
    const { file } = input;
    const fileName = file.name.trim();
    if (fileName === "" || fileName.length > DOCUMENT_LIMITS.fileName)
      throw new InvalidRequestError(msg("documents.file_name", { max: DOCUMENT_LIMITS.fileName }), { field: "file" });
    if (file.bytes.byteLength === 0) throw new InvalidRequestError(msg("documents.file_empty"), { field: "file" });
    if (file.bytes.byteLength > DOCUMENT_LIMITS.bytes)
      throw new InvalidRequestError(
        msg("documents.file_too_large", { mebibytes: DOCUMENT_LIMITS.bytes / 1024 / 1024 }),
        { field: "file" },
      );
    const mediaType = (file.mediaType.split(";")[0] ?? "").trim().toLowerCase();
    if (!DOCUMENT_MEDIA_TYPES.has(mediaType))
      throw new InvalidRequestError(msg("documents.media_type", { type: mediaType.slice(0, 100) }), { field: "file" });

    const policies = await this.policies();
    const now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
    const label = this.readLabel(input.label, { organization, originator, now, policies });
    refuseProblems(checkLabel(label, policies));
    const policy = policies.get(label.policy);
    if (!policy)
      throw new InvalidRequestError(msg("documents.unknown_policy", { policy: label.policy.slice(0, 200) }), {
        field: "label.policy",
      });
    const inForce = labelInForce(label, today());
    // Whoever labels a document must be able to read it under that label: otherwise it is lost to them.
    if (principal.kind === "account") {
      const decision = decideAccess(inForce, policy, (await this.readerOf(principal, policies, today())).label);
      if (!decision.allowed) throw new InvalidRequestError(msg("documents.label_excludes_you"), { field: "label" });
    }
    return this.bind({
      titles,
      descriptions,
      fileName,
      mediaType,
      bytes: file.bytes,
      label,
      inForce,
      policy,
      policies,
    });
  }

  /** Binds a label to content (STANAG 4778) and gathers what a version stores. */
  private async bind(version: {
    titles: Texts;
    descriptions: Texts;
    fileName: string;
    mediaType: string;
    bytes: Uint8Array;
    label: ConfidentialityLabel;
    inForce: ConfidentialityLabel;
    policy: SecurityPolicy;
    policies: Map<string, SecurityPolicy>;
  }) {
    const labelXml = labelToXml(version.label, version.policy);
    const key = await this.bindingKey();
    const bindingXml = createBinding({ content: version.bytes, labelXml, dataName: version.fileName, key });
    // Dynamic: pdf.js and the zip reader are loaded only by an upload that needs them.

    const bodyText = await extractText(version.mediaType, version.bytes);
    return { ...version, bytes: Buffer.from(version.bytes), labelXml, bindingXml, bodyText };
  }

  /**
   * The label of what nobody labelled: the organisation's own policy, else Concord's default
   * (data/policies/concord.json), at its lowest classification, released to the organisation
   * (and to `alsoTo`, e.g. the state a proposal concerns).
   */
  private defaultLabelOf(
    organization: string,
    context: { originator: string; now: string },
    policies: Map<string, SecurityPolicy>,
    alsoTo: string[] = [],
  ): ConfidentialityLabel {
    const policy =
      [...policies.values()].find((p) => p.organization === organization) ?? policies.get(CONCORD_DEFAULT_POLICY);
    if (!policy) throw new InvalidRequestError(msg("documents.no_default_label", { organization }), { field: "label" });
    return defaultLabel(policy, { ...context, organization }, alsoTo);
  }

  private readLabel(
    given: NewDocument["label"],
    context: { organization: string; originator: string; now: string; policies: Map<string, SecurityPolicy> },
  ): ConfidentialityLabel {
    if (given === undefined) {
      return this.defaultLabelOf(context.organization, context, context.policies);
    }
    const label = readGivenLabel(
      typeof given === "string" ? given : withCreationTime(given, context.now),
      context.policies,
    );
    return {
      ...label,
      creationTime: label.creationTime || context.now,
      originator: label.originator ?? context.originator,
    };
  }

  private async writeVersion(
    tx: Transaction,
    principal: Principal,
    document: Pick<repo.DocumentRow, "id" | "organizationCode">,
    version: number,
    prepared: Awaited<ReturnType<DocumentsService["prepareVersion"]>>,
    action: "document.upload" | "document.version",
  ): Promise<void> {
    const { titles, descriptions } = prepared;
    const documentId = document.id;
    const sha384 = createHash("sha384").update(prepared.bytes).digest();
    await repo.insertVersion(tx, {
      documentId,
      version,
      titleEn: titles.en ?? null,
      titleEs: titles.es ?? null,
      titlePt: titles.pt ?? null,
      titleFr: titles.fr ?? null,
      descriptionEn: descriptions.en ?? null,
      descriptionEs: descriptions.es ?? null,
      descriptionPt: descriptions.pt ?? null,
      descriptionFr: descriptions.fr ?? null,
      fileName: prepared.fileName,
      mediaType: prepared.mediaType,
      content: prepared.bytes,
      sha384,
      label: prepared.label as unknown as Record<string, unknown>,
      labelXml: prepared.labelXml,
      bindingXml: prepared.bindingXml,
      ...ruleColumns(prepared.inForce, prepared.policies),
      createdBy: principal.kind === "account" ? principal.account.id : null,
      createdByName: actorName(principal),
      bodyText: prepared.bodyText,
    });
    for (const step of prepared.label.succession)
      await scheduleJob(tx, {
        kind: DOWNGRADE_JOB,
        runAt: new Date(`${step.from}T00:00:00Z`),
        payload: { documentId, version },
        uniqueKey: `${DOWNGRADE_JOB}:${documentId}:${version}:${step.from}`,
        subject: `document:${documentId}`,
      });
    await appendAudit(tx, {
      ...auditActor(principal),
      organization: document.organizationCode,
      action,
      objectType: "document",
      objectId: documentId,
      after: {
        version,
        title: titles.en ?? titles.es ?? titles.pt ?? titles.fr,
        file: prepared.fileName,
        sha384: sha384.toString("hex"),
        marking: this.markingOf(prepared.label, prepared.policies),
      },
    });
  }

  // ---------------------------------------------------------------------------- labels

  /** The dominant label of a compilation of these labels, and its marking (the upload form's preview). */
  async dominant(principal: Principal, labels: (string | Record<string, unknown>)[]) {
    authorize(principal, principal.kind !== "anonymous", msg("documents.reading"));
    if (labels.length === 0 || labels.length > 100)
      throw new InvalidRequestError(msg("documents.compilation_size"), { field: "labels" });
    const policies = await this.policies();
    const parsed = labels.map((given) => readGivenLabel(given, policies));
    const result = dominantLabel(parsed, policies);
    if (!result.ok) refuseProblems(result.problems, "labels");
    const dominant = (result as Extract<typeof result, { ok: true }>).label;
    return {
      label: dominant,
      marking: this.markingOf(dominant, policies),
      unreleasable: (result as Extract<typeof result, { ok: true }>).unreleasable,
      xml: labelToXml(dominant, policyFor(policies, dominant.policy)),
    };
  }

  /** The display marking of a label in 4774 XML or JSON. */
  async marking(principal: Principal, labelGiven: string | Record<string, unknown>) {
    authorize(principal, principal.kind !== "anonymous", msg("documents.reading"));
    const policies = await this.policies();
    const label = readGivenLabel(labelGiven, policies);
    return { label, marking: this.markingOf(label, policies), problems: checkLabel(label, policies) };
  }

  /** Checks a file against a binding: the content's digest, the label, and Concord's signature. */
  async verify(principal: Principal, content: Uint8Array, bindingXml: string) {
    authorize(principal, principal.kind !== "anonymous", msg("documents.reading"));
    const key = await this.bindingKey();
    const result = verifyBinding({ content, bindingXml, trustedPublicKey: key.publicKey });
    if (!result.valid) return result;
    const policies = await this.policies();
    const label = labelFromXml(result.labelXml, policies);
    return { ...result, label, marking: this.markingOf(label, policies) };
  }

  private markingOf(label: unknown, policies: Map<string, SecurityPolicy>): string {
    const parsed = label as ConfidentialityLabel;
    const policy = policies.get(parsed.policy);
    return policy ? displayMarking(parsed, policy) : parsed.classification;
  }

  // ---------------------------------------------------------------------------- clearances

  /** Only an administrator administers clearances, and only of their own organisation's accounts (others: 404). */
  private authorizeClearances(principal: Principal): void {
    authorize(principal, principal.kind !== "anonymous", msg("documents.clearances"));
    if (principal.kind === "account")
      authorize(
        principal,
        documentsPolicy.manageClearances(principal, principal.account.organizationCode),
        msg("documents.clearances"),
      );
  }

  async clearances(principal: Principal, organization?: string) {
    const library = this.libraryOf(principal, organization);
    authorize(principal, documentsPolicy.manageClearances(principal, library), msg("documents.clearances"));
    return repo.clearancesOfOrganization(this.db, library);
  }

  /** Grants (or changes) an account's clearance in a policy; holds from the account's next request. */
  async grantClearance(
    principal: Principal,
    input: { accountId: string; policy: string; classification: string; authorisations?: string[]; expiresOn: string },
  ) {
    this.authorizeClearances(principal);
    const account = await this.account(input.accountId);
    const organization = account?.organizationCode;
    if (!account || organization === undefined || !documentsPolicy.manageClearances(principal, organization))
      throw new NotFoundError(msg("documents.account_not_found", { account: input.accountId }));
    const policies = await this.policies();
    const policy = policies.get(input.policy);
    if (!policy)
      throw new InvalidRequestError(msg("documents.unknown_policy", { policy: input.policy.slice(0, 200) }), {
        field: "policy",
      });
    const rank = classificationRank(policy, input.classification);
    if (rank === undefined)
      throw new InvalidRequestError(
        msg("documents.unknown_classification", {
          classification: input.classification.slice(0, 100),
          policy: policy.name,
        }),
        { field: "classification" },
      );
    const sensitivities = new Set(
      policy.categories.filter((c) => c.type === "restrictive").flatMap((c) => c.values ?? []),
    );
    const authorisations = [...new Set(input.authorisations ?? [])];
    const unknown = authorisations.find((value) => !sensitivities.has(value));
    if (unknown !== undefined)
      throw new InvalidRequestError(
        msg("documents.unknown_sensitivity", { value: unknown.slice(0, 100), policy: policy.name }),
        {
          field: "authorisations",
        },
      );
    if (!isDay(input.expiresOn) || input.expiresOn < today())
      throw new InvalidRequestError(msg("documents.expiry", { day: input.expiresOn.slice(0, 20) }), {
        field: "expiresOn",
      });
    await this.db.transaction(async (tx) => {
      const before = await repo.findClearance(tx, account.id, policy.id);
      await repo.upsertClearance(tx, {
        accountId: account.id,
        policyId: policy.id,
        classification: input.classification,
        classificationRank: rank,
        authorisations,
        expiresOn: input.expiresOn,
        grantedBy: actorName(principal),
      });
      await appendAudit(tx, {
        ...auditActor(principal),
        organization,
        action: "clearance.grant",
        objectType: "clearance",
        objectId: `${account.id} ${policy.id}`,
        before: before
          ? {
              classification: before.classification,
              authorisations: before.authorisations,
              expiresOn: before.expiresOn,
            }
          : null,
        after: {
          account: account.email,
          policy: policy.name,
          classification: input.classification,
          authorisations,
          expiresOn: input.expiresOn,
        },
      });
    });
    return repo
      .clearancesOfOrganization(this.db, organization)
      .then((rows) => rows.filter((r) => r.accountId === account.id));
  }

  async withdrawClearance(principal: Principal, accountId: string, policyId: string) {
    this.authorizeClearances(principal);
    const account = await this.account(accountId);
    if (!account || !documentsPolicy.manageClearances(principal, account.organizationCode))
      throw new NotFoundError(msg("documents.account_not_found", { account: accountId }));
    await this.db.transaction(async (tx) => {
      const before = await repo.findClearance(tx, account.id, policyId);
      if (!before || !(await repo.deleteClearance(tx, account.id, policyId)))
        throw new NotFoundError(msg("documents.clearance_not_found", { policy: policyId.slice(0, 200) }));
      await appendAudit(tx, {
        ...auditActor(principal),
        organization: account.organizationCode,
        action: "clearance.withdraw",
        objectType: "clearance",
        objectId: `${account.id} ${policyId}`,
        before: {
          account: account.email,
          classification: before.classification,
          authorisations: before.authorisations,
          expiresOn: before.expiresOn,
        },
      });
    });
  }

  // ---------------------------------------------------------------------------- jobs

  jobHandlers(): JobHandlers {
    return {
      [LABEL_EXISTING_JOB]: async (tx) => {
        if ((await this.labelExisting(tx)) === LABEL_EXISTING_BATCH) await scheduleLabelling(tx);
      },
      [DOWNGRADE_JOB]: async (tx, job) => {
        await this.applyDowngrade(tx, Number(job.payload.documentId), Number(job.payload.version), today());
      },
    };
  }

  /**
   * Keeps what existed without a label as labelled documents of its organisation's library, with
   * the default label: proposal attachments (released to the organisation and the state the
   * proposal concerns, who read the proposal), and submitted returns of an organisation's regime
   * (released to the organisation and the returning state; the document is the return as JSON). Answers how many
   * it labelled (at most a batch).
   */
  async labelExisting(tx: Transaction): Promise<number> {
    const policies = await this.policies(tx);
    const now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
    let labelled = 0;
    for (const attachment of await decisionsRepo.unlabelledAttachments(tx, LABEL_EXISTING_BATCH)) {
      const label = this.defaultLabelOf(
        attachment.organization,
        { originator: attachment.organization, now },
        policies,
        attachment.concernsState ? [attachment.concernsState] : [],
      );
      const id = await this.keepLabelled(tx, {
        organization: attachment.organization,
        subject: { kind: "proposal", id: String(attachment.proposalId) },
        title: attachment.name,
        fileName: attachment.name,
        mediaType: DOCUMENT_MEDIA_TYPES.has(attachment.mediaType) ? attachment.mediaType : "application/octet-stream",
        bytes: attachment.content,
        label,
        policies,
      });
      await decisionsRepo.linkAttachment(tx, attachment.id, id);
      labelled++;
    }
    for (const given of await exchangesRepo.unlabelledReturns(tx, LABEL_EXISTING_BATCH - labelled)) {
      // Released to the organisation and to the state that made it (which may have left since).
      const label = this.defaultLabelOf(given.organization, { originator: given.stateCode, now }, policies, [
        given.stateCode,
      ]);
      // Codes only: the same title in every language.
      const title = `${given.regimeCode} · ${given.stateCode} · ${given.year} · #${given.id}`;
      const id = await this.keepLabelled(tx, {
        organization: given.organization,
        subject: { kind: "exchange-return", id: String(given.id) },
        title,
        fileName: `${given.regimeCode}-${given.stateCode}-${given.year}-${given.id}.json`,
        mediaType: "application/json",
        bytes: new TextEncoder().encode(
          `${JSON.stringify({ regime: given.regimeCode, state: given.stateCode, year: given.year, form: `${given.formCode} v${given.formVersion}`, status: given.status, values: given.values }, null, 2)}\n`,
        ),
        label,
        policies,
      });
      await exchangesRepo.linkReturn(tx, given.id, id);
      labelled++;
    }
    return labelled;
  }

  /** Keeps content Concord labelled itself as a new document, bound, audited as Concord's. */
  private async keepLabelled(
    tx: Transaction,
    item: {
      organization: string;
      subject: NonNullable<NewDocument["subject"]>;
      title: string;
      fileName: string;
      mediaType: string;
      bytes: Uint8Array;
      label: ConfidentialityLabel;
      policies: Map<string, SecurityPolicy>;
    },
  ): Promise<number> {
    const policy = policyFor(item.policies, item.label.policy);
    const titles = Object.fromEntries(LANGUAGES.map((lang) => [lang, item.title.slice(0, DOCUMENT_LIMITS.title)]));
    const prepared = await this.bind({
      titles,
      descriptions: {},
      fileName: item.fileName.slice(0, DOCUMENT_LIMITS.fileName),
      mediaType: item.mediaType,
      bytes: item.bytes,
      label: item.label,
      inForce: labelInForce(item.label, today()),
      policy,
      policies: item.policies,
    });
    const document = await repo.insertDocument(tx, {
      organizationCode: item.organization,
      subjectKind: item.subject.kind,
      subjectId: item.subject.id,
      originatorCode: item.label.originator ?? item.organization,
      createdByName: "Concord",
    });
    await this.writeVersion(tx, SCHEDULER, document, 1, prepared, "document.upload");
    return document.id;
  }

  /**
   * Puts in force the label a version's succession gives for `day` (the job `documents.downgrade`
   * runs it on each succession's day; tests give the day). Audited when the label changes.
   */
  async applyDowngrade(tx: Transaction, documentId: number, version: number, day: Day): Promise<boolean> {
    const row = (await repo.versionsOf(tx, documentId)).find((v) => v.version === version);
    if (!row) return false; // the document is gone
    const inForce = labelInForce(row.label as unknown as ConfidentialityLabel, day);
    if (JSON.stringify(inForce) === JSON.stringify(row.labelInForce)) return false;
    const policies = await this.policies(tx);
    await repo.setLabelInForce(tx, documentId, version, ruleColumns(inForce, policies));
    const document = await repo.findDocument(tx, documentId);
    await appendAudit(tx, {
      actor: "scheduler",
      organization: document?.organizationCode,
      action: "document.downgrade",
      objectType: "document",
      objectId: documentId,
      before: { version, marking: this.markingOf(row.labelInForce, policies) },
      after: { version, marking: this.markingOf(inForce, policies), day },
    });
    return true;
  }

  // ---------------------------------------------------------------------------- views

  /** An account by id or e-mail address; none for anything else (the database would refuse to compare it with an id). */
  private async account(idOrEmail: string) {
    const accounts = new AccountsRepository(this.db);
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrEmail))
      return accounts.findById(idOrEmail.toLowerCase());
    // Or the address its owner signs in with (what an originator knows of a reader).
    const email = idOrEmail.trim().toLowerCase();
    return email.includes("@") && email.length <= 254 ? accounts.findByEmail(email) : undefined;
  }

  private libraryOf(principal: Principal, organization: string | undefined): string {
    // Nobody signed in has a library: asked to sign in, before anything else is said.
    authorize(principal, principal.kind !== "anonymous", msg("documents.reading"));
    if (organization !== undefined) return organization;
    if (principal.kind === "account") return principal.account.organizationCode;
    if (principal.kind === "system" && principal.organization) return principal.organization;
    throw new InvalidRequestError(msg("documents.organization_required"), { field: "organization" });
  }

  private versionView(v: repo.VersionSummary, policies: Map<string, SecurityPolicy>) {
    return {
      version: v.version,
      titles: textsOf(v, "title"),
      descriptions: textsOf(v, "description"),
      fileName: v.fileName,
      mediaType: v.mediaType,
      size: v.size,
      sha384: v.sha384.toString("hex"),
      label: v.label,
      labelInForce: v.labelInForce,
      marking: this.markingOf(v.labelInForce, policies),
      labelXml: v.labelXml,
      createdAt: v.createdAt,
      createdBy: v.createdByName,
    };
  }

  private summaryOf(row: repo.LibraryEntry, policies: Map<string, SecurityPolicy>) {
    return {
      id: row.documentId,
      organization: row.organizationCode,
      originator: row.originatorCode,
      subject: row.subjectKind ? { kind: row.subjectKind, id: row.subjectId } : null,
      updatedAt: row.updatedAt,
      ...this.versionView(row, policies),
    };
  }
}

/** What the SQL rule reads of a label in force (the repository's denormalised columns). */
export function ruleColumns(label: ConfidentialityLabel, policies: Map<string, SecurityPolicy>) {
  const policy = policies.get(label.policy);
  return {
    labelInForce: label as unknown as Record<string, unknown>,
    policyId: label.policy,
    classificationRank: policy ? (classificationRank(policy, label.classification) ?? 100) : 100,
    // The policy's type of a category wins over the label's (as decideAccess reads it).
    permissive: label.categories.filter((c) => effectiveType(policy, c) === "permissive").map((c) => c.values),
    restrictive: label.categories
      .filter((c) => effectiveType(policy, c) === "restrictive")
      .flatMap((c) => c.values.map((value) => repo.restrictiveKey(label.policy, value))),
  };
}

/** The policy a label names, known to be held (its label was read against the policies). */
function policyFor(policies: Map<string, SecurityPolicy>, id: string): SecurityPolicy {
  const policy = policies.get(id);
  if (!policy)
    throw new InvalidRequestError(msg("documents.unknown_policy", { policy: id.slice(0, 200) }), {
      field: "label.policy",
    });
  return policy;
}

/** A label in JSON from an uploader need not say when it was made: now, and its downgrades too. */
function withCreationTime(given: Record<string, unknown>, now: string): Record<string, unknown> {
  const succession = Array.isArray(given.succession)
    ? given.succession.map((step: unknown) =>
        step && typeof step === "object" && "label" in step && step.label && typeof step.label === "object"
          ? { ...step, label: { creationTime: now, ...(step.label as Record<string, unknown>) } }
          : step,
      )
    : given.succession;
  return { creationTime: now, ...given, ...(succession === undefined ? {} : { succession }) };
}

/** A label given as 4774 XML or as JSON, read; what cannot be read is refused naming where. */
function readGivenLabel(
  given: string | Record<string, unknown>,
  policies: Map<string, SecurityPolicy>,
): ConfidentialityLabel {
  try {
    return typeof given === "string" ? labelFromXml(given, policies) : parseLabelJson(given);
  } catch (error) {
    if (error instanceof LabelXmlError)
      throw new InvalidRequestError(error.detail, { field: `label.${error.element}` });
    if (error instanceof LabelJsonError) {
      const first = error.errors[0];
      throw new InvalidRequestError(
        msg("documents.label_json", { problem: first ? `${first.path}: ${first.message}` : error.message }),
        {
          field: "label",
        },
      );
    }
    throw error;
  }
}

/** The first problem a label's policy finds, as a refusal naming where in the label it is. */
function refuseProblems(problems: readonly LabelProblem[], field = "label"): void {
  const first = problems[0];
  if (first === undefined) return;
  throw new InvalidRequestError({ key: first.key, params: first.params } as Message, {
    field: first.path ? `${field}.${first.path}` : field,
  });
}

/**
 * The label a document gets when its uploader gives none: its organisation's policy at the
 * lowest classification, releasable to the organisation.
 */
function defaultLabel(
  policy: SecurityPolicy,
  context: { organization: string; originator: string; now: string },
  alsoTo: string[] = [],
): ConfidentialityLabel {
  const open = policy.categories.filter((category) => category.type === "permissive" && category.values === null);
  const releasable = open.find((category) => category.tagName === "Releasable To") ?? open[0];
  return {
    policy: policy.id,
    classification: classificationAt(policy, 0)?.name ?? "",
    categories: releasable
      ? [{ tagName: releasable.tagName, type: "permissive", values: [...new Set([context.organization, ...alsoTo])] }]
      : [],
    creationTime: context.now,
    originator: context.originator,
    reviewDate: null,
    succession: [],
  };
}

function actorName(principal: Principal): string {
  if (principal.kind === "account") return principal.account.displayName.slice(0, 200);
  return principal.kind === "system" ? principal.name : "anonymous";
}

function textsOf(v: repo.VersionSummary, field: "title" | "description"): Texts {
  const texts: Texts = {};
  for (const lang of LANGUAGES) {
    const key = `${field}${lang.charAt(0).toUpperCase()}${lang.charAt(1)}` as keyof repo.VersionSummary;
    const value = v[key];
    if (typeof value === "string") texts[lang] = value;
  }
  return texts;
}

function readTexts(given: Texts, field: string, max: number): Texts {
  const texts: Texts = {};
  for (const [lang, value] of Object.entries(given)) {
    if (!(LANGUAGES as readonly string[]).includes(lang))
      throw new InvalidRequestError(msg("documents.language", { lang: lang.slice(0, 10) }), { field });
    const text = (value ?? "").trim();
    if (text === "") continue;
    if (text.length > max)
      throw new InvalidRequestError(msg("documents.text_too_long", { max }), { field: `${field}.${lang}` });
    texts[lang as Language] = text;
  }
  return texts;
}

function writeCursor(updatedAt: string, id: number): string {
  return Buffer.from(JSON.stringify([updatedAt, id])).toString("base64url");
}

function readCursor(cursor: string): { updatedAt: string; id: number } {
  try {
    const [updatedAt, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [unknown, unknown];
    if (typeof updatedAt === "string" && updatedAt.length < 40 && Number.isSafeInteger(id))
      return { updatedAt, id: id as number };
  } catch {
    // fall through
  }
  throw new InvalidRequestError(msg("documents.cursor"), { field: "after" });
}
