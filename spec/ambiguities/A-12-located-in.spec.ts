/**
 * Designer HQ test wording (regulation.md §10): "located in" is not
 * defined for multi-site companies.
 *
 * Reading chosen: the order lists every location (`designer.locations`; the
 * headquarters counts as one). Any Macau or D:5 location fails ¶a(2)(i), with
 * a warning to flag the case for review. Without the list, the status is
 * unknown.
 */
import { describe, expect, it } from "vitest";
import { check, designerOrder } from "../presume/build.js";

describe("A-12: any Macau or D:5 location fails, flagged for review", () => {
  it("a US designer with a site in Macau", () => {
    const result = check(designerOrder({ locations: ["US", "MO"] }, "2026-06-01"));
    expect(result.designerStatus).toBe("neither");
    expect(result.warnings.join(" ")).toContain("docs/ambiguities.md#a-12");
  });
  it("locations not given: unknown", () => {
    expect(check(designerOrder({ locations: undefined }, "2026-06-01")).designerStatus).toBe("unknown");
  });
});
