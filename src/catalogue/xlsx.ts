/**
 * Excel workbooks both ways, for compliance teams that keep parts lists in
 * Excel. In: the rows of one sheet (the first, or the one named) become CSV
 * records, so a workbook goes through exactly the same columns, aliases and
 * row rules as a CSV catalogue (`CatalogueCsvTransform`). Out: the classified
 * rows written as a workbook, header frozen, invalid rows highlighted.
 *
 * A cell's text is what the workbook holds: a string as written; a number as
 * the shortest decimal that reads back to the same double (what Excel shows
 * with the General format); TRUE/FALSE as true/false; a formula as its cached
 * result; an error value (#N/A) as its code, which makes a figure invalid.
 */
import type { Readable, Writable } from "node:stream";
import ExcelJS from "exceljs";
import { CsvSplitter, formatCsvRow } from "./csv.js";

import { WorkbookError } from "./xlsx-types.js";

export { WorkbookError, XLSX_MEDIA_TYPE } from "./xlsx-types.js";

type CellValue = ExcelJS.CellValue;

/** The text of one cell, as the CSV reader would see it. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((run) => run.text).join("");
    if ("error" in value) return String(value.error);
    if ("result" in value) return cellText((value as { result?: CellValue }).result ?? null);
    if ("text" in value) return String((value as { text: unknown }).text);
  }
  return String(value);
}

/** One worksheet row as fields: empty cells in between kept, trailing ones dropped (as a CSV line without them). */
function rowFields(row: ExcelJS.Row): string[] {
  const values = row.values as CellValue[];
  const fields: string[] = [];
  for (let column = 1; column < values.length; column++) fields.push(cellText(values[column] ?? null));
  return fields;
}

/**
 * The rows of a sheet as CSV text, one line per row; an empty row in the sheet stays an empty line. A spreadsheet
 * leaves trailing cells empty, not missing: a row is padded with empty fields to the header's width, and empty
 * cells beyond it are dropped (a row with a value beyond the header stays too long, as in CSV).
 */
async function* sheetAsCsv(rows: AsyncIterable<ExcelJS.Row> | Iterable<ExcelJS.Row>): AsyncGenerator<string> {
  let expected = 1;
  let batch = "";
  let width: number | undefined;
  for await (const row of rows) {
    for (; expected < row.number; expected++) batch += "\n";
    expected = row.number + 1;
    const fields = rowFields(row);
    if (width === undefined) width = fields.length;
    else {
      while (fields.length > width && fields.at(-1) === "") fields.pop();
      while (fields.length < width) fields.push("");
    }
    batch += `${formatCsvRow(fields)}\n`;
    if (batch.length > 64 * 1024) {
      yield batch;
      batch = "";
    }
  }
  if (batch) yield batch;
}

function sheetNames(names: readonly string[]): string {
  return names.map((name) => JSON.stringify(name)).join(", ");
}

/**
 * A workbook read as a stream (the CLI): the sheet's rows as CSV text, in pieces.
 *
 * @param sheet the sheet's name; the first sheet when undefined
 * @throws WorkbookError for a file that is not a workbook or has no such sheet
 */
export async function* xlsxStreamAsCsv(input: Readable, sheet: string | undefined): AsyncGenerator<string> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    entries: "ignore",
  });
  const seen: string[] = [];
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name: string }).name;
      seen.push(name);
      if (sheet !== undefined && name !== sheet) {
        for await (const _row of worksheet) {
          // skipped: another sheet
        }
        continue;
      }
      yield* sheetAsCsv(worksheet as unknown as AsyncIterable<ExcelJS.Row>);
      return;
    }
  } catch (error) {
    throw new WorkbookError(`not a readable .xlsx workbook: ${(error as Error).message}`);
  }
  throw new WorkbookError(
    sheet === undefined
      ? "the workbook has no sheet"
      : `the workbook has no sheet named ${JSON.stringify(sheet)}; it has: ${sheetNames(seen)}`,
  );
}

/**
 * A workbook held in memory (the server, within its body limit; nothing is written to disk): the sheet's rows as CSV.
 *
 * @throws WorkbookError for bytes that are not a workbook or have no such sheet
 */
export async function* xlsxBufferAsCsv(bytes: Buffer, sheet: string | undefined): AsyncGenerator<string> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new WorkbookError(`not a readable .xlsx workbook: ${(error as Error).message}`);
  }
  const worksheet = sheet === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheet);
  if (!worksheet) {
    const names = workbook.worksheets.map((candidate) => candidate.name);
    throw new WorkbookError(
      sheet === undefined
        ? "the workbook has no sheet"
        : `the workbook has no sheet named ${JSON.stringify(sheet)}; it has: ${sheetNames(names)}`,
    );
  }
  const rows: ExcelJS.Row[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row) => rows.push(row));
  yield* sheetAsCsv(rows);
}

const INVALID_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFDE2E0" } };

/**
 * Classified CSV text in (the output of `CatalogueCsvTransform`, in pieces), a workbook out, streamed to `output`:
 * one sheet "classified", the header row bold and frozen, every row whose `error` cell is not empty filled light red.
 */
export class XlsxCatalogueWriter {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheet: ExcelJS.Worksheet;
  private readonly splitter = new CsvSplitter(Number.MAX_SAFE_INTEGER);
  private errorColumn = -1;
  private header = true;

  constructor(output: Writable) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: output,
      useStyles: true,
      useSharedStrings: false,
    });
    this.sheet = this.workbook.addWorksheet("classified", { views: [{ state: "frozen", ySplit: 1 }] });
  }

  /** Adds the rows completed by a piece of CSV text. */
  push(text: string): void {
    for (const record of this.splitter.push(text)) this.addRow(record.fields);
  }

  /** Adds the last rows and finishes the workbook (resolves when it has been written). */
  async end(): Promise<void> {
    for (const record of this.splitter.end()) this.addRow(record.fields);
    await this.sheet.commit();
    await this.workbook.commit();
  }

  private addRow(fields: string[]): void {
    const row = this.sheet.addRow(fields);
    if (this.header) {
      this.header = false;
      this.errorColumn = fields.indexOf("error");
      row.font = { bold: true };
    } else if (this.errorColumn >= 0 && (fields[this.errorColumn] ?? "") !== "") {
      row.eachCell({ includeEmpty: true }, (cell) => (cell.fill = INVALID_FILL));
      for (let column = 1; column <= fields.length; column++) row.getCell(column).fill = INVALID_FILL;
    }
    row.commit();
  }
}
