/**
 * 4A090.a: "Computers, 'electronic assemblies,' and 'components' containing
 * integrated circuits, any of which meets or exceeds the limits in 3A090.a."
 * Edge pairs carried over from 3A090.a.1 (TPP 4800 or more) and 3A090.a.2
 * (TPP 1600 or more and PD 5.92 or more).
 */
import { describe, expect, it } from "vitest";
import { chipWithDensity, minus } from "../classify/build.js";
import { at, item, itemEccnOf } from "./build.js";

describe("4A090.a: an assembly whose IC meets 3A090.a", () => {
  it("IC at TPP exactly 4800 (PD 0.96): the card is 4A090.a, citing 4A090.a", () => {
    const result = at(item({ tpp: "4800", area: "5000" }));
    expect(result).toMatchObject({ clause: "3A090.a.1", eccn: "3A090.a", itemEccn: "4A090.a", missing: [] });
    expect(result.itemBasis.find((s) => s.step === "4A090.a")).toMatchObject({
      result: "holds",
      citation: expect.stringMatching(/^15 CFR 774 Supp\. 1, ECCN 4A090\.a .*confidence High/),
    });
    expect(result.itemBasis.at(-1)).toMatchObject({ step: "item ECCN", statement: "4A090.a" });
    expect(result.trace.slice(-result.itemBasis.length)).toEqual(result.itemBasis);
  });

  it("IC one unit in the last place below 4800 (PD below 1.6): not 4A090; 4A994.l by 3A991.p", () => {
    expect(itemEccnOf({ tpp: minus("4800"), area: "5000" })).toBe("4A994.l");
  });

  it("a computer or system takes the same paragraph", () => {
    expect(itemEccnOf({ tpp: "4800", area: "5000", form: "computer" })).toBe("4A090.a");
  });

  it("IC at TPP exactly 1600 with PD 16 (3A090.a.2): 4A090.a; one unit below 1600: 4A994.l", () => {
    expect(itemEccnOf({ tpp: "1600", area: "100" })).toBe("4A090.a");
    expect(itemEccnOf({ tpp: minus("1600"), area: "100" })).toBe("4A994.l");
  });

  it("IC at PD exactly 5.92 (TPP 2960 on 500 mm²): 4A090.a; PD one unit below: 4A090.b (3A090.b.1)", () => {
    expect(at({ ...chipWithDensity("5.92", "500"), form: "assembly" }).itemEccn).toBe("4A090.a");
    expect(at({ ...chipWithDensity(minus("5.92"), "500"), form: "assembly" }).itemEccn).toBe("4A090.b");
  });

  it("the IC itself (form ic, the default) stays 3A090.a", () => {
    expect(itemEccnOf({ tpp: "4800", area: "5000", form: "ic" })).toBe("3A090.a");
    const { form: _form, ...noForm } = item({ tpp: "4800", area: "5000" });
    expect(at(noForm).itemEccn).toBe("3A090.a");
  });

  it("an assembly without baseEccn says which input would change the answer", () => {
    expect(at(item({ tpp: "4800", area: "5000" })).notes.join("\n")).toMatch(
      /baseEccn not given: .*5A992\.c or 5A002.*Category 5 Part 2 determination/,
    );
  });
});
