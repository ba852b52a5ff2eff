/**
 * Unit suffixes on figures ("989.4 TFLOPS", "8.14 cm^2"), checked against
 * mathjs as an independent oracle: mathjs in Fraction mode, with its unit
 * values built from Fraction strings (never from floats), converts each
 * figure to the field's base unit, and the core must agree exactly.
 */
import { all, create, type Fraction, type Unit } from "mathjs";
import { describe, expect, it } from "vitest";
import { type Dimension, parseQuantity } from "../../src/numbers/quantity.js";
import { DecimalSyntaxError, type Rational } from "../../src/numbers/rational.js";

const math = create(all!, { number: "Fraction" });
// mathjs has no operations-per-second unit; define one with the SI short prefixes (G, T, P).
math.createUnit("OPS", { aliases: ["FLOPS", "IOPS"], prefixes: "short" });

/** The oracle: `number unit` converted to `base` by mathjs, as an exact fraction. */
function oracle(numberText: string, unit: string, base: string): Fraction {
  const value: Unit = math.unit(math.fraction(numberText), unit);
  return value.toNumeric(base) as Fraction;
}

function sameValue(core: Rational, expected: Fraction): boolean {
  return core.num === BigInt(expected.s) * BigInt(expected.n) && core.den === BigInt(expected.d);
}

const CASES: { dimension: Dimension; base: string; cases: [string, string, string][] }[] = [
  {
    dimension: "throughput",
    base: "TOPS",
    cases: [
      ["989.4", "TFLOPS", "TFLOPS"],
      ["1.979", "PFLOPS", "PFLOPS"],
      ["7", "GOPS", "GOPS"],
      ["624", "TOPS", "TOPS"],
      ["0.3", "PFLOPS", "PFLOPS"],
      ["513.56", "TIOPS", "TIOPS"],
    ],
  },
  {
    dimension: "area",
    base: "mm^2",
    cases: [
      ["8.14", "cm^2", "cm^2"],
      ["814", "mm^2", "mm^2"],
      ["6.09", "cm2", "cm^2"],
      ["826", "mm2", "mm^2"],
    ],
  },
  {
    dimension: "bandwidth",
    base: "GB/s",
    cases: [
      ["3.35", "TB/s", "TB/s"],
      ["819.2", "GB/s", "GB/s"],
      ["1229", "MB/s", "MB/s"],
    ],
  },
  {
    dimension: "clock",
    base: "GHz",
    cases: [
      ["1830", "MHz", "MHz"],
      ["1.83", "GHz", "GHz"],
      ["1755", "MHz", "MHz"],
    ],
  },
];

describe("parseQuantity agrees exactly with mathjs (Fraction mode)", () => {
  for (const { dimension, base, cases } of CASES) {
    describe(dimension, () => {
      it.each(cases)(`%s %s in ${base}`, (numberText, coreUnit, mathjsUnit) => {
        const core = parseQuantity(`${numberText} ${coreUnit}`, dimension);
        const expected = oracle(numberText, mathjsUnit, base);
        expect(sameValue(core, expected), `${core.toFractionString()} vs ${expected.toFraction()}`).toBe(true);
      });
    });
  }

  it("without a space before the unit, and in any letter case", () => {
    expect(parseQuantity("989.4TFLOPS", "throughput").toExactString()).toBe("989.4");
    expect(parseQuantity("1.979 pflops", "throughput").toExactString()).toBe("1979");
    expect(parseQuantity("3.35 tb/s", "bandwidth").toExactString()).toBe("3350");
  });

  it("a bare number is in the base unit", () => {
    expect(parseQuantity("814", "area").toExactString()).toBe("814");
    expect(parseQuantity("1.83", "clock").toExactString()).toBe("1.83");
  });

  it("a unit does not bring floats in: 0.1 PFLOPS + 0.2 PFLOPS is exactly 300 TFLOPS", () => {
    const sum = parseQuantity("0.1 PFLOPS", "throughput").add(parseQuantity("0.2 PFLOPS", "throughput"));
    expect(sum.eq(parseQuantity("300 TFLOPS", "throughput"))).toBe(true);
  });
});

describe("units of the wrong kind are refused, listing what is accepted", () => {
  it.each([
    ["814 GHz", "area", /unit "GHz" is not a area unit here; give mm² or one of: mm2, mm\^2/],
    ["989.4 mm^2", "throughput", /unit "mm\^2" is not a throughput unit here; give TOPS or one of: .*tflops/],
    ["3.35 TFLOPS", "bandwidth", /not a bandwidth unit here; give GB\/s/],
    ["1830 MB/s", "clock", /not a clock unit here; give GHz or one of: mhz, ghz/],
    ["8.14 m^2", "area", /unit "m\^2" is not a area unit/],
    ["5 TB", "bandwidth", /unit "TB" is not a bandwidth unit/],
  ] as const)("%s as %s", (text, dimension, reason) => {
    let thrown: unknown;
    try {
      parseQuantity(text, dimension);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DecimalSyntaxError);
    expect((thrown as DecimalSyntaxError).reason).toMatch(reason);
  });

  it("a plain figure (MACs per cycle) takes no unit at all", () => {
    expect(() => parseQuantity("540672 MACs", "plain")).toThrow(DecimalSyntaxError);
  });

  it('regression: exponent notation is a bare number, not a unit "e3" (it was refused in every field with units)', () => {
    expect(parseQuantity("1.979e3", "throughput").toExactString()).toBe("1979");
    expect(parseQuantity("8.14e2", "area").toExactString()).toBe("814");
    expect(parseQuantity("1.979e3 TFLOPS", "throughput").toExactString()).toBe("1979");
  });

  it('regression: "1e999" and "0x10" get the decimal grammar\'s reason, not "unit e999 / x10"', () => {
    expect(() => parseQuantity("1e999", "throughput")).toThrow(/exponent 999 is out of range/);
    expect(() => parseQuantity("0x10", "area")).toThrow(/"0x10" is not a decimal/);
  });

  it("the number part still goes through the decimal grammar", () => {
    expect(() => parseQuantity("1,979 TFLOPS", "throughput")).toThrow(/thousands separator|not a decimal/);
    expect(() => parseQuantity("5. TFLOPS", "throughput")).toThrow(DecimalSyntaxError);
  });
});
