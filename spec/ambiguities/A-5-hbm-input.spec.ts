/**
 * Which "high-bandwidth memory" counts in Note 1 ¶b(b) (regulation.md
 * §10): the phrase is not defined there.
 *
 * Reading chosen: `containsHbm` is the user's input. When it is not given, the
 * check tries both and is indeterminate only where it matters, naming the
 * field. (The 3A090.c memory-bandwidth-density helper lives in the
 * classifier: `ic3a090 classify` on an HBM datasheet.)
 */
import { describe, expect, it } from "vitest";
import { below, billion, check, countOrder } from "../presume/build.js";

describe("A-5: containsHbm is an input", () => {
  it("not given, between 30 and 35 billion in 2027: indeterminate naming containsHbm", () => {
    const result = check(countOrder(billion(31), "2027-06-01", undefined));
    expect(result.presumption).toBe("indeterminate");
    expect(result.missing.join(" ")).toContain("containsHbm");
  });
  it("not given, below 30 billion: it does not matter", () => {
    expect(check(countOrder(below(30), "2027-06-01", undefined)).presumption).toBe("overcome");
  });
});
