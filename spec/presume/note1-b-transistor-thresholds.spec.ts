/**
 * Note 1 to 3A090.a ¶b(a), ¶b(b)(i)-(ii) (and ¶c in the same words): the
 * aggregated approximated transistor count must be "below" 30 billion, or,
 * without HBM, below 35 billion for transactions completed in 2027 and below
 * 40 billion for 2029 or thereafter. "Below" is strict; the year is the
 * calendar year of completion. Each threshold has its edge pair: at the
 * threshold (fails) and one transistor below (holds).
 */
import { describe, expect, it } from "vitest";
import { below, billion, check, countOrder } from "./build.js";

const outcome = (count: string, date: string, hbm: boolean | undefined, options = {}) =>
  check(countOrder(count, date, hbm), options);

describe("Note 1 ¶b(a): below 30 billion, any package, any year", () => {
  for (const [date, hbm] of [
    ["2025-06-01", true],
    ["2026-12-31", false],
    ["2027-06-01", true],
    ["2028-06-01", true],
    ["2029-06-01", true],
  ] as const) {
    it(`${date}, HBM ${hbm}: 30,000,000,000 exactly does not overcome; one transistor fewer does`, () => {
      expect(outcome(billion(30), date, hbm).presumption).toBe("applies");
      const passing = outcome(below(30), date, hbm);
      expect(passing).toMatchObject({ presumption: "overcome", route: "b", transistorThreshold: billion(30) });
    });
  }
});

describe("Note 1 ¶b(b)(i): without HBM, below 35 billion for transactions completed in 2027", () => {
  it("35,000,000,000 exactly does not overcome; one fewer does", () => {
    expect(outcome(billion(35), "2027-06-01", false)).toMatchObject({
      presumption: "applies",
      transistorThreshold: billion(35),
      treatAs: "3A090.a",
    });
    expect(outcome(below(35), "2027-06-01", false)).toMatchObject({
      presumption: "overcome",
      route: "b",
      transistorThreshold: billion(35),
    });
  });
  it("with HBM, 35 billion minus one does not overcome (only ¶b(a) is open)", () => {
    expect(outcome(below(35), "2027-06-01", true)).toMatchObject({
      presumption: "applies",
      transistorThreshold: billion(30),
    });
  });
  it("31 December 2026 has only the 30 billion test; 1 January 2027 has the 35 billion one", () => {
    expect(outcome(below(35), "2026-12-31", false).presumption).toBe("applies");
    expect(outcome(below(35), "2027-01-01", false).presumption).toBe("overcome");
  });
  it("31 December 2027 is the last day of the 35 billion test", () => {
    expect(outcome(below(35), "2027-12-31", false).presumption).toBe("overcome");
  });
});

describe("Note 1 ¶b(b)(ii): without HBM, below 40 billion for transactions completed in 2029 or thereafter", () => {
  it("40,000,000,000 exactly does not overcome; one fewer does", () => {
    expect(outcome(billion(40), "2029-06-01", false)).toMatchObject({
      presumption: "applies",
      transistorThreshold: billion(40),
    });
    expect(outcome(below(40), "2029-06-01", false)).toMatchObject({
      presumption: "overcome",
      route: "b",
      transistorThreshold: billion(40),
    });
  });
  it("with HBM, 40 billion minus one does not overcome", () => {
    expect(outcome(below(40), "2029-06-01", true).presumption).toBe("applies");
  });
  it("31 December 2028 is in the gap (literal: indeterminate); 1 January 2029 has the 40 billion test", () => {
    expect(outcome(below(40), "2028-12-31", false).presumption).toBe("indeterminate");
    expect(outcome(below(40), "2029-01-01", false).presumption).toBe("overcome");
  });
  it("holds in 2040 as in 2029 ('or thereafter')", () => {
    expect(outcome(below(40), "2040-01-01", false).presumption).toBe("overcome");
  });
});

describe("the 2028 gap (docs/ambiguities.md#a-1): literal by default, indeterminate only where it changes the outcome", () => {
  it("below 30 billion overcomes in 2028 whatever the reading", () => {
    expect(outcome(below(30), "2028-06-01", false).presumption).toBe("overcome");
    expect(outcome(below(30), "2028-06-01", false).warnings.join(" ")).not.toContain("drafting gap");
  });
  it("30 to 40 billion without HBM is indeterminate by default, saying so", () => {
    const result = outcome(billion(33), "2028-06-01", false);
    expect(result.presumption).toBe("indeterminate");
    expect(result.warnings.join(" ")).toContain("drafting gap");
    expect(result.missing).toContain(
      "routes b and c: a reading of the 2028 drafting gap (--gap-2028; docs/ambiguities.md#a-1)",
    );
  });
  it("40 billion or more applies in 2028 whatever the reading", () => {
    expect(outcome(billion(40), "2028-06-01", false).presumption).toBe("applies");
  });
  it("with HBM the gap does not matter", () => {
    expect(outcome(billion(33), "2028-06-01", true).presumption).toBe("applies");
  });
  it("--gap-2028 chooses a reading: literal applies, 2027-rule uses 35 billion, 2029-rule 40 billion", () => {
    expect(outcome(billion(33), "2028-06-01", false, { gap2028: "literal" }).presumption).toBe("applies");
    expect(outcome(below(35), "2028-06-01", false, { gap2028: "2027-rule" })).toMatchObject({
      presumption: "overcome",
      transistorThreshold: billion(35),
    });
    expect(outcome(billion(35), "2028-06-01", false, { gap2028: "2027-rule" }).presumption).toBe("applies");
    expect(outcome(below(40), "2028-06-01", false, { gap2028: "2029-rule" })).toMatchObject({
      presumption: "overcome",
      transistorThreshold: billion(40),
    });
    expect(outcome(billion(40), "2028-06-01", false, { gap2028: "2029-rule" }).presumption).toBe("applies");
  });
});

describe("HBM on and off", () => {
  it("containsHbm not given: indeterminate where it matters, naming it", () => {
    const result = outcome(billion(33), "2027-06-01", undefined);
    expect(result.presumption).toBe("indeterminate");
    expect(result.missing).toContain(
      "routes b and c: containsHbm: whether the final packaged IC contains high-bandwidth memory",
    );
  });
  it("containsHbm not given does not matter below 30 billion", () => {
    expect(outcome(below(30), "2027-06-01", undefined).presumption).toBe("overcome");
  });
});
