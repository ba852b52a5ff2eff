/**
 * D8, FR 2026-00789 (91 FR 1684, effective 2026-01-15): "for advanced
 * computing commodities with a TPP less than 21,000 … and a 'total DRAM
 * bandwidth' less than 6,500 GB/s … for exports from the United States
 * destined to China or Macau": case-by-case review, if the exporter makes the
 * certifications. Both limits are strict; each condition is tested on both
 * sides of its edge.
 */
import { describe, expect, it } from "vitest";
import { answer, rowIds } from "./build.js";

const toChina = { destination: "CN" } as const;

describe("D8: inside the zone", () => {
  it("an H200-class export from the US to China: licence, case-by-case, certifications C5–C10 as conditions", () => {
    const result = answer({ ...toChina, item: { dramBandwidthGBps: "4800" } });
    expect(result.licenseRequired).toBe("yes");
    expect(result.reviewPolicy).toBe("case-by-case");
    expect(rowIds(result)).toEqual(["D7", "D8"]);
    expect(result.conditions.map((c) => c.slice(0, 6))).toEqual([
      "D8 C5:",
      "D8 C6:",
      "D8 C7:",
      "D8 C8:",
      "D8 C9:",
      "D8 C10",
    ]);
    expect(result.rows.find((row) => row.id === "D8")!.citation).toContain("91 FR 1684");
  });
  it("Macau is in the zone too", () => {
    expect(answer({ destination: "MO" }).reviewPolicy).toBe("case-by-case");
  });
  it("a Chinese-headquartered end user located in China stays in the zone (H1 follows D8 there)", () => {
    const result = answer({ ...toChina, endUser: { headquarters: "CN", ultimateParentHeadquarters: "CN" } });
    expect(rowIds(result)).toEqual(["H1", "D7", "D8"]);
    expect(result.reviewPolicy).toBe("case-by-case");
  });
});

describe("D8: TPP less than 21,000 (strict)", () => {
  it("TPP 21000 exactly is outside the zone: presumption of denial", () => {
    expect(answer({ ...toChina, item: { tpp: "21000" } }).reviewPolicy).toBe("presumption of denial");
  });
  it("TPP 20999.999999 (one unit in the last place below) is inside: case-by-case", () => {
    expect(answer({ ...toChina, item: { tpp: "20999.999999" } }).reviewPolicy).toBe("case-by-case");
  });
});

describe("D8: total DRAM bandwidth less than 6,500 GB/s (strict)", () => {
  it("6500 GB/s exactly is outside the zone", () => {
    expect(answer({ ...toChina, item: { dramBandwidthGBps: "6500" } }).reviewPolicy).toBe("presumption of denial");
  });
  it("6499.999999 GB/s is inside", () => {
    expect(answer({ ...toChina, item: { dramBandwidthGBps: "6499.999999" } }).reviewPolicy).toBe("case-by-case");
  });
  it("6.5 TB/s is read as 6500 GB/s: outside", () => {
    expect(answer({ ...toChina, item: { dramBandwidthGBps: "6.5 TB/s" } }).reviewPolicy).toBe("presumption of denial");
  });
});

describe("D8: effective 2026-01-15", () => {
  it("on 2026-01-14 the rule is not in force: presumption of denial", () => {
    const result = answer(toChina, "2026-01-14");
    expect(result.reviewPolicy).toBe("presumption of denial");
    expect(result.trace.find((step) => step.step === "D8")!.result).toBe("not in force");
  });
  it("on 2026-01-15 it is: case-by-case", () => {
    expect(answer(toChina, "2026-01-15").reviewPolicy).toBe("case-by-case");
  });
});

describe("D8: exports from the United States only", () => {
  it.each(["reexport", "transfer"])("a %s stays at presumption of denial", (transaction) => {
    expect(answer({ ...toChina, transaction }).reviewPolicy).toBe("presumption of denial");
  });
  it("an export from Japan stays at presumption of denial", () => {
    expect(answer({ ...toChina, exportFrom: "JP" }).reviewPolicy).toBe("presumption of denial");
  });
  it("export from the US, not to China or Macau (Russia): not in the zone", () => {
    expect(answer({ destination: "RU" }).reviewPolicy).toBe("presumption of denial");
  });
});

describe("D8: commercially available in the US on 2026-01-15", () => {
  it("not commercially available: presumption of denial", () => {
    expect(answer({ ...toChina, item: { commerciallyAvailableInUs: false } }).reviewPolicy).toBe(
      "presumption of denial",
    );
  });
  it("not stated: the licence is required, the policy is open (case-by-case or denial) and the fact is named", () => {
    const result = answer({ ...toChina, item: { commerciallyAvailableInUs: undefined } });
    expect(result.licenseRequired).toBe("yes");
    expect(result.reviewPolicy).toBeNull();
    expect(result.reviewPolicyCandidates).toEqual(["presumption of denial", "case-by-case"]);
    expect(result.missing.some((m) => m.startsWith("item.commerciallyAvailableInUs"))).toBe(true);
  });
  it("DRAM bandwidth not stated: the same, naming item.dramBandwidthGBps", () => {
    const result = answer({ ...toChina, item: { dramBandwidthGBps: undefined } });
    expect(result.reviewPolicy).toBeNull();
    expect(result.missing.some((m) => m.startsWith("item.dramBandwidthGBps"))).toBe(true);
  });
});

describe("D8 with NAC: a non-datacenter card to China", () => {
  it("NAC is offered (it covers D6 and H1), with its 25-day notice as a condition", () => {
    const result = answer({
      ...toChina,
      item: { eccn: "4A090.a", datacenter: false, tpp: "5285", dramBandwidthGBps: "1008" },
    });
    expect(result.exceptions).toEqual(["NAC"]);
    expect(result.conditions.some((c) => c.includes("twenty-five calendar days"))).toBe(true);
  });
});
