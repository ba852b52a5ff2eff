/**
 * The catalogue reader's fast path: one CSV line read into fields without
 * papaparse, for the lines whose reading is beyond doubt.
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
 * `raw` is the line as read when writing the fields back (`formatCsvRow`)
 * gives exactly that text and no field starts with a character a spreadsheet
 * may read as the start of a formula (= + - @ tab CR), so a caller can pass it
 * through as it is, without joining the fields again or neutralising a cell;
 * undefined otherwise.
 */

const QUOTE = 34;
const COMMA = 44;
const CR = 13;

/** What `formatCsvField` quotes: a field must hold one of these (or start or end with a space) to need quotes. */
const NEEDS_QUOTES = /[",\r\n\ufeff]|^ | $/;
/**
 * A line of unquoted fields that is not passed through: a CR or BOM inside, a field starting or ending with a space
 * (these would be written back quoted), or one starting like a formula.
 */
const UNQUOTED_NOT_PLAIN = /[\r\ufeff]|(?:^|,)[ =+\-@\t]| (?:,|$)/;

/** The first characters of a cell that a spreadsheet may read as a formula (src/render/escape.ts). */
function startsLikeFormulaChar(field: string): boolean {
  const code = field.charCodeAt(0);
  return code === 61 || code === 43 || code === 45 || code === 64 || code === 9 || code === 13;
}

export class CsvLineReader {
  /** The fields of the line last read. */
  fields: string[] = [];
  /** The line last read, when it is passed through as it is (see above); else undefined. */
  raw: string | undefined;
  /** The first quote at or after the line being read, in the text `begin` was given; -1 when there is none. */
  private nextQuote = -1;

  /** Starts on a new text: `read` then takes its lines in order. */
  begin(input: string): void {
    this.nextQuote = input.indexOf('"');
  }

  /**
   * Reads `input` (the text given to `begin`) from `start` to the LF at `end` (excluded), lines in order. False
   * when the line is not one this reader reads exactly; then `fields` and `raw` are left as they were.
   */
  read(input: string, start: number, end: number): boolean {
    if (this.nextQuote >= 0 && this.nextQuote < start) this.nextQuote = input.indexOf('"', start);
    const quoted = this.nextQuote >= 0 && this.nextQuote < end;
    return quoted ? this.readQuoted(input, start, end) : this.readUnquoted(input, start, end);
  }

  private readUnquoted(input: string, start: number, end: number): boolean {
    // The CR of a CRLF line end ends the last field; papaparse keeps it and the splitter drops it (./csv.ts).
    const stop = end > start && input.charCodeAt(end - 1) === CR ? end - 1 : end;
    const text = input.slice(start, stop);
    this.fields = text.split(",");
    this.raw = UNQUOTED_NOT_PLAIN.test(text) ? undefined : text;
    return true;
  }

  private readQuoted(input: string, start: number, end: number): boolean {
    const fields: string[] = [];
    let canonical = true;
    let at = start;
    for (;;) {
      if (input.charCodeAt(at) === QUOTE) {
        let content = "";
        let from = at + 1;
        let close: number;
        for (;;) {
          close = input.indexOf('"', from);
          if (close < 0 || close >= end) return false;
          if (close + 1 < end && input.charCodeAt(close + 1) === QUOTE) {
            content += input.slice(from, close + 1);
            from = close + 2;
            continue;
          }
          content += input.slice(from, close);
          break;
        }
        const after = close + 1;
        canonical &&= NEEDS_QUOTES.test(content) && !startsLikeFormulaChar(content);
        if (after === end || (after === end - 1 && input.charCodeAt(after) === CR)) {
          // A quoted last field: a CR inside it, at its end, is dropped as for an unquoted one (./csv.ts).
          fields.push(dropFinalCr(content));
          canonical &&= !content.endsWith("\r");
          this.finish(fields, canonical ? input.slice(start, after) : undefined);
          return true;
        }
        if (input.charCodeAt(after) !== COMMA) return false;
        fields.push(content);
        at = after + 1;
        continue;
      }
      let comma = input.indexOf(",", at);
      if (comma < 0 || comma > end) comma = end;
      const field = input.slice(at, comma);
      if (field.includes('"')) return false;
      if (comma === end) {
        const last = dropFinalCr(field);
        fields.push(last);
        canonical &&= !NEEDS_QUOTES.test(last) && !startsLikeFormulaChar(last);
        this.finish(fields, canonical ? input.slice(start, last === field ? end : end - 1) : undefined);
        return true;
      }
      fields.push(field);
      canonical &&= !NEEDS_QUOTES.test(field) && !startsLikeFormulaChar(field);
      at = comma + 1;
    }
  }

  private finish(fields: string[], raw: string | undefined): void {
    this.fields = fields;
    this.raw = raw;
  }
}

function dropFinalCr(field: string): string {
  return field.charCodeAt(field.length - 1) === CR ? field.slice(0, -1) : field;
}
