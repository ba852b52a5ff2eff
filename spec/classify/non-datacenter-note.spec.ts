/**
 * The note to 3A090.a and 3A090.b on items not designed or marketed for use
 * in datacenters (cited by its text; its number is provisional, A-9):
 *
 * > 3A090.a and 3A090.b do not apply to items that are not designed or
 * > marketed for use in datacenters and do not have a 'total processing
 * > performance' of 4800 or more. For 3A090.a and 3A090.b items that are not
 * > designed or marketed for use in datacenters and that have a 'total
 * > processing performance' of 4800 or more, see license exceptions NAC and ACA.
 */
import { describe, expect, it } from "vitest";
import { classify } from "../../src/index.js";
import { chip, DATE, minus } from "./build.js";

const at = (input: unknown) => classify(input, { date: DATE });

describe("not designed or marketed for datacenters", () => {
  it("TPP exactly 4800 is 3A090.a.1, with the NAC/ACA note", () => {
    const result = at(chip({ tpp: "4800", area: "100", datacenter: false }));
    expect(result).toMatchObject({ clause: "3A090.a.1", eccn: "3A090.a" });
    expect(result.notes.join(" ")).toMatch(
      /not designed or marketed for datacenters with TPP of 4800 or more: 3A090\.a, and licence exceptions NAC and ACA may be available/,
    );
    expect(result.trace.find((s) => s.step === "non-datacenter note")).toMatchObject({ result: "does not apply" });
  });

  it("TPP one unit in the last place below 4800 is outside .a and .b even with PD far above 5.92", () => {
    const result = at(chip({ tpp: minus("4800"), area: "100", datacenter: false }));
    expect(result).toMatchObject({ clause: "none", eccn: "none", matched: [] });
    const note = result.trace.find((s) => s.step === "non-datacenter note")!;
    expect(note).toMatchObject({
      result: "applies",
      statement: "not designed or marketed for datacenters; TPP 4799.999999999999 < 4800",
    });
    expect(note.citation).toMatch(
      /note to 3A090\.a and 3A090\.b on items not designed or marketed for use in datacenters/,
    );
    expect(result.trace.find((s) => s.step === "3A090.a.2")?.result).toBe("does not apply");
    expect(result.notes.join(" ")).toMatch(
      /outside 3A090\.a and \.b: not designed or marketed for datacenters, and TPP below 4800/,
    );
  });

  it("the same chip designed for datacenters is 3A090.a.2", () => {
    expect(at(chip({ tpp: minus("4800"), area: "100", datacenter: true })).clause).toBe("3A090.a.2");
  });

  it("a consumer GPU at TPP 5284.8 (RTX 4090 class) is 3A090.a.1 despite not being for datacenters", () => {
    const result = at({
      part: "consumer GPU",
      datacenter: false,
      datacenterRationale: "marketed for gaming and workstations",
      units: [{ rates: [{ format: "FP8", tops: "660.6" }] }],
      dies: [{ areaMm2: "609", logic: true, nonPlanar: true }],
    });
    expect(result).toMatchObject({ tpp: "5284.8", clause: "3A090.a.1" });
    expect(result.trace.find((s) => s.step === "non-datacenter note")?.statement).toContain(
      "(marketed for gaming and workstations)",
    );
  });
});

describe("datacenter design or marketing not given", () => {
  it("when it changes the answer (TPP 3000, PD 5): indeterminate, naming the datacenter flag", () => {
    const result = at(chip({ tpp: "3000", area: "600", datacenter: null }));
    expect(result).toMatchObject({ clause: "indeterminate", eccn: "indeterminate", matched: [] });
    expect(result.missing).toEqual(["datacenter: whether the IC is designed or marketed for use in datacenters"]);
    expect(result.trace.find((s) => s.step === "non-datacenter note")?.result).toBe("unknown");
  });

  it("absent and null are the same", () => {
    const { datacenter: _, ...absent } = chip({ tpp: "3000", area: "600" });
    expect(at(absent).clause).toBe("indeterminate");
  });

  it("at 4800 or more it does not matter: 3A090.a.1, with a conditional NAC/ACA note", () => {
    const result = at(chip({ tpp: "4800", area: "600", datacenter: null }));
    expect(result).toMatchObject({ clause: "3A090.a.1", missing: [] });
    expect(result.notes.join(" ")).toMatch(
      /^if the IC is not designed or marketed for datacenters, licence exceptions NAC and ACA may be available/,
    );
  });

  it("below 1600 it does not matter: outside 3A090", () => {
    expect(at(chip({ tpp: "1599", area: "100", datacenter: null }))).toMatchObject({ clause: "none", missing: [] });
  });
});
