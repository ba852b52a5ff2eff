/**
 * `ic3a090 classify`, `rules` and `schema` as a user runs them (the built
 * CLI): output fields, exit codes 0 / 1 / 2 / 65, errors that name file, line
 * and field, one output line per JSONL input line, and never a stack trace.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type CliRun, runCli } from "../cli.js";

const DATE = "2025-06-02";
const dir = mkdtempSync(join(tmpdir(), "ic3a090-cli-"));
let runs: CliRun[] = [];

/** Runs the CLI and remembers the run, so every test also checks for stack traces. */
function cli(args: string[], input?: string): CliRun {
  const run = runCli(args, input === undefined ? {} : { input });
  runs.push(run);
  return run;
}

afterEach(() => {
  for (const run of runs) {
    expect(run.stderr).not.toContain("    at ");
    expect(run.stderr).not.toMatch(/internal error/);
  }
  runs = [];
});

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

const h100 = JSON.parse(readFileSync("data/examples/h100.json", "utf8")) as Record<string, unknown>;
const withTops = (tops: unknown) => ({ ...h100, units: [{ name: "tensor cores", rates: [{ format: "FP8", tops }] }] });

describe("the H100 example of the issue", () => {
  it("prints the result with the contract's fields, in order, and exits 0", () => {
    const run = cli(["classify", "data/examples/h100.json", "--date", DATE]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(result).slice(0, 12)).toEqual([
      "part",
      "rulesDate",
      "tpp",
      "performanceDensity",
      "performanceDensityExact",
      "clause",
      "eccn",
      "matched",
      "missing",
      "warnings",
      "notes",
      "trace",
    ]);
    expect(result).toMatchObject({
      part: "H100-SXM5-80GB",
      rulesDate: DATE,
      tpp: "15832",
      performanceDensity: "19.449631",
      performanceDensityExact: "7916/407",
      clause: "3A090.a.1",
      eccn: "3A090.a",
      matched: ["3A090.a.1", "3A090.a.2"],
      missing: [],
      warnings: [],
      notes: [],
      rules: { date: DATE, beyondVerified: false },
    });
    const trace = result.trace as { step: string; result: string; statement: string; citation: string }[];
    expect(trace.find((s) => s.step === "3A090.a.1")).toMatchObject({ result: "holds", statement: "TPP 15832 ≥ 4800" });
    for (const step of trace) expect(step.citation).toMatch(/^15 CFR 774 Supp\. 1/);
  });

  it("reads stdin with -", () => {
    const run = cli(["classify", "-", "--date", DATE], readFileSync("data/examples/h100.json", "utf8"));
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ clause: "3A090.a.1" });
  });

  it("notes on stderr when the date is after the rules data was verified, and still exits 0", () => {
    const run = cli(["classify", "data/examples/h100.json", "--date", "2026-11-22"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/rules data verified against the Federal Register through 2026-09-25/);
  });
});

describe("exit 2: usage errors", () => {
  it.each([
    ["an unknown option", ["classify", "data/examples/h100.json", "--bogus"], /unknown option '--bogus'/],
    [
      "a date that is not a calendar date",
      ["classify", "data/examples/h100.json", "--date", "2025-02-30"],
      /--date: date "2025-02-30" is not a calendar date written YYYY-MM-DD/,
    ],
    [
      "a date written another way",
      ["classify", "data/examples/h100.json", "--date", "06/02/2025"],
      /--date: date "06\/02\/2025" is not a calendar date/,
    ],
    [
      "a date before the first text of 3A090",
      ["classify", "data/examples/h100.json", "--date", "2022-10-06"],
      /--date: no text of 3A090 is in force on 2022-10-06: ECCN 3A090 was added by 87 FR 62186/,
    ],
    ["a missing file", ["classify", "no/such/file.json", "--date", DATE], /cannot read no\/such\/file\.json: ENOENT/],
    [
      "a missing JSONL file",
      ["classify", "no/such/file.jsonl", "--date", DATE],
      /cannot read no\/such\/file\.jsonl: ENOENT/,
    ],
    [
      "a bad --format",
      ["classify", "data/examples/h100.json", "--format", "yaml", "--date", DATE],
      /--format must be one of .*json.*, got "yaml"/,
    ],
    [
      "a bad --fail-on value",
      ["classify", "data/examples/h100.json", "--fail-on", "3A090.z", "--date", DATE],
      /--fail-on: "3A090\.z" is not one of/,
    ],
    ["an unknown command", ["clasify"], /unknown command 'clasify'/],
  ])("%s", (_, args, message) => {
    const run = cli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe("");
  });
});

describe("exit 65: invalid input names the file and the field", () => {
  it.each([
    ["1,979", /thousands separator; write "1979"/],
    ["989,4", /decimal comma; write "989\.4"/],
    ["-3", /negative; datasheet figures are zero or more/],
    ["+3", /has a sign/],
    ["NaN", /not a number/],
    ["Infinity", /not a number/],
    ["", /is empty/],
    [" 5", /leading or trailing spaces/],
    ["5.", /digits on both sides of the point/],
    ["0x10", /is not a decimal/],
    ["1e999", /exponent 999 is out of range/],
    ["9".repeat(101), /longer than 100 characters/],
    ["5 GHz", /unit "GHz" is not a throughput unit/],
    [1979, /give the figure as a string, e.g. "1979"/],
  ])("tops %j", (tops, message) => {
    const path = file("bad.json", withTops(tops));
    const run = cli(["classify", path, "--date", DATE]);
    expect(run.status).toBe(65);
    expect(run.stderr).toMatch(
      new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}: units\\[0\\]\\.rates\\[0\\]\\.tops: `),
    );
    expect(run.stderr).toMatch(message);
    const out = JSON.parse(run.stdout) as {
      part: string;
      error: { file: string; issues: { path: string; message: string }[] };
    };
    expect(out.part).toBe("H100-SXM5-80GB");
    expect(out.error.file).toBe(path);
    expect(out.error.issues[0]?.path).toBe("units[0].rates[0].tops");
  });

  it("a die area error names its path", () => {
    const path = file("bad-die.json", {
      ...h100,
      dies: [{ name: "GH100", areaMm2: "8,14 cm^2", logic: true, nonPlanar: true }],
    });
    const run = cli(["classify", path, "--date", DATE]);
    expect(run.status).toBe(65);
    expect(run.stderr).toContain(`${path}: dies[0].areaMm2: `);
  });

  it("text that is not JSON", () => {
    const path = file("broken.json", '{"part": ');
    const run = cli(["classify", path, "--date", DATE]);
    expect(run.status).toBe(65);
    expect(run.stderr).toMatch(new RegExp(`${path.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}: not valid JSON`));
  });

  it("a JSON array is answered element by element, bad ones in place", () => {
    const path = file("array.json", [h100, withTops("1,979")]);
    const run = cli(["classify", path, "--date", DATE]);
    expect(run.status).toBe(65);
    const out = JSON.parse(run.stdout) as { clause?: string; error?: unknown }[];
    expect(out).toHaveLength(2);
    expect(out[0]?.clause).toBe("3A090.a.1");
    expect(out[1]?.error).toBeDefined();
    expect(run.stderr).toContain(`${path}[1]: units[0].rates[0].tops:`);
  });
});

describe("JSON Lines: every input line yields exactly one output line, in order", () => {
  const lines = [
    JSON.stringify(h100),
    JSON.stringify(withTops("1,979")),
    "",
    "{not json",
    JSON.stringify({ part: "HBM3E-12H", kind: "hbm", bandwidthGBps: "1229", areaMm2: "121" }),
    JSON.stringify({ ...withTops("296"), part: "H20-like" }),
    JSON.stringify({ ...h100, kind: "gpu" }),
  ];

  it("answers bad lines in place with an error naming the line, and exits 65", () => {
    const path = file("mixed.jsonl", `${lines.join("\n")}\n`);
    const run = cli(["classify", path, "--date", DATE]);
    expect(run.status).toBe(65);
    const out = run.stdout
      .trimEnd()
      .split("\n")
      .map(
        (l) =>
          JSON.parse(l) as {
            part?: string | null;
            clause?: string;
            line?: number;
            error?: { file: string; line: number; message: string };
          },
      );
    expect(out).toHaveLength(lines.length);
    expect(out.map((o) => o.clause ?? "error")).toEqual([
      "3A090.a.1",
      "error",
      "error",
      "error",
      "3A090.c",
      "none",
      "error",
    ]);
    expect(out[1]).toMatchObject({ line: 2, part: "H100-SXM5-80GB", error: { file: path, line: 2 } });
    expect(out[1]?.error?.message).toMatch(
      new RegExp(
        `^${path.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}:2: units\\[0\\]\\.rates\\[0\\]\\.tops: .*thousands separator`,
      ),
    );
    expect(out[2]?.error?.message).toMatch(/:3: empty line/);
    expect(out[3]?.error?.message).toMatch(/:4: not valid JSON/);
    expect(out[6]?.error?.message).toMatch(/:7: kind: must be "ic" or "hbm", got "gpu"/);
    expect(run.stderr).toMatch(/ic3a090: 7 read: 1 3A090\.a\.1, 1 3A090\.c, 1 none, 4 invalid/);
  });

  it("--format jsonl reads JSON Lines from any file name, and stdin", () => {
    const path = file("lines.txt", `${lines[0]}\n${lines[4]}\n`);
    const run = cli(["classify", path, "--format", "jsonl", "--date", DATE]);
    expect(run.status).toBe(0);
    expect(run.stdout.trimEnd().split("\n")).toHaveLength(2);
    const piped = cli(["classify", "-", "--format", "jsonl", "--date", DATE], `${lines[0]}\n${lines[4]}\n`);
    expect(
      piped.stdout
        .trimEnd()
        .split("\n")
        .map((l) => (JSON.parse(l) as { clause: string }).clause),
    ).toEqual(["3A090.a.1", "3A090.c"]);
  });

  it("the bundled examples all classify, one per clause, and exit 0", () => {
    const run = cli(["classify", "data/examples/datasheets.jsonl", "--date", DATE]);
    expect(run.status).toBe(0);
    const clauses = run.stdout
      .trimEnd()
      .split("\n")
      .map((l) => (JSON.parse(l) as { clause: string }).clause);
    expect(clauses).toEqual(["3A090.a.1", "3A090.a.2", "3A090.b.1", "3A090.b.2", "none", "indeterminate", "3A090.c"]);
    expect(run.stderr).toBe(
      "ic3a090: 7 read: 1 3A090.a.1, 1 3A090.a.2, 1 3A090.b.1, 1 3A090.b.2, 1 none, 1 indeterminate, 1 3A090.c\n",
    );
  });
});

describe("--fail-on", () => {
  it("exits 1 when a result is 3A090.a", () => {
    const run = cli(["classify", "data/examples/h100.json", "--fail-on", "3A090.a", "--date", DATE]);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ eccn: "3A090.a" });
  });

  it("exits 0 when none matches", () => {
    const path = file("h20.json", { ...withTops("296"), part: "H20-like" });
    expect(cli(["classify", path, "--fail-on", "3A090.a,3A090.b", "--date", DATE]).status).toBe(0);
  });

  it("matches a clause that holds, not only the controlling one (H100 matches a.2)", () => {
    expect(cli(["classify", "data/examples/h100.json", "--fail-on", "3A090.a.2", "--date", DATE]).status).toBe(1);
  });

  it("matches indeterminate", () => {
    expect(
      cli(["classify", "data/examples/datasheets.jsonl", "--fail-on", "indeterminate", "--date", DATE]).status,
    ).toBe(1);
  });

  it("invalid input (65) wins over --fail-on (1)", () => {
    const path = file("mixed2.jsonl", `${JSON.stringify(h100)}\n{bad\n`);
    expect(cli(["classify", path, "--fail-on", "3A090.a", "--date", DATE]).status).toBe(65);
  });
});

describe("--explain", () => {
  it("prints the trace for a person, with the exact comparisons and citations", () => {
    const run = cli(["classify", "data/examples/h100.json", "--explain", "--date", DATE]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^H100-SXM5-80GB: 3A090\.a \(controlling paragraph 3A090\.a\.1\)/);
    expect(run.stdout).toContain("  performance density 7916/407 ≈ 19.449631 TPP/mm²");
    expect(run.stdout).toContain("  3A090.a.1: holds. TPP 15832 ≥ 4800");
    expect(run.stdout).toContain(
      "      15 CFR 774 Supp. 1, ECCN 3A090.a.1 (88 FR 73458, published 2023-10-25; in force from 2023-11-17)",
    );
    expect(run.stdout).toContain("not legal advice");
  });

  it("says what is missing for an indeterminate answer", () => {
    const run = cli(["classify", "data/examples/datasheets.jsonl", "--explain", "--date", DATE]);
    expect(run.stdout).toContain(
      "L40, datacenter marketing not known: indeterminate: the facts given do not settle it",
    );
    expect(run.stdout).toContain(
      "Missing (would settle the answer):\n  - datacenter: whether the IC is designed or marketed for use in datacenters",
    );
  });
});

describe("ic3a090 schema", () => {
  it("prints the committed data/schema/datasheet.schema.json byte for byte (regenerate: node dist/cli/bin.js schema > data/schema/datasheet.schema.json)", () => {
    const run = cli(["schema"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(readFileSync("data/schema/datasheet.schema.json", "utf8"));
  });

  it("describes both kinds, with figures as strings", () => {
    const schema = JSON.parse(cli(["schema"]).stdout) as { anyOf: { properties: Record<string, { type?: string }> }[] };
    expect(schema.anyOf).toHaveLength(2);
    expect(Object.keys(schema.anyOf[0]!.properties)).toEqual(
      expect.arrayContaining(["part", "kind", "datacenter", "units", "dies"]),
    );
    expect(schema.anyOf[1]!.properties.bandwidthGBps?.type).toBe("string");
  });
});

describe("ic3a090 rules", () => {
  it("prints the thresholds in force with citations; refuses a date before 2023-11-17 with exit 2", () => {
    const ok = cli(["rules", "--date", DATE]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('3A090.a.2.pd             ≥ 5.92 TPP/mm²   "of 5.92 or more"');
    const early = cli(["rules", "--date", "2022-10-07"]);
    expect(early.status).toBe(2);
    expect(early.stderr).toMatch(/^ic3a090: --date: no rules are formalised for 2022-10-07/);
  });
});
