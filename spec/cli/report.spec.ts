/** `ic3a090 report`: the quarterly 15 CFR 743.9 report from orders, as Markdown or CSV. */
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { runCli } from "../cli.js";
import { parseQuarter } from "../../src/presume/report.js";

const FAB = ["--fabricator-name", "Formosa Foundry Co.", "--fabricator-address", "8 Science Park Rd, Hsinchu, TW"];

describe("quarters", () => {
  it("2027Q1 runs 2027-01-01 to 2027-03-31; Q4 ends 12-31; a bad quarter is undefined", () => {
    expect(parseQuarter("2027Q1")).toEqual({ label: "2027Q1", first: "2027-01-01", last: "2027-03-31" });
    expect(parseQuarter("2028Q4")).toMatchObject({ first: "2028-10-01", last: "2028-12-31" });
    expect(parseQuarter("2027Q5")).toBeUndefined();
  });
});

describe("ic3a090 report", () => {
  it("Markdown: the fabricator at the top, reportable orders grouped by designer and category, the quarter's edges respected", () => {
    const run = runCli(["report", "--quarter", "2027Q1", "data/examples/orders-2027Q1.jsonl", ...FAB]);
    expect(run.stdout.split("\n")[0]).toBe("**Formosa Foundry Co.**, 8 Science Park Rd, Hsinchu, TW");
    expect(run.stdout).toContain(
      "| Acme Semi | 100 Main St, Austin TX, US | J. Doe, export@acme.example | presumed 3A090.a (Note 1 to 3A090.a) | ACME-X9 | 2 |",
    );
    expect(run.stdout).toContain("| Borealis AI |");
    expect(run.stdout).toContain("3A090.a (3A090.a.1 by the designer's figures)");
    expect(run.stdout).not.toContain("| Lion City Silicon |");
    expect(run.stdout).not.toContain("ACME-X1 |");
    expect(run.stdout).toContain("- NOVA-7 (Nova Compute");
    expect(run.status).toBe(1);
  });
  it("CSV: one row per designer and category, the fabricator on every row, undecided orders marked", () => {
    const run = runCli([
      "report",
      "--quarter",
      "2027Q1",
      "--format",
      "csv",
      "data/examples/orders-2027Q1.jsonl",
      ...FAB,
    ]);
    const rows = Papa.parse<Record<string, string>>(run.stdout.trim(), { header: true }).data;
    expect(rows.map((r) => [r.status, r.designer, r.productNames, r.orders])).toEqual([
      ["reportable", "Acme Semi", "ACME-X9", "2"],
      ["reportable", "Borealis AI", "BX-200", "1"],
      ["not decided", "Nova Compute", "NOVA-7", "1"],
    ]);
    expect(new Set(rows.map((r) => r.fabricatorName))).toEqual(new Set(["Formosa Foundry Co."]));
  });
  it("Q2 holds the 2027-04-02 order only", () => {
    const run = runCli([
      "report",
      "--quarter",
      "2027Q2",
      "--format",
      "csv",
      "data/examples/orders-2027Q1.jsonl",
      ...FAB,
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Acme Semi");
    expect(run.stdout.trim().split("\n")).toHaveLength(2);
  });
  it("usage errors: no fabricator, a bad quarter (exit 2); invalid orders: no report (exit 65)", () => {
    expect(runCli(["report", "--quarter", "2027Q1", "data/examples/orders-2027Q1.jsonl"]).stderr).toContain(
      "--fabricator-name",
    );
    expect(runCli(["report", "--quarter", "27Q1", "data/examples/orders-2027Q1.jsonl", ...FAB]).status).toBe(2);
    const invalid = runCli(["report", "--quarter", "2027Q1", "-", ...FAB], { input: '{"part": "X"}\n' });
    expect(invalid.status).toBe(65);
    expect(invalid.stdout).toBe("");
    expect(invalid.stderr).toContain("stdin: exporter");
    expect(invalid.stderr).toContain("stdin: completionDate: give the date");
  });
});
