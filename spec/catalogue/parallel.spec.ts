/**
 * A catalogue classified on several threads (src/catalogue/parallel.ts) gives byte for byte the output of one
 * thread, with the same summary, invalid-row messages, warnings and --strict stop, for 1, 2 and 4 worker threads,
 * chunks of a few characters (many in flight, answered out of order) and any cut of the input into pieces;
 * the fast path's output equals the general path's there too. Simulated workers (chunks answered in-process,
 * out of order) carry the properties; two cases run on real worker threads.
 */
import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { CatalogueClassifier, type CatalogueCsvOptions, CatalogueCsvTransform } from "../../src/catalogue/classify.js";
import { ParallelCatalogueTransform } from "../../src/catalogue/parallel.js";
import { RecordCutter } from "../../src/catalogue/record-cutter.js";
import { rulesAt } from "../../src/rules/rules.js";
import { GENERATED_HEADER, generatedRow, seeded } from "../../scripts/catalogue-generator.js";

const rules = rulesAt("2026-11-22");

/** Pass-through cells a spreadsheet export holds: quoted commas and quotes, line breaks, formulas, stray quotes. */
const NOTES = ['say "hi", then', "two\r\nlines", "", "=SUM(A1)", 'stray " quote', "cr\ronly", " padded "];

/** A generated catalogue as CSV text. */
function generated(seed: number, rows: number, newline: string, bom: boolean): string {
  const random = seeded(seed);
  const body = Array.from({ length: rows }, (_, i) => {
    const fields = generatedRow(random, rules, i, 0.3);
    fields[12] = NOTES[(i + seed) % NOTES.length]!;
    return fields;
  });
  return `${bom ? "\ufeff" : ""}${Papa.unparse([GENERATED_HEADER, ...body], { newline })}${newline}`;
}

interface Run {
  output: string;
  summary: string;
  invalid: string[];
  warnings: string[];
  stopped: string | undefined;
  failOn: number;
}

const failOnA1 = (result: { clause: string }) => result.clause === "3A090.a.1" || result.clause === "indeterminate";

function options(invalid: string[], warnings: string[], strict: boolean): CatalogueCsvOptions {
  return {
    rules,
    strict,
    failOn: failOnA1,
    onInvalid: (message) => invalid.push(message),
    warn: (message) => warnings.push(message),
  };
}

/** One thread, the whole text at once. */
function alone(text: string, strict = false): Run {
  const invalid: string[] = [];
  const warnings: string[] = [];
  const transform = new CatalogueCsvTransform(options(invalid, warnings, strict));
  let output = transform.push(text);
  if (transform.stopped === undefined) output += transform.end();
  const { tally } = transform;
  return { output, summary: tally.summary(), invalid, warnings, stopped: transform.stopped, failOn: tally.failOn };
}

/** `workers` worker threads (simulated unless `threads`), the text fed in pieces cut at `cuts`. */
async function parallel(
  text: string,
  workers: number,
  cuts: readonly number[],
  settings: { chunkChars: number; inProcessChars: number; strict?: boolean; threads?: boolean },
): Promise<Run> {
  const invalid: string[] = [];
  const warnings: string[] = [];
  const transform = new ParallelCatalogueTransform({
    ...options(invalid, warnings, settings.strict === true),
    workers,
    chunkChars: settings.chunkChars,
    inProcessChars: settings.inProcessChars,
    simulateWorkers: settings.threads !== true,
  });
  let output = "";
  try {
    let last = 0;
    // A cut after the header: workers start only once it is read.
    const header = /\r\n|\n|\r/.exec(text);
    const afterHeader = header ? header.index + header[0].length : 0;
    for (const cut of [...new Set([...cuts, afterHeader, text.length])].sort((a, b) => a - b)) {
      output += (await transform.push(text.slice(last, cut))).join("");
      last = cut;
      if (transform.stopped !== undefined) break;
    }
    if (transform.stopped === undefined) output += (await transform.end()).join("");
  } finally {
    await transform.close();
  }
  const { tally } = transform;
  return { output, summary: tally.summary(), invalid, warnings, stopped: transform.stopped, failOn: tally.failOn };
}

const settings = fc.record({
  chunkChars: fc.integer({ min: 1, max: 400 }),
  inProcessChars: fc.constantFrom(0, 1, 200, 1000),
  workers: fc.constantFrom(1, 2, 4),
});

describe("stream invariance across worker threads", () => {
  it("gives the one-thread output, summary, messages and warnings for 1, 2 and 4 workers and any cut", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1e9 }),
        fc.integer({ min: 0, max: 30 }),
        fc.constantFrom("\n", "\r\n", "\r"),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 12 }),
        settings,
        async (seed, rows, newline, bom, rawCuts, setting) => {
          const text = generated(seed, rows, newline, bom);
          const cuts = rawCuts.map((c) => c % (text.length + 1));
          expect(await parallel(text, setting.workers, cuts, setting)).toEqual(alone(text));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("stops at the same row with --strict, after the same rows", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1e9 }), settings, async (seed, setting) => {
        const text = generated(seed, 25, "\n", false);
        const strict = { ...setting, strict: true };
        expect(await parallel(text, setting.workers, [], strict)).toEqual(alone(text, true));
      }),
      { numRuns: 60 },
    );
  });

  it("reads on in-process, with the same output, where its quick scan and papaparse disagree on a record's end", async () => {
    const header = "part,note,tops_fp8,datacenter,die_area_mm2\n";
    const rows = [
      'A,"closed" then text,600,yes,100',
      'B,x"y,600,no,100',
      'C,"spaces after the quote"  ,600,yes,100',
      'D,"unclosed, with, commas\nE,600,yes,100',
      "F,plain,600,yes,100",
    ];
    const text = `${header}${rows.join("\n")}\n`;
    for (const chunkChars of [1, 7, 30])
      for (const workers of [1, 2, 4])
        expect(await parallel(text, workers, [], { chunkChars, inProcessChars: 0 })).toEqual(alone(text));
  });

  it("reads the rest in-process from the last confirmed record when a chunk was cut at a wrong place", async () => {
    // The quick scan agrees with papaparse on every input above; a cut counted wrongly is forced here.
    const take = RecordCutter.prototype.take;
    let calls = 0;
    RecordCutter.prototype.take = function (this: RecordCutter) {
      const chunk = take.call(this);
      return chunk && ++calls % 3 === 0 ? { ...chunk, row: chunk.row + 1 } : chunk;
    };
    try {
      // Every other row invalid: each message names its row.
      const rows = Array.from({ length: 40 }, (_, i) => `P${i},${i % 2 ? "maybe" : "yes"},${600 + i},100`);
      for (const text of [
        `part,datacenter,tops_fp8,die_area_mm2\n${rows.join("\n")}\n`,
        generated(1, 30, "\n", false),
      ]) {
        for (const workers of [2, 4])
          expect(await parallel(text, workers, [], { chunkChars: 150, inProcessChars: 0 })).toEqual(alone(text));
      }
      expect(calls).toBeGreaterThan(3);
    } finally {
      RecordCutter.prototype.take = take;
    }
  });

  it("writes the fast path's output equal to the general path's, across worker counts", async () => {
    const random = seeded(11);
    const body = Array.from({ length: 300 }, (_, i) => generatedRow(random, rules, i, 1));
    const text = `${Papa.unparse([GENERATED_HEADER, ...body], { newline: "\n" })}\n`;
    // Without the fast path's answers (`quickly` and the line-by-line path both ask `quickResult`).
    const quickResult = CatalogueClassifier.prototype.quickResult;
    let general: Run;
    CatalogueClassifier.prototype.quickResult = () => undefined;
    try {
      general = alone(text);
    } finally {
      CatalogueClassifier.prototype.quickResult = quickResult;
    }
    for (const workers of [1, 2, 4])
      expect(await parallel(text, workers, [], { chunkChars: 500, inProcessChars: 0 })).toEqual(general);
  });

  it("gives the same output on real worker threads, 1, 2 and 4 of them", async () => {
    const text = generated(5, 120, "\r\n", true);
    for (const workers of [1, 2, 4])
      expect(await parallel(text, workers, [333], { chunkChars: 700, inProcessChars: 100, threads: true })).toEqual(
        alone(text),
      );
  }, 60_000);
});

describe("a failing worker thread", () => {
  it("fails the run with its error instead of answering (the CLI then exits 70, writing no --output file)", async () => {
    // The workers read the rules of this date again, and cannot: each thread fails as it starts.
    const broken = Object.create(rules, { date: { value: "not-a-date" } }) as typeof rules;
    const transform = new ParallelCatalogueTransform({ rules: broken, workers: 2, chunkChars: 50, inProcessChars: 0 });
    const text = generated(3, 40, "\n", false);
    const header = text.indexOf("\n") + 1;
    await expect(
      (async () => {
        try {
          await transform.push(text.slice(0, header));
          await transform.push(text.slice(header));
          await transform.end();
        } finally {
          await transform.close();
        }
      })(),
    ).rejects.toThrow(/not-a-date/);
  }, 60_000);
});

describe("the record cutter", () => {
  it("cuts only after whole records, counting a blank line as a row", () => {
    const cutter = new RecordCutter("\n", 2, 1);
    cutter.add('a,"b\nc",d\n\nx,y');
    expect(cutter.take()).toEqual({ text: 'a,"b\nc",d\n', row: 2 });
    expect(cutter.take()).toEqual({ text: "\n", row: 3 });
    expect(cutter.take()).toBeUndefined();
    cutter.add('"z\n"q,"');
    expect(cutter.take()).toEqual({ text: 'x,y"z\n', row: 4 });
    expect(cutter.unfinished).toBe(4);
    expect(cutter.takeAll()).toEqual({ text: '"q,"', row: 5 });
  });
});
