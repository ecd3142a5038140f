/**
 * Decisions, as the source documents describe them: a body's proposal under a procedure fixed
 * when it opens, positions taken by delegation heads, and an outcome that Concord determines
 * itself — as soon as it is certain, or at the deadline — with the rule that decided it. A
 * state's request, a designation and its revocation are proposals whose adoption changes the
 * registry; suspensions and withdrawals are notices applied on their effective date.
 *
 * Every change locks the proposal row first, so a position, a chair's action and the deadline
 * job (on any instance) take turns; the outcome is written only while the proposal is open, so
 * it is written once. Each step is audited and published as an event in its own transaction.
 */
import { scheduleLabelling } from "../documents/documents.ts";
import type { Database, Transaction } from "../../db/client.ts";
import { createHash } from "node:crypto";
import { addDays, today } from "../../domain/dates.ts";
import {
  positionNeedsStatement,
  type CloseStatus,
  type Effect,
  type OutcomeStatus,
  type ProposalPurpose,
  type RequestableKind,
} from "../../domain/decisions.ts";
import type { Names } from "../../domain/languages.ts";
import {
  ALLOWED_POSITIONS,
  deadlinePassed,
  decide,
  procedureProblem,
  type PositionKind,
  type Procedure,
} from "../../domain/procedures.ts";
import * as repo from "../../db/repositories/decisions.ts";
import { databaseNow } from "../../db/repositories/clock.ts";
import type { BodyRow, ProposalRow } from "../../db/repositories/decisions.ts";
import { RegistryRepository } from "../../db/repositories/registry.ts";
import { appendAudit, appendAuditEntries, type AuditRecord } from "../audit/log.ts";
import { ConflictError, ForbiddenError, HiddenError, InvalidRequestError, NotFoundError, present } from "../errors.ts";
import { publishEvent, publishEvents, type ConcordEvent } from "../events.ts";
import { cancelJobs, scheduleJob, type JobHandlers } from "../jobs/queue.ts";
import { auditActor, authorize, cooperationPolicy, decisionPolicy, type Principal } from "../policies.ts";
import type { RegistryWriter } from "../registry-writes.ts";
import { msg } from "../../domain/messages/index.ts";

const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

export const SCHEDULER: Principal = { kind: "system", name: "scheduler" };

/** Concord carrying out an organisation's process (its body's decision, a notice to it): what it records is that organisation's. */
export const schedulerFor = (organization: string): Principal => ({ kind: "system", name: "scheduler", organization });

/** A programme version's silence procedure runs this many days unless its proposer sets a deadline. */
export const PROGRAMME_SILENCE_DAYS = 7;

/** Deadlines decided together in one transaction when that many are due at once. */
const DEADLINES_PER_TRANSACTION = 50;

export type DecisionsOptions = {
  /** Names this instance in the outcomes it records. */
  instance: string;
  /** Reminders to delegations without a position, this many hours before a deadline. */
  reminderHours: readonly number[];
  /** What settles a cooperation programme's version when its agreement is decided (src/services/programmes). */
  programmes?: ProgrammeAgreements;
  /**
   * Keeps a new attachment as a labelled document in the caller's transaction (the documents
   * service's labelExisting), so that it is never read unlabelled; without it, the job queue does.
   */
  labelling?: (tx: Transaction) => Promise<unknown>;
};

/**
 * A programme version proposed for agreement is settled by its proposal's outcome: adopted, it
 * comes into force on the decision's day, citing the decision; not adopted or withdrawn, it is
 * not agreed. Called in the transaction that records the outcome.
 */
export interface ProgrammeAgreements {
  agreed(
    tx: Transaction,
    agreement: { programmeId: number; version: number; proposalId: number; day: string; sourceId: string },
  ): Promise<void>;
  notAgreed(tx: Transaction, agreement: { programmeId: number; version: number; proposalId: number }): Promise<void>;
}

export type OpenProposalInput = {
  body: string;
  title: string;
  text: string;
  procedure?: Procedure;
  deadline?: Date | null;
  chair?: string;
};

export type PositionInput = { state?: string; position: PositionKind; statement?: string | null };

export type ProposalDetail = {
  proposal: ProposalRow;
  body: BodyRow;
  members: string[];
  rounds: repo.RoundRow[];
  positions: repo.PositionRow[];
  notices: repo.NoticeRow[];
  attachments: repo.AttachmentRow[];
  names: Map<string, Names>;
  now: Date;
  /** What the reader may do on it, from the same rules the methods enforce. */
  abilities: { speakFor: string | null; allowedPositions: PositionKind[]; chair: boolean; withdraw: boolean };
};

type Executor = Pick<Database, "execute">;

export class DecisionsService {
  constructor(
    private readonly db: Database,
    private readonly writer: RegistryWriter,
    private readonly options: DecisionsOptions,
  ) {}

  // ---------------------------------------------------------------- reads

  async bodies(principal: Principal): Promise<BodyRow[]> {
    const bodies = await repo.listBodies(this.db);
    return bodies.filter(
      (body) => decisionPolicy.read(principal, { body, concernsState: null }) || decisionPolicy.chair(principal, body),
    );
  }

  /** The bodies these proposals are decided in, by id: what presenting a list of them names. */
  async bodiesOf(proposals: ReadonlyArray<{ bodyId: string }>): Promise<Map<string, BodyRow>> {
    const wanted = new Set(proposals.map((proposal) => proposal.bodyId));
    if (wanted.size === 0) return new Map();
    return new Map(
      (await repo.listBodies(this.db)).filter((body) => wanted.has(body.id)).map((body) => [body.id, body]),
    );
  }

  async list(
    principal: Principal,
    query: { status?: "open" | "closed"; needsPosition?: boolean; body?: string; limit?: number; beforeId?: number },
  ) {
    authorize(principal, principal.kind !== "anonymous", msg("activity.reading_proposals"));
    const all = await repo.listBodies(this.db);
    const asked = query.body === undefined ? all : all.filter((body) => body.id === query.body);
    if (asked.length === 0) throw new NotFoundError(msg("decisions.body_not_found", { id: String(query.body) }));
    const state = principal.kind === "account" ? (principal.account.delegationState ?? undefined) : undefined;
    if (query.needsPosition && state === undefined)
      throw new InvalidRequestError(msg("decisions.positions_need_delegation"), { field: "needsPosition" });
    // Filtered in the database by what decisionPolicy.read allows, asked of each body; and by `read` itself.
    const readable = decisionPolicy.readableIn(principal, asked);
    const rows = await repo.listProposals(this.db, {
      status: query.status,
      bodyIds: readable.bodies.map((body) => body.id),
      state,
      alsoConcerning: readable.concerning && {
        state: readable.concerning.state,
        bodyIds: readable.concerning.bodies.map((body) => body.id),
      },
      needsPositionOnly: query.needsPosition,
      limit: Math.min(query.limit ?? 100, 500),
      beforeId: query.beforeId,
    });
    const bodies = new Map(asked.map((body) => [body.id, body]));
    return rows.filter((row) => {
      const body = bodies.get(row.bodyId);
      return body !== undefined && decisionPolicy.read(principal, { body, concernsState: row.concernsState });
    });
  }

  /** The database's clock: deadlines are kept by it, so "time left" is counted on it too. */
  now(): Promise<Date> {
    return databaseNow(this.db);
  }

  async get(principal: Principal, id: number, db: Executor = this.db): Promise<ProposalDetail> {
    const proposal = await repo.findProposal(db, id);
    const body = proposal && (await repo.findBody(db, proposal.bodyId));
    // Another organisation's proposals do not exist for this reader.
    if (!proposal || !body || !decisionPolicy.read(principal, { body, concernsState: proposal.concernsState })) {
      authorize(principal, principal.kind !== "anonymous", msg("activity.reading_proposals"));
      throw notFound(id, proposal !== undefined);
    }
    // One after another: `db` may be a transaction, which runs one query at a time anyway.
    const members = await repo.proposalMembers(db, id);
    const rounds = await repo.proposalRounds(db, id);
    const positions = await repo.proposalPositions(db, id);
    const notices = await repo.noticesFor(db, { proposalId: id, kind: "outcome" });
    const attachments = await repo.proposalAttachments(db, id);
    const now = await databaseNow(db);
    const names = await repo.actorNames(db, [...members, ...(proposal.concernsState ? [proposal.concernsState] : [])]);
    const open = proposal.status === "open";
    const own = principal.kind === "account" ? principal.account.delegationState : null;
    const speakFor =
      open && own !== null && members.includes(own) && decisionPolicy.speakFor(principal, body, own) ? own : null;
    const chair = open && decisionPolicy.chair(principal, body);
    const requester =
      proposal.purpose === "request" &&
      proposal.concernsState !== null &&
      decisionPolicy.fileFor(principal, body.organization) === proposal.concernsState;
    const abilities = {
      speakFor,
      allowedPositions: speakFor ? [...ALLOWED_POSITIONS[proposal.procedure.kind]] : [],
      chair,
      withdraw: open && (chair || requester),
    };
    return { proposal, body, members, rounds, positions, notices, attachments, names, now, abilities };
  }

  /** The notices (outcomes, reminders) sent to the reader's delegation. */
  async notices(principal: Principal): Promise<Array<repo.NoticeRow & { state: string }>> {
    authorize(principal, principal.kind !== "anonymous", msg("activity.reading_notices"));
    const account = principal.kind === "account" ? principal.account : undefined;
    const state = account?.delegationState;
    if (!account || !state) throw new InvalidRequestError(msg("decisions.notices_need_delegation"));
    // Its state sits in other organisations' bodies too: the database keeps to the reader's own
    // organisation (which `read` requires), and `read` has the last word on each notice's proposal.
    const notices = await repo.noticesFor(this.db, { state, organization: account.organizationCode, limit: 100 });
    const proposals = new Map(
      (await repo.findProposals(this.db, [...new Set(notices.map((notice) => notice.proposalId))])).map((proposal) => [
        proposal.id,
        proposal,
      ]),
    );
    const bodies = await this.bodiesOf([...proposals.values()]);
    return notices
      .filter((notice) => {
        const proposal = proposals.get(notice.proposalId);
        const body = proposal && bodies.get(proposal.bodyId);
        return proposal !== undefined && body !== undefined
          ? decisionPolicy.read(principal, { body, concernsState: proposal.concernsState })
          : false;
      })
      .map((notice) => ({ ...notice, state }));
  }

  // ---------------------------------------------------------------- opening

  async open(principal: Principal, input: OpenProposalInput, tx: Transaction): Promise<ProposalDetail> {
    const body = await repo.findBody(tx, input.body);
    if (!body) throw new InvalidRequestError(msg("decisions.no_body", { id: input.body }), { field: "body" });
    authorize(
      principal,
      decisionPolicy.chair(principal, body),
      msg("activity.opening_proposals_in", { body: body.names }),
    );
    return this.openIn(principal, body, { ...input, purpose: "general", effect: null, concernsState: null }, tx);
  }

  /** A state's request for a status in an organisation, sent to the body its rules name. */
  async fileRequest(
    principal: Principal,
    input: {
      organization: string;
      status: RequestableKind;
      framework?: string;
      text: string;
      deadline?: Date | null;
    },
    tx: Transaction,
  ): Promise<ProposalDetail> {
    const state = decisionPolicy.fileFor(principal, input.organization);
    if (!state) {
      authorize(principal, false, msg("activity.filing_request_to", { organization: input.organization }));
      throw new ForbiddenError(msg("decisions.request_by_head", { organization: input.organization }));
    }
    const rules = await repo.findOrganizationRules(tx, input.organization);
    const body = rules?.requestBodyId ? await repo.findBody(tx, rules.requestBodyId) : undefined;
    if (!body) throw new ConflictError(msg("decisions.no_request_body", { organization: input.organization }));
    if ((input.status === "partner") !== (input.framework !== undefined)) {
      throw new InvalidRequestError(msg("decisions.partnership_names_framework"), {
        field: "framework",
      });
    }
    const registry = new RegistryRepository(tx);
    if (
      input.framework !== undefined &&
      !(await registry.frameworks(input.organization)).some((framework) => framework.slug === input.framework)
    ) {
      throw new InvalidRequestError(
        msg("registry.no_such_framework", { organization: input.organization, framework: String(input.framework) }),
        {
          field: "framework",
        },
      );
    }
    const now = await databaseNow(tx);
    const holds = (await registry.relationsTowards(input.organization, today(now), {})).some(
      (relation) =>
        relation.subject === state &&
        relation.kind === input.status &&
        (input.framework === undefined || relation.framework === input.framework),
    );
    if (holds)
      throw new ConflictError(
        msg("decisions.status_held", { state, status: input.status, organization: input.organization }),
      );
    const actor = await registry.findActor(state);
    const what = input.status === "partner" ? `partner (${input.framework})` : input.status;
    const effect: Effect = {
      action: "relation.start",
      subject: state,
      object: input.organization,
      kind: input.status,
      framework: input.framework,
    };
    const opened = await this.openIn(
      principal,
      body,
      {
        body: body.id,
        title: `Request by ${actor?.names.en ?? state}: ${what}`,
        text: input.text,
        deadline: input.deadline,
        purpose: "request",
        effect,
        concernsState: state,
      },
      tx,
    );
    if (APPLICANT_STATUSES.includes(input.status)) {
      await this.recordApplicant(tx, opened.proposal, {
        state,
        stateName: actor?.names.en ?? state,
        organization: input.organization,
        framework: input.framework ?? null,
        day: today(now),
      });
      return this.get(principal, opened.proposal.id, tx);
    }
    return opened;
  }

  /**
   * A cooperation programme's version put to the organisation's request body for agreement (the
   * North Atlantic Council for NATO): under the silence procedure unless another is asked for,
   * with a deadline PROGRAMME_SILENCE_DAYS away unless one is given. Adopted, the version comes
   * into force (DecisionsOptions.programmes); the caller (src/services/cooperation/programmes.ts)
   * marks it proposed.
   */
  async openProgrammeAgreement(
    principal: Principal,
    input: {
      organization: string;
      programmeId: number;
      version: number;
      partner: string;
      title: string;
      text: string;
      deadline?: Date | null;
      procedure?: Procedure;
    },
    tx: Transaction,
  ): Promise<ProposalDetail> {
    authorize(
      principal,
      cooperationPolicy.manageProgramme(principal, input.organization),
      msg("programmes.activity.proposing", { organization: input.organization }),
    );
    const rules = await repo.findOrganizationRules(tx, input.organization);
    const body = rules?.requestBodyId ? await repo.findBody(tx, rules.requestBodyId) : undefined;
    if (!body) throw new ConflictError(msg("decisions.no_request_body", { organization: input.organization }));
    const procedure = input.procedure ?? { kind: "silence" };
    const deadline =
      input.deadline ??
      (procedure.kind === "silence" || procedure.kind === "majority"
        ? new Date((await databaseNow(tx)).getTime() + PROGRAMME_SILENCE_DAYS * 86_400_000)
        : null);
    return this.openIn(
      principal,
      body,
      {
        body: body.id,
        title: input.title,
        text: input.text,
        procedure,
        deadline,
        purpose: "programme",
        effect: { action: "programme.agree", programmeId: input.programmeId, version: input.version },
        concernsState: input.partner,
      },
      tx,
    );
  }

  /**
   * While a request for membership or partnership is pending, its state is an applicant: a
   * relation from the day the request opens as a proposal, citing the request (a source of its
   * own, `request-<proposal>`). An applicant relation names no framework (only a partner one
   * does), so a state with two such requests pending at once holds one, citing both.
   */
  private async recordApplicant(
    tx: Transaction,
    proposal: ProposalRow,
    request: { state: string; stateName: string; organization: string; framework: string | null; day: string },
  ): Promise<void> {
    const scheduler = schedulerFor(request.organization);
    const sourceId = applicantSource(proposal.id);
    await this.writer.createSource(
      scheduler,
      {
        id: sourceId,
        title: proposal.title,
        publisher: `Delegation of ${request.stateName}`,
        published: request.day,
        citation: `Concord proposal ${proposal.id}: a request by ${request.stateName} to ${request.organization}, filed on ${request.day}.`,
      },
      tx,
    );
    const claim = { source: sourceId, field: "relation" as const, note: `Request pending: proposal ${proposal.id}.` };
    const held = (
      await new RegistryRepository(tx).relationsTowards(request.organization, undefined, { kind: "applicant" })
    ).find(
      (relation) => relation.subject === request.state && (relation.until === null || relation.until > request.day),
    );
    if (held) {
      await this.writer.addClaim(scheduler, held.id, claim, tx);
      return;
    }
    await this.writer.createRelation(
      scheduler,
      {
        subject: request.state,
        object: request.organization,
        kind: "applicant",
        since: request.day,
        certainty: "confirmed",
        note: `Request pending in Concord: proposal ${proposal.id}${request.framework ? ` (partnership: ${request.framework})` : ""}.`,
        claims: [claim],
      },
      tx,
    );
  }

  /**
   * When a request is decided (adopted, not adopted, withdrawn, lapsed at its deadline) its state
   * is no longer an applicant from that day, unless another of its requests it cites is still
   * open. A relation holds for a day at least: a request decided on the day it opened made its
   * state an applicant on that day only.
   */
  private async endApplicant(tx: Transaction, proposal: ProposalRow, body: BodyRow): Promise<void> {
    const day = present(proposal.decidedOn, `proposal ${proposal.id}'s decision date`);
    const sourceId = applicantSource(proposal.id);
    const relation = (
      await new RegistryRepository(tx).relationsTowards(body.organization, undefined, { kind: "applicant" })
    ).find(
      (candidate) =>
        candidate.subject === proposal.concernsState &&
        candidate.until === null &&
        candidate.sources.some((source) => source.id === sourceId),
    );
    if (!relation) return;
    for (const source of relation.sources) {
      const other = /^request-(\d+)$/.exec(source.id);
      if (!other || Number(other[1]) === proposal.id) continue;
      if ((await repo.findProposal(tx, Number(other[1])))?.status === "open") return;
    }
    const until = day > relation.since ? day : addDays(relation.since, 1);
    try {
      await tx.transaction((savepoint) =>
        this.writer.endRelation(
          schedulerFor(body.organization),
          relation.id,
          {
            until,
            claim: {
              source: sourceId,
              field: "until",
              date: until,
              note: `Proposal ${proposal.id} closed on ${day} (${proposal.status}).`,
            },
          },
          savepoint,
        ),
      );
    } catch (error) {
      // The registry changed since (someone ended it by hand): the decision stands.
      if (!isRegistryRefusal(error)) throw error;
    }
  }

  /** A designation by one state (e.g. a US Major Non-NATO Ally), or its revocation, decided by that state alone. */
  async proposeDesignation(
    principal: Principal,
    input: { body: string; designee: string; designation: string; revoke?: boolean; text: string },
    tx: Transaction,
  ): Promise<ProposalDetail> {
    const body = await repo.findBody(tx, input.body);
    if (body?.actorType !== "state")
      throw new InvalidRequestError(msg("decisions.no_state_body", { id: input.body }), { field: "body" });
    authorize(
      principal,
      decisionPolicy.chair(principal, body),
      msg("activity.designations_by", { state: body.actorCode }),
    );
    const registry = new RegistryRepository(tx);
    const designee = await registry.findActor(input.designee);
    if (!designee)
      throw new InvalidRequestError(msg("registry.unknown_actors", { codes: input.designee }), { field: "designee" });
    const now = await databaseNow(tx);
    const current = (await registry.relationsTowards(body.actorCode, today(now), { kind: "designation" })).find(
      (relation) => relation.subject === input.designee && relation.designation === input.designation,
    );
    if (input.revoke && !current)
      throw new ConflictError(
        msg("decisions.designation_not_held", {
          designee: input.designee,
          designation: input.designation,
          state: body.actorCode,
        }),
      );
    if (!input.revoke && current)
      throw new ConflictError(
        msg("decisions.designation_held", {
          designee: input.designee,
          designation: input.designation,
          state: body.actorCode,
          relation: current.id,
        }),
      );
    // (Revoking, `current` is there: refused above otherwise.)
    const effect: Effect =
      input.revoke && current
        ? { action: "relation.end", relationId: current.id }
        : {
            action: "relation.start",
            subject: input.designee,
            object: body.actorCode,
            kind: "designation",
            designation: input.designation,
          };
    const title =
      `${input.revoke ? "Revocation of the" : ""} ${input.designation} designation ${input.revoke ? "of" : "for"} ${designee.names.en}`.trim();
    return this.openIn(
      principal,
      body,
      {
        body: body.id,
        title: title.charAt(0).toUpperCase() + title.slice(1),
        text: input.text,
        procedure: { kind: "unilateral" },
        purpose: input.revoke ? "revocation" : "designation",
        effect,
        concernsState: input.designee,
      },
      tx,
    );
  }

  private async openIn(
    principal: Principal,
    body: BodyRow,
    input: OpenProposalInput & { purpose: ProposalPurpose; effect: Effect | null; concernsState: string | null },
    tx: Transaction,
  ): Promise<ProposalDetail> {
    const procedure = input.procedure ?? body.defaultProcedure;
    const now = await databaseNow(tx);
    const deadline = input.deadline ?? null;
    if (deadline !== null && deadline.getTime() <= now.getTime())
      throw new InvalidRequestError(msg("decisions.must_be_future", { got: deadline.toISOString() }), {
        field: "deadline",
      });
    if (procedure.kind === "unilateral" && body.actorType !== "state")
      throw new InvalidRequestError(msg("decisions.unilateral_in_state_body"), { field: "procedure" });
    const members = await repo.memberStatesOn(tx, body, today(now));
    const problem = procedureProblem(procedure, deadline, members.length);
    if (problem) throw new InvalidRequestError(problem, { field: "procedure" });
    const id = await repo.insertProposal(tx, {
      bodyId: body.id,
      title: input.title,
      procedure,
      chair: input.chair ?? body.chair,
      purpose: input.purpose,
      effect: input.effect,
      concernsState: input.concernsState,
      openedBy: auditActor(principal).actor,
      members,
      text: input.text,
      deadline,
    });
    await this.scheduleRound(tx, id, 1, deadline, now);
    const detail = await this.get(principal, id, tx);
    await appendAudit(tx, {
      ...auditActor(principal),
      action: "proposal.open",
      objectType: "proposal",
      objectId: id,
      after: auditView(detail),
    });
    await publishEvent(tx, {
      type: "proposal.opened",
      ...eventOf(body),
      concerns: input.concernsState,
      proposalId: id,
      status: "open",
    });
    return detail;
  }

  // ---------------------------------------------------------------- positions and the chair

  async castPosition(principal: Principal, id: number, input: PositionInput, tx: Transaction): Promise<ProposalDetail> {
    const { proposal, body } = await this.lockOpen(principal, id, tx);
    const state = input.state ?? (principal.kind === "account" ? principal.account.delegationState : null);
    if (!state) throw new InvalidRequestError(msg("decisions.name_the_state"), { field: "state" });
    authorize(
      principal,
      decisionPolicy.speakFor(principal, body, state),
      msg("activity.taking_positions_for", { state }),
    );
    const members = await repo.proposalMembers(tx, id);
    if (!members.includes(state)) {
      throw new ConflictError(msg("decisions.not_a_member", { state, body: body.names, id }));
    }
    if (!ALLOWED_POSITIONS[proposal.procedure.kind].includes(input.position)) {
      throw new InvalidRequestError(
        msg("decisions.position_not_accepted", {
          procedure: proposal.procedure.kind,
          allowed: ALLOWED_POSITIONS[proposal.procedure.kind].join(", "),
          got: input.position,
        }),
        { field: "position" },
      );
    }
    const statement = input.statement?.trim() || null;
    if (statement === null && positionNeedsStatement(input.position)) {
      throw new InvalidRequestError(msg("decisions.statement_required", { position: input.position }), {
        field: "statement",
      });
    }
    const { round } = await this.currentRound(tx, id);
    const now = await databaseNow(tx);
    if (round.deadline !== null && deadlinePassed(round, now)) {
      throw new ConflictError(msg("decisions.positions_closed", { id, deadline: round.deadline.toISOString() }));
    }
    const cast = await repo.insertPosition(tx, {
      proposalId: id,
      round: round.number,
      state,
      position: input.position,
      statement,
      castBy: auditActor(principal).actor,
    });
    // Recorded by the CLI from the state's written word: the audit log names the state it was recorded for.
    const recorder =
      principal.kind === "system"
        ? { ...auditActor(principal), onBehalfOf: state, organization: body.organization }
        : auditActor(principal);
    await appendAudit(tx, {
      ...recorder,
      action: "proposal.position",
      objectType: "proposal",
      objectId: id,
      after: cast,
    });
    await publishEvent(tx, {
      type: "proposal.position",
      ...eventOf(body),
      concerns: proposal.concernsState,
      proposalId: id,
      states: [state],
      status: "open",
    });
    await this.settle(tx, [{ proposal, body }], this.options.instance);
    return this.get(principal, id, tx);
  }

  /** A position recorded on its own, in a transaction of its own (the CLI's, for a state's written word). */
  recordPosition(principal: Principal, id: number, input: PositionInput): Promise<ProposalDetail> {
    return this.db.transaction((tx) => this.castPosition(principal, id, input, tx));
  }

  async extend(principal: Principal, id: number, input: { deadline: Date }, tx: Transaction): Promise<ProposalDetail> {
    const { proposal, body } = await this.lockOpen(principal, id, tx, "chair");
    const { round } = await this.currentRound(tx, id);
    const now = await databaseNow(tx);
    if (round.deadline === null) throw new ConflictError(msg("decisions.no_deadline_to_extend", { id }));
    if (deadlinePassed(round, now)) throw new ConflictError(msg("decisions.deadline_passed_no_extension", { id }));
    if (input.deadline.getTime() <= round.deadline.getTime()) {
      throw new InvalidRequestError(
        msg("decisions.extension_after_deadline", { deadline: round.deadline.toISOString() }),
        { field: "deadline" },
      );
    }
    const extension = {
      from: round.deadline.toISOString(),
      to: input.deadline.toISOString(),
      at: now.toISOString(),
      by: auditActor(principal).actor,
    };
    await repo.extendRoundDeadline(tx, id, round.number, input.deadline, extension);
    await this.scheduleRound(tx, id, round.number, input.deadline, now);
    await appendAudit(tx, {
      ...auditActor(principal),
      action: "proposal.extend",
      objectType: "proposal",
      objectId: id,
      details: extension,
    });
    await publishEvent(tx, {
      type: "proposal.extended",
      ...eventOf(body),
      concerns: proposal.concernsState,
      proposalId: id,
      status: "open",
    });
    return this.get(principal, id, tx);
  }

  /** An amended text in a new round with a new deadline; positions start afresh, every round is kept. */
  async recirculate(
    principal: Principal,
    id: number,
    input: { text: string; deadline: Date | null },
    tx: Transaction,
  ): Promise<ProposalDetail> {
    const { proposal, body } = await this.lockOpen(principal, id, tx, "chair");
    if (proposal.procedure.kind === "unilateral") throw new ConflictError(msg("decisions.unilateral_no_rounds"));
    const { round } = await this.currentRound(tx, id);
    const now = await databaseNow(tx);
    if (deadlinePassed(round, now)) throw new ConflictError(msg("decisions.deadline_passed_recording", { id }));
    if (input.deadline !== null && input.deadline.getTime() <= now.getTime())
      throw new InvalidRequestError(msg("decisions.must_be_future", { got: input.deadline.toISOString() }), {
        field: "deadline",
      });
    const problem = procedureProblem(proposal.procedure, input.deadline, 1);
    if (problem) throw new InvalidRequestError(problem, { field: "deadline" });
    await repo.insertRound(tx, id, round.number + 1, input.text, input.deadline);
    await this.scheduleRound(tx, id, round.number + 1, input.deadline, now);
    await appendAudit(tx, {
      ...auditActor(principal),
      action: "proposal.recirculate",
      objectType: "proposal",
      objectId: id,
      details: { round: round.number + 1, text: input.text, deadline: input.deadline?.toISOString() ?? null },
    });
    await publishEvent(tx, {
      type: "proposal.recirculated",
      ...eventOf(body),
      concerns: proposal.concernsState,
      proposalId: id,
      status: "open",
    });
    return this.get(principal, id, tx);
  }

  /** The chair closes a proposal without adoption (consensus not reached), or its proposer withdraws it. */
  async close(
    principal: Principal,
    id: number,
    input: { as: CloseStatus; reason: string },
    tx: Transaction,
  ): Promise<ProposalDetail> {
    const proposal = await repo.findProposal(tx, id, { lock: true });
    const body = proposal && (await repo.findBody(tx, proposal.bodyId));
    if (!proposal || !body || !decisionPolicy.read(principal, { body, concernsState: proposal.concernsState })) {
      authorize(principal, principal.kind !== "anonymous", msg("activity.closing_proposals"));
      throw notFound(id, proposal !== undefined);
    }
    const requester =
      proposal.purpose === "request" &&
      proposal.concernsState !== null &&
      decisionPolicy.fileFor(principal, body.organization) === proposal.concernsState;
    const allowed = decisionPolicy.chair(principal, body) || (input.as === "withdrawn" && requester);
    authorize(
      principal,
      allowed,
      msg(input.as === "withdrawn" ? "activity.withdrawing_proposal" : "activity.closing_proposal"),
    );
    if (proposal.status !== "open")
      throw new ConflictError(msg("decisions.closed_already", { id, status: proposal.status }));
    if (input.as === "not-adopted" && proposal.procedure.kind !== "consensus") {
      throw new ConflictError(msg("decisions.closed_by_chair_only_consensus", { procedure: proposal.procedure.kind }));
    }
    const rule =
      input.as === "withdrawn"
        ? requester
          ? "withdrawn.by-requesting-state"
          : "withdrawn.by-chair"
        : "chair.closed-without-consensus";
    const members = await repo.proposalMembers(tx, id);
    await this.recordOutcomes(
      tx,
      [{ proposal, body, members, outcome: { status: input.as, rule, explanation: input.reason } }],
      auditActor(principal).actor,
      principal,
    );
    return this.get(principal, id, tx);
  }

  /** A document circulated with the proposal (the chair's side, while it is open). */
  async attach(
    principal: Principal,
    id: number,
    input: { name: string; mediaType: string; content: Buffer },
    tx: Transaction,
  ): Promise<ProposalDetail> {
    const { proposal, body } = await this.lockOpen(principal, id, tx, "chair");
    if (input.content.length > MAX_ATTACHMENT_BYTES)
      throw new InvalidRequestError(
        msg("decisions.attachment_too_large", { mib: MAX_ATTACHMENT_BYTES / 1024 / 1024 }),
        {
          field: "content",
        },
      );
    const attachmentId = await repo.insertAttachment(tx, {
      proposalId: id,
      ...input,
      addedBy: auditActor(principal).actor,
    });
    await appendAudit(tx, {
      ...auditActor(principal),
      action: "proposal.attach",
      objectType: "proposal",
      objectId: id,
      details: {
        attachment: attachmentId,
        name: input.name,
        mediaType: input.mediaType,
        size: input.content.length,
        sha256: createHash("sha256").update(input.content).digest("hex"),
      },
    });
    // Kept in the organisation's library as a labelled document, with its default label.
    await (this.options.labelling ? this.options.labelling(tx) : scheduleLabelling(tx));
    await publishEvent(tx, {
      type: "proposal.attached",
      ...eventOf(body),
      concerns: proposal.concernsState,
      proposalId: id,
      status: "open",
    });
    return this.get(principal, id, tx);
  }

  async attachment(principal: Principal, id: number, attachmentId: number) {
    await this.get(principal, id); // the proposal's visibility is the attachment's
    const found = await repo.attachmentContent(this.db, id, attachmentId);
    if (!found) throw new NotFoundError(msg("decisions.attachment_not_found", { id, attachment: attachmentId }));
    return found;
  }

  // ---------------------------------------------------------------- outcomes

  /**
   * Records the outcome of each proposal whose outcome the rules make certain now. Called after
   * every position and by the deadline jobs (many at once when many fall due together); the
   * caller holds the proposals' row locks.
   */
  private async settle(
    tx: Transaction,
    candidates: ReadonlyArray<{ proposal: ProposalRow; body: BodyRow }>,
    decidedBy: string,
  ): Promise<void> {
    const open = candidates.filter(({ proposal }) => proposal.status === "open");
    if (open.length === 0) return;
    const ids = open.map(({ proposal }) => proposal.id);
    const members = await repo.membersOf(tx, ids);
    const rounds = await repo.currentRounds(tx, ids);
    const now = await databaseNow(tx);
    const decided: Deciding[] = [];
    for (const { proposal, body } of open) {
      const { round, positions } = present(rounds.get(proposal.id), `proposal ${proposal.id}'s round`);
      const history = positions.map((cast) => ({
        state: cast.state,
        position: cast.position,
        at: new Date(cast.castAt),
      }));
      const proposalMembers = members.get(proposal.id) ?? [];
      const decision = decide(
        { procedure: proposal.procedure, members: proposalMembers, history, deadline: round.deadline },
        now,
      );
      if (decision)
        decided.push({
          proposal,
          body,
          members: proposalMembers,
          outcome: { status: decision.outcome, rule: decision.rule, explanation: decision.explanation },
        });
    }
    await this.recordOutcomes(tx, decided, decidedBy, SCHEDULER);
  }

  /**
   * Closes the proposals with their outcomes: the registry effects, an outcome notice to every
   * member delegation, the end of their jobs, the audit entries and the events. A set at a
   * time, in a few statements whatever its size; the audit entries go last, because every
   * other appender waits from then until this transaction commits.
   */
  private async recordOutcomes(
    tx: Transaction,
    deciding: readonly Deciding[],
    decidedBy: string,
    principal: Principal,
  ): Promise<void> {
    if (deciding.length === 0) return;
    const closed = await repo.recordOutcomes(
      tx,
      deciding.map(({ proposal, outcome }) => ({ id: proposal.id, ...outcome, decidedBy })),
    );
    const byId = new Map(closed.map((proposal) => [proposal.id, proposal]));
    const notices: repo.NoticeToIssue[] = [];
    const audits: AuditRecord[] = [];
    const events: Array<Omit<ConcordEvent, "at">> = [];
    for (const { proposal, body, members, outcome: decidedOutcome } of deciding) {
      const decided = byId.get(proposal.id);
      if (!decided) continue; // closed already: its outcome was recorded once, by whoever closed it
      let outcome = decidedOutcome;
      const effect =
        outcome.status === "adopted" && proposal.effect ? await this.applyEffect(tx, decided, body) : undefined;
      if (effect?.problem) {
        // The decision stands; the registry refused its effect (it changed since the request). Say so where people read the outcome.
        outcome = { ...outcome, explanation: `${outcome.explanation} The registry was not changed: ${effect.problem}` };
        await repo.updateOutcomeExplanation(tx, proposal.id, outcome.explanation);
      }
      if (proposal.purpose === "request") await this.endApplicant(tx, decided, body);
      if (proposal.effect?.action === "programme.agree" && outcome.status !== "adopted")
        await present(this.options.programmes, "the programmes' agreements").notAgreed(tx, {
          programmeId: proposal.effect.programmeId,
          version: proposal.effect.version,
          proposalId: proposal.id,
        });
      notices.push({
        proposalId: proposal.id,
        kind: "outcome",
        recipients: members,
        message: {
          title: proposal.title,
          outcome: outcome.status,
          rule: outcome.rule,
          explanation: outcome.explanation,
          decidedOn: decided.decidedOn,
          effect,
        },
      });
      audits.push({
        ...auditActor(principal),
        organization: body.organization,
        action: "proposal.decide",
        objectType: "proposal",
        objectId: proposal.id,
        after: {
          status: outcome.status,
          rule: outcome.rule,
          explanation: outcome.explanation,
          decidedBy,
          decidedAt: decided.decidedAt,
          effect: effect ?? null,
        },
      });
      events.push({
        type: "proposal.decided",
        ...eventOf(body),
        concerns: proposal.concernsState,
        proposalId: proposal.id,
        status: outcome.status,
        states: members,
      });
    }
    await repo.insertNotices(tx, notices);
    await cancelJobs(
      tx,
      deciding.map(({ proposal }) => jobSubject(proposal.id)),
    );
    await publishEvents(tx, events);
    await appendAuditEntries(tx, audits);
  }

  /** What adoption does to the registry, citing the decision as its source. */
  private async applyEffect(
    tx: Transaction,
    proposal: ProposalRow,
    body: BodyRow,
  ): Promise<{ relationId: number | null; sourceId: string; problem?: string }> {
    const effect = present(proposal.effect, `proposal ${proposal.id}'s effect`);
    const day = present(proposal.decidedOn, `proposal ${proposal.id}'s decision date`);
    const sourceId = `decision-${proposal.id}`;
    await this.writer.createSource(
      schedulerFor(body.organization),
      {
        id: sourceId,
        title: `${body.names.en}: ${proposal.title}`,
        publisher: body.names.en,
        published: day,
        citation: `Concord proposal ${proposal.id}, adopted on ${day} under the ${proposal.procedure.kind} procedure (${proposal.outcomeRule}).`,
      },
      tx,
    );
    const claim = { source: sourceId, field: "relation" as const, note: proposal.outcomeExplanation ?? undefined };
    try {
      // A savepoint: if the registry refuses (it changed since the request), the decision stands and says why.
      const relationId = await tx.transaction(async (savepoint) => {
        if (effect.action === "relation.start") {
          const relation = await this.writer.createRelation(
            schedulerFor(body.organization),
            {
              ...effect,
              since: day,
              certainty: "confirmed",
              note: `Decided in Concord: proposal ${proposal.id}.`,
              claims: [claim],
            },
            savepoint,
          );
          return relation.id;
        }
        if (effect.action === "programme.agree") {
          await present(this.options.programmes, "the programmes' agreements").agreed(savepoint, {
            programmeId: effect.programmeId,
            version: effect.version,
            proposalId: proposal.id,
            day,
            sourceId,
          });
          return null;
        }
        const relation = await this.writer.endRelation(
          schedulerFor(body.organization),
          effect.relationId,
          { until: day, claim: { ...claim, field: "until", date: day } },
          savepoint,
        );
        return relation.id;
      });
      await repo.recordEffect(tx, proposal.id, { relationId, sourceId });
      return { relationId, sourceId };
    } catch (error) {
      // Anything else (a lost connection, a deadlock, a bug) fails the decision's transaction
      // loudly: the deadline job runs again later, a position is answered with an error.
      if (!isRegistryRefusal(error)) throw error;
      await repo.recordEffect(tx, proposal.id, { relationId: null, sourceId });
      return { relationId: null, sourceId, problem: error.message };
    }
  }

  // ---------------------------------------------------------------- time

  /** Deadline and reminder jobs of a round; keyed by the deadline, so an extension adds new ones and the old ones find nothing to do. */
  private async scheduleRound(
    tx: Transaction,
    id: number,
    round: number,
    deadline: Date | null,
    now: Date,
  ): Promise<void> {
    if (deadline === null) return;
    const key = `proposal:${id}:round:${round}:${deadline.toISOString()}`;
    await scheduleJob(tx, {
      kind: "proposal.deadline",
      payload: { proposalId: id },
      runAt: deadline,
      uniqueKey: `${key}:deadline`,
      subject: jobSubject(id),
    });
    for (const hours of this.options.reminderHours) {
      const at = new Date(deadline.getTime() - hours * 3_600_000);
      if (at.getTime() <= now.getTime()) continue;
      await scheduleJob(tx, {
        kind: "proposal.reminder",
        payload: { proposalId: id, round, deadline: deadline.toISOString(), hours },
        runAt: at,
        uniqueKey: `${key}:reminder:${hours}`,
        subject: jobSubject(id),
      });
    }
  }

  jobHandlers(): JobHandlers {
    return {
      "proposal.deadline": {
        maxJobs: DEADLINES_PER_TRANSACTION,
        batch: async (tx, jobs) => {
          const proposals = await repo.findProposals(
            tx,
            [...new Set(jobs.map((job) => Number(job.payload.proposalId)))],
            { lock: true },
          );
          const bodies = new Map<string, BodyRow>();
          for (const bodyId of new Set(proposals.map((proposal) => proposal.bodyId)))
            bodies.set(bodyId, present(await repo.findBody(tx, bodyId), `body ${bodyId}`));
          await this.settle(
            tx,
            proposals.map((proposal) => ({
              proposal,
              body: present(bodies.get(proposal.bodyId), `body ${proposal.bodyId}`),
            })),
            this.options.instance,
          );
        },
      },
      "proposal.reminder": async (tx, job) => {
        const { proposalId, round, deadline, hours } = job.payload as {
          proposalId: number;
          round: number;
          deadline: string;
          hours: number;
        };
        const proposal = await repo.findProposal(tx, proposalId, { lock: true });
        if (proposal?.status !== "open") return;
        const { round: current, positions } = await this.currentRound(tx, proposalId);
        if (current.number !== round || current.deadline?.toISOString() !== new Date(deadline).toISOString()) return;
        const taken = new Set(positions.map((cast) => cast.state));
        const silent = (await repo.proposalMembers(tx, proposalId)).filter((state) => !taken.has(state));
        if (silent.length === 0) return;
        const body = present(await repo.findBody(tx, proposal.bodyId), `body ${proposal.bodyId}`);
        await repo.insertNotices(tx, [
          {
            proposalId,
            kind: "reminder",
            recipients: silent,
            message: { title: proposal.title, deadline, hoursBefore: hours, round },
          },
        ]);
        await appendAudit(tx, {
          ...auditActor(schedulerFor(body.organization)),
          action: "proposal.remind",
          objectType: "proposal",
          objectId: proposalId,
          details: { round, deadline, hoursBefore: hours, states: silent },
        });
        await publishEvent(tx, {
          type: "proposal.reminder",
          ...eventOf(body),
          concerns: proposal.concernsState,
          proposalId,
          states: silent,
          status: "open",
        });
      },
    };
  }

  // ---------------------------------------------------------------- helpers

  private async lockOpen(principal: Principal, id: number, tx: Transaction, as: "member" | "chair" = "member") {
    const proposal = await repo.findProposal(tx, id, { lock: true });
    const body = proposal && (await repo.findBody(tx, proposal.bodyId));
    if (
      !proposal ||
      !body ||
      !(
        decisionPolicy.read(principal, { body, concernsState: proposal.concernsState }) ||
        decisionPolicy.chair(principal, body)
      )
    ) {
      authorize(principal, principal.kind !== "anonymous", msg("activity.acting_on_proposals"));
      throw notFound(id, proposal !== undefined);
    }
    if (as === "chair")
      authorize(
        principal,
        decisionPolicy.chair(principal, body),
        msg("activity.chairing_proposals_of", { body: body.names }),
      );
    if (proposal.status !== "open") {
      throw new ConflictError(
        msg("decisions.closed", {
          id,
          status: proposal.status,
          at: proposal.decidedAt ? new Date(proposal.decidedAt).toISOString() : "",
        }),
      );
    }
    return { proposal, body };
  }

  /** The proposal's latest round and the positions taken in it. */
  private async currentRound(
    tx: Executor,
    id: number,
  ): Promise<{ round: repo.RoundRow; positions: repo.PositionRow[] }> {
    return present((await repo.currentRounds(tx, [id])).get(id), `proposal ${id}'s round`);
  }
}

type Deciding = {
  proposal: ProposalRow;
  body: BodyRow;
  /** Who could decide: the outcome notice goes to each. */
  members: string[];
  outcome: { status: OutcomeStatus; rule: string; explanation: string };
};

/**
 * The registry's refusals of an effect, thrown on purpose because the registry changed since the
 * proposal opened (the relation exists already, or ended, or its framework is gone): the decision
 * stands and says why. (A ForbiddenError would be a wrong rule, not a changed registry.)
 */
function isRegistryRefusal(error: unknown): error is ConflictError | InvalidRequestError | NotFoundError {
  return error instanceof ConflictError || error instanceof InvalidRequestError || error instanceof NotFoundError;
}

/** A proposal the reader may not see is as missing as one that does not exist; the refusal log tells them apart. */
const notFound = (id: number, exists: boolean) =>
  exists
    ? new HiddenError(msg("decisions.proposal_not_found", { id }))
    : new NotFoundError(msg("decisions.proposal_not_found", { id }));

/** Where an event about a body's proposal belongs, and which body: readers are chosen by decisionPolicy.read. */
const eventOf = (body: BodyRow) => ({
  organization: body.organization,
  body: { actorCode: body.actorCode, actorType: body.actorType },
});

/** The source a request's applicant relation cites: the request itself. */
const applicantSource = (proposalId: number) => `request-${proposalId}`;

/** The requests that make their state an applicant while pending: membership and partnership. */
const APPLICANT_STATUSES: readonly RequestableKind[] = ["member", "partner"];

/** A proposal's jobs (deadlines, reminders) share this subject, so closing it removes them all. */
const jobSubject = (proposalId: number) => `proposal:${proposalId}`;

/** What the audit log keeps of a proposal when it opens. */
function auditView(detail: ProposalDetail) {
  const { proposal, members, rounds } = detail;
  return {
    body: proposal.bodyId,
    title: proposal.title,
    procedure: proposal.procedure,
    chair: proposal.chair,
    purpose: proposal.purpose,
    effect: proposal.effect,
    concernsState: proposal.concernsState,
    members,
    text: rounds[0]?.text,
    deadline: rounds[0]?.deadline ? new Date(rounds[0].deadline).toISOString() : null,
  };
}
