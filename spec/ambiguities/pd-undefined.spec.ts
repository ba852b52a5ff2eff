/**
 * pd-undefined. Performance density when no die counts toward the applicable
 * die area.
 *
 * PD is "'TPP' divided by 'applicable die area'", and the applicable die area
 * "includes all die area of logic dies manufactured with a process node that
 * uses a non-planar transistor architecture". An IC whose logic dies are all
 * planar (or whose dies are all memory) has an applicable die area of zero,
 * and TPP ÷ 0 has no value.
 *
 * Reading chosen: PD is then undefined (`performanceDensity: null`), the
 * trace says so, and no PD condition ("5.92 or more", "1.6 or more", "3.2 or
 * more") can hold: such an IC is caught only by 3A090.a.1 (TPP ≥ 4800, which
 * has no PD test). Why: "or more" compares a number; there is none to
 * compare. Treating it as infinite would put every planar IC with TPP ≥ 1600
 * in 3A090.a.2, which the definition of applicable die area, by leaving planar
 * dies out, evidently does not intend. This is different from die facts that
 * are merely missing: those can make PD anything, and give `indeterminate`.
 */
import { describe, expect, it } from "vitest";
import { classify } from "../../src/index.js";
import { DATE, fp8TopsFor, minus } from "../classify/build.js";

const planarIc = (tpp: string) => ({
  part: `planar IC, TPP ${tpp}`,
  datacenter: true,
  units: [{ rates: [{ format: "FP8", tops: fp8TopsFor(tpp) }] }],
  dies: [
    { name: "28nm compute", areaMm2: "100", logic: true, nonPlanar: false },
    { name: "DRAM", areaMm2: "100", logic: false },
  ],
});
const at = (input: unknown) => classify(input, { date: DATE });

describe("pd-undefined: no applicable die area", () => {
  it("PD is null and the trace says it is undefined", () => {
    const result = at(planarIc("3000"));
    expect(result).toMatchObject({
      performanceDensity: null,
      performanceDensityExact: null,
      applicableDieAreaMm2: null,
      missing: [],
    });
    expect(result.trace.find((s) => s.step === "performance density")?.statement).toBe(
      "undefined: no die counts toward the applicable die area, so no PD condition can hold",
    );
  });

  it("no PD condition holds: TPP 4799.999999999999 is outside 3A090", () => {
    const result = at(planarIc(minus("4800")));
    expect(result).toMatchObject({ clause: "none", matched: [] });
    expect(result.trace.find((s) => s.step === "3A090.a.2")?.statement).toMatch(
      /PD undefined \(no applicable die area\)/,
    );
  });

  it("3A090.a.1 needs no PD: TPP 4800 is 3A090.a.1", () => {
    expect(at(planarIc("4800"))).toMatchObject({ clause: "3A090.a.1", performanceDensity: null });
  });

  it("differs from missing die facts, which give indeterminate", () => {
    const unknownDies = { ...planarIc("3000"), dies: [{ name: "compute", areaMm2: "100", logic: true }] };
    expect(at(unknownDies).clause).toBe("indeterminate");
  });
});
