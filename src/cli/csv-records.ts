/**
 * The rows of a CSV file or stdin as objects keyed by the header's names,
 * streamed (src/catalogue/csv.ts splits the records): for the record commands
 * that take a CSV besides JSON (`diff --mode`, `allocations`). The header is
 * handed to `checkHeader` first, which may refuse it (a misspelt column).
 */
import { CsvRecordTooLongError, CsvSplitter } from "../catalogue/csv.js";
import { EXIT, UserError } from "./errors.js";
import { readText, sourceName } from "./input.js";

export type CsvRow =
  | {
      readonly row: number;
      readonly ok: true;
      /** The cells by the header's names (trimmed). */
      readonly value: Record<string, string>;
      /** The cells in order, as written. */
      readonly fields: readonly string[];
    }
  | { readonly row: number; readonly ok: false; readonly message: string };

export async function* csvRows(
  file: string | undefined,
  checkHeader: (header: readonly string[]) => void = () => {},
): AsyncGenerator<CsvRow> {
  const source = sourceName(file);
  const splitter = new CsvSplitter();
  let header: string[] | undefined;
  const take = function* (records: ReturnType<CsvSplitter["push"]>): Generator<CsvRow> {
    for (const record of records) {
      if (header === undefined) {
        header = record.fields.map((name) => name.trim());
        checkHeader(header);
        continue;
      }
      if (record.quoteError) {
        yield { row: record.row, ok: false, message: record.quoteError };
        continue;
      }
      if (record.fields.length > header.length) {
        yield {
          row: record.row,
          ok: false,
          message: `${record.fields.length} cells but the header names ${header.length} columns`,
        };
        continue;
      }
      const names = header;
      yield {
        row: record.row,
        ok: true,
        value: Object.fromEntries(names.map((name, index) => [name, (record.fields[index] ?? "").trim()])),
        fields: record.fields,
      };
    }
  };
  try {
    for await (const piece of readText(file)) yield* take(splitter.push(piece));
    yield* take(splitter.end());
  } catch (error) {
    if (error instanceof CsvRecordTooLongError) throw new UserError(`${source}: ${error.message}`, EXIT.invalidInput);
    throw error;
  }
  if (header === undefined)
    throw new UserError(`${source}: the CSV is empty: it needs a header row and one row per record`, EXIT.invalidInput);
}
