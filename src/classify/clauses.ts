/**
 * # ECCN 3A090.a and 3A090.b
 *
 * > a. Integrated circuits having one or more digital processing units having
 * > either of the following:
 * > a.1. A 'total processing performance' of 4800 or more; or
 * > a.2. A 'total processing performance' of 1600 or more and a 'performance
 * > density' of 5.92 or more.
 * > b. Integrated circuits having one or more digital processing units having
 * > either of the following:
 * > b.1. A 'total processing performance' of 2400 or more and less than 4800
 * > and a 'performance density' of 1.6 or more and less than 5.92, or
 * > b.2. A 'total processing performance' of 1600 or more and a 'performance
 * > density' of 3.2 or more and less than 5.92.
 *
 * > Note to 3A090.a and 3A090.b: 3A090.a and 3A090.b do not apply to items
 * > that are not designed or marketed for use in datacenters and do not have a
 * > 'total processing performance' of 4800 or more. For 3A090.a and 3A090.b
 * > items that are not designed or marketed for use in datacenters and that
 * > have a 'total processing performance' of 4800 or more, see license
 * > exceptions NAC and ACA.
 *
 * The numbers above live in data/rules/3A090.json, with their operators;
 * this module only says which tests make up each paragraph. .a is tested
 * before .b: b.2 has no TPP ceiling, and anything at 4800 or more is a.1.
 */
import type { Rational } from "../numbers/rational.js";
import {
  describeComparison,
  formatForTrace,
  meets,
  type RuleSet,
  type Threshold,
  type ThresholdId,
} from "../rules/rules.js";
import type { DensityValue } from "./density.js";

/** The paragraphs of 3A090.a and .b, in the order they control. */
export const IC_CLAUSES = ["3A090.a.1", "3A090.a.2", "3A090.b.1", "3A090.b.2"] as const;
export type IcClause = (typeof IC_CLAUSES)[number];

/** Which thresholds make up each paragraph: all must hold. */
const CLAUSE_TESTS: Record<IcClause, { readonly tpp: readonly ThresholdId[]; readonly pd: readonly ThresholdId[] }> = {
  "3A090.a.1": { tpp: ["3A090.a.1.tpp"], pd: [] },
  "3A090.a.2": { tpp: ["3A090.a.2.tpp"], pd: ["3A090.a.2.pd"] },
  "3A090.b.1": { tpp: ["3A090.b.1.tpp.min", "3A090.b.1.tpp.max"], pd: ["3A090.b.1.pd.min", "3A090.b.1.pd.max"] },
  "3A090.b.2": { tpp: ["3A090.b.2.tpp"], pd: ["3A090.b.2.pd.min", "3A090.b.2.pd.max"] },
};

function threshold(rules: RuleSet, id: ThresholdId): Threshold {
  const t = rules.threshold(id);
  if (!t) throw new Error(`threshold ${id} is not in force on ${rules.date}`);
  return t;
}

/**
 * Whether a PD condition holds. An undefined PD meets no PD condition; an
 * unbounded one meets every lower bound and no upper bound.
 */
export function densityMeets(pd: DensityValue, t: Threshold): boolean {
  switch (pd.kind) {
    case "exact":
      return meets(pd.value, t);
    case "undefined-pd":
      return false;
    case "unbounded":
      return t.operator !== "<";
  }
}

/**
 * How a paragraph's tests are answered: whether the IC's TPP, and its PD, meet
 * a threshold. The clauses below are written once against this; the exact
 * Rational path and the catalogue's safe-integer path each supply their own.
 */
export interface Measures {
  tppMeets(threshold: Threshold): boolean;
  pdMeets(threshold: Threshold): boolean;
}

/** Measures of an exact TPP and a PD the facts allow. */
export function measuresOf(tpp: Rational, pd: DensityValue): Measures {
  return { tppMeets: (t) => meets(tpp, t), pdMeets: (t) => densityMeets(pd, t) };
}

/** Each paragraph's thresholds in force, looked up once per rule set (catalogues test millions of rows). */
const thresholdsInForce = new WeakMap<
  RuleSet,
  Record<IcClause, { readonly tpp: readonly Threshold[]; readonly pd: readonly Threshold[] }>
>();

function clauseThresholds(
  clause: IcClause,
  rules: RuleSet,
): { readonly tpp: readonly Threshold[]; readonly pd: readonly Threshold[] } {
  let table = thresholdsInForce.get(rules);
  if (!table) {
    const entries = IC_CLAUSES.map(
      (c) =>
        [
          c,
          {
            tpp: CLAUSE_TESTS[c].tpp.map((id) => threshold(rules, id)),
            pd: CLAUSE_TESTS[c].pd.map((id) => threshold(rules, id)),
          },
        ] as const,
    );
    table = Object.fromEntries(entries) as Record<IcClause, { tpp: Threshold[]; pd: Threshold[] }>;
    thresholdsInForce.set(rules, table);
  }
  return table[clause];
}

/**
 * Every TPP and every PD threshold that `evaluateClausesFor` may ask its measures about: the paragraphs' tests and
 * the non-datacenter note's. The outcome is a function of the answers to these alone (the catalogue's fast path
 * keys its answers by them, src/catalogue/flat-row.ts).
 */
export function thresholdsAsked(rules: RuleSet): {
  readonly tpp: readonly Threshold[];
  readonly pd: readonly Threshold[];
} {
  const tpp = new Set<Threshold>([threshold(rules, "3A090.nonDatacenter.tpp")]);
  const pd = new Set<Threshold>();
  for (const clause of IC_CLAUSES) {
    for (const t of clauseThresholds(clause, rules).tpp) tpp.add(t);
    for (const t of clauseThresholds(clause, rules).pd) pd.add(t);
  }
  return { tpp: [...tpp], pd: [...pd] };
}

/** True when the measures meet every test of `clause`, before the non-datacenter note. */
export function clauseConditionsHoldFor(clause: IcClause, measures: Measures, rules: RuleSet): boolean {
  const tests = clauseThresholds(clause, rules);
  for (const t of tests.tpp) if (!measures.tppMeets(t)) return false;
  for (const t of tests.pd) if (!measures.pdMeets(t)) return false;
  return true;
}

/** True when TPP and PD meet every test of `clause`, before the non-datacenter note. */
export function clauseConditionsHold(clause: IcClause, tpp: Rational, pd: DensityValue, rules: RuleSet): boolean {
  return clauseConditionsHoldFor(clause, measuresOf(tpp, pd), rules);
}

export interface ClauseOutcome {
  /** The first paragraph that holds, in the order .a.1, .a.2, .b.1, .b.2; "none" when none does. */
  readonly controlling: IcClause | "none";
  /** Every paragraph that holds. */
  readonly matched: readonly IcClause[];
  readonly excludedAsNonDatacenter: boolean;
}

/**
 * The outcome for one fully known set of facts. The note on items not
 * designed or marketed for datacenters takes them out of .a and .b when TPP is
 * below its threshold ("do not have a 'total processing performance' of 4800
 * or more").
 */
export function evaluateClausesFor(measures: Measures, datacenter: boolean, rules: RuleSet): ClauseOutcome {
  const excluded = !datacenter && measures.tppMeets(threshold(rules, "3A090.nonDatacenter.tpp"));
  const matched = excluded ? [] : IC_CLAUSES.filter((clause) => clauseConditionsHoldFor(clause, measures, rules));
  return { controlling: matched[0] ?? "none", matched, excludedAsNonDatacenter: excluded };
}

/** The outcome for one fully known set of facts, on an exact TPP and PD. */
export function evaluateClauses(tpp: Rational, pd: DensityValue, datacenter: boolean, rules: RuleSet): ClauseOutcome {
  return evaluateClausesFor(measuresOf(tpp, pd), datacenter, rules);
}

/** "PD 7916/407 ≈ 19.449631", "PD undefined", or the range the facts allow, for the trace. */
export function describeDensity(lowest: DensityValue, highest: DensityValue): string {
  const text = (pd: DensityValue) => {
    if (pd.kind === "exact") return formatForTrace(pd.value);
    return pd.kind === "undefined-pd" ? "undefined" : "unbounded";
  };
  if (sameDensity(lowest, highest))
    return lowest.kind === "undefined-pd" ? "PD undefined (no applicable die area)" : `PD ${text(lowest)}`;
  if (lowest.kind === "exact" && highest.kind === "exact")
    return `PD unknown, between ${text(lowest)} and ${text(highest)} as die facts are missing`;
  const low =
    lowest.kind === "exact" ? `at least ${text(lowest)}` : "undefined, if no die counts toward the applicable die area";
  const high =
    highest.kind === "exact"
      ? `${text(highest)} if every die in doubt counts`
      : "arbitrarily high, since a die that counts has no area given";
  return `PD not known, as die facts are missing: it could be ${low}, or ${high}`;
}

export function sameDensity(a: DensityValue, b: DensityValue): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind !== "exact" || a.value.eq((b as { value: Rational }).value);
}

/** The tests of `clause` in words, e.g. "TPP 15832 ≥ 1600 and PD 7916/407 ≈ 19.449631 ≥ 5.92". */
export function describeClauseTests(
  clause: IcClause,
  tpp: Rational,
  lowest: DensityValue,
  highest: DensityValue,
  rules: RuleSet,
): string {
  const tests = CLAUSE_TESTS[clause];
  const parts = tests.tpp.map((id) => describeComparison("TPP", tpp, threshold(rules, id)));
  if (tests.pd.length > 0) {
    if (lowest.kind === "exact" && sameDensity(lowest, highest)) {
      parts.push(...tests.pd.map((id) => describeComparison("PD", lowest.value, threshold(rules, id))));
    } else {
      const wanted = tests.pd.map((id) => threshold(rules, id).wording).join(" ");
      parts.push(`${describeDensity(lowest, highest)} (needs PD ${wanted})`);
    }
  }
  return parts.join(" and ");
}

/**
 * Whether `clause` holds for every PD the facts allow (true), for none (false),
 * or for some only (undefined). A .b clause is a window in PD, so its bounds
 * alone cannot show that it fails everywhere in between.
 */
export function clauseHoldsOver(
  clause: IcClause,
  tpp: Rational,
  lowest: DensityValue,
  highest: DensityValue,
  rules: RuleSet,
): boolean | undefined {
  const tests = CLAUSE_TESTS[clause];
  if (!tests.tpp.every((id) => meets(tpp, threshold(rules, id)))) return false;
  const atLowest = clauseConditionsHold(clause, tpp, lowest, rules);
  if (sameDensity(lowest, highest)) return atLowest;
  const atHighest = clauseConditionsHold(clause, tpp, highest, rules);
  if (atLowest && atHighest) return true;
  return tests.pd.length === 0 ? atLowest : undefined;
}

/** The citations of a clause's tests, deduplicated. */
export function clauseCitation(clause: IcClause, rules: RuleSet): string {
  const tests = CLAUSE_TESTS[clause];
  return [...new Set([...tests.tpp, ...tests.pd].map((id) => threshold(rules, id).cites))].join("; ");
}
