/**
 * 3A991.p versus 3A090 counting (regulation.md §10).
 *
 * 3A991.p.1 is "A processing performance of 8 TOPS or more", where "TOPS is
 * 2 × 'MacTOPS' aggregated over all processing units", with no bit-length
 * factor. Reading chosen: when an IC falls outside 3A090, a hint says whether
 * 3A991.p.1 may apply, computed on TOPS without bit length (the sum over
 * units of each unit's highest dense TOPS), never on TPP. It is a hint, not a
 * classification: the date 3A991.p took effect is not verified and 3A991.p.2
 * (I/O) is not evaluated. Why: reusing TPP would count an 8-bit 1-TOPS IC as
 * 8 "TOPS" and say 3A991.p applies when it does not.
 */
import { describe, expect, it } from "vitest";
import { classify } from "../../src/index.js";
import { DATE, minus } from "../classify/build.js";

const ic = (rates: unknown[], count = 1) => ({ part: "small IC", datacenter: true, units: [{ count, rates }], dies: [{ areaMm2: "100", logic: true, nonPlanar: true }] });
const hint = (input: unknown) => classify(input, { date: DATE }).notes.find((n) => n.includes("3A991.p"));

describe("A-20: the 3A991.p hint counts TOPS without bit length", () => {
  it("8 TOPS exactly: 3A991.p.1 may apply", () => {
    expect(hint(ic([{ format: "INT8", tops: "8" }]))).toMatch(/^outside 3A090; 3A991\.p\.1 may apply: TOPS without bit length 8 ≥ 8;/);
  });

  it("one unit in the last place below 8 TOPS: 3A991.p.1 does not apply by processing", () => {
    expect(hint(ic([{ format: "INT8", tops: minus("8") }]))).toMatch(/^outside 3A090; 3A991\.p\.1 does not apply by processing: TOPS without bit length 7\.999999999999 < 8/);
  });

  it("not TPP: 1 TOPS of FP64 is TPP 64, but only 1 TOPS", () => {
    const result = classify(ic([{ format: "FP64", tops: "1" }]), { date: DATE });
    expect(result.tpp).toBe("64");
    expect(hint(ic([{ format: "FP64", tops: "1" }]))).toMatch(/does not apply by processing: TOPS without bit length 1 < 8/);
  });

  it("aggregated over units: 4 × 2 TOPS = 8 TOPS", () => {
    expect(hint(ic([{ format: "INT8", tops: "2" }], 4))).toMatch(/may apply: TOPS without bit length 8 ≥ 8/);
  });

  it("says it is a hint, with what is not evaluated or verified", () => {
    expect(hint(ic([{ format: "INT8", tops: "8" }]))).toMatch(/3A991\.p\.2 \(I\/O of 150 Gbyte\/s or more\) is not evaluated; date 3A991\.p took effect not verified/);
  });

  it("no hint when the IC is in 3A090", () => {
    expect(hint(ic([{ format: "INT8", tops: "600" }]))).toBeUndefined();
  });

  it("the H20 (FP8 296 TOPS, outside 3A090) gets the hint", () => {
    const result = classify({ part: "H20", datacenter: true, units: [{ rates: [{ format: "FP8", tops: "296" }] }], dies: [{ areaMm2: "814", logic: true, nonPlanar: true }] }, { date: DATE });
    expect(result.clause).toBe("none");
    expect(result.notes.join(" ")).toMatch(/3A991\.p\.1 may apply: TOPS without bit length 296 ≥ 8/);
  });
});
