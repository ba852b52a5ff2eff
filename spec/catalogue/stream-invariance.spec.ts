/**
 * Streaming a catalogue: the same text cut into any pieces gives byte-identical
 * output; every input row gives exactly one output row, in order; spreadsheet
 * exports (BOM, CRLF, quoted commas and line breaks, trailing blank line) work.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { CatalogueCsvTransform, classifyCatalogueCsv, RESULT_COLUMNS } from "../../src/catalogue/classify.js";
import { ByteWriter } from "../../src/catalogue/byte-writer.js";
import { rulesAt } from "../../src/rules/rules.js";
import { GENERATED_HEADER, generatedRow, seeded } from "../../scripts/catalogue-generator.js";

const rules = rulesAt("2026-11-22");
const small = readFileSync("data/examples/catalogue-small.csv", "utf8");

/** A generated catalogue as CSV text, with quoted commas, quotes and line breaks in the pass-through column. */
function generated(seed: number, rows: number, newline: string, bom: boolean): string {
  const random = seeded(seed);
  const body = Array.from({ length: rows }, (_, i) => {
    const fields = generatedRow(random, rules, i, 0.3);
    fields[12] = [fields[12], 'say "hi", then', "two\r\nlines", "", "華為 – 5 µm 😀"][i % 5]!;
    return fields;
  });
  return `${bom ? "\ufeff" : ""}${Papa.unparse([GENERATED_HEADER, ...body], { newline })}${newline}`;
}

/** Feeds `text` to a transform in pieces cut at `cuts`. */
function streamed(text: string, cuts: readonly number[]): string {
  const transform = new CatalogueCsvTransform({ rules });
  let output = "";
  let last = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    output += transform.push(text.slice(last, cut));
    last = cut;
  }
  return output + transform.push(text.slice(last)) + transform.end();
}

/** {@link streamed}, the output written as UTF-8 bytes (the CLI's in-process run), decoded. */
function streamedAsBytes(text: string, cuts: readonly number[]): string {
  const transform = new CatalogueCsvTransform({ rules }, undefined, new ByteWriter(16));
  const pieces: Uint8Array[] = [];
  let last = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    pieces.push(transform.push(text.slice(last, cut)));
    last = cut;
  }
  pieces.push(transform.push(text.slice(last)), transform.end());
  return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(Buffer.concat(pieces));
}

const parseOutput = (text: string) => Papa.parse<string[]>(text.replace(/^\ufeff/, ""), { skipEmptyLines: true }).data;

describe("stream invariance", () => {
  it("gives byte-identical output however the catalogue is cut into pieces", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e9 }),
        fc.constantFrom("\n", "\r\n"),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 40 }),
        (seed, newline, bom, rawCuts) => {
          const text = generated(seed, 12, newline, bom);
          const whole = classifyCatalogueCsv(text, { rules }).output;
          const cuts = rawCuts.map((c) => c % (text.length + 1));
          expect(streamed(text, cuts)).toBe(whole);
          expect(streamedAsBytes(text, cuts)).toBe(whole);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("gives the same output one character at a time, for the Excel-style example (BOM, CRLF, quotes)", () => {
    const whole = classifyCatalogueCsv(small, { rules }).output;
    const everyCharacter = Array.from({ length: small.length }, (_, i) => i);
    expect(streamed(small, everyCharacter)).toBe(whole);
    expect(streamedAsBytes(small, everyCharacter)).toBe(whole);
    expect(whole.startsWith("\ufeff")).toBe(false);
    expect(whole).toContain("\r\n");
  });
});

describe("every row accounted for", () => {
  it("writes one output row per input row, in order, for valid, invalid and mixed input", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 0, max: 30 }), (seed, rows) => {
        const text = generated(seed, rows, "\n", false);
        const input = parseOutput(text);
        const { output, tally } = classifyCatalogueCsv(text, { rules });
        const out = parseOutput(output);
        expect(out.length).toBe(input.length);
        expect(tally.read).toBe(rows);
        for (const [i, cells] of out.entries()) expect(cells.slice(0, GENERATED_HEADER.length)).toEqual(input[i]);
        expect(out[0]!.slice(GENERATED_HEADER.length)).toEqual([...RESULT_COLUMNS]);
      }),
      { numRuns: 100 },
    );
  });

  it("answers a bad row in place, naming its row and column, and goes on", () => {
    const { output, tally } = classifyCatalogueCsv(small, { rules });
    const rows = parseOutput(output);
    expect(rows.length).toBe(11);
    const error = rows[0]!.indexOf("error");
    expect(rows[9]![0]).toBe("Typo row");
    expect(rows[9]![error]).toMatch(/^row 10: tops_fp8: "1,979" has a thousands separator/);
    expect(rows[10]![error]).toMatch(/^row 11: has 5 fields, the header has 13/);
    expect(rows[1]![error]).toBe("");
    expect(tally.invalid).toBe(2);
    expect(tally.summary()).toBe(
      "ic3a090: 10 rows read: 2 3A090.a.1, 1 3A090.a.2, 3 none, 1 indeterminate, 1 3A090.c, 2 invalid",
    );
  });

  it("keeps a BOM and the input's line ends, and drops a trailing blank line", () => {
    const text = "\ufeffpart,tops_fp8,datacenter,die_area_mm2\r\nA,600,yes,100\r\n\r\n";
    const { output } = classifyCatalogueCsv(text, { rules });
    expect(output).toBe(
      "\ufeffpart,tops_fp8,datacenter,die_area_mm2,tpp,performance_density,clause,eccn,item_eccn,missing,warnings,error\r\nA,600,yes,100,4800,48,3A090.a.1,3A090.a,3A090.a,,,\r\n",
    );
  });

  it("reads quoted fields holding commas and line breaks, and writes them back quoted", () => {
    const text = 'part,note,tops_fp8,datacenter\n"Chip, rev ""B""","line one\nline two",100,no\n';
    const rows = parseOutput(classifyCatalogueCsv(text, { rules }).output);
    expect(rows[1]!.slice(0, 2)).toEqual(['Chip, rev "B"', "line one\nline two"]);
    expect(rows[1]![6]).toBe("none");
  });

  it("replaces the result columns of a file classified before, rather than repeating them", () => {
    // (A ragged row comes out padded to the header, so it is left out here: the second run would read it whole.)
    const once = classifyCatalogueCsv(small.replace(/^Ragged row.*\r\n/m, ""), { rules }).output;
    expect(once).toContain("Typo row");
    expect(classifyCatalogueCsv(once, { rules }).output).toBe(once);
  });

  it("--strict stops at the first bad row, after the rows before it", () => {
    const { output, stopped, tally } = classifyCatalogueCsv(small, { rules, strict: true });
    expect(stopped).toMatch(/^row 10: tops_fp8/);
    expect(parseOutput(output).length).toBe(9);
    expect(tally.invalid).toBe(1);
  });
});
