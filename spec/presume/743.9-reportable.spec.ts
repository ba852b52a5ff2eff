/**
 * 15 CFR 743.9(a): "'Front-end fabricators' producing any integrated circuit
 * specified under ECCN 3A090.a or presumed to be specified under ECCN 3A090.a
 * by Note 1 to 3A090 for any authorized integrated circuit designer must
 * submit reports", except for an entity both approved and authorized.
 * `reportable7439` is true, false, or null when the facts cannot tell.
 */
import { describe, expect, it } from "vitest";
import { below, billion, check, DIES_AREA_NOT_GIVEN, order } from "./build.js";

const presumed = (changes: Record<string, unknown> = {}) =>
  order({ aggregatedApproximatedTransistorCount: billion(50), ...changes });

describe("§ 743.9(a): reportable orders", () => {
  it("presumed 3A090.a for an authorized designer, by the front-end fabricator: reportable", () => {
    expect(check(presumed())).toMatchObject({
      presumption: "applies",
      designerStatus: "authorized",
      reportable7439: true,
    });
  });
  it("the same order exported by an OSAT: not the fabricator's report", () => {
    expect(check(presumed({ exporter: "osat" })).reportable7439).toBe(false);
  });
  it("overcome by route b and no figures saying 3A090.a: not reportable", () => {
    expect(check(order({ aggregatedApproximatedTransistorCount: below(30) })).reportable7439).toBe(false);
  });
  it("overcome by route b, but the designer's own figures say 3A090.a (specified, not presumed): reportable", () => {
    const result = check(
      order({
        aggregatedApproximatedTransistorCount: below(30),
        dies: DIES_AREA_NOT_GIVEN,
        designerAttestation: { tpp: "5000", performanceDensity: "7" },
      }),
    );
    expect(result).toMatchObject({
      presumption: "overcome",
      route: "b",
      attestedClause: "3A090.a.1",
      reportable7439: true,
    });
  });
  it("a designer neither approved nor authorized: not reportable", () => {
    expect(
      check(
        presumed({
          designer: {
            name: "Lion",
            headquarters: "SG",
            ultimateParentHeadquarters: "SG",
            locations: ["SG"],
            approved: false,
            agreedToReporting: true,
          },
        }),
      ).reportable7439,
    ).toBe(false);
  });
  it("approval not known (no list contents, no statement): cannot tell", () => {
    const result = check(
      presumed({
        designer: {
          name: "Acme Semi",
          headquarters: "US",
          ultimateParentHeadquarters: "US",
          locations: ["US"],
          agreedToReporting: true,
          approvalApplicationDate: "2026-11-01",
        },
      }),
    );
    expect(result).toMatchObject({ designerStatus: "authorized", reportable7439: null });
  });
  it("not applicable (exporter other): not reportable", () => {
    expect(check(presumed({ exporter: "other" })).reportable7439).toBe(false);
  });
});
