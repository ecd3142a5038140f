/** fast-check generators shared by property tests. */
import fc from "fast-check";

/** Any calendar day from year 1 to 9999, as text. */
export const arbitraryDay = fc
  .date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
