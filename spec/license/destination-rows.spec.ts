/**
 * Destination rows D1–D7 of the decision table (regulation-update.md §3.5),
 * mode enforced: .a items follow the .b scope, "D:1, D:4, and D:5 …,
 * excluding any destination also specified in Country Groups A:5 or A:6",
 * plus the UAE (D5) and Macau beside D:5. The exclusions are tested in pairs.
 */
import { describe, expect, it } from "vitest";
import { answer, rowIds } from "./build.js";

describe("D1: A:5/A:6 or outside D:1/D:4/D:5, not the UAE: no licence", () => {
  it.each(["DE", "JP", "IN", "TW", "SG", "MX", "MY"])("3A090.a datacenter to %s: no", (destination) => {
    const result = answer({ destination });
    expect(result.licenseRequired).toBe("no");
    expect(rowIds(result)).toEqual(["D1"]);
    expect(result.reviewPolicy).toBeNull();
  });
  it("Israel is in D:4 and A:6: the A:6 exclusion wins (no licence)", () => {
    expect(answer({ destination: "IL" }).licenseRequired).toBe("no");
  });
  it("Saudi Arabia is in D:4 and not in A:5/A:6: a licence (D4)", () => {
    const result = answer({ destination: "SA" });
    expect(result.licenseRequired).toBe("yes");
    expect(rowIds(result)).toEqual(["D4"]);
  });
});

describe("D2: 3A090.b to D:1/D:4 not A:5/A:6: licence, ACA", () => {
  it.each(["VN", "KZ", "SA", "QA", "EG"])("3A090.b to %s: yes, ACA", (destination) => {
    const result = answer({ destination, item: { eccn: "3A090.b" } });
    expect(result.licenseRequired).toBe("yes");
    expect(rowIds(result)).toEqual(["D2"]);
    expect(result.exceptions).toEqual(["ACA"]);
  });
  it("the review policy is unverified: null, with the secondary reading as a candidate and a warning", () => {
    const result = answer({ destination: "VN", item: { eccn: "3A090.b" } });
    expect(result.reviewPolicy).toBeNull();
    expect(result.reviewPolicyCandidates).toEqual(["presumption of approval"]);
    expect(result.warnings.some((w) => w.startsWith("D2: review policy unverified"))).toBe(true);
  });
  it("3A090.b to Israel (D:4 and A:6): no licence", () => {
    expect(answer({ destination: "IL", item: { eccn: "3A090.b" } }).licenseRequired).toBe("no");
  });
});

describe("D3 and D4: 3A090.a to D:1/D:4, by datacenter design", () => {
  it("D3: not designed or marketed for datacenters: ACA", () => {
    const result = answer({ destination: "VN", item: { datacenter: false, tpp: "5285" } });
    expect(rowIds(result)).toEqual(["D3"]);
    expect(result.exceptions).toEqual(["ACA"]);
  });
  it("D4: designed for datacenters: no exception", () => {
    const result = answer({ destination: "VN" });
    expect(rowIds(result)).toEqual(["D4"]);
    expect(result.exceptions).toEqual([]);
  });
  it("datacenter design not stated: D4 with the fact named as missing, no exception offered", () => {
    const result = answer({ destination: "VN", item: { datacenter: undefined } });
    expect(result.licenseRequired).toBe("yes");
    expect(result.exceptions).toEqual([]);
    expect(result.missing.some((m) => m.startsWith("item.datacenter"))).toBe(true);
  });
});

describe("D5: the UAE, named in the .b RS line (A-22)", () => {
  it("3A090.b to AE after it joined A:5 (2026-07-10): licence required, unverified mechanism warned, no ACA", () => {
    const result = answer({ destination: "AE", item: { eccn: "3A090.b" } });
    expect(result.licenseRequired).toBe("yes");
    expect(rowIds(result)).toEqual(["D5"]);
    expect(result.exceptions).toEqual([]);
    expect(result.warnings.some((w) => w.includes("D5 is used but unverified"))).toBe(true);
  });
  it("the day before the UAE joined A:5 it was in D:4: D2 with ACA", () => {
    const result = answer({ destination: "AE", item: { eccn: "3A090.b" } }, "2026-07-09");
    expect(rowIds(result)).toEqual(["D2"]);
    expect(result.exceptions).toEqual(["ACA"]);
  });
});

describe("D6 and D7: Macau or D:5", () => {
  it("D6: 3A090.b to Russia: licence, NAC, presumption of denial", () => {
    const result = answer({ destination: "RU", item: { eccn: "3A090.b" } });
    expect(rowIds(result)).toEqual(["D6"]);
    expect(result.exceptions).toEqual(["NAC"]);
    expect(result.reviewPolicy).toBe("presumption of denial");
  });
  it("D7: datacenter 3A090.a to Russia: licence, no exception, presumption of denial", () => {
    const result = answer({ destination: "RU" });
    expect(rowIds(result)).toEqual(["D7"]);
    expect(result.exceptions).toEqual([]);
    expect(result.reviewPolicy).toBe("presumption of denial");
  });
  it("Macau (beside D:5, not in it) is treated as D:5 for the rows", () => {
    const result = answer({ destination: "MO", exportFrom: "JP" });
    expect(rowIds(result)).toEqual(["D7"]);
    expect(result.reviewPolicy).toBe("presumption of denial");
  });
  it("Hong Kong is treated as China, with a note", () => {
    const result = answer({ destination: "HK", exportFrom: "JP" });
    expect(result.destination).toBe("CN");
    expect(rowIds(result)).toEqual(["D7"]);
    expect(result.notes.some((n) => n.startsWith("HK:"))).toBe(true);
  });
});

describe("Z1 and N1: .z paragraphs follow their tier; items outside 3A090 are AT-only", () => {
  it("5A992.z.1 follows the .a row, 5A992.z.2 the .b row", () => {
    expect(rowIds(answer({ destination: "RU", item: { eccn: "5A992.z.1" } }))).toEqual(["D7"]);
    expect(rowIds(answer({ destination: "RU", item: { eccn: "5A992.z.2" } }))).toEqual(["D6"]);
  });
  it("5A002.z.1 without its .a/.b tier: the tier is named as missing", () => {
    const result = answer({ destination: "RU", item: { eccn: "5A002.z.1" } });
    expect(result.missing.some((m) => m.includes("tier of the .z paragraph"))).toBe(true);
  });
  it("4A994.l to China: no advanced-computing row; to Iran (embargoed): a licence, warned as unverified", () => {
    expect(answer({ destination: "CN", item: { eccn: "4A994.l" } }).licenseRequired).toBe("no");
    const iran = answer({ destination: "IR", item: { eccn: "4A994.l" } });
    expect(iran.licenseRequired).toBe("yes");
    expect(iran.reviewPolicy).toBeNull();
  });
  it("an indeterminate item is never a silent no", () => {
    expect(answer({ destination: "DE", item: { eccn: "indeterminate" } }).licenseRequired).toBe("indeterminate");
  });
});

describe("C1: 3A090.c (HBM) only to Macau or D:5", () => {
  it("to China: licence; to Vietnam: no", () => {
    expect(
      answer({ destination: "CN", exportFrom: "KR", item: { eccn: "3A090.c", memoryBandwidthDensity: "3.2" } })
        .licenseRequired,
    ).toBe("yes");
    expect(answer({ destination: "VN", item: { eccn: "3A090.c" } }).licenseRequired).toBe("no");
  });
});

describe("C2: 3A090.c for a D:5/Macau-headquartered party outside Macau/D:5 (unverified reading)", () => {
  it("to Germany for a Chinese-headquartered party: licence, warned as unverified (confidence low)", () => {
    const result = answer({ destination: "DE", item: { eccn: "3A090.c" }, endUser: { headquarters: "CN" } });
    expect(rowIds(result)).toEqual(["C2"]);
    expect(result.licenseRequired).toBe("yes");
    expect(result.warnings.some((w) => w.startsWith("C2 is used but unverified (confidence low)"))).toBe(true);
  });
  it("the same for a German-headquartered party: no licence", () => {
    expect(answer({ destination: "DE", item: { eccn: "3A090.c" } }).licenseRequired).toBe("no");
  });
});

describe("E1 for an item whose ECCN outside 3A090 is not given", () => {
  it("EAR99 or none with a supercomputer end use: indeterminate, naming the item's ECCN", () => {
    const result = answer({ item: { eccn: "none" }, endUse: { supercomputer: true } });
    expect(result.licenseRequired).toBe("indeterminate");
    expect(result.missing.some((m) => m.startsWith("item.eccn"))).toBe(true);
  });
});
