import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { HOSTILITY_LEVELS } from "../../../../src/domain/disputes.ts";
import { useDisputeText } from "../../i18n/disputes/index.ts";
import { formatDate } from "../../lib/dates.ts";
import type { Precision } from "../../lib/types.ts";
import { dateSpan, highest, hostilityClass, isHostility, yearTicks } from "./logic.ts";
import { hostilityText } from "./shared.tsx";

/** One state's part in a year of a pair's dispute. */
export type YearLevel = { state: string; level: number | null; action: number | null };
/** A row of the timeline: a pair of states, with its years of dispute. */
export type PairRow = { key: string; label: string; years: Array<{ year: number; levels: YearLevel[] }> };
export type DatedMark = {
  key: string;
  date: string;
  precision: Precision;
  end?: { date: string; precision: Precision } | null;
  text: string;
  hostility?: number | null;
};

type Props = {
  id: string;
  span: {
    start: string;
    startPrecision: Precision;
    end: string | null;
    endPrecision: Precision | null;
    ongoing: boolean;
  };
  /** The last year drawn for a dispute still going on (this year; a MID's last year of data). */
  lastYear: number;
  pairs: PairRow[];
  incidents: DatedMark[];
  stages: DatedMark[];
  dialogues: DatedMark[];
};

const SIDE = 8;
const LABEL = 20;
const TRACK = 26;
const GAP = 12;
const AXIS = 26;

/** The width the chart has, followed as the window changes: the chart is drawn at that width, never scaled. */
function useWidth(fallback = 640) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(Math.max(240, Math.floor(element.getBoundingClientRect().width)));
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

/**
 * A dispute's timeline drawn over the years: its span, one row per pair of states (a mark per
 * year, its height and colour the hostility reached), then dated incidents, court stages and
 * dialogue. One image for the eye (role="img", with a title and a description); the table
 * after it holds the same, entry by entry, for everyone else.
 */
export function Timeline(props: Props) {
  const { t, lang } = useDisputeText();
  const { ref, width } = useWidth();
  const years = [
    Number(props.span.start.slice(0, 4)),
    ...(props.span.end ? [Number(props.span.end.slice(0, 4))] : props.span.ongoing ? [props.lastYear] : []),
    ...props.pairs.flatMap((pair) => pair.years.map((y) => y.year)),
    ...[...props.incidents, ...props.stages, ...props.dialogues].flatMap((mark) => [
      Number(mark.date.slice(0, 4)),
      ...(mark.end ? [Number(mark.end.date.slice(0, 4))] : []),
    ]),
  ];
  let first = Math.min(...years);
  let last = Math.max(...years);
  if (last - first < 4) {
    first -= Math.ceil((4 - (last - first)) / 2);
    last = first + 4;
  }
  const plot = width - 2 * SIDE;
  const x = (point: number) => SIDE + ((point - first) / (last + 1 - first)) * plot;
  const yearWidth = plot / (last + 1 - first);

  type Row = {
    key: string;
    label: string;
    kind: "span" | "pair" | "incidents" | "stages" | "dialogues";
    pair?: PairRow;
  };
  const rows: Row[] = [
    { key: "span", label: t.rowSpan, kind: "span" },
    ...props.pairs.map((pair): Row => ({ key: pair.key, label: pair.label, kind: "pair", pair })),
    ...(props.incidents.length ? [{ key: "incidents", label: t.rowIncidents, kind: "incidents" as const }] : []),
    ...(props.stages.length ? [{ key: "stages", label: t.rowCourt, kind: "stages" as const }] : []),
    ...(props.dialogues.length ? [{ key: "dialogues", label: t.rowDialogue, kind: "dialogues" as const }] : []),
  ];
  const rowHeight = LABEL + TRACK + GAP;
  const height = rows.length * rowHeight + AXIS;
  const ticks = yearTicks(first, last, plot);
  const titleId = `${props.id}-title`;
  const descId = `${props.id}-desc`;
  const yearsOfDispute = props.pairs.reduce((sum, pair) => sum + pair.years.length, 0);

  const spanStart = dateSpan(props.span.start, props.span.startPrecision);
  const spanEnd = props.span.end
    ? dateSpan(props.span.end, props.span.endPrecision ?? "day").to
    : props.span.ongoing
      ? last + 1
      : spanStart.to;

  const marks = (row: Row, top: number) => {
    const trackTop = top + LABEL;
    const bottom = trackTop + TRACK;
    switch (row.kind) {
      case "span":
        return (
          <g class={`tl-span${props.span.end ? "" : props.span.ongoing ? " is-ongoing" : ""}`}>
            <rect
              x={x(spanStart.from)}
              y={trackTop + TRACK / 2 - 4}
              width={Math.max(3, x(spanEnd) - x(spanStart.from))}
              height={8}
              rx={4}
            >
              <title>{spanText(props.span, t, lang)}</title>
            </rect>
          </g>
        );
      case "pair":
        return (row.pair?.years ?? []).map((entry) => {
          const level = highest(entry.levels.map((l) => l.level));
          const h = isHostility(level) ? (TRACK * level) / 5 : TRACK * 0.3;
          return (
            <rect
              key={entry.year}
              class={`tl-year ${hostilityClass(level)}`}
              data-year={entry.year}
              x={x(entry.year) + (yearWidth > 3 ? 0.5 : 0)}
              y={bottom - h}
              width={Math.max(2, yearWidth - (yearWidth > 3 ? 1 : 0))}
              height={h}
            >
              <title>{t.yearMark(entry.year, levelsText(entry.levels, t))}</title>
            </rect>
          );
        });
      default: {
        const list =
          row.kind === "incidents" ? props.incidents : row.kind === "stages" ? props.stages : props.dialogues;
        const cy = trackTop + TRACK / 2;
        return list.map((mark) => {
          const from = dateSpan(mark.date, mark.precision);
          const to = mark.end ? dateSpan(mark.end.date, mark.end.precision).to : from.to;
          const left = x(from.from);
          const right = Math.max(x(to), left);
          const centre = (left + right) / 2;
          const title = (
            <title>
              {formatDate(mark.date, mark.precision, lang)}
              {mark.end ? ` – ${formatDate(mark.end.date, mark.end.precision, lang)}` : ""}: {mark.text}
            </title>
          );
          if (row.kind === "dialogues")
            return (
              <rect
                key={mark.key}
                class="tl-dialogue"
                x={left}
                y={cy - 5}
                width={Math.max(4, right - left)}
                height={10}
                rx={2}
              >
                {title}
              </rect>
            );
          const r = 6;
          return (
            <g
              key={mark.key}
              class={row.kind === "incidents" ? `tl-incident ${hostilityClass(mark.hostility)}` : "tl-stage"}
            >
              {right - left > 2 * r && (
                <rect class="tl-imprecise" x={left} y={cy - 3} width={right - left} height={6} />
              )}
              {row.kind === "incidents" ? (
                <path d={`M ${centre} ${cy - r} L ${centre + r} ${cy} L ${centre} ${cy + r} L ${centre - r} ${cy} Z`}>
                  {title}
                </path>
              ) : (
                <rect x={centre - r + 1} y={cy - r + 1} width={2 * r - 2} height={2 * r - 2}>
                  {title}
                </rect>
              )}
            </g>
          );
        });
      }
    }
  };

  return (
    <figure class="dispute-timeline" data-testid="timeline">
      <div class="tl-frame" ref={ref}>
        <svg
          class="tl-svg"
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-labelledby={`${titleId} ${descId}`}
        >
          <title id={titleId}>{t.timelineLabel(first, last)}</title>
          <desc id={descId}>
            {t.timelineDescription(yearsOfDispute, props.incidents.length, props.stages.length, props.dialogues.length)}
          </desc>
          <g class="tl-grid">
            {ticks.map((year) => (
              <line key={year} x1={x(year)} x2={x(year)} y1={0} y2={height - AXIS + 4} />
            ))}
          </g>
          {rows.map((row, index) => {
            const top = index * rowHeight;
            return (
              <g key={row.key} class={`tl-row tl-row-${row.kind}`} data-row={row.key}>
                <text class="tl-label" x={SIDE} y={top + LABEL - 6}>
                  {row.label}
                </text>
                <line
                  class="tl-baseline"
                  x1={SIDE}
                  x2={width - SIDE}
                  y1={top + LABEL + TRACK}
                  y2={top + LABEL + TRACK}
                />
                {marks(row, top)}
              </g>
            );
          })}
          <g class="tl-axis">
            {ticks.map((year) => (
              <text
                key={year}
                x={Math.min(Math.max(x(year), SIDE + 14), width - SIDE - 14)}
                y={height - 8}
                text-anchor="middle"
              >
                {year}
              </text>
            ))}
          </g>
        </svg>
      </div>
      {props.pairs.length > 0 && (
        <figcaption class="tl-legend">
          <span class="tl-legend-title">{t.timelineLegend}</span>
          <ul>
            {HOSTILITY_LEVELS.map((level) => (
              <li key={level} class={hostilityClass(level)}>
                <span class="tl-legend-mark" aria-hidden="true">
                  <span style={{ height: `${(level / 5) * 100}%` }} />
                </span>
                {t.hostilityLevels[level]}
              </li>
            ))}
            <li class="h-unknown">
              <span class="tl-legend-mark" aria-hidden="true">
                <span style={{ height: "30%" }} />
              </span>
              {t.hostilityUnknown}
            </li>
          </ul>
        </figcaption>
      )}
    </figure>
  );
}

function spanText(span: Props["span"], t: ReturnType<typeof useDisputeText>["t"], lang: string): string {
  const start = formatDate(span.start, span.startPrecision, lang);
  if (span.end) return t.dateRange(start, formatDate(span.end, span.endPrecision, lang));
  return span.ongoing ? t.sinceOngoing(start) : start;
}

/** "Venezuela, use of force; Guyana, display of force (highest action: border violation)". */
export function levelsText(levels: YearLevel[], t: ReturnType<typeof useDisputeText>["t"]): string {
  return levels
    .map((entry) => {
      // A pair's year as the list gives it (a recorded dispute's episodes) names no state: its row does.
      const words = entry.state ? t.levelOf(entry.state, hostilityText(entry.level, t)) : hostilityText(entry.level, t);
      return entry.action !== null && t.actions[entry.action]
        ? `${words} (${t.actionOf(t.actions[entry.action] ?? "")})`
        : words;
    })
    .join("; ");
}
