/**
 * `ic3a090 classify catalogue.csv`: a CSV catalogue streamed from a file or
 * stdin to stdout or a file, with back-pressure, in constant memory. A
 * progress bar goes to stderr when stderr is a terminal; a one-line summary
 * at the end. Exit 65 when a row was invalid, else 1 when --fail-on matched,
 * else 0; --strict stops at the first invalid row with 65.
 */
import { statSync } from "node:fs";
import type { ClauseSummary } from "./classify.js";
import type { RuleSet } from "../rules/rules.js";
import { CatalogueCsvTransform, CatalogueFileError } from "./classify.js";
import { ByteWriter } from "./byte-writer.js";
import { CsvRecordTooLongError } from "./csv.js";
import { DEFAULT_IN_PROCESS_CHARS, ParallelCatalogueTransform } from "./parallel.js";

/** The exit codes the batch returns (the CLI's EXIT values; the library does not import the CLI). */
const EXIT = { ok: 0, failOn: 1, invalidInput: 65 } as const;

/** How many invalid rows are also named on stderr; the rest are in the `error` column. */
const INVALID_ON_STDERR = 10;

export interface CatalogueBatchOptions {
  /** The catalogue's text, decoded, in pieces. */
  readonly input: AsyncIterable<string>;
  /** The file read, for messages and the progress bar (its size); undefined for stdin. */
  readonly file: string | undefined;
  /** Takes the output in order: text, or UTF-8 bytes when `bytes` is set. */
  readonly write: (piece: string | Uint8Array) => Promise<void>;
  /**
   * In-process, write the output as UTF-8 bytes (./byte-writer.ts): the same text, made without a string per row.
   * For a writer that takes bytes (a file or stdout), not for one that reads the CSV text (--format xlsx).
   */
  readonly bytes?: boolean;
  readonly rules: RuleSet;
  readonly strict: boolean;
  readonly failOn: (result: ClauseSummary) => boolean;
  readonly stderr?: NodeJS.WriteStream;
  /** Neutralise passed-through cells that start like a formula (--excel-safe). */
  readonly excelSafe?: boolean;
  /** Writes a note or the summary (silenced by --quiet); stderr by default. */
  readonly note?: (line: string) => void;
  /** Worker threads (`--workers`): 0 reads in-process; more classify in parallel past the start of the file (./parallel.ts). */
  readonly workers?: number;
  /** Characters per chunk sent to a worker, and read in-process before workers start (tests make them small). */
  readonly chunkChars?: number;
  readonly inProcessChars?: number;
}

export async function runCatalogueBatch(options: CatalogueBatchOptions): Promise<number> {
  const stderr = options.stderr ?? process.stderr;
  const source = options.file ?? "stdin";
  let named = 0;
  const csvOptions = {
    rules: options.rules,
    strict: options.strict,
    failOn: options.failOn,
    excelSafe: options.excelSafe,
    warn: (message: string) => stderr.write(`ic3a090: warning: ${message}\n`),
    onInvalid: (message: string) => {
      if (named++ < INVALID_ON_STDERR) stderr.write(`${source}: ${message}\n`);
    },
  };
  const workers = options.workers ?? 0;
  const transform =
    workers > 0
      ? new ParallelCatalogueTransform({
          ...csvOptions,
          workers,
          ...(options.chunkChars === undefined ? {} : { chunkChars: options.chunkChars }),
          ...inProcess(options),
        })
      : options.bytes
        ? new CatalogueCsvTransform(csvOptions, undefined, new ByteWriter())
        : new CatalogueCsvTransform(csvOptions);
  const progress = stderr.isTTY ? new ProgressBar(stderr, options.file) : undefined;
  const note = options.note ?? ((line: string) => stderr.write(`${line}\n`));
  const pieces = options.input[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await pieces.next();
      if (next.done) break;
      const chunk = next.value;
      const output = await transform.push(chunk);
      progress?.update(Buffer.byteLength(chunk), transform.tally.read);
      await writeAll(output, options.write);
      if (transform.stopped !== undefined) break;
    }
    if (transform.stopped === undefined) {
      await writeAll(await transform.end(), options.write);
    }
  } catch (error) {
    progress?.clear();
    if (error instanceof CatalogueFileError || error instanceof CsvRecordTooLongError)
      throw new CatalogueFileError(`${source}: ${error.message}`);
    throw error;
  } finally {
    if (transform instanceof ParallelCatalogueTransform) await transform.close();
    if (transform.stopped !== undefined) await pieces.return?.(undefined);
  }
  progress?.clear();
  const { tally } = transform;
  if (transform.stopped !== undefined) {
    stderr.write(
      `${source}: ${transform.stopped}\nic3a090: --strict: stopped at the first invalid row, after ${tally.read - 1} valid row${tally.read === 2 ? "" : "s"}\n`,
    );
    return EXIT.invalidInput;
  }
  if (named > INVALID_ON_STDERR)
    stderr.write(`${source}: … and ${named - INVALID_ON_STDERR} more invalid rows: see their error column\n`);
  const replaced = transform.classifierOrUndefined?.replacedColumns() ?? [];
  if (replaced.length > 0)
    note(
      `ic3a090: note: the input's own ${replaced.join(", ")} column${replaced.length === 1 ? " was" : "s were"} replaced by this run's results`,
    );
  note(tally.summary());
  return tally.invalid > 0 ? EXIT.invalidInput : tally.failOn > 0 ? EXIT.failOn : EXIT.ok;
}

/**
 * How much of the file is read in-process before workers start: as asked; else none past the header's piece for a
 * file known to be past the threshold (./parallel.ts), so that the workers start at once; else the default (stdin).
 */
function inProcess(options: CatalogueBatchOptions): { inProcessChars?: number } {
  if (options.inProcessChars !== undefined) return { inProcessChars: options.inProcessChars };
  return fileSize(options.file) >= DEFAULT_IN_PROCESS_CHARS ? { inProcessChars: 0 } : {};
}

function fileSize(file: string | undefined): number {
  try {
    return file === undefined ? 0 : statSync(file).size;
  } catch {
    return 0;
  }
}

/** Writes a transform's output: one piece (in-process) or pieces (./parallel.ts); nothing for an empty one. */
async function writeAll(
  output: string | Uint8Array | readonly string[],
  write: (piece: string | Uint8Array) => Promise<void>,
): Promise<void> {
  for (const piece of Array.isArray(output) ? output : [output]) if (piece.length > 0) await write(piece);
}

/** "[########------------]  41%  412,345 rows" on one line of a terminal, redrawn at most 10 times a second. */
class ProgressBar {
  private readonly total: number | undefined;
  private bytes = 0;
  private last = 0;
  private drawn = false;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    file: string | undefined,
  ) {
    let total: number | undefined;
    try {
      total = file === undefined ? undefined : statSync(file).size;
    } catch {
      total = undefined;
    }
    this.total = total && total > 0 ? total : undefined;
  }

  update(bytes: number, rows: number): void {
    this.bytes += bytes;
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    const count = `${rows.toLocaleString("en-US")} rows`;
    if (this.total === undefined) {
      this.stream.write(`\r${count}`);
    } else {
      const share = Math.min(1, this.bytes / this.total);
      const width = 30;
      const filled = Math.floor(share * width);
      this.stream.write(
        `\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${String(Math.floor(share * 100)).padStart(3)}%  ${count}`,
      );
    }
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) this.stream.write("\r\x1b[K");
    this.drawn = false;
  }
}
