/**
 * The annual information exchanges (exchangesPolicy): the regimes and their forms, a state's
 * return drafted, validated and submitted by its delegation (a correction supersedes the
 * submitted return and keeps it readable), compliance per regime and year (on time, late,
 * missing) against the states taking part that year by the registry, a state's record over the
 * years, and comparisons across states and years (per capita and share of GDP where a return
 * gives them). The rules of a valid return and of compliance are src/domain/exchanges.ts.
 */
import type { Database, Transaction } from "../../db/client.ts";
import * as repo from "../../db/repositories/exchanges.ts";
import { type Day, isDay, today } from "../../domain/dates.ts";
import {
  type Compliance,
  complianceOf,
  comparisonOf,
  deadlineOf,
  type ExchangeForm,
  type ExchangeRegime,
  formFor,
  latestReportingYear,
  nextDeadline,
  type ReturnError,
  type ReturnValues,
  stateRecord,
  validateReturn,
} from "../../domain/exchanges.ts";
import { msg, type Message, type MessageKey } from "../../domain/messages/index.ts";
import { appendAudit } from "../audit/log.ts";
import { databaseNow } from "../../db/repositories/clock.ts";
import { scheduleLabelling } from "../documents/documents.ts";
import { type JobHandlers, scheduleJob } from "../jobs/queue.ts";
import { InvalidRequestError, NotFoundError } from "../errors.ts";
import { auditActor, authorize, type ExchangeScope, exchangesPolicy, type Principal } from "../policies.ts";

const CODE = /^[a-z][a-z0-9-]{0,59}$/;
/** How many days before a deadline a participant that has not submitted is reminded. */
export const REMINDER_DAYS = [30, 7] as const;
const DAILY_JOB = "exchanges.daily";
/** The daily job's hour (UTC): after midnight everywhere a deadline day may be counted. */
const DAILY_HOUR_UTC = 6;

/** The next run of the daily job after `now`. */
export function nextDailyRun(now: Date): Date {
  const run = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), DAILY_HOUR_UTC));
  return run.getTime() > now.getTime() ? run : new Date(run.getTime() + 86_400_000);
}

/** Puts the daily reminders' job on the queue (once: its key moves it rather than adding one). */
export async function scheduleDailyExchanges(tx: Pick<Database, "execute">, now: Date): Promise<void> {
  await scheduleJob(tx, { kind: DAILY_JOB, runAt: nextDailyRun(now), uniqueKey: DAILY_JOB });
}
const STATE = /^[A-Z]{3}$/;
/** The longest return stored, as JSON text (the database's check allows 256 KiB). */
const MAX_VALUES_LENGTH = 200_000;

export type RegimeView = {
  regime: ExchangeRegime;
  organization: string | null;
  restricted: boolean;
  forms: ExchangeForm[];
};

/** A return error as a catalogue message, for the reader's language. */
export function returnErrorMessage(error: ReturnError): Message {
  // Every key of RETURN_ERROR_PARAMS is in the catalogue with these parameters (messages.test.ts).
  return { key: error.key as MessageKey, params: error.params };
}

export class ExchangesService {
  constructor(
    private readonly db: Database,
    /** Keeps a submitted return as a labelled document in the submission's transaction (else the job queue does). */
    private readonly options: { labelling?: (tx: Transaction) => Promise<unknown> } = {},
  ) {}

  /** Every regime with its forms and the next deadline. */
  async regimes(principal: Principal, day: Day = today()) {
    authorize(principal, exchangesPolicy.readRegimes(principal), msg("exchanges.reading"));
    const [regimes, forms] = await Promise.all([repo.listRegimes(this.db), repo.formsOf(this.db)]);
    return regimes.map((row) => {
      const regime = row.definition as unknown as ExchangeRegime;
      const year = latestReportingYear(regime, day);
      return {
        ...this.viewOf(
          row,
          forms.filter((form) => form.regimeCode === row.code),
        ),
        latestYear: year,
        deadline: deadlineOf(regime, year),
        abilities: abilitiesOf(principal, row),
      };
    });
  }

  async regime(principal: Principal, code: string) {
    authorize(principal, exchangesPolicy.readRegimes(principal), msg("exchanges.reading"));
    const row = await this.requireRegime(code);
    const [forms, publications] = await Promise.all([
      repo.formsOf(this.db, row.code),
      repo.publicationsOf(this.db, row.code),
    ]);
    return {
      ...this.viewOf(row, forms),
      publications: publications.map((p) => p.definition),
      abilities: abilitiesOf(principal, row),
    };
  }

  /** Saves the state's draft for the year (creating it), and says what would refuse it. */
  async saveDraft(principal: Principal, code: string, state: string, year: number, values: unknown) {
    const { row, view } = await this.regimeToWrite(principal, code, state);
    // The form asked for (the UN report has a standardized and a simplified one), else the first in force.
    const { form: asked, ...rest } = readValues(values) as ReturnValues & { form?: unknown };
    const form = this.formOf(view, year, asked);
    await this.requireParticipant(view, state, year);
    const returnValues = rest as ReturnValues;
    return this.db.transaction(async (tx) => {
      const versions = await repo.lockVersions(tx, row.code, state, year);
      const draft = versions.find((version) => version.status === "draft");
      const saved = draft
        ? await repo.updateDraft(tx, draft.id, {
            values: returnValues as Record<string, unknown>,
            formCode: form.code,
            formVersion: form.version,
          })
        : await repo.insertReturn(tx, {
            regimeCode: row.code,
            formCode: form.code,
            formVersion: form.version,
            stateCode: state,
            year,
            values: returnValues as Record<string, unknown>,
            status: "draft",
            createdBy: auditActor(principal).actor,
          });
      await appendAudit(tx, {
        ...auditActor(principal),
        organization: row.organizationCode ?? undefined,
        action: draft ? "exchange_return.update" : "exchange_return.draft",
        objectType: "exchange_return",
        objectId: saved.id,
        after: { regime: row.code, state, year, form: `${form.code} v${form.version}` },
      });
      return {
        return: saved,
        errors: validateReturn(form, returnValues, { year, today: today(), regime: view.regime }),
      };
    });
  }

  /** Submits the state's draft: refused, naming the field, while the form refuses it. A correction supersedes the submitted return. */
  async submit(principal: Principal, code: string, state: string, year: number) {
    const { row, view } = await this.regimeToWrite(principal, code, state);
    return this.db.transaction(async (tx) => {
      const versions = await repo.lockVersions(tx, row.code, state, year);
      const draft = versions.find((version) => version.status === "draft");
      if (!draft) throw new InvalidRequestError(msg("exchanges.no_draft", { state, year }), { field: "year" });
      const form = view.forms.find((f) => f.code === draft.formCode && f.version === draft.formVersion) as ExchangeForm;
      const errors = validateReturn(form, draft.values as ReturnValues, { year, today: today(), regime: view.regime });
      // The first refusal, in the reader's language; validating the draft (saveDraft) lists them all.
      const [first] = errors;
      if (first) throw new InvalidRequestError(returnErrorMessage(first), { field: first.field });
      const current = versions.find((version) => version.status === "submitted");
      const submitted = await repo.submitDraft(tx, {
        id: draft.id,
        supersedes: current?.id ?? null,
        firstSubmittedAt: current?.firstSubmittedAt ?? null,
        by: auditActor(principal).actor,
      });
      await appendAudit(tx, {
        ...auditActor(principal),
        organization: row.organizationCode ?? undefined,
        action: current ? "exchange_return.correct" : "exchange_return.submit",
        objectType: "exchange_return",
        objectId: submitted.id,
        after: { regime: row.code, state, year, supersedes: current?.id ?? null },
      });
      // A submitted return of an organisation's regime is kept in its library, labelled.
      if (row.organizationCode !== null)
        await (this.options.labelling ? this.options.labelling(tx) : scheduleLabelling(tx));
      return { return: submitted, corrects: current?.id ?? null };
    });
  }

  /** A state's return for a year with its earlier versions; its draft only to who may write it. */
  async returnOf(principal: Principal, code: string, state: string, year: number) {
    this.checkState(state);
    const { row, view } = await this.loadRegime(code);
    const participants = await this.participants(view, year);
    const readsSubmitted = exchangesPolicy.readSubmitted(principal, scopeOf(row), participants);
    const readsDraft = exchangesPolicy.readDraft(principal, scopeOf(row), state);
    authorize(principal, readsSubmitted || readsDraft, msg("exchanges.reading_returns", { regime: row.code }));
    const versions = (await repo.versionsOf(this.db, row.code, state, year)).filter((version) =>
      version.status === "draft" ? readsDraft : readsSubmitted,
    );
    return {
      regime: row.code,
      state,
      year,
      deadline: deadlineOf(view.regime, year),
      versions,
      abilities: { write: exchangesPolicy.writeReturn(principal, scopeOf(row), state) },
    };
  }

  /** Who took part in the year and whether each submitted on time, late or not at all, as of `at` (today by default). */
  async compliance(
    principal: Principal,
    code: string,
    year: number,
    at?: string,
  ): Promise<Compliance & { deadline: Day; at: Day; year: number; regime: string }> {
    const { row, view } = await this.loadRegime(code);
    const participants = await this.participants(view, year);
    authorize(
      principal,
      exchangesPolicy.readSubmitted(principal, scopeOf(row), participants),
      msg("exchanges.reading_returns", { regime: row.code }),
    );
    const day = at === undefined ? today() : this.dayOf(at);
    const deadline = deadlineOf(view.regime, year);
    const returns = (await repo.submittedReturns(this.db, row.code, { from: year, to: year })).map((r) => ({
      state: r.stateCode,
      submittedAt: isoMoment(r.submittedAt as string),
      firstSubmittedAt: r.firstSubmittedAt === null ? undefined : isoMoment(r.firstSubmittedAt),
    }));
    return { regime: row.code, year, at: day, deadline, ...complianceOf([...participants], returns, deadline, day) };
  }

  /** A state's compliance over the years asked (its record). */
  async record(principal: Principal, code: string, state: string, years: { from: number; to: number }) {
    this.checkState(state);
    checkYears(years);
    const compliances = [];
    for (let year = years.from; year <= years.to; year++)
      compliances.push({ year, compliance: await this.compliance(principal, code, year) });
    return { regime: code, state, ...stateRecord(state, compliances) };
  }

  /** Each submitted return's totals, per capita and share of GDP where it gives them, across states and years. */
  async comparison(principal: Principal, code: string, years: { from: number; to: number }) {
    const { row, view } = await this.loadRegime(code);
    checkYears(years);
    const participants = await this.participants(view, years.to);
    authorize(
      principal,
      exchangesPolicy.readSubmitted(principal, scopeOf(row), participants),
      msg("exchanges.reading_returns", { regime: row.code }),
    );
    const returns = await repo.submittedReturns(this.db, row.code, years);
    return {
      regime: row.code,
      rows: returns.map((r) => {
        const form = view.forms.find((f) => f.code === r.formCode && f.version === r.formVersion) as ExchangeForm;
        const values = r.values as ReturnValues;
        return {
          state: r.stateCode,
          year: r.year,
          currency: values.currency ?? null,
          scale: values.scale ?? 1,
          ...comparisonOf(form, values),
        };
      }),
    };
  }

  /** The reader's delegation's notices (reminders, missing returns recorded), the newest first. */
  async notices(principal: Principal) {
    const state = principal.kind === "account" ? principal.account.delegationState : null;
    authorize(principal, state !== null, msg("exchanges.reading"));
    return { state, notices: await repo.noticesOf(this.db, state as string, 50) };
  }

  /**
   * What the daily job does on `day`: reminds, REMINDER_DAYS before each regime's next deadline,
   * the participants that have not submitted; and, once a deadline has passed, records the
   * participants whose return was missing on it. Each state is told each thing once (audited).
   */
  async remindAndRecord(tx: Transaction, day: Day): Promise<{ reminded: number; recorded: number }> {
    let reminded = 0;
    let recorded = 0;
    for (const row of await repo.listRegimes(tx)) {
      const view = this.viewOf(row, []);
      const next = nextDeadline(view.regime, day);
      const daysLeft = Math.round((Date.parse(next.due) - Date.parse(day)) / 86_400_000);
      const threshold = [...REMINDER_DAYS].sort((a, b) => a - b).find((days) => daysLeft <= days);
      if (threshold !== undefined) {
        const participants = await this.participants(view, next.year, tx);
        const done = await repo.submittedBy(tx, row.code, next.year, day);
        const told = await repo.insertNotices(
          tx,
          { regimeCode: row.code, year: next.year, kind: "exchanges.reminder", daysBefore: threshold, due: next.due },
          [...participants].filter((state) => !done.has(state)),
        );
        reminded += told.length;
        if (told.length > 0) await this.auditNotices(tx, row, next.year, "exchange_notice.remind", told);
      }
      const passed = next.year - 1;
      if (passed >= view.regime.firstYear) {
        const due = deadlineOf(view.regime, passed);
        const participants = await this.participants(view, passed, tx);
        const done = await repo.submittedBy(tx, row.code, passed, due);
        const missing = await repo.insertNotices(
          tx,
          { regimeCode: row.code, year: passed, kind: "exchanges.missing", daysBefore: 0, due },
          [...participants].filter((state) => !done.has(state)),
        );
        recorded += missing.length;
        if (missing.length > 0) await this.auditNotices(tx, row, passed, "exchange_notice.missing", missing);
      }
    }
    return { reminded, recorded };
  }

  jobHandlers(): JobHandlers {
    return {
      [DAILY_JOB]: async (tx) => {
        const now = await databaseNow(tx);
        await this.remindAndRecord(tx, today(now));
        await scheduleDailyExchanges(tx, now);
      },
    };
  }

  private async auditNotices(
    tx: Transaction,
    row: repo.RegimeRow,
    year: number,
    action: "exchange_notice.remind" | "exchange_notice.missing",
    states: string[],
  ): Promise<void> {
    await appendAudit(tx, {
      ...auditActor({ kind: "system", name: "scheduler", organization: row.organizationCode ?? undefined }),
      action,
      objectType: "exchange_regime",
      objectId: row.code,
      details: { year, states },
    });
  }

  // ------------------------------------------------------------------------------ helpers

  /** The regime with its forms, or NotFoundError. */
  private async loadRegime(code: string): Promise<{ row: repo.RegimeRow; view: RegimeView }> {
    const row = await this.requireRegime(code);
    return { row, view: this.viewOf(row, await repo.formsOf(this.db, row.code)) };
  }

  /** The regime, once the principal is known to write `state`'s return under it. */
  private async regimeToWrite(principal: Principal, code: string, state: string) {
    const row = await this.requireRegime(code);
    this.checkState(state);
    authorize(
      principal,
      exchangesPolicy.writeReturn(principal, scopeOf(row), state),
      msg("exchanges.writing_return", { state }),
    );
    return { row, view: this.viewOf(row, await repo.formsOf(this.db, row.code)) };
  }

  private async requireRegime(code: string): Promise<repo.RegimeRow> {
    const row = CODE.test(code) ? await repo.findRegime(this.db, code) : undefined;
    if (!row) throw new NotFoundError(msg("exchanges.regime_not_found", { code }));
    return row;
  }

  private viewOf(row: repo.RegimeRow, forms: repo.FormRow[]): RegimeView {
    return {
      regime: row.definition as unknown as ExchangeRegime,
      organization: row.organizationCode,
      restricted: row.restricted,
      forms: forms.map((form) => form.definition as unknown as ExchangeForm),
    };
  }

  /** The form asked for, in force for the year; without one, the regime's first form code that has a version for it. */
  private formOf(view: RegimeView, year: number, asked?: unknown): ExchangeForm {
    if (!Number.isInteger(year) || year < 1900 || year > 2200)
      throw new InvalidRequestError(msg("exchanges.return.year_invalid", { year }), { field: "year" });
    if (asked !== undefined) {
      const form = typeof asked === "string" ? formFor(view.forms, asked, year) : undefined;
      if (!form)
        throw new InvalidRequestError(
          msg("exchanges.form_not_in_force", { form: String(asked).slice(0, 60), regime: view.regime.code, year }),
          { field: "form" },
        );
      return form;
    }
    for (const code of [...new Set(view.forms.map((form) => form.code))]) {
      const form = formFor(view.forms, code, year);
      if (form) return form;
    }
    throw new InvalidRequestError(msg("exchanges.no_form_for_year", { regime: view.regime.code, year }), {
      field: "year",
    });
  }

  /** The states taking part in the year: the registry's members of the organisation on the deadline day, or every state. */
  private async participants(
    view: RegimeView,
    year: number,
    db: Pick<Database, "execute"> = this.db,
  ): Promise<Set<string>> {
    if (!Number.isInteger(year) || year < 1900 || year > 2200)
      throw new InvalidRequestError(msg("exchanges.return.year_invalid", { year }), { field: "year" });
    const participants = view.regime.participants;
    if (participants.kind === "all-states") return new Set(await repo.allStates(db));
    if (participants.kind === "states") return new Set(participants.states);
    return new Set(await repo.membersOn(db, participants.organisation, deadlineOf(view.regime, year)));
  }

  private async requireParticipant(view: RegimeView, state: string, year: number): Promise<void> {
    if (!(await this.participants(view, year)).has(state))
      throw new InvalidRequestError(msg("exchanges.not_a_participant", { state, regime: view.regime.code, year }), {
        field: "state",
      });
  }

  private checkState(state: string): void {
    if (!STATE.test(state))
      throw new InvalidRequestError(msg("disputes.party_format", { got: state }), { field: "state" });
  }

  private dayOf(text: string): Day {
    if (!isDay(text)) throw new InvalidRequestError(msg("disputes.day_format", { got: text }), { field: "at" });
    return text;
  }
}

/** PostgreSQL's timestamptz text (`2026-12-06 23:31:59.581106+00`) as ISO 8601, which the domain reads. */
function isoMoment(text: string): string {
  return new Date(text.replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00")).toISOString();
}

/** A span of reporting years: whole years, `from` first, at most 50 of them. */
function checkYears(years: { from: number; to: number }): void {
  for (const field of ["from", "to"] as const)
    if (!Number.isInteger(years[field]) || years[field] < 1900 || years[field] > 2200)
      throw new InvalidRequestError(msg("disputes.year_range", { first: 1900, last: 2200 }), { field });
  if (years.to < years.from)
    throw new InvalidRequestError(msg("disputes.to_before_from", { from: years.from }), { field: "to" });
  if (years.to - years.from >= 50)
    throw new InvalidRequestError(msg("exchanges.years_span", { maximum: 50 }), { field: "to" });
}

/** What the reader may do under a regime, for the UI (never re-deciding the policy): whose return it writes, if any. */
function abilitiesOf(principal: Principal, row: repo.RegimeRow): { writeReturnFor: string | null } {
  const state = principal.kind === "account" ? principal.account.delegationState : null;
  return {
    writeReturnFor: state !== null && exchangesPolicy.writeReturn(principal, scopeOf(row), state) ? state : null,
  };
}

function scopeOf(row: repo.RegimeRow): ExchangeScope {
  return { organization: row.organizationCode, restricted: row.restricted };
}

/** A return's values as stored: an object with `fields`; anything else is refused before the form is asked. */
function readValues(values: unknown): ReturnValues {
  if (
    typeof values !== "object" ||
    values === null ||
    Array.isArray(values) ||
    typeof (values as { fields?: unknown }).fields !== "object" ||
    (values as { fields?: unknown }).fields === null ||
    Array.isArray((values as { fields?: unknown }).fields)
  )
    throw new InvalidRequestError(msg("exchanges.values_shape"), { field: "values" });
  // The table keeps at most 256 KiB of a return; a form's fields take a small part of it.
  if (JSON.stringify(values).length > MAX_VALUES_LENGTH)
    throw new InvalidRequestError(msg("exchanges.values_too_large", { maximum: MAX_VALUES_LENGTH }), {
      field: "values",
    });
  return values as ReturnValues;
}
