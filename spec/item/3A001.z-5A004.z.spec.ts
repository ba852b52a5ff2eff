/**
 * 3A001.z: "Any commodity described in 3A001 that meets or exceeds the
 * performance parameters in 3A090": z.1 (3A001.b.2, b.3), z.2 (3A001.a.1.a,
 * a.5.a), z.3 (meeting 3A201: not told from the paragraph, so warned about),
 * z.4 all other commodities of 3A001; each with .a and .b.
 * 5A004.z: z.1 and z.2 follow 5A004.a and .b, each with .a and .b.
 */
import { describe, expect, it } from "vitest";
import { minus } from "../classify/build.js";
import { at, item, itemEccnOf } from "./build.js";

describe("3A001.z", () => {
  it("a 3A001.a.5.a IC at TPP exactly 4800: 3A001.z.2.a; one unit below (PD 4): 3A001.z.2.b", () => {
    expect(itemEccnOf({ tpp: "4800", area: "1200", baseEccn: "3A001.a.5.a", form: "ic" })).toBe("3A001.z.2.a");
    expect(itemEccnOf({ tpp: minus("4800"), area: "1200", baseEccn: "3A001.a.5.a", form: "ic" })).toBe("3A001.z.2.b");
  });

  it("3A001.b.3 → z.1; another 3A001 paragraph → z.4, warning that z.3 (3A201) was not evaluated", () => {
    expect(itemEccnOf({ tpp: "4800", area: "1200", baseEccn: "3A001.b.3", form: "ic" })).toBe("3A001.z.1.a");
    const other = at(item({ tpp: "4800", area: "1200", baseEccn: "3A001.a.7", form: "ic" }));
    expect(other.itemEccn).toBe("3A001.z.4.a");
    expect(other.warnings.join("\n")).toMatch(/3A001\.z\.4\.a: 3A001\.z\.3 instead if .* 3A201/);
  });
});

describe("5A004.z", () => {
  it("5A004.a at TPP exactly 4800: 5A004.z.1.a; 5A004.b one unit below (PD 4): 5A004.z.2.b", () => {
    expect(itemEccnOf({ tpp: "4800", area: "1200", baseEccn: "5A004.a" })).toBe("5A004.z.1.a");
    expect(itemEccnOf({ tpp: minus("4800"), area: "1200", baseEccn: "5A004.b" })).toBe("5A004.z.2.b");
  });
});
