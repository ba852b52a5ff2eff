/**
 * Where the catalogue transform (./classify.ts) writes its output: text
 * (`TextOutput`), or UTF-8 bytes (`ByteWriter`) for the CLI's in-process run.
 * Both write the same characters: a spec checks it on random catalogues.
 *
 * The byte writer copies a passed-through line character by character from
 * the input text, and writes TPP and PD digit by digit from their safe
 * integers, so a plain row makes no strings at all. `take` hands over what was
 * written and starts a new buffer (a sink may hold the old one until it is
 * written); each buffer is its own, outside Node's shared pool.
 */
import { scaledDecimalText } from "../numbers/safe-decimal.js";

/** A piece written again and again (a fast-path answer's result cells), in both forms. */
export interface EncodedText {
  readonly text: string;
  readonly bytes: Uint8Array;
}

export function encoded(text: string): EncodedText {
  return { text, bytes: Buffer.from(text, "utf8") };
}

export interface CsvOutput<T extends string | Uint8Array> {
  /** Any text. */
  text(text: string): void;
  /** `text.slice(start, end)`. */
  slice(text: string, start: number, end: number): void;
  encoded(piece: EncodedText): void;
  comma(): void;
  /** `digits / 10^scale` (a non-negative safe integer) as `scaledDecimalText` writes it. */
  decimal(digits: number, scale: number): void;
  /** What was written since the last `take`. */
  take(): T;
}

export class TextOutput implements CsvOutput<string> {
  private output = "";

  text(text: string): void {
    this.output += text;
  }
  slice(text: string, start: number, end: number): void {
    this.output += text.slice(start, end);
  }
  encoded(piece: EncodedText): void {
    this.output += piece.text;
  }
  comma(): void {
    this.output += ",";
  }
  decimal(digits: number, scale: number): void {
    this.output += scaledDecimalText(digits, scale);
  }
  take(): string {
    const output = this.output;
    this.output = "";
    return output;
  }
}

/** 10^k for k below 16: a safe integer has at most 16 digits. */
const DIGITS = 16;
const POWERS = Array.from({ length: DIGITS }, (_, k) => 10 ** k);

const COMMA = 44;
const POINT = 46;
const ZERO = 48;

export class ByteWriter implements CsvOutput<Uint8Array> {
  private buffer: Buffer;
  private length = 0;

  constructor(private readonly capacity = 1 << 17) {
    this.buffer = Buffer.allocUnsafeSlow(capacity);
  }

  /** The bytes written since the last `take`. */
  take(): Uint8Array {
    const written = this.buffer.subarray(0, this.length);
    this.buffer = Buffer.allocUnsafeSlow(Math.max(this.capacity, this.length));
    this.length = 0;
    return written;
  }

  /** Where the next byte goes. */
  get position(): number {
    return this.length;
  }

  /** The buffer, with room for `bytes` more from `position`: written there, they count once `advance`d over. */
  reserve(bytes: number): Uint8Array {
    this.room(bytes);
    return this.buffer;
  }

  /** True when the next byte goes at `position` of `buffer`. */
  holdsAt(buffer: Uint8Array, position: number): boolean {
    return this.buffer === buffer && this.length === position;
  }

  advance(bytes: number): void {
    this.length += bytes;
  }

  /** Makes room for `bytes` more. */
  private room(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafeSlow(Math.max(2 * this.buffer.length, this.length + bytes));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }

  /** Any text, as UTF-8. */
  text(text: string): void {
    this.room(3 * text.length);
    this.length += this.buffer.write(text, this.length, "utf8");
  }

  /** `text.slice(start, end)`, as UTF-8: copied code by code while it is ASCII. */
  slice(text: string, start: number, end: number): void {
    this.room(end - start);
    const buffer = this.buffer;
    let at = this.length;
    for (let i = start; i < end; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0x80) {
        this.length = at;
        this.text(text.slice(i, end));
        return;
      }
      buffer[at++] = code;
    }
    this.length = at;
  }

  encoded(piece: EncodedText): void {
    const bytes = piece.bytes;
    this.room(bytes.length);
    // A few dozen bytes copy faster one by one than through a call to `set`.
    const buffer = this.buffer;
    let at = this.length;
    for (let i = 0; i < bytes.length; i++) buffer[at++] = bytes[i]!;
    this.length = at;
  }

  comma(): void {
    this.room(1);
    this.buffer[this.length++] = COMMA;
  }

  /** Written without making the text: trailing zeros dropped, at least one digit before the point. */
  decimal(digits: number, scale: number): void {
    let value = digits;
    let places = scale;
    while (places > 0 && value === tenth(value) * 10) {
      value = tenth(value);
      places--;
    }
    let count = 1;
    while (count < DIGITS && value >= POWERS[count]!) count++;
    // Digits before the point: at least one ("0.5").
    const width = Math.max(count, places + 1);
    this.room(width + 1);
    const buffer = this.buffer;
    let at = this.length + width + (places > 0 ? 1 : 0);
    this.length = at;
    for (let k = 0; k < width; k++) {
      if (k === places && places > 0) buffer[--at] = POINT;
      const rest = tenth(value);
      buffer[--at] = ZERO + (value - rest * 10);
      value = rest;
    }
  }
}

/**
 * floor(value / 10) of a non-negative safe integer, exactly: in 32-bit integer arithmetic when it fits (the `%` of
 * a double is a slow library call), else the float quotient, which is exact to the integer below 2^53.
 */
function tenth(value: number): number {
  return value < 0x80000000 ? (value / 10) | 0 : Math.floor(value / 10);
}
