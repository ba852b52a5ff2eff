/**
 * Authorized-designer dates (regulation.md §10): 31 December 2026 is
 * neither "Prior to" nor "After"; the 180-day lapse runs from the application,
 * so it can already have run out on 1 January 2027; the trigger date itself
 * was moved once (13 April 2026 → 31 December 2026, in force from 7 April 2026).
 *
 * Reading chosen: on the trigger date the designer is checked under ¶a(2) and
 * ¶a(3) and is `unknown` only when they differ; the lapse ends authorized
 * status ON day 180 (day 179 authorized, day 180 not); both trigger dates are
 * versioned data. The day-by-day edges are in
 * spec/presume/note1-a-designer-status.spec.ts.
 */
import { describe, expect, it } from "vitest";
import { check, designerOrder } from "../presume/build.js";

describe("A-11: the trigger date and the lapse", () => {
  it("on 2026-12-31 without an application: unknown status, indeterminate, with a warning", () => {
    const result = check(designerOrder({ approvalApplicationDate: null }, "2026-12-31"));
    expect(result).toMatchObject({ designerStatus: "unknown", presumption: "indeterminate" });
    expect(result.warnings.join(" ")).toContain("both leave out");
  });
  it("applied 2026-07-01: authorized on 2026-12-30 (prior), lapsed at once on 2027-01-01 (day 184)", () => {
    expect(check(designerOrder({ approvalApplicationDate: "2026-07-01" }, "2026-12-30")).designerStatus).toBe(
      "authorized",
    );
    expect(check(designerOrder({ approvalApplicationDate: "2026-07-01" }, "2027-01-01")).designerStatus).toBe(
      "neither",
    );
  });
});
