/**
 * ECCN 4E091 as written (FR 2025-00636; not enforced): the 10^26 heading, § 734.7
 * published weights, Note 1 (derived models), the 6 × N × D estimate and the
 * user-supplied "less capable than published" exclusion. Edges at 10^26 exactly
 * and one unit below.
 */
import { describe, expect, it } from "vitest";
import { evaluateModel } from "../../src/model/model.js";
import { InvalidInputError } from "../../src/classify/datasheet.js";

const closed = (trainingOperations: string, extra: Record<string, unknown> = {}) =>
  evaluateModel({ model: "M", trainingOperations, published: false, derivedFrom: null, ...extra });

describe("4E091 heading: trained with 10^26 or more operations", () => {
  it("10^26 exactly is 4E091 (or more)", () => {
    expect(closed("1e26").eccn).toBe("4E091");
  });
  it("one unit below 10^26 is not", () => {
    expect(closed("99999999999999999999999999").eccn).toBe("none");
  });
  it("a decimal just below in exponent form is not", () => {
    expect(closed("9.9999999999999999999999999e25").eccn).toBe("none");
  });
  it("every answer says not enforced, with the three dates", () => {
    const result = closed("3e26");
    expect(result.enforced).toBe(false);
    expect(result.ruleSet).toMatchObject({
      effective: "2025-01-13",
      compliance: "2025-05-15",
      nonEnforcementAnnounced: "2025-05-13",
      inCfr: true,
    });
    expect(result.ruleSet.status).toContain("Not enforced");
  });
  it("Red Flag 28 is noted for a controlled model, not for a published one", () => {
    expect(closed("3e26").notes.some((n) => n.startsWith("Red Flag 28"))).toBe(true);
    expect(evaluateModel({ model: "M", trainingOperations: "3e26", published: true }).notes).toEqual([]);
  });
});

describe("§ 734.7: published weights are not controlled", () => {
  it("published: none", () => {
    expect(evaluateModel({ model: "M", trainingOperations: "3e26", published: true }).eccn).toBe("none");
  });
  it("published not stated: indeterminate naming it", () => {
    const result = evaluateModel({ model: "M", trainingOperations: "3e26" });
    expect(result.eccn).toBe("indeterminate");
    expect(result.missing[0]).toMatch(/^published/);
  });
});

describe("missing or contradictory counts", () => {
  it("no count and no estimate: indeterminate naming trainingOperations", () => {
    const result = evaluateModel({ model: "M", published: false });
    expect(result.eccn).toBe("indeterminate");
    expect(result.missing[0]).toMatch(/^trainingOperations/);
  });
  it("a count that is not a decimal is refused naming the field", () => {
    expect(() => evaluateModel({ model: "M", trainingOperations: "10^26", published: false })).toThrow(
      InvalidInputError,
    );
  });
  it("an unknown field is refused", () => {
    expect(() => evaluateModel({ model: "M", trainingOps: "1e26", published: false })).toThrow(
      /trainingOps|Unrecognized/,
    );
  });
  it("a stated total below base + additional is refused", () => {
    expect(() =>
      evaluateModel({
        model: "M",
        trainingOperations: "1e26",
        published: false,
        derivedFrom: { published: true, trainingOperations: "1e26" },
        additionalOperations: "1e25",
      }),
    ).toThrow(/less than/);
  });
});

describe("the 6 × N × D estimate", () => {
  it("is used when no count is stated, and labelled an estimate", () => {
    const result = evaluateModel({ model: "M", published: false, parameters: "1e12", trainingTokens: "2e13" });
    expect(result.trainingOperations).toBe("120000000000000000000000000");
    expect(result.estimated).toBe(true);
    expect(result.eccn).toBe("4E091");
    expect(result.trace.find((s) => s.step === "operations")!.statement).toMatch(/^ESTIMATE/);
  });
  it("a stated count wins over the estimate", () => {
    const result = evaluateModel({
      model: "M",
      published: false,
      trainingOperations: "5e25",
      parameters: "1e12",
      trainingTokens: "2e13",
    });
    expect(result.estimated).toBe(false);
    expect(result.eccn).toBe("none");
  });
});

describe("the exclusion for models less capable than the most capable published model", () => {
  it("applies only when the user states it", () => {
    expect(closed("3e26", { belowMostCapablePublished: true }).eccn).toBe("none");
    expect(closed("3e26", { belowMostCapablePublished: false }).eccn).toBe("4E091");
    expect(closed("3e26").trace.find((s) => s.step === "less capable than published")!.result).toBe("unknown");
  });
});
