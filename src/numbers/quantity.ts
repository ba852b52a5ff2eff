/**
 * Datasheet figures with an optional unit: "989.4", "989.4 TFLOPS",
 * "1.979 PFLOPS", "8.14 cm^2", "3.35 TB/s", "1830 MHz".
 *
 * The number part goes through the one decimal grammar (`parseDecimal`); the
 * unit scales it by an exact power of ten into the field's own unit. A unit of
 * the wrong kind ("814 GHz" for an area) is an error, never ignored.
 */
import { DecimalSyntaxError, parseDecimal, Rational } from "./rational.js";

export type Dimension = "throughput" | "area" | "bandwidth" | "clock" | "plain";

/** Each dimension's base unit (what a bare number means) and its accepted units as exact factors to it. */
const UNITS: Record<Dimension, { base: string; factors: Record<string, Rational> }> = {
  throughput: {
    base: "TOPS",
    factors: Object.fromEntries(
      (
        [
          ["G", Rational.of(1n, 1000n)],
          ["T", Rational.ONE],
          ["P", Rational.of(1000n)],
        ] as const
      ).flatMap(([prefix, factor]) =>
        ["OPS", "FLOPS", "OP/s", "FLOP/s", "IOPS"].map((unit) => [`${prefix}${unit}`.toLowerCase(), factor] as const),
      ),
    ),
  },
  area: {
    base: "mm²",
    factors: {
      mm2: Rational.ONE,
      "mm^2": Rational.ONE,
      "mm²": Rational.ONE,
      cm2: Rational.of(100n),
      "cm^2": Rational.of(100n),
      "cm²": Rational.of(100n),
    },
  },
  bandwidth: {
    base: "GB/s",
    factors: { "mb/s": Rational.of(1n, 1000n), "gb/s": Rational.ONE, "tb/s": Rational.of(1000n) },
  },
  clock: {
    base: "GHz",
    factors: { mhz: Rational.of(1n, 1000n), ghz: Rational.ONE },
  },
  plain: { base: "", factors: {} },
};

/** A number (digits, point, exponent) then, after at most one space, a unit that starts with a letter. */
const WITH_UNIT = /^(\d[\d.]*(?:[eE][+-]?\d+)?) ?([A-Za-zµ]\S*)$/;

/**
 * Parses a figure in `dimension`'s base unit, with an optional unit suffix.
 * Throws `DecimalSyntaxError` with a reason that lists the accepted units.
 *
 * @example parseQuantity("8.14 cm^2", "area").toExactString() === "814"
 * @example parseQuantity("1.979 PFLOPS", "throughput").toExactString() === "1979"
 */
export function parseQuantity(text: string, dimension: Dimension): Rational {
  const { base, factors } = UNITS[dimension];
  const match = dimension === "plain" ? null : WITH_UNIT.exec(text);
  if (!match) return parseDecimal(text);
  const [, numberText = "", unitText = ""] = match;
  const factor = factors[unitText.toLowerCase()];
  // "1.979e3" is a bare number in exponent notation and "0x10" a malformed one, not a number with
  // a unit "e3" or "x10": the decimal grammar accepts the first and says what is wrong with the second.
  if (!factor && (/^[eE][+-]?\d+$/.test(unitText) || /^0[xXbBoO]/.test(text))) return parseDecimal(text);
  if (!factor) {
    const accepted = [...new Set(Object.keys(factors))].join(", ");
    throw new DecimalSyntaxError(
      text,
      `unit "${unitText}" is not a ${dimension} unit here; give ${base} or one of: ${accepted}`,
    );
  }
  try {
    return parseDecimal(numberText).mul(factor);
  } catch (error) {
    // Quote the figure as written, unit and all: "1.2.3 TOPS", not "1.2.3".
    if (!(error instanceof DecimalSyntaxError)) throw error;
    throw new DecimalSyntaxError(text, error.reason.replace(JSON.stringify(numberText), JSON.stringify(text)));
  }
}
