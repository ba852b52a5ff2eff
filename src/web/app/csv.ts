/**
 * An incremental CSV reader for the classified catalogue as it streams in
 * (RFC 4180: quoted fields, doubled quotes, CRLF or LF): push text in pieces
 * of any size, get the complete records back.
 */
export class CsvReader {
  private field = "";
  private record: string[] = [];
  private quoted = false;
  private quoteSeen = false;
  private started = false;

  push(text: string): string[][] {
    const records: string[][] = [];
    let index = 0;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) index = 1;
    }
    for (; index < text.length; index++) {
      const char = text[index]!;
      if (this.quoted) {
        if (char === '"') {
          this.quoted = false;
          this.quoteSeen = true;
        } else this.field += char;
        continue;
      }
      if (char === '"') {
        if (this.quoteSeen) this.field += '"';
        this.quoted = true;
        this.quoteSeen = false;
        continue;
      }
      this.quoteSeen = false;
      if (char === ",") {
        this.record.push(this.field);
        this.field = "";
      } else if (char === "\n") {
        this.record.push(this.field.endsWith("\r") ? this.field.slice(0, -1) : this.field);
        records.push(this.record);
        this.record = [];
        this.field = "";
      } else this.field += char;
    }
    return records;
  }

  end(): string[][] {
    if (this.field === "" && this.record.length === 0) return [];
    this.record.push(this.field);
    const last = this.record;
    this.record = [];
    this.field = "";
    return [last];
  }
}

/** Compares two decimal strings ("15832", "19.449631", "") by value, for sorting a column; empty sorts first. */
export function compareDecimalText(a: string, b: string): number {
  const pattern = /^-?\d+(\.\d+)?$/;
  const aNumeric = pattern.test(a);
  const bNumeric = pattern.test(b);
  if (!aNumeric || !bNumeric) return aNumeric === bNumeric ? a.localeCompare(b) : aNumeric ? 1 : -1;
  const [aWhole = "", aFraction = ""] = a.split(".");
  const [bWhole = "", bFraction = ""] = b.split(".");
  if (aWhole.length !== bWhole.length) return aWhole.length - bWhole.length;
  if (aWhole !== bWhole) return aWhole < bWhole ? -1 : 1;
  const width = Math.max(aFraction.length, bFraction.length);
  const aPadded = aFraction.padEnd(width, "0");
  const bPadded = bFraction.padEnd(width, "0");
  return aPadded === bPadded ? 0 : aPadded < bPadded ? -1 : 1;
}
