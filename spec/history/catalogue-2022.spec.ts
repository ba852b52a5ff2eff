/**
 * The CSV catalogue under the Oct 2022 text: the `interconnect_gbps` column
 * (aggregate bidirectional transfer rate, GB/s) is read as `interconnectGBps`,
 * with the catalogue's aliases and look-alike refusal; the bundled catalogue
 * carries it, so a diff from 2023-01-01 lists only the parts whose answer the
 * rules changed. Regression: a CSV catalogue on a 2022 date took the fast path
 * (current thresholds) and failed with an internal error.
 */
import { describe, expect, it } from "vitest";
import { runCli } from "../cli.js";

const csv = (text: string) => ({ input: text });

describe("interconnect_gbps in a CSV catalogue", () => {
  it("is read, with a unit in brackets; 600 exactly holds and one unit below does not", () => {
    const run = runCli(
      ["classify", "-", "--format", "csv", "--date", "2023-01-01"],
      csv("part,form,tops_fp16,Interconnect (GB/s)\nX,assembly,300,600\nY,assembly,300,599.9999\nZ,assembly,300,\n"),
    );
    expect(run.status).toBe(0);
    const rows = run.stdout.trim().split("\n");
    expect(rows[1]).toMatch(/^X,assembly,300,600,4800,,3A090\.a\.1,3A090\.a,4A090\.a,/);
    expect(rows[2]).toMatch(/^Y,assembly,300,599\.9999,4800,,none,none,none,/);
    expect(rows[3]).toMatch(/^Z,assembly,300,,4800,,indeterminate,indeterminate,indeterminate,"interconnect_gbps: /);
  });
  it("a misspelt column is refused before any row, naming the nearest", () => {
    const run = runCli(
      ["classify", "-", "--format", "csv", "--date", "2023-01-01"],
      csv("part,tops_fp16,interconect_gbps\nX,300,600\n"),
    );
    expect(run.status).toBe(65);
    expect(run.stderr).toMatch(/interconect_gbps: looks like a figure .*did you mean "interconnect_gbps"\?/);
  });
  it("is refused on an HBM row", () => {
    const run = runCli(
      ["classify", "-", "--format", "csv"],
      csv("part,kind,hbm_bandwidth_gbps,hbm_area_mm2,interconnect_gbps\nH,hbm,819,121,600\n"),
    );
    expect(run.status).toBe(65);
    expect(run.stdout).toMatch(/interconnect_gbps: is for an IC row/);
  });
  it("is ignored from 2023-11-17 (the transfer-rate test was removed)", () => {
    const run = runCli(
      ["classify", "-", "--format", "csv", "--date", "2023-11-17"],
      csv("part,datacenter,tops_fp16,interconnect_gbps\nX,yes,300,100\n"),
    );
    expect(run.stdout.split("\n")[1]).toMatch(/^X,yes,300,100,4800,,3A090\.a\.1,/);
  });
});

describe("the bundled catalogue in 2022", () => {
  it("classifies on a 2022 date (regression: internal error on the fast path)", () => {
    const run = runCli(["classify", "data/catalogue/chips.csv", "--date", "2022-12-01"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("ic3a090: 48 rows read: 15 3A090.a.1, 26 none, 7 indeterminate\n");
  });
  it("diff 2023-01-01 → 2026-11-29: A800/H800 change, A100/H100 do not", () => {
    const run = runCli(["diff", "data/catalogue/chips.csv", "--from", "2023-01-01", "--to", "2026-11-29"]);
    expect(run.status).toBe(0);
    const parts = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line).part as string);
    expect(parts).toContain("NVIDIA A800 SXM4 80GB");
    expect(parts).toContain("NVIDIA H800 SXM5 80GB");
    expect(parts).not.toContain("NVIDIA A100 SXM4 80GB");
    expect(parts).not.toContain("NVIDIA H100 SXM5 80GB");
    expect(run.stderr).toBe(
      `ic3a090: 48 parts: ${parts.length} changed, ${48 - parts.length} unchanged (2023-01-01 → 2026-11-29)\n`,
    );
  });
});
