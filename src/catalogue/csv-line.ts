/**
 * The catalogue reader's fast path: one CSV line read into field offsets
 * without papaparse, for the lines whose reading is beyond doubt.
 *
 * A line qualifies when each field is either unquoted and holds no quote, or
 * quoted from its first character to a closing quote that a comma or the end
 * of the line follows (a CR just before the LF allowed), with the quotes inside
 * doubled. Papaparse reads such a line into the same fields (a spec checks it
 * on random text: spec/catalogue/csv-line.spec.ts), and its line end is the
 * record's end. Anything else (a quoted field that runs onto the next line, a
 * stray quote, text after a closing quote) is papaparse's to read: `read`
 * answers false and the caller hands it the rest of its text.
 *
 * The line is read in one pass over its characters and nothing is copied:
 * field i is `text.slice(starts[i], ends[i])`, with its doubled quotes still
 * doubled when `escaped[i]` is set. `fields` and `raw` copy them out when a
 * caller needs strings; the fast classifier (./flat-row.ts) reads the offsets.
 *
 * `raw` is the line as read when writing the fields back (`formatCsvRow`)
 * gives exactly that text and no field starts with a character a spreadsheet
 * may read as the start of a formula (= + - @ tab CR), so a caller can pass it
 * through as it is, without joining the fields again or neutralising a cell;
 * undefined otherwise.
 */

import type { ByteWriter, CsvOutput } from "./byte-writer.js";

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const SPACE = 32;
const BOM = 0xfeff;

/** A row's fields as offsets into a text: field i is `text.slice(starts[i], ends[i])`. */
export interface RowCells {
  readonly text: string;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly count: number;
}

/** The cells of fields given as strings (the general path's records, tests): one text, nothing escaped. */
export function cellsOf(fields: readonly string[]): RowCells {
  const starts = new Int32Array(fields.length);
  const ends = new Int32Array(fields.length);
  let text = "";
  for (let i = 0; i < fields.length; i++) {
    starts[i] = text.length;
    text += fields[i]!;
    ends[i] = text.length;
  }
  return { text, starts, ends, count: fields.length };
}

/**
 * The characters `String.prototype.trim` removes (ECMAScript WhiteSpace and LineTerminator), so offsets are trimmed
 * as the strings would be; spec/catalogue/csv-line.spec.ts checks every UTF-16 code unit against `trim`.
 */
export function isTrimmed(code: number): boolean {
  if (code > SPACE && code < 0xa0) return false;
  return (
    code === SPACE ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === BOM
  );
}

/** A cell's first character that a spreadsheet may read as the start of a formula (src/render/escape.ts). */
function startsLikeFormulaChar(code: number): boolean {
  return code === 61 || code === 43 || code === 45 || code === 64 || code === 9 || code === CR;
}

export class CsvLineReader implements RowCells {
  text = "";
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  /** Set for a quoted field with doubled quotes inside (its offsets hold them doubled). */
  escaped = new Uint8Array(64);
  /** The number of fields of the line last read. */
  count = 0;
  /** Where the line last read starts, and where its passed-through text ends (-1 when it is not passed through). */
  private lineStart = 0;
  private rawEnd = -1;
  /** The first quote at or after the line being read, in the text `begin` was given; -1 when there is none. */
  private nextQuote = -1;
  /**
   * Where each line is copied as it is read, character by character (`echo[i + shift]` for the text's `i`): the
   * byte writer's free space, so that a line passed through is written without a second pass over it
   * (`writeRaw`), or a scratch buffer. `echoAscii` is false when a character was past ASCII (then the copy is not
   * its UTF-8).
   */
  private writer: ByteWriter | undefined;
  private echo: Uint8Array = new Uint8Array(256);
  private shift = 0;
  private echoAscii = true;

  /** Starts on a new text, at `from`: `read` then takes its lines in order. */
  begin(input: string, from = 0): void {
    this.text = input;
    this.nextQuote = input.indexOf('"', from);
  }

  /** The fields of the line last read, as strings. */
  get fields(): string[] {
    const fields = new Array<string>(this.count);
    for (let i = 0; i < this.count; i++) {
      const field = this.text.slice(this.starts[i], this.ends[i]);
      fields[i] = this.escaped[i] === 1 ? field.replaceAll('""', '"') : field;
    }
    return fields;
  }

  /** Whether the line last read is passed through as it is (see above). */
  get passesThrough(): boolean {
    return this.rawEnd >= 0;
  }

  /** The line last read, when it is passed through as it is (see above); else undefined. */
  get raw(): string | undefined {
    return this.rawEnd < 0 ? undefined : this.text.slice(this.lineStart, this.rawEnd);
  }

  /** Copies each line read into `writer`'s free space as it reads it (see `echo`); undefined: no more. */
  echoInto(writer: ByteWriter | undefined): void {
    this.writer = writer;
  }

  /** Writes the line last read as it is; only when it `passesThrough`. */
  writeRaw(out: CsvOutput<string | Uint8Array>): void {
    // The copy holds when nothing was written to the writer since the line was read.
    const writer = this.writer;
    if (writer !== undefined && out === writer && this.echoAscii && writer.holdsAt(this.echo, this.shift))
      writer.advance(this.rawEnd - this.lineStart);
    else out.slice(this.text, this.lineStart, this.rawEnd);
  }

  /** True when every field of the line last read is empty or blank: not a record. */
  get blank(): boolean {
    for (let i = 0; i < this.count; i++)
      for (let at = this.starts[i]!; at < this.ends[i]!; at++) if (!isTrimmed(this.text.charCodeAt(at))) return false;
    return true;
  }

  /**
   * Reads the text given to `begin` from `start` to the LF at `end` (excluded), lines in order. False when the
   * line is not one this reader reads exactly; then what it holds is undefined until the next line it reads.
   */
  read(start: number, end: number): boolean {
    const input = this.text;
    if (this.nextQuote >= 0 && this.nextQuote < start) this.nextQuote = input.indexOf('"', start);
    const quoted = this.nextQuote >= 0 && this.nextQuote < end;
    // The CR of a CRLF line end ends the last field; papaparse keeps it and the splitter drops it (./csv.ts).
    const stop = end > start && input.charCodeAt(end - 1) === CR ? end - 1 : end;
    this.lineStart = start;
    const echo = this.echoBuffer(end - start);
    const shift = this.shift - start;
    let ascii = true;
    let plain = true;
    let n = 0;
    let at = start;
    for (;;) {
      if (n === this.starts.length) this.grow();
      if (quoted && at < end && input.charCodeAt(at) === QUOTE) {
        echo[at + shift] = QUOTE;
        // A quoted field: its content runs to the first quote not doubled, on this line.
        let escaped = 0;
        // Whether writing the content back quotes it: it holds a quote, comma, CR or BOM, or starts or ends with a space.
        let needsQuotes = false;
        let close = at + 1;
        for (;;) {
          if (close >= end) return false;
          const code = input.charCodeAt(close);
          echo[close + shift] = code;
          if (code === QUOTE) {
            if (close + 1 < end && input.charCodeAt(close + 1) === QUOTE) {
              echo[close + 1 + shift] = QUOTE;
              escaped = 1;
              close += 2;
              continue;
            }
            break;
          }
          if (code === COMMA || code === CR || code === BOM) needsQuotes = true;
          ascii &&= code < 0x80;
          close++;
        }
        let contentEnd = close;
        if (close > at + 1) {
          needsQuotes ||= input.charCodeAt(at + 1) === SPACE || input.charCodeAt(close - 1) === SPACE;
          plain &&= !startsLikeFormulaChar(input.charCodeAt(at + 1));
        }
        plain &&= needsQuotes || escaped === 1;
        const after = close + 1;
        const last = after === end || (after === end - 1 && input.charCodeAt(after) === CR);
        if (!last && input.charCodeAt(after) !== COMMA) return false;
        echo[after + shift] = COMMA;
        if (last && close > at + 1 && input.charCodeAt(close - 1) === CR) {
          // A quoted last field: a CR inside it, at its end, is dropped as for an unquoted one (./csv.ts).
          contentEnd--;
          plain = false;
        }
        this.starts[n] = at + 1;
        this.ends[n] = contentEnd;
        this.escaped[n++] = escaped;
        if (last) return this.finish(n, plain ? after : -1, ascii);
        at = after + 1;
        continue;
      }
      // An unquoted field, to the next comma or the end of the line (its CR dropped).
      let comma = at;
      while (comma < stop) {
        const code = input.charCodeAt(comma);
        echo[comma + shift] = code;
        if (code === COMMA) break;
        if (code === QUOTE) return false;
        if (code === CR || code === BOM) plain = false;
        ascii &&= code < 0x80;
        comma++;
      }
      if (comma > at) {
        const first = input.charCodeAt(at);
        plain &&= first !== SPACE && !startsLikeFormulaChar(first) && input.charCodeAt(comma - 1) !== SPACE;
      }
      this.starts[n] = at;
      this.ends[n] = comma;
      this.escaped[n++] = 0;
      if (comma >= stop) return this.finish(n, plain ? stop : -1, ascii);
      at = comma + 1;
    }
  }

  private finish(count: number, rawEnd: number, ascii: boolean): true {
    this.count = count;
    this.rawEnd = rawEnd;
    this.echoAscii = ascii;
    return true;
  }

  /** Room for a line of `length` characters to be copied to (`shift` set for its start); see `echo`. */
  private echoBuffer(length: number): Uint8Array {
    if (this.writer !== undefined) {
      this.echo = this.writer.reserve(length);
      this.shift = this.writer.position;
    } else {
      if (this.echo.length < length) this.echo = new Uint8Array(2 * length);
      this.shift = 0;
    }
    return this.echo;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    const escaped = new Uint8Array(size);
    starts.set(this.starts);
    ends.set(this.ends);
    escaped.set(this.escaped);
    this.starts = starts;
    this.ends = ends;
    this.escaped = escaped;
  }
}
