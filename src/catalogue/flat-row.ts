/**
 * The catalogue's fast path: a plain catalogue row (datacenter yes/no/empty,
 * dense TOPS in formats of one bit length, an applicable die area, plain
 * decimals) classified exactly on safe integers (src/numbers/safe-decimal.ts)
 * instead of BigInt rationals, through the same clause logic
 * (`evaluateClausesFor`).
 *
 * It answers only what it can answer exactly and completely: a row it cannot
 * (an HBM row, a unit, an exponent, a figure past 2^53, TF32 with its
 * alternative reading, an answer that depends on a missing fact, any error)
 * gets `undefined`, and the caller classifies that row on the general path,
 * which also writes its warnings, missing facts and errors. The item ECCN is
 * answered here only for a row without base_eccn or io_bandwidth_gbps whose
 * IC is in 3A090.a/.b, or outside them at 3A991.p.1 or more (./item rules in
 * src/classify/item.ts); any other row goes to the general path. A property test
 * (spec/catalogue/flat-row.spec.ts) checks that both paths write the same
 * cells.
 */
import { type IcClause, type Measures, thresholdsAsked } from "../classify/clauses.js";
import { DATACENTER_MISSING, decideOverScenarios } from "../classify/classify.js";
import { type Clause, type Eccn, eccnOf } from "../classify/result.js";
import { ITEM_FORMS, type ItemForm } from "../classify/datasheet.js";
import { itemParagraphOf } from "../classify/item.js";
import {
  compareSafe,
  compareSafeDecimals,
  parseSafeDecimal,
  pow10,
  type SafeDecimal,
  safeDecimalText,
  safeProduct,
  timesInteger,
  truncatedQuotientText,
} from "../numbers/safe-decimal.js";
import { orderMeets, type RuleSet, type Threshold } from "../rules/rules.js";
import { type CataloguePlan, readYesNo } from "./row.js";

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

export interface FlatRowResult {
  readonly tpp: string;
  /** Truncated to 6 decimals; empty when PD is undefined (a planar die). */
  readonly performanceDensity: string;
  /** The same object for every row with the same answer. */
  readonly answer: FlatAnswer;
}

/** Set when an exact comparison would need more than 2^53: the row goes to the general path. */
class TooLarge extends Error {}

/** A threshold the clause logic asks about, with its value as a safe decimal (undefined past 2^53). */
interface Test {
  readonly threshold: Threshold;
  readonly value: SafeDecimal | undefined;
}

const testOf = (threshold: Threshold): Test => ({
  threshold,
  value: parseSafeDecimal(threshold.value.toExactString()),
});

export class FlatRowClassifier {
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
  /** The answer for each key (./answerKey), null when the general path must answer such rows. */
  private readonly answers = new Map<number, FlatAnswer | null>();

  constructor(
    private readonly plan: CataloguePlan,
    private readonly rules: RuleSet,
  ) {
    this.bitLengths = plan.tops.map((column) => {
      const format = rules.format(column.format);
      if (!format || format.alternatives.length > 0 || !format.bitLength.isInteger()) return undefined;
      return Number.parseInt(format.bitLength.toExactString(), 10);
    });
    const asked = rules.text2022 === undefined ? thresholdsAsked(rules) : { tpp: [], pd: [] };
    this.tppTests = asked.tpp.map(testOf);
    this.pdTests = asked.pd.map(testOf);
    const p1 = rules.threshold("3A991.p.1.tops");
    this.p1Test = p1 && testOf(p1);
    const mbd = rules.threshold("3A090.c.mbd");
    this.mbdTest = mbd && testOf(mbd);
  }

  private cell(column: keyof CataloguePlan["index"], fields: readonly string[]): string {
    const index = this.plan.index[column];
    return index === undefined ? "" : (fields[index] ?? "").trim();
  }

  private value(test: Test): SafeDecimal {
    if (!test.value) throw new TooLarge();
    return test.value;
  }

  /** Whether `figure` meets `test`, exactly; TooLarge past 2^53. */
  private meets(figure: SafeDecimal, test: Test): boolean {
    return orderMeets(this.order(compareSafeDecimals(figure, this.value(test))), test.threshold.operator);
  }

  /** Whether `numerator ÷ denominator` meets `test`, exactly, without dividing; TooLarge past 2^53. */
  private quotientMeets(numerator: SafeDecimal, denominator: SafeDecimal, test: Test): boolean {
    const order = this.order(this.compareQuotient(numerator, denominator, this.value(test)));
    return orderMeets(order, test.threshold.operator);
  }

  /** Bit i set when TPP meets the i-th TPP test. */
  private tppBits(tpp: SafeDecimal): number {
    let bits = 0;
    for (let i = 0; i < this.tppTests.length; i++) if (this.meets(tpp, this.tppTests[i]!)) bits |= 1 << i;
    return bits;
  }

  /** Bit i set when TPP ÷ area meets the i-th PD test. */
  private pdBits(tpp: SafeDecimal, area: SafeDecimal): number {
    let bits = 0;
    for (let i = 0; i < this.pdTests.length; i++) if (this.quotientMeets(tpp, area, this.pdTests[i]!)) bits |= 1 << i;
    return bits;
  }

  private order(order: -1 | 0 | 1 | undefined): -1 | 0 | 1 {
    if (order === undefined) throw new TooLarge();
    return order;
  }

  /** `numerator ÷ denominator` against `t`, without dividing: n × 10^dScale × 10^tScale against t × d × 10^nScale. */
  private compareQuotient(numerator: SafeDecimal, denominator: SafeDecimal, t: SafeDecimal): -1 | 0 | 1 | undefined {
    return compareSafe(
      safeProduct(numerator.digits, pow10(denominator.scale) ?? Infinity, pow10(t.scale) ?? Infinity),
      safeProduct(t.digits, denominator.digits, pow10(numerator.scale) ?? Infinity),
    );
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

  /** The row's result, or undefined when the general path must answer it. */
  classify(fields: readonly string[]): FlatRowResult | undefined {
    if (this.cell("part", fields) === "") return undefined;
    // The Oct 2022 text has its own tests (src/classify/clauses-2022.ts): the general path answers it.
    if (this.rules.text2022 !== undefined) return undefined;
    const kind = this.cell("kind", fields).toLowerCase();
    if (this.cell("base_eccn", fields) !== "" || this.cell("io_bandwidth_gbps", fields) !== "") return undefined;
    if (kind === "hbm" && this.cell("interconnect_gbps", fields) !== "") return undefined;
    const formText = this.cell("form", fields).toLowerCase();
    if (formText !== "" && (kind === "hbm" || !(ITEM_FORMS as readonly string[]).includes(formText))) return undefined;
    const form = (formText === "" ? "ic" : formText) as ItemForm;
    try {
      if (kind === "hbm") return this.classifyHbm(fields);
      if (kind !== "" && kind !== "ic") return undefined;
      return this.classifyIc(fields, form);
    } catch (error) {
      if (error instanceof TooLarge) return undefined;
      throw error;
    }
  }

  /** 3A090.c: memory bandwidth density = hbm_bandwidth_gbps ÷ hbm_area_mm2, "greater than" the threshold. */
  private classifyHbm(fields: readonly string[]): FlatRowResult | undefined {
    const test = this.mbdTest;
    if (!test) return undefined;
    if (this.plan.tops.some((column) => (fields[column.index] ?? "").trim() !== "")) return undefined;
    const bandwidth = parseSafeDecimal(this.cell("hbm_bandwidth_gbps", fields));
    const area = parseSafeDecimal(this.cell("hbm_area_mm2", fields));
    if (!bandwidth || !area || area.digits === 0) return undefined;
    const clause = this.quotientMeets(bandwidth, area, test) ? "3A090.c" : "none";
    const eccn = eccnOf(clause);
    return {
      tpp: "",
      performanceDensity: "",
      answer: { clause, eccn, itemEccn: eccn, matched: clause === "none" ? [] : [clause], missing: [] },
    };
  }

  private classifyIc(fields: readonly string[], form: ItemForm): FlatRowResult | undefined {
    const datacenter = readYesNo(this.cell("datacenter", fields));
    if (datacenter === undefined) return undefined;

    // The applicable die area: die_area_mm2; or logic_die_area_mm2 when non_planar is yes, nothing when it
    // is no, and either when it is not given (then PD is known only to lie between undefined and TPP ÷ area).
    const applicableText = this.cell("die_area_mm2", fields);
    const logicText = this.cell("logic_die_area_mm2", fields);
    const nonPlanarText = this.cell("non_planar", fields);
    let area: SafeDecimal | undefined;
    let counts: boolean | null | undefined;
    if (applicableText !== "" && logicText === "" && nonPlanarText === "") {
      area = parseSafeDecimal(applicableText);
      counts = true;
    } else if (applicableText === "" && logicText !== "") {
      area = parseSafeDecimal(logicText);
      counts = readYesNo(nonPlanarText);
    }
    if (!area || area.digits === 0 || counts === undefined) return undefined;

    // TPP: the highest dense TOPS × bit length over the row's formats (one unit: the whole IC).
    let tpp: SafeDecimal | undefined;
    // 3A991.p.1's TOPS without bit length: the highest dense TOPS of the row's one unit.
    let tops: SafeDecimal | undefined;
    for (let i = 0; i < this.plan.tops.length; i++) {
      const text = (fields[this.plan.tops[i]!.index] ?? "").trim();
      if (text === "") continue;
      const bitLength = this.bitLengths[i];
      const rate = bitLength === undefined ? undefined : parseSafeDecimal(text);
      if (!rate) return undefined;
      if (tops === undefined || this.order(compareSafeDecimals(rate, tops)) > 0) tops = rate;
      const candidate = timesInteger(rate, bitLength!);
      if (!candidate) return undefined;
      if (tpp === undefined || this.order(compareSafeDecimals(candidate, tpp)) > 0) tpp = candidate;
    }
    if (!tpp || !tops) return undefined;

    const tppBits = this.tppBits(tpp);
    // non_planar not given: the die counts or it does not (lowest PD undefined, highest TPP ÷ area).
    const pdBits = counts === false ? 0 : this.pdBits(tpp, area);
    // 3A991.p.1: TOPS without bit length "of 8 TOPS or more" (the threshold from the rules data).
    const p1 = this.p1Test !== undefined && this.meets(tops, this.p1Test);
    const answer = this.answerFor(tppBits, pdBits, counts, datacenter, p1, form);
    if (answer === null) return undefined;

    let performanceDensity = "";
    if (counts === true) {
      const numerator = safeProduct(tpp.digits, pow10(area.scale) ?? Infinity);
      const denominator = safeProduct(area.digits, pow10(tpp.scale) ?? Infinity);
      if (numerator === undefined || denominator === undefined) return undefined;
      performanceDensity = truncatedQuotientText(numerator, denominator, 6);
    }
    return { tpp: safeDecimalText(tpp), performanceDensity, answer };
  }

  /** The answer of rows with these facts: the clause logic's, worked out for the first such row and kept. */
  private answerFor(
    tppBits: number,
    pdBits: number,
    counts: boolean | null,
    datacenter: boolean | null,
    p1: boolean,
    form: ItemForm,
  ): FlatAnswer | null {
    const countsCode = counts === null ? 2 : counts ? 1 : 0;
    const datacenterCode = datacenter === null ? 2 : datacenter ? 1 : 0;
    const facts = ((countsCode * 3 + datacenterCode) * 2 + (p1 ? 1 : 0)) * ITEM_FORMS.length + ITEM_FORMS.indexOf(form);
    const key = (tppBits * 2 ** this.pdTests.length + pdBits) * 18 * ITEM_FORMS.length + facts;
    const known = this.answers.get(key);
    if (known !== undefined) return known;
    const answer = this.decide(tppBits, pdBits, counts, datacenter, p1, form);
    this.answers.set(key, answer);
    return answer;
  }

  private decide(
    tppBits: number,
    pdBits: number,
    counts: boolean | null,
    datacenter: boolean | null,
    p1: boolean,
    form: ItemForm,
  ): FlatAnswer | null {
    const scenarios =
      counts === true
        ? [this.measuresOfBits(tppBits, pdBits)]
        : counts === false
          ? [this.measuresOfBits(tppBits, undefined)]
          : [this.measuresOfBits(tppBits, undefined), this.measuresOfBits(tppBits, pdBits)];
    const decision = decideOverScenarios(scenarios, datacenter, this.rules);
    const eccn = eccnOf(decision.clause);
    // An undecided IC leaves the item undecided, with the same missing facts when 3A991.p.1 holds (src/classify/item.ts).
    const level = eccn === "3A090.a" ? "a" : eccn === "3A090.b" ? "b" : eccn === "none" && p1 ? "p" : undefined;
    if (level === undefined && !(eccn === "indeterminate" && p1)) return null;
    return {
      clause: decision.clause,
      eccn,
      itemEccn: level === undefined ? "indeterminate" : itemParagraphOf(level, form),
      matched: decision.matched,
      // Worded as the general path words them (the catalogue's die is dies[0]; see missingAsColumns).
      missing: [
        ...(decision.datacenterMatters ? [DATACENTER_MISSING] : []),
        ...(decision.diesMatter ? ["dies[0].nonPlanar"] : []),
      ],
    };
  }
}
