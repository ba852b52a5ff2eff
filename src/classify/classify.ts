/**
 * Classifies one datasheet under ECCN 3A090 on the rules in force on a date.
 *
 * Missing facts never produce a silent "none": each fact that is not given is
 * tried both ways (datacenter yes and no; each uncertain die counted or not),
 * and when the answers differ the result is `indeterminate`, naming what is
 * missing. When they agree, the answer stands whatever the missing fact is
 * (TPP 4800 or more is 3A090.a.1; TPP below 1600 is outside .a and .b).
 */
import { Rational } from "../numbers/rational.js";
import { describeComparison, formatForTrace, meets, type RuleSet, rulesAt, type Threshold } from "../rules/rules.js";
import { todayIso } from "../rules/dated.js";
import {
  type ClauseOutcome,
  clauseCitation,
  clauseHoldsOver,
  describeClauseTests,
  describeDensity,
  evaluateClausesFor,
  type Measures,
  measuresOf,
  IC_CLAUSES,
  type IcClause,
  sameDensity,
} from "./clauses.js";
import { type Datasheet, type IcDatasheet, parseDatasheet } from "./datasheet.js";
import { type ApplicableDieArea, applicableDieArea, type DensityValue } from "./density.js";
import { classifyAssembly, hbmItem } from "./assembly.js";
import { classifyHbm } from "./hbm.js";
import { classify2022 } from "./clauses-2022.js";
import { decideItem, icStanding, type IcStanding, type ItemAnswer, statedTppWarnings, test3A991p } from "./item.js";
import { itemRulesAt } from "../rules/items.js";
import { type Classification, type Clause, eccnOf, type TraceStep } from "./result.js";
import { totalProcessingPerformance } from "./tpp.js";

export interface ClassifyOptions {
  /** The date whose rules apply, YYYY-MM-DD; defaults to today (UTC). */
  readonly date?: string;
}

export interface ClassifyDatasheetOptions {
  /**
   * False to skip writing the trace (`trace` is then empty): for batches of
   * millions of rows that keep only the figures and the clause. Every other
   * field is the same as with the trace (spec/catalogue/lean-path.spec.ts).
   */
  readonly trace?: boolean;
}

/**
 * Validates `input` (a datasheet as parsed JSON, figures as decimal strings)
 * and classifies it on the rules in force on `options.date`.
 *
 * @throws InvalidInputError naming each field that is wrong.
 * @throws RulesDateError for a date the rules data does not cover.
 * @example classify({ part: "X", datacenter: true, units: [{ rates: [{ format: "FP8", tops: "600" }] }] }).clause === "3A090.a.1"
 */
export function classify(input: unknown, options: ClassifyOptions = {}): Classification {
  const rules = rulesAt(options.date ?? todayIso(), { history: true });
  return classifyDatasheet(parseDatasheet(input), rules);
}

/** Classifies an already validated datasheet (see `parseDatasheet`), and the item as shipped (./item.ts). */
export function classifyDatasheet(
  datasheet: Datasheet,
  rules: RuleSet,
  options: ClassifyDatasheetOptions = {},
): Classification {
  const withTrace = options.trace !== false;
  if (rules.text2022 !== undefined) return classify2022(datasheet, rules, withTrace);
  if (datasheet.kind === "ic" && datasheet.contains !== undefined) {
    return classifyAssembly(datasheet, rules, withTrace, (ic) => classifyOneIc(ic, rules, withTrace));
  }
  if (datasheet.kind === "ic") return classifyOneIc(datasheet, rules, withTrace).classification;
  const body = classifyHbm(datasheet, rules);
  return assemble(datasheet.part, body, hbmItem(body.eccn, rules), rules, withTrace);
}

/** One IC (or a single-IC item): its 3A090 paragraph, its standing for the item rules, and the item's ECCN. */
function classifyOneIc(
  datasheet: IcDatasheet,
  rules: RuleSet,
  withTrace: boolean,
): { classification: Classification; standing: IcStanding } {
  const { topsWithoutBitLength, tppValue, ...body } = classifyIc(datasheet, rules, withTrace);
  const p = test3A991p(topsWithoutBitLength, datasheet.ioBandwidthGBps, rules, itemRulesAt(rules.date));
  const label = (datasheet.form ?? "ic") === "ic" ? datasheet.part : "its IC";
  const standing = icStanding(
    label,
    { eccn: body.eccn, clause: body.clause, missing: body.missing, tpp: tppValue },
    p,
    datasheet.datacenter,
    rules,
  );
  const item = decideItem([standing], datasheet.form ?? "ic", datasheet.baseEccn, datasheet.datacenter, rules);
  const stated = datasheet.statedTpp === undefined ? [] : statedTppWarnings("", datasheet.statedTpp, tppValue, rules);
  return {
    classification: assemble(
      datasheet.part,
      { ...body, warnings: [...body.warnings, ...stated] },
      item,
      rules,
      withTrace,
    ),
    standing,
  };
}

/**
 * The result: the IC's (or HBM's) fields, then the item's ECCN, its basis at the end of the trace, and what it adds to
 * missing, warnings and notes.
 */
function assemble(
  part: string,
  body: ReturnType<typeof classifyHbm>,
  item: ItemAnswer,
  rules: RuleSet,
  withTrace: boolean,
): Classification {
  const {
    tpp,
    performanceDensity,
    performanceDensityExact,
    clause,
    eccn,
    matched,
    missing,
    warnings,
    notes,
    trace,
    ...rest
  } = body;
  return {
    part,
    rulesDate: rules.date,
    tpp,
    performanceDensity,
    performanceDensityExact,
    clause,
    eccn,
    matched,
    missing: [...new Set([...missing, ...item.missing])],
    warnings: [...warnings, ...item.warnings],
    notes: [...notes, ...item.notes],
    // HBM's two-step trace costs little; it is left out too, so `trace: false` always means no trace.
    trace: withTrace ? [...trace, ...item.itemBasis] : [],
    itemEccn: item.itemEccn,
    itemBasis: item.itemBasis,
    ...rest,
    rules: {
      date: rules.date,
      verifiedThrough: rules.verifiedThrough,
      beyondVerified: rules.beyondVerified,
      dataSha256: rules.dataSha256,
    },
  };
}

interface Decision {
  readonly clause: IcClause | "none" | "indeterminate";
  readonly matched: readonly IcClause[];
  readonly missing: readonly string[];
  readonly lowest: DensityValue;
  readonly highest: DensityValue;
  readonly outcomes: readonly ClauseOutcome[];
}

/** What `missing` says when the datacenter flag would settle the answer. */
export const DATACENTER_MISSING = "datacenter: whether the IC is designed or marketed for use in datacenters";

/** The clause over every way the missing facts could go, and which of them matter. */
export interface ScenarioDecision {
  readonly clause: IcClause | "none" | "indeterminate";
  /** Paragraphs that hold in every scenario. */
  readonly matched: readonly IcClause[];
  readonly datacenterMatters: boolean;
  readonly diesMatter: boolean;
  readonly outcomes: readonly ClauseOutcome[];
}

/**
 * Tries each density scenario (the lowest and highest PD the die facts allow,
 * as Measures) with the datacenter flag, or both flags when it is not given.
 * The clauses are monotone in PD, so the two ends suffice.
 */
export function decideOverScenarios(
  densities: readonly Measures[],
  datacenter: boolean | null | undefined,
  rules: RuleSet,
): ScenarioDecision {
  if (densities.length === 1 && (datacenter === true || datacenter === false)) {
    // All facts known: one outcome (the common case, kept free of the grid's allocations).
    const outcome = evaluateClausesFor(densities[0]!, datacenter, rules);
    return {
      clause: outcome.controlling,
      matched: outcome.matched,
      datacenterMatters: false,
      diesMatter: false,
      outcomes: [outcome],
    };
  }
  const datacenters = datacenter === true || datacenter === false ? [datacenter] : [true, false];
  const grid = datacenters.map((dc) => densities.map((measures) => evaluateClausesFor(measures, dc, rules)));
  const outcomes = grid.flat();
  const first = outcomes[0]!.controlling;
  const determinate = outcomes.every((o) => o.controlling === first);
  return {
    clause: determinate ? first : "indeterminate",
    matched: IC_CLAUSES.filter((clause) => outcomes.every((o) => o.matched.includes(clause))),
    datacenterMatters:
      !determinate && densities.some((_, j) => grid[0]![j]!.controlling !== grid[grid.length - 1]![j]!.controlling),
    diesMatter: !determinate && grid.some((row) => row[0]!.controlling !== row[row.length - 1]!.controlling),
    outcomes,
  };
}

/** The clause for a TPP, trying every way the missing facts could go. */
function decide(
  tpp: Rational,
  area: ApplicableDieArea,
  datacenter: boolean | null | undefined,
  rules: RuleSet,
): Decision {
  const { lowest, highest } = area.density(tpp);
  const densities = sameDensity(lowest, highest) ? [lowest] : [lowest, highest];
  const decision = decideOverScenarios(
    densities.map((pd) => measuresOf(tpp, pd)),
    datacenter,
    rules,
  );
  const missing = [
    ...(decision.datacenterMatters ? [DATACENTER_MISSING] : []),
    ...(decision.diesMatter ? area.missing : []),
  ];
  return { clause: decision.clause, matched: decision.matched, missing, lowest, highest, outcomes: decision.outcomes };
}

function classifyIc(
  datasheet: IcDatasheet,
  rules: RuleSet,
  withTrace: boolean,
): ReturnType<typeof classifyHbm> & { readonly topsWithoutBitLength: Rational; readonly tppValue: Rational } {
  const performance = totalProcessingPerformance(datasheet, rules);
  const { tpp } = performance;
  const area = applicableDieArea(datasheet.dies);
  const decision = decide(tpp, area, datasheet.datacenter, rules);
  const { lowest, highest } = decision;
  const exactDensity = area.exact && lowest.kind === "exact" ? lowest.value : undefined;

  const trace: TraceStep[] = [];
  const warnings: string[] = [];
  const notes: string[] = [];

  // Technical Note 2: TPP.
  if (withTrace) traceValues(trace, performance, area, lowest, highest, exactDensity, rules);

  // The note on items not designed or marketed for datacenters.
  const note = rules.threshold("3A090.nonDatacenter.tpp")!;
  const tppBelowNote = meets(tpp, note);
  const noteResult = nonDatacenterNoteResult(tppBelowNote, datasheet.datacenter);
  if (withTrace) traceClauses(trace, datasheet, tpp, lowest, highest, note, noteResult, rules);

  // Readings the text leaves open (A-8): warn where they would change the answer.
  const otherReadings: { reading: string; tpp: Rational }[] = [
    {
      reading:
        `highest per-format sum of TPP (${performance.highestSummedFormat.format}) instead of the sum of ` +
        "per-unit maxima (docs/ambiguities.md#a-8)",
      tpp: performance.highestSummedFormat.tpp,
    },
    ...performance.alternativeReadings.map((r) => ({ reading: r.reading, tpp: r.tpp })),
  ];
  for (const other of otherReadings) {
    if (other.tpp.eq(tpp)) continue;
    const alternative = decide(other.tpp, area, datasheet.datacenter, rules);
    if (alternative.clause !== decision.clause) {
      warnings.push(
        `with ${other.reading}, TPP would be ${other.tpp.toExactString()} and the clause ${alternative.clause} ` +
          `instead of ${decision.clause}; classified on TPP ${tpp.toExactString()}`,
      );
    }
  }
  for (const { path, ratio } of performance.unusualSparseRatios) {
    warnings.push(
      `${path}: the stated dense/sparse ratio ${ratio.toExactString()} is not 1/2 (2:4 structured sparsity); ` +
        `the dense figure counted is the sparse figure × ${ratio.toExactString()}: check the datasheet states ` +
        "this ratio",
    );
  }
  for (const rate of performance.ignoredSparseRates)
    notes.push(`${rate} left aside: a dense figure for the same format is given, and TPP counts dense throughput`);

  // Licence exceptions and related ECCNs, as facts about the rule.
  const inA = decision.clause === "3A090.a.1" || decision.clause === "3A090.a.2";
  if (inA && datasheet.datacenter === false) {
    notes.push(
      `not designed or marketed for datacenters with TPP of ${note.value.toExactString()} or more: 3A090.a, ` +
        "and licence exceptions NAC and ACA may be available (note to 3A090.a and .b; 15 CFR 740.8)",
    );
  } else if (inA && (datasheet.datacenter === undefined || datasheet.datacenter === null)) {
    notes.push(
      "if the IC is not designed or marketed for datacenters, licence exceptions NAC and ACA may be available " +
        "(note to 3A090.a and .b; 15 CFR 740.8)",
    );
  }
  if (noteResult === "applies")
    notes.push(
      "outside 3A090.a and .b: not designed or marketed for datacenters, and TPP " +
        `below ${note.value.toExactString()} (note to 3A090.a and .b)`,
    );

  return {
    kind: "ic",
    tpp: tpp.toExactString(),
    performanceDensity: exactDensity?.toTruncatedDecimal(6) ?? null,
    performanceDensityExact: exactDensity?.toFractionString() ?? null,
    applicableDieAreaMm2: area.exact && !area.exact.isZero() ? area.exact.toExactString() : null,
    clause: decision.clause,
    eccn: eccnOf(decision.clause as Clause),
    matched: decision.matched,
    missing: decision.missing,
    warnings,
    notes,
    trace,
    topsWithoutBitLength: performance.topsWithoutBitLength,
    tppValue: tpp,
  };
}

/** The trace steps of the values: TPP per unit and in total, applicable die area, performance density. */
function traceValues(
  trace: TraceStep[],
  performance: ReturnType<typeof totalProcessingPerformance>,
  area: ApplicableDieArea,
  lowest: DensityValue,
  highest: DensityValue,
  exactDensity: Rational | undefined,
  rules: RuleSet,
): void {
  const { tpp } = performance;
  for (const unit of performance.units) {
    const rates = unit.rates
      .map((r) => {
        // How the dense figure was obtained (MACs × clock, a stated sparse ratio) and its source, when the datasheet
        // says.
        const derived = r.basis === `${r.denseTops.toExactString()} TOPS as given` ? "" : ` (${r.basis})`;
        const source = r.source === undefined ? "" : ` [source: ${r.source}]`;
        return (
          `${r.format} ${r.denseTops.toExactString()} TOPS${derived}${source} × ${r.bitLength.toExactString()} ` +
          `bits = ${r.tpp.toExactString()}${r === unit.highest ? " (highest)" : ""}`
        );
      })
      .join("; ");
    const total = unit.count.eq(Rational.ONE)
      ? unit.highest.tpp.toExactString()
      : `${unit.count.toExactString()} × ${unit.highest.tpp.toExactString()} ` +
        `= ${unit.count.mul(unit.highest.tpp).toExactString()}`;
    trace.push({
      step: `TPP of ${unit.name}`,
      result: "value",
      statement: `${rates}; unit TPP ${total}`,
      citation: rules.definitionCitation.tpp,
    });
  }
  trace.push({
    step: "TPP",
    result: "value",
    statement:
      `sum over units of each unit's highest TPP = ${tpp.toExactString()}` +
      ("; other reading, highest per-format " +
        `sum: ${performance.highestSummedFormat.format} ${performance.highestSummedFormat.tpp.toExactString()}`),
    citation: rules.definitionCitation.tpp,
  });

  // Technical Note 2, 4: performance density.
  trace.push({
    step: "applicable die area",
    result: "value",
    statement: `${area.accounting.join("; ")}${area.exact ? ` = ${area.exact.toExactString()} mm²` : ""}`,
    citation: rules.definitionCitation.performanceDensity,
  });
  trace.push({
    step: "performance density",
    result: "value",
    statement: densityStatement(tpp, area, exactDensity, lowest, highest),
    citation: rules.definitionCitation.performanceDensity,
  });
}

/**
 * The note on items not designed or marketed for datacenters takes the IC out of 3A090.a only when its TPP is below
 * the note's threshold and the datasheet says it is not for datacenters; unknown when the datasheet does not say.
 */
function nonDatacenterNoteResult(tppBelowNote: boolean, datacenter: boolean | null | undefined): TraceStep["result"] {
  if (!tppBelowNote || datacenter === true) return "does not apply";
  return datacenter === false ? "applies" : "unknown";
}

/** PD as TPP ÷ the applicable die area, "undefined" when no die counts, or the range the facts allow. */
function densityStatement(
  tpp: Rational,
  area: ApplicableDieArea,
  exactDensity: Rational | undefined,
  lowest: DensityValue,
  highest: DensityValue,
): string {
  if (exactDensity !== undefined)
    return `${tpp.toExactString()} ÷ ${area.exact!.toExactString()} mm² = ${formatForTrace(exactDensity)}`;
  if (lowest.kind === "undefined-pd" && highest.kind === "undefined-pd")
    return "undefined: no die counts toward the applicable die area, so no PD condition can hold";
  return describeDensity(lowest, highest);
}

/** Whether the datasheet says the IC is designed or marketed for datacenters (the note to 3A090.a and .b). */
function datacenterText(datacenter: boolean | null | undefined): string {
  if (datacenter === true) return "designed or marketed for datacenters";
  if (datacenter === false) return "not designed or marketed for datacenters";
  return "datacenter design or marketing not given";
}

/** The trace steps of the non-datacenter note and of each clause of 3A090.a and .b. */
function traceClauses(
  trace: TraceStep[],
  datasheet: IcDatasheet,
  tpp: Rational,
  lowest: DensityValue,
  highest: DensityValue,
  note: Threshold,
  noteResult: TraceStep["result"],
  rules: RuleSet,
): void {
  const rationale = datasheet.datacenterRationale ? ` (${datasheet.datacenterRationale})` : "";
  trace.push({
    step: "non-datacenter note",
    result: noteResult,
    statement: `${datacenterText(datasheet.datacenter)}${rationale}; ${describeComparison("TPP", tpp, note)}`,
    citation: note.cites,
  });

  // 3A090.a.1 to .b.2. The non-datacenter note, when it applies, takes the IC out whatever the tests say.
  for (const clause of IC_CLAUSES) {
    const tests = describeClauseTests(clause, tpp, lowest, highest, rules);
    const citation = clauseCitation(clause, rules);
    const holds = clauseHoldsOver(clause, tpp, lowest, highest, rules);
    if (holds === false) trace.push({ step: clause, result: "fails", statement: tests, citation });
    else if (noteResult === "applies") {
      trace.push({
        step: clause,
        result: "does not apply",
        statement: `${tests}; the non-datacenter note takes the IC out of 3A090.a and .b`,
        citation,
      });
    } else if (holds === true && noteResult === "does not apply")
      trace.push({ step: clause, result: "holds", statement: tests, citation });
    else trace.push({ step: clause, result: "unknown", statement: tests, citation });
  }
}
