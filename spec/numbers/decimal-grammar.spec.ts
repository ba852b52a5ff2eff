/**
 * The one decimal grammar (`parseDecimal`): every datasheet figure passes
 * through it once, into an exact Rational. Malformed figures are refused with
 * a reason that says what would be right; nothing is coerced.
 */
import { describe, expect, it } from "vitest";
import {
  DecimalSyntaxError,
  MAX_DECIMAL_EXPONENT,
  MAX_DECIMAL_LENGTH,
  parseDecimal,
  Rational,
} from "../../src/numbers/rational.js";

function reasonFor(text: string): string {
  try {
    parseDecimal(text);
  } catch (error) {
    expect(error).toBeInstanceOf(DecimalSyntaxError);
    return (error as DecimalSyntaxError).reason;
  }
  throw new Error(`${JSON.stringify(text)} was accepted`);
}

describe("valid forms", () => {
  it.each([
    ["0", "0"],
    ["4800", "4800"],
    ["989.4", "989.4"],
    ["0.1", "0.1"],
    ["00012.50", "12.5"],
    ["1.979e3", "1979"],
    ["1979E-3", "1.979"],
    ["5.92e+0", "5.92"],
    ["513.56", "513.56"],
  ])("%s is exactly %s", (text, exact) => {
    expect(parseDecimal(text).toExactString()).toBe(exact);
  });

  it("keeps every digit of a long figure", () => {
    const text = `4799.${"9".repeat(80)}`;
    expect(parseDecimal(text).toExactString()).toBe(text);
  });

  it(`accepts exponents up to ±${MAX_DECIMAL_EXPONENT}`, () => {
    expect(parseDecimal(`1e${MAX_DECIMAL_EXPONENT}`).eq(Rational.of(10n ** BigInt(MAX_DECIMAL_EXPONENT)))).toBe(true);
    expect(parseDecimal(`1e-${MAX_DECIMAL_EXPONENT}`).eq(Rational.of(1n, 10n ** BigInt(MAX_DECIMAL_EXPONENT)))).toBe(
      true,
    );
  });
});

describe("malformed figures are refused, saying what would be right", () => {
  it.each([
    ["1,979", /thousands separator; write "1979"/],
    ["1,979.5", /thousands separator; write "1979.5"/],
    ["989,4", /decimal comma; write "989.4"/],
    ["-3", /negative; datasheet figures are zero or more/],
    ["+3", /has a sign; write the digits only, e.g. "3"/],
    ["NaN", /not a number; give a finite decimal/],
    ["Infinity", /not a number; give a finite decimal/],
    ["-Infinity", /negative|not a number/],
    ["", /is empty; give a decimal such as "989.4"/],
    [" 5", /leading or trailing spaces; give the digits only/],
    ["5 ", /leading or trailing spaces/],
    ["5.", /needs digits on both sides of the point, e.g. "0.5" or "5"/],
    [".5", /needs digits on both sides of the point/],
    ["0x10", /is not a decimal; give digits with an optional point and exponent/],
    ["1e999", new RegExp(`exponent 999 is out of range \\(at most ±${MAX_DECIMAL_EXPONENT}\\)`)],
    ["1e-31", /exponent -31 is out of range/],
    ["1.2.3", /is not a decimal/],
    ["5 TFLOPS", /is not a decimal/],
    ["1_000", /is not a decimal/],
    ["١٢", /is not a decimal/],
  ])("%j", (text, reason) => {
    expect(reasonFor(text)).toMatch(reason);
  });

  it(`refuses a figure longer than ${MAX_DECIMAL_LENGTH} characters`, () => {
    expect(reasonFor("9".repeat(MAX_DECIMAL_LENGTH + 1))).toMatch(`longer than ${MAX_DECIMAL_LENGTH} characters`);
    expect(parseDecimal("9".repeat(MAX_DECIMAL_LENGTH)).toExactString()).toBe("9".repeat(MAX_DECIMAL_LENGTH));
  });

  it("keeps the text it refused, and its message is the reason", () => {
    const error = (() => {
      try {
        parseDecimal("1,979");
      } catch (e) {
        return e as DecimalSyntaxError;
      }
      return undefined;
    })();
    expect(error?.text).toBe("1,979");
    expect(error?.message).toBe(error?.reason);
  });
});

describe("exactness", () => {
  it("0.1 + 0.2 is exactly 0.3 (in floats it is not)", () => {
    expect(0.1 + 0.2 === 0.3).toBe(false);
    expect(parseDecimal("0.1").add(parseDecimal("0.2")).eq(parseDecimal("0.3"))).toBe(true);
  });

  it("5.919999999999999 stays below 5.92 (a fraction built from the float would not)", () => {
    const justBelow = parseDecimal("5.919999999999999");
    expect(justBelow.lt(parseDecimal("5.92"))).toBe(true);
    expect(justBelow.toExactString()).toBe("5.919999999999999");
    expect(parseDecimal("5.92").sub(justBelow).eq(parseDecimal("1e-15"))).toBe(true);
  });

  it("7916/407 is not a terminating decimal and stays a fraction", () => {
    const pd = parseDecimal("15832").div(parseDecimal("814"));
    expect(pd.toExactString()).toBe("7916/407");
    expect(pd.toFractionString()).toBe("7916/407");
  });
});

describe("truncation never rounds up (toTruncatedDecimal)", () => {
  it.each([
    ["7916/407", 6, "19.449631"], // 19.4496314...
    ["2/3", 6, "0.666666"], // rounding would give 0.666667
    ["5919999999/1000000000", 6, "5.919999"], // rounding would show 5.92
    ["59199999999999/10000000000000", 6, "5.919999"],
    ["5.92", 6, "5.92"],
    ["4800", 6, "4800"],
    ["1/3", 0, "0"],
  ])("%s to %i decimals is %s", (fraction, digits, shown) => {
    const [num, den = "1"] = fraction.split("/");
    const value = parseDecimal(num!).div(parseDecimal(den));
    expect(value.toTruncatedDecimal(digits)).toBe(shown);
  });

  it("a value just below a threshold is never displayed at the threshold", () => {
    const justBelow = parseDecimal("5.92").sub(parseDecimal("1e-12"));
    const shown = parseDecimal(justBelow.toTruncatedDecimal(6));
    expect(shown.lt(parseDecimal("5.92"))).toBe(true);
    expect(shown.lte(justBelow)).toBe(true);
  });
});

describe("Rational", () => {
  it("normalises sign and common factors", () => {
    const r = Rational.of(-6n, -4n);
    expect([r.num, r.den]).toEqual([3n, 2n]);
    expect(Rational.of(6n, -4n).toFractionString()).toBe("-3/2");
  });

  it("refuses a zero denominator and division by zero", () => {
    expect(() => Rational.of(1n, 0n)).toThrow(RangeError);
    expect(() => Rational.ONE.div(Rational.ZERO)).toThrow(RangeError);
  });

  it("refuses a non-integer or unsafe JS number as an integer", () => {
    expect(() => Rational.integer(0.5)).toThrow(RangeError);
    expect(() => Rational.integer(2 ** 53)).toThrow(RangeError);
    expect(Rational.integer(8).toExactString()).toBe("8");
  });

  it("compares by cross-multiplication", () => {
    const a = parseDecimal("4799.999999999999");
    const b = parseDecimal("4800");
    expect([a.cmp(b), b.cmp(a), b.cmp(b)]).toEqual([-1, 1, 0]);
    expect(a.lt(b) && a.lte(b) && b.gt(a) && b.gte(a) && b.gte(b) && !b.gt(b)).toBe(true);
  });
});
