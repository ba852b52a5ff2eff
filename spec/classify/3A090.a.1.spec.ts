/**
 * 3A090.a.1: "A 'total processing performance' of 4800 or more" (≥ 4800).
 */
import { describe, expect, it } from "vitest";
import { classify } from "../../src/index.js";
import { chip, DATE, minus } from "./build.js";

const at = (input: unknown) => classify(input, { date: DATE });

describe("3A090.a.1: TPP of 4800 or more", () => {
  it("TPP exactly 4800 is 3A090.a.1", () => {
    const result = at(chip({ tpp: "4800", area: "1000" }));
    expect(result).toMatchObject({ tpp: "4800", clause: "3A090.a.1", eccn: "3A090.a" });
    expect(result.matched[0]).toBe("3A090.a.1");
    const step = result.trace.find((s) => s.step === "3A090.a.1")!;
    expect(step).toMatchObject({ result: "holds", statement: "TPP 4800 ≥ 4800" });
    expect(step.citation).toMatch(/ECCN 3A090\.a\.1 \(88 FR 73458/);
  });

  it("TPP one unit in the last place below (4799.999999999999) is not 3A090.a.1", () => {
    const result = at(chip({ tpp: minus("4800"), area: "1000" }));
    expect(result.tpp).toBe("4799.999999999999");
    expect(result.matched).not.toContain("3A090.a.1");
    expect(result.clause).toBe("3A090.b.1"); // PD 4.799999999999999 is in b.1's window
    expect(result.trace.find((s) => s.step === "3A090.a.1")).toMatchObject({
      result: "fails",
      statement: "TPP 4799.999999999999 < 4800",
    });
  });

  it("the regulation's own example: 600 TOPS at 8 bits, or 300 TFLOPS at 16 bits, is exactly 4800", () => {
    const int8 = at({
      part: "600 TOPS INT8",
      datacenter: true,
      units: [{ rates: [{ format: "INT8", tops: "600" }] }],
      dies: [{ areaMm2: "1000", logic: true, nonPlanar: true }],
    });
    const fp16 = at({
      part: "300 TFLOPS FP16",
      datacenter: true,
      units: [{ rates: [{ format: "FP16", tops: "300" }] }],
      dies: [{ areaMm2: "1000", logic: true, nonPlanar: true }],
    });
    expect([int8.tpp, int8.clause, fp16.tpp, fp16.clause]).toEqual(["4800", "3A090.a.1", "4800", "3A090.a.1"]);
  });

  describe("where plain floats fail: 0.1 + 0.1 + 799.8 TOPS at 6 bits is exactly TPP 4800", () => {
    const threeUnits = {
      part: "three FP6 units",
      datacenter: true,
      units: [
        { name: "unit A", rates: [{ format: "FP6", tops: "0.1" }] },
        { name: "unit B", rates: [{ format: "FP6", tops: "0.1" }] },
        { name: "unit C", rates: [{ format: "FP6", tops: "799.8" }] },
      ],
      dies: [{ name: "compute", areaMm2: "1000", logic: true, nonPlanar: true }],
    };

    it("floats sum the per-unit TPPs to 4799.999999999999, below the threshold", () => {
      const floatTpp = 0.1 * 6 + 0.1 * 6 + 799.8 * 6;
      expect(floatTpp).toBe(4799.999999999999);
      expect(floatTpp >= 4800).toBe(false);
    });

    it("the classifier sums them exactly and answers 3A090.a.1", () => {
      const result = at(threeUnits);
      expect(result).toMatchObject({ tpp: "4800", clause: "3A090.a.1" });
    });

    it("the same as three rates of one unit summed by count is also exact", () => {
      const asCounts = {
        ...threeUnits,
        units: [
          { name: "small", count: 2, rates: [{ format: "FP6", tops: "0.1" }] },
          { name: "large", count: 1, rates: [{ format: "FP6", tops: "799.8" }] },
        ],
      };
      expect(at(asCounts)).toMatchObject({ tpp: "4800", clause: "3A090.a.1" });
    });
  });

  describe("TPP of 4800 or more is 3A090.a.1 whatever else is missing", () => {
    it("with the datacenter flag and every die missing", () => {
      const result = at(chip({ tpp: "4800", datacenter: null }));
      expect(result).toMatchObject({ clause: "3A090.a.1", eccn: "3A090.a", missing: [], performanceDensity: null });
      expect(result.notes.join(" ")).toMatch(
        /if the IC is not designed or marketed for datacenters, licence exceptions NAC and ACA may be available/,
      );
    });

    it("with the die facts incomplete", () => {
      const input = { ...chip({ tpp: "4800" }), dies: [{ name: "compute" }] };
      expect(at(input)).toMatchObject({ clause: "3A090.a.1", missing: [] });
    });

    it("one unit in the last place below, the same missing facts leave it indeterminate", () => {
      const result = at(chip({ tpp: minus("4800"), datacenter: null }));
      expect(result.clause).toBe("indeterminate");
      expect(result.missing.length).toBeGreaterThan(0);
    });
  });
});
