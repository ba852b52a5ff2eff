/**
 * The one way in: every command reads its input through this module.
 *
 * - **Opening.** FILE, or stdin for no FILE or `-`; a missing file or a folder
 *   is a usage error worded for a person ("no such file", "is a folder").
 * - **Decoding.** UTF-8, strictly: a byte that is not UTF-8 is an error naming
 *   its line, unless `--encoding latin1|windows-1252` says what the file is. A
 *   UTF-16 file with a byte order mark is decoded. A UTF-8 BOM is kept for the
 *   CSV writer to echo and skipped by the JSON readers.
 * - **Records.** JSON (one value, or an array streamed element by element:
 *   nothing holds the whole input), JSON Lines (only LF or CRLF ends a record;
 *   blank lines at the end of the file are no records), CSV (src/catalogue/csv.ts).
 * - **Limits.** One record holds at most {@link MAX_RECORD_CHARS} characters;
 *   memory stays bounded by that, whatever the input's length.
 * - **Files named inside inputs** (src/files/regular-file.ts): resolved against
 *   the folder of the file that names them (stdin: the working directory);
 *   only regular files up to 1 MiB.
 */
import { parseJson } from "../records/json-records.js";
import { closeSync, createReadStream, fstatSync, openSync } from "node:fs";
import type { Readable } from "node:stream";
import { TextDecoder } from "node:util";
import { isAscii, isUtf8 } from "node:buffer";
import type { InputIssue } from "../classify/datasheet.js";
import { EXIT, UserError } from "./errors.js";
import { runContext } from "./context.js";
import { errnoText } from "../files/regular-file.js";

/** The longest record (a JSON value, a JSON Lines line) read, in characters: 16 MiB. */
export const MAX_RECORD_CHARS = 16 * 1024 * 1024;

export const ENCODINGS = ["utf-8", "latin1", "windows-1252"] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** What each command reads, for the "no input" message. */
const WHAT_IT_READS: Record<string, string> = {
  classify: "a datasheet or a CSV catalogue",
  presume: "an order (or JSON Lines of orders)",
  report: "the orders (JSON Lines or a JSON array)",
  plot: "a CSV catalogue or datasheets",
  attest: "the datasheet to sign",
  verify: "the attestation",
  render: "the attestation",
};

/** The source name used in messages: the file path, or "stdin". */
export function sourceName(file: string | undefined): string {
  return file === undefined || file === "-" ? "stdin" : file;
}

function isStdin(file: string | undefined): boolean {
  return file === undefined || file === "-";
}

/** "cannot read FILE: ENOENT (no such file)", exit 2. */
function cannotRead(file: string, error: unknown): UserError {
  return new UserError(`cannot read ${file}: ${errnoText(error)}`, EXIT.usage);
}

/** FILE or stdin as a byte stream. Stdin that is a terminal is "no input", naming the command. */
export function openInput(file: string | undefined): Readable {
  if (isStdin(file)) {
    if (process.stdin.isTTY) {
      const command = runContext.command;
      throw new UserError(
        `no input: give a FILE, or pipe ${WHAT_IT_READS[command] ?? "the input"} to stdin (ic3a090 ${command} --help)`,
      );
    }
    return process.stdin;
  }
  let fd: number;
  try {
    fd = openSync(file!, "r");
    if (fstatSync(fd).isDirectory()) {
      closeSync(fd);
      throw Object.assign(new Error("is a folder"), { code: "EISDIR" });
    }
  } catch (error) {
    throw cannotRead(file!, error);
  }
  return createReadStream(file!, { fd });
}

/** The first invalid byte of `bytes` as UTF-8 (a sequence cut at the end counts as valid), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= bytes.length) return -1;
      const c = bytes[i + k]!;
      const low = k === 1 && b === 0xe0 ? 0xa0 : k === 1 && b === 0xf0 ? 0x90 : 0x80;
      const high = k === 1 && b === 0xed ? 0x9f : k === 1 && b === 0xf4 ? 0x8f : 0xbf;
      if (c < low || c > high) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * How many bytes of `bytes` end on a whole UTF-8 sequence: all of them, or all but the start of a sequence that the
 * next piece completes (a lead byte and fewer continuation bytes than it needs).
 */
function wholeSequences(bytes: Uint8Array): number {
  let lead = bytes.length - 1;
  while (lead >= 0 && lead > bytes.length - 4 && (bytes[lead]! & 0xc0) === 0x80) lead--;
  if (lead < 0 || bytes[lead]! < 0xc0) return bytes.length;
  const need = bytes[lead]! >= 0xf0 ? 4 : bytes[lead]! >= 0xe0 ? 3 : 2;
  return bytes.length - lead < need ? lead : bytes.length;
}

/** Bytes in, text out, in pieces; strict UTF-8 unless another encoding is named. */
export class TextDecoderStream {
  /** For UTF-16 and the named single-byte encodings; UTF-8 is checked and decoded by Node's Buffer (./decodeUtf8). */
  private decoder: TextDecoder | undefined;
  private start: Buffer | undefined = Buffer.alloc(0);
  private lines = 1;
  /** UTF-8: the start of a sequence cut at the end of the last piece, read with the next. */
  private cut: Buffer | undefined;

  constructor(
    private readonly source: string,
    private readonly encoding: Encoding = "utf-8",
  ) {}

  push(chunk: Buffer): string {
    if (this.start !== undefined) {
      this.start = Buffer.concat([this.start, chunk]);
      if (this.start.length < 3) return "";
      chunk = this.start;
      this.start = undefined;
      this.decoder = this.pick(chunk);
    }
    return this.decode(chunk, true);
  }

  end(): string {
    if (this.start !== undefined) {
      const chunk = this.start;
      this.start = undefined;
      this.decoder = this.pick(chunk);
      return this.decode(chunk, true) + this.decode(Buffer.alloc(0), false);
    }
    return this.decode(Buffer.alloc(0), false);
  }

  /** The decoder for UTF-16 (by its byte order mark) or a named encoding; undefined for UTF-8. */
  private pick(head: Buffer): TextDecoder | undefined {
    if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder("utf-16le", { fatal: true, ignoreBOM: true });
    if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder("utf-16be", { fatal: true, ignoreBOM: true });
    if (this.encoding === "latin1") return new TextDecoder("latin1");
    if (this.encoding === "windows-1252") return new TextDecoder("windows-1252");
    return undefined;
  }

  private decode(chunk: Buffer, stream: boolean): string {
    let text: string;
    if (this.decoder === undefined) text = this.decodeUtf8(chunk, stream);
    else {
      try {
        text = this.decoder.decode(chunk, { stream });
      } catch {
        throw new UserError(
          `${this.source}: not valid ${this.decoder.encoding.toUpperCase()} text (a byte order mark says so, but the bytes after it are not)`,
          EXIT.invalidInput,
        );
      }
    }
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.lines++;
    return text;
  }

  /**
   * Strict UTF-8 (a UTF-8 byte order mark kept as U+FEFF): ASCII, checked and copied as it is, makes a one-byte
   * string, which the CSV reader reads faster than the two-byte string a TextDecoder makes of the same bytes.
   */
  private decodeUtf8(chunk: Buffer, stream: boolean): string {
    const bytes = this.cut === undefined ? chunk : Buffer.concat([this.cut, chunk]);
    const whole = stream ? wholeSequences(bytes) : bytes.length;
    const body = bytes.subarray(0, whole);
    this.cut = whole < bytes.length ? Buffer.from(bytes.subarray(whole)) : undefined;
    if (isAscii(body)) return body.toString("latin1");
    if (!isUtf8(body)) {
      const at = firstInvalidUtf8(body);
      // A sequence cut by the end of the input is not UTF-8 either.
      const prefix = at < 0 ? body : body.subarray(0, at);
      let line = this.lines;
      for (const byte of prefix) if (byte === 0x0a) line++;
      const byte = at < 0 ? "" : ` (byte 0x${body[at]!.toString(16).padStart(2, "0")})`;
      throw new UserError(
        `${this.source}: line ${line}: not UTF-8${byte}; save the file as UTF-8, or say what it is with --encoding latin1 or --encoding windows-1252`,
        EXIT.invalidInput,
      );
    }
    return body.toString("utf8");
  }
}

/** FILE or stdin as decoded text, in pieces. */
export async function* readText(
  file: string | undefined,
  encoding: Encoding = runContext.encoding,
): AsyncGenerator<string> {
  const source = sourceName(file);
  const input = openInput(file);
  const decoder = new TextDecoderStream(source, encoding);
  const chunks = input[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = (await chunks.next()) as IteratorResult<Buffer>;
      } catch (error) {
        throw cannotRead(source, error);
      }
      if (next.done) break;
      const text = decoder.push(next.value);
      if (text) yield text;
    }
    const rest = decoder.end();
    if (rest) yield rest;
  } finally {
    if (input !== process.stdin) input.destroy();
  }
}

/** Reads a whole (small) file or stdin as text, without a leading BOM. For one-document inputs only. */
export async function readAllText(file: string | undefined): Promise<string> {
  let text = "";
  for await (const piece of readText(file)) {
    text += piece;
    if (text.length > MAX_RECORD_CHARS)
      throw new UserError(
        `${sourceName(file)}: longer than ${MAX_RECORD_CHARS} characters; give one document`,
        EXIT.invalidInput,
      );
  }
  return stripBom(text);
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

// ---------------------------------------------------------------- records

/** One record of the input: its value, or what is wrong with its text. */
export type InputRecord =
  | {
      readonly where: string;
      readonly line: number | undefined;
      readonly index: number;
      readonly ok: true;
      readonly value: unknown;
    }
  | {
      readonly where: string;
      readonly line: number | undefined;
      readonly index: number;
      readonly ok: false;
      readonly issue: InputIssue;
    };

export type RecordFormat = "json" | "jsonl";

/** The records of a JSON or JSON Lines input, and its shape (one value, an array, or lines). */
export interface RecordStream {
  readonly shape: "object" | "array" | "lines";
  readonly records: AsyncGenerator<InputRecord>;
}

/** A JSON text of one record, parsed; its syntax error or duplicate key as an issue saying where. */
export function parseRecordText(
  text: string,
  line = 1,
  column = 1,
): { ok: true; value: unknown } | { ok: false; issue: InputIssue } {
  return parseJson(text, line, column);
}

/** A piece of text that holds one record. */
interface Piece {
  readonly text: string;
  readonly line: number;
  readonly column: number;
  readonly tooLong?: boolean;
}

/** Pulls text pieces and knows the first character that is not white space. */
class TextCursor {
  private readonly pieces: AsyncGenerator<string>;
  buffered = "";
  done = false;

  constructor(pieces: AsyncGenerator<string>) {
    this.pieces = pieces;
  }

  async more(): Promise<boolean> {
    const next = await this.pieces.next();
    if (next.done) {
      this.done = true;
      return false;
    }
    this.buffered += next.value;
    return true;
  }

  /** The first character that is not white space (after a BOM), reading as far as needed; undefined for empty input. */
  async firstChar(): Promise<string | undefined> {
    for (;;) {
      const match = /\S/.exec(this.buffered); // \s includes the BOM (U+FEFF)
      if (match) return match[0];
      if (!(await this.more())) return undefined;
    }
  }

  /** Every piece of text, starting with what is buffered. */
  async *all(): AsyncGenerator<string> {
    if (this.buffered) yield this.buffered;
    this.buffered = "";
    for await (const piece of this.pieces) yield piece;
  }

  async close(): Promise<void> {
    await this.pieces.return(undefined);
  }
}

/** "no input: FILE is empty", exit 65. */
function noInput(source: string): UserError {
  return new UserError(
    `no input: ${source} is empty (ic3a090 ${runContext.command} needs at least one record)`,
    EXIT.invalidInput,
  );
}

/** The first line of text, shortened, for saying what a non-JSON input starts with. */
function looksLikeCsv(text: string): boolean {
  const first = text.split(/\r\n|\n|\r/, 1)[0] ?? "";
  return first.includes(",") && !first.trimStart().startsWith("{") && !first.trimStart().startsWith("[");
}

/**
 * The records of JSON or JSON Lines input, streamed. `json`: one value, or an
 * array whose elements are read one at a time; `jsonl`: one value per line.
 * Empty input (nothing but white space) is a "no input" error.
 */
export async function readRecords(
  file: string | undefined,
  format: RecordFormat,
  readsCsv = true,
): Promise<RecordStream> {
  return recordsFromText(readText(file), sourceName(file), format, isStdin(file), readsCsv);
}

/** What to say about text that looks like CSV: how to give it, or that this command does not read CSV. */
function csvHintFor(readsCsv: boolean, stdin: boolean): string {
  if (!readsCsv) return "; it looks like CSV, but this command reads JSON or JSON Lines";
  return `; it looks like CSV: give --format csv${stdin ? "" : " or a .csv name"}`;
}

/**
 * Records from decoded text. `values` (stdin whose format was guessed): an
 * array, or top-level objects one after another (JSON Lines without the line rule).
 */
export async function recordsFromText(
  pieces: AsyncGenerator<string>,
  source: string,
  format: RecordFormat | "values",
  stdin = false,
  readsCsv = true,
): Promise<RecordStream> {
  const cursor = new TextCursor(pieces);
  const first = await cursor.firstChar();
  if (first === undefined && cursor.done) throw noInput(source);
  if (format === "jsonl") return { shape: "lines", records: recordsOf(source, jsonLines(cursor.all()), "lines") };
  if (first === "[") return { shape: "array", records: recordsOf(source, arrayElements(cursor.all()), "array") };
  if (format === "values")
    return { shape: "lines", records: recordsOf(source, topLevelValues(cursor.all(), false), "values") };
  if (first !== "{") {
    // Not JSON: say so once, with the hint a CSV on stdin needs.
    while (!cursor.done && cursor.buffered.length < 4096 && (await cursor.more()));
    const head = cursor.buffered;
    await cursor.close();
    const csvHint = looksLikeCsv(head) ? csvHintFor(readsCsv, stdin) : "";
    const parsed = parseRecordText(head.split(/\r\n|\n|\r/, 1)[0] ?? "");
    const reason = parsed.ok ? "not valid JSON: expected an object or an array" : parsed.issue.message;
    const records = (async function* (): AsyncGenerator<InputRecord> {
      yield {
        where: source,
        line: undefined,
        index: 1,
        ok: false,
        issue: { path: "", message: `${reason}${csvHint}` },
      };
    })();
    return { shape: "object", records };
  }
  return { shape: "object", records: recordsOf(source, topLevelValues(cursor.all(), true), "object") };
}

/** The first piece of text that is not only white space (and what came before it), to guess a format from. */
export async function peekText(
  pieces: AsyncGenerator<string>,
): Promise<{ head: string; pieces: AsyncGenerator<string> }> {
  const cursor = new TextCursor(pieces);
  await cursor.firstChar();
  return { head: cursor.buffered, pieces: cursor.all() };
}

async function* recordsOf(
  source: string,
  pieces: AsyncGenerator<Piece | InputIssueAt>,
  shape: RecordStream["shape"] | "values",
): AsyncGenerator<InputRecord> {
  let index = 0;
  for await (const piece of pieces) {
    index++;
    const line = shape === "lines" || shape === "values" ? piece.line : undefined;
    const where =
      shape === "array" ? `${source}[${index - 1}]` : shape === "lines" ? `${source}:${piece.line}` : source;
    if ("issue" in piece) {
      yield { where, line, index, ok: false, issue: piece.issue };
      continue;
    }
    if (piece.tooLong) {
      yield {
        where,
        line,
        index,
        ok: false,
        issue: {
          path: "",
          message: `the record is longer than ${MAX_RECORD_CHARS} characters, the limit of one record`,
        },
      };
      continue;
    }
    if ((shape === "lines" || shape === "values") && piece.text.trim() === "") {
      yield {
        where,
        line,
        index,
        ok: false,
        issue: { path: "", message: "empty line; each line must hold one JSON object" },
      };
      continue;
    }
    const parsed = parseRecordText(piece.text, piece.line, piece.column);
    yield parsed.ok
      ? { where, line, index, ok: true, value: parsed.value }
      : { where, line, index, ok: false, issue: parsed.issue };
  }
}

/** An error in the structure around the records (an array never closed), at a place. */
interface InputIssueAt {
  readonly line: number;
  readonly issue: InputIssue;
}

/** JSON Lines: only LF (or CRLF) ends a line; a CR alone is part of the line. Blank lines at the very end are no records. */
async function* jsonLines(pieces: AsyncGenerator<string>): AsyncGenerator<Piece> {
  let current: string[] = [];
  let length = 0;
  let tooLong = false;
  let line = 1;
  const blank: Piece[] = [];
  const finish = (): Piece => {
    let text = current.join("");
    if (text.endsWith("\r")) text = text.slice(0, -1);
    const piece = { text: tooLong ? "" : line === 1 ? stripBom(text) : text, line, column: 1, tooLong };
    current = [];
    length = 0;
    tooLong = false;
    line++;
    return piece;
  };
  for await (const text of pieces) {
    let from = 0;
    for (let newline = text.indexOf("\n"); newline >= 0; newline = text.indexOf("\n", from)) {
      const part = text.slice(from, newline);
      if (!tooLong) current.push(part);
      length += part.length;
      if (length > MAX_RECORD_CHARS) tooLong = true;
      const piece = finish();
      from = newline + 1;
      if (!piece.tooLong && piece.text.trim() === "") {
        blank.push(piece);
        continue;
      }
      yield* blank.splice(0);
      yield piece;
    }
    const rest = text.slice(from);
    length += rest.length;
    if (length > MAX_RECORD_CHARS) {
      tooLong = true;
      current = [];
    } else current.push(rest);
  }
  if (length > 0 || tooLong) {
    const piece = finish();
    if (piece.tooLong || piece.text.trim() !== "") {
      yield* blank.splice(0);
      yield piece;
    }
  }
}

/** The elements of a JSON array, one piece each; text after the array, or an array never closed, is an issue. */
async function* arrayElements(pieces: AsyncGenerator<string>): AsyncGenerator<Piece | InputIssueAt> {
  const out: (Piece | InputIssueAt)[] = [];
  const scanner = new PositionScanner();
  let depth = 0;
  let state: "before" | "expect-value" | "in-value" | "after-value" | "after" = "before";
  let element: { parts: string[]; length: number; line: number; column: number; tooLong: boolean } | undefined;
  let trailing = false;
  const end = (text: string, i: number) => {
    if (element) {
      keep(text, i);
      const value = element.tooLong ? "" : element.parts.join("").trimEnd();
      out.push({ text: value, line: element.line, column: element.column, tooLong: element.tooLong });
      element = undefined;
    }
  };
  let from = 0;
  const keep = (text: string, to: number) => {
    if (!element || element.tooLong) return;
    element.length += to - from;
    if (element.length > MAX_RECORD_CHARS) {
      element.tooLong = true;
      element.parts = [];
    } else if (to > from) element.parts.push(text.slice(from, to));
  };
  for await (const text of pieces) {
    from = 0;
    scanner.walk(text, (i, code, inString) => {
      if (state === "after") {
        if (!isSpace(code) && code !== 0xfeff && !trailing) {
          trailing = true;
          out.push({
            line: scanner.line,
            issue: {
              path: "",
              message: `unexpected text after the array (line ${scanner.line}, column ${scanner.column(i)})`,
            },
          });
        }
        return;
      }
      if (state === "before") {
        if (code === 0x5b) {
          state = "expect-value";
          depth = 1;
        }
        return;
      }
      if (inString) return;
      if (state === "expect-value" || state === "after-value") {
        if (isSpace(code)) return;
        if (code === 0x5d && depth === 1) {
          state = "after";
          depth = 0;
          return;
        }
        if (state === "after-value" && code === 0x2c) {
          state = "expect-value";
          return;
        }
        if (code === 0x2c) {
          out.push({
            line: scanner.line,
            issue: {
              path: "",
              message: `not valid JSON: an empty element (line ${scanner.line}, column ${scanner.column(i)})`,
            },
          });
          return;
        }
        element = { parts: [], length: 0, line: scanner.line, column: scanner.column(i), tooLong: false };
        from = i;
        state = "in-value";
      }
      // in-value
      if (code === 0x7b || code === 0x5b) depth++;
      else if (code === 0x7d || code === 0x5d) {
        if (depth === 1) {
          end(text, i);
          state = "after";
          depth = 0;
          return;
        }
        depth--;
      } else if (code === 0x2c && depth === 1) {
        end(text, i);
        state = "expect-value";
      }
    });
    keep(text, text.length);
    from = 0;
    yield* out.splice(0);
  }
  if ((state as string) !== "after") {
    if (element) end("", 0);
    out.push({
      line: scanner.line,
      issue: {
        path: "",
        message: `not valid JSON: the array is not closed: expected "]" at the end (line ${scanner.line})`,
      },
    });
  }
  yield* out.splice(0);
}

/** Top-level JSON values one after another (an object, or several for sniffed JSON Lines). */
async function* topLevelValues(pieces: AsyncGenerator<string>, single: boolean): AsyncGenerator<Piece | InputIssueAt> {
  const out: (Piece | InputIssueAt)[] = [];
  const scanner = new PositionScanner();
  let depth = 0;
  let count = 0;
  let element: { parts: string[]; length: number; line: number; column: number; tooLong: boolean } | undefined;
  let from = 0;
  let refused = false;
  let atLineStart = false;
  const blank: Piece[] = [];
  const keep = (text: string, to: number) => {
    if (!element || element.tooLong) return;
    element.length += to - from;
    if (element.length > MAX_RECORD_CHARS) {
      element.tooLong = true;
      element.parts = [];
    } else if (to > from) element.parts.push(text.slice(from, to));
  };
  const end = (text: string, to: number) => {
    if (!element) return;
    keep(text, to);
    out.push({
      text: element.tooLong ? "" : element.parts.join("").trimEnd(),
      line: element.line,
      column: element.column,
      tooLong: element.tooLong,
    });
    element = undefined;
  };
  for await (const text of pieces) {
    from = 0;
    scanner.walk(text, (i, code, inString) => {
      if (refused) return;
      if (!element) {
        if (code === 0x0a && !single && count > 0) {
          // A blank line between values is an invalid record, as in JSON Lines; blank lines at the end are none.
          if (atLineStart) blank.push({ text: "", line: scanner.line, column: 1 });
          atLineStart = true;
          return;
        }
        if (isSpace(code) || code === 0xfeff) return;
        atLineStart = false;
        out.push(...blank.splice(0));
        count++;
        if (single && count > 1) {
          refused = true;
          out.push({
            line: scanner.line,
            issue: {
              path: "",
              message:
                `not valid JSON: more than one JSON value (the second starts at line ${scanner.line}, ` +
                `column ${scanner.column(i)}); JSON Lines needs --format jsonl or a .jsonl name`,
            },
          });
          return;
        }
        element = { parts: [], length: 0, line: scanner.line, column: scanner.column(i), tooLong: false };
        from = i;
        depth = 0;
      }
      if (inString) return;
      if (code === 0x7b || code === 0x5b) depth++;
      else if (code === 0x7d || code === 0x5d) {
        depth--;
        if (depth <= 0) end(text, i + 1);
      } else if (depth === 0 && isSpace(code)) end(text, i);
    });
    keep(text, text.length);
    yield* out.splice(0);
  }
  end("", 0);
  yield* out.splice(0);
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** Follows line, column and strings over text given in pieces; calls back for every character, saying whether it is inside a string. */
class PositionScanner {
  line = 1;
  private columnBase = 1;
  private inString = false;
  private escaped = false;
  private chunkLineStart = 0;

  column(i: number): number {
    return this.columnBase + i - this.chunkLineStart;
  }

  walk(text: string, each: (i: number, code: number, inString: boolean) => void): void {
    this.chunkLineStart = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (this.inString) {
        each(i, code, true);
        if (this.escaped) this.escaped = false;
        else if (code === 0x5c) this.escaped = true;
        else if (code === 0x22) this.inString = false;
      } else {
        if (code === 0x22) {
          each(i, code, false);
          this.inString = true;
        } else each(i, code, false);
      }
      if (code === 0x0a) {
        this.line++;
        this.columnBase = 1;
        this.chunkLineStart = i + 1;
      }
    }
    this.columnBase = this.column(text.length);
  }
}
