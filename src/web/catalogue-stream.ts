/**
 * A CSV catalogue from a request body to a response body, streamed through
 * the CLI's transform (`CatalogueCsvTransform`), pulled as the client reads:
 * constant memory whatever the size. The first output is produced before the
 * response starts, so a catalogue that cannot be read at all (no header, no
 * `part` column) is an error response, not a cut-off download.
 */
import { Readable } from "node:stream";
import type { RuleSet } from "../rules/rules.js";
import { CatalogueCsvTransform, CatalogueFileError } from "../catalogue/classify.js";
import { CsvRecordTooLongError } from "../catalogue/csv.js";

/** The catalogue cannot be read at all; its message says why. */
export class CatalogueRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CatalogueRequestError";
  }
}

async function* classifiedCsv(input: Readable, rules: RuleSet): AsyncGenerator<string> {
  const transform = new CatalogueCsvTransform({ rules });
  input.setEncoding("utf8");
  try {
    for await (const chunk of input) {
      const text = transform.push(chunk as string);
      if (text) yield text;
    }
    const text = transform.end();
    if (text) yield text;
  } catch (error) {
    if (error instanceof CatalogueFileError || error instanceof CsvRecordTooLongError) throw new CatalogueRequestError(error.message);
    throw error;
  }
}

/**
 * The classified CSV as a stream, its first piece already computed.
 *
 * @throws CatalogueRequestError when the catalogue cannot be read (before any output).
 */
export async function catalogueCsvStream(input: Readable, rules: RuleSet): Promise<Readable> {
  const pieces = classifiedCsv(input, rules);
  const first = await pieces.next();
  async function* all(): AsyncGenerator<string> {
    if (!first.done) yield first.value;
    yield* pieces;
  }
  return Readable.from(all(), { objectMode: false });
}
