/**
 * # Note 1 to 3A090.a: whom, when and what the presumption binds
 *
 * > When a 'front-end fabricator' or an 'OSAT' company is seeking to export,
 * > reexport, or transfer (in-country) an 'applicable advanced logic
 * > integrated circuit,' there is a presumption that the item is 3A090.a and
 * > designed or marketed for datacenters. … this presumption does not apply
 * > to any entity other than the 'front-end fabricator' or 'OSAT' company.
 *
 * > 'Applicable advanced logic integrated circuit(s)' are logic integrated
 * > circuits produced using the '16/14 nanometer node' or below, or using a
 * > non-planar transistor architecture. (15 CFR 772.1)
 *
 * Three tests, in this order: the exporter is the front-end fabricator or an
 * OSAT; the transaction is completed on or after the date Note 1 binds (dated
 * data: effective 16 January 2025, compliance 31 January 2025); the IC is an
 * applicable advanced logic IC. The presumption does not bind when any of
 * them fails; an IC whose node or architecture is not given stays in scope,
 * as `unknown`, never out of it.
 */
import type { TraceStep } from "../classify/result.js";
import type { Rational } from "../numbers/rational.js";
import type { Order, Party } from "./order.js";
import type { Note1Parameters } from "./parameters.js";
import { isApplicableAdvancedLogic } from "./transistors.js";
import { TRI_APPLIES, type Tri, triAnd, triOf, triOr } from "./tri.js";

export interface ApplicableAdvancedLogicFinding {
  readonly applies: Tri;
  /** Why it is not an applicable advanced logic IC, in words (used when `applies` is "no"). */
  readonly reason: string;
  /** What would settle it, in words. */
  readonly needs: string[];
  readonly trace: TraceStep;
}

export interface Note1Scope {
  /** The exporter is the front-end fabricator or an OSAT. */
  readonly exporterBound: boolean;
  readonly logic: ApplicableAdvancedLogicFinding;
  /** Why the presumption does not bind this transaction; null when it binds (or may). */
  readonly notBinding: string | null;
  readonly trace: readonly TraceStep[];
  readonly warnings: readonly string[];
}

/** The introductory text of Note 1 and § 772.1: whether the presumption binds this transaction on `date`. */
export function note1Scope(order: Order, date: string, params: Note1Parameters): Note1Scope {
  const exporterBound = order.exporter !== "other";
  const logic = applicableAdvancedLogicIc(order, params);
  const { scope } = params;
  const warnings: string[] = [];
  if (params.inForce && date < scope.compliance) {
    warnings.push(
      `completed ${date}, on or after Note 1's effective date ${scope.effective} ` +
        `but before its compliance date ${scope.compliance}: ${scope.reading}`,
    );
  }
  const trace: TraceStep[] = [
    {
      step: "Note 1 scope: exporter",
      result: exporterBound ? "applies" : "does not apply",
      statement: exporterText(order.exporter),
      citation: scope.cites,
    },
    {
      step: "Note 1 scope: date",
      result: params.inForce ? "applies" : "not in force",
      statement:
        `completed ${date}; Note 1 effective ${scope.effective}, compliance ${scope.compliance}; ` +
        `the presumption binds transactions completed on or after ${scope.bindsFrom}`,
      citation: scope.cites,
    },
    logic.trace,
  ];
  const notBinding = whyPresumptionDoesNotBind(exporterBound, logic, date, params);
  return { exporterBound, logic, notBinding, trace, warnings };
}

function exporterText(exporter: Party): string {
  switch (exporter) {
    case "osat":
      return "the exporter is the OSAT";
    case "front-end-fabricator":
      return "the exporter is the front-end fabricator";
    case "other":
      return (
        "the exporter is neither the front-end fabricator nor an OSAT: " +
        "\"this presumption does not apply to any entity other than the 'front-end fabricator' or 'OSAT' company\""
      );
  }
}

/** The first scope test that fails, in words: the exporter, then the date, then the IC. */
function whyPresumptionDoesNotBind(
  exporterBound: boolean,
  logic: ApplicableAdvancedLogicFinding,
  date: string,
  params: Note1Parameters,
): string | null {
  if (!exporterBound) return "the exporter is neither the front-end fabricator nor an OSAT";
  if (!params.inForce) return `completed ${date}, before Note 1 to 3A090.a bound (from ${params.scope.bindsFrom})`;
  if (logic.applies === "no") return `not an applicable advanced logic IC: ${logic.reason}`;
  return null;
}

/** The IC itself, or one of its dies, tested against § 772.1. */
interface ScopeCandidate {
  readonly label: string;
  readonly logic: boolean | undefined;
  readonly nonPlanar: boolean | undefined;
  readonly nodeNm: Rational | undefined;
}

/**
 * > 'Applicable advanced logic integrated circuit(s)' are logic integrated
 * > circuits produced using the '16/14 nanometer node' or below, or using a
 * > non-planar transistor architecture. (15 CFR 772.1)
 *
 * Tested over the order's own `nonPlanar`/`nodeNm` and its dies that are not
 * part of a memory stack; a die's `logic` defaults to the order's.
 */
export function applicableAdvancedLogicIc(order: Order, params: Note1Parameters): ApplicableAdvancedLogicFinding {
  const logic = isLogicIc(order);
  const perDie = scopeCandidates(order).map((candidate) => ({
    candidate,
    advanced: isApplicableAdvancedLogic(candidate, params),
  }));
  const advanced = perDie.length === 0 ? "unknown" : triOr(perDie.map((p) => p.advanced));
  const applies = triAnd([logic, advanced]);
  const described = perDie.map((p) => `${p.candidate.label}: ${candidateText(p.candidate, params)}`).join("; ");
  const needs: string[] = [];
  if (logic === "unknown") needs.push("logic: whether the IC is a logic IC");
  if (advanced === "unknown") {
    const unsettled = perDie.filter((p) => p.advanced === "unknown").map((p) => p.candidate.label);
    needs.push(
      perDie.length === 0
        ? "dies (with logic, nonPlanar and nodeNm), or the IC's nonPlanar or nodeNm"
        : `nonPlanar or nodeNm of ${unsettled.join(", ")}`,
    );
  }
  return {
    applies,
    reason: logic === "no" ? "not a logic IC" : `no die is non-planar or at the 16/14 nm node or below (${described})`,
    needs,
    trace: {
      step: "Note 1 scope: applicable advanced logic IC",
      result: TRI_APPLIES[applies],
      statement: `${LOGIC_TEXT[logic]}; ${perDie.length === 0 ? "no dies, node or architecture given" : described}`,
      citation: params.node.cites,
    },
  };
}

const LOGIC_TEXT = {
  yes: "a logic IC",
  no: "not a logic IC",
  unknown: "logic or not not given",
} as const satisfies Record<Tri, string>;

/** The IC itself when the order gives its node or architecture, and each die outside a memory stack. */
function scopeCandidates(order: Order): ScopeCandidate[] {
  const ic: ScopeCandidate[] =
    order.nonPlanar !== undefined || order.nodeNm !== undefined
      ? [{ label: "the IC", logic: order.logic, nonPlanar: order.nonPlanar, nodeNm: order.nodeNm }]
      : [];
  const dies = (order.dies ?? []).flatMap((die, index): ScopeCandidate[] =>
    die.memoryStack === true
      ? []
      : [
          {
            label: `dies[${index}]${die.name ? ` (${die.name})` : ""}`,
            logic: die.logic ?? order.logic,
            nonPlanar: die.nonPlanar,
            nodeNm: die.nodeNm,
          },
        ],
  );
  return [...ic, ...dies];
}

/** Why a die is, or is not, an applicable advanced logic die, in words: "non-planar", "7 nm ≤ 16 nm", "not logic". */
function candidateText(candidate: ScopeCandidate, params: Note1Parameters): string {
  if (candidate.logic === false) return "not logic";
  if (candidate.nonPlanar === true) return "non-planar";
  if (candidate.nodeNm)
    return `${candidate.nonPlanar === false ? "planar, " : ""}${nodeText(candidate.nodeNm, params)}`;
  return candidate.nonPlanar === false ? "planar, node not given" : "architecture and node not given";
}

/** "the '16/14 nanometer node' or below" is inclusive: "16 nm ≤ 16 nm". */
function nodeText(nodeNm: Rational, params: Note1Parameters): string {
  const node = params.node.value;
  return `${nodeNm.toExactString()} nm ${nodeNm.lte(node) ? "≤" : ">"} ${node.toExactString()} nm`;
}

/**
 * Whether the IC is a logic IC: the order's `logic`, else whether any die
 * outside a memory stack is logic. With neither given it is unknown, never
 * "no": an order without `logic` and without dies is not thereby "not a logic
 * IC" (an empty "or" would say no, and the order would drop out of the check
 * and of the § 743.9 report).
 */
export function isLogicIc(order: Order): Tri {
  if (order.logic !== undefined) return triOf(order.logic);
  const dies = (order.dies ?? []).filter((die) => die.memoryStack !== true);
  return dies.length === 0 ? "unknown" : triOr(dies.map((die) => triOf(die.logic)));
}
