/** `ic3a090 license` / `licence`: the CLI contract (fields, formats, exit codes, bad records answered in place, --fail-on, --matrix). */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "../cli.js";

const FIELDS = [
  "shipment",
  "rulesDate",
  "mode",
  "licenseRequired",
  "exceptions",
  "reviewPolicy",
  "conditions",
  "rows",
  "gp10",
  "redFlags",
  "missing",
  "warnings",
  "notes",
  "trace",
];
const DATE = ["--date", "2026-11-29"];

describe("ic3a090 license", () => {
  it("the four example shipments (JSON Lines): every contract field, in order, exit 0", () => {
    const run = runCli(["license", "data/examples/shipments.jsonl", ...DATE]);
    expect(run.status).toBe(0);
    const results = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    for (const field of FIELDS) expect(results[0], field).toHaveProperty(field);
    expect(results.map((r) => [r.shipment, r.licenseRequired, r.exceptions, r.reviewPolicy])).toEqual([
      ["SO-1001", "no", [], null],
      ["SO-1002", "yes", [], "presumption of denial"],
      ["SO-1003", "yes", [], "case-by-case"],
      ["SO-1004", "yes", ["NAC"], "case-by-case"],
    ]);
    expect(run.stderr).toContain("4 read: 1 licence no, 3 licence yes");
  });
  it("the alias licence, and --fail-on license exits 1", () => {
    expect(runCli(["licence", "data/examples/shipments.jsonl", ...DATE, "--fail-on", "license"]).status).toBe(1);
  });
  it("--fail-on red-flag exits 1 when a flag is yes or unanswered", () => {
    const [clear, flagged] = readFileSync("data/examples/shipments.jsonl", "utf8").split("\n");
    expect(
      runCli(["license", "-", "--format", "jsonl", ...DATE, "--fail-on", "red-flag"], { input: `${clear}\n` }).status,
    ).toBe(0);
    expect(
      runCli(["license", "-", "--format", "jsonl", ...DATE, "--fail-on", "red-flag"], { input: `${flagged}\n` }).status,
    ).toBe(1);
  });
  it("a bad record is answered in place naming its line and field, exit 65", () => {
    const good = JSON.stringify({ shipment: "A", item: { eccn: "EAR99" }, destination: "DE", transaction: "export" });
    const bad = JSON.stringify({ shipment: "B", item: { eccn: "3A090.d" }, destination: "XX", transaction: "ship" });
    const run = runCli(["license", "-", "--format", "jsonl", ...DATE], { input: `${good}\n${bad}\n` });
    expect(run.status).toBe(65);
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines[0].shipment).toBe("A");
    expect(lines[1].error.issues.map((i: { path: string }) => i.path)).toEqual([
      "item.eccn",
      "destination",
      "transaction",
    ]);
  });
  it("a datasheet item is classified first", () => {
    const datasheet = JSON.parse(readFileSync("data/examples/h100.json", "utf8"));
    const shipment = {
      shipment: "DS",
      item: { datasheet },
      destination: "RU",
      transaction: "export",
      endUser: { headquarters: "RU" },
    };
    const result = JSON.parse(runCli(["license", "-", ...DATE], { input: JSON.stringify(shipment) }).stdout);
    expect(result).toMatchObject({
      itemEccn: "3A090.a",
      licenseRequired: "yes",
      reviewPolicy: "presumption of denial",
    });
    expect(result.trace[1].step).toBe("classification");
  });
  it("--format table and a CSV of shipments", () => {
    const table = runCli(["license", "data/examples/shipments.jsonl", ...DATE, "--format", "table"]);
    expect(table.stdout.split("\n")[0]).toMatch(/^shipment\s+item\s+to\s+licence/);
    const csv =
      "shipment,eccn,datacenter,tpp,destination,transaction,export_from,end_user_hq,end_user_parent_hq,entity_list\nC1,3A090.b,yes,3000,VN,export,US,VN,none,no\n";
    const run = runCli(["license", "-", "--format", "csv", ...DATE], { input: csv });
    expect(run.status).toBe(0);
    const [header, row] = run.stdout.trim().split("\n");
    expect(header).toContain("license_required,exceptions,review_policy");
    expect(row).toContain(",yes,ACA,");
  });
  it("a .csv file with --format table is read as CSV", () => {
    const run = runCli(["license", "data/examples/shipments.csv", ...DATE, "--format", "table"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/SO-2001 +4A090\.b +VN +yes +ACA/);
  });
  it("--matrix: one row per part, one column per destination", () => {
    const run = runCli(["license", "--matrix", "CN,DE", "data/catalogue/chips.csv", ...DATE, "--export-from", "US"]);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines[0]).toBe("part,item_eccn,CN,DE");
    expect(lines).toContain("NVIDIA B200 (HGX),4A090.a,licence: denial,no");
    expect(lines).toContain("NVIDIA GeForce RTX 4090,4A090.a,NAC,no");
    expect(runCli(["license", "--matrix", "CN,ZZ", "data/examples/catalogue-small.csv"]).status).toBe(2);
  });
  it("a --date before the formalised rules is a usage error", () => {
    expect(runCli(["license", "data/examples/shipments.jsonl", "--date", "2024-01-01"]).status).toBe(2);
  });
  it("ic3a090 schema license prints the shipment JSON Schema", () => {
    const schema = JSON.parse(runCli(["schema", "license"]).stdout);
    expect(schema.title).toBe("ic3a090 license shipment");
    expect(schema.required).toEqual(expect.arrayContaining(["shipment", "item", "destination", "transaction"]));
  });
});
