/**
 * Results of cooperation programmes in IATI 2.03's model: each partnership goal has indicators
 * (a measure, a direction, a baseline), each indicator reporting periods with a target, and a
 * period's actual comes from the updates its reporters write, once approved by the secretariat
 * (draft → pending approval → approved, or returned for revision with a comment and submitted
 * again). A percentage keeps its numerator and denominator, so periods aggregate exactly
 * (`periodActual`); progress towards a target is `progressTowards`.
 *
 * Who may do what (cooperationPolicy): results are read by whoever reads the whole programme
 * (another partner's delegation and another organisation's people are told it does not exist);
 * indicators, periods, locks and reviews are the secretariat's; updates are written by the
 * indicator's reporters (and the secretariat) and submitted by their author. Every change is
 * audited in its transaction.
 *
 * The job queue reminds reporters before a period closes and keeps one digest per person per day
 * (what they owe, what is late, what waits for their approval), never a message per entry.
 */
import type { Database, Transaction } from "../../db/client.ts";
import { databaseNow } from "../../db/repositories/clock.ts";
import * as repo from "../../db/repositories/results.ts";
import {
  type Actual,
  COOPERATION_LIMITS,
  MEASURES,
  type Measure,
  meanProgress,
  periodActual,
  progressTowards,
  type UpdateStatus,
} from "../../domain/cooperation.ts";
import { addDays, isDay, today } from "../../domain/dates.ts";
import type { Language } from "../../domain/languages.ts";
import { type Message, msg, t } from "../../domain/messages/index.ts";
import { appendAudit } from "../audit/log.ts";
import { ConflictError, ForbiddenError, HiddenError, InvalidRequestError, present } from "../errors.ts";
import { type JobHandlers, scheduleJob } from "../jobs/queue.ts";
import { auditActor, authorize, cooperationPolicy, type Principal, type ProgrammeScope } from "../policies.ts";
import { type IatiActivity, iatiActivitiesXml } from "./iati.ts";
import type { ProgrammeCache } from "./programme-cache.ts";
import { standingOfReader } from "./standing.ts";

export type { DigestRow, UpdateRow } from "../../db/repositories/results.ts";
type Titles = repo.Titles;

/** Days before a period ends when its reporters are reminded, and within which it counts as missing. */
export const DEFAULT_REMINDER_DAYS = 7;
/** The hour (UTC) the daily digests are written. */
export const DIGEST_HOUR_UTC = 6;
const REF = /^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/;
/** Figures kept within what every reader (and a JavaScript number) holds exactly enough. */
const LARGEST = 1e15;

export type ResultsOptions = {
  reminderDays?: number;
  /** A long-running server's copy of what programme pages read (programme-cache.ts). */
  cache?: ProgrammeCache;
};

export type NumbersView = { value: number | null; numerator: number | null; denominator: number | null };
export type PeriodView = {
  id: number;
  start: string;
  end: string;
  target: NumbersView & { comment: string | null };
  actual: (NumbersView & { narrative: string | null }) | null;
  locked: boolean;
  progress: number | null;
  updates: { draft: number; pendingApproval: number; approved: number; returned: number };
};
export type IndicatorView = {
  id: number;
  programmeId: number;
  goalRef: string;
  ref: string;
  titles: Titles;
  description: string | null;
  measure: Measure;
  ascending: boolean;
  baseline: {
    year: number | null;
    value: number | null;
    numerator: number | null;
    denominator: number | null;
    comment: string | null;
  };
  reporters: Array<{ id: string; name: string }>;
  periods: PeriodView[];
};
export type OverviewPeriod = {
  indicatorId: number;
  indicatorRef: string;
  goalRef: string;
  periodId: number;
  start: string;
  end: string;
};
export type Overview = {
  /** Open periods ending within `withinDays` (or ended) without an approved or pending update. */
  missing: OverviewPeriod[];
  /** Open periods that have ended without an approved update. */
  late: OverviewPeriod[];
  /** Updates waiting for the secretariat's approval, the longest waiting first. */
  awaitingApproval: OverviewUpdate[];
  /** Updates the secretariat returned for revision (with its comment), for their reporters to revise. */
  returned: Array<OverviewUpdate & { comment: string | null }>;
};
export type OverviewUpdate = {
  updateId: number;
  indicatorId: number;
  indicatorRef: string;
  periodId: number;
  createdBy: string;
  submittedAt: string | null;
};
export type ResultsView = {
  programme: { id: number; organization: string; partner: string; start: string; end: string };
  today: string;
  withinDays: number;
  indicators: IndicatorView[];
  overview: Overview;
};

export type TitlesInput = { en: string; es?: string | null; pt?: string | null; fr?: string | null };
export type FiguresInput = {
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  comment?: string | null;
};
export type IndicatorInput = {
  goalRef: string;
  ref: string;
  titles: TitlesInput;
  description?: string | null;
  measure: Measure;
  ascending?: boolean;
  baseline?: (FiguresInput & { year?: number | null }) | null;
  reporters?: string[];
};
export type IndicatorChange = Partial<Omit<IndicatorInput, "reporters">>;
export type PeriodInput = { start: string; end: string; target?: FiguresInput | null };
export type UpdateInput = {
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  narrative?: string | null;
};

// ------------------------------------------------------------------------------ checks

function invalid(field: string, reason: Message): InvalidRequestError {
  return new InvalidRequestError(reason, { field });
}

/** Trimmed text within `max`, or null when empty (an error when `required`). */
function text(value: string | null | undefined, max: number, field: string, required = false): string | null {
  const said = value?.trim() ?? "";
  if (said === "") {
    if (required) throw invalid(field, msg("validation.required"));
    return null;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the rule is about control characters
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(said))
    throw invalid(field, msg("validation.control_characters"));
  if (said.length > max) throw invalid(field, msg("validation.too_long", { maximum: max }));
  return said;
}

function titlesOf(input: TitlesInput, field: string): Titles {
  const one = (lang: "es" | "pt" | "fr") => text(input[lang], COOPERATION_LIMITS.title, `${field}.${lang}`);
  return {
    en: present(text(input.en, COOPERATION_LIMITS.title, `${field}.en`, true), "titles.en"),
    es: one("es"),
    pt: one("pt"),
    fr: one("fr"),
  };
}

function ref(value: string, field: string): string {
  if (!REF.test(value)) throw invalid(field, msg("results.ref_format"));
  return value;
}

function figure(value: number | null | undefined, field: string): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value) || Math.abs(value) > LARGEST)
    throw invalid(field, msg("results.number_range", { largest: LARGEST }));
  return value;
}

/** A numerator and a denominator: both or neither, the denominator above 0. */
function parts(
  input: FiguresInput | UpdateInput,
  prefix: string,
): { numerator: number | null; denominator: number | null } {
  const numerator = figure(input.numerator, `${prefix}numerator`);
  const denominator = figure(input.denominator, `${prefix}denominator`);
  if ((numerator === null) !== (denominator === null))
    throw invalid(numerator === null ? `${prefix}numerator` : `${prefix}denominator`, msg("results.parts_together"));
  if (denominator !== null && denominator <= 0)
    throw invalid(`${prefix}denominator`, msg("results.denominator_positive"));
  return { numerator, denominator };
}

/** What an update must carry for its indicator's measure. */
function updateValues(measure: Measure, input: UpdateInput): repo.UpdateValues {
  const narrative = text(input.narrative, COOPERATION_LIMITS.narrative, "narrative");
  const value = figure(input.value, "value");
  if (measure === "percentage") {
    if (value !== null) throw invalid("value", msg("results.percentage_parts"));
    if (input.numerator === null || input.numerator === undefined)
      throw invalid("numerator", msg("results.percentage_parts"));
    if (input.denominator === null || input.denominator === undefined)
      throw invalid("denominator", msg("results.percentage_parts"));
    return { value: null, ...parts(input, ""), narrative };
  }
  if (measure === "qualitative") {
    if (narrative === null) throw invalid("narrative", msg("results.narrative_required"));
    return { value: null, numerator: null, denominator: null, narrative };
  }
  if (value === null) throw invalid("value", msg("results.value_required", { measure }));
  return { value, ...parts(input, ""), narrative };
}

/** A value in the indicator's terms: a percentage's from its parts when only they are given. */
function percentOr(value: number | null, numerator: number | null, denominator: number | null): number | null {
  if (value !== null) return value;
  return numerator !== null && denominator !== null && denominator > 0 ? (100 * numerator) / denominator : null;
}

/**
 * A period's actual from its aggregated approved updates. The aggregate is what one approved
 * update carrying the sums would say (the values' sum, the pooled numerator and denominator, the
 * latest value and narrative), so `periodActual` of it is the period's actual.
 */
function actualOf(measure: Measure, period: repo.AggregatedPeriodRow): Actual | null {
  if (period.approved === 0) return null;
  return periodActual(measure, [
    {
      value: measure === "unit" ? period.approvedValueSum : period.latestValue,
      numerator: period.approvedNumeratorSum,
      denominator: period.approvedDenominatorSum,
      narrative: period.latestNarrative,
      approvedAt: "",
    },
  ]);
}

function periodView(indicator: repo.IndicatorRow, period: repo.AggregatedPeriodRow): PeriodView {
  const actual = actualOf(indicator.measure, period);
  const baseline = percentOr(indicator.baselineValue, indicator.baselineNumerator, indicator.baselineDenominator);
  const target = percentOr(period.targetValue, period.targetNumerator, period.targetDenominator);
  return {
    id: period.id,
    start: period.start,
    end: period.end,
    target: {
      value: period.targetValue,
      numerator: period.targetNumerator,
      denominator: period.targetDenominator,
      comment: period.targetComment,
    },
    actual: actual && {
      value: actual.value,
      numerator: actual.numerator ?? null,
      denominator: actual.denominator ?? null,
      narrative: actual.narrative,
    },
    locked: period.lockedAt !== null,
    progress:
      indicator.measure === "qualitative"
        ? null
        : progressTowards(baseline, target, actual?.value ?? null, indicator.ascending),
    updates: {
      draft: period.drafts,
      pendingApproval: period.pending,
      approved: period.approved,
      returned: period.returned,
    },
  };
}

function indicatorViews(indicators: repo.IndicatorRow[], periods: repo.AggregatedPeriodRow[]): IndicatorView[] {
  const byIndicator = new Map<number, repo.AggregatedPeriodRow[]>();
  for (const period of periods) {
    const list = byIndicator.get(period.indicatorId) ?? [];
    list.push(period);
    byIndicator.set(period.indicatorId, list);
  }
  return indicators.map((indicator) => ({
    id: indicator.id,
    programmeId: indicator.programmeId,
    goalRef: indicator.goalRef,
    ref: indicator.ref,
    titles: indicator.titles,
    description: indicator.description,
    measure: indicator.measure,
    ascending: indicator.ascending,
    baseline: {
      year: indicator.baselineYear,
      value: indicator.baselineValue,
      numerator: indicator.baselineNumerator,
      denominator: indicator.baselineDenominator,
      comment: indicator.baselineComment,
    },
    reporters: indicator.reporters,
    periods: (byIndicator.get(indicator.id) ?? []).map((period) => periodView(indicator, period)),
  }));
}

/** Progress per goal (by ref) of each programme these indicators belong to, as goalProgress describes it. */
function goalsProgress(
  indicators: repo.IndicatorRow[],
  periods: repo.AggregatedPeriodRow[],
): Map<number, Map<string, number | null>> {
  const progress = new Map<number, Map<string, number[]>>();
  for (const indicator of indicatorViews(indicators, periods)) {
    const goals = progress.get(indicator.programmeId) ?? new Map<string, number[]>();
    progress.set(indicator.programmeId, goals);
    const values = goals.get(indicator.goalRef) ?? [];
    goals.set(indicator.goalRef, values);
    const latest = indicator.periods.filter((period) => period.actual !== null).at(-1);
    if (latest?.progress !== null && latest?.progress !== undefined) values.push(latest.progress);
  }
  return new Map(
    [...progress].map(([programme, goals]) => [
      programme,
      new Map([...goals].map(([goal, values]) => [goal, meanProgress(values)])),
    ]),
  );
}

/** When the digests of the day after `now` (or of today, before the hour) are written. */
export function nextDigestAt(now: Date): Date {
  const todayAt = new Date(`${today(now)}T${String(DIGEST_HOUR_UTC).padStart(2, "0")}:00:00Z`);
  return todayAt > now ? todayAt : new Date(todayAt.getTime() + 86_400_000);
}

const scopeOf = (programme: repo.ResultsProgrammeRow): ProgrammeScope => ({
  organization: programme.organization,
  partner: programme.partner,
});

export class ResultsService {
  private readonly reminderDays: number;

  private readonly cache: ProgrammeCache | undefined;

  constructor(
    private readonly db: Database,
    options: ResultsOptions = {},
  ) {
    this.reminderDays = options.reminderDays ?? DEFAULT_REMINDER_DAYS;
    this.cache = options.cache;
  }

  private remember<T>(key: string, load: () => Promise<T>): Promise<T> {
    return this.cache ? this.cache.remember(key, load) : load();
  }

  private standingOf(principal: Principal, organization: string) {
    return (
      this.cache?.standingOfReader(this.db, principal, organization) ??
      standingOfReader(this.db, principal, organization)
    );
  }

  // ---------------------------------------------------------------------------- who may

  /** The programme, or 404. */
  private async programme(db: Pick<Database, "execute">, id: number): Promise<repo.ResultsProgrammeRow> {
    const programme = await repo.findProgramme(db, id);
    if (!programme) throw new HiddenError(msg("results.programme_not_found", { id }));
    return programme;
  }

  /**
   * Refuses as the programme's readers are told: a reader who may see the programme at all (its
   * summary) learns that this is not theirs to do (403; 401 for nobody signed in); anyone else,
   * that there is no such programme (404).
   */
  private async refuse(principal: Principal, programme: repo.ResultsProgrammeRow, what: Message): Promise<never> {
    const standing = await standingOfReader(this.db, principal, programme.organization);
    if (
      principal.kind === "anonymous" ||
      cooperationPolicy.readProgrammeSummary(principal, scopeOf(programme), standing)
    )
      authorize(principal, false, what);
    throw new HiddenError(msg("results.programme_not_found", { id: programme.id }));
  }

  private async authorizeRead(principal: Principal, programme: repo.ResultsProgrammeRow): Promise<void> {
    const what = msg("results.activity_reading", { programme: programme.id });
    const standing = await this.standingOf(principal, programme.organization);
    if (cooperationPolicy.readProgramme(principal, scopeOf(programme), standing)) authorize(principal, true, what);
    else await this.refuse(principal, programme, what);
  }

  private async authorizeManage(principal: Principal, programme: repo.ResultsProgrammeRow): Promise<void> {
    const what = msg("results.activity_managing", { programme: programme.id });
    if (cooperationPolicy.manageProgramme(principal, programme.organization)) authorize(principal, true, what);
    else await this.refuse(principal, programme, what);
  }

  private async audit(
    tx: Transaction,
    principal: Principal,
    programme: repo.ResultsProgrammeRow,
    entry: {
      action: string;
      objectType: "indicator" | "indicator_update";
      objectId: number;
      before?: unknown;
      after?: unknown;
      details?: unknown;
    },
  ): Promise<void> {
    await appendAudit(tx, { ...auditActor(principal), organization: programme.organization, ...entry });
  }

  // ---------------------------------------------------------------------------- reads

  /** The indicators of a programme with their periods, actuals and progress, and the overview. */
  async results(principal: Principal, programmeId: number): Promise<ResultsView> {
    const programme = await this.remember(`results-programme:${programmeId}`, () =>
      this.programme(this.db, programmeId),
    );
    await this.authorizeRead(principal, programme);
    const [[indicators, periods, pending, returned], now] = await Promise.all([
      this.resultRows(programmeId),
      databaseNow(this.db),
    ]);
    const day = today(now);
    const views = indicatorViews(indicators, periods);
    const horizon = addDays(day, this.reminderDays);
    const missing: OverviewPeriod[] = [];
    const late: OverviewPeriod[] = [];
    const byId = new Map(indicators.map((indicator) => [indicator.id, indicator]));
    const overviewUpdate = (update: repo.UpdateRow): OverviewUpdate => ({
      updateId: update.id,
      indicatorId: update.indicatorId,
      indicatorRef: byId.get(update.indicatorId)?.ref ?? "",
      periodId: update.periodId,
      createdBy: update.createdBy,
      submittedAt: update.submittedAt,
    });
    for (const period of periods) {
      if (period.lockedAt !== null) continue;
      const indicator = present(byId.get(period.indicatorId), `indicator ${period.indicatorId}`);
      const entry = {
        indicatorId: indicator.id,
        indicatorRef: indicator.ref,
        goalRef: indicator.goalRef,
        periodId: period.id,
        start: period.start,
        end: period.end,
      };
      if (period.end <= horizon && period.approved === 0 && period.pending === 0) missing.push(entry);
      if (period.end < day && period.approved === 0) late.push(entry);
    }
    return {
      programme: {
        id: programme.id,
        organization: programme.organization,
        partner: programme.partner,
        start: programme.start,
        end: programme.end,
      },
      today: day,
      withinDays: this.reminderDays,
      indicators: views,
      overview: {
        missing,
        late,
        awaitingApproval: pending.map(overviewUpdate),
        returned: returned.map((update) => ({ ...overviewUpdate(update), comment: update.reviewComment })),
      },
    };
  }

  /** Every update of a programme, oldest first. */
  async updates(principal: Principal, programmeId: number): Promise<repo.UpdateRow[]> {
    const programme = await this.programme(this.db, programmeId);
    await this.authorizeRead(principal, programme);
    return repo.updatesOf(this.db, programmeId);
  }

  /**
   * Progress per partnership goal (by reference), from 0 to 1: the mean over the goal's
   * indicators of each one's latest period that has an approved actual; null for a goal none of
   * whose indicators has progress yet. For the programme's page, whose service has authorized
   * its reader already.
   */
  async goalProgress(programmeId: number): Promise<Map<string, number | null>> {
    // The same rows as the programme's results, which its page asks for beside it.
    const [indicators, periods] = await this.resultRows(programmeId);
    return goalsProgress(indicators, periods).get(programmeId) ?? new Map();
  }

  /** A programme's indicators, periods, and updates waiting or returned: from the cache when there is one. */
  private resultRows(programmeId: number) {
    return this.remember(`results:${programmeId}`, () =>
      Promise.all([
        repo.indicatorsOf(this.db, programmeId),
        repo.aggregatedPeriodsOf(this.db, programmeId),
        repo.updatesInStatusOf(this.db, programmeId, "pending-approval"),
        repo.updatesInStatusOf(this.db, programmeId, "returned"),
      ]),
    );
  }

  /**
   * Each programme's progress (0 to 1): the mean of its goals' progress, over the goals that have
   * any; null when none has. For a list whose service has authorized its reader already: two
   * queries, however many programmes.
   */
  async programmesProgress(programmeIds: readonly number[]): Promise<Map<number, number | null>> {
    const goals = await this.goalsProgressOf(programmeIds);
    return new Map(programmeIds.map((id) => [id, meanProgress([...(goals.get(id)?.values() ?? [])])]));
  }

  /** Progress per goal (by ref) of each programme, as goalProgress describes it. */
  private async goalsProgressOf(programmeIds: readonly number[]): Promise<Map<number, Map<string, number | null>>> {
    const [indicators, periods] = await Promise.all([
      repo.indicatorsOfProgrammes(this.db, programmeIds),
      repo.aggregatedPeriodsOfProgrammes(this.db, programmeIds),
    ]);
    return goalsProgress(indicators, periods);
  }

  /** The programme as an IATI 2.03 activity document with its results. */
  async iatiXml(principal: Principal, programmeId: number): Promise<string> {
    const programme = await this.programme(this.db, programmeId);
    await this.authorizeRead(principal, programme);
    const [indicators, periods, goals, now] = await Promise.all([
      repo.indicatorsOf(this.db, programmeId),
      repo.aggregatedPeriodsOf(this.db, programmeId),
      repo.goalsOf(this.db, programmeId),
      databaseNow(this.db),
    ]);
    return iatiActivitiesXml([iatiActivity(programme, goals, indicatorViews(indicators, periods), now)], now);
  }

  // ---------------------------------------------------------------------------- indicators

  async createIndicator(
    principal: Principal,
    programmeId: number,
    input: IndicatorInput,
    tx: Transaction,
  ): Promise<IndicatorView> {
    const programme = await this.programme(tx, programmeId);
    await this.authorizeManage(principal, programme);
    const fields = await this.indicatorFields(tx, programme, input, null);
    const reporters = await this.reportersOf(tx, programme, input.reporters ?? []);
    const id = await repo.insertIndicator(tx, programmeId, fields);
    await repo.replaceReporters(tx, id, reporters);
    const after = await this.indicator(tx, programmeId, id);
    await this.audit(tx, principal, programme, {
      action: "indicator.create",
      objectType: "indicator",
      objectId: id,
      after,
    });
    return after;
  }

  async updateIndicator(
    principal: Principal,
    indicatorId: number,
    change: IndicatorChange,
    tx: Transaction,
  ): Promise<IndicatorView> {
    const { programme, row } = await this.indicatorRow(tx, indicatorId);
    await this.authorizeManage(principal, programme);
    const before = await this.indicator(tx, programme.id, indicatorId);
    const merged: IndicatorInput = {
      goalRef: change.goalRef ?? row.goalRef,
      ref: change.ref ?? row.ref,
      titles: change.titles ?? row.titles,
      description: change.description === undefined ? row.description : change.description,
      measure: change.measure ?? row.measure,
      ascending: change.ascending ?? row.ascending,
      baseline:
        change.baseline === undefined
          ? {
              year: row.baselineYear,
              value: row.baselineValue,
              numerator: row.baselineNumerator,
              denominator: row.baselineDenominator,
              comment: row.baselineComment,
            }
          : change.baseline,
    };
    if (merged.measure !== row.measure && (await repo.countUpdatesOfIndicator(tx, indicatorId)) > 0)
      throw invalid("measure", msg("results.measure_has_updates", { indicator: indicatorId }));
    await repo.updateIndicator(tx, indicatorId, await this.indicatorFields(tx, programme, merged, indicatorId));
    const after = await this.indicator(tx, programme.id, indicatorId);
    await this.audit(tx, principal, programme, {
      action: "indicator.update",
      objectType: "indicator",
      objectId: indicatorId,
      before,
      after,
    });
    return after;
  }

  async setReporters(
    principal: Principal,
    indicatorId: number,
    reporters: readonly string[],
    tx: Transaction,
  ): Promise<IndicatorView> {
    const { programme } = await this.indicatorRow(tx, indicatorId);
    await this.authorizeManage(principal, programme);
    const before = await this.indicator(tx, programme.id, indicatorId);
    await repo.replaceReporters(tx, indicatorId, await this.reportersOf(tx, programme, reporters));
    const after = await this.indicator(tx, programme.id, indicatorId);
    await this.audit(tx, principal, programme, {
      action: "indicator.reporters",
      objectType: "indicator",
      objectId: indicatorId,
      before: before.reporters,
      after: after.reporters,
    });
    return after;
  }

  /** A reporting period of an indicator, inside the programme's period and overlapping none of its others. */
  async addPeriod(
    principal: Principal,
    indicatorId: number,
    input: PeriodInput,
    tx: Transaction,
  ): Promise<IndicatorView> {
    const { programme, row } = await this.indicatorRow(tx, indicatorId, { lock: true });
    await this.authorizeManage(principal, programme);
    if (!isDay(input.start)) throw invalid("start", msg("validation.calendar_date"));
    if (!isDay(input.end)) throw invalid("end", msg("validation.calendar_date"));
    if (input.end < input.start) throw invalid("end", msg("results.end_before_start", { start: input.start }));
    if (input.start < programme.start)
      throw invalid("start", msg("results.before_programme", { start: programme.start }));
    if (input.end > programme.end) throw invalid("end", msg("results.after_programme", { end: programme.end }));
    const overlapping = (await repo.periodsOfIndicator(tx, indicatorId)).find(
      (period) => period.start <= input.end && input.start <= period.end,
    );
    if (overlapping)
      throw invalid("start", msg("results.period_overlaps", { start: overlapping.start, end: overlapping.end }));
    const target = input.target ?? {};
    const period = await repo.insertPeriod(tx, indicatorId, {
      start: input.start,
      end: input.end,
      targetValue: figure(target.value, "target.value"),
      ...(({ numerator, denominator }) => ({ targetNumerator: numerator, targetDenominator: denominator }))(
        parts(target, "target."),
      ),
      targetComment: text(target.comment, COOPERATION_LIMITS.comment, "target.comment"),
    });
    const now = await databaseNow(tx);
    if (period.end >= today(now)) {
      const remindOn = addDays(period.end, -this.reminderDays);
      await scheduleJob(tx, {
        kind: "results.period-reminder",
        payload: { periodId: period.id },
        runAt: new Date(`${remindOn}T${String(DIGEST_HOUR_UTC).padStart(2, "0")}:00:00Z`),
        uniqueKey: `results.period-reminder:${period.id}`,
        subject: `indicator-period:${period.id}`,
      });
    }
    await scheduleJob(tx, { kind: "results.digest", runAt: nextDigestAt(now), uniqueKey: "results.digest" });
    const after = await this.indicator(tx, programme.id, indicatorId);
    await this.audit(tx, principal, programme, {
      action: "indicator.period",
      objectType: "indicator",
      objectId: indicatorId,
      after: after.periods.find((candidate) => candidate.id === period.id),
      details: { period: period.id, indicatorRef: row.ref },
    });
    return after;
  }

  /** Closes a period to updates (the secretariat). Locking a locked period changes nothing. */
  async lockPeriod(principal: Principal, periodId: number, tx: Transaction): Promise<IndicatorView> {
    const period = await repo.findPeriodContext(tx, periodId, { lock: "update" });
    if (!period) throw new HiddenError(msg("results.period_not_found", { id: periodId }));
    const programme = await this.programme(tx, period.programmeId);
    await this.authorizeManage(principal, programme);
    if (await repo.lockPeriod(tx, periodId, auditActor(principal).actor))
      await this.audit(tx, principal, programme, {
        action: "period.lock",
        objectType: "indicator",
        objectId: period.indicatorId,
        details: { period: periodId, start: period.start, end: period.end },
      });
    return this.indicator(tx, programme.id, period.indicatorId);
  }

  // ---------------------------------------------------------------------------- updates

  /** An update's draft, by one of the indicator's reporters (or the secretariat). */
  async createUpdate(
    principal: Principal,
    periodId: number,
    input: UpdateInput,
    tx: Transaction,
  ): Promise<repo.UpdateRow> {
    const period = await repo.findPeriodContext(tx, periodId, { lock: "share" });
    if (!period) throw new HiddenError(msg("results.period_not_found", { id: periodId }));
    const programme = await this.programme(tx, period.programmeId);
    const what = msg("results.activity_reporting", { indicator: period.indicatorId });
    if (cooperationPolicy.reportOn(principal, programme.organization, period.reporters))
      authorize(principal, true, what);
    else await this.refuse(principal, programme, what);
    if (period.lockedAt !== null)
      throw new ConflictError(
        msg("results.period_locked", { period: period.id, start: period.start, end: period.end }),
      );
    const update = await repo.insertUpdate(
      tx,
      periodId,
      updateValues(period.measure, input),
      auditActor(principal).actor,
    );
    await this.audit(tx, principal, programme, {
      action: "update.create",
      objectType: "indicator_update",
      objectId: update.id,
      after: update,
    });
    return update;
  }

  /**
   * Sends a draft, or a returned update, for approval: its author only, with its values revised
   * if they are given (a returned update is revised this way).
   */
  async submitUpdate(
    principal: Principal,
    updateId: number,
    revision: UpdateInput,
    tx: Transaction,
  ): Promise<repo.UpdateRow> {
    const { programme, update } = await this.updateContext(tx, updateId);
    const author =
      principal.kind === "account" &&
      principal.account.id === update.createdBy &&
      cooperationPolicy.reportOn(principal, programme.organization, [update.createdBy]);
    const what = msg("results.activity_reporting", { indicator: update.indicatorId });
    if (author) authorize(principal, true, what);
    else {
      const standing = await standingOfReader(this.db, principal, programme.organization);
      if (
        principal.kind === "account" &&
        (cooperationPolicy.readProgramme(principal, scopeOf(programme), standing) ||
          cooperationPolicy.reportOn(principal, programme.organization, update.reporters))
      )
        throw new ForbiddenError(msg("results.author_only", { update: updateId }));
      await this.refuse(principal, programme, what);
    }
    this.checkOpen(update);
    if (update.status !== "draft" && update.status !== "returned")
      throw new ConflictError(msg("results.cannot_submit", { update: updateId, status: update.status }));
    const revised = Object.values(revision).some((value) => value !== undefined);
    const values = updateValues(update.measure, revised ? revision : update);
    await repo.submitUpdate(tx, updateId, values);
    return this.audited(tx, principal, programme, "update.submit", update);
  }

  async approveUpdate(principal: Principal, updateId: number, tx: Transaction): Promise<repo.UpdateRow> {
    return this.review(principal, updateId, "approved", null, tx);
  }

  async returnUpdate(
    principal: Principal,
    updateId: number,
    comment: string,
    tx: Transaction,
  ): Promise<repo.UpdateRow> {
    return this.review(principal, updateId, "returned", comment, tx);
  }

  private async review(
    principal: Principal,
    updateId: number,
    status: Extract<UpdateStatus, "approved" | "returned">,
    comment: string | null,
    tx: Transaction,
  ): Promise<repo.UpdateRow> {
    const { programme, update } = await this.updateContext(tx, updateId);
    await this.authorizeManage(principal, programme);
    const said = status === "returned" ? text(comment, COOPERATION_LIMITS.comment, "comment") : null;
    if (status === "returned" && said === null) throw invalid("comment", msg("results.comment_required"));
    this.checkOpen(update);
    if (update.status !== "pending-approval")
      throw new ConflictError(msg("results.cannot_review", { update: updateId, status: update.status }));
    await repo.reviewUpdate(tx, updateId, { status, by: auditActor(principal).actor, comment: said });
    return this.audited(tx, principal, programme, status === "approved" ? "update.approve" : "update.return", update);
  }

  // ---------------------------------------------------------------------------- digests

  /** The reader's latest digests (at most `limit`, newest first). */
  async digests(principal: Principal, limit = 7): Promise<repo.DigestRow[]> {
    const what = msg("results.activity_digest");
    authorize(principal, principal.kind === "account", what);
    if (principal.kind !== "account") return [];
    return repo.digestsOf(this.db, principal.account.id, Math.max(1, Math.min(limit, 31)));
  }

  /**
   * Writes the digests of the day (by the database's clock) for everyone, or for `accounts`:
   * one per person per day, replacing what that day's digest said before. Run by the job queue.
   */
  async writeDigests(tx: Pick<Database, "execute">, accounts?: readonly string[]): Promise<number> {
    const day = today(await databaseNow(tx));
    return repo.writeDigests(tx, { day, withinDays: this.reminderDays, accounts });
  }

  jobHandlers(): JobHandlers {
    return {
      /** The daily digests, then the next day's run. */
      "results.digest": async (tx) => {
        await this.writeDigests(tx);
        await scheduleJob(tx, {
          kind: "results.digest",
          runAt: nextDigestAt(await databaseNow(tx)),
          uniqueKey: "results.digest",
        });
      },
      /** A period about to close: its reporters' digests of today say so (one digest each, whatever else it lists). */
      "results.period-reminder": async (tx, job) => {
        const periodId = Number(job.payload.periodId);
        const period = await repo.findPeriodContext(tx, periodId);
        if (!period || period.lockedAt !== null || period.reporters.length === 0) return;
        await this.writeDigests(tx, period.reporters);
      },
    };
  }

  // ---------------------------------------------------------------------------- helpers

  private async indicatorRow(
    tx: Pick<Database, "execute">,
    indicatorId: number,
    options: { lock?: boolean } = {},
  ): Promise<{ programme: repo.ResultsProgrammeRow; row: repo.IndicatorRow }> {
    const row = await repo.findIndicator(tx, indicatorId, options);
    if (!row) throw new HiddenError(msg("results.indicator_not_found", { id: indicatorId }));
    return { programme: await this.programme(tx, row.programmeId), row };
  }

  private async indicator(
    tx: Pick<Database, "execute">,
    programmeId: number,
    indicatorId: number,
  ): Promise<IndicatorView> {
    const [indicators, periods] = await Promise.all([
      repo.indicatorsOf(tx, programmeId),
      repo.aggregatedPeriodsOf(tx, programmeId),
    ]);
    return present(
      indicatorViews(indicators, periods).find((indicator) => indicator.id === indicatorId),
      `indicator ${indicatorId}`,
    );
  }

  private async updateContext(
    tx: Transaction,
    updateId: number,
  ): Promise<{ programme: repo.ResultsProgrammeRow; update: repo.UpdateContextRow }> {
    const update = await repo.findUpdateContext(tx, updateId, { lock: true });
    if (!update) throw new HiddenError(msg("results.update_not_found", { id: updateId }));
    return { programme: await this.programme(tx, update.programmeId), update };
  }

  private checkOpen(update: repo.UpdateContextRow): void {
    if (update.periodLocked)
      throw new ConflictError(
        msg("results.period_locked", { period: update.periodId, start: update.periodStart, end: update.periodEnd }),
      );
  }

  private async audited(
    tx: Transaction,
    principal: Principal,
    programme: repo.ResultsProgrammeRow,
    action: "update.submit" | "update.approve" | "update.return",
    before: repo.UpdateContextRow,
  ): Promise<repo.UpdateRow> {
    const after = present(await repo.findUpdate(tx, before.id), `update ${before.id}`);
    await this.audit(tx, principal, programme, {
      action,
      objectType: "indicator_update",
      objectId: before.id,
      before: {
        status: before.status,
        value: before.value,
        numerator: before.numerator,
        denominator: before.denominator,
        narrative: before.narrative,
        reviewComment: before.reviewComment,
      },
      after,
    });
    return after;
  }

  private async indicatorFields(
    tx: Pick<Database, "execute">,
    programme: repo.ResultsProgrammeRow,
    input: IndicatorInput,
    exceptId: number | null,
  ): Promise<repo.IndicatorFields> {
    const goalRef = ref(input.goalRef, "goalRef");
    const indicatorRef = ref(input.ref, "ref");
    if (!MEASURES.includes(input.measure))
      throw invalid("measure", msg("validation.one_of", { options: MEASURES.join(", ") }));
    const titles = titlesOf(input.titles, "titles");
    const description = text(input.description, COOPERATION_LIMITS.description, "description");
    const baseline = input.baseline ?? {};
    const year = baseline.year ?? null;
    if (year !== null && (!Number.isInteger(year) || year < 1900 || year > 2200))
      throw invalid("baseline.year", msg("results.year_range"));
    const baselineParts = parts(baseline, "baseline.");
    const baselineValue = figure(baseline.value, "baseline.value");
    const baselineComment = text(baseline.comment, COOPERATION_LIMITS.comment, "baseline.comment");
    if (!(await repo.goalExists(tx, programme.id, goalRef)))
      throw invalid("goalRef", msg("results.goal_not_found", { goalRef }));
    if (await repo.indicatorRefTaken(tx, programme.id, indicatorRef, exceptId))
      throw invalid("ref", msg("results.ref_taken", { ref: indicatorRef }));
    return {
      goalRef,
      ref: indicatorRef,
      titles,
      description,
      measure: input.measure,
      ascending: input.ascending ?? true,
      baselineYear: year,
      baselineValue,
      baselineNumerator: baselineParts.numerator,
      baselineDenominator: baselineParts.denominator,
      baselineComment,
    };
  }

  /** The reporters asked for, each an account of the programme's organisation (400 naming `reporters` otherwise). */
  private async reportersOf(
    tx: Pick<Database, "execute">,
    programme: repo.ResultsProgrammeRow,
    ids: readonly string[],
  ): Promise<string[]> {
    const wanted = [...new Set(ids)];
    const found = new Map((await repo.accountsByIds(tx, wanted)).map((account) => [account.id, account]));
    for (const id of wanted)
      if (found.get(id)?.organization !== programme.organization)
        throw invalid(
          "reporters",
          msg("results.not_an_account_of", { account: id.slice(0, 100), organization: programme.organization }),
        );
    return wanted;
  }
}

/** The programme as IATI sees it (iati.ts writes it). */
function iatiActivity(
  programme: repo.ResultsProgrammeRow,
  goals: repo.ResultsGoalRow[],
  indicators: IndicatorView[],
  now: Date,
): IatiActivity {
  const orgRef = `CONCORD-${programme.organization}`;
  const inEvery = (say: (lang: Language) => string) => ({ en: say("en"), es: say("es"), pt: say("pt"), fr: say("fr") });
  const day = today(now);
  const status =
    programme.inForceSince === null ? (programme.latestStatus === "not-agreed" ? 5 : 1) : day > programme.end ? 4 : 2;
  const goalRefs = [...goals.map((goal) => goal.ref)];
  for (const indicator of indicators) if (!goalRefs.includes(indicator.goalRef)) goalRefs.push(indicator.goalRef);
  return {
    identifier: `${orgRef}-${programme.kind.replace(/[^A-Za-z0-9]+/g, "")}-${programme.partner}-${programme.id}`,
    reportingOrg: { ref: orgRef, type: 40, names: programme.organizationNames },
    lastUpdated: now.toISOString(),
    titles: inEvery((lang) =>
      t(lang, "results.iati_title", {
        kind: programme.kind,
        partner: programme.partnerNames[lang],
        organization: programme.organizationNames[lang],
        start: programme.start,
        end: programme.end,
      }),
    ),
    descriptions: inEvery((lang) =>
      t(lang, "results.iati_description", {
        kind: programme.kind,
        partner: programme.partnerNames[lang],
        organization: programme.organizationNames[lang],
      }),
    ),
    participating: [
      { role: 2, type: 40, ref: orgRef, names: programme.organizationNames },
      { role: 4, type: 10, ref: null, names: programme.partnerNames },
    ],
    status,
    dates: [
      { type: 1, isoDate: programme.start },
      ...(programme.inForceSince ? [{ type: 2, isoDate: programme.inForceSince }] : []),
      { type: 3, isoDate: programme.end },
      ...(status === 4 ? [{ type: 4, isoDate: programme.end }] : []),
    ],
    recipientCountry: programme.partnerIso2,
    results: goalRefs.map((goalRef) => {
      const goal = goals.find((candidate) => candidate.ref === goalRef);
      return {
        titles: goal?.titles ?? { en: goalRef },
        description: goal?.description ?? null,
        indicators: indicators
          .filter((indicator) => indicator.goalRef === goalRef)
          .map((indicator) => ({
            titles: indicator.titles,
            description: indicator.description,
            measure: indicator.measure,
            ascending: indicator.ascending,
            baseline:
              indicator.baseline.year === null
                ? null
                : {
                    year: indicator.baseline.year,
                    value: percentOr(
                      indicator.baseline.value,
                      indicator.baseline.numerator,
                      indicator.baseline.denominator,
                    ),
                    comment: indicator.baseline.comment,
                  },
            periods: indicator.periods.map((period) => ({
              start: period.start,
              end: period.end,
              target:
                period.target.value === null && period.target.numerator === null && period.target.comment === null
                  ? null
                  : {
                      value: percentOr(period.target.value, period.target.numerator, period.target.denominator),
                      comment: period.target.comment,
                    },
              actual: period.actual && {
                value: period.actual.value,
                comment:
                  indicator.measure === "percentage" && period.actual.denominator
                    ? [`${period.actual.numerator} / ${period.actual.denominator}`, period.actual.narrative]
                        .filter(Boolean)
                        .join(" — ")
                    : period.actual.narrative,
              },
            })),
          })),
      };
    }),
  };
}
