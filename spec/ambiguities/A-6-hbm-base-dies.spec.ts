/**
 * HBM base dies and other non-compute dies (regulation.md §10).
 *
 * Reading chosen: per-die inputs (`logic`, `nonPlanar`, `nodeNm`,
 * `memoryStack`). A logic die in a memory stack (an HBM base die) that meets
 * the node test counts in the transistor count by default — conservative,
 * since counting raises it; `countHbmBaseDies: false` (`--hbm-base-dies
 * exclude`) leaves it out, and when the choice changes the outcome both
 * outcomes are shown (`alternatives`, and a warning). DRAM dies never count;
 * a FinFET I/O die counts.
 */
import { describe, expect, it } from "vitest";
import { check, order } from "../presume/build.js";

const compute = { name: "compute", logic: true, nonPlanar: true, areaMm2: "600", transistorDensityPerMm2: "49000000" };
const base = {
  name: "HBM4 base",
  count: 4,
  logic: true,
  nonPlanar: true,
  memoryStack: true,
  areaMm2: "100",
  transistorDensityPerMm2: "2000000",
};
const io = { name: "FinFET io", logic: true, nonPlanar: true, areaMm2: "10", transistorDensityPerMm2: "1000000" };
const package_ = (dies: unknown[]) => {
  const o = order({ dies, containsHbm: true });
  delete o.aggregatedApproximatedTransistorCount;
  return o;
};

describe("A-6: HBM base dies counted by default, both outcomes shown", () => {
  it("counted by default; not counted on request; the other outcome in alternatives", () => {
    expect(check(package_([compute, base]))).toMatchObject({
      presumption: "applies",
      aggregatedApproximatedTransistorCount: "30200000000",
      alternatives: [{ reading: "HBM base dies not counted", presumption: "overcome" }],
    });
    expect(check(package_([compute, base]), { countHbmBaseDies: false })).toMatchObject({
      presumption: "overcome",
      aggregatedApproximatedTransistorCount: "29400000000",
    });
  });
  it("a FinFET I/O die counts", () => {
    expect(check(package_([compute, io])).aggregatedApproximatedTransistorCount).toBe("29410000000");
  });
});
