/**
 * 5A002.z: "z.1.a. Commodities that are described in 5A002.a and that also
 * meet or exceed the performance parameters in 3A090.a or 4A090.a; z.1.b ...
 * 3A090.b or 4A090.b"; z.2 to z.5 follow 5A002.b to .e.
 */
import { describe, expect, it } from "vitest";
import { minus } from "../classify/build.js";
import { itemEccnOf } from "./build.js";

describe("5A002.z: an information-security item meeting 3A090/4A090", () => {
  it("a 5A002.a baseboard with an IC at TPP exactly 4800: 5A002.z.1.a; one unit below (PD 4): 5A002.z.1.b", () => {
    expect(itemEccnOf({ tpp: "4800", area: "1200", baseEccn: "5A002.a" })).toBe("5A002.z.1.a");
    expect(itemEccnOf({ tpp: minus("4800"), area: "1200", baseEccn: "5A002.a" })).toBe("5A002.z.1.b");
  });

  it("the sub-paragraph follows 5A002.a to .e: 5A002.a.1 → z.1, 5A002.c → z.3, 5A002.e → z.5", () => {
    expect(itemEccnOf({ tpp: "4800", area: "1200", baseEccn: "5A002.a.1" })).toBe("5A002.z.1.a");
    expect(itemEccnOf({ tpp: "4800", area: "1200", baseEccn: "5A002.c" })).toBe("5A002.z.3.a");
    expect(itemEccnOf({ tpp: "2400", area: "1500", baseEccn: "5A002.e" })).toBe("5A002.z.5.b");
  });

  it("outside 3A090 (TPP one unit below 2400, PD below 3.2): the item stays 5A002.a", () => {
    expect(itemEccnOf({ tpp: minus("2400"), area: "1500", baseEccn: "5A002.a" })).toBe("5A002.a");
  });

  it("an IC (form ic) described in 5A002.a meeting 3A090.a is 5A002.z.1.a too", () => {
    expect(itemEccnOf({ tpp: "4800", area: "1200", baseEccn: "5A002.a", form: "ic" })).toBe("5A002.z.1.a");
  });
});
