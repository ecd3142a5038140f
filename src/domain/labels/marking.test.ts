import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryLabel, NATO, UNASUR, natoLabel } from "../../../test/labels/arbitraries.ts";
import { displayMarking } from "./marking.ts";
import type { ConfidentialityLabel } from "./model.ts";

const label = (fields: Partial<ConfidentialityLabel> = {}): ConfidentialityLabel => natoLabel(fields);

describe("displayMarking", () => {
  it("says the classification, then each category's phrase and values", () => {
    expect(displayMarking(label(), NATO)).toBe("NATO RESTRICTED Releasable to COL");
    expect(displayMarking(label({ classification: "COSMIC TOP SECRET", categories: [] }), NATO)).toBe(
      "COSMIC TOP SECRET",
    );
    expect(
      displayMarking(
        label({
          policy: UNASUR.id,
          classification: "UNASUR RESERVADO",
          categories: [
            { tagName: "Administrative", type: "informative", values: ["PERSONAL"] },
            { tagName: "Releasable To", type: "permissive", values: ["PER", "COL"] },
          ],
        }),
        UNASUR,
      ),
    ).toBe("UNASUR RESERVADO Divulgable a COL, PER PERSONAL");
  });

  it("puts categories in the policy's order, informative ones last, values in the policy's order or sorted", () => {
    expect(
      displayMarking(
        label({
          classification: "NATO SECRET",
          categories: [
            { tagName: "Administrative", type: "informative", values: ["MEDICAL", "STAFF"] },
            { tagName: "Releasable To", type: "permissive", values: ["SWE", "NATO", "SWE"] },
            { tagName: "Additional Sensitivity", type: "restrictive", values: ["CRYPTO", "ATOMAL"] },
            { tagName: "Context", type: "permissive", values: ["KFOR", "NATO"] },
          ],
        }),
        NATO,
      ),
    ).toBe("NATO SECRET Context NATO, KFOR Releasable to NATO, SWE ATOMAL, CRYPTO STAFF, MEDICAL");
  });

  it("leaves out empty categories, but shows an empty permissive one, which lets nobody in", () => {
    expect(
      displayMarking(
        label({
          categories: [
            { tagName: "Administrative", type: "informative", values: [] },
            { tagName: "Releasable To", type: "permissive", values: [] },
          ],
        }),
        NATO,
      ),
    ).toBe("NATO RESTRICTED Releasable to —");
  });

  it("uses the label's own words without its policy", () => {
    expect(displayMarking(label({ policy: "urn:oid:9.9", classification: "GEHEIM" }))).toBe("GEHEIM Releasable To COL");
    expect(displayMarking(label(), UNASUR)).toBe("NATO RESTRICTED Releasable To COL");
  });

  it("is the same for the same label, whatever the order of its categories and values", () => {
    fc.assert(
      fc.property(
        arbitraryLabel(NATO, 0).chain((generated) =>
          fc.tuple(
            fc.constant(generated),
            fc
              .shuffledSubarray(generated.categories, {
                minLength: generated.categories.length,
                maxLength: generated.categories.length,
              })
              .map((categories) => ({
                ...generated,
                categories: categories.map((c) => ({ ...c, values: [...c.values].reverse() })),
              })),
          ),
        ),
        ([generated, shuffled]) => {
          expect(displayMarking(shuffled, NATO)).toBe(displayMarking(generated, NATO));
        },
      ),
    );
  });
});
