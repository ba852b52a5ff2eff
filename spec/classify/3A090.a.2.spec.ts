/**
 * 3A090.a.2: "A 'total processing performance' of 1600 or more and a
 * 'performance density' of 5.92 or more" (TPP ≥ 1600 and PD ≥ 5.92).
 */
import { describe, expect, it } from "vitest";
import { classify } from "../../src/index.js";
import { chip, chipWithDensity, DATE, minus } from "./build.js";

const at = (input: unknown) => classify(input, { date: DATE });

describe("3A090.a.2: PD of 5.92 or more", () => {
  it("PD exactly 5.92 (TPP 2960 on 500 mm²) is 3A090.a.2", () => {
    const result = at(chipWithDensity("5.92", "500"));
    expect(result).toMatchObject({
      tpp: "2960",
      performanceDensity: "5.92",
      performanceDensityExact: "148/25",
      clause: "3A090.a.2",
      matched: ["3A090.a.2"],
    });
    expect(result.trace.find((s) => s.step === "3A090.a.2")).toMatchObject({
      result: "holds",
      statement: "TPP 2960 ≥ 1600 and PD 5.92 ≥ 5.92",
    });
  });

  it("PD one unit in the last place below (5.92 − 10⁻¹² = 5.919999999999) is not 3A090.a.2: it is 3A090.b.1", () => {
    const result = at(chipWithDensity(minus("5.92"), "500"));
    expect(result.tpp).toBe("2959.9999999995");
    expect(result.performanceDensityExact).toBe("5919999999999/1000000000000");
    expect(result.performanceDensity).toBe("5.919999"); // truncated, never shown as 5.92
    expect(result.clause).toBe("3A090.b.1");
    expect(result.matched).not.toContain("3A090.a.2");
    expect(result.trace.find((s) => s.step === "3A090.a.2")?.statement).toBe(
      "TPP 2959.9999999995 ≥ 1600 and PD 5.919999999999 < 5.92",
    );
  });
});

describe("3A090.a.2: TPP of 1600 or more", () => {
  it("TPP exactly 1600 with PD 16 is 3A090.a.2", () => {
    expect(at(chip({ tpp: "1600", area: "100" }))).toMatchObject({ clause: "3A090.a.2", performanceDensity: "16" });
  });

  it("TPP one unit in the last place below (1599.999999999999) is outside 3A090 whatever the PD", () => {
    const result = at(chip({ tpp: minus("1600"), area: "100" }));
    expect(result).toMatchObject({ clause: "none", eccn: "none", matched: [] });
    expect(result.trace.find((s) => s.step === "3A090.a.2")?.statement).toMatch(/^TPP 1599\.999999999999 < 1600/);
  });
});

describe("where plain floats fail: 513.56 TOPS × 8 bits on 694 mm² is exactly PD 5.92", () => {
  const input = {
    part: "513.56 TOPS on 694 mm²",
    datacenter: true,
    units: [{ rates: [{ format: "INT8", tops: "513.56" }] }],
    dies: [{ name: "compute", areaMm2: "694", logic: true, nonPlanar: true }],
  };

  it("floats compute 5.919999999999999, below the threshold", () => {
    const floatPd = (513.56 * 8) / 694;
    expect(floatPd).toBe(5.919999999999999);
    expect(floatPd >= 5.92).toBe(false);
  });

  it("the classifier computes exactly 5.92 and answers 3A090.a.2 for a datacenter IC", () => {
    const result = at(input);
    expect(result).toMatchObject({
      tpp: "4108.48",
      performanceDensity: "5.92",
      performanceDensityExact: "148/25",
      clause: "3A090.a.2",
      eccn: "3A090.a",
    });
  });

  it("not designed or marketed for datacenters, TPP 4108.48 is below 4800 and the note takes it out", () => {
    expect(at({ ...input, datacenter: false }).clause).toBe("none");
  });
});

describe("TPP below 1600 is outside 3A090.a and .b whatever else is missing", () => {
  it("with the datacenter flag and the dies missing", () => {
    const result = at(chip({ tpp: minus("1600"), datacenter: null }));
    expect(result).toMatchObject({ clause: "none", eccn: "none", missing: [] });
  });

  it("with a die whose facts are missing", () => {
    const result = at({ ...chip({ tpp: "1000", datacenter: null }), dies: [{ name: "mystery" }] });
    expect(result).toMatchObject({ clause: "none", missing: [] });
  });
});
