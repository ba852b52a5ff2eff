/**
 * The catalogue's fast path: a plain catalogue row (datacenter yes/no/empty,
 * dense TOPS in formats of one bit length, an applicable die area, plain
 * decimals) classified exactly on safe integers (src/numbers/safe-decimal.ts)
 * instead of BigInt rationals, through the same clause logic
 * (`evaluateClausesFor`).
 *
 * It answers only what it can answer exactly and completely: a row it cannot
 * (a unit, an exponent, a figure past 2^53, TF32 with its alternative
 * reading, a base_eccn or io_bandwidth_gbps, any error) gets `undefined`, and
 * the caller classifies that row on the general path, which also writes its
 * warnings and errors. The item ECCN follows the item rules of
 * src/classify/item.ts for one IC without base entry or I/O rate. A property
 * test (spec/catalogue/flat-row.spec.ts) checks that both paths write the same
 * cells.
 */
import { type IcClause, type Measures, thresholdsAsked } from "../classify/clauses.js";
import { DATACENTER_MISSING, decideOverScenarios } from "../classify/classify.js";
import { type Clause, type Eccn, eccnOf } from "../classify/result.js";
import { ITEM_FORMS } from "../classify/datasheet.js";
import { IO_MISSING, itemParagraphOf } from "../classify/item.js";
import {
  compareSafe,
  compareScaled,
  parseSafeDecimal,
  pow10,
  readSafeDecimal,
  type SafeDecimal,
  safeProduct,
  truncatedQuotient,
  isWholeQuotient,
} from "../numbers/safe-decimal.js";
import type { RuleSet, Threshold } from "../rules/rules.js";
import { isTrimmed, type RowCells } from "./csv-line.js";
import { CATALOGUE_COLUMNS, type CatalogueColumn, type CataloguePlan } from "./row.js";

/** What rows with the same threshold answers, datacenter flag, die reading and form share. */
export interface FlatAnswer {
  readonly clause: Clause;
  readonly eccn: Eccn;
  /** The ECCN of the item as shipped (its form). */
  readonly itemEccn: string;
  readonly matched: readonly (IcClause | "3A090.c")[];
  /** The facts that would settle an indeterminate answer (only the datacenter flag, on this path). */
  readonly missing: readonly string[];
}

/** The two answers of an HBM row (./classifyHbm). */
const HBM_C: FlatAnswer = {
  clause: "3A090.c",
  eccn: "3A090.c",
  itemEccn: "3A090.c",
  matched: ["3A090.c"],
  missing: [],
};
const HBM_NONE: FlatAnswer = { clause: "none", eccn: "none", itemEccn: "none", matched: [], missing: [] };

/** Set when an exact comparison would need more than 2^53: the row goes to the general path. */
class TooLarge extends Error {}

/** A threshold the clause logic asks about, with its value as a safe decimal (undefined past 2^53). */
interface Test {
  readonly threshold: Threshold;
  readonly value: SafeDecimal | undefined;
  /**
   * The value × 10^k at index k, so a figure of k decimals compares with it as integers; undefined where that is
   * past 2^53 or k is below the value's own scale.
   */
  readonly atScale: readonly (number | undefined)[];
  /** The threshold's operator: 0 for >=, 1 for <, 2 for >. */
  readonly operator: number;
}

/** Whether a figure whose order against a threshold is `order` meets it, for the operator's code (./Test). */
function meetsOrder(order: number, operator: number): boolean {
  return operator === 0 ? order >= 0 : operator === 1 ? order < 0 : order > 0;
}

/** The decimals of PD's text (truncated), which the PD tests compare at when their values have no more. */
export const PD_PLACES = 6;

const testOf = (threshold: Threshold): Test => {
  const value = parseSafeDecimal(threshold.value.toExactString());
  const atScale = Array.from({ length: 16 }, (_, k) =>
    value === undefined || k < value.scale ? undefined : safeProduct(value.digits, pow10(k - value.scale)!),
  );
  const operator = [">=", "<", ">"].indexOf(threshold.operator);
  if (operator < 0) throw new Error(`${threshold.id}: operator ${threshold.operator} is not one the fast path reads`);
  return { threshold, value, atScale, operator };
};

const THREE_WAY = [false, true, null] as const;
/** How many values {@link factsCode} takes. */
const FACTS = 3 * 3 * 2 * ITEM_FORMS.length;

/** The facts besides the threshold answers that decide a row's answer, as one small whole number. */
function factsCode(counts: boolean | null, datacenter: boolean | null, p1: boolean, form: number): number {
  const countsCode = counts === null ? 2 : counts ? 1 : 0;
  const datacenterCode = datacenter === null ? 2 : datacenter ? 1 : 0;
  return ((countsCode * 3 + datacenterCode) * 2 + (p1 ? 1 : 0)) * ITEM_FORMS.length + form;
}

/** {@link factsCode} read back. */
function factsOf(code: number) {
  const form = ITEM_FORMS[code % ITEM_FORMS.length]!;
  const rest = Math.floor(code / ITEM_FORMS.length);
  return {
    counts: THREE_WAY[Math.floor(rest / 6)]!,
    datacenter: THREE_WAY[Math.floor(rest / 2) % 3]!,
    p1: rest % 2 === 1,
    form,
  };
}

export class FlatRowClassifier {
  /** Each column the catalogue reads: its index in the header, or -1. */
  private readonly at: Readonly<Record<CatalogueColumn, number>>;
  /** Index of each tops column. */
  private readonly topsAt: readonly number[];
  /** Bit length of each tops column, or undefined when that column needs the general path. */
  private readonly bitLengths: readonly (number | undefined)[];
  /**
   * Every TPP and PD threshold the clause logic asks about (`thresholdsAsked`). A row's answers to them, with its
   * datacenter flag, die reading, 3A991.p.1 and form, decide its answer: the clause logic runs once per distinct
   * set of answers (`answers`), and each row compares its figures with each threshold exactly, once.
   */
  private readonly tppTests: readonly Test[];
  private readonly pdTests: readonly Test[];
  private readonly p1Test: Test | undefined;
  private readonly mbdTest: Test | undefined;
  /**
   * The answer for each set of threshold bits (TPP bits × 2^(PD tests) + PD bits) and facts (./factsCode).
   */
  private readonly answers: ((FlatAnswer | undefined)[] | undefined)[];
  /** 2^(PD tests). */
  private readonly pdSpan: number;
  /** The trimmed bounds of the cell `span` read last, and the decimal `decimal` read last. */
  private from = 0;
  private to = 0;
  private readonly number = { digits: 0, scale: 0 };

  /**
   * The figures of the row `classify` answered last, as safe integers (no text is made here): TPP is
   * `tpp / 10^tppScale`, -1 on an HBM row (no TPP); PD is `pd / 10^6`, truncated, -1 when it is not written (an
   * HBM row, a planar die, or one whose non_planar is not given).
   */
  tpp = -1;
  tppScale = 0;
  pd = -1;

  constructor(
    plan: CataloguePlan,
    private readonly rules: RuleSet,
  ) {
    this.at = Object.fromEntries(CATALOGUE_COLUMNS.map((column) => [column, plan.index[column] ?? -1])) as Record<
      CatalogueColumn,
      number
    >;
    this.topsAt = plan.tops.map((column) => column.index);
    this.bitLengths = plan.tops.map((column) => {
      const format = rules.format(column.format);
      if (!format || format.alternatives.length > 0 || !format.bitLength.isInteger()) return undefined;
      return Number.parseInt(format.bitLength.toExactString(), 10);
    });
    const asked = rules.text2022 === undefined ? thresholdsAsked(rules) : { tpp: [], pd: [] };
    this.tppTests = asked.tpp.map(testOf);
    this.pdTests = asked.pd.map(testOf);
    this.pdSpan = 2 ** this.pdTests.length;
    // Filled, so the array keeps fast elements (a sparse one would turn into a dictionary).
    this.answers = new Array(2 ** this.tppTests.length * this.pdSpan).fill(undefined);
    const p1 = rules.threshold("3A991.p.1.tops");
    this.p1Test = p1 && testOf(p1);
    const mbd = rules.threshold("3A090.c.mbd");
    this.mbdTest = mbd && testOf(mbd);
  }

  /**
   * Whether the cell at `index` (-1: no such column) holds anything once trimmed as `String.prototype.trim` does;
   * its trimmed bounds go to `from` and `to`.
   */
  private span(cells: RowCells, index: number): boolean {
    if (index < 0) return false;
    const text = cells.text;
    let from = cells.starts[index]!;
    let to = cells.ends[index]!;
    while (from < to && isTrimmed(text.charCodeAt(from))) from++;
    while (to > from && isTrimmed(text.charCodeAt(to - 1))) to--;
    this.from = from;
    this.to = to;
    return from < to;
  }

  /** Whether the cell `span` read last is `word` (lower-case ASCII) without regard to ASCII case. */
  private spanIs(cells: RowCells, word: string): boolean {
    if (this.to - this.from !== word.length) return false;
    for (let i = 0; i < word.length; i++) {
      const code = cells.text.charCodeAt(this.from + i);
      // ASCII upper case to lower; any other character stays as it is and does not match.
      if ((code >= 65 && code <= 90 ? code + 32 : code) !== word.charCodeAt(i)) return false;
    }
    return true;
  }

  /**
   * The cell as `readYesNo` (./row.ts) reads it: true for yes/true, false for no/false, null when empty, undefined
   * otherwise. ASCII only: a cell that `toLowerCase` would turn into one of the words through another character
   * (there is none among these words) would go to the general path all the same.
   */
  private yesNo(cells: RowCells, index: number): boolean | null | undefined {
    if (!this.span(cells, index)) return null;
    if (this.spanIs(cells, "yes") || this.spanIs(cells, "true")) return true;
    if (this.spanIs(cells, "no") || this.spanIs(cells, "false")) return false;
    return undefined;
  }

  /** Whether the cell, trimmed, is a plain safe decimal (`parseSafeDecimal`); it goes to `number`. */
  private decimal(cells: RowCells, index: number): boolean {
    return this.span(cells, index) && readSafeDecimal(cells.text, this.from, this.to, this.number);
  }

  private value(test: Test): SafeDecimal {
    if (!test.value) throw new TooLarge();
    return test.value;
  }

  /** Whether digits / 10^scale meets `test`, exactly; TooLarge past 2^53. */
  private meets(digits: number, scale: number, test: Test): boolean {
    const scaled = test.atScale[scale];
    let order: -1 | 0 | 1;
    if (scaled !== undefined) order = digits < scaled ? -1 : digits > scaled ? 1 : 0;
    else {
      const value = this.value(test);
      order = this.order(compareScaled(digits, scale, value.digits, value.scale));
    }
    return meetsOrder(order, test.operator);
  }

  /** Whether `numerator ÷ denominator` meets `test`, exactly, without dividing; TooLarge past 2^53. */
  private quotientMeets(n: number, nScale: number, d: number, dScale: number, test: Test): boolean {
    const t = this.value(test);
    // n / 10^nScale ÷ (d / 10^dScale) against t / 10^tScale: n × 10^dScale × 10^tScale against t × d × 10^nScale.
    const order = compareSafe(
      safeProduct(n, pow10(dScale) ?? Infinity, pow10(t.scale) ?? Infinity),
      safeProduct(t.digits, d, pow10(nScale) ?? Infinity),
    );
    return meetsOrder(this.order(order), test.operator);
  }

  /** Bit i set when TPP meets the i-th TPP test. */
  private tppBits(tpp: number, scale: number): number {
    let bits = 0;
    for (let i = 0; i < this.tppTests.length; i++) if (this.meets(tpp, scale, this.tppTests[i]!)) bits |= 1 << i;
    return bits;
  }

  /** Bit i set when TPP ÷ area meets the i-th PD test. */
  private pdBits(tpp: number, tppScale: number, area: number, areaScale: number): number {
    let bits = 0;
    for (let i = 0; i < this.pdTests.length; i++)
      if (this.quotientMeets(tpp, tppScale, area, areaScale, this.pdTests[i]!)) bits |= 1 << i;
    return bits;
  }

  /**
   * {@link pdBits} from PD's digits truncated to 6 decimals, `truncated` = floor(PD × 10^6), and whether that is
   * all of PD (`exact`): for a value T × 10^6 whole, PD ≥ T ⇔ floor ≥ T×10^6, PD < T ⇔ floor < T×10^6, and
   * PD > T ⇔ floor > T×10^6, or equal with a remainder. Undefined when a PD test's value has more decimals.
   */
  private pdBitsTruncated(truncated: number, exact: boolean): number | undefined {
    let bits = 0;
    for (let i = 0; i < this.pdTests.length; i++) {
      const test = this.pdTests[i]!;
      const scaled = test.atScale[PD_PLACES];
      if (scaled === undefined) return undefined;
      const order = truncated < scaled ? -1 : truncated > scaled || !exact ? 1 : 0;
      if (meetsOrder(order, test.operator)) bits |= 1 << i;
    }
    return bits;
  }

  private order(order: -1 | 0 | 1 | undefined): -1 | 0 | 1 {
    if (order === undefined) throw new TooLarge();
    return order;
  }

  /**
   * Measures that answer from a row's bits, for the clause logic. It must ask only about the thresholds
   * `thresholdsAsked` lists, or the answers keyed by the bits could be wrong: anything else is a defect, thrown.
   */
  private measuresOfBits(tppBits: number, pdBits: number | undefined): Measures {
    const bit = (tests: readonly Test[], bits: number, t: Threshold) => {
      const index = tests.findIndex((test) => test.threshold === t);
      if (index < 0) throw new Error(`the clause logic asked about ${t.id}, which thresholdsAsked does not list`);
      return (bits & (1 << index)) !== 0;
    };
    return {
      tppMeets: (t) => bit(this.tppTests, tppBits, t),
      // An undefined PD (a planar die) meets no PD test (pd-undefined spec); its row has no PD bits.
      pdMeets: (t) => pdBits !== undefined && bit(this.pdTests, pdBits, t),
    };
  }

  /**
   * The row's answer (the same object for every row with the same answer), its figures in `tpp`, `tppScale` and
   * `pd`; undefined when the general path must answer it.
   */
  classify(cells: RowCells): FlatAnswer | undefined {
    const at = this.at;
    if (!this.span(cells, at.part)) return undefined;
    // The Oct 2022 text has its own tests (src/classify/clauses-2022.ts): the general path answers it.
    if (this.rules.text2022 !== undefined) return undefined;
    if (this.span(cells, at.base_eccn) || this.span(cells, at.io_bandwidth_gbps)) return undefined;
    const hasKind = this.span(cells, at.kind);
    const hbm = hasKind && this.spanIs(cells, "hbm");
    if (hasKind && !hbm && !this.spanIs(cells, "ic")) return undefined;
    if (hbm && this.span(cells, at.interconnect_gbps)) return undefined;
    // The form's index in ITEM_FORMS: "ic" when not given.
    let form = 0;
    if (this.span(cells, at.form)) {
      let known = 0;
      while (known < ITEM_FORMS.length && !this.spanIs(cells, ITEM_FORMS[known]!)) known++;
      if (hbm || known === ITEM_FORMS.length) return undefined;
      form = known;
    }
    try {
      return hbm ? this.classifyHbm(cells) : this.classifyIc(cells, form);
    } catch (error) {
      if (error instanceof TooLarge) return undefined;
      throw error;
    }
  }

  /** 3A090.c: memory bandwidth density = hbm_bandwidth_gbps ÷ hbm_area_mm2, "greater than" the threshold. */
  private classifyHbm(cells: RowCells): FlatAnswer | undefined {
    const test = this.mbdTest;
    if (!test) return undefined;
    for (const index of this.topsAt) if (this.span(cells, index)) return undefined;
    if (!this.decimal(cells, this.at.hbm_bandwidth_gbps)) return undefined;
    const { digits: bandwidth, scale: bandwidthScale } = this.number;
    if (!this.decimal(cells, this.at.hbm_area_mm2) || this.number.digits === 0) return undefined;
    const { digits: area, scale: areaScale } = this.number;
    const clause = this.quotientMeets(bandwidth, bandwidthScale, area, areaScale, test) ? "3A090.c" : "none";
    this.tpp = -1;
    this.pd = -1;
    return clause === "none" ? HBM_NONE : HBM_C;
  }

  private classifyIc(cells: RowCells, form: number): FlatAnswer | undefined {
    const at = this.at;
    const datacenter = this.yesNo(cells, at.datacenter);
    if (datacenter === undefined) return undefined;

    // The applicable die area: die_area_mm2; or logic_die_area_mm2 when non_planar is yes, nothing when it
    // is no, and either when it is not given (then PD is known only to lie between undefined and TPP ÷ area).
    const applicable = this.span(cells, at.die_area_mm2);
    const logic = this.span(cells, at.logic_die_area_mm2);
    let counts: boolean | null | undefined;
    if (applicable && !logic && !this.span(cells, at.non_planar)) {
      counts = this.decimal(cells, at.die_area_mm2) ? true : undefined;
    } else if (!applicable && logic) {
      counts = this.decimal(cells, at.logic_die_area_mm2) ? this.yesNo(cells, at.non_planar) : undefined;
    }
    const { digits: area, scale: areaScale } = this.number;
    if (counts === undefined || area === 0) return undefined;

    // TPP: the highest dense TOPS × bit length over the row's formats (one unit: the whole IC), digits / 10^scale.
    let tpp = -1;
    let tppScale = 0;
    // 3A991.p.1's TOPS without bit length: the highest dense TOPS of the row's one unit.
    let tops = -1;
    let topsScale = 0;
    for (let i = 0; i < this.topsAt.length; i++) {
      if (!this.span(cells, this.topsAt[i]!)) continue;
      const bitLength = this.bitLengths[i];
      if (bitLength === undefined || !readSafeDecimal(cells.text, this.from, this.to, this.number)) return undefined;
      const { digits: rate, scale } = this.number;
      if (tops < 0 || this.order(compareScaled(rate, scale, tops, topsScale)) > 0) {
        tops = rate;
        topsScale = scale;
      }
      const candidate = safeProduct(rate, bitLength);
      if (candidate === undefined) return undefined;
      if (tpp < 0 || this.order(compareScaled(candidate, scale, tpp, tppScale)) > 0) {
        tpp = candidate;
        tppScale = scale;
      }
    }
    if (tpp < 0) return undefined;

    // PD = TPP ÷ area, truncated to 6 decimals for its text: tpp × 10^areaScale × 10^6 ÷ (area × 10^tppScale).
    let truncated = -1;
    let pdBits = 0;
    if (counts !== false) {
      const numerator = safeProduct(tpp, pow10(areaScale) ?? Infinity);
      const denominator = safeProduct(area, pow10(tppScale) ?? Infinity);
      if (numerator === undefined || denominator === undefined) return undefined;
      const quotient = truncatedQuotient(numerator, denominator, PD_PLACES);
      if (quotient === undefined) return undefined;
      truncated = quotient;
      const exact = isWholeQuotient(numerator, denominator, PD_PLACES, truncated);
      // non_planar not given: the die counts or it does not (lowest PD undefined, highest TPP ÷ area).
      pdBits = this.pdBitsTruncated(truncated, exact) ?? this.pdBits(tpp, tppScale, area, areaScale);
    }
    const tppBits = this.tppBits(tpp, tppScale);
    // 3A991.p.1: TOPS without bit length "of 8 TOPS or more" (the threshold from the rules data).
    const p1 = this.p1Test !== undefined && this.meets(tops, topsScale, this.p1Test);
    const answer = this.answerFor(tppBits, pdBits, factsCode(counts, datacenter, p1, form));
    this.tpp = tpp;
    this.tppScale = tppScale;
    this.pd = counts === true ? truncated : -1;
    return answer;
  }

  /**
   * The answer of rows with these threshold bits and facts (./factsCode): the clause logic's, worked out for the
   * first such row and kept.
   */
  private answerFor(tppBits: number, pdBits: number, facts: number): FlatAnswer {
    const bits = tppBits * this.pdSpan + pdBits;
    let answers = this.answers[bits];
    if (answers === undefined) {
      answers = new Array<FlatAnswer | undefined>(FACTS).fill(undefined);
      this.answers[bits] = answers;
    }
    const known = answers[facts];
    if (known !== undefined) return known;
    const answer = this.decide(tppBits, pdBits, facts);
    answers[facts] = answer;
    return answer;
  }

  private decide(tppBits: number, pdBits: number, facts: number): FlatAnswer {
    const { counts, datacenter, p1, form } = factsOf(facts);
    const scenarios =
      counts === true
        ? [this.measuresOfBits(tppBits, pdBits)]
        : counts === false
          ? [this.measuresOfBits(tppBits, undefined)]
          : [this.measuresOfBits(tppBits, undefined), this.measuresOfBits(tppBits, pdBits)];
    const decision = decideOverScenarios(scenarios, datacenter, this.rules);
    const eccn = eccnOf(decision.clause);
    // The item rules (src/classify/item.ts) for one IC without base_eccn or I/O rate: 3A090.a/.b make the item
    // .a/.b; outside them, 3A991.p.1 makes it 3A991.p (or 4A994.l), and without p.1 the I/O rate that p.2 needs is
    // missing, so the item is undecided; an undecided IC leaves the item undecided.
    const level = eccn === "3A090.a" ? "a" : eccn === "3A090.b" ? "b" : eccn === "none" && p1 ? "p" : undefined;
    return {
      clause: decision.clause,
      eccn,
      itemEccn: level === undefined ? "indeterminate" : itemParagraphOf(level, form),
      matched: decision.matched,
      // Worded as the general path words them (the catalogue's die is dies[0]; see missingAsColumns).
      missing: [
        ...(decision.datacenterMatters ? [DATACENTER_MISSING] : []),
        ...(decision.diesMatter ? ["dies[0].nonPlanar"] : []),
        ...(level === undefined && !p1 ? [IO_MISSING] : []),
      ],
    };
  }
}
