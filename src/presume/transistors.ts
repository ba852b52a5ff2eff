/**
 * # 'Aggregated approximated transistor count' and the thresholds of Note 1 ¶b and ¶c
 *
 * > "Aggregated approximated transistor count" means the sum of the
 * > 'approximated transistor counts,' as defined in Note 1 to 3A090.a, of each
 * > 'applicable advanced logic integrated circuit' die within the final
 * > package fabricated using a '16/14 nanometer node' or below, or using a
 * > non-planar transistor architecture. (15 CFR 772.1)
 *
 * > The 'approximated transistor count' of a die is the 'transistor density'
 * > of the die multiplied by the area of the die measured in square
 * > millimeters. … 'transistor density' is the number of transistors that can
 * > be fabricated per square millimeter for the process node used to
 * > manufacture the die. (technical note to Note 1 to 3A090.a)
 *
 * > (a) the 'aggregated approximated transistor count' of the final packaged
 * > IC is below 30 billion transistors, or (b) the final packaged IC does not
 * > contain high-bandwidth memory and that the 'aggregated approximated
 * > transistor count' of the final packaged IC is below (i) 35 billion
 * > transistors for any exports, reexports, or transfers (in-country)
 * > completed in 2027; or (ii) 40 billion transistors for any exports,
 * > reexports, or transfers (in-country) completed in 2029 or thereafter
 * > (Note 1 ¶b, and ¶c in the same words)
 *
 * "Below" is strict: exactly 30,000,000,000 does not qualify. The year is the
 * calendar year the transaction is completed. 2028 is not mentioned (A-1): by
 * default the literal text applies (30 billion only) and the test is
 * `unknown` where the 2027 or 2029 rule would change it; `gap2028` chooses a
 * reading. The count is attested (e.g. a GDS count, A-7) or computed exactly
 * as density × area over the applicable advanced logic dies; planar dies
 * above 16/14 nm and DRAM dies do not count. HBM base dies count unless the
 * caller says otherwise (A-6); the caller runs both when it matters.
 */
import type { Die } from "../classify/datasheet.js";
import type { TraceStep } from "../classify/result.js";
import { Rational } from "../numbers/rational.js";
import { formatForTrace } from "../rules/rules.js";
import type { Order } from "./order.js";
import { type Note1Parameters, type WithoutHbmEntry, withoutHbmEntryFor } from "./parameters.js";
import { TRI_HOLDS, type Tri, triAnd, triNot, triOf, triOr } from "./tri.js";

export const GAP_2028_READINGS = ["literal", "2027-rule", "2029-rule"] as const;
export type Gap2028Reading = (typeof GAP_2028_READINGS)[number];
export type CountMethod = "attested" | "computed";

/**
 * Whether a die is an 'applicable advanced logic integrated circuit' die:
 * logic, and non-planar or at the 16/14 nm node or below (node ≤ 16, inclusive:
 * a 16 nm die counts, a 20 nm planar die does not).
 */
export function isApplicableAdvancedLogic(
  die: { logic?: boolean | undefined; nonPlanar?: boolean | undefined; nodeNm?: Rational | undefined },
  params: Note1Parameters,
): Tri {
  return triAnd([triOf(die.logic), triOr([triOf(die.nonPlanar), atOrBelowNode(die.nodeNm, params)])]);
}

/** "the '16/14 nanometer node' or below": inclusive, so a 16 nm die is at or below it. */
function atOrBelowNode(nodeNm: Rational | undefined, params: Note1Parameters): Tri {
  if (nodeNm === undefined) return "unknown";
  return nodeNm.lte(params.node.value) ? "yes" : "no";
}

export interface TransistorCount {
  readonly method: CountMethod | null;
  /** The count when known exactly. */
  readonly exact: Rational | undefined;
  /** The smallest and largest counts the facts allow (largest undefined when unbounded). */
  readonly low: Rational;
  readonly high: Rational | undefined;
  readonly accounting: readonly string[];
  readonly missing: readonly string[];
  /** True when a die is an HBM base die that meets the node test (so the option can matter). */
  readonly hasCountableHbmBaseDie: boolean;
  readonly warnings: readonly string[];
  readonly trace: TraceStep;
}

const label = (die: Die, index: number) => `dies[${index}]${die.name ? ` (${die.name})` : ""}`;

/** The aggregated approximated transistor count of the final package, exact. */
export function aggregatedApproximatedTransistorCount(
  order: Order,
  params: Note1Parameters,
  countHbmBaseDies: boolean,
): TransistorCount {
  const computed = computeFromDies(order.dies ?? [], params, countHbmBaseDies);
  const attested = order.aggregatedApproximatedTransistorCount;
  const citation = params.anyPackage.cites.replace(
    /¶b\(a\), ¶c\(a\)/,
    "technical note ('approximated transistor count'); 15 CFR 772.1",
  );
  if (attested !== undefined) {
    const warnings: string[] = [];
    if (computed.exact && !computed.exact.eq(attested)) {
      const upperEstimate = computed.exact.gt(attested)
        ? " (a GDS count may be lower than density × area, which the note calls an upper estimate)"
        : "";
      warnings.push(
        `the attested aggregated approximated transistor count ${attested.toExactString()} differs from ` +
          (`density × area over the dies, ${computed.exact.toExactString()}; the attested figure is ` +
            `used${upperEstimate}`),
      );
    }
    return {
      method: "attested",
      exact: attested,
      low: attested,
      high: attested,
      accounting: [`attested: ${attested.toExactString()}${sourceInParentheses(order.transistorCountSource)}`],
      missing: [],
      hasCountableHbmBaseDie: false,
      warnings,
      trace: {
        step: "aggregated approximated transistor count",
        result: "value",
        statement: `attested figure ${attested.toExactString()}${sourceText(order.transistorCountSource)}`,
        citation,
      },
    };
  }
  return {
    ...computed,
    method: order.dies && order.dies.length > 0 ? "computed" : null,
    warnings: [],
    trace: {
      step: "aggregated approximated transistor count",
      result: computed.exact ? "value" : "unknown",
      statement: computedCountStatement(order, computed),
      citation,
    },
  };
}

function sourceInParentheses(source: string | undefined): string {
  return source ? ` (${source})` : "";
}

function sourceText(source: string | undefined): string {
  return source ? ` (source: ${source})` : " (source not stated)";
}

/** The computed count in words: each die's contribution, then the sum, or the bounds the missing facts leave. */
function computedCountStatement(order: Order, computed: ReturnType<typeof computeFromDies>): string {
  if (!order.dies || order.dies.length === 0) return "no attested count and no dies given";
  const sum = computed.exact
    ? ` = ${computed.exact.toExactString()}`
    : `; between ${computed.low.toExactString()} and ${computed.high ? computed.high.toExactString() : "unbounded"} ` +
      "as die facts are missing";
  return `density × area over the applicable advanced logic dies: ${computed.accounting.join("; ")}${sum}`;
}

function computeFromDies(dies: readonly Die[], params: Note1Parameters, countHbmBaseDies: boolean) {
  let low = Rational.ZERO;
  let high: Rational | undefined = Rational.ZERO;
  const accounting: string[] = [];
  const missing: string[] = [];
  let hasCountableHbmBaseDie = false;
  let anyAdvancedLogicDie = false;
  for (const [index, die] of dies.entries()) {
    const name = label(die, index);
    const baseDie = die.memoryStack === true && die.logic !== false;
    if (die.memoryStack === true && die.logic === false) {
      accounting.push(`${name}: DRAM die of a memory stack, not counted`);
      continue;
    }
    if (die.logic === false) {
      accounting.push(`${name}: not a logic die, not counted`);
      continue;
    }
    const applicable = isApplicableAdvancedLogic(die, params);
    if (applicable !== "no") anyAdvancedLogicDie = true;
    if (applicable === "no") {
      const node = die.nodeNm ? ` ${die.nodeNm.toExactString()} nm` : "";
      accounting.push(
        `${name}: ${die.nonPlanar === false ? "planar" : "node"}${node}, above the 16/14 nm node: not counted`,
      );
      continue;
    }
    if (baseDie) {
      hasCountableHbmBaseDie = true;
      if (!countHbmBaseDies) {
        accounting.push(`${name}: HBM base die, not counted (option; docs/ambiguities.md#a-6)`);
        continue;
      }
    }
    const count = Rational.of(die.count);
    const contribution =
      die.areaMm2 && die.transistorDensityPerMm2 ? die.transistorDensityPerMm2.mul(die.areaMm2).mul(count) : undefined;
    const formula = contribution ? contributionFormula(die, contribution) : "";
    if (contribution === undefined) {
      if (!die.areaMm2) missing.push(`${name}.areaMm2`);
      if (!die.transistorDensityPerMm2) missing.push(`${name}.transistorDensityPerMm2`);
    }
    if (applicable === "unknown") {
      if (die.logic === undefined) missing.push(`${name}.logic`);
      if (die.nonPlanar === undefined && die.nodeNm === undefined) missing.push(`${name}.nonPlanar or ${name}.nodeNm`);
      else if (die.nonPlanar === undefined) missing.push(`${name}.nonPlanar`);
      else if (die.nodeNm === undefined) missing.push(`${name}.nodeNm`);
      high = contribution && high ? high.add(contribution) : undefined;
      accounting.push(`${name}: may or may not be an applicable advanced logic die; ${formula || "figures not given"}`);
      continue;
    }
    if (contribution) {
      low = low.add(contribution);
      high = high?.add(contribution);
      accounting.push(`${name}${baseDie ? " (HBM base die, counted)" : ""}: ${formula}`);
    } else {
      high = undefined;
      accounting.push(`${name}: applicable advanced logic die, figures not given`);
    }
  }
  // An applicable advanced logic IC has at least one such die. When none is listed (no dies, or only
  // planar, older-node or memory dies), the list is incomplete: the count is unknown, never zero.
  if (!anyAdvancedLogicDie) {
    high = undefined;
    missing.push(
      dies.length === 0
        ? "dies with areaMm2 and transistorDensityPerMm2"
        : "the applicable advanced logic dies (16/14 nm or below, or non-planar) in dies, " +
            "with areaMm2 and transistorDensityPerMm2: none is listed",
    );
  }
  const exact = high?.eq(low) && missing.length === 0 ? low : undefined;
  return { exact, low, high, accounting, missing: [...new Set(missing)], hasCountableHbmBaseDie };
}

/** "2 × 60000000/mm² × 645 mm² = 77400000000": a die's density × area, times its count when more than one. */
function contributionFormula(die: Die, contribution: Rational): string {
  const times = die.count > 1n ? `${die.count} × ` : "";
  const density = die.transistorDensityPerMm2!.toExactString();
  return `${times}${density}/mm² × ${die.areaMm2!.toExactString()} mm² = ${contribution.toExactString()}`;
}

export interface TransistorTest {
  /** Whether the count is below the threshold that applies. */
  readonly below: Tri;
  /** The threshold applied, for the output (the no-HBM one when the package has none). */
  readonly threshold: Rational;
  readonly trace: readonly TraceStep[];
  /** What would let the test hold, in words; empty when it holds. */
  readonly needs: readonly string[];
  readonly warnings: readonly string[];
  /** True when the 2028 gap, read by default, decides `unknown`. */
  readonly gapMatters: boolean;
}

/** Below `t` for every count the facts allow (yes), for none (no), or for some (unknown). */
function belowTri(count: TransistorCount, t: Rational): Tri {
  if (count.high?.lt(t)) return "yes";
  if (count.low.gte(t)) return "no";
  return "unknown";
}

function countText(count: TransistorCount): string {
  if (count.exact) return formatForTrace(count.exact);
  if (count.high) return `between ${count.low.toExactString()} and ${count.high.toExactString()}`;
  return `at least ${count.low.toExactString()}`;
}

/** How the count compares with a threshold, as written in the trace: "below" is strict, so "no" is "≥". */
const BELOW_SIGN = { yes: "<", no: "≥", unknown: "vs" } as const satisfies Record<Tri, string>;
const BELOW_TEXT = { yes: "below", no: "not below", unknown: "unknown" } as const satisfies Record<Tri, string>;

/** The no-HBM test (b) is available only when the final packaged IC does not contain HBM. */
function hbmText(containsHbm: boolean | undefined): string {
  if (containsHbm === undefined) return "containsHbm not given";
  return containsHbm ? "contains HBM, so (b) is not available" : "no HBM";
}

/**
 * Note 1 ¶b(a)/(b) (and ¶c in the same words): whether the count is below the
 * threshold for the completion year, with or without HBM.
 */
export function transistorCountTest(
  count: TransistorCount,
  containsHbm: boolean | undefined,
  completionDate: string,
  params: Note1Parameters,
  gap2028: Gap2028Reading | undefined,
): TransistorTest {
  const year = Number.parseInt(completionDate.slice(0, 4), 10);
  const any = params.anyPackage;
  const schedule = params.withoutHbm.schedule;
  const entry = withoutHbmEntryFor(schedule, year);
  const trace: TraceStep[] = [];
  const warnings: string[] = [];

  // (a): below 30 billion, with or without HBM.
  const anyBelow = belowTri(count, any.value);
  trace.push({
    step: "Note 1 ¶b(a)/¶c(a) below 30 billion",
    result: TRI_HOLDS[anyBelow],
    statement:
      `aggregated approximated transistor count ${countText(count)} ${BELOW_SIGN[anyBelow]} ` +
      `${any.value.toExactString()} ("below" is strict)`,
    citation: any.cites,
  });

  // (b): without HBM, below the threshold for the completion year, by the reading chosen for a gap.
  const noHbm = triNot(triOf(containsHbm));
  const withoutHbmTri = (reading: Gap2028Reading): Tri => {
    const t = noHbmThresholdFor(schedule, entry, reading);
    return t === undefined ? "no" : triAnd([noHbm, belowTri(count, t)]);
  };
  const chosen: Gap2028Reading = gap2028 ?? "literal";
  const chosenThreshold = noHbmThresholdFor(schedule, entry, chosen);
  let withoutHbm = withoutHbmTri(chosen);
  let gapMatters = false;
  if (entry?.kind === "gap") {
    const byReading = GAP_2028_READINGS.map((r) => ({ r, result: triOr([anyBelow, withoutHbmTri(r)]) }));
    const differs = byReading.some((b) => b.result !== byReading[0]!.result);
    if (gap2028 === undefined && differs) {
      gapMatters = true;
      withoutHbm = "unknown";
      const readings = byReading.map((b) => `${b.r} reading gives ${BELOW_TEXT[b.result]}`).join("; ");
      warnings.push(
        `completed in ${year}, which Note 1 ¶b(b)/¶c(b) does not mention (drafting gap, docs/ambiguities.md#a-1): ` +
          `${readings}; the answer is indeterminate where this changes the outcome ` +
          "(--gap-2028 literal|2027-rule|2029-rule chooses a reading)",
      );
    } else if (gap2028 !== undefined) {
      warnings.push(
        `completed in ${year}, a year Note 1 ¶b(b)/¶c(b) does not mention (docs/ambiguities.md#a-1): ` +
          `the ${gap2028} reading was chosen`,
      );
    }
    trace.push(gapYearStep(year, entry.wording, gap2028, chosenThreshold, gapMatters, withoutHbm, params));
  } else if (entry?.kind === "threshold") {
    const below = belowTri(count, entry.value);
    trace.push({
      step: `Note 1 ¶b(b)/¶c(b) without HBM, completed in ${year}`,
      result: TRI_HOLDS[withoutHbm],
      statement: `${hbmText(containsHbm)}; count ${countText(count)} ${BELOW_SIGN[below]} ${entry.value.toExactString()}`,
      citation: params.withoutHbm.cites,
    });
  } else {
    trace.push({
      step: "Note 1 ¶b(b)/¶c(b) without HBM",
      result: "not in force",
      statement:
        `completed in ${year}: the higher thresholds start with transactions completed in ` +
        `${schedule[0]!.fromYear}; only the 30 billion test applies`,
      citation: params.withoutHbm.cites,
    });
  }

  const below = triOr([anyBelow, withoutHbm]);
  const threshold =
    containsHbm === false && chosenThreshold && chosenThreshold.gt(any.value) ? chosenThreshold : any.value;
  const needs =
    below === "yes" ? [] : transistorCountNeeds(count, containsHbm, withoutHbmTri(chosen), gapMatters, year, threshold);
  return { below, threshold, trace, needs, warnings, gapMatters };
}

/**
 * The no-HBM threshold for the completion year: the year's own, or, in a year the text does not mention (2028, A-1),
 * none on the literal reading and the neighbouring year's on the 2027-rule or 2029-rule reading.
 */
function noHbmThresholdFor(
  schedule: readonly WithoutHbmEntry[],
  entry: WithoutHbmEntry | undefined,
  reading: Gap2028Reading,
): Rational | undefined {
  if (!entry) return undefined;
  if (entry.kind === "threshold") return entry.value;
  if (reading === "literal") return undefined;
  const neighbourYear = reading === "2027-rule" ? entry.fromYear - 1 : (entry.throughYear ?? entry.fromYear) + 1;
  const neighbour = withoutHbmEntryFor(schedule, neighbourYear);
  return neighbour?.kind === "threshold" ? neighbour.value : undefined;
}

/** The trace step of (b) in a year the text does not mention: the reading applied and the threshold it gives. */
function gapYearStep(
  year: number,
  wording: string,
  gap2028: Gap2028Reading | undefined,
  chosenThreshold: Rational | undefined,
  gapMatters: boolean,
  withoutHbm: Tri,
  params: Note1Parameters,
): TraceStep {
  const thresholdText = chosenThreshold
    ? `, threshold ${chosenThreshold.toExactString()}`
    : ", so only the 30 billion test";
  const gapText = gapMatters ? "; the 2027 or 2029 rule would change the test, so it is unknown" : "";
  return {
    step: "Note 1 ¶b(b)/¶c(b) without HBM",
    result: withoutHbm === "no" ? "does not apply" : TRI_HOLDS[withoutHbm],
    statement: `completed in ${year}: ${wording}; reading ${gap2028 ?? "literal (default)"}${thresholdText}${gapText}`,
    citation: params.withoutHbm.cites,
  };
}

/** What would let the count test hold, in words: the count itself, the HBM fact, a reading of the gap, a lower count. */
function transistorCountNeeds(
  count: TransistorCount,
  containsHbm: boolean | undefined,
  withoutHbm: Tri,
  gapMatters: boolean,
  year: number,
  threshold: Rational,
): string[] {
  const needs: string[] = [];
  if (!count.exact && count.high === undefined && count.low.isZero() && count.missing.length === 0) {
    needs.push(
      "aggregatedApproximatedTransistorCount (attested), " +
        "or dies with logic, nonPlanar or nodeNm, areaMm2 and transistorDensityPerMm2",
    );
  } else if (!count.exact && (count.missing.length > 0 || count.high === undefined)) {
    needs.push(
      "the aggregated approximated transistor count: attest it (aggregatedApproximatedTransistorCount) " +
        `or give ${count.missing.join(", ") || "the dies' figures"}`,
    );
  }
  if (containsHbm === undefined && withoutHbm === "unknown")
    needs.push("containsHbm: whether the final packaged IC contains high-bandwidth memory");
  if (gapMatters) needs.push(`a reading of the ${year} drafting gap (--gap-2028; docs/ambiguities.md#a-1)`);
  if (count.exact && !gapMatters)
    needs.push(
      `aggregated approximated transistor count below ${threshold.toExactString()} ` +
        `(it is ${count.exact.toExactString()})`,
    );
  return needs;
}
