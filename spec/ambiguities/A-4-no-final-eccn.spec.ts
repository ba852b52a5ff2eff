/**
 * What overcoming the presumption yields (regulation.md §10): route a
 * shows only that the IC is "not specified in 3A090.a" (it may be 3A090.b,
 * 3A991.p or outside the CCL); routes b and c rebut only the presumption.
 *
 * Reading chosen: the result never names a final ECCN, and never "EAR99".
 * Route a reports the clause the designer's figures give when classified
 * again (`attestedClause`), and is refused when those figures give 3A090.a.
 */
import { describe, expect, it } from "vitest";
import { below, check, countOrder, DIES_AREA_NOT_GIVEN, order } from "../presume/build.js";

describe("A-4: overcoming the presumption is not a classification", () => {
  it("route a: attestedClause from the figures, never EAR99", () => {
    for (const [tpp, pd, clause] of [
      ["3000", "3.0", "3A090.b.1"],
      ["100", "0.1", "none"],
    ] as const) {
      const result = check(
        order({
          completionDate: "2026-06-01",
          aggregatedApproximatedTransistorCount: "50000000000",
          dies: DIES_AREA_NOT_GIVEN,
          designerAttestation: { tpp, performanceDensity: pd },
        }),
      );
      expect(result).toMatchObject({ presumption: "overcome", route: "a", attestedClause: clause, treatAs: null });
      expect(JSON.stringify(result)).not.toContain("EAR99");
      expect(result.notes.join(" ")).toContain("not what its final ECCN is");
    }
  });
  it("route a is refused when the figures say 3A090.a, whatever the attestation states", () => {
    const result = check(
      order({
        completionDate: "2026-06-01",
        aggregatedApproximatedTransistorCount: "50000000000",
        dies: DIES_AREA_NOT_GIVEN,
        designerAttestation: { tpp: "4800", performanceDensity: "1", notSpecifiedIn3A090a: true },
      }),
    );
    expect(result).toMatchObject({ presumption: "applies", attestedClause: "3A090.a.1" });
  });
  it("route b: no clause, a note pointing at classify, never EAR99", () => {
    const result = check(countOrder(below(30), "2027-03-15", false));
    expect(result.attestedClause).toBeNull();
    expect(JSON.stringify(result)).not.toContain("EAR99");
    expect(result.notes.join(" ")).toContain("ic3a090 classify");
  });
});
