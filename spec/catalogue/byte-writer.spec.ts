/**
 * The byte writer (src/catalogue/byte-writer.ts) writes the UTF-8 of what the
 * text output writes: decimals digit by digit as `scaledDecimalText` writes
 * them, slices of any text (ASCII copied code by code, the rest encoded), and
 * pieces in order across `take`.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ByteWriter, encoded, TextOutput } from "../../src/catalogue/byte-writer.js";
import { scaledDecimalText } from "../../src/numbers/safe-decimal.js";

const decoder = new TextDecoder("utf-8", { fatal: true });

/** Safe integers, with the edges of the writer's two ways of dividing by ten (2^31) and of exactness (2^53). */
const digits = fc.oneof(
  fc.integer({ min: 0, max: 2 ** 31 + 10 }),
  fc.constantFrom(0, 9, 10, 100, 2 ** 31 - 1, 2 ** 31, 2 ** 31 + 1, 2 ** 53 - 1, 2 ** 53 - 10, 10 ** 15),
  fc.maxSafeNat(),
);

type Step =
  | { kind: "decimal"; digits: number; scale: number }
  | { kind: "slice"; text: string; start: number; end: number }
  | { kind: "text"; text: string }
  | { kind: "comma" }
  | { kind: "take" };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("decimal" as const), digits, scale: fc.integer({ min: 0, max: 15 }) }),
  // Text as the decoders give it (well-formed: no lone surrogate), sliced between code points, as lines are.
  fc
    .tuple(fc.array(fc.string({ unit: "binary", minLength: 1, maxLength: 1 }), { maxLength: 20 }), fc.nat(), fc.nat())
    .map(([chars, a, b]) => {
      const first = a % (chars.length + 1);
      const last = first + (b % (chars.length - first + 1));
      const offset = (k: number) => chars.slice(0, k).join("").length;
      return { kind: "slice" as const, text: chars.join(""), start: offset(first), end: offset(last) };
    }),
  fc.record({ kind: fc.constant("text" as const), text: fc.string({ unit: "grapheme", maxLength: 10 }) }),
  fc.constant({ kind: "comma" as const }),
  fc.constant({ kind: "take" as const }),
);

describe("the byte writer", () => {
  it("writes a decimal as scaledDecimalText writes it", () => {
    fc.assert(
      fc.property(digits, fc.integer({ min: 0, max: 15 }), (value, scale) => {
        const writer = new ByteWriter(8);
        writer.decimal(value, scale);
        expect(decoder.decode(writer.take())).toBe(scaledDecimalText(value, scale));
      }),
      { numRuns: 5000 },
    );
    const writer = new ByteWriter();
    for (const [value, scale] of [
      [0, 0],
      [0, 6],
      [5, 3],
      [72521384, 6],
      [17804, 0],
      [1000000, 6],
      [2 ** 53 - 1, 15],
    ] as const) {
      writer.decimal(value, scale);
      writer.comma();
    }
    expect(decoder.decode(writer.take())).toBe("0,0,0.005,72.521384,17804,1,9.007199254740991,");
  });

  it("writes the UTF-8 of what the text output writes, in order across takes, growing as it must", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const bytes = new ByteWriter(4);
        const text = new TextOutput();
        const pieces: Uint8Array[] = [];
        let written = "";
        for (const s of steps) {
          for (const out of [bytes, text]) {
            if (s.kind === "decimal") out.decimal(s.digits, s.scale);
            else if (s.kind === "slice") out.slice(s.text, s.start, s.end);
            else if (s.kind === "text") out.encoded(encoded(s.text));
            else if (s.kind === "comma") out.comma();
          }
          if (s.kind === "take") {
            pieces.push(bytes.take());
            written += text.take();
          }
        }
        pieces.push(bytes.take());
        written += text.take();
        expect(Buffer.concat(pieces)).toEqual(Buffer.from(written, "utf8"));
      }),
      { numRuns: 1000 },
    );
  });
});
