import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import "./IndicatorChart.css";

/** One reporting period as the chart draws it: numbers to draw, and the words to read. */
export interface ChartPeriod {
  key: string;
  /** The axis label, one or two short lines ("2024"; "Jan 2024", "Jun 2024"). */
  label: string[];
  /** The period's name in the table ("2024"; "Jan 2024 – Jun 2024"). */
  longLabel: string;
  target: number | null;
  targetText: string | null;
  actual: number | null;
  actualText: string | null;
  narrative: string | null;
}

export interface ChartLabels {
  baseline: string;
  target: string;
  actual: string;
  period: string;
  narrative: string;
  /** "Higher is better" or "Lower is better", for this indicator. */
  direction: string;
  /** What the table is for ("Figures as a table"). */
  showTable: string;
  /** A missing number in the table ("—"). */
  none: string;
  /** A period with no actual yet, in the table. */
  noActual: string;
}

/**
 * An indicator's baseline, targets and actuals per period, drawn to be read at a glance: actuals
 * as bars, each period's target as a line across its bar, the baseline as a grey bar and a dashed
 * line through the whole chart. For everyone else the same figures: a title, a sentence saying
 * it all (`description`), and a table. Drawn at the width it is given (a ResizeObserver), so its
 * words stay legible on a phone; no library.
 */
export function IndicatorChart({
  id,
  title,
  description,
  percentage,
  ascending,
  baseline,
  periods,
  labels,
  formatValue,
  numeric = true,
}: {
  id: string;
  title: string;
  /** One or two sentences with every figure: what a screen reader says for the picture. */
  description: string;
  percentage: boolean;
  ascending: boolean;
  baseline: { label: string; value: number | null; text: string | null } | null;
  periods: ChartPeriod[];
  labels: ChartLabels;
  /** An axis or bar value in the reader's notation (a percentage with its sign). */
  formatValue: (value: number) => string;
  /** False for words-only indicators (qualitative): no picture, the table alone. */
  numeric?: boolean;
}) {
  const frame = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(560);
  useLayoutEffect(() => {
    const element = frame.current;
    if (element?.clientWidth) setWidth(element.clientWidth);
  }, []);
  useEffect(() => {
    const element = frame.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver((entries) => {
      const next = Math.round(entries[0]?.contentRect.width ?? 0);
      if (next > 0) setWidth(next);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const drawable = numeric && (periods.some((p) => p.target !== null || p.actual !== null) || baseline?.value != null);
  const hasNarrative = periods.some((p) => p.narrative);
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;

  return (
    <figure class="indicator-chart" data-testid="indicator-chart" aria-labelledby={titleId}>
      <figcaption id={titleId} class="indicator-chart-title">
        {title}
      </figcaption>
      {drawable && (
        <>
          <ul class="indicator-chart-legend">
            <li>
              <span class="legend-key key-actual" aria-hidden="true" />
              {labels.actual}
            </li>
            <li>
              <span class="legend-key key-target" aria-hidden="true" />
              {labels.target}
            </li>
            {baseline?.value != null && (
              <li>
                <span class="legend-key key-baseline" aria-hidden="true" />
                {labels.baseline}
              </li>
            )}
            <li class="legend-direction">
              <span aria-hidden="true">{ascending ? "↑ " : "↓ "}</span>
              {labels.direction}
            </li>
          </ul>
          <div class="indicator-chart-frame" ref={frame}>
            <Plot
              width={width}
              titleId={titleId}
              descId={descId}
              title={title}
              description={description}
              percentage={percentage}
              baseline={baseline}
              periods={periods}
              labels={labels}
              formatValue={formatValue}
            />
          </div>
        </>
      )}
      {!drawable && (
        <p id={descId} class="visually-hidden">
          {description}
        </p>
      )}
      <details class="indicator-chart-table" open={!drawable}>
        <summary>{labels.showTable}</summary>
        <div class="table-wrap">
          <table class="data-table" data-testid="indicator-table">
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{labels.period}</th>
                {numeric && <th scope="col">{labels.target}</th>}
                {numeric && <th scope="col">{labels.actual}</th>}
                {(hasNarrative || !numeric) && <th scope="col">{labels.narrative}</th>}
              </tr>
            </thead>
            <tbody>
              {baseline && (
                // The baseline is a value measured before the programme: under "actual", with no target.
                <tr data-row="baseline">
                  <th scope="row">{baseline.label}</th>
                  {numeric && <td data-cell="target">{labels.none}</td>}
                  {numeric && <td data-cell="actual">{baseline.text ?? labels.none}</td>}
                  {(hasNarrative || !numeric) && (
                    <td data-cell="narrative">{numeric ? labels.none : (baseline.text ?? labels.none)}</td>
                  )}
                </tr>
              )}
              {periods.map((period) => (
                <tr key={period.key} data-row={period.key}>
                  <th scope="row">{period.longLabel}</th>
                  {numeric && <td data-cell="target">{period.targetText ?? labels.none}</td>}
                  {numeric && <td data-cell="actual">{period.actualText ?? labels.noActual}</td>}
                  {(hasNarrative || !numeric) && <td data-cell="narrative">{period.narrative ?? labels.none}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

/** A round step for about `count` gridlines over `span`: 1, 2, 2.5 or 5 times a power of ten. */
export function niceStep(span: number, count = 4): number {
  if (!(span > 0)) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((candidate) => candidate >= raw);
  return step ?? 10 * power;
}

/** The value axis: from 0 (or below, for negative values) to a round number above the largest. */
export function valueAxis(
  values: readonly number[],
  percentage: boolean,
): { min: number; max: number; ticks: number[] } {
  const low = Math.min(0, ...values);
  const high = Math.max(percentage ? 100 : 0, ...values);
  const step = niceStep(high - low || 1);
  const min = Math.floor(low / step) * step;
  let max = Math.ceil(high / step) * step;
  if (max === min) max = min + step;
  const ticks: number[] = [];
  for (let tick = min; tick <= max + step / 2; tick += step) ticks.push(Number(tick.toFixed(10)));
  return { min, max, ticks };
}

function Plot({
  width,
  titleId,
  descId,
  title,
  description,
  percentage,
  baseline,
  periods,
  labels,
  formatValue,
}: {
  width: number;
  titleId: string;
  descId: string;
  title: string;
  description: string;
  percentage: boolean;
  baseline: { label: string; value: number | null; text: string | null } | null;
  periods: ChartPeriod[];
  labels: ChartLabels;
  formatValue: (value: number) => string;
}) {
  const narrow = width < 420;
  const height = narrow ? 210 : 240;
  const twoLines = periods.some((p) => p.label.length > 1);
  const margin = { top: 22, right: 10, bottom: twoLines ? 42 : 28, left: narrow ? 40 : 48 };
  const plotWidth = Math.max(60, width - margin.left - margin.right);
  const plotHeight = height - margin.top - margin.bottom;
  const values = [
    ...(baseline?.value != null ? [baseline.value] : []),
    ...periods.flatMap((p) => [p.target, p.actual].filter((v): v is number => v !== null)),
  ];
  const axis = valueAxis(values, percentage);
  const y = (value: number) => margin.top + plotHeight - ((value - axis.min) / (axis.max - axis.min)) * plotHeight;
  const columns: Array<
    { kind: "baseline"; label: string[]; value: number } | { kind: "period"; label: string[]; period: ChartPeriod }
  > = [
    ...(baseline?.value != null
      ? [{ kind: "baseline" as const, label: [labels.baseline], value: baseline.value }]
      : []),
    ...periods.map((period) => ({ kind: "period" as const, label: period.label, period })),
  ];
  const slot = plotWidth / Math.max(1, columns.length);
  const bar = Math.max(10, Math.min(44, slot * 0.42));
  const centre = (index: number) => margin.left + slot * index + slot / 2;
  const zero = y(Math.max(axis.min, Math.min(axis.max, 0)));
  const fontSize = narrow ? 11 : 12;

  return (
    <svg
      class="indicator-chart-svg"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${titleId}-svg ${descId}`}
      font-size={fontSize}
    >
      <title id={`${titleId}-svg`}>{title}</title>
      <desc id={descId}>{description}</desc>
      {axis.ticks.map((tick) => (
        <g key={tick} class="chart-grid">
          <line x1={margin.left} x2={margin.left + plotWidth} y1={y(tick)} y2={y(tick)} />
          <text x={margin.left - 6} y={y(tick)} dy="0.32em" text-anchor="end">
            {formatValue(tick)}
          </text>
        </g>
      ))}
      <line class="chart-axis" x1={margin.left} x2={margin.left + plotWidth} y1={zero} y2={zero} />
      {baseline?.value != null && (
        <line
          class="chart-baseline-line"
          x1={margin.left}
          x2={margin.left + plotWidth}
          y1={y(baseline.value)}
          y2={y(baseline.value)}
        />
      )}
      {columns.map((column, index) => {
        const x = centre(index);
        const labelY = margin.top + plotHeight + fontSize + 6;
        const axisLabel = (
          <text class="chart-label" x={x} y={labelY} text-anchor="middle">
            {column.label.map((line, n) => (
              <tspan x={x} dy={n === 0 ? 0 : fontSize + 2}>
                {line}
              </tspan>
            ))}
          </text>
        );
        if (column.kind === "baseline") {
          const top = y(column.value);
          return (
            <g key="baseline" class="chart-column is-baseline">
              <rect
                class="chart-baseline"
                x={x - bar / 2}
                y={Math.min(top, zero)}
                width={bar}
                height={Math.max(1, Math.abs(zero - top))}
                rx={2}
              />
              <text class="chart-value" x={x} y={Math.min(top, zero) - 5} text-anchor="middle">
                {formatValue(column.value)}
              </text>
              {axisLabel}
            </g>
          );
        }
        const { period } = column;
        const top = period.actual === null ? null : y(period.actual);
        const target = period.target === null ? null : y(period.target);
        // The actual's figure sits above its bar, or above the target's line when that is higher and close.
        const valueY =
          top === null ? null : target !== null && target < top && top - target < fontSize + 4 ? target - 6 : top - 5;
        return (
          <g key={period.key} class="chart-column">
            {top !== null && (
              <rect
                class="chart-actual"
                x={x - bar / 2}
                y={Math.min(top, zero)}
                width={bar}
                height={Math.max(1, Math.abs(zero - top))}
                rx={2}
              />
            )}
            {target !== null && (
              <g class="chart-target">
                <line x1={x - bar / 2 - 7} x2={x + bar / 2 + 7} y1={target} y2={target} />
                <circle cx={x - bar / 2 - 7} cy={target} r={3} />
                <circle cx={x + bar / 2 + 7} cy={target} r={3} />
              </g>
            )}
            {top !== null && period.actual !== null && valueY !== null && (
              <text class="chart-value" x={x} y={Math.max(fontSize, valueY)} text-anchor="middle">
                {formatValue(period.actual)}
              </text>
            )}
            {target !== null && period.target !== null && slot > bar + 70 && (
              <text class="chart-target-value" x={x + bar / 2 + 13} y={target} dy="0.32em">
                {formatValue(period.target)}
              </text>
            )}
            {axisLabel}
          </g>
        );
      })}
    </svg>
  );
}
