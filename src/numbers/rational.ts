/**
 * Exact rational numbers over BigInt, and the one decimal grammar that turns a
 * datasheet figure into one.
 *
 * Every threshold decision in this package compares two `Rational`s by
 * cross-multiplication. Nothing here accepts a JS `number` as a source of
 * exact value: a float such as 5.919999999999999 has already lost the
 * datasheet's digits before any fraction library could see them.
 */
import { QuietError } from "../input/quiet-error.js";

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  // Integers below 2^53 are exact as doubles, and so is every remainder of
  // them: Euclid there is exact and many times faster than on BigInt.
  if (a <= SAFE && b <= SAFE) return BigInt(smallGcd(Number(a), Number(b)));
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function smallGcd(a: number, b: number): number {
  while (b !== 0) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}

const TEN = 10n;

export class Rational {
  /** Numerator; carries the sign. */
  readonly num: bigint;
  /** Denominator; always positive and coprime with `num`. */
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    this.num = num;
    this.den = den;
  }

  /** `num / den`, normalised. Throws on a zero denominator. */
  static of(num: bigint, den: bigint = 1n): Rational {
    if (den === 0n) throw new RangeError("Rational with a zero denominator");
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    const g = gcd(num, den);
    return g === 1n || g === 0n ? new Rational(num, den) : new Rational(num / g, den / g);
  }

  static readonly ZERO = Rational.of(0n);
  static readonly ONE = Rational.of(1n);

  /** An integer given as a bigint or a safe JS integer (counts, never measurements). */
  static integer(value: bigint | number): Rational {
    if (typeof value === "number" && !Number.isSafeInteger(value)) {
      throw new RangeError(`${value} is not a safe integer`);
    }
    return Rational.of(BigInt(value));
  }

  add(other: Rational): Rational {
    if (this.den === other.den) return Rational.of(this.num + other.num, this.den);
    return Rational.of(this.num * other.den + other.num * this.den, this.den * other.den);
  }

  sub(other: Rational): Rational {
    return this.add(other.neg());
  }

  neg(): Rational {
    return new Rational(-this.num, this.den);
  }

  mul(other: Rational): Rational {
    return Rational.of(this.num * other.num, this.den * other.den);
  }

  /** Throws a RangeError when `other` is zero. */
  div(other: Rational): Rational {
    if (other.num === 0n) throw new RangeError("division by zero");
    return Rational.of(this.num * other.den, this.den * other.num);
  }

  /** -1, 0 or 1, by cross-multiplication (denominators are positive). */
  cmp(other: Rational): -1 | 0 | 1 {
    const left = this.num * other.den;
    const right = other.num * this.den;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  eq(other: Rational): boolean {
    return this.num === other.num && this.den === other.den;
  }
  lt(other: Rational): boolean {
    return this.cmp(other) < 0;
  }
  lte(other: Rational): boolean {
    return this.cmp(other) <= 0;
  }
  gt(other: Rational): boolean {
    return this.cmp(other) > 0;
  }
  gte(other: Rational): boolean {
    return this.cmp(other) >= 0;
  }

  isZero(): boolean {
    return this.num === 0n;
  }

  isInteger(): boolean {
    return this.den === 1n;
  }

  static max(first: Rational, ...rest: Rational[]): Rational {
    return rest.reduce((best, r) => (r.gt(best) ? r : best), first);
  }

  static sum(values: Iterable<Rational>): Rational {
    let total = Rational.ZERO;
    for (const v of values) total = total.add(v);
    return total;
  }

  /** "7916/407", or "15832" for an integer. */
  toFractionString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }

  /**
   * The value as a decimal string when it terminates ("989.4", "15832"),
   * otherwise as a fraction ("7916/407"). Never rounded.
   */
  toExactString(): string {
    if (this.den === 1n) return this.num.toString();
    let rest = this.den;
    let twos = 0;
    let fives = 0;
    while (rest % 2n === 0n) {
      rest /= 2n;
      twos++;
    }
    while (rest % 5n === 0n) {
      rest /= 5n;
      fives++;
    }
    if (rest !== 1n) return this.toFractionString();
    const digits = Math.max(twos, fives);
    const scaled = (this.num * TEN ** BigInt(digits)) / this.den;
    return formatScaled(scaled, digits);
  }

  /**
   * The value truncated toward zero to `digits` decimals, trailing zeros removed
   * ("19.449631" for 7916/407 at 6 digits). Truncation, never rounding, so a
   * displayed value never crosses a threshold that the exact value does not.
   */
  toTruncatedDecimal(digits: number): string {
    const scaled = (this.num * TEN ** BigInt(digits)) / this.den;
    return formatScaled(scaled, digits);
  }

  /**
   * An approximate JS number, for drawing and sorting only (plots, tables).
   * Never use it to decide anything.
   */
  toApproximateNumber(): number {
    return Number.parseFloat(this.toTruncatedDecimal(17));
  }

  toString(): string {
    return this.toExactString();
  }

  toJSON(): string {
    return this.toExactString();
  }
}

/** `scaled / 10^digits` as a decimal string, trailing zeros dropped. */
function formatScaled(scaled: bigint, digits: number): string {
  const negative = scaled < 0n;
  const magnitude = (negative ? -scaled : scaled).toString().padStart(digits + 1, "0");
  const whole = magnitude.slice(0, magnitude.length - digits);
  const fraction = magnitude.slice(magnitude.length - digits).replace(/0+$/, "");
  const text = fraction ? `${whole}.${fraction}` : whole;
  return negative && text !== "0" ? `-${text}` : text;
}

/** Thrown by `parseDecimal`; `reason` says what would be right. */
export class DecimalSyntaxError extends QuietError {
  constructor(
    readonly text: string,
    readonly reason: string,
  ) {
    super(reason);
    this.name = "DecimalSyntaxError";
  }
}

/** The longest figure accepted, in characters; no datasheet needs more. */
export const MAX_DECIMAL_LENGTH = 100;
/** The largest exponent accepted in "1.979e3" notation. */
export const MAX_DECIMAL_EXPONENT = 30;

const DECIMAL = /^(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/**
 * Parses a non-negative decimal figure such as "989.4", "4800", "0.1" or
 * "1.979e3" into an exact Rational.
 *
 * Rejects, with a reason that says what would be right: an empty string,
 * spaces, thousands separators ("1,979"), a decimal comma ("989,4"), a sign
 * ("-3", "+3"), "NaN", "Infinity", hexadecimal, a bare "." or "5.", and
 * anything longer than {@link MAX_DECIMAL_LENGTH} characters.
 *
 * @example parseDecimal("513.56").toExactString() === "513.56"
 */
export function parseDecimal(text: string): Rational {
  const match = text.length <= MAX_DECIMAL_LENGTH ? DECIMAL.exec(text) : null;
  if (!match) throw new DecimalSyntaxError(text, explainBadDecimal(text));
  const [, whole, fraction = "", exponentText] = match;
  const exponent = exponentText === undefined ? 0 : Number.parseInt(exponentText, 10);
  if (Math.abs(exponent) > MAX_DECIMAL_EXPONENT) {
    throw new DecimalSyntaxError(text, `exponent ${exponentText} is out of range (at most ±${MAX_DECIMAL_EXPONENT})`);
  }
  const digits = BigInt(`${whole}${fraction}`);
  const scale = exponent - fraction.length;
  return scale >= 0 ? Rational.of(digits * TEN ** BigInt(scale)) : Rational.of(digits, TEN ** BigInt(-scale));
}

function explainBadDecimal(text: string): string {
  const quoted = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  if (text === "") return 'is empty; give a decimal such as "989.4"';
  if (text.length > MAX_DECIMAL_LENGTH) return `is longer than ${MAX_DECIMAL_LENGTH} characters`;
  if (/^\s|\s$/.test(text)) return `${quoted} has leading or trailing spaces; give the digits only, e.g. "989.4"`;
  if (/^[+-]/.test(text)) {
    return text.startsWith("-")
      ? `${quoted} is negative; datasheet figures are zero or more`
      : `${quoted} has a sign; write the digits only, e.g. "${text.slice(1)}"`;
  }
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) {
    return `${quoted} has a thousands separator; write "${text.replace(/,/g, "")}"`;
  }
  if (/^\d+,\d+$/.test(text)) return `${quoted} uses a decimal comma; write "${text.replace(",", ".")}"`;
  if (/^(nan|[+-]?inf(inity)?)$/i.test(text)) return `${quoted} is not a number; give a finite decimal such as "989.4"`;
  if (/^\d+\.$|^\.\d+$/.test(text)) return `${quoted} needs digits on both sides of the point, e.g. "0.5" or "5"`;
  return `${quoted} is not a decimal; give digits with an optional point and exponent, e.g. "989.4" or "1.979e3"`;
}
