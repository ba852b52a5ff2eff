/**
 * Technical Note 2 to 3A090.a and 3A090.b, 4: "'Performance density' is
 * 'TPP' divided by 'applicable die area'. [...] 'applicable die area' [...]
 * includes all die area of logic dies manufactured with a process node that
 * uses a non-planar transistor architecture." Memory stacks (HBM, base dies
 * included) are excluded (BIS briefing via CSET; docs/ambiguities.md#a-6).
 */
import { describe, expect, it } from "vitest";
import { classify } from "../../src/index.js";
import { DATE, fp8TopsFor } from "./build.js";

const units = (tpp: string) => [{ name: "tensor cores", rates: [{ format: "FP8", tops: fp8TopsFor(tpp) }] }];
const ic = (tpp: string, dies: unknown[]) => ({ part: "test IC", datacenter: true, units: units(tpp), dies });
const at = (input: unknown) => classify(input, { date: DATE });
const compute = (areaMm2 = "814") => ({ name: "GH100", areaMm2, logic: true, nonPlanar: true });

describe("applicable die area", () => {
  it("counts the non-planar logic die and excludes the HBM stacks (base dies included)", () => {
    const result = at(
      ic("15832", [
        compute(),
        { name: "HBM3", count: 5, areaMm2: "110", logic: false, memoryStack: true },
        { name: "HBM base", count: 5, areaMm2: "110", logic: true, nonPlanar: true, memoryStack: true },
      ]),
    );
    expect(result).toMatchObject({
      applicableDieAreaMm2: "814",
      performanceDensity: "19.449631",
      performanceDensityExact: "7916/407",
    });
    const area = result.trace.find((s) => s.step === "applicable die area")!.statement;
    expect(area).toContain("dies[1] (HBM3): part of a memory stack, excluded");
    expect(area).toContain("dies[2] (HBM base): part of a memory stack, excluded");
    expect(area).toMatch(/= 814 mm²$/);
  });

  it("excludes a planar logic die and a non-logic die", () => {
    const result = at(
      ic("15832", [
        compute(),
        { name: "IO", areaMm2: "200", logic: true, nonPlanar: false },
        { name: "SRAM", areaMm2: "50", logic: false, nonPlanar: true },
      ]),
    );
    expect(result.applicableDieAreaMm2).toBe("814");
    const area = result.trace.find((s) => s.step === "applicable die area")!.statement;
    expect(area).toContain("dies[1] (IO): planar transistors, excluded");
    expect(area).toContain("dies[2] (SRAM): not a logic die, excluded");
  });

  it("multiplies a die's area by its count: 2 × 407 mm² = 814 mm²", () => {
    expect(
      at(ic("15832", [{ name: "chiplet", count: 2, areaMm2: "407", logic: true, nonPlanar: true }])),
    ).toMatchObject({ applicableDieAreaMm2: "814", performanceDensityExact: "7916/407" });
  });

  it("sums several counted dies", () => {
    expect(at(ic("3000", [compute("300"), compute("200")]))).toMatchObject({
      applicableDieAreaMm2: "500",
      performanceDensity: "6",
      clause: "3A090.a.2",
    });
  });

  it("accepts areas in cm²: 8.14 cm^2 is 814 mm²", () => {
    expect(at(ic("15832", [compute("8.14 cm^2")])).applicableDieAreaMm2).toBe("814");
  });

  it("a zero area is refused, not divided by", () => {
    expect(() => at(ic("3000", [compute("0")]))).toThrow(/dies\[0\]\.areaMm2: must be greater than zero/);
  });
});

describe("missing die facts give indeterminate, naming the field, when they could change the answer", () => {
  it("no dies at all, TPP 3000 datacenter: indeterminate, naming dies", () => {
    const { dies: _, ...noDies } = ic("3000", []);
    const result = at(noDies);
    expect(result).toMatchObject({ clause: "indeterminate", performanceDensity: null, applicableDieAreaMm2: null });
    expect(result.missing).toEqual(["dies: the IC's dies, with areaMm2, logic and nonPlanar for each"]);
  });

  it("a second die whose architecture is not given: indeterminate, naming dies[1] (IO).nonPlanar", () => {
    // Counted, PD 3000/800 = 3.75 (b.1); not counted, 3000/400 = 7.5 (a.2).
    const result = at(ic("3000", [compute("400"), { name: "IO", areaMm2: "400", logic: true }]));
    expect(result).toMatchObject({ clause: "indeterminate", matched: [] });
    expect(result.missing).toEqual(["dies[1] (IO).nonPlanar"]);
    expect(result.trace.find((s) => s.step === "performance density")?.statement).toBe(
      "PD unknown, between 3.75 and 7.5 as die facts are missing",
    );
  });

  it("a die not said to be logic or memory: names dies[1] (X).logic", () => {
    const result = at(ic("3000", [compute("400"), { name: "X", areaMm2: "400", nonPlanar: true }]));
    expect(result.missing).toEqual(["dies[1] (X).logic"]);
  });

  it("a counted die without its area: names dies[0] (GH100).areaMm2", () => {
    const result = at(ic("3000", [{ name: "GH100", logic: true, nonPlanar: true }]));
    expect(result).toMatchObject({ clause: "indeterminate", missing: ["dies[0] (GH100).areaMm2"] });
  });

  it("a missing fact that cannot change the answer leaves it determinate (3000 on 400 or 410 mm² is a.2 both ways)", () => {
    const result = at(ic("3000", [compute("400"), { name: "IO", areaMm2: "10", logic: true }]));
    expect(result).toMatchObject({ clause: "3A090.a.2", missing: [], performanceDensity: null });
  });

  it("datacenter unknown and a die fact missing: both named when both matter", () => {
    const result = at({
      ...ic("3000", [compute("400"), { name: "IO", areaMm2: "400", logic: true }]),
      datacenter: null,
    });
    expect(result.clause).toBe("indeterminate");
    expect(result.missing).toEqual([
      "datacenter: whether the IC is designed or marketed for use in datacenters",
      "dies[1] (IO).nonPlanar",
    ]);
  });
});
