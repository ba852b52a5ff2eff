/**
 * A fuzzed CSV (random bytes, ragged rows, unbalanced quotes, huge fields, NUL
 * bytes) never crashes: in process, the transform either answers every record
 * or stops with one of its two documented errors; the CLI exits 0 or 65 with
 * no stack trace.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CatalogueFileError, classifyCatalogueCsv } from "../../src/catalogue/classify.js";
import { CsvRecordTooLongError } from "../../src/catalogue/csv.js";
import { rulesAt } from "../../src/rules/rules.js";
import { runCli } from "../cli.js";

const rules = rulesAt("2026-11-22");
const HEADER = "part,datacenter,tops_fp8,die_area_mm2,note\n";

const piece = fc.oneof(
  fc.constantFrom(
    ",",
    '"',
    "\n",
    "\r\n",
    "\r",
    "\u0000",
    "\ufeff",
    '""',
    "yes",
    "no",
    "1979",
    "814",
    "1,979",
    "-3",
    "NaN",
    "1e99",
    "tops_fp8",
    "part",
  ),
  fc.string({ unit: "binary", maxLength: 8 }),
  fc.integer({ min: 0, max: 9999 }).map(String),
);
const fuzzText = fc.array(piece, { maxLength: 120 }).map((pieces) => pieces.join(""));

function classifyOrDocumentedError(text: string, maxRecordChars?: number) {
  try {
    return classifyCatalogueCsv(text, { rules, ...(maxRecordChars ? { maxRecordChars } : {}) });
  } catch (error) {
    expect(error instanceof CatalogueFileError || error instanceof CsvRecordTooLongError, String(error)).toBe(true);
    return undefined;
  }
}

describe("fuzzed catalogues", () => {
  it("never crash in process, with or without a valid header", () => {
    fc.assert(
      fc.property(fc.boolean(), fuzzText, (withHeader, body) => {
        const result = classifyOrDocumentedError(withHeader ? HEADER + body : body);
        if (result) expect(result.tally.read).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });

  it("stop with a one-line reason when an unbalanced quote swallows the rest of the file", () => {
    const text = `${HEADER}A,yes,100,10,"never closed\n${"B,yes,1,1,x\n".repeat(2000)}`;
    expect(() => classifyCatalogueCsv(text, { rules, maxRecordChars: 1000 })).toThrow(
      /row 2 runs past 1000 characters/,
    );
  });

  it("answer a huge field in place when it is under the limit", () => {
    const { output, tally } = classifyCatalogueCsv(`${HEADER}A,yes,100,10,"${"x".repeat(200_000)}"\n`, { rules });
    expect(tally.read).toBe(1);
    expect(output.length).toBeGreaterThan(200_000);
  });

  it("never crash the CLI: exit 0 or 65 and no stack trace", () => {
    const dir = mkdtempSync(join(tmpdir(), "ic3a090-fuzz-"));
    const samples = fc.sample(fc.tuple(fc.boolean(), fuzzText), { numRuns: 6, seed: 7 });
    samples.push([true, `"${"\u0000".repeat(5000)},,,\n"unbalanced`], [false, "\ufeff"], [true, "\r\n\r\n"]);
    samples.forEach(([withHeader, body], i) => {
      const file = join(dir, `fuzz-${i}.csv`);
      writeFileSync(file, withHeader ? HEADER + body : body, "latin1");
      const run = runCli(["classify", file, "--date", "2026-11-22"]);
      expect([0, 65], run.stderr).toContain(run.status);
      expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    });
  });
});
