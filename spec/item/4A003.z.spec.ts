/**
 * 4A003.z: "Commodities specified in this ECCN 4A003 that also meet or exceed
 * the performance parameters in 4A090": z.1 for 4A003.b or .c, z.2 for
 * 4A003.g, each with .a (4A090.a) and .b (4A090.b).
 */
import { describe, expect, it } from "vitest";
import { minus } from "../classify/build.js";
import { at, item, itemEccnOf } from "./build.js";

describe("4A003.z: a computer described in 4A003 meeting 4A090", () => {
  it("4A003.b at TPP exactly 4800: 4A003.z.1.a; one unit below (PD 4): 4A003.z.1.b", () => {
    expect(itemEccnOf({ tpp: "4800", area: "1200", baseEccn: "4A003.b", form: "computer" })).toBe("4A003.z.1.a");
    expect(itemEccnOf({ tpp: minus("4800"), area: "1200", baseEccn: "4A003.b", form: "computer" })).toBe("4A003.z.1.b");
  });

  it("4A003.c → z.1; 4A003.g → z.2", () => {
    expect(itemEccnOf({ tpp: "4800", area: "1200", baseEccn: "4A003.c", form: "computer" })).toBe("4A003.z.1.a");
    expect(itemEccnOf({ tpp: "4800", area: "1200", baseEccn: "4A003.g", form: "computer" })).toBe("4A003.z.2.a");
  });

  it("a 4A003 paragraph without a .z paragraph (4A003.e): 4A090.a, with a warning that the order of review is not evaluated", () => {
    const result = at(item({ tpp: "4800", area: "1200", baseEccn: "4A003.e", form: "computer" }));
    expect(result.itemEccn).toBe("4A090.a");
    expect(result.warnings.join("\n")).toMatch(
      /baseEccn 4A003\.e has no \.z paragraph .* order of review .* not evaluated/,
    );
  });
});
