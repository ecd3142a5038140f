import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { valueAxis } from "../../components/IndicatorChart.tsx";
import { useExchangeText } from "../../i18n/exchanges/index.ts";
import { intlLocale } from "../../lib/dates.ts";
import { barGroups, type Metric } from "./logic.ts";
import { formatMoney, formatPercent, type Names } from "./shared.tsx";
import type { ComparisonRow } from "./types.ts";

/**
 * One measure of the submitted returns as horizontal bars, a bar per state and year: shares of
 * GDP on one scale, money on one scale per currency (a heading for each). Drawn at the width it is
 * given, so its words stay legible on a phone (labels above the bars there); a title and a
 * sentence with every figure for screen readers, and the table beside it says the same.
 */
export function ComparisonChart({
  rows,
  metric,
  from,
  to,
  names,
}: {
  rows: ComparisonRow[];
  metric: Metric;
  from: number;
  to: number;
  names: Names;
}) {
  const { t, lang } = useExchangeText();
  const frame = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(640);
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

  const groups = barGroups(rows, metric, (a, b) => names.compare(a.state, b.state) || a.year - b.year);
  const format = (value: number, currency: string | null) =>
    metric === "shareOfGdp" ? formatPercent(value * 100, lang) : formatMoney(value, currency, lang, true);
  const missing = rows
    .filter((row) => typeof row[metric] !== "number")
    .map((row) => `${names.state(row.state)} ${row.year}`);
  const title = t.chartTitle(t.metrics[metric], from, to);
  const items = groups
    .flatMap((group) => group.bars)
    .map((bar) => t.barText(names.state(bar.row.state), bar.row.year, format(bar.value, bar.row.currency)))
    .join("; ");
  const description = t.chartDescription(t.metrics[metric], items);
  const id = "comparison-chart";

  const narrow = width < 480;
  const fontSize = narrow ? 12 : 13;
  const labelWidth = narrow ? 0 : Math.min(220, Math.round(width * 0.32));
  const valueWidth = narrow ? 84 : 110;
  const barHeight = narrow ? 14 : 16;
  const rowHeight = narrow ? barHeight + fontSize + 12 : 28;
  const headingHeight = 26;
  const axisHeight = fontSize + 8;
  const showHeadings = metric !== "shareOfGdp";
  const plotLeft = labelWidth + (narrow ? 0 : 8);
  const plotWidth = Math.max(40, width - plotLeft - valueWidth);

  let y = 4;
  const drawn = groups.map((group) => {
    const top = y;
    if (showHeadings) y += headingHeight;
    // A scale from zero to a round number above the largest bar, its ticks labelled above the bars.
    const axis = valueAxis(
      group.bars.map((bar) => Math.abs(bar.value)),
      false,
    );
    const max = axis.max || 1;
    const ticks = axis.ticks
      .filter((tick) => tick >= 0)
      .map((tick) => ({ tick, x: plotLeft + (tick / max) * plotWidth }));
    const axisTop = y;
    y += axisHeight;
    const barsTop = y;
    const bars = group.bars.map((bar) => {
      const rowTop = y;
      y += rowHeight;
      return { ...bar, top: rowTop, length: Math.max(1, (Math.abs(bar.value) / max) * plotWidth) };
    });
    const bottom = y;
    y += 6;
    return { group, top, bars, ticks, axisTop, barsTop, bottom };
  });
  const height = Math.max(y, 40);

  return (
    <figure class="xc-chart" aria-labelledby={`${id}-title`} data-testid="comparison-chart" data-metric={metric}>
      <figcaption id={`${id}-title`} class="xc-chart-title">
        {title}
      </figcaption>
      <div class="xc-chart-frame" ref={frame}>
        {groups.length > 0 && (
          <svg
            class="xc-chart-svg"
            width={width}
            height={height}
            viewBox={`0 0 ${width} ${height}`}
            role="img"
            aria-labelledby={`${id}-svg-title ${id}-desc`}
            font-size={fontSize}
          >
            <title id={`${id}-svg-title`}>{title}</title>
            <desc id={`${id}-desc`}>{description}</desc>
            {drawn.map(({ group, top, bars, ticks, axisTop, barsTop, bottom }) => (
              <g key={group.currency ?? "all"} class="xc-chart-group" data-currency={group.currency ?? ""}>
                {showHeadings && (
                  <text class="xc-chart-heading" x={0} y={top + headingHeight - 9}>
                    {group.currency ? t.inCurrency(group.currency) : t.noCurrency}
                  </text>
                )}
                {ticks.map(({ tick, x }, index) => (
                  <g key={tick} class="xc-chart-grid">
                    <line x1={x} x2={x} y1={barsTop - 2} y2={bottom} />
                    {(!narrow || index % 2 === 0) && (
                      <text
                        x={x}
                        y={axisTop + fontSize}
                        text-anchor={index === 0 ? "start" : x > width - 30 ? "end" : "middle"}
                      >
                        {format(tick, group.currency)}
                      </text>
                    )}
                  </g>
                ))}
                {bars.map((bar) => {
                  const label = `${names.state(bar.row.state)} ${bar.row.year}`;
                  const barTop = narrow ? bar.top + fontSize + 4 : bar.top + (rowHeight - barHeight) / 2;
                  return (
                    <g
                      key={`${bar.row.state}:${bar.row.year}`}
                      class="xc-chart-bar"
                      data-state={bar.row.state}
                      data-year={bar.row.year}
                    >
                      <text
                        class="xc-chart-label"
                        x={narrow ? 0 : labelWidth}
                        y={narrow ? bar.top + fontSize : barTop + barHeight / 2}
                        dy={narrow ? 0 : "0.35em"}
                        text-anchor={narrow ? "start" : "end"}
                      >
                        {label}
                      </text>
                      <rect
                        class={`xc-chart-rect${bar.value < 0 ? " is-negative" : ""}`}
                        x={plotLeft}
                        y={barTop}
                        width={bar.length}
                        height={barHeight}
                        rx={2}
                      />
                      <text class="xc-chart-value" x={plotLeft + bar.length + 6} y={barTop + barHeight / 2} dy="0.35em">
                        {format(bar.value, bar.row.currency)}
                      </text>
                    </g>
                  );
                })}
              </g>
            ))}
          </svg>
        )}
      </div>
      {missing.length > 0 && (
        <p class="hint">
          {t.notShownFor(new Intl.ListFormat(intlLocale(lang), { type: "conjunction" }).format(missing))}
        </p>
      )}
    </figure>
  );
}
