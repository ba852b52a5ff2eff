/**
 * The safe-integer decimals of the catalogue's fast path agree with the exact
 * BigInt rationals wherever they answer, and refuse (undefined) rather than
 * round where 2^53 would be passed.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareSafeDecimals,
  parseSafeDecimal,
  safeDecimalText,
  safeProduct,
  truncatedQuotient,
  truncatedQuotientText,
  isWholeQuotient,
} from "../../src/numbers/safe-decimal.js";
import { parseDecimal, Rational } from "../../src/numbers/rational.js";

/** Plain decimals of at most 15 digits: up to 9 before the point and 6 after, leading zeros included. */
const decimalText = fc
  .tuple(fc.nat(999_999_999), fc.integer({ min: 0, max: 6 }), fc.nat(999_999), fc.boolean())
  .map(([whole, places, fraction, padded]) => {
    const wholeText = padded ? String(whole).padStart(9, "0") : String(whole);
    return places === 0 ? wholeText : `${wholeText}.${String(fraction % 10 ** places).padStart(places, "0")}`;
  });

describe("parseSafeDecimal", () => {
  it("reads plain decimals exactly as parseDecimal does", () => {
    fc.assert(
      fc.property(decimalText, (text) => {
        const safe = parseSafeDecimal(text);
        expect(safe).toBeDefined();
        expect(Rational.of(BigInt(safe!.digits), 10n ** BigInt(safe!.scale)).eq(parseDecimal(text))).toBe(true);
        expect(safeDecimalText(safe!)).toBe(parseDecimal(text).toExactString());
      }),
    );
  });

  it("leaves everything else to the full grammar: signs, exponents, units, separators, bare points, over 15 digits", () => {
    for (const text of [
      "",
      "-3",
      "+3",
      "1e3",
      "1.979e3",
      "989.4 TFLOPS",
      "1,979",
      "989,4",
      ".5",
      "5.",
      "1.2.3",
      " 5",
      "NaN",
      "1234567890123456",
      "12345678901234.56",
    ]) {
      expect(parseSafeDecimal(text), text).toBeUndefined();
    }
    expect(parseSafeDecimal("123456789012345")).toEqual({ digits: 123456789012345, scale: 0 });
    // The limit counts every digit written, leading zeros included.
    expect(parseSafeDecimal("0.00000000000001")).toEqual({ digits: 1, scale: 14 });
    expect(parseSafeDecimal("0.000000000000001")).toBeUndefined();
  });
});

describe("safeProduct", () => {
  it("is exact below 2^53 and undefined at or past it", () => {
    expect(safeProduct(2 ** 26, 2 ** 26)).toBe(2 ** 52);
    expect(safeProduct(Number.MAX_SAFE_INTEGER, 1)).toBe(Number.MAX_SAFE_INTEGER);
    expect(safeProduct(2 ** 27, 2 ** 26)).toBeUndefined(); // exactly 2^53
    expect(safeProduct(94906267, 94906267)).toBeUndefined(); // 9007199515875289 > 2^53 - 1
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 0, max: 2 ** 20 }), (a, b) => {
        const product = safeProduct(a, b);
        const exact = BigInt(a) * BigInt(b);
        if (exact <= BigInt(Number.MAX_SAFE_INTEGER)) expect(BigInt(product!)).toBe(exact);
        else expect(product).toBeUndefined();
      }),
    );
  });
});

describe("compareSafeDecimals and truncatedQuotientText", () => {
  it("compare as the rationals do, at the edge and one place beyond", () => {
    const pairs: [string, string][] = [
      ["5.92", "5.92"],
      ["5.919999999999", "5.92"],
      ["5.920000000001", "5.92"],
      ["4800", "4799.99999999999"],
    ];
    for (const [a, b] of pairs) {
      expect(compareSafeDecimals(parseSafeDecimal(a)!, parseSafeDecimal(b)!)).toBe(
        parseDecimal(a).cmp(parseDecimal(b)),
      );
    }
  });

  it("truncate a quotient as Rational.toTruncatedDecimal does, including past 2^53 (BigInt)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 1, max: 2 ** 40 }),
        (numerator, denominator) => {
          expect(truncatedQuotientText(numerator, denominator, 6)).toBe(
            Rational.of(BigInt(numerator), BigInt(denominator)).toTruncatedDecimal(6),
          );
        },
      ),
    );
    // 513.56 × 8 / 694 is exactly 5.92, where a float division gives 5.919999999999999.
    expect(truncatedQuotientText(410848, 69400, 6)).toBe("5.92");
  });

  it("give the truncated quotient's digits and whether it is whole, exactly, on safe integers or BigInt", () => {
    const numerators = fc.oneof(
      fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
      fc.integer({ min: 0, max: 10 ** 6 }),
      fc.constantFrom(0, 410848, 9007199254, 9007199255, Number.MAX_SAFE_INTEGER),
    );
    const denominators = fc.oneof(fc.integer({ min: 1, max: 2 ** 40 }), fc.integer({ min: 1, max: 1000 }));
    fc.assert(
      fc.property(numerators, denominators, (numerator, denominator) => {
        const scaled = BigInt(numerator) * 10n ** 6n;
        const expected = scaled / BigInt(denominator);
        const quotient = truncatedQuotient(numerator, denominator, 6);
        if (expected > BigInt(Number.MAX_SAFE_INTEGER)) expect(quotient).toBeUndefined();
        else {
          expect(quotient).toBe(Number(expected));
          expect(isWholeQuotient(numerator, denominator, 6, quotient!)).toBe(scaled % BigInt(denominator) === 0n);
        }
      }),
    );
    // 5.92 exactly, and one part in 10^6 less.
    expect(truncatedQuotient(410848, 69400, 6)).toBe(5920000);
    expect(isWholeQuotient(410848, 69400, 6, 5920000)).toBe(true);
    expect(isWholeQuotient(410847, 69400, 6, truncatedQuotient(410847, 69400, 6)!)).toBe(false);
  });
});
