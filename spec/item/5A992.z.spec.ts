/**
 * 5A992.z: "z.1 Commodities that are described in 5A992.c and that also meet
 * or exceed the performance parameters in 3A090.a or 4A090.a; or z.2 ... 3A090.b
 * or 4A090.b." Category 5 Part 2 comes first for information-security items;
 * whether an item is 5A992.c is the user's determination (baseEccn).
 */
import { describe, expect, it } from "vitest";
import { minus } from "../classify/build.js";
import { at, item, itemEccnOf } from "./build.js";

describe("5A992.z: a mass-market encryption module or system meeting 3A090/4A090", () => {
  it("IC at TPP exactly 4800: 5A992.z.1, citing 5A992.z with its confidence", () => {
    const result = at(item({ tpp: "4800", area: "5000", baseEccn: "5A992.c", form: "computer" }));
    expect(result.itemEccn).toBe("5A992.z.1");
    expect(result.itemBasis.find((s) => s.step === "5A992.z")).toMatchObject({
      result: "holds",
      statement: "5A992.c (stated) and the item meets the performance parameters of 3A090.a or 4A090.a: 5A992.z.1",
      citation: expect.stringMatching(/ECCN 5A992\.z .*confidence High/),
    });
  });

  it("TPP one unit below 4800 with PD 4 (3A090.b.1): 5A992.z.2", () => {
    expect(itemEccnOf({ tpp: minus("4800"), area: "1200", baseEccn: "5A992.c" })).toBe("5A992.z.2");
  });

  it("outside 3A090 (TPP one unit below 1600, PD 16): the module stays 5A992.c, citing Category 5 Part 2", () => {
    const result = at(item({ tpp: minus("1600"), area: "100", baseEccn: "5A992.c" }));
    expect(result.itemEccn).toBe("5A992.c");
    expect(result.itemBasis.find((s) => s.step === "base entry 5A992.c")?.citation).toMatch(
      /Category 5 Part 2, Note 1/,
    );
  });

  it("an IC at 3A090.c parameters never makes a .z: an HBM's item ECCN is its own paragraph", () => {
    const hbm = at({ part: "HBM3 stack", kind: "hbm", bandwidthGBps: "819", areaMm2: "110" });
    expect([hbm.eccn, hbm.itemEccn]).toEqual(["3A090.c", "3A090.c"]);
    expect(hbm.itemBasis[0]?.statement).toMatch(/3A090\.c parameters are not used to decide 4A090 or a \.z paragraph/);
  });

  it('"5A992" without its paragraph: indeterminate when the item meets the parameters, naming baseEccn', () => {
    const result = at(item({ tpp: "4800", area: "5000", baseEccn: "5A992" }));
    expect(result.itemEccn).toBe("indeterminate");
    expect(result.missing).toEqual([expect.stringMatching(/^baseEccn: the paragraph of 5A992/)]);
  });
});
