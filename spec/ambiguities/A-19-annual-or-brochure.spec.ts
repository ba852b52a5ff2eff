/**
 * "annual or brochure" (Technical Note 2, 2), almost certainly a typo
 * for "manual" (regulation.md §10).
 *
 * Reading chosen: MacTOPS is "the highest value the manufacturer claims" for
 * the IC, dense, at its theoretical peak. The datasheet lists every figure the
 * manufacturer claims; the classifier takes the highest TPP among them, never
 * an average or a measured value, and each rate may carry a `source` field
 * that the trace repeats, so the claim can be found again. Why: the typo does
 * not change the arithmetic, and an audit needs to see where each figure came
 * from.
 */
import { describe, expect, it } from "vitest";
import { classify } from "../../src/index.js";
import { DATE } from "../classify/build.js";

const base = {
  part: "H100-SXM5-80GB",
  datacenter: true,
  dies: [{ name: "GH100", areaMm2: "814", logic: true, nonPlanar: true }],
};

describe("A-19: MacTOPS is the manufacturer's highest claimed peak, with its source", () => {
  it("every rate may name its source, and the trace repeats it", () => {
    const result = classify(
      {
        ...base,
        units: [
          {
            name: "tensor cores",
            rates: [{ format: "FP8", tops: "1979", source: "NVIDIA H100 datasheet, FP8 Tensor Core (dense)" }],
          },
        ],
      },
      { date: DATE },
    );
    expect(result.tpp).toBe("15832");
    expect(result.trace.find((s) => s.step === "TPP of tensor cores")?.statement).toBe(
      "FP8 1979 TOPS [source: NVIDIA H100 datasheet, FP8 Tensor Core (dense)] × 8 bits = 15832 (highest); unit TPP 15832",
    );
  });

  it("the source is optional", () => {
    expect(classify({ ...base, units: [{ rates: [{ format: "FP8", tops: "1979" }] }] }, { date: DATE }).tpp).toBe(
      "15832",
    );
  });

  it("the highest of the claimed figures counts, whichever is listed first", () => {
    const rates = [
      { format: "FP16", tops: "989.4", source: "datasheet" },
      { format: "FP8", tops: "1979", source: "datasheet" },
      { format: "INT8", macsPerCycle: "540672", clockGHz: "1.83", source: "whitepaper, boost clock" },
    ];
    for (const order of [rates, [...rates].reverse()]) {
      const result = classify({ ...base, units: [{ name: "tensor cores", rates: order }] }, { date: DATE });
      expect(result.tpp).toBe("15832");
      expect(result.trace.find((s) => s.step === "TPP of tensor cores")?.statement).toMatch(
        /FP8 1979 TOPS \[source: datasheet\] × 8 bits = 15832 \(highest\)/,
      );
    }
  });

  it("a source that is not a string is refused", () => {
    expect(() =>
      classify({ ...base, units: [{ rates: [{ format: "FP8", tops: "1979", source: 7 }] }] }, { date: DATE }),
    ).toThrow(/units\[0\]\.rates\[0\]\.source/);
  });
});
