/**
 * Exact decimals held as safe integers, for the catalogue's hot path.
 *
 * A plain decimal such as "989.4" with at most 15 significant digits is the
 * integer 9894 over 10^1. Integers below 2^53 are exact in a double, and the
 * product of two of them is exact whenever the true product is below 2^53:
 * doubles round monotonically and 2^53 is representable, so a true product at
 * or above 2^53 rounds to at least 2^53 and is caught. Every operation here
 * checks that and answers `undefined` when it cannot be exact; the caller then
 * takes the BigInt path (`Rational`). Nothing here rounds.
 */

/** `digits / 10^scale`, both non-negative safe integers. */
export interface SafeDecimal {
  readonly digits: number;
  readonly scale: number;
}

const MAX_SIGNIFICANT = 15;
const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * "989.4" → {digits: 9894, scale: 1}. Only the plain form of the decimal
 * grammar (digits, optional point and digits; no exponent, unit, sign or
 * space), up to 15 digits; anything else is `undefined`, for the full parser.
 */
export function parseSafeDecimal(text: string): SafeDecimal | undefined {
  const out = { digits: 0, scale: 0 };
  return readSafeDecimal(text, 0, text.length, out) ? out : undefined;
}

/** {@link parseSafeDecimal} of `text.slice(start, end)`, written into `out` without allocating; false when it is none. */
export function readSafeDecimal(
  text: string,
  start: number,
  end: number,
  out: { digits: number; scale: number },
): boolean {
  let digits = 0;
  let count = 0;
  let scale = 0;
  let point = -1;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      // At most 15 digits, so `digits` stays below 10^15 < 2^53 and every step is exact.
      if (++count > MAX_SIGNIFICANT) return false;
      digits = digits * 10 + (code - 48);
      if (point >= 0) scale++;
    } else if (code === 46 && point < 0 && i > start) point = i;
    else return false;
  }
  // Digits on both sides of the point, as the decimal grammar requires.
  if (count === 0 || point === end - 1) return false;
  out.digits = digits;
  out.scale = scale;
  return true;
}

/** The exact product of safe integers, or undefined when it would reach 2^53. */
export function safeProduct(a: number, b: number, c = 1): number | undefined {
  const product = a * b;
  if (product > Number.MAX_SAFE_INTEGER) return undefined;
  const whole = product * c;
  return whole > Number.MAX_SAFE_INTEGER ? undefined : whole;
}

export function pow10(exponent: number): number | undefined {
  return POW10[exponent];
}

/** Compares two safe integers: -1, 0 or 1; undefined when either is undefined. */
export function compareSafe(left: number | undefined, right: number | undefined): -1 | 0 | 1 | undefined {
  if (left === undefined || right === undefined) return undefined;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Compares a and b exactly (undefined when that needs more than 2^53). */
export function compareSafeDecimals(a: SafeDecimal, b: SafeDecimal): -1 | 0 | 1 | undefined {
  return compareScaled(a.digits, a.scale, b.digits, b.scale);
}

/** {@link compareSafeDecimals} of aDigits / 10^aScale and bDigits / 10^bScale. */
export function compareScaled(
  aDigits: number,
  aScale: number,
  bDigits: number,
  bScale: number,
): -1 | 0 | 1 | undefined {
  const scale = Math.max(aScale, bScale);
  return compareSafe(safeProduct(aDigits, POW10[scale - aScale]!), safeProduct(bDigits, POW10[scale - bScale]!));
}

/** `a × n` for a whole number n, or undefined. */
export function timesInteger(a: SafeDecimal, n: number): SafeDecimal | undefined {
  const digits = safeProduct(a.digits, n);
  return digits === undefined ? undefined : { digits, scale: a.scale };
}

/** The exact decimal text, as `Rational.toExactString` writes it ("4108.48", "15832", "0"). */
export function safeDecimalText(a: SafeDecimal): string {
  return scaledText(a.digits, a.scale);
}

/** {@link safeDecimalText} of digits / 10^scale. */
export function scaledDecimalText(digits: number, scale: number): string {
  return scaledText(digits, scale);
}

/**
 * `numerator / denominator` (safe integers, denominator positive) truncated
 * toward zero to `places` decimals, as `Rational.toTruncatedDecimal` writes it.
 * One BigInt division when the scaled numerator would pass 2^53.
 */
export function truncatedQuotientText(numerator: number, denominator: number, places: number): string {
  const quotient = truncatedQuotient(numerator, denominator, places);
  return quotient === undefined ? bigQuotientText(numerator, denominator, places) : scaledText(quotient, places);
}

/**
 * `numerator × 10^places ÷ denominator` (safe integers, denominator positive) truncated toward zero, exactly: the
 * digits of {@link truncatedQuotientText}. Undefined when the quotient itself passes 2^53.
 */
export function truncatedQuotient(numerator: number, denominator: number, places: number): number | undefined {
  const scaled = safeProduct(numerator, POW10[places]!);
  if (scaled !== undefined) {
    // The float quotient can be off by one near an integer; correct it exactly.
    const quotient = Math.floor(scaled / denominator);
    const low = safeProduct(quotient, denominator);
    const high = safeProduct(quotient + 1, denominator);
    if (low !== undefined && high !== undefined)
      return low > scaled ? quotient - 1 : high <= scaled ? quotient + 1 : quotient;
  }
  const quotient = (BigInt(numerator) * 10n ** BigInt(places)) / BigInt(denominator);
  return quotient > BigInt(Number.MAX_SAFE_INTEGER) ? undefined : Number(quotient);
}

/** Whether `quotient` (from {@link truncatedQuotient}) is all of `numerator × 10^places ÷ denominator`. */
export function isWholeQuotient(numerator: number, denominator: number, places: number, quotient: number): boolean {
  const scaled = safeProduct(numerator, POW10[places]!);
  const back = safeProduct(quotient, denominator);
  if (scaled !== undefined && back !== undefined) return scaled === back;
  return BigInt(numerator) * 10n ** BigInt(places) === BigInt(quotient) * BigInt(denominator);
}

/** `value / 10^scale` (a safe integer) as decimal text, trailing zeros of the fraction dropped. */
function safeScaledText(value: number, scale: number): string {
  let digits = value;
  let places = scale;
  // Exact: a safe integer divisible by 10 divides into a safe integer.
  while (places > 0 && digits % 10 === 0) {
    digits /= 10;
    places--;
  }
  const text = String(digits);
  if (places === 0) return text;
  const point = text.length - places;
  return point > 0 ? `${text.slice(0, point)}.${text.slice(point)}` : `0.${"0".repeat(-point)}${text}`;
}

function bigQuotientText(numerator: number, denominator: number, places: number): string {
  const quotient = (BigInt(numerator) * 10n ** BigInt(places)) / BigInt(denominator);
  return scaledText(quotient, places);
}

/** `value / 10^scale` as decimal text with trailing zeros dropped. */
function scaledText(value: number | bigint, scale: number): string {
  if (scale === 0) return String(value);
  if (typeof value === "number") return safeScaledText(value, scale);
  const text = String(value).padStart(scale + 1, "0");
  const whole = text.slice(0, text.length - scale);
  const fraction = text.slice(text.length - scale).replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : whole;
}
