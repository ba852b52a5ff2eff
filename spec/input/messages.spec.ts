/**
 * Messages a person can act on (issue 9 §5): one regression per wording.
 */
import { describe, expect, it } from "vitest";
import { classify, InvalidInputError } from "../../src/index.js";
import { describeDensity } from "../../src/classify/clauses.js";
import { renderTable } from "../../src/catalogue/table.js";
import { parseQuantity } from "../../src/numbers/quantity.js";
import { DecimalSyntaxError, parseDecimal } from "../../src/numbers/rational.js";
import { DATE } from "../classify/build.js";

describe("a figure with a unit is quoted whole in its error", () => {
  it('regression: "1.2.3 TOPS" is quoted whole, not as "1.2.3"', () => {
    let error: unknown;
    try {
      parseQuantity("1.2.3 TOPS", "throughput");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DecimalSyntaxError);
    expect((error as DecimalSyntaxError).reason).toBe(
      '"1.2.3 TOPS" is not a decimal; give digits with an optional point and exponent, e.g. "989.4" or "1.979e3"',
    );
  });

  it('"5. TOPS" keeps its specific reason, quoted whole', () => {
    expect(() => parseQuantity("5. TOPS", "throughput")).toThrow('"5. TOPS" needs digits on both sides of the point');
  });
});

describe("PD that the die facts leave open is worded for a person", () => {
  const exact = (text: string) => ({ kind: "exact" as const, value: parseDecimal(text) });

  it("regression: no 'between undefined and unbounded'", () => {
    const text = describeDensity({ kind: "undefined-pd" }, { kind: "unbounded" });
    expect(text).toBe(
      "PD not known, as die facts are missing: it could be undefined, if no die counts toward the applicable die area, or arbitrarily high, since a die that counts has no area given",
    );
    expect(text).not.toMatch(/between undefined|unbounded/);
  });

  it("a known lower bound with no upper bound; no PD or a known value", () => {
    expect(describeDensity(exact("3.75"), { kind: "unbounded" })).toBe(
      "PD not known, as die facts are missing: it could be at least 3.75, or arbitrarily high, since a die that counts has no area given",
    );
    expect(describeDensity({ kind: "undefined-pd" }, exact("7.5"))).toBe(
      "PD not known, as die facts are missing: it could be undefined, if no die counts toward the applicable die area, or 7.5 if every die in doubt counts",
    );
    expect(describeDensity(exact("3.75"), exact("7.5"))).toBe(
      "PD unknown, between 3.75 and 7.5 as die facts are missing",
    );
  });
});

describe("the table names a missing fact as the input names it", () => {
  const result = classify(
    { part: "NO-DIES", datacenter: true, units: [{ rates: [{ format: "FP8", tops: "400" }] }] },
    { date: DATE },
  );
  const outcome = { kind: "classified" as const, row: 1, part: "NO-DIES", datacenter: true, result };

  it("regression: JSON input says the datasheet field (dies), not the CSV column die_area_mm2", () => {
    expect(result.clause).toBe("indeterminate");
    const table = renderTable([outcome], { fieldNames: "json" });
    expect(table).toContain("needs dies");
    expect(table).not.toContain("die_area_mm2");
  });

  it("a CSV catalogue says the column; input of unknown kind says both", () => {
    expect(renderTable([outcome], { fieldNames: "csv" })).toContain("needs die_area_mm2");
    expect(renderTable([outcome])).toContain("needs die_area_mm2");
    expect(renderTable([outcome], { fieldNames: "both" })).toContain("needs dies / die_area_mm2");
  });

  it("an invalid datasheet is still an InvalidInputError", () => {
    expect(() => classify({ part: "X" }, { date: DATE })).toThrow(InvalidInputError);
  });
});
