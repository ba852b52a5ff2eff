/**
 * Transistor density source (regulation.md §10): the note gives no metric
 * or table.
 *
 * Reading chosen: density is an input per die, never a built-in table; an
 * attested count may name its source (`transistorCountSource`, e.g. "GDS
 * count"); the result records the method (`transistorCountMethod`: attested
 * or computed) and the trace repeats the source.
 */
import { describe, expect, it } from "vitest";
import { check, order } from "../presume/build.js";

describe("A-7: the method and source of the count are recorded", () => {
  it("attested, with its source", () => {
    const result = check(order({ transistorCountSource: "GDS count, Calibre" }));
    expect(result.transistorCountMethod).toBe("attested");
    expect(JSON.stringify(result.trace)).toContain("GDS count, Calibre");
  });
  it("computed from the dies' densities; without a density, the count is open", () => {
    const computed = order();
    delete computed.aggregatedApproximatedTransistorCount;
    expect(check(computed).transistorCountMethod).toBe("computed");
    const noDensity = order({ dies: [{ name: "compute", logic: true, nonPlanar: true, areaMm2: "600" }] });
    delete noDensity.aggregatedApproximatedTransistorCount;
    expect(check(noDensity)).toMatchObject({
      aggregatedApproximatedTransistorCount: null,
      presumption: "indeterminate",
    });
  });
});
