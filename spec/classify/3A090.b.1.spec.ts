/**
 * 3A090.b.1: "A 'total processing performance' of 2400 or more and less than
 * 4800 and a 'performance density' of 1.6 or more and less than 5.92"
 * (2400 ≤ TPP < 4800 and 1.6 ≤ PD < 5.92). Tested after .a.
 */
import { describe, expect, it } from "vitest";
import { classify } from "../../src/index.js";
import { chip, chipWithDensity, DATE, minus } from "./build.js";

const at = (input: unknown) => classify(input, { date: DATE });

describe("3A090.b.1: TPP of 2400 or more", () => {
  it("TPP exactly 2400 with PD 2.4 is 3A090.b.1 (and not b.2: PD below 3.2)", () => {
    const result = at(chip({ tpp: "2400", area: "1000" }));
    expect(result).toMatchObject({
      clause: "3A090.b.1",
      eccn: "3A090.b",
      matched: ["3A090.b.1"],
      performanceDensity: "2.4",
    });
    expect(result.trace.find((s) => s.step === "3A090.b.1")).toMatchObject({
      result: "holds",
      statement: "TPP 2400 ≥ 2400 and TPP 2400 < 4800 and PD 2.4 ≥ 1.6 and PD 2.4 < 5.92",
    });
  });

  it("TPP one unit in the last place below (2399.999999999999) is outside 3A090", () => {
    const result = at(chip({ tpp: minus("2400"), area: "1000" }));
    expect(result).toMatchObject({ clause: "none", matched: [] });
  });
});

describe("3A090.b.1: TPP less than 4800", () => {
  it("TPP 4799.999999999999 with PD in the window is 3A090.b.1", () => {
    expect(at(chip({ tpp: minus("4800"), area: "1000" })).clause).toBe("3A090.b.1");
  });

  it('TPP exactly 4800 is no longer b.1 ("less than 4800"): it is 3A090.a.1', () => {
    const result = at(chip({ tpp: "4800", area: "1000" }));
    expect(result.clause).toBe("3A090.a.1");
    expect(result.matched).not.toContain("3A090.b.1");
  });
});

describe("3A090.b.1: PD of 1.6 or more", () => {
  it("PD exactly 1.6 (TPP 3200 on 2000 mm²) is 3A090.b.1", () => {
    expect(at(chipWithDensity("1.6", "2000"))).toMatchObject({
      tpp: "3200",
      performanceDensity: "1.6",
      clause: "3A090.b.1",
    });
  });

  it("PD one unit in the last place below (1.599999999999) is outside 3A090", () => {
    const result = at(chipWithDensity(minus("1.6"), "2000"));
    expect(result).toMatchObject({ performanceDensityExact: "1599999999999/1000000000000", clause: "none" });
  });
});

describe("3A090.b.1: PD less than 5.92", () => {
  it("PD 5.919999999999 with TPP 2400 or more is 3A090.b.1 (b.2 holds too)", () => {
    const result = at(chipWithDensity(minus("5.92"), "500"));
    expect(result).toMatchObject({ clause: "3A090.b.1", matched: ["3A090.b.1", "3A090.b.2"] });
  });

  it('PD exactly 5.92 is no longer b.1 ("less than 5.92"): it is 3A090.a.2', () => {
    expect(at(chipWithDensity("5.92", "500")).clause).toBe("3A090.a.2");
  });
});

describe("worked example (regulation.md 9.2)", () => {
  it("TPP 3000 on 1000 mm² (PD 3), datacenter: 3A090.b.1, b.2 does not hold", () => {
    expect(at(chip({ tpp: "3000", area: "1000" }))).toMatchObject({
      clause: "3A090.b.1",
      matched: ["3A090.b.1"],
      performanceDensity: "3",
    });
  });
});
