/** The flat CSV catalogue row (issue 5, part 1): columns, spellings, and errors named by column. */
import { describe, expect, it } from "vitest";
import { catalogueRowToDatasheet, CatalogueRowError } from "../../src/catalogue/row.js";
import { classifyDatasheet } from "../../src/classify/classify.js";
import { rulesAt } from "../../src/rules/rules.js";

const rules = rulesAt("2026-11-22");
const classifyRow = (row: Record<string, string>) => classifyDatasheet(catalogueRowToDatasheet(row, 2, rules), rules);

function issuesOf(row: Record<string, string>): { path: string; message: string }[] {
  try {
    catalogueRowToDatasheet(row, 7, rules);
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogueRowError);
    expect((error as Error).message).toMatch(/^row 7: /);
    return (error as CatalogueRowError).issues;
  }
  throw new Error("expected the row to be invalid");
}

describe("a catalogue row as a datasheet", () => {
  it("reads the H100 row like the JSON example: TPP 15832, PD 7916/407, 3A090.a.1", () => {
    const result = classifyRow({
      part: "H100",
      datacenter: "yes",
      tops_fp8: "1979",
      tops_fp16: "989.4",
      die_area_mm2: "814",
    });
    expect(result).toMatchObject({ tpp: "15832", performanceDensityExact: "7916/407", clause: "3A090.a.1" });
  });

  it("takes header names in any case and order, and ignores unknown columns", () => {
    const result = classifyRow({
      Vendor: "x",
      DIE_AREA_MM2: "814",
      TOPS_FP8: "1979",
      DataCenter: "TRUE",
      Part: "H100",
    });
    expect(result).toMatchObject({ part: "H100", tpp: "15832", clause: "3A090.a.1" });
  });

  it("reads datacenter yes/no/true/false in any case, and empty as not known", () => {
    const base = { part: "X", tops_fp8: "500", die_area_mm2: "600" };
    expect(classifyRow({ ...base, datacenter: "No" }).clause).toBe("none");
    expect(classifyRow({ ...base, datacenter: "FALSE" }).clause).toBe("none");
    expect(classifyRow({ ...base, datacenter: "yes" }).clause).toBe("3A090.a.2");
    expect(classifyRow({ ...base, datacenter: "" })).toMatchObject({
      clause: "indeterminate",
      missing: [expect.stringMatching(/^datacenter/)],
    });
  });

  it("counts a logic die by non_planar: yes counts, no leaves PD undefined, empty is missing", () => {
    const base = { part: "X", datacenter: "yes", tops_fp8: "250", logic_die_area_mm2: "300" };
    expect(classifyRow({ ...base, non_planar: "yes" })).toMatchObject({ tpp: "2000", clause: "3A090.a.2" });
    expect(classifyRow({ ...base, non_planar: "no" })).toMatchObject({
      tpp: "2000",
      performanceDensity: null,
      clause: "none",
    });
    expect(classifyRow({ ...base, non_planar: "" })).toMatchObject({
      clause: "indeterminate",
      missing: ["dies[0].nonPlanar"],
    });
  });

  it("reads an HBM row: 3A090.c on bandwidth ÷ area", () => {
    expect(classifyRow({ part: "HBM3E", kind: "HBM", hbm_bandwidth_gbps: "1229", hbm_area_mm2: "110" })).toMatchObject({
      kind: "hbm",
      clause: "3A090.c",
    });
  });

  it("names the column of each mistake, and the row", () => {
    expect(issuesOf({ part: "", tops_fp8: "1,979", datacenter: "maybe" }).map((i) => i.path)).toEqual([
      "part",
      "datacenter",
      "tops_fp8",
    ]);
    expect(issuesOf({ part: "X", tops_fp8: "" })[0]).toMatchObject({
      path: "tops_fp8",
      message: expect.stringMatching(/at least one dense TOPS/),
    });
    expect(issuesOf({ part: "X", tops_fp9: "100" })[0]).toMatchObject({
      path: "tops_fp9",
      message: expect.stringMatching(/not in the format table/),
    });
    expect(issuesOf({ part: "X", tops_fp8: "100", die_area_mm2: "0" })[0]).toMatchObject({
      path: "die_area_mm2",
      message: expect.stringMatching(/greater than zero/),
    });
    expect(issuesOf({ part: "X", tops_fp8: "100", die_area_mm2: "10", logic_die_area_mm2: "10" })[0]!.path).toBe(
      "die_area_mm2",
    );
    expect(issuesOf({ part: "X", kind: "hbm", hbm_area_mm2: "100" })[0]!.path).toBe("hbm_bandwidth_gbps");
    expect(issuesOf({ part: "X", kind: "gpu", tops_fp8: "1" })[0]!.path).toBe("kind");
  });

  it("accepts units in a cell, as the JSON form does", () => {
    expect(
      classifyRow({ part: "X", datacenter: "yes", tops_fp8: "1.979 PFLOPS", die_area_mm2: "8.14 cm^2" }),
    ).toMatchObject({ tpp: "15832", performanceDensityExact: "7916/407" });
  });
});
