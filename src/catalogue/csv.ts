/**
 * CSV records from text that arrives in pieces, with papaparse's parser.
 *
 * A record is only handed on once its line end has arrived; the unfinished
 * tail is kept and parsed again with the next piece, so cutting the same text
 * anywhere gives the same records (spec/catalogue/stream-invariance.spec.ts).
 *
 * What a spreadsheet export brings is accepted: a UTF-8 byte order mark, CRLF
 * or LF line ends (even mixed: a CR before the LF is dropped), quoted fields
 * holding commas, quotes and line breaks, and blank lines (not records).
 * CR alone (Excel for Mac) is read as the line end when it is the first line
 * end of the file.
 * A record longer than `maxRecordChars` (an unbalanced quote swallowing the
 * rest of the file, usually) stops the run: nothing after it can be told
 * apart into records.
 */
import Papa from "papaparse";
import { CsvLineReader } from "./csv-line.js";
import type { ByteWriter } from "./byte-writer.js";

/** One CSV record: its fields, and the row a spreadsheet would show it on (the header is row 1). */
export interface CsvRecord {
  readonly row: number;
  readonly fields: string[];
  /** What is wrong with the record's quoting, when papaparse found something. */
  readonly quoteError?: string;
}

/** Thrown when one record grows past the limit. */
export class CsvRecordTooLongError extends Error {
  constructor(
    readonly row: number,
    readonly limit: number,
    /** True when the record holds a quote: then an unbalanced quote is the likely cause. */
    readonly quoted = true,
  ) {
    super(
      quoted
        ? `row ${row} runs past ${limit} characters without ending: an unbalanced quote (") swallows the rest of ` +
            'the file; close it, or double the quotes inside the field ("")'
        : `row ${row} runs past ${limit} characters without a line end: a catalogue row is at most ${limit} characters; is this a CSV file?`,
    );
    this.name = "CsvRecordTooLongError";
  }
}

export const DEFAULT_MAX_RECORD_CHARS = 4 * 1024 * 1024;

export interface CsvSplitterInfo {
  /** True when the text began with a UTF-8 byte order mark. */
  readonly bom: boolean;
  /** The line end of the first record ("\r\n" or "\n"), for writing output the same way. */
  readonly newline: "\r\n" | "\n";
}

const BOM = "\ufeff";

interface PapaError {
  readonly row: number;
  readonly message: string;
}

interface PapaResult {
  readonly data: string[][];
  readonly errors: PapaError[];
  readonly meta: { readonly cursor: number };
}

/** Where {@link CsvSplitter.read} hands the records it reads. */
export interface RecordVisitor {
  /**
   * A record read from one line, held by `line` until the next is read: its field offsets, its fields and, when
   * writing the fields back with {@link formatCsvRow} gives exactly the line as read (without its line end), that
   * text (`line.raw`).
   */
  line(row: number, line: CsvLineReader): void;
  /** A record papaparse read. */
  record(record: CsvRecord): void;
}

/** Splits CSV text, given in pieces, into records. */
export class CsvSplitter {
  private tail = "";
  private started = false;
  private nextRow = 1;
  private sawCrlf: boolean | undefined;
  private bom = false;
  private parser = new Papa.Parser({ delimiter: ",", newline: "\n", quoteChar: '"' });
  /** True when the file ends its lines with CR alone (Excel for Mac): then CR is the line end. */
  private crOnly = false;
  private readonly lineReader = new CsvLineReader();

  /**
   * @param resume for a piece of a file that starts at a record boundary (src/catalogue/parallel.ts): the row of
   *   its first record and the file's line end, as the splitter that read the file's start found them.
   */
  constructor(
    private readonly maxRecordChars: number = DEFAULT_MAX_RECORD_CHARS,
    resume?: { readonly row: number; readonly newline: "\r\n" | "\n" | "\r" },
    /** False to read every record with papaparse (the reference the line reader is tested against). */
    private readonly lines = true,
  ) {
    if (resume) {
      this.started = true;
      this.nextRow = resume.row;
      this.sawCrlf = resume.newline === "\r\n";
      if (resume.newline === "\r") {
        this.crOnly = true;
        this.parser = new Papa.Parser({ delimiter: ",", newline: "\r", quoteChar: '"' });
      }
    }
  }

  /** Copies each line the line reader reads into `writer`'s free space (./csv-line.ts, `echoInto`). */
  echoInto(writer: ByteWriter | undefined): void {
    this.lineReader.echoInto(writer);
  }

  /** The row the next record will have. */
  get row(): number {
    return this.nextRow;
  }

  /** Characters held back as an unfinished record. */
  get pending(): number {
    return this.tail.length;
  }

  /** The file's line end once its first line end has been read: "\r" for a CR-only file; undefined before. */
  get lineEnd(): "\r\n" | "\n" | "\r" | undefined {
    return this.crOnly ? "\r" : this.sawCrlf === undefined ? undefined : this.sawCrlf ? "\r\n" : "\n";
  }

  /** Hands back the unfinished record held so far (src/catalogue/parallel.ts reads on from it). */
  takeTail(): string {
    const tail = this.tail;
    this.tail = "";
    return tail;
  }

  /** BOM and line end, known once the first line end has been seen. */
  info(): CsvSplitterInfo {
    return { bom: this.bom, newline: this.newline };
  }

  /** The line end to write: the first record's ("\r\n" or "\n"). */
  get newline(): "\r\n" | "\n" {
    return this.sawCrlf ? "\r\n" : "\n";
  }

  /** Set when the unfinished record grew past the limit; thrown at the next call. */
  private failure: CsvRecordTooLongError | undefined;

  /** The records completed by `text`. */
  push(text: string): CsvRecord[] {
    const records: CsvRecord[] = [];
    this.read(text, {
      line: (row, line) => records.push({ row, fields: line.fields }),
      record: (record) => records.push(record),
    });
    return records;
  }

  /**
   * Reads the records completed by `text`, handing each to `visitor` in order: a record on one line that the line
   * reader below reads exactly as papaparse would goes to `visitor.line`; from the first line it cannot read (a
   * field with a line break, a quote out of place) to the end of `text`, papaparse reads and `visitor.record` gets
   * the records. Blank records are skipped, as by `push`.
   */
  read(text: string, visitor: RecordVisitor): void {
    if (this.failure) throw this.failure;
    const end = this.tail === "" || this.sawCrlf === undefined || this.crOnly ? -1 : text.indexOf("\n");
    if (end < 0) {
      this.readFrom(this.tail + text, 0, visitor);
      return;
    }
    // The unfinished record is read with the piece's first line on its own, and the rest of the piece where it
    // lies: a string joined to another reads slower character by character, and a catalogue's pieces rarely end
    // on a line end.
    this.readFrom(this.tail + text.slice(0, end + 1), 0, visitor);
    if (this.tail === "") this.readFrom(text, end + 1, visitor);
    else this.readFrom(this.tail + text.slice(end + 1), 0, visitor);
  }

  /** Reads `text` from `from` on (after the byte order mark and line end are known); the rest becomes the tail. */
  private readFrom(text: string, from: number, visitor: RecordVisitor): void {
    if (this.failure) throw this.failure;
    const input = this.begin(text);
    if (input === undefined) return;
    let pos = this.lines && !this.crOnly ? this.readLines(input, from, visitor) : from;
    if (pos < input.length) {
      const result = this.parser.parse(pos === 0 ? input : input.slice(pos), 0, true) as PapaResult;
      for (const record of this.records(result.data, result.errors)) visitor.record(record);
      pos += result.meta.cursor;
    }
    this.tail = input.slice(pos);
    if (this.tail.length > this.maxRecordChars) {
      this.failure = new CsvRecordTooLongError(this.nextRow, this.maxRecordChars, this.tail.includes('"'));
      this.tail = "";
    }
  }

  /** The text to read once the byte order mark and the file's line end are known; undefined to wait for more. */
  private begin(text: string): string | undefined {
    let input = text;
    if (!this.started) {
      if (input.length === 0 || (input.length < BOM.length && BOM.startsWith(input))) {
        this.tail = input;
        return undefined;
      }
      this.started = true;
      if (input.startsWith(BOM)) {
        this.bom = true;
        input = input.slice(BOM.length);
      }
    }
    if (this.sawCrlf === undefined) {
      const end = /\r\n|\n|\r(?=[\s\S])/.exec(input);
      if (end) {
        this.sawCrlf = end[0] === "\r\n";
        if (end[0] === "\r") {
          this.crOnly = true;
          this.parser = new Papa.Parser({ delimiter: ",", newline: "\r", quoteChar: '"' });
        }
      }
    }
    return input;
  }

  /**
   * The complete lines of `input` read without papaparse, each a record, while each is one the line reader reads
   * exactly (./csv-line.ts); the position of the first line it leaves to papaparse, or of the unfinished tail.
   */
  private readLines(input: string, from: number, visitor: RecordVisitor): number {
    const line = this.lineReader;
    line.begin(input, from);
    let pos = from;
    for (;;) {
      const end = input.indexOf("\n", pos);
      if (end < 0 || !line.read(pos, end)) return pos;
      const row = this.nextRow++;
      if (!line.blank) visitor.line(row, line);
      pos = end + 1;
    }
  }

  /** The last record, if the text did not end with a line end. */
  end(): CsvRecord[] {
    if (this.failure) throw this.failure;
    const input = this.started || !this.tail.startsWith(BOM) ? this.tail : this.tail.slice(BOM.length);
    this.tail = "";
    if (input.length === 0) return [];
    const result = this.parser.parse(input, 0, false) as PapaResult;
    return this.records(result.data, result.errors);
  }

  private records(data: string[][], errors: readonly PapaError[]): CsvRecord[] {
    const records: CsvRecord[] = [];
    for (let i = 0; i < data.length; i++) {
      const fields = data[i]!;
      const row = this.nextRow++;
      const last = fields.length - 1;
      const lastField = fields[last]!;
      if (!this.crOnly && lastField.endsWith("\r")) fields[last] = lastField.slice(0, -1);
      const error = errors.length > 0 ? errors.find((e) => e.row === i) : undefined;
      if (!error && isBlank(fields)) continue;
      records.push(
        error
          ? {
              row,
              fields,
              quoteError: `malformed quotes (${error.message.toLowerCase()}); a field with a quote inside must be quoted, the quote doubled ("")`,
            }
          : { row, fields },
      );
    }
    return records;
  }
}

/** A blank line, or a row of empty cells (spreadsheets export those): not a record. */
function isBlank(fields: readonly string[]): boolean {
  for (const field of fields) if (field.trim() !== "") return false;
  return true;
}

/**
 * One CSV record as text, without its line end: a field is quoted (quotes
 * doubled) when it holds a comma, a quote, a line break or a byte order mark,
 * or starts or ends with a space, as papaparse's writer does. Writing is the
 * easy half of CSV; the parsing above is papaparse's.
 */
export function formatCsvRow(fields: readonly string[]): string {
  let line = "";
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) line += ",";
    line += formatCsvField(fields[i]!);
  }
  return line;
}

/** One field as {@link formatCsvRow} writes it. */
export function formatCsvField(field: string): string {
  return NEEDS_QUOTES.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

const NEEDS_QUOTES = /[",\r\n\ufeff]|^ | $/;
