/**
 * A vendor's stated TPP per IC is a cross-check, never the figure classified
 * on: more than 3 % from the computed TPP (the tolerance in
 * data/rules/items.json), or on the other side of a TPP threshold, is a warning
 * naming both.
 */
import { describe, expect, it } from "vitest";
import { at, item } from "./build.js";

const warnings = (statedTpp: string, tpp = "10000") => at(item({ tpp, area: "1000", statedTpp })).warnings;

describe("statedTpp", () => {
  it("exactly 3 % away is within the tolerance; 10300.000000000001 is beyond it", () => {
    expect(warnings("10300")).toEqual([]);
    expect(warnings("10300.000000000001")).toEqual([
      "stated TPP 10300.000000000001 differs from the computed TPP 10000 by 3.00000000000001% (more than 3%); classified on the computed TPP",
    ]);
  });

  it("on the other side of 4800 (a vendor figure that would say .b while the rates say .a): warned, classified on the computed TPP", () => {
    const result = at(item({ tpp: "4850", area: "1000", statedTpp: "4790" }));
    expect(result.itemEccn).toBe("4A090.a");
    expect(result.warnings).toEqual([
      'stated TPP 4790 and computed TPP 4850 lie on different sides of 4800 (3A090.a.1, "of 4800 or more"); classified on the computed TPP',
    ]);
  });

  it("refuses a stated TPP given as a JSON number", () => {
    expect(() => at({ ...item({ tpp: "4850", area: "1000" }), statedTpp: 4790 })).toThrow(
      /statedTpp: give the figure as a string/,
    );
  });
});
