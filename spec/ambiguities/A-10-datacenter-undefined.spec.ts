/**
 * "Designed or marketed for use in datacenters" is undefined
 * (regulation.md §10).
 *
 * Reading chosen: the datasheet states it as an explicit boolean,
 * `datacenter`, with a free-text `datacenterRationale` that the trace
 * repeats. When it is absent or null, the classifier tries both values: when
 * they give the same clause the answer stands (TPP ≥ 4800, or TPP < 1600);
 * when they differ the answer is `indeterminate` and `missing` names the
 * flag. Why: the tool cannot decide a marketing question, and guessing
 * "false" would give a false "not controlled".
 *
 * Note: the rationale is optional in the input schema (regulation.md
 * suggests "required"); the H100 example of the issue has none.
 */
import { describe, expect, it } from "vitest";
import { classify, InvalidInputError } from "../../src/index.js";
import { chip, DATE, minus } from "../classify/build.js";

const at = (input: unknown) => classify(input, { date: DATE });
const MISSING = "datacenter: whether the IC is designed or marketed for use in datacenters";

describe("A-10: the datacenter flag is an explicit input", () => {
  it("unknown, where the answer depends on it: indeterminate naming the flag", () => {
    for (const tpp of ["1600", "3000", minus("4800")]) {
      const result = at(chip({ tpp, area: "200", datacenter: null }));
      expect(result.clause, tpp).toBe("indeterminate");
      expect(result.missing, tpp).toEqual([MISSING]);
    }
  });

  it("unknown, where it cannot matter: the answer stands", () => {
    expect(at(chip({ tpp: "4800", area: "200", datacenter: null })).clause).toBe("3A090.a.1");
    expect(at(chip({ tpp: minus("1600"), area: "200", datacenter: null })).clause).toBe("none");
    // TPP 3000 on 2000 mm²: PD 1.5, outside .a and .b with or without the note.
    expect(at(chip({ tpp: "3000", area: "2000", datacenter: null })).clause).toBe("none");
  });

  it("the rationale is carried into the trace", () => {
    const result = at({
      ...chip({ tpp: "3000", area: "600", datacenter: false }),
      datacenterRationale: "sold only as a gaming card; no datacenter SKU",
    });
    expect(result.trace.find((s) => s.step === "non-datacenter note")?.statement).toMatch(
      /^not designed or marketed for datacenters \(sold only as a gaming card; no datacenter SKU\)/,
    );
  });

  it("a string instead of a boolean is refused, not read as truthy", () => {
    expect(() => at({ ...chip({ tpp: "3000", area: "600" }), datacenter: "yes" })).toThrow(InvalidInputError);
    expect(() => at({ ...chip({ tpp: "3000", area: "600" }), datacenter: "false" })).toThrow(/datacenter/);
  });
});
