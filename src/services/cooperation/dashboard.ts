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
/** A partner's programmes, newest cycle first: more than any partner has had. */
export const DASHBOARD_PROGRAMMES = 20;

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
      results: Pick<ResultsService, "results" | "digests">;
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

    // The parts are independent: asked side by side.
    const [programmes, upcoming, nominations, digests] = await Promise.all([
      this.parts.programmes
        .list(principal, { organization, partner: state, limit: DASHBOARD_PROGRAMMES })
        .then((page) => page.programmes.filter((view) => view.whole)),
      this.parts.events.list(principal, {
        organization,
        from: day,
        to: addDays(day, DASHBOARD_EVENT_DAYS),
        limit: 200,
      }),
      this.parts.events.ownNominations(principal, { from: day, limit: DASHBOARD_NOMINATIONS }),
      this.parts.results.digests(principal),
    ]);
    const owed = await Promise.all(programmes.map(({ programme }) => this.resultsOwed(principal, programme.id)));
    const events = upcoming.events
      .filter((event) => event.eligible === true && (event.status === "approved" || event.status === "confirmed"))
      .slice(0, DASHBOARD_EVENTS);
    return {
      organization,
      state,
      today: day,
      programmes,
      results: {
        missing: owed.flatMap((one) => one.missing),
        late: owed.flatMap((one) => one.late),
        returned: owed.flatMap((one) => one.returned),
        awaitingApproval: owed.flatMap((one) => one.awaitingApproval),
      },
      events,
      nominations,
      digests,
    };
  }

  /** One programme's results missing, late, returned for revision or waiting for approval. */
  private async resultsOwed(principal: Principal, programmeId: number): Promise<DashboardView["results"]> {
    const view = await this.parts.results.results(principal, programmeId);
    const titles = new Map(view.indicators.map((indicator) => [indicator.id, indicator.titles]));
    const refs = new Map(view.indicators.map((indicator) => [indicator.id, indicator.ref]));
    const periodEnds = new Map(
      view.indicators.flatMap((indicator) => indicator.periods.map((period) => [period.id, period.end] as const)),
    );
    const due = (
      entry: { indicatorId: number; periodId: number },
      update?: { id: number; comment: string | null },
    ) => ({
      programmeId,
      indicatorId: entry.indicatorId,
      indicatorRef: refs.get(entry.indicatorId) ?? "",
      indicatorTitles: titles.get(entry.indicatorId) ?? null,
      periodId: entry.periodId,
      periodEnd: periodEnds.get(entry.periodId) ?? null,
      updateId: update?.id ?? null,
      comment: update?.comment ?? null,
    });
    return {
      missing: view.overview.missing.map((entry) => due(entry)),
      late: view.overview.late.map((entry) => due(entry)),
      awaitingApproval: view.overview.awaitingApproval.map((entry) =>
        due(entry, { id: entry.updateId, comment: null }),
      ),
      returned: view.overview.returned.map((entry) => due(entry, { id: entry.updateId, comment: entry.comment })),
    };
  }
}
