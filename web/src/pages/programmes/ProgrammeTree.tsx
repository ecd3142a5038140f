import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { IndicatorChart, type ChartPeriod } from "../../components/IndicatorChart.tsx";
import { Link } from "../../components/Link.tsx";
import { useProgrammeText, type ProgrammeText } from "../../i18n/programmes/index.ts";
import type { ApiError } from "../../lib/api.ts";
import type { Lang } from "../../i18n/index.ts";
import { href } from "../../lib/router.ts";
import {
  activitiesByYear,
  activityTypeText,
  areaText,
  formatNumber,
  formatQuantity,
  numberOf,
  periodLabel,
  periodText,
} from "./logic.ts";
import { AddIndicator, IndicatorActions } from "./IndicatorForms.tsx";
import { ReportForm } from "./ResultsForms.tsx";
import { Citation, ProgressMeter } from "./shared.tsx";
import type { Goal, Indicator, IndicatorPeriod, Objective, ProgrammeDetail, ResultsResponse, Update } from "./types.ts";

/** Objectives → goals → activities, each goal with its progress and its indicators' charts. */
export function ProgrammeTree({
  programme,
  tree,
  results,
  resultsError,
  updates,
  accountId,
  onChanged,
  editButton,
}: {
  programme: ProgrammeDetail;
  tree: Objective[];
  results: ResultsResponse | undefined;
  resultsError: ApiError | undefined;
  updates: Update[];
  accountId: string;
  onChanged: () => void;
  editButton: ComponentChildren;
}) {
  const { t, lang } = useProgrammeText();
  return (
    <section class="prog-tree" aria-labelledby="tree-heading" data-testid="programme-tree">
      <div class="section-heading prog-section-heading">
        <h2 id="tree-heading">{t.treeHeading}</h2>
        {editButton}
      </div>
      <p class="hint">{t.treeIntro}</p>
      {resultsError && resultsError.status !== 404 && resultsError.status !== 403 && (
        <p class="hint prog-results-error" role="status">
          {t.resultsUnavailable} {resultsError.message}
        </p>
      )}
      {tree.length === 0 ? (
        <p class="empty">{t.emptyTree}</p>
      ) : (
        <ol class="prog-objectives">
          {tree.map((objective) => (
            <li key={objective.id} class="card prog-objective" data-objective={objective.ref}>
              <div class="prog-node-head">
                <span class="prog-ref" aria-hidden="true">
                  {objective.ref}
                </span>
                <h3>
                  <span class="visually-hidden">{t.objectiveRef(objective.ref)} </span>
                  {objective.title}
                </h3>
              </div>
              <p class="prog-node-meta">
                <span class="prog-level">{t.objective}</span>
                {objective.area && <span class="chip">{areaText(objective.area, lang)}</span>}
              </p>
              {objective.description && <p class="prog-description">{objective.description}</p>}
              <Citation source={objective.source} quote={objective.quote} />
              {objective.goals.length === 0 ? (
                <p class="muted">{t.noGoals}</p>
              ) : (
                <ol class="prog-goals">
                  {objective.goals.map((goal) => (
                    <GoalItem
                      key={goal.id}
                      goal={goal}
                      programme={programme}
                      indicators={results?.indicators.filter((indicator) => indicator.goalRef === goal.ref)}
                      allIndicators={results?.indicators}
                      updates={updates}
                      accountId={accountId}
                      onChanged={onChanged}
                    />
                  ))}
                </ol>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function GoalItem({
  goal,
  programme,
  indicators,
  allIndicators,
  updates,
  accountId,
  onChanged,
}: {
  goal: Goal;
  programme: ProgrammeDetail;
  indicators: Indicator[] | undefined;
  /** The programme's indicators, every goal's (undefined until the results arrive). */
  allIndicators: Indicator[] | undefined;
  updates: Update[];
  accountId: string;
  onChanged: () => void;
}) {
  const { t, lang } = useProgrammeText();
  const years = activitiesByYear(goal.activities);
  // The secretariat defines indicators once it knows the programme's (their refs, their reporters).
  const manage = programme.abilities.manageResults && allIndicators !== undefined;
  return (
    <li class="prog-goal" data-goal={goal.ref}>
      <div class="prog-node-head">
        <span class="prog-ref" aria-hidden="true">
          {goal.ref}
        </span>
        <h4>
          <span class="visually-hidden">{t.goalRef(goal.ref)} </span>
          {goal.title}
        </h4>
      </div>
      <div class="prog-goal-progress">
        <span class="prog-level">{t.goalProgress}</span>
        <ProgressMeter share={goal.progress} testId="goal-progress" />
      </div>
      {goal.description && <p class="prog-description">{goal.description}</p>}
      <Citation source={goal.source} quote={goal.quote} />

      {((indicators && indicators.length > 0) || manage) && (
        <div class="prog-indicators">
          <h5>{t.indicatorsHeading}</h5>
          {indicators?.length === 0 && <p class="muted">{t.noIndicators}</p>}
          {indicators?.map((indicator) => (
            <IndicatorBlock
              key={indicator.id}
              indicator={indicator}
              programme={programme}
              allIndicators={allIndicators ?? []}
              updates={updates.filter((u) => String(u.indicatorId) === String(indicator.id))}
              accountId={accountId}
              onChanged={onChanged}
            />
          ))}
          {manage && (
            <AddIndicator programme={programme} goal={goal} indicators={allIndicators ?? []} onChanged={onChanged} />
          )}
        </div>
      )}

      <div class="prog-activities">
        <h5>{t.activities}</h5>
        {years.length === 0 ? (
          <p class="muted">{t.noActivities}</p>
        ) : (
          years.map(([year, activities]) => (
            <div class="prog-year" key={year}>
              <h6 class="prog-year-heading">{year}</h6>
              <ul class="prog-activity-list">
                {activities.map((activity) => (
                  <li key={activity.id} data-activity={activity.ref}>
                    <span class="prog-activity-title">
                      <span class="prog-ref prog-ref-small">{activity.ref}</span> {activity.title}
                    </span>
                    <span class="prog-activity-meta">
                      {activity.menuItem ? (
                        <>
                          <Link
                            href={href("/menu", { q: activity.menuItem.code })}
                            aria-label={t.menuItemLink(activity.menuItem.code)}
                          >
                            <code>{activity.menuItem.code}</code>
                          </Link>
                          <span class="muted">{activityTypeText(activity.menuItem.type, lang)}</span>
                        </>
                      ) : (
                        <span class="muted">{t.bespoke}</span>
                      )}
                    </span>
                    {activity.description && <p class="prog-description small-note">{activity.description}</p>}
                    <Citation source={activity.source} quote={activity.quote} />
                  </li>
                ))}
              </ul>
            </div>
          ))
        )}
      </div>
    </li>
  );
}

/** The words a screen reader hears for an indicator's chart: every figure, in order. */
export function chartDescription(indicator: Indicator, t: ProgrammeText, lang: Lang): string {
  const sentences: string[] = [];
  const baseline = indicator.baseline;
  const baselineText = formatQuantity(baseline, indicator.measure, lang);
  if (baseline && baselineText) sentences.push(t.chartBaseline(baseline.year, baselineText));
  for (const period of indicator.periods) {
    const label = periodText(period, lang);
    const target = formatQuantity(period.target, indicator.measure, lang);
    const actual = formatQuantity(period.actual, indicator.measure, lang);
    sentences.push(t.chartPeriod(label, target, actual));
  }
  sentences.push(indicator.ascending ? t.higherIsBetter : t.lowerIsBetter);
  return sentences.join(" ");
}

function IndicatorBlock({
  indicator,
  programme,
  allIndicators,
  updates,
  accountId,
  onChanged,
}: {
  indicator: Indicator;
  programme: ProgrammeDetail;
  allIndicators: Indicator[];
  updates: Update[];
  accountId: string;
  onChanged: () => void;
}) {
  const { t, lang } = useProgrammeText();
  const [reporting, setReporting] = useState<string | null>(null);
  const canReport = indicator.reporters.some((r) => r.id === accountId) || programme.abilities.manageResults;
  const numeric = indicator.measure !== "qualitative";
  const baseline = indicator.baseline;
  const periods: ChartPeriod[] = indicator.periods.map((period) => ({
    key: String(period.id),
    label: periodLabel(period.start, period.end, lang),
    // The table names a period as briefly as the axis does ("2026"; "Jan 2026 – Jun 2026").
    longLabel: periodLabel(period.start, period.end, lang).join(" – "),
    target: numberOf(period.target),
    targetText: formatQuantity(period.target, indicator.measure, lang),
    actual: numberOf(period.actual),
    actualText: formatQuantity(period.actual, indicator.measure, lang),
    narrative: period.actual?.narrative ?? null,
  }));
  const returned = updates.filter((u) => u.status === "returned" && createdBy(u) === accountId);
  return (
    <div class="prog-indicator" data-indicator={indicator.ref}>
      <IndicatorChart
        id={`indicator-${indicator.id}`}
        title={`${indicator.ref} · ${indicator.title}`}
        description={chartDescription(indicator, t, lang)}
        percentage={indicator.measure === "percentage"}
        ascending={indicator.ascending}
        numeric={numeric}
        baseline={
          baseline && (baseline.year !== null || numberOf(baseline) !== null)
            ? {
                label: t.baselineLabel(baseline.year),
                value: numberOf(baseline),
                text: formatQuantity(baseline, indicator.measure, lang),
              }
            : null
        }
        periods={periods}
        formatValue={(value) => formatNumber(value, lang, indicator.measure)}
        labels={{
          baseline: t.baseline,
          target: t.target,
          actual: t.actual,
          period: t.periodColumn,
          narrative: t.narrative,
          direction: indicator.ascending ? t.higherIsBetter : t.lowerIsBetter,
          showTable: t.showTable,
          none: t.none,
          noActual: t.noActual,
        }}
      />
      <p class="small-note muted prog-indicator-meta">
        {t.measureName[indicator.measure]}
        {indicator.reporters.length > 0 && ` · ${t.reportedBy(indicator.reporters.map((r) => r.name).join(", "))}`}
      </p>
      {returned.map((update) => (
        <p key={update.id} class="prog-returned" role="status">
          <strong>{t.returnedForRevision}</strong> {update.reviewComment}
        </p>
      ))}
      {canReport && (
        <ul class="prog-report-periods" aria-label={t.reportPeriodsLabel(indicator.ref)}>
          {indicator.periods.map((period) => (
            <PeriodRow
              key={period.id}
              period={period}
              indicator={indicator}
              open={reporting === String(period.id)}
              onOpen={() => setReporting(String(period.id))}
              onClose={() => setReporting(null)}
              onDone={() => {
                setReporting(null);
                onChanged();
              }}
            />
          ))}
        </ul>
      )}
      {programme.abilities.manageResults && (
        <IndicatorActions
          programme={programme}
          indicator={indicator}
          indicators={allIndicators}
          onChanged={onChanged}
        />
      )}
    </div>
  );
}

function createdBy(update: Update): string | null {
  const by = update.createdBy;
  return by === null ? null : typeof by === "string" ? by : by.id;
}

function PeriodRow({
  period,
  indicator,
  open,
  onOpen,
  onClose,
  onDone,
}: {
  period: IndicatorPeriod;
  indicator: Indicator;
  open: boolean;
  onOpen: () => void;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, lang } = useProgrammeText();
  const label = periodLabel(period.start, period.end, lang).join(" – ");
  const waiting = period.updates.pendingApproval;
  return (
    <li class="prog-report-period" data-period={period.id}>
      <div class="prog-report-row">
        <span>
          <span class="prog-report-label">{label}</span>
          {period.locked && <span class="prog-tag">{t.locked}</span>}
          {waiting > 0 && <span class="prog-tag prog-tag-waiting">{t.waitingCount(waiting)}</span>}
        </span>
        {!period.locked && !open && (
          <button
            type="button"
            class="button button-small"
            aria-label={t.reportProgressFor(indicator.ref, label)}
            onClick={onOpen}
          >
            {t.reportProgress}
          </button>
        )}
      </div>
      {open && <ReportForm indicator={indicator} period={period} onDone={onDone} onCancel={onClose} />}
    </li>
  );
}
