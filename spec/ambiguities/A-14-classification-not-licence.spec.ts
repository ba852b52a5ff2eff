/**
 * Worldwide licence requirement versus non-enforcement (regulation.md
 * §10).
 *
 * Reading chosen: the order check states whether the Note 1 presumption
 * applies (`treatAs: "3A090.a"`), a classification fact; it makes no licence
 * determination and names no licence exception. The wording states facts
 * about the rule, never advice.
 */
import { describe, expect, it } from "vitest";
import { billion, check, countOrder } from "../presume/build.js";

describe("A-14: presume classifies; it does not decide licences", () => {
  it("an order the presumption applies to: treatAs 3A090.a, no licence words", () => {
    const result = check(countOrder(billion(50), "2027-06-01", true));
    expect(result.treatAs).toBe("3A090.a");
    const text = JSON.stringify(result).toLowerCase();
    for (const word of ["license required", "licence required", "no license", "you must", "you should"])
      expect(text).not.toContain(word);
  });
});
