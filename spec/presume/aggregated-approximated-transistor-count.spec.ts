/**
 * 15 CFR 772.1 'aggregated approximated transistor count' and the technical
 * note to Note 1 to 3A090.a: the sum over the package's applicable advanced
 * logic dies of transistor density × die area, exact. Planar dies above the
 * 16/14 nm node and DRAM dies do not count; HBM base dies count by default
 * . An attested count (e.g. a GDS count) is used as given, and the method
 * is recorded.
 */
import { describe, expect, it } from "vitest";
import { check, order } from "./build.js";

const computed = (dies: unknown[], changes: Record<string, unknown> = {}) => {
  const o = order({ dies, ...changes });
  delete o.aggregatedApproximatedTransistorCount;
  return o;
};
const COMPUTE = {
  name: "compute",
  logic: true,
  nonPlanar: true,
  nodeNm: "5",
  areaMm2: "600",
  transistorDensityPerMm2: "49000000",
};

describe("a count the facts do not give is unknown, never zero (regression: it once read as 0 and overcame the presumption)", () => {
  const NO_ATTESTATION_DESIGNER = {
    name: "Lion Chips",
    headquarters: "SG",
    ultimateParentHeadquarters: "SG",
    locations: ["SG"],
    agreedToReporting: true,
    approvalApplicationDate: null,
  };
  it("no attested count and no dies: indeterminate, naming the count", () => {
    const result = check(computed([], { designer: NO_ATTESTATION_DESIGNER }));
    expect(result.presumption).toBe("indeterminate");
    expect(result.aggregatedApproximatedTransistorCount).toBeNull();
    expect(result.missing.join(" ")).toContain("dies with areaMm2 and transistorDensityPerMm2");
  });
  it("an IC stated non-planar whose dies list only a planar 28 nm die: the list is incomplete, not a count of 0", () => {
    const result = check(
      computed(
        [
          {
            name: "io",
            logic: true,
            nonPlanar: false,
            nodeNm: "28",
            areaMm2: "200",
            transistorDensityPerMm2: "10000000",
          },
        ],
        { nonPlanar: true, designer: NO_ATTESTATION_DESIGNER },
      ),
    );
    expect(result.presumption).toBe("indeterminate");
    expect(result.route).toBeNull();
    expect(result.missing.join(" ")).toContain("none is listed");
  });
});

describe("density × area over the applicable advanced logic dies", () => {
  it("counts the non-planar logic die only: 49,000,000 × 600 = 29,400,000,000 (method computed)", () => {
    const result = check(
      computed([
        COMPUTE,
        {
          name: "io",
          logic: true,
          nonPlanar: false,
          nodeNm: "28",
          areaMm2: "200",
          transistorDensityPerMm2: "10000000",
        },
      ]),
    );
    expect(result).toMatchObject({
      aggregatedApproximatedTransistorCount: "29400000000",
      transistorCountMethod: "computed",
      presumption: "overcome",
    });
  });
  it("is exact with fractional figures and counts copies: 2 × 48,500,000.5 × 300.25", () => {
    const result = check(
      computed([{ ...COMPUTE, count: 2, areaMm2: "300.25", transistorDensityPerMm2: "48500000.5" }]),
    );
    expect(result.aggregatedApproximatedTransistorCount).toBe("29124250300.25");
  });
  it("DRAM dies of a memory stack do not count", () => {
    const result = check(
      computed(
        [
          COMPUTE,
          {
            name: "HBM core",
            count: 8,
            logic: false,
            memoryStack: true,
            areaMm2: "110",
            transistorDensityPerMm2: "900000000",
          },
        ],
        { containsHbm: true },
      ),
    );
    expect(result.aggregatedApproximatedTransistorCount).toBe("29400000000");
  });
  it("a planar die at 16 nm counts (the 16/14 nm node, inclusive)", () => {
    const result = check(
      computed([
        COMPUTE,
        { name: "io", logic: true, nonPlanar: false, nodeNm: "16", areaMm2: "10", transistorDensityPerMm2: "30000000" },
      ]),
    );
    expect(result.aggregatedApproximatedTransistorCount).toBe("29700000000");
  });
  it("a die whose figures are missing leaves the count open, naming the fields", () => {
    const result = check(computed([{ ...COMPUTE, transistorDensityPerMm2: undefined }]));
    expect(result.aggregatedApproximatedTransistorCount).toBeNull();
    expect(result.presumption).toBe("indeterminate");
    expect(result.missing.join(" ")).toContain("dies[0] (compute).transistorDensityPerMm2");
  });
  it("a die that may or may not count: decided when both ways agree", () => {
    const small = { name: "maybe", logic: true, areaMm2: "1", transistorDensityPerMm2: "1000" };
    expect(check(computed([COMPUTE, small])).presumption).toBe("overcome");
  });
});

describe("attested count", () => {
  it("is used as given, with its source; a different density × area figure is a warning", () => {
    const result = check(
      order({ aggregatedApproximatedTransistorCount: "28000000000", transistorCountSource: "GDS count" }),
    );
    expect(result).toMatchObject({
      aggregatedApproximatedTransistorCount: "28000000000",
      transistorCountMethod: "attested",
    });
    expect(result.warnings.join(" ")).toContain("differs from density × area");
    expect(result.trace.find((s) => s.step === "aggregated approximated transistor count")!.statement).toContain(
      "GDS count",
    );
  });
  it("a JSON number is refused (figures are decimal strings)", () => {
    expect(() => check(order({ aggregatedApproximatedTransistorCount: 29400000000 }))).toThrow(
      /aggregatedApproximatedTransistorCount: give the figure as a string/,
    );
  });
});

describe("HBM base dies (A-6): counted by default, both outcomes shown when the option changes it", () => {
  const baseDie = {
    name: "HBM4 base die",
    count: 4,
    logic: true,
    nonPlanar: true,
    memoryStack: true,
    nodeNm: "12",
    areaMm2: "100",
    transistorDensityPerMm2: "2000000",
  };
  it("counted: 29,400,000,000 + 4 × 200,000,000 = 30,200,000,000 does not overcome; not counted it does", () => {
    const result = check(computed([COMPUTE, baseDie], { containsHbm: true }));
    expect(result).toMatchObject({ presumption: "applies", aggregatedApproximatedTransistorCount: "30200000000" });
    expect(result.alternatives).toEqual([
      {
        reading: "HBM base dies not counted",
        presumption: "overcome",
        route: "b",
        aggregatedApproximatedTransistorCount: "29400000000",
      },
    ]);
    expect(result.warnings.join(" ")).toContain("docs/ambiguities.md#a-6");
    const excluded = check(computed([COMPUTE, baseDie], { containsHbm: true }), { countHbmBaseDies: false });
    expect(excluded).toMatchObject({ presumption: "overcome", aggregatedApproximatedTransistorCount: "29400000000" });
    expect(excluded.alternatives[0]).toMatchObject({ reading: "HBM base dies counted", presumption: "applies" });
  });
  it("no alternative when the option does not change the outcome", () => {
    const small = { ...baseDie, count: 1, transistorDensityPerMm2: "1000" };
    expect(check(computed([COMPUTE, small], { containsHbm: true })).alternatives).toEqual([]);
  });
});
