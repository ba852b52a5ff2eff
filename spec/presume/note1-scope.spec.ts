/**
 * Note 1 to 3A090.a, introductory text: the presumption binds only a
 * 'front-end fabricator' or an 'OSAT', only for an 'applicable advanced logic
 * integrated circuit' (15 CFR 772.1: logic, at the 16/14 nm node or below, or
 * non-planar), and only for transactions completed on or after the date Note 1
 * took effect. Reading chosen (data/rules/note1-3A090a.json): it binds from
 * the effective date, 2025-01-16; orders completed before the compliance date,
 * 2025-01-31, carry a warning naming it.
 */
import { describe, expect, it } from "vitest";
import { billion, check, order } from "./build.js";

const failing = (changes: Record<string, unknown>) =>
  order({ aggregatedApproximatedTransistorCount: billion(50), ...changes });

describe("Note 1 scope: who", () => {
  it("an exporter other than the fabricator or an OSAT: not-applicable, saying why", () => {
    const result = check(failing({ exporter: "other" }));
    expect(result).toMatchObject({ presumption: "not-applicable", treatAs: null, route: null, reportable7439: false });
    expect(result.notApplicableReason).toContain("neither the front-end fabricator nor an OSAT");
  });
  it("an OSAT is bound as the fabricator is", () => {
    expect(check(failing({ exporter: "osat" })).presumption).toBe("applies");
    expect(check(failing({ exporter: "front-end-fabricator" })).presumption).toBe("applies");
  });
});

describe("Note 1 scope: when (effective 2025-01-16, compliance 2025-01-31)", () => {
  it("2025-01-15 is before Note 1: not-applicable; 2025-01-16 is bound", () => {
    expect(check(failing({ completionDate: "2025-01-15" })).presumption).toBe("not-applicable");
    expect(check(failing({ completionDate: "2025-01-16" })).presumption).toBe("applies");
  });
  it("2025-01-30 carries the compliance-date warning; 2025-01-31 does not", () => {
    expect(check(failing({ completionDate: "2025-01-30" })).warnings.join(" ")).toContain("compliance date 2025-01-31");
    expect(check(failing({ completionDate: "2025-01-31" })).warnings.join(" ")).not.toContain("compliance date");
  });
});

describe("15 CFR 772.1: an 'applicable advanced logic integrated circuit'", () => {
  const dies = (die: Record<string, unknown>) =>
    failing({ dies: [{ name: "only", logic: true, areaMm2: "100", ...die }], nonPlanar: undefined });
  it("not a logic IC: not-applicable", () => {
    expect(check(failing({ logic: false })).presumption).toBe("not-applicable");
  });
  it("a planar die at 16 nm is at the 16/14 nm node (inclusive); at 16.001 nm it is not", () => {
    expect(check(dies({ nonPlanar: false, nodeNm: "16" })).presumption).toBe("applies");
    const above = check(dies({ nonPlanar: false, nodeNm: "16.001" }));
    expect(above.presumption).toBe("not-applicable");
    expect(above.notApplicableReason).toContain("16.001 nm > 16 nm");
  });
  it("a non-planar die counts whatever its node", () => {
    expect(check(dies({ nonPlanar: true, nodeNm: "28" })).presumption).toBe("applies");
  });
  it("a planar 28 nm IC is outside", () => {
    expect(check(dies({ nonPlanar: false, nodeNm: "28" })).presumption).toBe("not-applicable");
  });
  it("architecture and node not given: indeterminate, naming them; but a route that overcomes settles it", () => {
    const open = check(dies({}));
    expect(open.presumption).toBe("indeterminate");
    expect(open.missing.join(" ")).toContain("scope: nonPlanar or nodeNm of dies[0] (only)");
    const overcome = check({ ...dies({}), aggregatedApproximatedTransistorCount: "1000" });
    expect(overcome.presumption).toBe("overcome");
  });
});
