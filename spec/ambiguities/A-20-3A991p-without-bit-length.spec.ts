/**
 * 3A991.p versus 3A090 counting (regulation.md §10).
 *
 * 3A991.p.1 is "A processing performance of 8 TOPS or more", where "TOPS is
 * 2 × 'MacTOPS' aggregated over all processing units", with no bit-length
 * factor. Reading chosen: an IC outside 3A090 is 3A991.p (its item ECCN) when
 * its TOPS without bit length (the sum over units of each unit's highest dense
 * TOPS), never its TPP, is 8 or more, or its I/O rate (ioBandwidthGBps) is 150
 * GB/s or more; when TOPS is below 8 and the I/O rate is not given, the item
 * ECCN is indeterminate, naming it. The date 3A991.p took effect is not
 * verified, and every 3A991.p step says so. Why: reusing TPP would count an
 * 8-bit 1-TOPS IC as 8 "TOPS" and say 3A991.p applies when it does not.
 */
import { describe, expect, it } from "vitest";
import { classify } from "../../src/index.js";
import { DATE, minus } from "../classify/build.js";

const ic = (rates: unknown[], count = 1, io?: string) => ({
  part: "small IC",
  datacenter: true,
  units: [{ count, rates }],
  dies: [{ areaMm2: "100", logic: true, nonPlanar: true }],
  ...(io === undefined ? {} : { ioBandwidthGBps: io }),
});
const at = (input: unknown) => classify(input, { date: DATE });
const step = (input: unknown) => at(input).itemBasis.find((s) => s.step === "3A991.p");

describe("A-20: 3A991.p counts TOPS without bit length", () => {
  it("8 TOPS exactly: 3A991.p, with the p.1 comparison", () => {
    const result = at(ic([{ format: "INT8", tops: "8" }]));
    expect([result.eccn, result.itemEccn]).toEqual(["none", "3A991.p"]);
    expect(step(ic([{ format: "INT8", tops: "8" }]))?.statement).toMatch(
      /^TOPS without bit length 8 ≥ 8 \(p\.1; 2 × MacTOPS over all units, no bit length\)/,
    );
  });

  it("one unit in the last place below 8 TOPS, I/O not given: indeterminate, naming ioBandwidthGBps", () => {
    const result = at(ic([{ format: "INT8", tops: minus("8") }]));
    expect(result.itemEccn).toBe("indeterminate");
    expect(result.missing).toEqual([expect.stringMatching(/^ioBandwidthGBps/)]);
    expect(step(ic([{ format: "INT8", tops: minus("8") }]))).toMatchObject({
      result: "unknown",
      statement: expect.stringMatching(/7\.999999999999 < 8.*I\/O rate not given/),
    });
  });

  it("not TPP: 1 TOPS of FP64 is TPP 64, but only 1 TOPS; with I/O below 150 it is none", () => {
    const result = at(ic([{ format: "FP64", tops: "1" }], 1, "100"));
    expect(result.tpp).toBe("64");
    expect(result.itemEccn).toBe("none");
    expect(step(ic([{ format: "FP64", tops: "1" }], 1, "100"))?.statement).toMatch(
      /TOPS without bit length 1 < 8.*I\/O GB\/s 100 < 150/,
    );
  });

  it("aggregated over units: 4 × 2 TOPS = 8 TOPS", () => {
    expect(at(ic([{ format: "INT8", tops: "2" }], 4)).itemEccn).toBe("3A991.p");
  });

  it("p.2: I/O exactly 150 GB/s is 3A991.p; one unit in the last place below is not", () => {
    expect(at(ic([{ format: "INT8", tops: "1" }], 1, "150")).itemEccn).toBe("3A991.p");
    expect(at(ic([{ format: "INT8", tops: "1" }], 1, minus("150"))).itemEccn).toBe("none");
  });

  it("says the date 3A991.p took effect is not verified", () => {
    expect(step(ic([{ format: "INT8", tops: "8" }]))?.citation).toMatch(
      /ECCN 3A991\.p .*confidence Medium, date it took effect not verified/,
    );
  });

  it("no 3A991.p step when the IC is in 3A090", () => {
    expect(step(ic([{ format: "INT8", tops: "600" }]))).toBeUndefined();
    expect(at(ic([{ format: "INT8", tops: "600" }])).itemEccn).toBe("3A090.a");
  });

  it("the H20 (FP8 296 TOPS, outside 3A090) is 3A991.p; its card 4A994.l", () => {
    const h20 = {
      part: "H20",
      datacenter: true,
      units: [{ rates: [{ format: "FP8", tops: "296" }] }],
      dies: [{ areaMm2: "814", logic: true, nonPlanar: true }],
    };
    expect(at(h20)).toMatchObject({ clause: "none", itemEccn: "3A991.p" });
    expect(at({ ...h20, form: "assembly" }).itemEccn).toBe("4A994.l");
  });
});
