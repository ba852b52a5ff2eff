/**
 * The Oct 2022 text of 3A090.a (87 FR 62186): bit length × TOPS of 4800 or more
 * AND an aggregate bidirectional transfer rate of 600 Gbyte/s or more, in force
 * 2022-10-07 through 2023-11-16. Edge pairs at 4800 and 600, date edges on each
 * side of 2022-10-07 and of 2023-11-16/17, and the A800/H800/A100/H100 through
 * 2022 → 2026 (sources: data/examples/history/sources.md).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { classify } from "../../src/classify/classify.js";
import { rulesAt, RulesDateError } from "../../src/rules/rules.js";

const chip = (tops: string, interconnectGBps?: string) => ({
  part: "X",
  datacenter: true,
  ...(interconnectGBps === undefined ? {} : { interconnectGBps }),
  units: [{ rates: [{ format: "FP16", tops }] }],
});
const in2022 = (input: unknown) => classify(input, { date: "2023-01-01" });

describe("87 FR 62186, 3A090.a: TOPS test (4800 or more)", () => {
  it("bit length × TOPS of 4800 exactly, with 600 GB/s: 3A090.a.1", () => {
    expect(in2022(chip("300", "600")).clause).toBe("3A090.a.1");
  });
  it("one unit in the last place below 4800 is outside, whatever the transfer rate", () => {
    expect(in2022(chip("299.9999", "900")).clause).toBe("none");
    expect(in2022(chip("299.9999")).clause).toBe("none");
  });
});

describe("87 FR 62186, 3A090.a: transfer-rate test (600 Gbyte/s or more), and-ed", () => {
  it("600 GB/s exactly holds", () => {
    expect(in2022(chip("1000", "600")).clause).toBe("3A090.a.1");
  });
  it("one unit in the last place below 600 fails, so 3A090.a does not apply", () => {
    const result = in2022(chip("1000", "599.9999"));
    expect(result.clause).toBe("none");
    expect(result.trace.find((s) => s.step === "3A090.a (transfer rate)")!.result).toBe("fails");
  });
  it("missing transfer rate when the TOPS test holds: indeterminate naming interconnectGBps", () => {
    const result = in2022(chip("1000"));
    expect(result.clause).toBe("indeterminate");
    expect(result.missing[0]).toMatch(/^interconnectGBps/);
  });
});

describe("date edges", () => {
  it("2022-10-06 is refused: no text of 3A090 yet", () => {
    expect(() => classify(chip("1000", "900"), { date: "2022-10-06" })).toThrow(RulesDateError);
  });
  it("2022-10-07 applies the 2022 text", () => {
    expect(classify(chip("1000", "400"), { date: "2022-10-07" }).clause).toBe("none");
  });
  it("2023-11-16 still the 2022 text; 2023-11-17 the 2023 text", () => {
    expect(classify(chip("1000", "400"), { date: "2023-11-16" }).clause).toBe("none");
    expect(classify(chip("1000", "400"), { date: "2023-11-17" }).clause).toBe("3A090.a.1");
  });
  it("rulesAt without history still refuses dates before 2023-11-17 (other commands keep their contract)", () => {
    expect(() => rulesAt("2023-11-16")).toThrow(RulesDateError);
  });
  it("from 2023-11-17 the transfer rate does not change the answer", () => {
    const a = classify(chip("1000", "400"), { date: "2023-11-17" });
    const b = classify(chip("1000"), { date: "2023-11-17" });
    expect({ ...a, part: "" }).toEqual({ ...b, part: "" });
  });
});

describe("real parts through 2022 → 2026", () => {
  const load = (name: string) => JSON.parse(readFileSync(`data/examples/history/${name}.json`, "utf8"));
  const dates = ["2022-10-07", "2023-11-16", "2023-11-17", "2025-01-16", "2026-11-29"];
  const expected: Record<string, string[]> = {
    a800: ["none", "none", "3A090.a.1", "3A090.a.1", "3A090.a.1"],
    h800: ["none", "none", "3A090.a.1", "3A090.a.1", "3A090.a.1"],
    a100: ["3A090.a.1", "3A090.a.1", "3A090.a.1", "3A090.a.1", "3A090.a.1"],
    h100: ["3A090.a.1", "3A090.a.1", "3A090.a.1", "3A090.a.1", "3A090.a.1"],
  };
  for (const [name, clauses] of Object.entries(expected)) {
    it(`${name}: ${clauses.join(" → ")}`, () => {
      expect(dates.map((date) => classify(load(name), { date }).clause)).toEqual(clauses);
    });
  }
  it("the A800 in 2022: the trace gives the transfer rate as the reason", () => {
    const step = classify(load("a800"), { date: "2023-01-01" }).trace.find(
      (s) => s.step === "3A090.a (transfer rate)",
    )!;
    expect(step.statement).toContain("400 GB/s < 600 GB/s");
    expect(step.citation).toContain("87 FR 62186");
  });
});
