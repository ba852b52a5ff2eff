/**
 * The FR 2026-00789 case-by-case zone depends on "commercially available
 * in the United States at the time of publication" (a date-fixed fact) and on
 * exporter certifications the tool cannot check (regulation-update.md §6
 * item 6).
 *
 * Reading chosen: the tool tests C1 (export from the US to China or Macau),
 * C2 (TPP < 21,000), C3 (total DRAM bandwidth < 6,500 GB/s), C4 (commercial
 * availability, an input) and C11 (the party is located there). When all hold,
 * the review policy is "case-by-case" and the certifications C5–C10 are listed
 * in `conditions` (C9 and C10 with their lower confidence): the policy holds
 * if the certifications are made. When a tested fact is missing, the policy is
 * null with both outcomes as candidates; when one fails, presumption of denial.
 */
import { describe, expect, it } from "vitest";
import { answer } from "../license/build.js";

describe("A-23: case-by-case if the certifications are made", () => {
  it("all tested conditions hold: case-by-case, certifications listed, not asked for as inputs", () => {
    const result = answer({ destination: "CN" });
    expect(result.reviewPolicy).toBe("case-by-case");
    expect(result.conditions.filter((c) => c.startsWith("D8 C")).length).toBe(6);
    expect(result.conditions.find((c) => c.startsWith("D8 C10"))).toMatch(/\[confidence low\]$/);
    expect(result.missing).toEqual([]);
  });
  it("commercial availability unknown: no policy, both candidates, the fact named", () => {
    const result = answer({ destination: "CN", item: { commerciallyAvailableInUs: undefined } });
    expect(result.reviewPolicy).toBeNull();
    expect(result.reviewPolicyCandidates).toEqual(["presumption of denial", "case-by-case"]);
  });
  it("a reexport from a third country: presumption of denial, no certifications listed", () => {
    const result = answer({ destination: "CN", transaction: "reexport", exportFrom: "SG" });
    expect(result.reviewPolicy).toBe("presumption of denial");
    expect(result.conditions.some((c) => c.startsWith("D8"))).toBe(false);
  });
});
