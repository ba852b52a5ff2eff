/**
 * A catalogue from a request body to a response body, through the CLI's
 * transform (`CatalogueCsvTransform`), pulled as the client reads. CSV in is
 * streamed in constant memory; an Excel workbook is held in memory within its
 * limit (nothing is written to disk) and its sheet read as CSV. CSV or a
 * workbook out. The first output is produced before the response starts, so a
 * catalogue that cannot be read at all (no header, no `part` column, not a
 * workbook) is an error response, not a cut-off download.
 */
import { PassThrough, Readable } from "node:stream";
import type { RuleSet } from "../rules/rules.js";
import { CatalogueCsvTransform, CatalogueFileError } from "../catalogue/classify.js";
import { CsvRecordTooLongError } from "../catalogue/csv.js";
import { WorkbookError, XlsxCatalogueWriter, xlsxBufferAsCsv } from "../catalogue/xlsx.js";

/** A workbook is read whole, in memory: at most this many bytes. */
export const XLSX_BODY_LIMIT = 64 * 1024 * 1024;

/** The catalogue cannot be read at all; its message says why. */
export class CatalogueRequestError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = "CatalogueRequestError";
  }
}

async function* classifiedCsv(input: AsyncIterable<string | Buffer>, rules: RuleSet): AsyncGenerator<string> {
  const transform = new CatalogueCsvTransform({ rules });
  const decoder = new TextDecoder("utf-8");
  try {
    for await (const chunk of input) {
      const text = transform.push(typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }));
      if (text) yield text;
    }
    const text = transform.push(decoder.decode()) + transform.end();
    if (text) yield text;
  } catch (error) {
    if (error instanceof CatalogueFileError || error instanceof CsvRecordTooLongError || error instanceof WorkbookError)
      throw new CatalogueRequestError(error.message);
    throw error;
  }
}

async function readWhole(input: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    size += (chunk as Buffer).length;
    if (size > limit)
      throw new CatalogueRequestError(
        `the workbook is larger than ${limit} bytes; send it as CSV, which is streamed`,
        413,
      );
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export interface CatalogueStreamOptions {
  /** The body is an Excel workbook. */
  readonly workbookIn: boolean;
  /** Answer with a workbook instead of CSV. */
  readonly workbookOut: boolean;
  /** The workbook's sheet to read; the first when undefined. */
  readonly sheet: string | undefined;
}

/**
 * The classified catalogue as a stream, its first piece already computed.
 *
 * @throws CatalogueRequestError when the catalogue cannot be read (before any output).
 */
export async function catalogueStream(
  input: Readable,
  rules: RuleSet,
  options: CatalogueStreamOptions,
): Promise<Readable> {
  const source: AsyncIterable<string | Buffer> = options.workbookIn
    ? xlsxBufferAsCsv(await readWhole(input, XLSX_BODY_LIMIT), options.sheet)
    : input;
  const pieces = classifiedCsv(source, rules);
  const first = await pieces.next();
  async function* all(): AsyncGenerator<string> {
    if (!first.done) yield first.value;
    yield* pieces;
  }
  if (!options.workbookOut) return Readable.from(all(), { objectMode: false });
  const output = new PassThrough();
  const writer = new XlsxCatalogueWriter(output);
  void (async () => {
    for await (const piece of all()) writer.push(piece);
    await writer.end();
  })().catch((error: Error) => output.destroy(error));
  return output;
}
