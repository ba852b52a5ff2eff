/** `ic3a090 classify catalogue.csv` and `ic3a090 plot`, run as users run them. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { runCli } from "../cli.js";

const DATE = ["--date", "2026-11-22"];
const SMALL = "data/examples/catalogue-small.csv";
const VALID = "part,datacenter,tops_fp8,die_area_mm2\nA,yes,600,100\nB,no,100,100\n";
const rows = (text: string) => Papa.parse<string[]>(text.replace(/^\ufeff/, ""), { skipEmptyLines: true }).data;

describe("classify a CSV catalogue", () => {
  it("writes every row with the result columns, a summary on stderr, and exits 65 when a row is invalid", () => {
    const run = runCli(["classify", SMALL, ...DATE]);
    expect(run.status).toBe(65);
    expect(rows(run.stdout).length).toBe(11);
    expect(run.stderr).toMatch(
      /^ic3a090: 10 rows read: 2 3A090\.a\.1, 1 3A090\.a\.2, 3 none, 1 indeterminate, 1 3A090\.c, 2 invalid$/m,
    );
    expect(run.stderr).toMatch(/catalogue-small\.csv: row 10: tops_fp8:/);
  });

  it("--workers: 0, 1 and 4 give the same bytes and stderr; a count that is not a whole number is a usage error", () => {
    const runs = ["0", "1", "4"].map((workers) => runCli(["classify", SMALL, "--workers", workers, ...DATE]));
    for (const run of runs) expect(run).toEqual(runs[0]);
    expect(runs[0]!.status).toBe(65);
    const bad = runCli(["classify", SMALL, "--workers", "two", ...DATE]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--workers must be a whole number from 0 to 64, got "two"/);
  });

  it("reads CSV from stdin with --format csv, exits 0 when every row is valid, 1 with --fail-on matched", () => {
    const ok = runCli(["classify", "-", "--format", "csv", ...DATE], { input: VALID });
    expect(ok.status).toBe(0);
    expect(rows(ok.stdout).map((r) => r[6])).toEqual(["clause", "3A090.a.1", "none"]);
    expect(runCli(["classify", "-", "--format", "csv", "--fail-on", "3A090.a", ...DATE], { input: VALID }).status).toBe(
      1,
    );
    expect(runCli(["classify", "-", "--format", "csv", "--fail-on", "3A090.b", ...DATE], { input: VALID }).status).toBe(
      0,
    );
  });

  it("--strict stops at the first invalid row with 65, after writing the rows before it", () => {
    const run = runCli(["classify", SMALL, "--strict", ...DATE]);
    expect(run.status).toBe(65);
    expect(rows(run.stdout).length).toBe(9);
    expect(run.stderr).toMatch(
      /row 10: tops_fp8: .*\n.*--strict: stopped at the first invalid row, after 8 valid rows/,
    );
  });

  it("--output writes the file; stdout stays empty", () => {
    const out = join(mkdtempSync(join(tmpdir(), "ic3a090-")), "out.csv");
    const run = runCli(["classify", "-", "--format", "csv", "--output", out, ...DATE], { input: VALID });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("");
    expect(rows(readFileSync(out, "utf8")).length).toBe(3);
    expect(
      runCli(["classify", "-", "--format", "csv", "--output", "/nonexistent/dir/x.csv", ...DATE], { input: VALID }),
    ).toMatchObject({
      status: 74,
      stderr: expect.stringMatching(/^ic3a090: cannot write \/nonexistent\/dir\/x.csv: ENOENT \(no such file\)$/m),
    });
  });

  it("a catalogue without a part column is refused in one line with 65", () => {
    const run = runCli(["classify", "-", "--format", "csv", ...DATE], { input: "name,tops_fp8\nA,1\n" });
    expect(run.status).toBe(65);
    expect(run.stderr).toMatch(/^ic3a090: stdin: header \(row 1\): part: the header has no "part" column/m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("ends quietly when the reader stops early (| head -1): no EPIPE trace", () => {
    const dir = mkdtempSync(join(tmpdir(), "ic3a090-"));
    const big = join(dir, "big.csv");
    writeFileSync(big, `part,datacenter,tops_fp8,die_area_mm2\n${"A,yes,600,100\n".repeat(200_000)}`);
    const run = spawnSync("sh", ["-c", `node dist/cli/bin.js classify ${big} --date 2026-11-22 | head -1`], {
      encoding: "utf8",
    });
    expect(run.stdout).toMatch(/^part,datacenter,tops_fp8,die_area_mm2,tpp,/);
    expect(run.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
  });

  it("keeps JSON and JSON Lines input as before", () => {
    const run = runCli(["classify", "data/examples/h100.json", ...DATE]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ clause: "3A090.a.1", tpp: "15832" });
    expect(runCli(["classify", "data/examples/h100.json", "--strict", ...DATE])).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/--strict works with a CSV catalogue/),
    });
  });

  it("--format table prints aligned columns, from CSV and from JSON Lines on stdin", () => {
    const run = runCli(["classify", SMALL, "--format", "table", ...DATE]);
    expect(run.status).toBe(65);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^part\s+datacenter\s+TPP\s+PD\s+clause\s+item\s+note$/);
    expect(lines.length).toBe(12);
    const clauseColumn = lines[0]!.indexOf("clause");
    expect(lines.slice(2).map((l) => l.slice(clauseColumn).split(/\s+/)[0])).toEqual([
      "3A090.a.1",
      "3A090.a.1",
      "3A090.a.2",
      "none",
      "none",
      "indeterminate",
      "none",
      "3A090.c",
      "invalid",
      "invalid",
    ]);
    const jsonl = readFileSync("data/examples/h100.json", "utf8").replace(/\n/g, " ");
    const table = runCli(["classify", "-", "--format", "table", ...DATE], { input: `${jsonl}\n${jsonl}\n` });
    expect(table.status).toBe(0);
    expect(table.stdout.split("\n")[2]).toMatch(/^H100-SXM5-80GB\s+yes\s+15832\s+19\.449631\s+3A090\.a\.1\s+3A090\.a$/);
  });
});

describe("plot", () => {
  it("draws an SVG of a catalogue and lists the invalid rows, exit 65", () => {
    const run = runCli(["plot", SMALL, ...DATE]);
    expect(run.status).toBe(65);
    expect(run.stdout).toMatch(/^<\?xml[\s\S]*<svg [\s\S]*<\/svg>\n$/);
    expect(run.stdout).toContain('data-list="invalid"');
    expect(run.stderr).toMatch(/10 rows read/);
  });
});
