/**
 * A state's notice that it suspends its participation in, or withdraws from, an organisation:
 * filed by its delegation head, effective after the organisation's notice period (UNASUR: six
 * months for a withdrawal; the OAS: two years). The change is scheduled when the notice is filed
 * and applied to the registry on its effective date by the job queue, with the notice as source.
 */
import type { Database, Transaction } from "../../db/client.ts";
import { today } from "../../domain/dates.ts";
import {
  NOTICE_STATEMENT_MAX,
  noticeEffectiveOn,
  noticeMonths,
  type NoticeKind,
  type NoticePeriods,
} from "../../domain/decisions.ts";
import { findOrganizationRules } from "../../db/repositories/decisions.ts";
import { RegistryRepository } from "../../db/repositories/registry.ts";
import * as repo from "../../db/repositories/status-notices.ts";
import { databaseNow } from "../../db/repositories/clock.ts";
import type { StatusNoticeRow } from "../../db/repositories/status-notices.ts";
import { appendAudit } from "../audit/log.ts";
import { type Message, msg } from "../../domain/messages/index.ts";
import { ConflictError, ForbiddenError, HiddenError, InvalidRequestError, NotFoundError, present } from "../errors.ts";
import { publishEvent } from "../events.ts";
import { cancelJobs, scheduleJob, type JobHandler } from "../jobs/queue.ts";
import {
  auditActor,
  authorize,
  decisionPolicy,
  organizationBody,
  type Principal,
  registryPolicy,
} from "../policies.ts";
import type { RegistryWriter } from "../registry-writes.ts";
import { schedulerFor } from "./decisions.ts";

export type { StatusNoticeRow };

/** What the reader may do with a notice, from the same rules the service enforces. */
export type NoticeAbilities = { acknowledge: boolean; withdraw: boolean };

function abilitiesFor(principal: Principal, notice: StatusNoticeRow, day: string): NoticeAbilities {
  const pending = notice.appliedAt === null && notice.withdrawnAt === null && day < notice.effectiveOn;
  return {
    acknowledge:
      notice.appliedAt === null &&
      notice.withdrawnAt === null &&
      notice.acknowledgedAt === null &&
      decisionPolicy.acknowledgeNotice(principal, notice.organization),
    withdraw: pending && decisionPolicy.fileFor(principal, notice.organization) === notice.state,
  };
}

/** A notice's job (its effect on its effective date) has this subject, so withdrawing it removes the job. */
const jobSubject = (id: number) => `notice:${id}`;

export class StatusNoticesService {
  constructor(
    private readonly db: Database,
    private readonly writer: RegistryWriter,
  ) {}

  /**
   * Notices concerning an organisation (its own people), each with what the reader may do with it
   * (acknowledge it: the secretariat; withdraw it: the delegation head of the state that gave it,
   * until it takes effect); with the organisation's periods of notice and the database's today,
   * from which a notice filed now would take effect (`noticeEffectiveOn`).
   */
  async list(
    principal: Principal,
    organization: string,
  ): Promise<{
    notices: Array<StatusNoticeRow & { abilities: NoticeAbilities }>;
    periods: NoticePeriods;
    today: string;
  }> {
    authorize(
      principal,
      decisionPolicy.read(principal, { body: organizationBody(organization), concernsState: null }),
      msg("activity.reading_notices_of", { organization }),
    );
    const day = today(await databaseNow(this.db));
    const rules = await findOrganizationRules(this.db, organization);
    const notices = await repo.noticesTo(this.db, organization);
    return {
      notices: notices.map((notice) => ({ ...notice, abilities: abilitiesFor(principal, notice, day) })),
      periods: {
        withdrawalNoticeMonths: rules?.withdrawalNoticeMonths ?? 0,
        suspensionNoticeMonths: rules?.suspensionNoticeMonths ?? 0,
      },
      today: day,
    };
  }

  /**
   * The notices given by a state, or to an organisation, that have not taken effect yet nor been
   * withdrawn: public, as the registry is. What is shown of them is what their source (created
   * when each is filed, public in the registry) says already: who gave notice of what, when, and
   * when it takes effect; not the statement, nor who filed it.
   */
  async pendingOf(principal: Principal, actor: string): Promise<StatusNoticeRow[]> {
    authorize(principal, registryPolicy.read(principal), msg("activity.reading_registry"));
    return repo.pendingNoticesOf(this.db, actor);
  }

  async file(
    principal: Principal,
    input: { kind: NoticeKind; organization: string; statement?: string },
    tx: Transaction,
  ): Promise<StatusNoticeRow> {
    const state = decisionPolicy.fileFor(principal, input.organization);
    if (!state) {
      authorize(principal, false, msg("activity.filing_notice_to", { organization: input.organization }));
      throw new ForbiddenError(msg("notices.file_by_head", { organization: input.organization }));
    }
    const statement = input.statement?.trim() ?? "";
    if (statement === "") throw new InvalidRequestError(msg("notices.statement_required"), { field: "statement" });
    if (statement.length > NOTICE_STATEMENT_MAX)
      throw new InvalidRequestError(msg("validation.too_long", { maximum: NOTICE_STATEMENT_MAX }), {
        field: "statement",
      });
    const filedOn = today(await databaseNow(tx));
    const membership = (
      await new RegistryRepository(tx).relationsTowards(input.organization, filedOn, { kind: "member" })
    ).find((relation) => relation.subject === state);
    if (!membership)
      throw new ConflictError(
        msg("notices.not_a_member", { state, organization: input.organization, kind: input.kind }),
      );
    if (membership.until !== null)
      throw new ConflictError(
        msg("notices.membership_ends", { state, organization: input.organization, until: membership.until }),
      );
    const pending = await repo.pendingNoticeOn(tx, membership.id);
    if (pending !== undefined) throw new ConflictError(msg("notices.pending", { state, notice: pending }));
    if (input.kind === "suspension") {
      const suspended = (
        await new RegistryRepository(tx).relationsTowards(input.organization, filedOn, { kind: "suspended" })
      ).find((relation) => relation.subject === state);
      if (suspended)
        throw new ConflictError(
          msg("notices.suspended_already", { state, organization: input.organization, relation: suspended.id }),
        );
    }
    const rules = await findOrganizationRules(tx, input.organization);
    const months = noticeMonths(input.kind, rules);
    const effectiveOn = noticeEffectiveOn(input.kind, filedOn, rules);

    const id = await repo.nextNoticeId(tx);
    const sourceId = `notice-${id}`;
    const actor = await new RegistryRepository(tx).findActor(state);
    await this.writer.createSource(
      schedulerFor(input.organization),
      {
        id: sourceId,
        title: `Notice of ${input.kind} by ${actor?.names.en ?? state} from ${input.organization}`,
        publisher: `Delegation of ${actor?.names.en ?? state}`,
        published: filedOn,
        citation: `Concord status notice ${id}, filed on ${filedOn}, effective on ${effectiveOn} (${months} months' notice).`,
      },
      tx,
    );
    await repo.insertNotice(tx, {
      id,
      kind: input.kind,
      state,
      organization: input.organization,
      relationId: membership.id,
      filedOn,
      effectiveOn,
      sourceId,
      filedBy: auditActor(principal).actor,
      statement,
    });
    await scheduleJob(tx, {
      kind: "notice.apply",
      payload: { noticeId: id },
      runAt: new Date(`${effectiveOn}T00:00:00Z`),
      uniqueKey: `notice:${id}`,
      subject: jobSubject(id),
    });
    const notice = await repo.findNotice(tx, id);
    await appendAudit(tx, {
      ...auditActor(principal),
      action: "notice.file",
      objectType: "status-notice",
      objectId: id,
      after: notice,
    });
    await publishEvent(tx, {
      type: "notice.filed",
      organization: input.organization,
      concerns: state,
      noticeId: id,
      states: [state],
    });
    return present(notice, `notice ${id}`);
  }

  /**
   * The state that gave a notice takes it back before it takes effect: nothing changes in the
   * registry, the notice stays on record as withdrawn (with who, when and why), and the state
   * may give another later. Only its delegation head may, in the organisation it gave it to.
   */
  async withdraw(
    principal: Principal,
    id: number,
    input: { statement?: string },
    tx: Transaction,
  ): Promise<StatusNoticeRow> {
    const notice = await this.lockVisible(principal, id, msg("activity.withdrawing_notices"), tx);
    if (decisionPolicy.fileFor(principal, notice.organization) !== notice.state) {
      authorize(principal, false, msg("activity.withdrawing_notice_of", { state: notice.state }));
      throw new ForbiddenError(
        msg("notices.withdraw_by_head", { state: notice.state, organization: notice.organization }),
      );
    }
    if (notice.withdrawnAt !== null)
      throw new ConflictError(
        msg("notices.withdrawn_already", { id, on: new Date(notice.withdrawnAt).toISOString().slice(0, 10) }),
      );
    const day = today(await databaseNow(tx));
    if (notice.appliedAt !== null || day >= notice.effectiveOn) {
      throw new ConflictError(msg("notices.in_effect", { id, effectiveOn: notice.effectiveOn }));
    }
    await repo.markWithdrawn(tx, id, { by: auditActor(principal).actor, statement: input.statement?.trim() || null });
    await cancelJobs(tx, [jobSubject(id)]);
    const after = present(await repo.findNotice(tx, id), `notice ${id}`);
    await appendAudit(tx, {
      ...auditActor(principal),
      action: "notice.withdraw",
      objectType: "status-notice",
      objectId: id,
      before: notice,
      after,
    });
    await publishEvent(tx, {
      type: "notice.withdrawn",
      organization: notice.organization,
      concerns: notice.state,
      noticeId: id,
      states: [notice.state],
    });
    return after;
  }

  /**
   * The depositary (the organisation's secretariat) acknowledges a notice it received: its record
   * that the state gave notice, kept with who and when. It changes nothing in the registry: the
   * notice takes effect on its effective date either way. Once, and only while the notice is
   * neither withdrawn nor in effect.
   */
  async acknowledge(principal: Principal, id: number, tx: Transaction): Promise<StatusNoticeRow> {
    const notice = await this.lockVisible(principal, id, msg("activity.acknowledging_notices"), tx);
    authorize(
      principal,
      decisionPolicy.acknowledgeNotice(principal, notice.organization),
      msg("activity.acknowledging_notices_to", { organization: notice.organization }),
    );
    if (notice.withdrawnAt !== null)
      throw new ConflictError(msg("notices.nothing_to_acknowledge", { id, state: notice.state }));
    if (notice.appliedAt !== null)
      throw new ConflictError(msg("notices.past_acknowledging", { id, effectiveOn: notice.effectiveOn }));
    if (notice.acknowledgedAt !== null)
      throw new ConflictError(
        msg("notices.acknowledged_already", { id, on: new Date(notice.acknowledgedAt).toISOString().slice(0, 10) }),
      );
    await repo.markAcknowledged(tx, id, auditActor(principal).actor);
    const after = present(await repo.findNotice(tx, id), `notice ${id}`);
    await appendAudit(tx, {
      ...auditActor(principal),
      action: "notice.acknowledge",
      objectType: "status-notice",
      objectId: id,
      before: notice,
      after,
    });
    await publishEvent(tx, {
      type: "notice.acknowledged",
      organization: notice.organization,
      concerns: notice.state,
      noticeId: id,
      states: [notice.state],
    });
    return after;
  }

  /** A notice locked for a change; another organisation's notices do not exist for this reader. */
  private async lockVisible(
    principal: Principal,
    id: number,
    activity: Message,
    tx: Transaction,
  ): Promise<StatusNoticeRow> {
    const notice = await repo.findNotice(tx, id, { lock: true });
    if (
      notice &&
      decisionPolicy.read(principal, { body: organizationBody(notice.organization), concernsState: notice.state })
    )
      return notice;
    authorize(principal, principal.kind !== "anonymous", activity);
    throw notice
      ? new HiddenError(msg("notices.not_found", { id }))
      : new NotFoundError(msg("notices.not_found", { id }));
  }

  jobHandlers(): Record<string, JobHandler> {
    return {
      "notice.apply": async (tx, job) => {
        const id = Number(job.payload.noticeId);
        const notice = await repo.findNotice(tx, id, { lock: true });
        if (!notice) throw new NotFoundError(msg("notices.not_found", { id }));
        if (notice.appliedAt !== null || notice.withdrawnAt !== null) return;
        await this.apply(tx, notice);
      },
    };
  }

  /** On the effective date: a withdrawal ends the membership (and a suspension); a suspension starts. */
  private async apply(tx: Transaction, notice: StatusNoticeRow): Promise<void> {
    const claim = {
      source: notice.sourceId,
      field: "relation" as const,
      note: `Notice filed on ${notice.filedOn}, effective on ${notice.effectiveOn}.`,
    };
    const changed: number[] = [];
    if (notice.kind === "withdrawal") {
      const open = (
        await new RegistryRepository(tx).relationsTowards(notice.organization, notice.effectiveOn, {})
      ).filter(
        (relation) =>
          relation.subject === notice.state &&
          relation.until === null &&
          (relation.kind === "member" || relation.kind === "suspended"),
      );
      for (const relation of open) {
        await this.writer.endRelation(
          schedulerFor(notice.organization),
          relation.id,
          { until: notice.effectiveOn, claim: { ...claim, field: "until", date: notice.effectiveOn } },
          tx,
        );
        changed.push(relation.id);
      }
    } else {
      const relation = await this.writer.createRelation(
        schedulerFor(notice.organization),
        {
          subject: notice.state,
          object: notice.organization,
          kind: "suspended",
          since: notice.effectiveOn,
          certainty: "confirmed",
          note: notice.statement ?? undefined,
          claims: [claim],
        },
        tx,
      );
      changed.push(relation.id);
    }
    await repo.markApplied(tx, notice.id);
    await appendAudit(tx, {
      ...auditActor(schedulerFor(notice.organization)),
      action: "notice.apply",
      objectType: "status-notice",
      objectId: notice.id,
      details: { relations: changed },
    });
    await publishEvent(tx, {
      type: "notice.applied",
      organization: notice.organization,
      concerns: notice.state,
      noticeId: notice.id,
      states: [notice.state],
    });
  }
}
