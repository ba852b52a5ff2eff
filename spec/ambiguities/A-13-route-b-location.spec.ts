/**
 * Route b's location test (regulation.md §10): where the die is
 * packaged by the front-end fabricator, not where the fabricator is
 * headquartered.
 *
 * Reading chosen: inputs `packaging.by` and `packaging.location`; route b is
 * closed when someone else packages; route c needs a Supp. 7 OSAT and has no
 * location condition. (The fabricator's own headquarters is not an input.)
 */
import { describe, expect, it } from "vitest";
import { below, check, order } from "../presume/build.js";

describe("A-13: the packaging location decides route b", () => {
  it("packaged by the fabricator in the US: overcome; in China: not", () => {
    expect(
      check(
        order({
          aggregatedApproximatedTransistorCount: below(30),
          packaging: { by: "front-end-fabricator", location: "US" },
        }),
      ).route,
    ).toBe("b");
    expect(
      check(
        order({
          aggregatedApproximatedTransistorCount: below(30),
          packaging: { by: "front-end-fabricator", location: "CN" },
        }),
      ).presumption,
    ).toBe("applies");
  });
  it("packaged by an OSAT in Taiwan: route b is closed whatever the location", () => {
    const result = check(
      order({ aggregatedApproximatedTransistorCount: below(30), packaging: { by: "osat", location: "TW", osat: "X" } }),
    );
    expect(result.routes.b).toBe("does-not-overcome");
  });
});
