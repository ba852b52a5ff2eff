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
import type { IcClause, Measures } from "../classify/clauses.js";
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

export interface FlatRowResult {
  readonly tpp: string;
  /** Truncated to 6 decimals; empty when PD is undefined (a planar die). */
  readonly performanceDensity: string;
  readonly clause: Clause;
  readonly eccn: Eccn;
  /** The ECCN of the item as shipped (its form). */
  readonly itemEccn: string;
  readonly matched: readonly (IcClause | "3A090.c")[];
  /** The facts that would settle an indeterminate answer (only the datacenter flag, on this path). */
  readonly missing: readonly string[];
}

/** Set when an exact comparison would need more than 2^53: the row goes to the general path. */
class TooLarge extends Error {}

export class FlatRowClassifier {
  /** Bit length of each tops column, or undefined when that column needs the general path. */
  private readonly bitLengths: readonly (number | undefined)[];
  private readonly thresholds = new Map<Threshold, SafeDecimal | undefined>();

  constructor(
    private readonly plan: CataloguePlan,
    private readonly rules: RuleSet,
  ) {
    this.bitLengths = plan.tops.map((column) => {
      const format = rules.format(column.format);
      if (!format || format.alternatives.length > 0 || !format.bitLength.isInteger()) return undefined;
      return Number.parseInt(format.bitLength.toExactString(), 10);
    });
  }

  private cell(column: keyof CataloguePlan["index"], fields: readonly string[]): string {
    const index = this.plan.index[column];
    return index === undefined ? "" : (fields[index] ?? "").trim();
  }

  private threshold(t: Threshold): SafeDecimal {
    if (!this.thresholds.has(t)) this.thresholds.set(t, parseSafeDecimal(t.value.toExactString()));
    const value = this.thresholds.get(t);
    if (!value) throw new TooLarge();
    return value;
  }

  /**
   * Exact comparisons of TPP (and of TPP ÷ area) with thresholds; TooLarge past 2^53. With no
   * applicable area (a planar die), PD is undefined and meets no PD test (pd-undefined spec).
   */
  private measures(tpp: SafeDecimal, area: SafeDecimal | undefined): Measures {
    return {
      tppMeets: (t) => orderMeets(this.order(compareSafeDecimals(tpp, this.threshold(t))), t.operator),
      pdMeets: (t) =>
        area === undefined
          ? false
          : orderMeets(this.order(this.compareQuotient(tpp, area, this.threshold(t))), t.operator),
    };
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

  /** 3A991.p.1: TOPS without bit length "of 8 TOPS or more" (the threshold from the rules data). */
  private meets3A991p1(tops: SafeDecimal): boolean {
    const threshold = this.rules.threshold("3A991.p.1.tops");
    return (
      threshold !== undefined &&
      orderMeets(this.order(compareSafeDecimals(tops, this.threshold(threshold))), threshold.operator)
    );
  }

  /** 3A090.c: memory bandwidth density = hbm_bandwidth_gbps ÷ hbm_area_mm2, "greater than" the threshold. */
  private classifyHbm(fields: readonly string[]): FlatRowResult | undefined {
    const threshold = this.rules.threshold("3A090.c.mbd");
    if (!threshold) return undefined;
    if (this.plan.tops.some((column) => (fields[column.index] ?? "").trim() !== "")) return undefined;
    const bandwidth = parseSafeDecimal(this.cell("hbm_bandwidth_gbps", fields));
    const area = parseSafeDecimal(this.cell("hbm_area_mm2", fields));
    if (!bandwidth || !area || area.digits === 0) return undefined;
    const clause = orderMeets(
      this.order(this.compareQuotient(bandwidth, area, this.threshold(threshold))),
      threshold.operator,
    )
      ? "3A090.c"
      : "none";
    const eccn = eccnOf(clause);
    return {
      tpp: "",
      performanceDensity: "",
      clause,
      eccn,
      itemEccn: eccn,
      matched: clause === "none" ? [] : [clause],
      missing: [],
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
    if (applicableText !== "" && logicText === "" && nonPlanarText === "")
      [area, counts] = [parseSafeDecimal(applicableText), true];
    else if (applicableText === "" && logicText !== "")
      [area, counts] = [parseSafeDecimal(logicText), readYesNo(nonPlanarText)];
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
    if (!tpp) return undefined;

    // non_planar not given: the die counts or it does not (lowest PD undefined, highest TPP ÷ area).
    const scenarios =
      counts === true
        ? [this.measures(tpp, area)]
        : counts === false
          ? [this.measures(tpp, undefined)]
          : [this.measures(tpp, undefined), this.measures(tpp, area)];
    const decision = decideOverScenarios(scenarios, datacenter, this.rules);
    const eccn = eccnOf(decision.clause);
    // An undecided IC leaves the item undecided, with the same missing facts when 3A991.p.1 holds (src/classify/item.ts).
    const p1 = this.meets3A991p1(tops!);
    const level = eccn === "3A090.a" ? "a" : eccn === "3A090.b" ? "b" : eccn === "none" && p1 ? "p" : undefined;
    if (level === undefined && !(eccn === "indeterminate" && p1)) return undefined;

    let performanceDensity = "";
    if (counts === true) {
      const numerator = safeProduct(tpp.digits, pow10(area.scale) ?? Infinity);
      const denominator = safeProduct(area.digits, pow10(tpp.scale) ?? Infinity);
      if (numerator === undefined || denominator === undefined) return undefined;
      performanceDensity = truncatedQuotientText(numerator, denominator, 6);
    }
    return {
      tpp: safeDecimalText(tpp),
      performanceDensity,
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
