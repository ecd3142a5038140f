/** fast-check generators for the information exchanges (src/domain/exchanges.ts): forms and returns that satisfy them. */
import fc from "fast-check";
import {
  completeTotals,
  type ExchangeForm,
  expandForm,
  type FormField,
  type FormMatrix,
  type FormTotal,
  type ReturnValues,
} from "../../src/domain/exchanges.ts";
import type { Names } from "../../src/domain/languages.ts";

const names = (text: string): Names => ({ en: text, es: text, pt: text, fr: text });

/** Hundredths up to a billion units: exact as decimals, far below the exactness limit. */
const amount = fc.integer({ min: 0, max: 100_000_000_000 }).map((hundredths) => hundredths / 100);

/** A value the field accepts (for a number field whose unit the return names, also that unit). */
function fieldValue(field: FormField): fc.Arbitrary<{ value: unknown; unit?: string }> {
  switch (field.kind) {
    case "amount":
      return amount.map((value) => ({ value }));
    case "integer":
      return fc.integer({ min: field.min ?? 0, max: field.max ?? 1_000_000_000 }).map((value) => ({ value }));
    case "number": {
      const decimals = field.decimals ?? 2;
      const factor = 10 ** decimals;
      const min = Math.ceil((field.min ?? -1_000_000) * factor);
      const max = Math.floor((field.max ?? 1_000_000) * factor);
      const value = fc.integer({ min, max }).map((scaled) => Number((scaled / factor).toFixed(decimals)));
      return field.units === undefined
        ? value.map((v) => ({ value: v }))
        : fc.tuple(value, fc.constantFrom(...field.units)).map(([v, unit]) => ({ value: v, unit }));
    }
    case "text":
      return fc.string({ minLength: 1, maxLength: Math.min(field.maxLength, 40) }).map((value) => ({ value }));
    case "choice": {
      const values = field.options.map((option) => option.value);
      return field.multiple
        ? fc.subarray(values, { minLength: 1 }).map((value) => ({ value }))
        : fc.constantFrom(...values).map((value) => ({ value }));
    }
  }
}

/**
 * A return that satisfies `form`: every field that is no total gets a value (an optional one
 * maybe none), the totals are filled from their parts, and a required total none of whose parts
 * was given gets a value of its own. Needs required totals to be sums no other total includes.
 */
export function arbitraryReturn(form: ExchangeForm): fc.Arbitrary<ReturnValues> {
  const { fields, totals } = expandForm(form);
  const totalFields = new Set(totals.map((total) => total.field));
  const parts = new Set(totals.flatMap((total) => total.of));
  for (const field of fields)
    if (field.required && totalFields.has(field.key) && parts.has(field.key))
      throw new Error(`${field.key}: a required total that another total includes`);
  const leaves = fields.filter((field) => !totalFields.has(field.key));
  const requiredTotals = fields.filter((field) => field.required && totalFields.has(field.key));
  const hasAmounts = fields.some((field) => field.kind === "amount");
  return fc
    .record({
      leaves: fc.tuple(
        ...leaves.map((field) =>
          field.required ? fieldValue(field) : fc.option(fieldValue(field), { nil: undefined, freq: 3 }),
        ),
      ),
      fallbacks: fc.tuple(...requiredTotals.map((field) => fieldValue(field))),
      currency: fc.constantFrom("ARS", "BRL", "CLP", "COP", "USD", "EUR"),
      scale: fc.constantFrom(undefined, 1, 1_000, 1_000_000),
    })
    .map(({ leaves: chosen, fallbacks, currency, scale }) => {
      const given: Record<string, unknown> = {};
      const units: Record<string, string> = {};
      chosen.forEach((entry, i) => {
        const field = leaves[i] as FormField;
        if (entry === undefined) return;
        given[field.key] = entry.value;
        if (entry.unit !== undefined) units[field.key] = entry.unit;
      });
      const values: ReturnValues = {
        fields: given,
        ...(Object.keys(units).length > 0 ? { units } : {}),
        ...(hasAmounts ? { currency, ...(scale === undefined ? {} : { scale }) } : {}),
      };
      const completed = completeTotals(form, values);
      const fields = { ...completed.fields };
      requiredTotals.forEach((field, i) => {
        if (fields[field.key] === undefined) fields[field.key] = (fallbacks[i] as { value: unknown }).value;
      });
      return { ...completed, fields };
    });
}

const lineKeys = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);

/**
 * A form of amounts, counts and measures: plain fields, totals over some of them (and a total of
 * totals), and a matrix or two, with some fields required.
 */
export const arbitraryForm: fc.Arbitrary<ExchangeForm> = fc
  .record({
    plain: fc.array(fc.constantFrom("amount", "integer", "number"), { minLength: 2, maxLength: 8 }),
    required: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    totalOver: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    matrices: fc.array(
      fc.record({
        rows: fc.integer({ min: 1, max: 4 }),
        columns: fc.integer({ min: 1, max: 5 }),
        kind: fc.constantFrom("amount" as const, "integer" as const),
        required: fc.boolean(),
      }),
      { maxLength: 2 },
    ),
    decimals: fc.integer({ min: 0, max: 4 }),
    nilAllowed: fc.boolean(),
  })
  .map(({ plain, required, totalOver, matrices, decimals, nilAllowed }) => {
    const fields: FormField[] = [];
    const totals: FormTotal[] = [];
    for (const kind of ["amount", "integer", "number"] as const) {
      const keys = plain
        .map((k, i) => ({ k, i }))
        .filter(({ k }) => k === kind)
        .map(({ i }) => `${kind}_${i}`);
      for (const [n, key] of keys.entries()) {
        const base = { key, labels: names(key), required: required[n] ?? false };
        fields.push(
          kind === "number"
            ? { ...base, kind, unit: "percent", decimals }
            : kind === "integer"
              ? { ...base, kind, unit: "items" }
              : { ...base, kind },
        );
      }
      const summed = keys.filter((_, n) => totalOver[n]);
      if (summed.length >= 1) {
        const total = `${kind}_total`;
        fields.push(
          kind === "number"
            ? { kind, key: total, labels: names(total), required: false, unit: "percent", decimals }
            : kind === "integer"
              ? { kind, key: total, labels: names(total), required: false, unit: "items" }
              : { kind, key: total, labels: names(total), required: false },
        );
        totals.push({ field: total, of: summed });
        if (summed.length >= 2) {
          // A subtotal of the first two, and the total again as the subtotal plus the rest.
          const sub = `${kind}_subtotal`;
          fields.push({ ...(fields.find((field) => field.key === total) as FormField), key: sub, labels: names(sub) });
          totals.push({ field: sub, of: summed.slice(0, 2) });
          totals.push({ field: total, of: [sub, ...summed.slice(2)] });
        }
      }
    }
    fields.push({ kind: "text", key: "remarks", labels: names("remarks"), required: false, maxLength: 200 });
    fields.push({
      kind: "choice",
      key: "choice",
      labels: names("choice"),
      required: false,
      options: ["a", "b", "c"].map((value) => ({ value, labels: names(value) })),
      multiple: true,
    });
    const formMatrices: FormMatrix[] = matrices.map((matrix, m) => ({
      key: `matrix_${m}`,
      labels: names(`matrix ${m}`),
      kind: matrix.kind,
      required: matrix.required,
      rows: lineKeys("r", matrix.rows).map((key) => ({ key, labels: names(key) })),
      columns: lineKeys("c", matrix.columns).map((key) => ({ key, labels: names(key) })),
    }));
    return {
      code: "generated",
      regime: "generated",
      version: 1,
      validFrom: 2000,
      names: names("generated"),
      nilAllowed,
      groups: [],
      fields,
      matrices: formMatrices,
      totals,
    } satisfies ExchangeForm;
  });
