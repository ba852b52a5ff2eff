/**
 * 4A090.b: the same wording as 4A090.a for ICs meeting 3A090.b. Edge pairs
 * carried over from 3A090.b.1 (TPP 2400 or more and less than 4800, PD 1.6 or
 * more and less than 5.92) and 3A090.b.2 (TPP 1600 or more, PD 3.2 or more).
 */
import { describe, expect, it } from "vitest";
import { minus } from "../classify/build.js";
import { at, item, itemEccnOf } from "./build.js";

describe("4A090.b: an assembly whose IC meets 3A090.b", () => {
  it("IC at TPP exactly 2400 with PD exactly 1.6 (3A090.b.1): 4A090.b, citing 4A090.b", () => {
    const result = at(item({ tpp: "2400", area: "1500" }));
    expect(result).toMatchObject({ clause: "3A090.b.1", itemEccn: "4A090.b" });
    expect(result.itemBasis.find((s) => s.step === "4A090.b")?.citation).toMatch(/ECCN 4A090\.b/);
  });

  it("IC one unit in the last place below TPP 2400: outside 3A090, so 4A994.l", () => {
    expect(itemEccnOf({ tpp: minus("2400"), area: "1500" })).toBe("4A994.l");
  });

  it("IC at TPP 1600 and PD exactly 3.2 (3A090.b.2, 500 mm²): 4A090.b; PD one unit below: 4A994.l", () => {
    expect(itemEccnOf({ tpp: "1600", area: "500" })).toBe("4A090.b");
    expect(itemEccnOf({ tpp: minus("1600"), area: "500" })).toBe("4A994.l");
  });

  it("IC at TPP one unit below 4800 with PD 4 (3A090.b.1): 4A090.b; at 4800: 4A090.a", () => {
    expect(itemEccnOf({ tpp: minus("4800"), area: "1200" })).toBe("4A090.b");
    expect(itemEccnOf({ tpp: "4800", area: "1200" })).toBe("4A090.a");
  });
});
