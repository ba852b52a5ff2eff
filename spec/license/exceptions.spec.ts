/**
 * Licence exceptions X1–X4: NAC (§ 740.8(a),(c)), ACA (§ 740.8(b)), HBM
 * (§ 740.25), and as written AIA, ACM, LPP (§§ 740.27–740.29). An exception is
 * offered only when it lifts every requirement that applies.
 */
import { describe, expect, it } from "vitest";
import { answer } from "./build.js";

describe("NAC", () => {
  it("not for a datacenter item meeting 3A090.a", () => {
    expect(answer({ destination: "RU" }).exceptions).toEqual([]);
  });
  it("for the same item not designed or marketed for datacenters", () => {
    const result = answer({ destination: "RU", item: { datacenter: false } });
    expect(result.exceptions).toEqual(["NAC"]);
    expect(result.conditions.some((c) => c.includes("Total Processing Performance"))).toBe(true);
  });
  it("not when an end-use overlay also requires a licence (NAC lifts only the destination row)", () => {
    expect(
      answer({ destination: "RU", item: { datacenter: false }, endUse: { supercomputer: true } }).exceptions,
    ).toEqual([]);
  });
});

describe("ACA", () => {
  it("a .b item to Vietnam: ACA; the same for a D:5-headquartered party: NAC instead", () => {
    expect(answer({ destination: "VN", item: { eccn: "3A090.b" } }).exceptions).toEqual(["ACA"]);
    expect(
      answer({ destination: "VN", item: { eccn: "3A090.b" }, endUser: { headquarters: "CN" } }).exceptions,
    ).toEqual(["NAC"]);
  });
});

describe("HBM: memory bandwidth density less than 3.3 GB/s/mm²", () => {
  const hbm = (memoryBandwidthDensity: string) =>
    answer({ destination: "CN", exportFrom: "KR", item: { eccn: "3A090.c", memoryBandwidthDensity } });
  it("3.3 exactly: not available", () => {
    expect(hbm("3.3").exceptions).toEqual([]);
  });
  it("3.299999 (one unit in the last place below): available, with its conditions", () => {
    const result = hbm("3.299999");
    expect(result.exceptions).toEqual(["HBM"]);
    expect(result.conditions.some((c) => c.startsWith("HBM: sold directly"))).toBe(true);
  });
  it("not given: not offered, and named as missing", () => {
    const result = answer({ destination: "CN", item: { eccn: "3A090.c" } });
    expect(result.exceptions).toEqual([]);
    expect(result.missing.some((m) => m.startsWith("item.memoryBandwidthDensity"))).toBe(true);
  });
});

describe("AIA, ACM, LPP: only as written", () => {
  it("mode enforced never offers them", () => {
    for (const destination of ["DE", "VN", "IN"]) {
      const result = answer({ destination, endUser: { headquarters: destination } });
      expect(result.exceptions.filter((e) => ["AIA", "ACM", "LPP"].includes(e))).toEqual([]);
    }
  });
  it("as written, a datacenter .a item to a German (Tier 1) end user: AIA, ACM and LPP, each warned as not enforced", () => {
    const result = answer({ destination: "DE" }, "2026-11-29", "as-written");
    expect(result.licenseRequired).toBe("yes");
    expect(result.exceptions).toEqual(["AIA", "ACM", "LPP"]);
    expect(result.warnings.some((w) => w.startsWith("exception AIA is part of the AI Diffusion rule"))).toBe(true);
  });
  it("as written, to India (Tier 2): ACM and LPP, not AIA", () => {
    expect(
      answer({ destination: "IN", endUser: { headquarters: "IN" } }, "2026-11-29", "as-written").exceptions,
    ).toEqual(["ACM", "LPP"]);
  });
  it("as written, for a D:5-headquartered party: none of them", () => {
    expect(
      answer({ destination: "DE", endUser: { headquarters: "CN" } }, "2026-11-29", "as-written").exceptions,
    ).toEqual([]);
  });
});
