/**
 * # Note 1 to 3A090.a: the presumption a front-end fabricator or OSAT must overcome
 *
 * > When a 'front-end fabricator' or an 'OSAT' company is seeking to export,
 * > reexport, or transfer (in-country) an 'applicable advanced logic
 * > integrated circuit,' there is a presumption that the item is 3A090.a and
 * > designed or marketed for datacenters. … If the 'front-end fabricator' or
 * > 'OSAT' company cannot overcome this presumption, then it must comply with
 * > all license requirements applicable to items specified in 3A090.a. …
 * > this presumption does not apply to any entity other than the 'front-end
 * > fabricator' or 'OSAT' company. … can be overcome in any of the following
 * > three ways outlined in paragraphs a. through c.
 *
 * The outcome is derived from this introductory text and ¶¶a–c, each in a
 * module of its own: whom, when and what the presumption binds (./scope.ts);
 * route a, the designer's attestation (./route-a.ts, with ./designer.ts and
 * ./attestation.ts); route b, the front-end fabricator packages
 * (./route-b.ts); route c, an approved OSAT packages (./route-c.ts); the
 * transistor count and its dated thresholds for both (./transistors.ts); and
 * whether the order is one the § 743.9 report covers (./reportable.ts). This
 * module composes them, states the presumption, and builds the result, once.
 * ¶d's literal text,
 * which reads as presuming the ICs *below* the thresholds to be 3A090.a, is
 * shown as a warning and never decides (docs/ambiguities.md#a-2).
 *
 * Facts an order does not give are `unknown`, never guessed: the answer is
 * `indeterminate` only when a missing fact, an unknown list or country-group
 * membership, the trigger date itself or the 2028 gap would
 * change it. Overcoming the presumption says only that the IC is not presumed
 * 3A090.a; it never yields a final ECCN.
 */
import type { TraceStep } from "../classify/result.js";
import type { Rational } from "../numbers/rational.js";
import { type ApprovedList, shippedApprovedList } from "./approved-lists.js";
import { type AttestationInput, type AttestationVerifier, readAttestation } from "./attestation.js";
import { countryGroupsData } from "./country-groups.js";
import { type DesignerFinding, type DesignerStatus, designerStatusOn } from "./designer.js";
import { type Order, parseOrder } from "./order.js";
import { type Note1Parameters, note1At } from "./parameters.js";
import { reportableUnder7439 } from "./reportable.js";
import { type PresumeResult, type Presumption, ROUTES, type Route } from "./result.js";
import { needsOf, ROUTE_OF_TRI, type RouteFinding, ROUTES_NOT_NEEDED } from "./route.js";
import { routeAByAttestation } from "./route-a.js";
import { routeBByFabricator } from "./route-b.js";
import { routeCByApprovedOsat } from "./route-c.js";
import { readingsTouchingTheAnswer } from "./readings.js";
import { type ApplicableAdvancedLogicFinding, type Note1Scope, note1Scope } from "./scope.js";
import {
  aggregatedApproximatedTransistorCount,
  type Gap2028Reading,
  type TransistorCount,
  type TransistorTest,
  transistorCountTest,
} from "./transistors.js";
import { type Tri, triOr } from "./tri.js";

export { applicableAdvancedLogicIc, isLogicIc } from "./scope.js";

export interface PresumeOptions {
  /** Evaluate as if completed on this date (YYYY-MM-DD) instead of the order's completionDate: for what-if checks. */
  readonly date?: string;
  /** Supp. 6 list to use instead of data/approved-designers.json. */
  readonly approvedDesigners?: ApprovedList;
  /** Supp. 7 list to use instead of data/approved-osats.json. */
  readonly approvedOsats?: ApprovedList;
  /** Reading of the 2028 gap; by default the literal text, indeterminate where the gap changes the outcome. */
  readonly gap2028?: Gap2028Reading;
  /** Route a accepts only approved (Supp. 6) designers, as ¶d names. */
  readonly strictApprovedOnly?: boolean;
  /** Count HBM base dies in the computed transistor count (default true, A-6). */
  readonly countHbmBaseDies?: boolean;
  /** Verifies a signed attestation (see `AttestationVerifier`); without it a signed attestation cannot be used. */
  readonly verifyAttestation?: AttestationVerifier;
  /** Route a accepts only a signed attestation that verifies; an unsigned one does not serve it. */
  readonly requireSigned?: boolean;
}

/**
 * Validates `input` (an order as parsed JSON, figures as decimal strings) and
 * checks it under Note 1 to 3A090.a on the rules in force on its completion date.
 *
 * @throws InvalidInputError naming each field that is wrong.
 */
export function presume(input: unknown, options: PresumeOptions = {}): PresumeResult {
  const { order, unknownFields } = parseOrder(input);
  const attestation = readAttestation(order.designerAttestation);
  return presumeOrder(order, attestation, options, unknownFields);
}

/** Checks an already validated order. */
export function presumeOrder(
  order: Order,
  attestation: AttestationInput,
  options: PresumeOptions = {},
  unknownFields: readonly string[] = [],
): PresumeResult {
  const countHbmBaseDies = options.countHbmBaseDies ?? true;
  const main = evaluate(order, attestation, options, countHbmBaseDies);
  const hbm = hbmBaseDiesReading(order, attestation, options, countHbmBaseDies, main);
  const warnings = [
    ...whatIfDateWarnings(order, options),
    ...main.warnings,
    ...hbm.warnings,
    ...unknownFields.map(
      (field) => `field "${field}" is not part of an order and was ignored (ic3a090 presume --help lists the fields)`,
    ),
  ];
  return resultOf(order, main, warnings, hbm.alternatives);
}

/** One reading of an order: everything the result says, before the readings compared across evaluations. */
interface Evaluation {
  readonly date: string;
  readonly presumption: Presumption;
  readonly notApplicableReason: string | null;
  readonly route: Route | null;
  readonly routes: PresumeResult["routes"];
  readonly designerStatus: DesignerStatus;
  readonly count: TransistorCount;
  /** The threshold the count was held against; null when the presumption does not bind. */
  readonly transistorThreshold: Rational | null;
  readonly attestedClause: string | null;
  readonly reportable7439: Tri;
  readonly missing: readonly string[];
  readonly warnings: readonly string[];
  readonly notes: readonly string[];
  readonly trace: readonly TraceStep[];
  readonly rules: PresumeResult["rules"];
}

/**
 * The order under Note 1 on its completion date (or `options.date`): the scope, then routes a, b and c, then the
 * presumption, the readings that touch it, and the § 743.9 report.
 */
function evaluate(
  order: Order,
  attestation: AttestationInput,
  options: PresumeOptions,
  countHbmBaseDies: boolean,
): Evaluation {
  const date = options.date ?? order.completionDate;
  const params = note1At(date);
  const designersList = options.approvedDesigners ?? shippedApprovedList("designers");
  const osatsList = options.approvedOsats ?? shippedApprovedList("osats");
  const scope = note1Scope(order, date, params);
  const designer = designerStatusOn(order.designer, date, params, designersList);
  const count = aggregatedApproximatedTransistorCount(order, params, countHbmBaseDies);
  const rules = rulesMetadata(date, params, designersList, osatsList);
  if (scope.notBinding !== null) return presumptionDoesNotBind(scope, scope.notBinding, designer, count, rules, params);

  const routeA = routeAByAttestation(order, attestation, designer, date, options);
  const test = transistorCountTest(count, order.containsHbm, date, params, options.gap2028);
  const routeB = routeBByFabricator(order, test, date, params);
  const routeC = routeCByApprovedOsat(order, test, date, osatsList);
  const outcome = presumptionAfterRoutes(scope.logic, { a: routeA, b: routeB, c: routeC }, test, params);
  const readings = readingsTouchingTheAnswer(outcome, designer, routeA, date, params);
  const report = reportableUnder7439(order, designer, outcome.presumption, routeA.figures, params);
  return {
    date,
    presumption: outcome.presumption,
    notApplicableReason: null,
    route: outcome.route,
    routes: { a: ROUTE_OF_TRI[routeA.status], b: ROUTE_OF_TRI[routeB.status], c: ROUTE_OF_TRI[routeC.status] },
    designerStatus: designer.status,
    count,
    transistorThreshold: test.threshold,
    attestedClause: routeA.figures && routeA.figures.says !== "unknown" ? routeA.figures.clause : null,
    reportable7439: report.reportable,
    missing: outcome.missing,
    warnings: [
      ...scope.warnings,
      ...designer.warnings,
      ...routeA.warnings,
      ...count.warnings,
      ...test.warnings,
      ...routeB.warnings,
      ...routeC.warnings,
      ...readings.warnings,
    ],
    notes: [...designer.notes, ...routeA.notes, ...routeB.notes, ...routeC.notes, ...readings.notes],
    trace: [
      ...scope.trace,
      ...designer.trace,
      routeA.trace,
      count.trace,
      ...test.trace,
      routeB.trace,
      routeC.trace,
      outcome.trace,
      report.trace,
    ],
    rules,
  };
}

/** The exporter, the date or the IC puts the transaction outside Note 1 (./scope.ts): no route is needed. */
function presumptionDoesNotBind(
  scope: Note1Scope,
  reason: string,
  designer: DesignerFinding,
  count: TransistorCount,
  rules: PresumeResult["rules"],
  params: Note1Parameters,
): Evaluation {
  return {
    date: rules.date,
    presumption: "not-applicable",
    notApplicableReason: reason,
    route: null,
    routes: { ...ROUTES_NOT_NEEDED },
    designerStatus: params.inForce ? designer.status : "unknown",
    count,
    transistorThreshold: null,
    attestedClause: null,
    reportable7439: "no",
    missing: [],
    warnings: scope.warnings,
    notes: [
      "the Note 1 presumption does not bind this transaction; " +
        "whether the IC is 3A090.a is a classification of its own (ic3a090 classify)",
    ],
    trace: [
      ...scope.trace,
      { step: "Note 1 presumption", result: "does not apply", statement: reason, citation: params.scope.cites },
    ],
    rules,
  };
}

interface PresumptionFinding {
  readonly presumption: Exclude<Presumption, "not-applicable">;
  readonly route: Route | null;
  readonly missing: readonly string[];
  readonly trace: TraceStep;
}

/**
 * > If the 'front-end fabricator' or 'OSAT' company cannot overcome this presumption, then it must comply with all
 * > license requirements applicable to items specified in 3A090.a. … can be overcome in any of the following three
 * > ways outlined in paragraphs a. through c.
 *
 * Overcome when any route overcomes it; applies when the IC is in scope and no route can; otherwise indeterminate,
 * with the facts that would settle it.
 */
function presumptionAfterRoutes(
  logic: ApplicableAdvancedLogicFinding,
  routes: Readonly<Record<Route, RouteFinding>>,
  test: TransistorTest,
  params: Note1Parameters,
): PresumptionFinding {
  const presumption = presumptionFrom(logic.applies, triOr(ROUTES.map((r) => routes[r].status)));
  const route = ROUTES.find((r) => routes[r].status === "yes") ?? null;
  const missing =
    presumption === "overcome"
      ? []
      : [
          ...(logic.applies === "unknown" ? needsOf("scope", logic.needs) : []),
          ...needsOf("route a", routes.a.needs),
          ...needsOf("route b", routes.b.needs),
          ...needsOf("route c", routes.c.needs),
          ...needsOf("routes b and c", test.needs),
        ];
  return {
    presumption,
    route,
    missing,
    trace: {
      step: "Note 1 presumption",
      result: PRESUMPTION_RESULT[presumption],
      statement: presumptionStatement(presumption, route, logic.applies),
      citation: params.scope.cites,
    },
  };
}

/** Overcome by any route; applies only when the IC is surely in scope and every route surely fails. */
function presumptionFrom(applicableAdvancedLogic: Tri, overcome: Tri): PresumptionFinding["presumption"] {
  if (overcome === "yes") return "overcome";
  if (applicableAdvancedLogic === "yes" && overcome === "no") return "applies";
  return "indeterminate";
}

const PRESUMPTION_RESULT = {
  overcome: "does not apply",
  applies: "applies",
  indeterminate: "unknown",
} as const satisfies Record<PresumptionFinding["presumption"], TraceStep["result"]>;

function presumptionStatement(
  presumption: PresumptionFinding["presumption"],
  route: Route | null,
  applicableAdvancedLogic: Tri,
): string {
  switch (presumption) {
    case "overcome": {
      const unsettled =
        applicableAdvancedLogic === "unknown"
          ? "; whether the IC is an applicable advanced logic IC was not settled, and does not need to be"
          : "";
      return `overcome by route ${route} (Note 1 ¶${route})${unsettled}`;
    }
    case "applies":
      return "no route overcomes it: the IC is presumed 3A090.a and designed or marketed for datacenters";
    case "indeterminate":
      return "the facts given do not settle whether a route overcomes it";
  }
}

/**
 * whether HBM base dies count. When the computed count has an HBM base die that could count and the other
 * reading changes the outcome, the other reading is given as an alternative, with a warning.
 */
function hbmBaseDiesReading(
  order: Order,
  attestation: AttestationInput,
  options: PresumeOptions,
  countHbmBaseDies: boolean,
  main: Evaluation,
): { alternatives: PresumeResult["alternatives"]; warnings: string[] } {
  const none = { alternatives: [], warnings: [] };
  if (main.count.method !== "computed" || !main.count.hasCountableHbmBaseDie) return none;
  const other = evaluate(order, attestation, options, !countHbmBaseDies);
  if (other.presumption === main.presumption) return none;
  const reading = countHbmBaseDies ? "HBM base dies not counted" : "HBM base dies counted";
  const chosen = countHbmBaseDies ? "counted (default)" : "not counted";
  return {
    alternatives: [
      {
        reading,
        presumption: other.presumption,
        route: other.route,
        aggregatedApproximatedTransistorCount: other.count.exact?.toExactString() ?? null,
      },
    ],
    warnings: [
      `whether HBM base dies count changes the outcome (docs/ambiguities.md#a-6): ` +
        `${chosen} gives ${main.presumption}, ${reading} gives ${other.presumption}; see alternatives`,
    ],
  };
}

/** A what-if date (--date) other than the order's own completion date is said first. */
function whatIfDateWarnings(order: Order, options: PresumeOptions): string[] {
  if (options.date === undefined || options.date === order.completionDate) return [];
  return [
    `evaluated as if completed on ${options.date} (--date); the order's completionDate is ${order.completionDate}`,
  ];
}

const REPORTABLE_OF_TRI = { yes: true, no: false, unknown: null } as const satisfies Record<Tri, boolean | null>;

/** The one place the result is built. */
function resultOf(
  order: Order,
  evaluation: Evaluation,
  warnings: readonly string[],
  alternatives: PresumeResult["alternatives"],
): PresumeResult {
  const { count, presumption } = evaluation;
  return {
    part: order.part,
    completionDate: evaluation.date,
    exporter: order.exporter,
    presumption,
    notApplicableReason: evaluation.notApplicableReason,
    route: evaluation.route,
    routes: evaluation.routes,
    designer: order.designer?.name ?? null,
    designerStatus: evaluation.designerStatus,
    aggregatedApproximatedTransistorCount: count.exact?.toExactString() ?? null,
    transistorCountMethod: count.method,
    transistorThreshold: evaluation.transistorThreshold?.toExactString() ?? null,
    treatAs: presumption === "applies" ? "3A090.a" : null,
    attestedClause: evaluation.attestedClause,
    reportable7439: REPORTABLE_OF_TRI[evaluation.reportable7439],
    missing: [...new Set(evaluation.missing)],
    warnings,
    notes: [...new Set(evaluation.notes)],
    alternatives,
    trace: evaluation.trace,
    rules: evaluation.rules,
  };
}

/** The data the answer rests on: dates, digests and list versions, for the record. */
function rulesMetadata(
  date: string,
  params: Note1Parameters,
  designers: ApprovedList,
  osats: ApprovedList,
): PresumeResult["rules"] {
  const groups = countryGroupsData();
  return {
    date,
    verifiedThrough: params.verifiedThrough,
    beyondVerified: params.beyondVerified,
    note1DataSha256: params.dataSha256,
    countryGroupsDataSha256: groups.sha256,
    countryGroupsAsOf: groups.file.asOf,
    approvedDesigners: { asOf: designers.asOf, contentsKnown: designers.contentsKnown, source: designers.source },
    approvedOsats: { asOf: osats.asOf, contentsKnown: osats.contentsKnown, source: osats.source },
  };
}
