/** Excel in and out for `ic3a090 classify`: a workbook read as a CSV catalogue, the classified rows written as one. */
import { accessSync, constants, createWriteStream } from "node:fs";
import { once } from "node:events";
import { extname } from "node:path";
import { Readable } from "node:stream";
import { WorkbookError } from "../catalogue/xlsx-types.js";
import { EXIT, openInput, UserError } from "./io.js";

export function isWorkbookFile(file: string | undefined): boolean {
  return file !== undefined && extname(file).toLowerCase() === ".xlsx";
}

/** The catalogue's text: the file or stdin as is, or the rows of a workbook's sheet as CSV. */
export function catalogueInput(file: string | undefined, sheet: string | undefined): Readable {
  if (!isWorkbookFile(file)) {
    if (sheet !== undefined) throw new UserError("--sheet works with an Excel workbook (.xlsx)");
    return openInput(file);
  }
  try {
    accessSync(file!, constants.R_OK);
  } catch (error) {
    throw new UserError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? "unreadable"}`);
  }
  const input = openInput(file);
  // The workbook library is loaded only when a workbook is read, so that other commands start quickly.
  async function* rows(): AsyncGenerator<string> {
    const { xlsxStreamAsCsv } = await import("../catalogue/xlsx.js");
    yield* xlsxStreamAsCsv(input, sheet);
  }
  return Readable.from(rows(), { objectMode: false });
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

/** `--format xlsx --output FILE`: the classified CSV text converted to a workbook as it comes. */
export async function withXlsxOutput(path: string | undefined, body: (write: (text: string) => Promise<void>) => Promise<number>): Promise<number> {
  if (path === undefined || path === "-") {
    if (process.stdout.isTTY) throw new UserError("--format xlsx writes a workbook: give --output FILE.xlsx, or redirect stdout to a file");
  }
  const output = path === undefined || path === "-" ? process.stdout : createWriteStream(path);
  let failure: NodeJS.ErrnoException | undefined;
  output.on("error", (error: NodeJS.ErrnoException) => (failure = error));
  const { XlsxCatalogueWriter } = await import("../catalogue/xlsx.js");
  const writer = new XlsxCatalogueWriter(output);
  const status = await body(async (text) => {
    if (failure) throw new UserError(`--output: cannot write ${path}: ${failure.code ?? failure.message}`);
    writer.push(text);
  });
  await writer.end();
  if (output !== process.stdout) await once(output, "close").catch(() => undefined);
  if (failure) throw new UserError(`--output: cannot write ${path}: ${failure.code ?? failure.message}`);
  return status;
}
