/**
 * A delegation's cooperation dashboard ("our programme"): its programmes with their progress,
 * the results it owes (missing, late, returned for revision, waiting for the secretariat), the
 * events it may attend next, its own nominations and the reader's daily digests. Composed from
 * the services that own each part, asked as the reader, so each part's own rules apply; the
 * dashboard adds only who may have one (cooperationPolicy.readDashboard).
 */
import type { Database } from "../../db/client.ts";
import { databaseNow } from "../../db/repositories/clock.ts";
import type { Titles } from "../../db/repositories/results.ts";
import { addDays, today } from "../../domain/dates.ts";
import { msg } from "../../domain/messages/index.ts";
import { authorize, cooperationPolicy, type Principal } from "../policies.ts";
import type { EventsService, EventView, StateNominationRow } from "./events.ts";
import type { ProgrammeSummaryView, ProgrammesService } from "./programmes.ts";
import type { DigestRow, ResultsService } from "./results.ts";

/** How far ahead the dashboard looks for events, and how many it shows. */
export const DASHBOARD_EVENT_DAYS = 180;
export const DASHBOARD_EVENTS = 10;
export const DASHBOARD_NOMINATIONS = 50;

/** A result owed or waiting: which programme, indicator and period, and for an update, which one and what was said. */
export type DueView = {
  programmeId: number;
  indicatorId: number;
  indicatorRef: string;
  indicatorTitles: Titles | null;
  periodId: number;
  periodEnd: string | null;
  updateId: number | null;
  comment: string | null;
};

export type DashboardView = {
  organization: string;
  state: string;
  today: string;
  programmes: ProgrammeSummaryView[];
  results: { missing: DueView[]; late: DueView[]; returned: DueView[]; awaitingApproval: DueView[] };
  events: EventView[];
  nominations: StateNominationRow[];
  digests: DigestRow[];
};

export class DashboardService {
  constructor(
    private readonly db: Database,
    private readonly parts: {
      programmes: Pick<ProgrammesService, "list">;
      results: Pick<ResultsService, "results" | "updates" | "digests">;
      events: Pick<EventsService, "list" | "ownNominations">;
    },
  ) {}

  async dashboard(principal: Principal): Promise<DashboardView> {
    authorize(principal, cooperationPolicy.readDashboard(principal), msg("dashboard.activity_reading"));
    if (principal.kind !== "account" || principal.account.delegationState === null)
      throw new Error("readDashboard allowed a reader without a delegation");
    const organization = principal.account.organizationCode;
    const state = principal.account.delegationState;
    const day = today(await databaseNow(this.db));

    const programmes = (await this.parts.programmes.list(principal, { organization, partner: state })).filter(
      (view) => view.whole,
    );
    const results = { missing: [], late: [], returned: [], awaitingApproval: [] } as DashboardView["results"];
    for (const { programme } of programmes) {
      const [view, updates] = await Promise.all([
        this.parts.results.results(principal, programme.id),
        this.parts.results.updates(principal, programme.id),
      ]);
      const titles = new Map(view.indicators.map((indicator) => [indicator.id, indicator.titles]));
      const periodEnds = new Map(
        view.indicators.flatMap((indicator) => indicator.periods.map((period) => [period.id, period.end] as const)),
      );
      const due = (entry: { indicatorId: number; indicatorRef: string; periodId: number }): DueView => ({
        programmeId: programme.id,
        indicatorId: entry.indicatorId,
        indicatorRef: entry.indicatorRef,
        indicatorTitles: titles.get(entry.indicatorId) ?? null,
        periodId: entry.periodId,
        periodEnd: periodEnds.get(entry.periodId) ?? null,
        updateId: null,
        comment: null,
      });
      results.missing.push(...view.overview.missing.map(due));
      results.late.push(...view.overview.late.map(due));
      results.awaitingApproval.push(
        ...view.overview.awaitingApproval.map((waiting) => ({ ...due(waiting), updateId: waiting.updateId })),
      );
      const refs = new Map(view.indicators.map((indicator) => [indicator.id, indicator.ref]));
      results.returned.push(
        ...updates
          .filter((update) => update.status === "returned")
          .map((update) => ({
            ...due({
              indicatorId: update.indicatorId,
              indicatorRef: refs.get(update.indicatorId) ?? "",
              periodId: update.periodId,
            }),
            updateId: update.id,
            comment: update.reviewComment,
          })),
      );
    }

    const upcoming = await this.parts.events.list(principal, {
      organization,
      from: day,
      to: addDays(day, DASHBOARD_EVENT_DAYS),
      limit: 200,
    });
    const events = upcoming.events
      .filter((event) => event.eligible === true && (event.status === "approved" || event.status === "confirmed"))
      .slice(0, DASHBOARD_EVENTS);

    const nominations = await this.parts.events.ownNominations(principal, { from: day, limit: DASHBOARD_NOMINATIONS });

    return {
      organization,
      state,
      today: day,
      programmes,
      results,
      events,
      nominations,
      digests: await this.parts.results.digests(principal),
    };
  }
}
