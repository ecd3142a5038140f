/**
 * A state's notice that it suspends its participation in, or withdraws from, an organisation:
 * filed by its delegation head, effective after the organisation's notice period (UNASUR: six
 * months for a withdrawal; the OAS: two years). The change is scheduled when the notice is filed
 * and applied to the registry on its effective date by the job queue, with the notice as source.
 */
import type { Database, Transaction } from "../../db/client.ts";
import { addMonths, today } from "../../domain/dates.ts";
import type { NoticeKind } from "../../domain/decisions.ts";
import { findOrganizationRules } from "../../db/repositories/decisions.ts";
import { RegistryRepository } from "../../db/repositories/registry.ts";
import * as repo from "../../db/repositories/status-notices.ts";
import { databaseNow } from "../../db/repositories/clock.ts";
import type { StatusNoticeRow } from "../../db/repositories/status-notices.ts";
import { appendAudit } from "../audit/log.ts";
import { ConflictError, ForbiddenError, HiddenError, NotFoundError, present } from "../errors.ts";
import { publishEvent } from "../events.ts";
import { cancelJobs, scheduleJob, type JobHandler } from "../jobs/queue.ts";
import { auditActor, authorize, decisionPolicy, organizationBody, type Principal } from "../policies.ts";
import type { RegistryWriter } from "../registry-writes.ts";
import { schedulerFor } from "./decisions.ts";

export type { StatusNoticeRow };

/** A notice's job (its effect on its effective date) has this subject, so withdrawing it removes the job. */
const jobSubject = (id: number) => `notice:${id}`;

export class StatusNoticesService {
  constructor(
    private readonly db: Database,
    private readonly writer: RegistryWriter,
  ) {}

  /** Notices concerning an organisation (its own people) or filed by the reader's state. */
  async list(principal: Principal, organization: string): Promise<StatusNoticeRow[]> {
    authorize(
      principal,
      decisionPolicy.read(principal, { body: organizationBody(organization), concernsState: null }),
      `reading ${organization}'s notices`,
    );
    return repo.noticesTo(this.db, organization);
  }

  async file(
    principal: Principal,
    input: { kind: NoticeKind; organization: string; statement?: string },
    tx: Transaction,
  ): Promise<StatusNoticeRow> {
    const state = decisionPolicy.fileFor(principal, input.organization);
    if (!state) {
      authorize(principal, false, `filing a notice to ${input.organization}`);
      throw new ForbiddenError(`Only the head of a state's delegation to ${input.organization} can file its notice.`);
    }
    const filedOn = today(await databaseNow(tx));
    const membership = (
      await new RegistryRepository(tx).relationsTowards(input.organization, filedOn, { kind: "member" })
    ).find((relation) => relation.subject === state);
    if (!membership)
      throw new ConflictError(
        `${state} is not a member of ${input.organization} today, so it has no participation to ${input.kind === "suspension" ? "suspend" : "end"}.`,
      );
    if (membership.until !== null)
      throw new ConflictError(`${state}'s membership of ${input.organization} already ends on ${membership.until}.`);
    const pending = await repo.pendingNoticeOn(tx, membership.id);
    if (pending !== undefined)
      throw new ConflictError(
        `${state} has a notice pending on this membership already (notice ${pending}); withdraw it first to give another.`,
      );
    if (input.kind === "suspension") {
      const suspended = (
        await new RegistryRepository(tx).relationsTowards(input.organization, filedOn, { kind: "suspended" })
      ).find((relation) => relation.subject === state);
      if (suspended)
        throw new ConflictError(
          `${state}'s participation in ${input.organization} is suspended already (relation ${suspended.id}).`,
        );
    }
    const rules = await findOrganizationRules(tx, input.organization);
    const months =
      input.kind === "withdrawal" ? (rules?.withdrawalNoticeMonths ?? 0) : (rules?.suspensionNoticeMonths ?? 0);
    const effectiveOn = addMonths(filedOn, months);

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
      statement: input.statement?.trim() || null,
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
    const notice = await repo.findNotice(tx, id, { lock: true });
    // Another organisation's notices do not exist for this reader.
    if (
      !notice ||
      !decisionPolicy.read(principal, { body: organizationBody(notice.organization), concernsState: notice.state })
    ) {
      authorize(principal, principal.kind !== "anonymous", "withdrawing notices");
      throw notice
        ? new HiddenError(`No status notice has the id ${id}.`)
        : new NotFoundError(`No status notice has the id ${id}.`);
    }
    if (decisionPolicy.fileFor(principal, notice.organization) !== notice.state) {
      authorize(principal, false, `withdrawing ${notice.state}'s notice`);
      throw new ForbiddenError(
        `Only the head of ${notice.state}'s delegation to ${notice.organization} can withdraw its notice.`,
      );
    }
    if (notice.withdrawnAt !== null)
      throw new ConflictError(
        `Notice ${id} was withdrawn already, on ${new Date(notice.withdrawnAt).toISOString().slice(0, 10)}.`,
      );
    const day = today(await databaseNow(tx));
    if (notice.appliedAt !== null || day >= notice.effectiveOn) {
      throw new ConflictError(
        `Notice ${id} took effect on ${notice.effectiveOn}: it can no longer be withdrawn (a new request is the way back).`,
      );
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

  jobHandlers(): Record<string, JobHandler> {
    return {
      "notice.apply": async (tx, job) => {
        const id = Number(job.payload.noticeId);
        const notice = await repo.findNotice(tx, id, { lock: true });
        if (!notice) throw new NotFoundError(`No status notice has the id ${id}.`);
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
