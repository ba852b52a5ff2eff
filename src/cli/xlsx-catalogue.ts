/** Excel in and out for `ic3a090 classify`: a workbook read as a CSV catalogue, the classified rows written as one. */
import { once } from "node:events";
import { extname } from "node:path";
import { Writable } from "node:stream";
import { WorkbookError } from "../catalogue/xlsx-types.js";
import { EXIT, UserError } from "./errors.js";
import { openInput, readText } from "./input.js";
import type { Sink } from "./output.js";

export function isWorkbookFile(file: string | undefined): boolean {
  return file !== undefined && extname(file).toLowerCase() === ".xlsx";
}

/** The catalogue's text: the file or stdin as decoded text, or the rows of a workbook's sheet as CSV. */
export function catalogueInput(file: string | undefined, sheet: string | undefined): AsyncIterable<string> {
  if (!isWorkbookFile(file)) {
    if (sheet !== undefined) throw new UserError("--sheet works with an Excel workbook (.xlsx)");
    return readText(file);
  }
  const input = openInput(file);
  // The workbook library is loaded only when a workbook is read, so that other commands start quickly.
  async function* rows(): AsyncGenerator<string> {
    const { xlsxStreamAsCsv } = await import("../catalogue/xlsx.js");
    yield* xlsxStreamAsCsv(input, sheet);
  }
  return rows();
}

/** Runs `body`, a workbook's own problems (not a workbook, no such sheet) being invalid input (exit 65). */
export async function withWorkbookErrors(file: string | undefined, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof WorkbookError) throw new UserError(`${file ?? "stdin"}: ${error.message}`, EXIT.invalidInput);
    throw error;
  }
}

/**
 * `--format xlsx`: the classified CSV text turned into a workbook as it comes, written to `sink` (so a file is
 * complete or untouched, like every other output).
 */
export async function writeXlsx(
  sink: Sink,
  body: (write: (piece: string | Uint8Array) => Promise<void>) => Promise<number>,
): Promise<number> {
  if (sink.name === "stdout" && process.stdout.isTTY) {
    throw new UserError("--format xlsx writes a workbook: give --output FILE.xlsx, or redirect stdout to a file");
  }
  const bytes = new Writable({
    write(chunk: Buffer, _encoding, done) {
      sink.write(chunk).then(() => done(), done);
    },
  });
  const { XlsxCatalogueWriter } = await import("../catalogue/xlsx.js");
  const writer = new XlsxCatalogueWriter(bytes);
  const decoder = new TextDecoder();
  // The CSV text, to read into rows: the batch gives text unless asked for bytes.
  const status = await body(async (piece) => writer.push(typeof piece === "string" ? piece : decoder.decode(piece)));
  await writer.end();
  if (!bytes.writableFinished) await once(bytes, "finish");
  return status;
}
