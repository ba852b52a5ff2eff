/**
 * Technical Note 2 to 3A090.a and 3A090.b, 1–3: 'total processing
 * performance' = 2 × MacTOPS × bit length, aggregated over all processing
 * units; the highest value over bit lengths; dense, not sparse, throughput.
 */
import { describe, expect, it } from "vitest";
import { classify, InvalidInputError } from "../../src/index.js";
import { DATE } from "./build.js";

const die = { name: "compute", areaMm2: "1000", logic: true, nonPlanar: true };
const ic = (units: unknown[], extra: Record<string, unknown> = {}) => ({
  part: "test IC",
  datacenter: true,
  units,
  dies: [die],
  ...extra,
});
const at = (input: unknown) => classify(input, { date: DATE });

function issuesOf(input: unknown): { path: string; message: string }[] {
  try {
    at(input);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).issues;
  }
  throw new Error("accepted");
}

describe("aggregation over processing units (1.d)", () => {
  it("a unit's TPP is multiplied by its count: 4 × 150 TOPS × 8 bits = 4800", () => {
    const result = at(ic([{ name: "cluster", count: 4, rates: [{ format: "FP8", tops: "150" }] }]));
    expect(result).toMatchObject({ tpp: "4800", clause: "3A090.a.1" });
    expect(result.trace.find((s) => s.step === "TPP of cluster")?.statement).toBe(
      "FP8 150 TOPS × 8 bits = 1200 (highest); unit TPP 4 × 1200 = 4800",
    );
  });

  it("count given as a string of digits is the same", () => {
    expect(at(ic([{ count: "4", rates: [{ format: "FP8", tops: "150" }] }])).tpp).toBe("4800");
  });

  it("units are summed: 2 × 1200 + 2400 = 4800", () => {
    const result = at(
      ic([
        { name: "A", count: 2, rates: [{ format: "INT8", tops: "150" }] },
        { name: "B", rates: [{ format: "FP16", tops: "150" }] },
      ]),
    );
    expect(result.tpp).toBe("4800");
  });

  it("a count of 0, a fraction or a negative is refused", () => {
    for (const count of [0, 1.5, -1, "1.5", "0"]) {
      expect(issuesOf(ic([{ count, rates: [{ format: "FP8", tops: "1" }] }]))[0]).toMatchObject({
        path: "units[0].count",
      });
    }
  });
});

describe("MAC units per cycle × clock (1.a, 1.b)", () => {
  it("H100 INT8: 2 × 540672 MACs/cycle × 1.83 GHz = 1978.85952 TOPS, TPP 15830.87616", () => {
    const result = at(
      ic([{ name: "tensor cores", rates: [{ format: "INT8", macsPerCycle: "540672", clockGHz: "1.83" }] }]),
    );
    expect(result.tpp).toBe("15830.87616");
    expect(result.trace.find((s) => s.step === "TPP of tensor cores")?.statement).toBe(
      "INT8 1978.85952 TOPS (2 × 540672 MACs/cycle × 1.83 GHz ÷ 1000 = 1978.85952 TOPS) × 8 bits = 15830.87616 (highest); unit TPP 15830.87616",
    );
  });

  it("a clock in MHz gives the same", () => {
    expect(at(ic([{ rates: [{ format: "INT8", macsPerCycle: "540672", clockGHz: "1830 MHz" }] }])).tpp).toBe(
      "15830.87616",
    );
  });

  it("macsPerCycle without clockGHz, or both tops and MACs, is refused", () => {
    expect(issuesOf(ic([{ rates: [{ format: "INT8", macsPerCycle: "540672" }] }]))).toEqual([
      { path: "units[0].rates[0].clockGHz", message: "macsPerCycle and clockGHz go together" },
    ]);
    expect(
      issuesOf(ic([{ rates: [{ format: "INT8", tops: "1", macsPerCycle: "1", clockGHz: "1" }] }]))[0]?.message,
    ).toMatch(/either tops or macsPerCycle/);
    expect(issuesOf(ic([{ rates: [{ format: "INT8" }] }]))[0]?.message).toMatch(/give tops/);
  });
});

describe("the highest TPP over bit lengths (2)", () => {
  it("H100: FP8 1979 × 8 = 15832 beats FP16 989.4 × 16 = 15830.4", () => {
    const result = at(
      ic([
        {
          name: "tensor cores",
          rates: [
            { format: "FP16", tops: "989.4" },
            { format: "FP8", tops: "1979" },
          ],
        },
      ]),
    );
    expect(result.tpp).toBe("15832");
    expect(result.trace.find((s) => s.step === "TPP of tensor cores")?.statement).toBe(
      "FP16 989.4 TOPS × 16 bits = 15830.4; FP8 1979 TOPS × 8 bits = 15832 (highest); unit TPP 15832",
    );
  });

  it("a wider format can win: FP64 45.3 × 64 = 2899.2 beats FP16 181 × 16 = 2896", () => {
    expect(
      at(
        ic([
          {
            rates: [
              { format: "FP16", tops: "181" },
              { format: "FP64", tops: "45.3" },
            ],
          },
        ]),
      ).tpp,
    ).toBe("2899.2");
  });
});

describe("dense, not sparse, throughput (3)", () => {
  it("a sparse-only figure without denseToSparseRatio is an error, never halved silently", () => {
    const [issue] = issuesOf(ic([{ rates: [{ format: "INT8", tops: "1000", sparse: true }] }]));
    expect(issue?.path).toBe("units[0].rates[0]");
    expect(issue?.message).toMatch(
      /sparse-only figure.*give the dense figure, or state denseToSparseRatio.*never halved silently/,
    );
  });

  it("with denseToSparseRatio stated, it is used: 1000 sparse × 0.5 = 500 dense TOPS, TPP 4000", () => {
    const result = at(
      ic([{ name: "u", rates: [{ format: "INT8", tops: "1000", sparse: true, denseToSparseRatio: "0.5" }] }]),
    );
    expect(result.tpp).toBe("4000");
    expect(result.trace.find((s) => s.step === "TPP of u")?.statement).toMatch(
      /with sparsity × stated dense\/sparse ratio 0\.5 = 500 dense TOPS/,
    );
  });

  it("a sparse figure is left aside when the dense figure for the same format is given", () => {
    const result = at(
      ic([
        {
          rates: [
            { format: "FP8", tops: "300" },
            { format: "FP8", tops: "600", sparse: true },
          ],
        },
      ]),
    );
    expect(result.tpp).toBe("2400");
    expect(result.notes.join(" ")).toMatch(/units\[0\]\.rates\[1\] \(FP8 with sparsity\) left aside/);
  });

  it("regression: denseToSparseRatio above 1 is refused (edge: 1 is accepted, 1 and one ulp is not)", () => {
    const sparse = (ratio: string) =>
      ic([{ rates: [{ format: "FP8", tops: "600", sparse: true, denseToSparseRatio: ratio }] }]);
    expect(at(sparse("1")).tpp).toBe("4800");
    const [issue] = issuesOf(sparse("1.000000000001"));
    expect(issue?.path).toBe("units[0].rates[0].denseToSparseRatio");
    expect(issue?.message).toMatch(/at most 1/);
  });

  it("a stated ratio other than 1/2 is named in a warning; 1/2 is not", () => {
    const sparse = (ratio: string) =>
      at(ic([{ rates: [{ format: "FP8", tops: "1200", sparse: true, denseToSparseRatio: ratio }] }]));
    expect(sparse("0.5").warnings.join(" ")).not.toMatch(/dense\/sparse ratio/);
    const quarter = sparse("0.25");
    expect(quarter.tpp).toBe("2400");
    expect(quarter.warnings).toContainEqual(
      expect.stringMatching(/^units\[0\]\.rates\[0\]: the stated dense\/sparse ratio 0\.25 is not 1\/2/),
    );
  });

  it("denseToSparseRatio without sparse: true, or a zero ratio, is refused", () => {
    expect(issuesOf(ic([{ rates: [{ format: "FP8", tops: "300", denseToSparseRatio: "0.5" }] }]))[0]?.path).toBe(
      "units[0].rates[0].denseToSparseRatio",
    );
    expect(
      issuesOf(ic([{ rates: [{ format: "FP8", tops: "300", sparse: true, denseToSparseRatio: "0" }] }]))[0]?.message,
    ).toMatch(/greater than zero/);
  });
});

describe("bit length (1.c)", () => {
  it("a format not in the table needs bitLength", () => {
    expect(issuesOf(ic([{ rates: [{ format: "FP12", tops: "100" }] }]))).toEqual([
      {
        path: "units[0].rates[0].format",
        message: `"FP12" is not in the format table in force on ${DATE}; give "bitLength" for it, or use a listed format (ic3a090 rules)`,
      },
    ]);
  });

  it("with bitLength it is counted: 100 × 12 = 1200", () => {
    expect(at(ic([{ rates: [{ format: "FP12", tops: "100", bitLength: 12 }] }])).tpp).toBe("1200");
  });

  it("a mixed INT8 × INT4 MAC, named as its own format, counts the larger input, 8", () => {
    expect(at(ic([{ rates: [{ format: "INT8xINT4", tops: "600", bitLength: 8 }] }])).tpp).toBe("4800");
  });

  it("regression: a bitLength that contradicts the table for a known format is refused (FP8 as 4 bits would halve TPP)", () => {
    const [issue] = issuesOf(ic([{ rates: [{ format: "FP8", tops: "600", bitLength: 4 }] }]));
    expect(issue?.path).toBe("units[0].rates[0].bitLength");
    expect(issue?.message).toMatch(/^is 4, but FP8 is 8 bits in the format table/);
    expect(issuesOf(ic([{ rates: [{ format: "INT4", tops: "600", bitLength: 8 }] }]))[0]?.path).toBe(
      "units[0].rates[0].bitLength",
    );
  });

  it("the table's own bit length is accepted; so is the open TF32 convention (19 bits), and 32", () => {
    expect(at(ic([{ rates: [{ format: "FP8", tops: "600", bitLength: 8 }] }])).tpp).toBe("4800");
    expect(at(ic([{ rates: [{ format: "TF32", tops: "100", bitLength: 19 }] }])).tpp).toBe("1900");
    expect(at(ic([{ rates: [{ format: "TF32", tops: "100", bitLength: 32 }] }])).tpp).toBe("3200");
    expect(issuesOf(ic([{ rates: [{ format: "TF32", tops: "100", bitLength: 16 }] }]))[0]?.message).toMatch(
      /TF32 is 32 or 19 bits/,
    );
  });

  it("format names are matched case-insensitively and through aliases (E4M3 is FP8)", () => {
    expect(at(ic([{ rates: [{ format: "e4m3", tops: "600" }] }])).tpp).toBe("4800");
  });
});

describe("readings the text leaves open are computed and warned about", () => {
  it("TF32 as 19 bits: warned when it changes the class (150.1 TOPS: 4803.2 at 32 bits, 2851.9 at 19)", () => {
    const result = at(
      ic([{ rates: [{ format: "TF32", tops: "150.1" }] }], {
        dies: [{ areaMm2: "10000", logic: true, nonPlanar: true }],
      }),
    );
    expect(result).toMatchObject({ tpp: "4803.2", clause: "3A090.a.1" });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(
      /TF32 counted by its 19 significant bits.*TPP would be 2851\.9 and the clause none instead of 3A090\.a\.1; classified on TPP 4803\.2/,
    );
  });

  it("TF32 as 19 bits: no warning when the class stays the same", () => {
    expect(at(ic([{ rates: [{ format: "TF32", tops: "300" }] }])).warnings).toEqual([]);
  });

  it("A-8: per-unit maxima vs highest per-format sum, warned when they straddle 4800", () => {
    // Unit A: FP8 300 → 2400, FP16 100 → 1600. Unit B: FP16 160 → 2560, FP8 200 → 1600.
    // Sum of per-unit maxima 2400 + 2560 = 4960; per-format sums FP8 4000, FP16 4160.
    const result = at(
      ic([
        {
          name: "A",
          rates: [
            { format: "FP8", tops: "300" },
            { format: "FP16", tops: "100" },
          ],
        },
        {
          name: "B",
          rates: [
            { format: "FP16", tops: "160" },
            { format: "FP8", tops: "200" },
          ],
        },
      ]),
    );
    expect(result).toMatchObject({ tpp: "4960", clause: "3A090.a.1" });
    expect(result.warnings.join(" ")).toMatch(
      /highest per-format sum of TPP \(FP16 \(16 bits\)\).*TPP would be 4160 and the clause 3A090\.b\.1 instead of 3A090\.a\.1/,
    );
    expect(result.trace.find((s) => s.step === "TPP")?.statement).toBe(
      "sum over units of each unit's highest TPP = 4960; other reading, highest per-format sum: FP16 (16 bits) 4160",
    );
  });
});
