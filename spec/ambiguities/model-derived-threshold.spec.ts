/**
 * Note 1 to 4E091 (ECFR774-R [V]): a model derived from published weights is
 * controlled only where the additional training would "constitute more than
 * 2.5 × 10^25 'operations' or more than 25 percent of the training 'operations'
 * … whichever is higher".
 *
 * Reading chosen: the limit is max(2.5 × 10^25, 25 % × base operations), and
 * the additional operations must be strictly greater than it ("more than");
 * additional operations equal to the limit do not control. The model's total
 * (base + additional) must also reach 10^26, since Note 1 narrows the heading
 * and does not widen it. The two figures are equal at a base of 10^26.
 */
import { describe, expect, it } from "vitest";
import { derivedLimit, evaluateModel } from "../../src/model/model.js";
import { parseDecimal } from "../../src/numbers/rational.js";

const fineTune = (base: string, additional: string) =>
  evaluateModel({
    model: "FT",
    published: false,
    derivedFrom: { published: true, trainingOperations: base },
    additionalOperations: additional,
  });

describe("Note 1 to 4E091: whichever is higher", () => {
  it("at a base of 10^26 both figures are 2.5 × 10^25", () => {
    expect(derivedLimit(parseDecimal("1e26")).eq(parseDecimal("2.5e25"))).toBe(true);
  });
  it("additional exactly at the common limit does not control", () => {
    expect(fineTune("1e26", "2.5e25").eccn).toBe("none");
  });
  it("one operation more controls", () => {
    expect(fineTune("1e26", "25000000000000000000000001").eccn).toBe("4E091");
  });
  it("for a larger base the 25 % share is the higher limit", () => {
    expect(fineTune("3e26", "7.5e25").eccn).toBe("none");
    expect(fineTune("3e26", "75000000000000000000000001").eccn).toBe("4E091");
  });
  it("for a smaller base the absolute figure is the higher limit, and the total must still reach 10^26", () => {
    expect(fineTune("8e25", "2.5e25").eccn).toBe("none");
    expect(fineTune("7.4e25", "2.6e25").eccn).toBe("4E091");
    expect(fineTune("5e25", "3e25").eccn).toBe("none");
  });
  it("a missing base count is indeterminate, naming it", () => {
    const result = evaluateModel({
      model: "FT",
      published: false,
      derivedFrom: { published: true },
      additionalOperations: "1e26",
      trainingOperations: "2e26",
    });
    expect(result.eccn).toBe("indeterminate");
    expect(result.missing[0]).toMatch(/^derivedFrom.trainingOperations/);
  });
});
