/**
 * # Technical Note 2 to 3A090.a and 3A090.b, 4: 'performance density'
 *
 * > 'Performance density' is 'TPP' divided by 'applicable die area'. For
 * > purposes of 3A090, 'applicable die area' is measured in millimeters squared
 * > and includes all die area of logic dies manufactured with a process node
 * > that uses a non-planar transistor architecture.
 *
 * BIS's 6 Nov 2023 briefing (as CSET reports it) counts whole non-planar logic
 * dies, caches included, and excludes separate memory stacks such as
 * co-packaged HBM; this module excludes every die marked `memoryStack`, base
 * dies included (docs/ambiguities.md#a-6).
 *
 * When no die counts, performance density is undefined, and no PD condition of
 * 3A090.a.2, .b.1 or .b.2 can hold: only 3A090.a.1 can catch such an IC
 * (spec/ambiguities/pd-undefined.spec.ts).
 *
 * When a die's facts are missing, the applicable area is only known to lie in
 * a range. The clauses are monotone in PD for a fixed TPP (none, then .b, then
 * .a.2 as PD grows), so the classifier needs only the lowest and highest PD
 * the facts allow: if both give the same clause, that is the answer.
 */
import { Rational } from "../numbers/rational.js";
import type { Die } from "./datasheet.js";

/**
 * A performance density the facts allow: an exact value, `undefined-pd` when
 * no die counts (or, as a lowest bound, when an area is unknown and could be
 * arbitrarily large), or `unbounded` when a counted die's area is unknown and
 * could be arbitrarily small.
 */
export type DensityValue =
  | { readonly kind: "exact"; readonly value: Rational }
  | { readonly kind: "undefined-pd" }
  | { readonly kind: "unbounded" };

export interface ApplicableDieArea {
  /** The area when every die's facts are known; undefined when they are not. */
  readonly exact: Rational | undefined;
  /** Lowest and highest PD the facts allow, for a given TPP. */
  density(tpp: Rational): { readonly lowest: DensityValue; readonly highest: DensityValue };
  /** Facts whose absence leaves the area open, as field paths with the die's name. */
  readonly missing: readonly string[];
  /** How each die was counted, in words, for the trace. */
  readonly accounting: readonly string[];
}

const UNDEFINED_PD: DensityValue = { kind: "undefined-pd" };
const UNBOUNDED: DensityValue = { kind: "unbounded" };

/**
 * Applicable die area: the sum of `areaMm2 × count` over dies with
 * `logic: true` and `nonPlanar: true` that are not part of a memory stack.
 */
export function applicableDieArea(dies: readonly Die[] | undefined): ApplicableDieArea {
  if (dies === undefined || dies.length === 0) {
    return {
      exact: undefined,
      density: () => ({ lowest: UNDEFINED_PD, highest: UNBOUNDED }),
      missing: ["dies: the IC's dies, with areaMm2, logic and nonPlanar for each"],
      accounting: ["no dies given: the applicable die area is unknown"],
    };
  }

  let certainArea = Rational.ZERO;
  /** A die that certainly counts but whose area is unknown: the area could be any positive value. */
  let countedWithUnknownArea = false;
  /** Dies that may or may not count, with their area when known. */
  const uncertainAreas: (Rational | undefined)[] = [];
  const missing: string[] = [];
  const accounting: string[] = [];

  dies.forEach((die, index) => {
    const label = `dies[${index}]${die.name ? ` (${die.name})` : ""}`;
    const count = Rational.of(die.count);
    const area = die.areaMm2?.mul(count);
    const areaText = die.areaMm2
      ? `${die.count > 1n ? `${die.count} × ` : ""}${die.areaMm2.toExactString()} mm²`
      : "area not given";
    if (die.memoryStack === true) {
      accounting.push(`${label}: part of a memory stack, excluded`);
    } else if (die.logic === false) {
      accounting.push(`${label}: not a logic die, excluded`);
    } else if (die.nonPlanar === false) {
      accounting.push(`${label}: planar transistors, excluded`);
    } else if (die.logic === true && die.nonPlanar === true) {
      if (area) {
        certainArea = certainArea.add(area);
        accounting.push(`${label}: non-planar logic die, ${areaText} counted`);
      } else {
        countedWithUnknownArea = true;
        missing.push(`${label}.areaMm2`);
        accounting.push(`${label}: non-planar logic die, area not given`);
      }
    } else {
      uncertainAreas.push(area);
      if (die.logic === undefined) missing.push(`${label}.logic`);
      if (die.nonPlanar === undefined) missing.push(`${label}.nonPlanar`);
      if (!area) missing.push(`${label}.areaMm2`);
      const notGiven = die.logic === undefined ? "logic or memory not given" : "planar or non-planar not given";
      accounting.push(`${label}: ${notGiven}; ${areaText}`);
    }
  });

  const certain = !countedWithUnknownArea && uncertainAreas.length === 0;
  const anyUnknownArea = countedWithUnknownArea || uncertainAreas.some((a) => a === undefined);
  const largestArea = Rational.sum([certainArea, ...uncertainAreas.filter((a): a is Rational => a !== undefined)]);
  const knownUncertain = uncertainAreas.filter((a): a is Rational => a !== undefined);

  const exactOf = (tpp: Rational, area: Rational): DensityValue =>
    area.isZero() ? UNDEFINED_PD : { kind: "exact", value: tpp.div(area) };

  return {
    exact: certain ? certainArea : undefined,
    density(tpp) {
      if (certain) {
        const value = exactOf(tpp, certainArea);
        return { lowest: value, highest: value };
      }
      // Lowest PD: every die that may count does, at its largest area; undefined when
      // an area is unknown (it could be arbitrarily large) or when no die need count.
      const lowest = anyUnknownArea || certainArea.isZero() ? UNDEFINED_PD : exactOf(tpp, largestArea);
      // Highest PD: the smallest positive area the facts allow.
      let highest: DensityValue;
      if (!certainArea.isZero()) highest = exactOf(tpp, certainArea);
      else if (anyUnknownArea) highest = UNBOUNDED;
      else if (knownUncertain.length > 0) highest = exactOf(tpp, smallest(knownUncertain));
      else highest = UNDEFINED_PD;
      return { lowest, highest };
    },
    missing,
    accounting,
  };
}

function smallest(values: readonly Rational[]): Rational {
  return values.reduce((min, v) => (v.lt(min) ? v : min));
}
