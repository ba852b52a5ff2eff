/**
 * Note 1 to 3A090.a ¶b: "If the integrated circuit die is packaged by the
 * 'front-end fabricator' at a location outside of Macau or a destination
 * specified in Country Group D:5 …". The location is where the die is
 * packaged. Packaging in TW, US, an A:6 country (SG) passes; CN, MO and
 * HK (treated as CN) fail. Cambodia left D:5 on a date not captured: inside
 * that gap the route is unknown.
 */
import { describe, expect, it } from "vitest";
import { below, billion, check, order } from "./build.js";

const packagedIn = (location: string, completionDate = "2027-03-15", count = below(30)) =>
  check(
    order({
      completionDate,
      aggregatedApproximatedTransistorCount: count,
      packaging: { by: "front-end-fabricator", location },
    }),
  );

describe("Note 1 ¶b: packaged by the front-end fabricator outside Macau and D:5", () => {
  for (const location of ["TW", "US", "SG"]) {
    it(`${location}: route b overcomes`, () =>
      expect(packagedIn(location)).toMatchObject({ presumption: "overcome", route: "b" }));
  }
  for (const location of ["CN", "MO", "HK"]) {
    it(`${location}: route b does not overcome`, () => {
      const result = packagedIn(location);
      expect(result.presumption).toBe("applies");
      expect(result.missing.join(" ")).toContain("packaging at a location outside Macau and D:5");
    });
  }
  it("HK carries the note that it is treated as China", () => {
    expect(packagedIn("HK").notes.join(" ")).toContain("Hong Kong is treated as China");
  });
  it("packaged by someone else: route b is closed", () => {
    const result = check(
      order({ aggregatedApproximatedTransistorCount: below(30), packaging: { by: "other", location: "TW" } }),
    );
    expect(result.presumption).toBe("applies");
    expect(result.missing).toContain("route b: packaging by the front-end fabricator (packaging.by is other)");
  });
  it("location not given: indeterminate, naming it", () => {
    const result = check(order({ packaging: { by: "front-end-fabricator" } }));
    expect(result.presumption).toBe("indeterminate");
    expect(result.missing).toContain("route b: packaging.location: where the die is packaged");
  });
});

describe("Cambodia out of D:5 on a date not captured (a gap in the data)", () => {
  it("2025-12-31: in D:5, route b closed", () => expect(packagedIn("KH", "2025-12-31").presumption).toBe("applies"));
  it("2026-03-01 (inside the gap): indeterminate where it matters", () => {
    const result = packagedIn("KH", "2026-03-01");
    expect(result.presumption).toBe("indeterminate");
    expect(result.missing.join(" ")).toContain("2026-02262");
  });
  it("inside the gap, but the count fails anyway: applies (the gap does not matter)", () => {
    expect(packagedIn("KH", "2026-03-01", billion(30)).presumption).toBe("applies");
  });
  it("2026-07-23 (the eCFR of that date lists it outside D:5): route b overcomes", () => {
    expect(packagedIn("KH", "2026-07-22").presumption).toBe("indeterminate");
    expect(packagedIn("KH", "2026-07-23").presumption).toBe("overcome");
  });
});
