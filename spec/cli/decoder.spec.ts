/**
 * Strict UTF-8 in pieces (src/cli/input.ts, TextDecoderStream): any bytes cut
 * anywhere decode to what a fatal TextDecoder gives for the whole, or fail as
 * it fails, naming the line of the first byte that is not UTF-8; a sequence
 * cut by a piece's end is read with the next piece, and one cut by the end of
 * the input is an error.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TextDecoderStream } from "../../src/cli/input.js";

/** The pieces decoded in turn, or the message of the error. */
function decoded(pieces: readonly Buffer[]): { text: string } | { error: string } {
  const stream = new TextDecoderStream("input.csv");
  try {
    let text = "";
    for (const piece of pieces) text += stream.push(piece);
    return { text: text + stream.end() };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** A fatal TextDecoder's reading of the whole (BOM kept), with the line of its first bad byte. */
function reference(bytes: Buffer): { text: string } | { line: number } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    for (let end = 1; end <= bytes.length; end++) {
      const head = bytes.subarray(0, end);
      // The shortest prefix a streaming decoder already refuses holds the first bad byte.
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
      } catch {
        return { line: 1 + head.subarray(0, end - 1).filter((byte) => byte === 0x0a).length };
      }
    }
    return { line: 1 + bytes.filter((byte) => byte === 0x0a).length };
  }
}

function cutAt(bytes: Buffer, cuts: readonly number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let last = 0;
  for (const point of points) {
    pieces.push(bytes.subarray(last, point));
    last = point;
  }
  pieces.push(bytes.subarray(last));
  return pieces;
}

/** Text that is mostly ASCII, with line ends, a BOM, and characters of two, three and four bytes. */
const text = fc
  .array(fc.constantFrom("a", "part,1,2", "\n", "\r\n", "\ufeff", "é", "華為", "😀", " ", '"'), { maxLength: 30 })
  .map((parts) => parts.join(""));
/** Bytes that are not always UTF-8: text with stray bytes put in. */
const bytes = fc
  .tuple(text, fc.array(fc.tuple(fc.nat(), fc.constantFrom(0x80, 0xbf, 0xc0, 0xc3, 0xe9, 0xed, 0xf0, 0xf5, 0xff))))
  .map(([t, strays]) => {
    const out = [...Buffer.from(t, "utf8")];
    for (const [at, byte] of strays) out.splice(at % (out.length + 1), 0, byte);
    return Buffer.from(out);
  });

describe("strict UTF-8 in pieces", () => {
  it("decodes valid UTF-8 cut anywhere as a fatal TextDecoder decodes the whole", () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 8 }), (t, cuts) => {
        const whole = Buffer.from(t, "utf8");
        expect(decoded(cutAt(whole, cuts))).toEqual({ text: t });
      }),
      { numRuns: 1000 },
    );
  });

  it("refuses what a fatal TextDecoder refuses, naming the line of the first bad byte, however it is cut", () => {
    let refused = 0;
    fc.assert(
      fc.property(bytes, fc.array(fc.nat(), { maxLength: 8 }), (input, cuts) => {
        const expected = reference(input);
        const actual = decoded(cutAt(input, cuts));
        if ("text" in expected) expect(actual).toEqual(expected);
        else {
          refused++;
          expect("error" in actual && actual.error).toMatch(
            new RegExp(`^input\\.csv: line ${expected.line}: not UTF-8`),
          );
        }
      }),
      { numRuns: 1000 },
    );
    expect(refused).toBeGreaterThan(100);
  });

  it("names the byte, and refuses a sequence cut by the end of the input", () => {
    expect(decoded([Buffer.from("a,b\nc,\xe9\n", "latin1")])).toEqual({
      error: expect.stringMatching(/^input\.csv: line 2: not UTF-8 \(byte 0xe9\); save the file as UTF-8/),
    });
    const euro = Buffer.from("€", "utf8");
    expect(decoded([Buffer.from("x\n"), euro.subarray(0, 2)])).toEqual({
      error: expect.stringMatching(/^input\.csv: line 2: not UTF-8; /),
    });
    expect(decoded([Buffer.from("x\n"), euro.subarray(0, 1), euro.subarray(1)])).toEqual({ text: "x\n€" });
  });
});
