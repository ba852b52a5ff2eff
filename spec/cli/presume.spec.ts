/** `ic3a090 presume`: the CLI contract (fields, exit codes, bad orders answered in place, --fail-on, --explain, options). */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../cli.js";

const FIELDS = [
  "part",
  "presumption",
  "route",
  "designerStatus",
  "aggregatedApproximatedTransistorCount",
  "transistorThreshold",
  "treatAs",
  "reportable7439",
  "missing",
  "warnings",
  "trace",
];

describe("ic3a090 presume", () => {
  it("the route b example: overcome, exit 0, every contract field present", () => {
    const run = runCli(["presume", "data/examples/order-route-b.json"]);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    for (const field of FIELDS) expect(result, field).toHaveProperty(field);
    expect(result).toMatchObject({
      presumption: "overcome",
      route: "b",
      transistorThreshold: "35000000000",
      aggregatedApproximatedTransistorCount: "29400000000",
    });
  });
  it("the failing example: applies, listing what is missing; --fail-on applies exits 1", () => {
    const run = runCli(["presume", "data/examples/order-missing.json", "--fail-on", "applies"]);
    expect(run.status).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ presumption: "applies", treatAs: "3A090.a", designerStatus: "neither" });
    expect(result.missing).toContain(
      "routes b and c: aggregated approximated transistor count below 30000000000 (it is 31040000000)",
    );
  });
  it("the 2028 example: indeterminate by default; --gap-2028 2029-rule overcomes", () => {
    expect(JSON.parse(runCli(["presume", "data/examples/order-2028-gap.json"]).stdout).presumption).toBe(
      "indeterminate",
    );
    expect(
      JSON.parse(runCli(["presume", "data/examples/order-2028-gap.json", "--gap-2028", "2029-rule"]).stdout)
        .presumption,
    ).toBe("overcome");
    expect(runCli(["presume", "data/examples/order-2028-gap.json", "--gap-2028", "2030-rule"]).status).toBe(2);
  });
  it("JSON Lines: one result per line, a bad line answered in place naming line and field, exit 65", () => {
    const good = JSON.stringify({ part: "A", exporter: "other", completionDate: "2027-01-01" });
    const bad = JSON.stringify({ part: "B", exporter: "fab", completionDate: "2027-02-30" });
    const run = runCli(["presume", "-", "--format", "jsonl"], { input: `${good}\n${bad}\n` });
    expect(run.status).toBe(65);
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ part: "A", presumption: "not-applicable" });
    expect(lines[1].error.issues.map((i: { path: string }) => i.path)).toEqual(["exporter", "completionDate"]);
    expect(run.stderr).toContain("stdin:2: exporter:");
  });
  it("--explain prints the reasoning with citations", () => {
    const run = runCli(["presume", "--explain", "data/examples/order-route-b.json"]);
    expect(run.stdout).toContain("ACME-X1: presumption overcome by route b");
    expect(run.stdout).toContain("90 FR 5298");
    expect(run.stdout).toContain("not legal advice");
  });
  it("--approved-osats FILE replaces Supp. 7; a bad file is a usage error naming it", () => {
    const dir = mkdtempSync(join(tmpdir(), "ic3a090-"));
    const list = join(dir, "osats.json");
    writeFileSync(
      list,
      JSON.stringify({
        list: "Supp. 7",
        asOf: "2026-10-01",
        source: "eCFR",
        contentsKnown: true,
        citation: { cfr: "15 CFR 740 Supp. 7", fr: "x", frDoc: "x", published: "2026-10-01" },
        entries: [{ name: "Pack Co" }],
      }),
    );
    const order = JSON.stringify({
      part: "P",
      exporter: "osat",
      completionDate: "2027-03-01",
      logic: true,
      nonPlanar: true,
      containsHbm: true,
      aggregatedApproximatedTransistorCount: "29999999999",
      packaging: { by: "osat", location: "MY", osat: "Pack Co" },
    });
    expect(JSON.parse(runCli(["presume", "-", "--approved-osats", list], { input: order }).stdout)).toMatchObject({
      presumption: "overcome",
      route: "c",
    });
    writeFileSync(list, JSON.stringify({ list: "Supp. 7" }));
    const bad = runCli(["presume", "-", "--approved-osats", list], { input: order });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--approved-osats: .*osats\.json: asOf/);
  });
  it("--date overrides each order's completionDate, with a warning", () => {
    const result = JSON.parse(runCli(["presume", "data/examples/order-route-b.json", "--date", "2025-01-15"]).stdout);
    expect(result).toMatchObject({ presumption: "not-applicable", completionDate: "2025-01-15" });
    expect(runCli(["presume", "data/examples/order-route-b.json", "--date", "2025-13-01"]).status).toBe(2);
  });
  it("--hbm-base-dies exclude and --strict-approved-only are accepted", () => {
    expect(
      runCli(["presume", "data/examples/order-route-b.json", "--hbm-base-dies", "exclude", "--strict-approved-only"])
        .status,
    ).toBe(0);
  });
});
