/**
 * 3A090.b.2: "A 'total processing performance' of 1600 or more and a
 * 'performance density' of 3.2 or more and less than 5.92"
 * (TPP ≥ 1600 and 3.2 ≤ PD < 5.92). No TPP ceiling: anything at 4800 or
 * more is caught by .a.1 first.
 */
import { describe, expect, it } from "vitest";
import { classify } from "../../src/index.js";
import { chip, chipWithDensity, DATE, minus } from "./build.js";

const at = (input: unknown) => classify(input, { date: DATE });

describe("3A090.b.2: PD of 3.2 or more", () => {
  it("PD exactly 3.2 (TPP 1920 on 600 mm²) is 3A090.b.2", () => {
    const result = at(chipWithDensity("3.2", "600"));
    expect(result).toMatchObject({
      tpp: "1920",
      performanceDensity: "3.2",
      clause: "3A090.b.2",
      eccn: "3A090.b",
      matched: ["3A090.b.2"],
    });
    expect(result.trace.find((s) => s.step === "3A090.b.2")).toMatchObject({
      result: "holds",
      statement: "TPP 1920 ≥ 1600 and PD 3.2 ≥ 3.2 and PD 3.2 < 5.92",
    });
  });

  it("PD one unit in the last place below (3.199999999999) is outside 3A090", () => {
    const result = at(chipWithDensity(minus("3.2"), "600"));
    expect(result).toMatchObject({ tpp: "1919.9999999994", clause: "none", matched: [] });
  });
});

describe("3A090.b.2: TPP of 1600 or more", () => {
  it("TPP exactly 1600 with PD 4 is 3A090.b.2", () => {
    expect(at(chip({ tpp: "1600", area: "400" }))).toMatchObject({ clause: "3A090.b.2", performanceDensity: "4" });
  });

  it("TPP one unit in the last place below (1599.999999999999) is outside 3A090", () => {
    expect(at(chip({ tpp: minus("1600"), area: "400" })).clause).toBe("none");
  });
});

describe("3A090.b.2: PD less than 5.92", () => {
  it("PD 5.919999999999 with TPP below 2400 is 3A090.b.2", () => {
    expect(at(chipWithDensity(minus("5.92"), "300"))).toMatchObject({
      tpp: "1775.9999999997",
      clause: "3A090.b.2",
      matched: ["3A090.b.2"],
    });
  });

  it("PD exactly 5.92 is 3A090.a.2 instead", () => {
    expect(at(chipWithDensity("5.92", "300"))).toMatchObject({
      tpp: "1776",
      clause: "3A090.a.2",
      matched: ["3A090.a.2"],
    });
  });
});

describe("no TPP ceiling, but .a comes first", () => {
  it("TPP 5000 with PD 5 matches b.2 but is controlled by 3A090.a.1", () => {
    expect(at(chip({ tpp: "5000", area: "1000" }))).toMatchObject({
      clause: "3A090.a.1",
      matched: ["3A090.a.1", "3A090.b.2"],
    });
  });

  it("worked example (regulation.md 9.2): TPP 2000 on 400 mm² (PD 5), datacenter, is b.2 (b.1 fails: TPP below 2400)", () => {
    const result = at(chip({ tpp: "2000", area: "400" }));
    expect(result).toMatchObject({ clause: "3A090.b.2", matched: ["3A090.b.2"] });
    expect(result.trace.find((s) => s.step === "3A090.b.1")).toMatchObject({ result: "fails" });
  });
});
