import { completeTotals, type FormField, type FormMatrix, MATRIX_TOTAL } from "../../../../src/domain/exchanges.ts";
import { type ExchangeText, useExchangeText } from "../../i18n/exchanges/index.ts";
import { cellKey, formLayout, hasAmounts } from "./logic.ts";
import { formatNumber } from "./shared.tsx";
import type { ExchangeForm, ReturnValues } from "./types.ts";

const label = (labels: unknown, lang: string, fallback: string) =>
  (labels as Record<string, string> | undefined)?.[lang] ?? fallback;

/** A value as the reader reads it: a number in their notation, a choice's label, text as written. */
function shownValue(field: FormField, value: unknown, lang: string, unit: string | undefined, t: ExchangeText): string {
  if (value === undefined || value === null || value === "") return t.noValue;
  if (typeof value === "number") {
    const number = formatNumber(value, lang, 6);
    const named = unit ?? ("unit" in field ? field.unit : undefined);
    return named ? `${number} ${t.units[named] ?? named}` : number;
  }
  if (field.kind === "choice") {
    const labelOf = (option: unknown) =>
      label(field.options.find((entry) => entry.value === option)?.labels, lang, String(option));
    return Array.isArray(value) ? value.map(labelOf).join(", ") : labelOf(value);
  }
  return Array.isArray(value) ? value.join(", ") : String(value);
}

/**
 * A return read, not written: its currency and scale, each table with its totals (those the return
 * left empty computed from their parts, and marked so), each field with its value.
 */
export function ReturnView({ form, values, id }: { form: ExchangeForm; values: ReturnValues; id: string }) {
  const { t, lang } = useExchangeText();
  if (values.nil) return <p class="xc-nil">{t.nilReport}</p>;
  const given = values.fields ?? {};
  const completed = completeTotals(form, values).fields;
  const amountsIn = hasAmounts(form) ? t.amountsIn(values.scale ?? 1, values.currency ?? t.noValue) : null;
  return (
    <div class="xc-return-view" data-testid="return-view">
      {formLayout(form).map(({ group, items }) => (
        <section
          key={group?.key ?? ""}
          class="xc-view-group"
          aria-labelledby={group ? `${id}-${group.key}` : undefined}
        >
          {group && <h3 id={`${id}-${group.key}`}>{label(group.labels, lang, group.key)}</h3>}
          {items.map((item) =>
            item.kind === "matrix" ? (
              <MatrixView
                key={item.matrix.key}
                matrix={item.matrix}
                given={given}
                completed={completed}
                amountsIn={amountsIn}
              />
            ) : null,
          )}
          {items.some((item) => item.kind === "field") && (
            <dl class="xc-view-fields">
              {items.map((item) =>
                item.kind === "field" ? (
                  <div key={item.field.key} data-field={item.field.key}>
                    <dt>{label(item.field.labels, lang, item.field.key)}</dt>
                    <dd class={item.field.kind === "text" ? "xc-view-text" : undefined}>
                      {shownValue(item.field, completed[item.field.key], lang, values.units?.[item.field.key], t)}
                      {item.field.kind === "amount" && amountsIn && completed[item.field.key] !== undefined && (
                        <span class="muted"> ({amountsIn})</span>
                      )}
                    </dd>
                  </div>
                ) : null,
              )}
            </dl>
          )}
        </section>
      ))}
    </div>
  );
}

function MatrixView({
  matrix,
  given,
  completed,
  amountsIn,
}: {
  matrix: FormMatrix;
  given: Readonly<Record<string, unknown>>;
  completed: Readonly<Record<string, unknown>>;
  amountsIn: string | null;
}) {
  const { t, lang } = useExchangeText();
  const rows = [...matrix.rows, { key: MATRIX_TOTAL, labels: null }];
  const columns = [...matrix.columns, { key: MATRIX_TOTAL, labels: null }];
  const lineLabel = (line: { key: string; labels: unknown }) =>
    line.key === MATRIX_TOTAL ? t.totalWord : label(line.labels, lang, line.key);
  const cell = (row: string, column: string) => {
    const key = cellKey(matrix.key, row, column);
    const value = completed[key];
    const computed = given[key] === undefined && value !== undefined;
    const isTotal = row === MATRIX_TOTAL || column === MATRIX_TOTAL;
    return (
      <td
        key={column}
        class={`${isTotal ? "is-total" : ""}${computed ? " is-computed" : ""}`}
        data-label={lineLabel(columns.find((entry) => entry.key === column) ?? { key: column, labels: null })}
        data-field={key}
      >
        <span>
          {typeof value === "number" ? formatNumber(value, lang) : t.noValue}
          {computed && <span class="xc-computed-mark"> ({t.computedMark})</span>}
        </span>
      </td>
    );
  };
  return (
    <div class="table-wrap xc-matrix-wrap">
      <table class="data-table xc-matrix xc-matrix-view" data-matrix={matrix.key}>
        <caption>
          {label(matrix.labels, lang, matrix.key)}
          {amountsIn && <span class="muted"> ({amountsIn})</span>}
        </caption>
        <thead>
          <tr>
            <td />
            {columns.map((column) => (
              <th scope="col" key={column.key} class={column.key === MATRIX_TOTAL ? "is-total" : undefined}>
                {lineLabel(column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} class={row.key === MATRIX_TOTAL ? "is-total-row" : undefined}>
              <th scope="row">{lineLabel(row)}</th>
              {columns.map((column) => cell(row.key, column.key))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
