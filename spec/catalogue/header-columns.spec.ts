/**
 * Catalogue headers are read once, up front (issue 9 §2). A column that
 * looks like a figure but is not a known one used to pass through while the
 * row silently lost that figure: a `tflops_fp8` column turned an a.1 part into
 * `none`. Obvious aliases are now read; look-alikes are refused at the header;
 * anything else still passes through.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../src/classify/datasheet.js";
import { readColumnName } from "../../src/catalogue/columns.js";
import { cataloguePlan } from "../../src/catalogue/row.js";
import { runCli } from "../cli.js";

describe("aliases are read as the column they spell", () => {
  it.each([
    ["tflops_fp8", { kind: "tops", format: "fp8" }],
    ["tops-fp4", { kind: "tops", format: "fp4" }],
    ["FP8 TFLOPS", { kind: "tops", format: "fp8" }],
    ["TOPS FP8", { kind: "tops", format: "fp8" }],
    ["FP8 (TFLOPS)", { kind: "tops", format: "fp8" }],
    ["tops_fp8 (dense)", { kind: "tops", format: "fp8" }],
    ["Die area (mm2)", { kind: "column", column: "die_area_mm2" }],
    ["Die Area [mm²]", { kind: "column", column: "die_area_mm2" }],
    ["die-area-mm2", { kind: "column", column: "die_area_mm2" }],
    ["HBM bandwidth (GB/s)", { kind: "column", column: "hbm_bandwidth_gbps" }],
    ["Data Center", { kind: "column", column: "datacenter" }],
    ["Non-Planar", { kind: "column", column: "non_planar" }],
    ["PART", { kind: "column", column: "part" }],
  ])("%s", (header, reading) => {
    expect(readColumnName(header)).toEqual(reading);
  });
});

describe("look-alikes are refused with the nearest column", () => {
  it.each([
    ["flops_fp8", "tops_fp8"],
    ["pflops_fp8", "tops_fp8"],
    ["FP8 TOPS (sparse)", "tops_fp8"],
    ["Die area (cm2)", "die_area_mm2"],
    ["die_area", "die_area_mm2"],
    ["hbm_bw", "hbm_bandwidth_gbps"],
    ["hbm_bandwidth (TB/s)", "hbm_bandwidth_gbps"],
    ["datacentre", "datacenter"],
    ["nonplanar_die", "non_planar"],
    ["fp8", "tops_fp8"],
  ])("%s → %s", (header, nearest) => {
    expect(readColumnName(header)).toMatchObject({ kind: "look-alike", nearest });
  });
});

describe("columns that look like nothing known pass through", () => {
  it.each([
    "vendor",
    "source_tops",
    "source_die_area",
    "datacenter_basis",
    "expected_eccn",
    "notes",
    "why",
    "price (USD)",
  ])("%s", (header) => {
    expect(readColumnName(header)).toEqual({ kind: "other" });
  });

  it("property: a name of letters without figure words is passed through", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^(?:vendor|note|sku|url|family|market)_[a-z]{0,6}$/),
        (header) => readColumnName(header).kind === "other",
      ),
    );
  });
});

describe("the header check", () => {
  it("one error names every look-alike, its nearest column, and lists the recognised columns once", () => {
    let error: unknown;
    try {
      cataloguePlan(["part", "flops_fp8", "Die area (cm2)", "vendor"]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    const issues = (error as InvalidInputError).issues;
    expect(issues.map((issue) => issue.path)).toEqual(["flops_fp8", "Die area (cm2)", ""]);
    expect(issues[0]!.message).toMatch(/did you mean "tops_fp8"\?/);
    expect(issues[2]!.message).toMatch(/^recognised columns: part, kind, datacenter, die_area_mm2/);
  });

  it("an alias and its canonical name together are one column twice", () => {
    expect(() => cataloguePlan(["part", "tops_fp8", "TFLOPS FP8"])).toThrow(/appears twice/);
  });

  it("result columns of a file classified before are passed through, not refused", () => {
    expect(() =>
      cataloguePlan(["part", "tops_fp8", "tpp", "performance_density"], ["tpp", "performance_density"]),
    ).not.toThrow();
  });
});

describe("CLI: the regressions of the issue", () => {
  it("regression: a tflops_fp8 column is read, so an a.1 part stays 3A090.a.1 (it was none)", () => {
    const csv = "part,datacenter,tflops_fp8,Die area (mm2)\nBIG,yes,1000,800\n";
    const run = runCli(["classify", "--format", "csv", "--date", "2026-09-01"], { input: csv });
    expect(run.status).toBe(0);
    expect(run.stdout.split("\n")[1]).toBe("BIG,yes,1000,800,8000,10,3A090.a.1,3A090.a,3A090.a,,,");
  });

  it("regression: a look-alike column is a header error, exit 65, before any row", () => {
    const csv = "part,datacenter,flops_fp8,die_area_mm2\nBIG,yes,1000,800\n";
    const run = runCli(["classify", "--format", "csv", "--date", "2026-09-01"], { input: csv });
    expect(run.status).toBe(65);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(
      /flops_fp8: looks like a figure but is not a column the catalogue reads; did you mean "tops_fp8"\?/,
    );
  });
});
