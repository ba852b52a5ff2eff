/**
 * Where a CSV record ends, found quickly: the main thread of src/catalogue/parallel.ts
 * cuts the text into chunks of whole records with it, and the workers check each cut.
 *
 * The scan follows papaparse's reading of quotes: a quote opens a quoted field
 * only at the start of a field; inside one, a doubled quote is a quote, and a
 * quote closes the field only when spaces and then a comma or the line end
 * follow it. A line end outside a quoted field ends a record (a blank line too:
 * it has a row number). A line without a quote is passed over with `indexOf`.
 */
import type { LineEnd } from "./classify.js";
import { isTrimmed } from "./csv-line.js";

const QUOTE = 0x22;
const COMMA = 0x2c;

export class RecordCutter {
  /**
   * The text held, in the pieces it came in (scanning one long concatenated string would make V8 walk or
   * copy it again and again), and a few characters at the end whose meaning waits for the next piece.
   * Positions count from the start of the text the cutter was given.
   */
  private pieces: string[] = [];
  /** Where the first piece starts, and where the scanned text ends. */
  private base = 0;
  private end = 0;
  private carry = "";
  private inQuotes = false;
  private fieldStart = true;
  /** The end of the last whole record, and the records since the last cut. */
  private boundary = 0;
  private records = 0;
  /** Chunks found, each ending after the first record end at least `size` characters after the one before. */
  private readonly cuts: { end: number; records: number }[] = [];
  private lastCut = 0;
  private readonly lineEnd: string;
  private readonly lineEndCode: number;

  /**
   * @param row the row of the first record of the text to come
   * @param size the least length of a chunk (the last may be shorter)
   */
  constructor(
    newline: LineEnd,
    public row: number,
    private readonly size: number,
  ) {
    this.lineEnd = newline === "\r" ? "\r" : "\n";
    this.lineEndCode = this.lineEnd.charCodeAt(0);
  }

  add(text: string): void {
    const piece = this.carry.length > 0 ? this.carry + text : text;
    const scanned = this.scan(piece, this.end);
    this.carry = scanned < piece.length ? piece.slice(scanned) : "";
    if (scanned > 0) {
      this.pieces.push(scanned < piece.length ? piece.slice(0, scanned) : piece);
      this.end += scanned;
    }
  }

  /** Characters after the last whole record. */
  get unfinished(): number {
    return this.end + this.carry.length - this.boundary;
  }

  /** The next chunk of whole records, and the row of its first; undefined until one is complete. */
  take(): { text: string; row: number } | undefined {
    const cut = this.cuts.shift();
    if (!cut) return undefined;
    const all = this.pieces.length === 1 ? this.pieces[0]! : this.pieces.join("");
    const text = all.slice(0, cut.end - this.base);
    const rest = all.slice(cut.end - this.base);
    this.pieces = rest.length > 0 ? [rest] : [];
    this.base = cut.end;
    const row = this.row;
    this.row += cut.records;
    return { text, row };
  }

  /** All the text held, whole records or not; the row of the first. */
  takeAll(): { text: string; row: number } {
    const text = this.pieces.join("") + this.carry;
    const row = this.row;
    for (const cut of this.cuts.splice(0)) this.row += cut.records;
    this.row += this.records;
    this.pieces = [];
    this.carry = "";
    this.end += text.length;
    this.base = this.boundary = this.lastCut = this.end;
    this.records = 0;
    this.inQuotes = false;
    this.fieldStart = true;
    return { text, row };
  }

  /** A record ends at `end`: a chunk ends there too when it is long enough. */
  private recordEnd(end: number): void {
    this.boundary = end;
    this.records++;
    if (end - this.lastCut >= this.size) {
      this.cuts.push({ end, records: this.records });
      this.lastCut = end;
      this.records = 0;
    }
  }

  /** Scans `text` (held from `offset` on); returns how far its meaning is known. */
  private scan(text: string, offset: number): number {
    const length = text.length;
    const lineEnd = this.lineEnd;
    let i = 0;
    let inQuotes = this.inQuotes;
    let fieldStart = this.fieldStart;
    /** The first quote at or after `i` (-1: none), found again only once passed. */
    let nextQuote = -2;
    while (i < length) {
      if (inQuotes) {
        const quote = text.indexOf('"', i);
        if (quote < 0) {
          i = length;
          break;
        }
        if (quote + 1 >= length) {
          i = quote;
          break;
        }
        if (text.charCodeAt(quote + 1) === QUOTE) {
          i = quote + 2;
          continue;
        }
        let after = quote + 1;
        while (after < length && text.charCodeAt(after) !== this.lineEndCode && isTrimmed(text.charCodeAt(after)))
          after++;
        if (after >= length) {
          i = quote;
          break;
        }
        const next = text.charCodeAt(after);
        if (next === COMMA) {
          inQuotes = false;
          fieldStart = true;
          i = after + 1;
        } else if (next === this.lineEndCode) {
          inQuotes = false;
          fieldStart = true;
          i = after + 1;
          this.recordEnd(offset + i);
        } else i = quote + 1;
        continue;
      }
      // Outside quotes: the record ends at the line end, unless a quote opening a field comes first.
      const end = text.indexOf(lineEnd, i);
      if (nextQuote !== -1 && nextQuote < i) nextQuote = text.indexOf('"', i);
      const quote = nextQuote;
      if (quote < 0 || (end >= 0 && end < quote)) {
        if (end < 0) {
          fieldStart = text.charCodeAt(length - 1) === COMMA;
          i = length;
          break;
        }
        i = end + 1;
        fieldStart = true;
        this.recordEnd(offset + i);
        continue;
      }
      inQuotes = quote === i ? fieldStart : text.charCodeAt(quote - 1) === COMMA;
      fieldStart = false;
      i = quote + 1;
    }
    this.inQuotes = inQuotes;
    this.fieldStart = fieldStart;
    return i;
  }
}
