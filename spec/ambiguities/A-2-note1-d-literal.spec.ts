/**
 * Note 1 ¶d says "below" (regulation.md §10): read literally, it presumes
 * the ICs *below* the thresholds to be 3A090.a, the opposite of ¶¶b–c.
 *
 * Reading chosen: the outcome comes from the introductory text and ¶¶a–c; ¶d
 * never produces "presumed 3A090.a" for a sub-threshold IC that satisfies ¶b
 * or ¶c. Its literal text is shown as a warning whenever route b or c is
 * relied on.
 */
import { describe, expect, it } from "vitest";
import { below, check, countOrder } from "../presume/build.js";

describe("A-2: ¶d's literal 'below' is a warning, never the outcome", () => {
  it("a sub-threshold IC packaged by the fabricator is overcome, with the ¶d warning", () => {
    const result = check(countOrder(below(30), "2027-03-15", true));
    expect(result).toMatchObject({ presumption: "overcome", route: "b", treatAs: null });
    expect(result.warnings.join(" ")).toContain(
      'Note 1 ¶d, read literally, presumes ICs whose aggregated approximated transistor count "is below"',
    );
  });
  it("no ¶d warning when route b or c is not relied on", () => {
    expect(check(countOrder("40000000000", "2027-03-15", true)).warnings.join(" ")).not.toContain("¶d");
  });
});
