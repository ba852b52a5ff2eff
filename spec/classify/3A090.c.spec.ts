/**
 * 3A090.c: "High bandwidth memory (HBM) having a 'memory bandwidth density'
 * greater than 2 gigabytes per second per square millimeter" (MBD > 2), in
 * force from 2 December 2024 (89 FR 96790). Exactly 2 is NOT 3A090.c.
 */
import { describe, expect, it } from "vitest";
import { classify } from "../../src/index.js";
import { DATE, plus, times } from "./build.js";

const hbm = (bandwidthGBps: string, areaMm2: string, extra: Record<string, unknown> = {}) => ({
  part: "HBM stack",
  kind: "hbm",
  bandwidthGBps,
  areaMm2,
  ...extra,
});
const at = (input: unknown, date = DATE) => classify(input, { date });

describe("3A090.c: memory bandwidth density greater than 2 GB/s/mm²", () => {
  it('exactly 2 (242 GB/s on 121 mm²) is NOT 3A090.c: "greater than"', () => {
    const result = at(hbm("242", "121"));
    expect(result).toMatchObject({
      kind: "hbm",
      clause: "none",
      eccn: "none",
      memoryBandwidthDensity: "2",
      memoryBandwidthDensityExact: "2",
      tpp: null,
    });
    expect(result.trace.find((s) => s.step === "3A090.c")).toMatchObject({
      result: "fails",
      statement: "memory bandwidth density 2 ≤ 2",
    });
  });

  it("one unit in the last place above (2.000000000001) is 3A090.c", () => {
    const result = at(hbm(times(plus("2"), "121"), "121"));
    expect(result).toMatchObject({
      clause: "3A090.c",
      eccn: "3A090.c",
      matched: ["3A090.c"],
      memoryBandwidthDensity: "2",
    });
    // Shown truncated as "2" but the exact value says why it holds:
    expect(result.memoryBandwidthDensityExact).toBe("2000000000001/1000000000000");
    expect(result.trace.find((s) => s.step === "3A090.c")).toMatchObject({
      result: "holds",
      statement: "memory bandwidth density 2.000000000001 > 2",
    });
  });

  it("the issue's HBM3E-12H example (1229 GB/s on 121 mm²) is 3A090.c", () => {
    expect(at({ part: "HBM3E-12H", kind: "hbm", bandwidthGBps: "1229", areaMm2: "121" })).toMatchObject({
      clause: "3A090.c",
      memoryBandwidthDensity: "10.157024",
      memoryBandwidthDensityExact: "1229/121",
    });
  });

  it("accepts units: 1.229 TB/s on 1.21 cm^2 is the same item", () => {
    expect(at(hbm("1.229 TB/s", "1.21 cm^2")).memoryBandwidthDensityExact).toBe("1229/121");
  });
});

describe("3A090.c is in force from 2024-12-02", () => {
  it("on 2024-12-01 an HBM stack is outside 3A090, saying 3A090.c was not in force", () => {
    const result = at(hbm("1229", "121"), "2024-12-01");
    expect(result).toMatchObject({ clause: "none", eccn: "none" });
    expect(result.trace.find((s) => s.step === "3A090.c")?.result).toBe("not in force");
    expect(result.notes).toContain("3A090.c was not in force on 2024-12-01");
  });

  it("on 2024-12-02 the same stack is 3A090.c", () => {
    expect(at(hbm("1229", "121"), "2024-12-02").clause).toBe("3A090.c");
  });
});

describe("the technical note's exclusion of co-packaged ICs whose dominant function is processing", () => {
  it("co-packaged with logic, dominant function processing: outside 3A090.c (classify it as an IC)", () => {
    const result = at(hbm("1229", "121", { coPackagedWithLogic: true, dominantFunctionIsProcessing: true }));
    expect(result.clause).toBe("none");
    expect(result.notes.join(" ")).toMatch(/classify the co-packaged IC itself as an IC/);
  });

  it("co-packaged with logic, dominant function not processing: 3A090.c", () => {
    expect(at(hbm("1229", "121", { coPackagedWithLogic: true, dominantFunctionIsProcessing: false })).clause).toBe(
      "3A090.c",
    );
  });

  it("co-packaged with logic, dominant function not given: indeterminate, naming the missing fact", () => {
    const result = at(hbm("1229", "121", { coPackagedWithLogic: true }));
    expect(result.clause).toBe("indeterminate");
    expect(result.missing[0]).toMatch(/^dominantFunctionIsProcessing/);
  });

  it("below the threshold the exclusion does not matter", () => {
    expect(at(hbm("200", "121", { coPackagedWithLogic: true })).clause).toBe("none");
  });
});

describe("input checks", () => {
  it("a zero area is refused, not divided by", () => {
    expect(() => at(hbm("1229", "0"))).toThrow(/areaMm2: must be greater than zero/);
  });

  it("a bandwidth given in an area unit is refused", () => {
    expect(() => at(hbm("1229 mm^2", "121"))).toThrow(/bandwidthGBps: unit "mm\^2" is not a bandwidth unit/);
  });
});
