/**
 * H1: "for an entity that is headquartered in, or whose ultimate parent company
 * is headquartered in, either Macau or a destination specified in Country Group
 * D:5", to any destination outside the United States (BIS guidance of
 * 2026-05-31): licence required, presumption of denial, NAC only for .b and
 * non-datacenter .a items.
 */
import { describe, expect, it } from "vitest";
import { answer, rowIds } from "./build.js";

describe("H1: the headquarters rule", () => {
  it("a Malaysian subsidiary of a Chinese company: licence, presumption of denial, no exception for a datacenter .a item", () => {
    const result = answer({ destination: "MY", endUser: { headquarters: "MY", ultimateParentHeadquarters: "CN" } });
    expect(result.licenseRequired).toBe("yes");
    expect(rowIds(result)).toEqual(["H1"]);
    expect(result.reviewPolicy).toBe("presumption of denial");
    expect(result.exceptions).toEqual([]);
  });
  it("the same subsidiary of a Japanese company: no licence", () => {
    expect(
      answer({ destination: "MY", endUser: { headquarters: "MY", ultimateParentHeadquarters: "JP" } }).licenseRequired,
    ).toBe("no");
  });
  it("applies in A:5/A:6 destinations too (Germany, for a Macau-headquartered entity)", () => {
    expect(rowIds(answer({ destination: "DE", endUser: { headquarters: "MO" } }))).toEqual(["H1"]);
  });
  it("a Hong Kong headquarters is read as China", () => {
    expect(answer({ destination: "SG", endUser: { headquarters: "HK" } }).licenseRequired).toBe("yes");
  });
  it("a 3A090.b item for a D:5-headquartered entity in Singapore: NAC is available", () => {
    const result = answer({ destination: "SG", item: { eccn: "3A090.b" }, endUser: { headquarters: "CN" } });
    expect(result.exceptions).toEqual(["NAC"]);
    expect(result.reviewPolicy).toBe("presumption of denial");
  });
  it("a D:5-headquartered entity located outside China stays at presumption of denial even for an H200 exported from the US", () => {
    const result = answer({ destination: "SG", item: { dramBandwidthGBps: "4800" }, endUser: { headquarters: "CN" } });
    expect(result.reviewPolicy).toBe("presumption of denial");
  });
  it("the destination is the United States: H1 does not apply", () => {
    expect(
      answer({ destination: "US", transaction: "transfer", endUser: { headquarters: "CN" } }).licenseRequired,
    ).toBe("no");
  });
  it("headquarters not given: indeterminate, naming the field (never a silent no)", () => {
    const result = answer({ destination: "DE", endUser: { headquarters: undefined } });
    expect(result.licenseRequired).toBe("indeterminate");
    expect(result.missing.some((m) => m.startsWith("endUser.headquarters"))).toBe(true);
  });
  it("ultimate parent not given: indeterminate; null (no parent) settles it", () => {
    expect(answer({ destination: "DE", endUser: { ultimateParentHeadquarters: undefined } }).licenseRequired).toBe(
      "indeterminate",
    );
    expect(answer({ destination: "DE", endUser: { ultimateParentHeadquarters: null } }).licenseRequired).toBe("no");
  });
  it("H2 is noted from 2026-05-31: existing datacenter operations need not cease", () => {
    expect(answer({ destination: "DE", endUser: { headquarters: "CN" } }).notes.some((n) => n.startsWith("H2:"))).toBe(
      true,
    );
    expect(
      answer({ destination: "DE", endUser: { headquarters: "CN" } }, "2026-05-30").notes.some((n) =>
        n.startsWith("H2:"),
      ),
    ).toBe(false);
  });
});
