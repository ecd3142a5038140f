/**
 * A state's notice that it suspends its participation in, or withdraws from, an organisation:
 * filed by its delegation head, effective after the organisation's notice period (UNASUR: six
 * months for a withdrawal; the OAS: two years). The change is scheduled when the notice is filed
 * and applied to the registry on its effective date by the job queue, with the notice as source.
 */
import { sql } from "drizzle-orm";
import type { Database, Transaction } from "../../db/client.ts";
import { addMonths, today } from "../../domain/dates.ts";
import { findOrganizationRules } from "../../db/repositories/decisions.ts";
import { RegistryRepository } from "../../db/repositories/registry.ts";
import { appendAudit } from "../audit/log.ts";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors.ts";
import { publishEvent } from "../events.ts";
import { scheduleJob, type JobHandler } from "../jobs/queue.ts";
import { auditActor, authorize, decisionPolicy, type Principal } from "../policies.ts";
import type { RegistryWriter } from "../registry-writes.ts";
import { SCHEDULER } from "./decisions.ts";

type Executor = Pick<Database, "execute">;

export type StatusNoticeRow = {
  id: number;
  kind: "suspension" | "withdrawal";
  state: string;
  organization: string;
  relationId: number;
  filedOn: string;
  effectiveOn: string;
  sourceId: string;
  filedBy: string;
  filedAt: Date;
  appliedAt: Date | null;
  statement: string | null;
};

const columns = sql`
  id::int AS id, kind, state_code AS state, organization_code AS organization, relation_id::int AS "relationId",
  filed_on AS "filedOn", effective_on AS "effectiveOn", source_id AS "sourceId", filed_by AS "filedBy",
  filed_at AS "filedAt", applied_at AS "appliedAt", statement`;

export class StatusNoticesService {
  constructor(
    private readonly db: Database,
    private readonly writer: RegistryWriter,
  ) {}

  /** Notices concerning an organisation (its own people) or filed by the reader's state. */
  async list(principal: Principal, organization: string): Promise<StatusNoticeRow[]> {
    authorize(principal, decisionPolicy.read(principal, { actorCode: organization, actorType: "organization" }), `reading ${organization}'s notices`);
    return (await this.db.execute(sql`SELECT ${columns} FROM status_notices WHERE organization_code = ${organization} ORDER BY id DESC`)).rows as StatusNoticeRow[];
  }

  async file(principal: Principal, input: { kind: "suspension" | "withdrawal"; organization: string; statement?: string }, tx: Transaction): Promise<StatusNoticeRow> {
    const state = decisionPolicy.fileFor(principal, input.organization);
    if (!state) {
      authorize(principal, false, `filing a notice to ${input.organization}`);
      throw new ForbiddenError(`Only the head of a state's delegation to ${input.organization} can file its notice.`);
    }
    const filedOn = today(await dbNow(tx));
    const membership = (await new RegistryRepository(tx).relationsTowards(input.organization, filedOn, { kind: "member" })).find((relation) => relation.subject === state);
    if (!membership) throw new ConflictError(`${state} is not a member of ${input.organization} today, so it has no participation to ${input.kind === "suspension" ? "suspend" : "end"}.`);
    if (membership.until !== null) throw new ConflictError(`${state}'s membership of ${input.organization} already ends on ${membership.until}.`);
    const pending = (await tx.execute(sql`SELECT id::int AS id FROM status_notices WHERE relation_id = ${membership.id} AND applied_at IS NULL`)).rows[0] as { id: number } | undefined;
    if (pending) throw new ConflictError(`${state} has a notice pending on this membership already (notice ${pending.id}).`);
    if (input.kind === "suspension") {
      const suspended = (await new RegistryRepository(tx).relationsTowards(input.organization, filedOn, { kind: "suspended" })).find((relation) => relation.subject === state);
      if (suspended) throw new ConflictError(`${state}'s participation in ${input.organization} is suspended already (relation ${suspended.id}).`);
    }
    const rules = await findOrganizationRules(tx, input.organization);
    const months = input.kind === "withdrawal" ? (rules?.withdrawalNoticeMonths ?? 0) : (rules?.suspensionNoticeMonths ?? 0);
    const effectiveOn = addMonths(filedOn, months);

    const id = Number(((await tx.execute(sql`SELECT nextval('status_notices_id_seq') AS id`)).rows[0] as { id: string }).id);
    const sourceId = `notice-${id}`;
    const actor = await new RegistryRepository(tx).findActor(state);
    await this.writer.createSource(
      SCHEDULER,
      {
        id: sourceId,
        title: `Notice of ${input.kind} by ${actor?.names.en ?? state} from ${input.organization}`,
        publisher: `Delegation of ${actor?.names.en ?? state}`,
        published: filedOn,
        citation: `Concord status notice ${id}, filed on ${filedOn}, effective on ${effectiveOn} (${months} months' notice).`,
      },
      tx,
    );
    await tx.execute(sql`
      INSERT INTO status_notices (id, kind, state_code, organization_code, relation_id, filed_on, effective_on, source_id, filed_by, statement)
      VALUES (${id}, ${input.kind}, ${state}, ${input.organization}, ${membership.id}, ${filedOn}, ${effectiveOn}, ${sourceId},
              ${auditActor(principal).actor}, ${input.statement?.trim() || null})`);
    await scheduleJob(tx, { kind: "notice.apply", payload: { noticeId: id }, runAt: new Date(`${effectiveOn}T00:00:00Z`), uniqueKey: `notice:${id}` });
    const notice = await findNotice(tx, id);
    await appendAudit(tx, { ...auditActor(principal), action: "notice.file", objectType: "status-notice", objectId: id, after: notice });
    await publishEvent(tx, { type: "notice.filed", organization: input.organization, concerns: state, noticeId: id, states: [state] });
    return notice!;
  }

  jobHandlers(): Record<string, JobHandler> {
    return {
      "notice.apply": async (tx, job) => {
        const id = Number(job.payload.noticeId);
        const notice = (await tx.execute(sql`SELECT ${columns} FROM status_notices WHERE id = ${id} FOR UPDATE`)).rows[0] as StatusNoticeRow | undefined;
        if (!notice) throw new NotFoundError(`No status notice has the id ${id}.`);
        if (notice.appliedAt !== null) return;
        await this.apply(tx, notice);
      },
    };
  }

  /** On the effective date: a withdrawal ends the membership (and a suspension); a suspension starts. */
  private async apply(tx: Transaction, notice: StatusNoticeRow): Promise<void> {
    const claim = { source: notice.sourceId, field: "relation" as const, note: `Notice filed on ${notice.filedOn}, effective on ${notice.effectiveOn}.` };
    const changed: number[] = [];
    if (notice.kind === "withdrawal") {
      const open = (await new RegistryRepository(tx).relationsTowards(notice.organization, notice.effectiveOn, {})).filter(
        (relation) => relation.subject === notice.state && relation.until === null && (relation.kind === "member" || relation.kind === "suspended"),
      );
      for (const relation of open) {
        await this.writer.endRelation(SCHEDULER, relation.id, { until: notice.effectiveOn, claim: { ...claim, field: "until", date: notice.effectiveOn } }, tx);
        changed.push(relation.id);
      }
    } else {
      const relation = await this.writer.createRelation(
        SCHEDULER,
        { subject: notice.state, object: notice.organization, kind: "suspended", since: notice.effectiveOn, certainty: "confirmed", note: notice.statement ?? undefined, claims: [claim] },
        tx,
      );
      changed.push(relation.id);
    }
    await tx.execute(sql`UPDATE status_notices SET applied_at = clock_timestamp() WHERE id = ${notice.id}`);
    await appendAudit(tx, { ...auditActor(SCHEDULER), action: "notice.apply", objectType: "status-notice", objectId: notice.id, details: { relations: changed } });
    await publishEvent(tx, { type: "notice.applied", organization: notice.organization, concerns: notice.state, noticeId: notice.id, states: [notice.state] });
  }
}

async function dbNow(db: Executor): Promise<Date> {
  return new Date(((await db.execute(sql`SELECT clock_timestamp() AS now`)).rows[0] as { now: string | Date }).now);
}

export async function findNotice(db: Executor, id: number): Promise<StatusNoticeRow | undefined> {
  return (await db.execute(sql`SELECT ${columns} FROM status_notices WHERE id = ${id}`)).rows[0] as StatusNoticeRow | undefined;
}
