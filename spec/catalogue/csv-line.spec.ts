/**
 * The line reader (src/catalogue/csv-line.ts) reads a line only when it reads
 * it as papaparse does: on any text, cut into any pieces, the splitter gives
 * the records that papaparse alone gives, and a line it passes through as
 * `raw` is exactly what writing its fields back gives.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CsvRecord, CsvSplitter, formatCsvRow } from "../../src/catalogue/csv.js";
import { type CsvLineReader, isTrimmed } from "../../src/catalogue/csv-line.js";
import { ByteWriter } from "../../src/catalogue/byte-writer.js";
import { startsLikeFormula } from "../../src/render/escape.js";

interface Read {
  readonly records: CsvRecord[];
  readonly raws: { fields: string[]; raw: string }[];
  readonly byLine: number;
}

/** The records of `text` cut at `cuts`, by the line reader (lines = true) or by papaparse alone. */
function read(text: string, cuts: readonly number[], lines: boolean): Read {
  const splitter = new CsvSplitter(undefined, undefined, lines);
  const records: CsvRecord[] = [];
  const raws: { fields: string[]; raw: string }[] = [];
  let byLine = 0;
  const visitor = {
    line: (row: number, line: CsvLineReader) => {
      const { fields, raw } = line;
      byLine++;
      records.push({ row, fields: [...fields] });
      if (raw !== undefined) raws.push({ fields: [...fields], raw });
    },
    record: (record: CsvRecord) => records.push(record),
  };
  let last = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    splitter.read(text.slice(last, cut), visitor);
    last = cut;
  }
  splitter.read(text.slice(last), visitor);
  records.push(...splitter.end());
  return { records, raws, byLine };
}

/** Text from the characters that matter to CSV, with plain words between them. */
const csvText = fc
  .array(
    fc.constantFrom(
      "a",
      "bc",
      " ",
      ",",
      '"',
      '""',
      "\n",
      "\r",
      "\r\n",
      "\ufeff",
      "=",
      "-1",
      "+",
      "@",
      "\t",
      "\u00a0",
      "\u3000",
    ),
    {
      maxLength: 60,
    },
  )
  .map((parts) => parts.join(""));

/** Well-formed rows, some fields quoted, so most lines take the line reader. */
const csvRows = fc
  .array(
    fc.array(
      fc.oneof(
        fc.constantFrom("a", "", " b", "c ", "x,y", 'say "hi"', "=1", "two\nlines", "d\r"),
        fc.string({ maxLength: 4 }),
      ),
      { minLength: 1, maxLength: 5 },
    ),
    { maxLength: 12 },
  )
  .chain((rows) =>
    fc
      .tuple(fc.constantFrom("\n", "\r\n"), fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }), fc.constant(rows))
      .map(([newline, quoteAll, rows]) =>
        rows
          .map((fields) =>
            fields.map((f, i) => (quoteAll[i % 60] || /[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(","),
          )
          .join(newline),
      ),
  );

const cutsOf = (text: string) => fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 5 });

describe("the CSV line reader", () => {
  it("trims cells by offsets as String.prototype.trim does, for every UTF-16 code unit", () => {
    const differ: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      if (isTrimmed(code) !== (char.trim() === "")) differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
    // The set is not empty either way: space, NBSP and BOM are trimmed, U+180E and letters are not.
    expect([0x20, 0xa0, 0xfeff, 0x2028].map(isTrimmed)).toEqual([true, true, true, true]);
    expect([0x180e, 0x41, 0x30].map(isTrimmed)).toEqual([false, false, false]);
  });

  it("copies each line into an attached byte writer as it reads it: a line passed through is its text's UTF-8", () => {
    let passed = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          csvText,
          csvRows,
          csvRows.map((text) => text.replace(/a/g, "é華😀")),
        ),
        fc.integer({ min: 1, max: 64 }),
        (text, capacity) => {
          const writer = new ByteWriter(capacity);
          const splitter = new CsvSplitter();
          splitter.echoInto(writer);
          let lines = 0;
          const visitor = {
            line: (_row: number, line: CsvLineReader) => {
              // Now and then, something written after the line was read: then it is copied from the text again.
              const meddled = lines++ % 3 === 2;
              if (meddled) writer.text("|");
              if (line.passesThrough) {
                passed++;
                const before = writer.position;
                line.writeRaw(writer);
                expect(Buffer.from(writer.take()).subarray(before)).toEqual(Buffer.from(line.raw!, "utf8"));
              }
              // Something written after it, as the result cells are, and the buffer handed on or not.
              writer.text(",tpp\n");
              if (lines % 2 === 0) writer.take();
            },
            record: () => writer.text("record"),
          };
          splitter.read(text, visitor);
          splitter.end();
        },
      ),
      { numRuns: 1000 },
    );
    expect(passed).toBeGreaterThan(200);
  });

  it("gives papaparse's records for any text, cut anywhere", () => {
    fc.assert(
      fc.property(
        fc.oneof(csvText, csvRows).chain((text) => fc.tuple(fc.constant(text), cutsOf(text))),
        ([text, cuts]) => {
          expect(read(text, cuts, true).records).toEqual(read(text, [], false).records);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("passes a line through only when writing its fields back gives the same text and no cell starts like a formula", () => {
    fc.assert(
      fc.property(fc.oneof(csvText, csvRows), (text) => {
        for (const { fields, raw } of read(text, [], true).raws) {
          expect(formatCsvRow(fields)).toBe(raw);
          for (const field of fields) expect(startsLikeFormula(field)).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("reads plain and well-quoted lines itself, and leaves a field with a line break to papaparse", () => {
    const text = 'part,vendor\nA,"Acme, Inc."\r\nB,"say ""hi"""\nC,"two\nlines"\nD,x\n';
    const result = read(text, [], true);
    expect(result.records.map((r) => r.fields)).toEqual([
      ["part", "vendor"],
      ["A", "Acme, Inc."],
      ["B", 'say "hi"'],
      ["C", "two\nlines"],
      ["D", "x"],
    ]);
    // Lines 1 to 3 by the line reader; from C on, papaparse reads the rest of the text.
    expect(result.byLine).toBe(3);
    expect(result.raws.map((r) => r.raw)).toEqual(["part,vendor", 'A,"Acme, Inc."', 'B,"say ""hi"""']);
  });

  it("does not pass through a line whose fields would be written back differently, or that starts a cell like a formula", () => {
    const text = ' a,b\n"c",d\ne ,f\ny,"x\r"\n=1,a\nb,"-2, or 3"\n@x,y\n';
    const result = read(text, [], true);
    expect(result.byLine).toBe(7);
    expect(result.raws).toEqual([]);
  });
});
