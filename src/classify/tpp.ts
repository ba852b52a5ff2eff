/**
 * # Technical Note 2 to 3A090.a and 3A090.b: 'total processing performance'
 *
 * > 1. 'Total processing performance' ('TPP') is 2 × 'MacTOPS' × 'bit length
 * > of the operation', aggregated over all processing units on the integrated
 * > circuit.
 * > a. For purposes of 3A090, 'MacTOPS' is the theoretical peak number of Tera
 * > (10^12) operations per second for multiply-accumulate computation
 * > (D = A × B + C).
 * > b. The 2 in the 'TPP' formula is based on industry convention of counting
 * > one multiply-accumulate computation, D = A × B + C, as 2 operations for
 * > purpose of datasheets. Therefore, 2 × MacTOPS may correspond to the
 * > reported TOPS or FLOPS on a datasheet.
 * > c. For purposes of 3A090, 'bit length of the operation' for a
 * > multiply-accumulate computation is the largest bit-length of the inputs to
 * > the multiply operation.
 * > d. Aggregate the TPPs for each processing unit on the integrated circuit to
 * > arrive at a total. 'TPP' = TPP1 + TPP2 + .... + TPPn (where n is the number
 * > of processing units on the integrated circuit).
 * > 2. [...] For integrated circuits that provide processing of multiple bit
 * > lengths, the highest 'TPP' value should be evaluated against parameters in
 * > 3A090.
 * > 3. For integrated circuits specially designed or modified for processing of
 * > both sparse and dense matrices, the 'TPP' values are the values for
 * > processing of dense matrices (e.g., without sparsity).
 *
 * The text does not say whether to sum each unit's highest TPP (possibly at
 * different bit lengths) or to take the highest of the per-format sums
 * (docs/ambiguities.md#a-8). Both are computed; the classifier uses the higher, the
 * sum of per-unit maxima, and warns when the two readings fall on different
 * sides of a threshold.
 */
import { Rational } from "../numbers/rational.js";
import type { NumberFormat, RuleSet } from "../rules/rules.js";
import { type IcDatasheet, type InputIssue, InvalidInputError, type Rate } from "./datasheet.js";

const TWO = Rational.integer(2);
const THOUSAND = Rational.integer(1000);
/** The dense/sparse ratio of 2:4 structured sparsity, the one datasheets usually mean. */
const HALF = Rational.ONE.div(TWO);

/** One rate of one unit, as counted. */
export interface CountedRate {
  /** JSON path of the rate, e.g. `units[0].rates[1]`. */
  readonly path: string;
  /** Canonical format name ("FP8"), or the name as given when the rate states its own bit length. */
  readonly format: string;
  readonly bitLength: Rational;
  /** Dense TOPS/TFLOPS = 2 × MacTOPS. */
  readonly denseTops: Rational;
  /** 2 × MacTOPS × bit length, for one copy of the unit. */
  readonly tpp: Rational;
  /** How the dense figure was obtained, in words. */
  readonly basis: string;
  /** Where the figure comes from, as the datasheet gives it (docs/ambiguities.md#a-19). */
  readonly source?: string;
  /** Alternative bit lengths that other readings give this format (TF32 as 19). */
  readonly alternatives: NumberFormat["alternatives"];
}

export interface CountedUnit {
  readonly name: string;
  readonly count: Rational;
  readonly rates: readonly CountedRate[];
  /** The rate with the highest TPP (Technical Note 2, 2). */
  readonly highest: CountedRate;
}

export interface TotalProcessingPerformance {
  /** Σ over units of count × the unit's highest TPP: the reading classified on. */
  readonly tpp: Rational;
  /** The other reading of A-8: the highest over formats of Σ count × TPP at that format. */
  readonly highestSummedFormat: { readonly format: string; readonly tpp: Rational };
  readonly units: readonly CountedUnit[];
  /** Σ count × highest dense TOPS, without bit length: the 3A991.p.1 measure. */
  readonly topsWithoutBitLength: Rational;
  /** TPP under each alternative bit-length reading that changes it (TF32 as 19 bits). */
  readonly alternativeReadings: readonly { readonly reading: string; readonly tpp: Rational }[];
  /** Sparse figures left aside because a dense figure for the same format was given. */
  readonly ignoredSparseRates: readonly string[];
  /** Rates converted with a stated dense/sparse ratio other than 1/2, to be named in a warning. */
  readonly unusualSparseRatios: readonly { readonly path: string; readonly ratio: Rational }[];
}

/**
 * TPP per Technical Note 2, exact.
 *
 * @throws InvalidInputError when a rate's format is not in the table in force
 * and the rate gives no `bitLength`, or gives a `bitLength` the table does not
 * give that format (`bitLengthAgreesWithTable`).
 */
export function totalProcessingPerformance(datasheet: IcDatasheet, rules: RuleSet): TotalProcessingPerformance {
  const issues: InputIssue[] = [];
  const ignoredSparseRates: string[] = [];
  const unusualSparseRatios: { path: string; ratio: Rational }[] = [];
  const units: CountedUnit[] = [];

  datasheet.units.forEach((unit, unitIndex) => {
    const rates: CountedRate[] = [];
    unit.rates.forEach((rate, rateIndex) => {
      const path = `units[${unitIndex}].rates[${rateIndex}]`;
      if (rate.sparse === true && rate.denseToSparseRatio === undefined) {
        ignoredSparseRates.push(`${path} (${rate.format} with sparsity)`);
        return;
      }
      const counted = countRate(rate, path, rules);
      if ("message" in counted) issues.push(counted);
      else rates.push(counted);
      if (rate.sparse === true && rate.denseToSparseRatio !== undefined && !rate.denseToSparseRatio.eq(HALF)) {
        unusualSparseRatios.push({ path, ratio: rate.denseToSparseRatio });
      }
    });
    if (rates.length === 0) return;
    const highest = rates.reduce((best, r) => (r.tpp.gt(best.tpp) ? r : best));
    units.push({ name: unit.name ?? `units[${unitIndex}]`, count: Rational.of(unit.count), rates, highest });
  });
  if (issues.length > 0) throw new InvalidInputError(issues);

  const tpp = Rational.sum(units.map((u) => u.count.mul(u.highest.tpp)));
  const topsWithoutBitLength = Rational.sum(
    units.map((u) => u.count.mul(Rational.max(u.rates[0]!.denseTops, ...u.rates.map((r) => r.denseTops)))),
  );

  return {
    tpp,
    highestSummedFormat: highestSummedFormat(units),
    units,
    topsWithoutBitLength,
    alternativeReadings: alternativeReadings(units, tpp),
    ignoredSparseRates,
    unusualSparseRatios,
  };
}

/**
 * True when a stated `bitLength` is what the format table gives the format,
 * or one of the alternatives its convention leaves open (TF32 as 19 bits). A
 * smaller bit length for a known format would quietly lower TPP, so any other
 * value is an input error; a format the table does not know takes any bit length.
 *
 * @example bitLengthAgreesWithTable(8n, FP8) === true; bitLengthAgreesWithTable(4n, FP8) === false
 * @example bitLengthAgreesWithTable(19n, TF32) === true (an open convention)
 */
export function bitLengthAgreesWithTable(bitLength: bigint, format: NumberFormat): boolean {
  const stated = Rational.of(bitLength);
  return stated.eq(format.bitLength) || format.alternatives.some((alternative) => stated.eq(alternative.bitLength));
}

function countRate(rate: Rate, path: string, rules: RuleSet): CountedRate | InputIssue {
  const known = rules.format(rate.format);
  if (!known && rate.bitLength === undefined) {
    return {
      path: `${path}.format`,
      message:
        `"${rate.format}" is not in the format table in force on ${rules.date}; give "bitLength" for it, or use ` +
        "a listed format (ic3a090 rules)",
    };
  }
  if (known && rate.bitLength !== undefined && !bitLengthAgreesWithTable(rate.bitLength, known)) {
    const open = known.alternatives.map((alternative) => ` or ${alternative.bitLength.toExactString()}`).join("");
    return {
      path: `${path}.bitLength`,
      message:
        `is ${rate.bitLength}, but ${known.name} is ${known.bitLength.toExactString()}${open} bits in the ` +
        `format table in force on ${rules.date} ` +
        ("(a different bit length changes TPP); leave bitLength out, or name the format as the datasheet does " +
          `if it is not ${known.name}`),
    };
  }
  const bitLength = rate.bitLength !== undefined ? Rational.of(rate.bitLength) : known!.bitLength;

  let denseTops: Rational;
  let basis: string;
  if (rate.tops !== undefined) {
    denseTops = rate.tops;
    basis = `${rate.tops.toExactString()} TOPS as given`;
  } else {
    // MacTOPS = MACs per cycle × clock (GHz) × 10^9 / 10^12; the datasheet figure is 2 × MacTOPS.
    const macTops = rate.macsPerCycle!.mul(rate.clockGHz!).div(THOUSAND);
    denseTops = TWO.mul(macTops);
    basis =
      `2 × ${rate.macsPerCycle!.toExactString()} MACs/cycle × ${rate.clockGHz!.toExactString()} GHz ÷ 1000 ` +
      `= ${denseTops.toExactString()} TOPS`;
  }
  if (rate.sparse === true && rate.denseToSparseRatio !== undefined) {
    const sparseTops = denseTops;
    denseTops = sparseTops.mul(rate.denseToSparseRatio);
    basis =
      `${basis} with sparsity × stated dense/sparse ratio ${rate.denseToSparseRatio.toExactString()} ` +
      `= ${denseTops.toExactString()} dense TOPS`;
  }

  return {
    path,
    format: known && rate.bitLength === undefined ? known.name : rate.format,
    bitLength,
    denseTops,
    tpp: denseTops.mul(bitLength),
    basis,
    ...(rate.source === undefined ? {} : { source: rate.source }),
    alternatives: rate.bitLength === undefined && known ? known.alternatives : [],
  };
}

function highestSummedFormat(units: readonly CountedUnit[]): { format: string; tpp: Rational } {
  const byFormat = new Map<string, Rational>();
  for (const unit of units) {
    for (const rate of unit.rates) {
      const key = `${rate.format} (${rate.bitLength.toExactString()} bits)`;
      byFormat.set(key, (byFormat.get(key) ?? Rational.ZERO).add(unit.count.mul(rate.tpp)));
    }
  }
  let best = { format: "", tpp: Rational.ZERO };
  for (const [format, tpp] of byFormat) if (best.format === "" || tpp.gt(best.tpp)) best = { format, tpp };
  return best;
}

/** TPP recomputed with each alternative bit length (e.g. TF32 as 19), where that changes TPP. */
function alternativeReadings(units: readonly CountedUnit[], tpp: Rational): { reading: string; tpp: Rational }[] {
  const readings = new Map<string, Rational>();
  for (const unit of units)
    for (const rate of unit.rates) for (const alt of rate.alternatives) readings.set(alt.reading, alt.bitLength);
  const result: { reading: string; tpp: Rational }[] = [];
  for (const [reading] of readings) {
    const alternativeTpp = Rational.sum(
      units.map((unit) => {
        const best = unit.rates.reduce((max, rate) => {
          const alt = rate.alternatives.find((a) => a.reading === reading);
          const value = alt ? rate.denseTops.mul(alt.bitLength) : rate.tpp;
          return value.gt(max) ? value : max;
        }, Rational.ZERO);
        return unit.count.mul(best);
      }),
    );
    if (!alternativeTpp.eq(tpp)) result.push({ reading, tpp: alternativeTpp });
  }
  return result;
}
