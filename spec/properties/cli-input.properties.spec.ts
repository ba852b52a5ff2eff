/**
 * Properties of every command over hostile input: random bytes, random JSON
 * and random CSV. Whatever comes in, a command shows no stack trace, exits
 * with a code its help documents, answers one output record per input record
 * in batch modes, and leaves an --output destination complete or untouched.
 *
 * Each run starts the built CLI, so the runs per property are few; the seed
 * is fixed (spec/setup.ts) so a failure replays.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { type CliRun, runCli } from "../cli.js";

const RUNS = { numRuns: 4 };
const DATE = ["--date", "2027-03-15"];
const dir = mkdtempSync(join(tmpdir(), "ic3a090-props-"));
const at = (name: string) => join(dir, name);
const FABRICATOR = ["--fabricator-name", "Fab Co", "--fabricator-address", "1 Fab Road"];
const VERIFY_CODES = [0, 2, ...Array.from({ length: 12 }, (_, i) => 10 + i)];

/** Every command, with the exit codes its help documents. */
const COMMANDS: [string, () => string[], readonly number[]][] = [
  ["classify", () => ["classify", ...DATE], [0, 1, 2, 65]],
  ["presume", () => ["presume"], [0, 1, 2, 65]],
  ["report", () => ["report", "--quarter", "2027Q1", ...FABRICATOR], [0, 1, 2, 65]],
  ["plot", () => ["plot", ...DATE], [0, 2, 65]],
  ["attest", () => ["attest", "--key", at("acme.key"), "--designer", "Acme Semi", ...DATE], [0, 1, 2, 65]],
  ["verify", () => ["verify", "--trust", at("trusted.json")], VERIFY_CODES],
  ["render", () => ["render", "--trust", at("trusted.json")], VERIFY_CODES],
];

beforeAll(() => {
  expect(runCli(["keygen", "--out", at("acme")]).status).toBe(0);
  writeFileSync(at("trusted.json"), JSON.stringify({ designers: [{ name: "Acme Semi", publicKey: "acme.pub" }] }));
});

function expectWellBehaved(run: CliRun, codes: readonly number[]): void {
  expect(run.stderr).not.toMatch(/\n\s+at |internal error/);
  expect(codes).toContain(run.status);
}

/** Random JSON that sometimes looks like a datasheet or an order. */
const datasheetLike = fc.record(
  {
    part: fc.oneof(fc.string(), fc.constant("P")),
    datacenter: fc.oneof(fc.boolean(), fc.string()),
    units: fc.array(
      fc.record({
        rates: fc.array(
          fc.record({
            format: fc.constantFrom("FP8", "INT8", "fp8", "X"),
            tops: fc.oneof(fc.string(), fc.double(), fc.constantFrom("600", "1e3", "-1")),
          }),
        ),
      }),
    ),
    dies: fc.array(fc.record({ areaMm2: fc.oneof(fc.string(), fc.constantFrom("800", "0")), logic: fc.boolean() })),
    completionDate: fc.constantFrom("2027-01-12", "2027-13-01", ""),
  },
  { requiredKeys: [] },
);
const randomJson = fc.oneof(fc.jsonValue(), datasheetLike);
const randomBytes = fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes).toString("latin1"));
const cell = fc.stringMatching(/^[A-Za-z0-9 .-]{0,8}$/);
const randomCsv = fc
  .tuple(
    fc.shuffledSubarray(["part", "tops_fp8", "die_area_mm2", "datacenter", "kind", "notes"], { minLength: 1 }),
    fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 8 }),
  )
  .map(([header, rows]) => `${header.join(",")}\n${rows.map((row) => row.join(",")).join("\n")}\n`);

describe.each(COMMANDS)("%s over hostile input", (_, args, codes) => {
  it("random bytes: no stack trace, a documented exit code", () => {
    fc.assert(
      fc.property(randomBytes, (text) => {
        expectWellBehaved(runCli(args(), { input: text }), codes);
      }),
      RUNS,
    );
  });

  it("random JSON: no stack trace, a documented exit code", () => {
    fc.assert(
      fc.property(randomJson, (value) => {
        expectWellBehaved(runCli(args(), { input: JSON.stringify(value) }), codes);
      }),
      RUNS,
    );
  });

  it("random CSV: no stack trace, a documented exit code", () => {
    fc.assert(
      fc.property(randomCsv, (text) => {
        expectWellBehaved(runCli(args(), { input: text }), codes);
      }),
      RUNS,
    );
  });
});

describe("batch modes answer one record per record", () => {
  it("classify and presume over JSON Lines: one output line per input line", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("classify", "presume"),
        fc.array(randomJson, { minLength: 1, maxLength: 6 }),
        (command, values) => {
          const run = runCli([command, "--format", "jsonl", ...(command === "classify" ? DATE : [])], {
            input: `${values.map((v) => JSON.stringify(v)).join("\n")}\n`,
          });
          expectWellBehaved(run, [0, 1, 65]);
          expect(run.stdout.trimEnd().split("\n")).toHaveLength(values.length);
        },
      ),
      RUNS,
    );
  });

  it("classify over a JSON array: an array of as many results", () => {
    fc.assert(
      fc.property(fc.array(randomJson, { maxLength: 6 }), (values) => {
        const run = runCli(["classify", "-", ...DATE], { input: JSON.stringify(values) });
        expectWellBehaved(run, [0, 1, 65]);
        expect(JSON.parse(run.stdout)).toHaveLength(values.length);
      }),
      RUNS,
    );
  });

  it("classify over a CSV with a part column: one output row per input row", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const data = rows.map((row) => [`P${row[0]}`, ...row.slice(1)]);
        const run = runCli(["classify", "-", "--format", "csv", ...DATE], {
          input: `part,tops_fp8,die_area_mm2\n${data.map((row) => row.join(",")).join("\n")}\n`,
        });
        expectWellBehaved(run, [0, 1, 65]);
        expect(run.stdout.trimEnd().split("\n")).toHaveLength(data.length + 1);
      }),
      RUNS,
    );
  });
});

describe("--output is complete or untouched", () => {
  it.each([
    ["classify", ["classify", "-", "--format", "csv", ...DATE]],
    ["classify --format table", ["classify", "-", "--format", "table", ...DATE]],
    ["plot", ["plot", "-", ...DATE]],
    ["report", ["report", "-", "--quarter", "2027Q1", ...FABRICATOR]],
  ])("%s", (name, args) => {
    fc.assert(
      fc.property(
        fc.oneof(
          randomBytes,
          randomCsv,
          randomJson.map((v) => JSON.stringify(v)),
        ),
        (text) => {
          const destination = at(`${name.replace(/\W/g, "-")}.out`);
          writeFileSync(destination, "the previous content\n");
          const run = runCli([...args, "--output", destination], { input: text });
          expectWellBehaved(run, [0, 1, 2, 65]);
          const after = readFileSync(destination, "utf8");
          if (after === "the previous content\n") return;
          // Replaced: then the run completed, and the file is the whole document.
          expect([0, 1, 65]).toContain(run.status);
          if (name === "plot") expect(after.trimEnd().endsWith("</svg>")).toBe(true);
          if (name === "report") expect(after.length).toBeGreaterThan(0);
        },
      ),
      RUNS,
    );
  });
});
