/**
 * 15 CFR 743.9 report over a large batch: the undecided orders and the product names spilled to a temporary folder
 * (src/presume/report-spill.ts) give the same report, byte for byte, as the in-memory builder, and the folder is
 * removed after success and after a failure.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import fc from "fast-check";
import Papa from "papaparse";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Order } from "../../src/presume/order.js";
import {
  type Fabricator,
  parseQuarter,
  type Quarter,
  renderReportCsv,
  renderReportMarkdown,
  ReportBuilder,
} from "../../src/presume/report.js";
import { type ReportFormat, SpilledReport, withSpilledReport } from "../../src/presume/report-spill.js";
import type { PresumeResult } from "../../src/presume/result.js";
import { runCli } from "../cli.js";

const Q1 = parseQuarter("2027Q1")!;
const FAB: Fabricator = { name: "Formosa Foundry Co.", address: "8 Science Park Rd, Hsinchu, TW" };

/** What the report reads of a checked order: the designer's facts, and the result's date, part and outcome. */
interface Checked {
  readonly designer?: { name: string; address?: string; pointOfContact?: string };
  readonly part: string;
  readonly completionDate: string;
  readonly reportable7439: boolean | null;
  readonly presumption: PresumeResult["presumption"];
  readonly attestedClause: string | null;
  readonly missing: readonly string[];
}

/** An order of Acme Semi's (address and point of contact known) for `part`, reportable, the presumption applying. */
function reportable(part: string): Checked {
  return {
    designer: { name: "Acme Semi", address: "1 Main St", pointOfContact: "J. Doe" },
    part,
    completionDate: "2027-02-01",
    reportable7439: true,
    presumption: "applies",
    attestedClause: null,
    missing: [],
  };
}

function pair(c: Checked): { order: Order; result: PresumeResult } {
  const order = { designer: c.designer } as unknown as Order;
  const result = {
    part: c.part,
    completionDate: c.completionDate,
    reportable7439: c.reportable7439,
    presumption: c.presumption,
    attestedClause: c.attestedClause,
    missing: c.missing,
  } as unknown as PresumeResult;
  return { order, result };
}

/** Both formats from the in-memory builder. */
function inMemory(checked: readonly Checked[], quarter: Quarter = Q1): Record<ReportFormat, string> {
  const builder = new ReportBuilder(quarter, FAB);
  for (const c of checked) {
    const { order, result } = pair(c);
    builder.add(order, result);
  }
  const report = builder.build();
  return { csv: renderReportCsv(report), md: renderReportMarkdown(report) };
}

/** One format from a spilled report, the output taken in the pieces `render` writes. */
async function spilled(
  checked: readonly Checked[],
  format: ReportFormat,
  options: { directory: string; productBudget: number; mergeWidth?: number },
): Promise<string> {
  return withSpilledReport(Q1, FAB, options, async (report) => {
    for (const c of checked) {
      const { order, result } = pair(c);
      report.add(order, result);
    }
    let text = "";
    await report.render(format, (piece) => {
      text += piece;
    });
    return text;
  });
}

/** Names a file may hold: a pipe, a newline, a formula, quotes, commas, leading and trailing spaces, a number. */
const hostile = fc.oneof(
  fc.constantFrom(
    "ACME-X9",
    "A|B",
    "line\nbreak",
    "cr\r",
    '=HYPERLINK("http://x")',
    "+1",
    "-1.5",
    "@SUM(A1)",
    "\tTAB",
    'say "hi"',
    "a,b",
    " lead",
    "trail ",
    "\ufeffBOM",
    "",
    "Ünïcode ✓",
    "𝔘 astral",
  ),
  fc.string({ maxLength: 6 }),
);

/** Mostly one value, so that groups gather several names; now and then a hostile one. */
const usually = (value: string) =>
  fc.oneof({ arbitrary: fc.constant(value), weight: 4 }, { arbitrary: hostile, weight: 1 });

const checkedOrder: fc.Arbitrary<Checked> = fc.record({
  designer: fc.option(
    fc.record(
      {
        name: fc.constantFrom("Acme Semi", "Acme Semi", "acme semi", "Borealis AI", "Nova | Compute"),
        address: usually("1 Main St"),
        pointOfContact: usually("J. Doe"),
      },
      { requiredKeys: ["name"] },
    ),
    { nil: undefined },
  ),
  part: fc.oneof(hostile, fc.constantFrom("-1.5", "trail ", " lead", "@x", "\tTAB", "=1")),
  completionDate: fc.constantFrom("2026-12-31", "2027-01-01", "2027-02-14", "2027-02-14", "2027-03-31", "2027-04-01"),
  reportable7439: fc.constantFrom(true, true, true, false, null),
  presumption: fc.constantFrom("applies", "overcome", "indeterminate", "not-applicable") as fc.Arbitrary<
    PresumeResult["presumption"]
  >,
  attestedClause: fc.constantFrom(null, null, null, "3A090.a.1", "3A090.a.2", "3A090.b.1", "none"),
  missing: fc.array(hostile, { maxLength: 2 }),
});

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), "report-spill-spec-"));
});
afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

describe("§ 743.9 report spilled to disk: the same bytes as in memory", () => {
  it("random orders with hostile names, any budget of names held (1 spills every name), runs merged 2 to 4 at a time, CSV and Markdown", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(checkedOrder, { maxLength: 30 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 2, max: 4 }),
        async (checked, productBudget, mergeWidth) => {
          const expected = inMemory(checked);
          for (const format of ["csv", "md"] as const)
            expect(await spilled(checked, format, { directory, productBudget, mergeWidth })).toBe(expected[format]);
          expect(readdirSync(directory)).toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("many names in one group, spilled in runs of 7, merged 3 at a time in rounds, sorted and each once", async () => {
    const checked: Checked[] = [];
    for (let i = 0; i < 400; i++) checked.push(reportable(`P-${(i * 7919) % 150}`));
    const expected = inMemory(checked);
    expect(expected.md).toContain("P-0, P-1, P-10, P-100, P-101");
    expect(expected.md).toContain(" | 400 |");
    for (const format of ["csv", "md"] as const)
      expect(await spilled(checked, format, { directory, productBudget: 7, mergeWidth: 3 })).toBe(expected[format]);
  });

  it.each([
    [["b", "trail "], "the last name ends with a space: quoted"],
    [[" lead", "x"], "the first name starts with a space: quoted"],
    [["-1.5"], "one name that is a plain number: left as it is"],
    [["-1.5", "x"], "a number first, but the cell is no number: marked as text"],
    [["=1", " z"], "a space sorts before '=': quoted, not marked"],
    [["@a", "b "], "a formula first and a space last: marked and quoted"],
    [["\tTAB", "y"], "a tab first: marked"],
    [['q"uote', "r"], "a quote: quoted, and doubled"],
    [["", "x"], "an empty name first"],
    [["a", "b,c"], "a comma in a name: quoted"],
    [["\ufeffz", "a"], "a BOM in a name: quoted"],
    [["a\nb", "c|d"], "a line break and a pipe"],
  ])("the products cell of %j (%s): the same in CSV and Markdown, spilled name by name", async (names) => {
    const checked = names.map((part) => reportable(part));
    const expected = inMemory(checked);
    for (const format of ["csv", "md"] as const)
      expect(await spilled(checked, format, { directory, productBudget: 1 })).toBe(expected[format]);
  });

  it("undecided orders are listed in the order they were read, after the reportable rows", async () => {
    const parts = ["Z-last-read-first", "A-second", "M-third", "B-fourth"];
    const checked: Checked[] = parts.map((part) => ({
      designer: { name: "Nova Compute" },
      part,
      completionDate: "2027-01-15",
      reportable7439: null,
      presumption: "indeterminate",
      attestedClause: null,
      missing: ["dies[0].areaMm2"],
    }));
    const md = await spilled(checked, "md", { directory, productBudget: 1 });
    const listed = md.split("\n").filter((line) => line.startsWith("- "));
    expect(listed.map((line) => line.slice(2, line.indexOf(" (")))).toEqual(parts);
    const csv = await spilled(checked, "csv", { directory, productBudget: 1 });
    const rows = Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data;
    expect(rows.map((row) => row.productNames)).toEqual(parts);
  });

  it("no order in the quarter: the header and an empty line in CSV (as papaparse always wrote it)", async () => {
    const checked: Checked[] = [
      {
        part: "X",
        completionDate: "2027-04-01",
        reportable7439: true,
        presumption: "applies",
        attestedClause: null,
        missing: [],
      },
    ];
    const csv = await spilled(checked, "csv", { directory, productBudget: 1 });
    expect(csv).toBe(inMemory(checked).csv);
    expect(csv.endsWith("missing\n\n")).toBe(true);
  });
});

describe("the spill folder", () => {
  const some: Checked[] = Array.from({ length: 20 }, (_, i) => ({
    ...reportable(`P-${i}`),
    reportable7439: i % 4 === 0 ? null : true,
  }));

  it("holds the undecided orders and the runs of names while the report is built, and is removed after", async () => {
    let seen: string[] = [];
    await spilled(some, "md", { directory, productBudget: 3 });
    await withSpilledReport(Q1, FAB, { directory, productBudget: 3 }, async (report) => {
      for (const c of some) {
        const { order, result } = pair(c);
        report.add(order, result);
      }
      seen = readdirSync(report.folder).sort();
      await report.render("md", () => undefined);
    });
    expect(seen).toContain("undecided.jsonl");
    expect(seen.filter((name) => name.startsWith("products-")).length).toBe(5);
    expect(readdirSync(directory)).toEqual([]);
  });

  it("is removed when the body fails, and when writing the report fails", async () => {
    await expect(
      withSpilledReport(Q1, FAB, { directory }, async () => {
        throw new Error("reading the orders failed");
      }),
    ).rejects.toThrow("reading the orders failed");
    expect(readdirSync(directory)).toEqual([]);
    await expect(
      withSpilledReport(Q1, FAB, { directory, productBudget: 2 }, async (report) => {
        for (const c of some) {
          const { order, result } = pair(c);
          report.add(order, result);
        }
        await report.render("csv", () => {
          throw new Error("ENOSPC");
        });
      }),
    ).rejects.toThrow("ENOSPC");
    expect(readdirSync(directory)).toEqual([]);
  });

  it("dispose is final: a disposed report refuses to render", async () => {
    const report = SpilledReport.open(Q1, FAB, { directory });
    report.dispose();
    expect(readdirSync(directory)).toEqual([]);
    await expect(report.render("md", () => undefined)).rejects.toThrow("disposed");
  });

  it("ic3a090 report interrupted by Ctrl-C while reading stdin: exit 130, the folder removed", async () => {
    const child = spawn(
      process.execPath,
      ["dist/cli/bin.js", "report", "--quarter", "2027Q1", "-", "--fabricator-name", "F", "--fabricator-address", "A"],
      { env: { ...process.env, TMPDIR: directory }, stdio: ["pipe", "ignore", "ignore"] },
    );
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.stdin.write(`${readFileSync("data/examples/orders-2027Q1.jsonl", "utf8")}`);
    for (let i = 0; i < 200 && readdirSync(directory).length === 0; i++) await sleep(50);
    expect(readdirSync(directory)).toHaveLength(1);
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(readdirSync(directory)).toEqual([]);
  });

  it("ic3a090 report leaves nothing in TMPDIR: after a report, and after invalid orders (exit 65)", () => {
    const env = { TMPDIR: directory };
    const args = ["report", "--quarter", "2027Q1", "data/examples/orders-2027Q1.jsonl"];
    const fab = ["--fabricator-name", FAB.name, "--fabricator-address", FAB.address];
    expect(runCli([...args, ...fab], { env }).status).toBe(1);
    expect(readdirSync(directory)).toEqual([]);
    const invalid = runCli(["report", "--quarter", "2027Q1", "-", ...fab], { input: '{"part": "X"}\n', env });
    expect(invalid.status).toBe(65);
    expect(readdirSync(directory)).toEqual([]);
  });
});
