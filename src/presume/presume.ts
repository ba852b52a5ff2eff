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
 * The outcome is derived from this introductory text and ¶¶a–c (route a:
 * designer attestation, ./attestation.ts and ./designer.ts; routes b and c:
 * packaging and the transistor count, ./transistors.ts). ¶d's literal text,
 * which reads as presuming the ICs *below* the thresholds to be 3A090.a, is
 * shown as a warning and never decides (docs/ambiguities.md#a-2).
 *
 * Facts an order does not give are `unknown`, never guessed: the answer is
 * `indeterminate` only when a missing fact, an unknown list or country-group
 * membership, the trigger date itself (A-11) or the 2028 gap (A-1) would
 * change it. Overcoming the presumption says only that the IC is not presumed
 * 3A090.a; it never yields a final ECCN (A-4).
 */
import type { TraceStep } from "../classify/result.js";
import { rulesAt } from "../rules/rules.js";
import { type ApprovedList, checkApprovedList, listCitation, shippedApprovedList } from "./approved-lists.js";
import {
  type AttestationInput,
  type AttestationVerifier,
  classifyAttestedFigures,
  type FiguresFinding,
  parseFigures,
  readAttestation,
} from "./attestation.js";
import {
  canonicalCountry,
  changeCitation,
  countryGroupsCitation,
  countryGroupsData,
  inMacauOrD5,
} from "./country-groups.js";
import { type DesignerFinding, designerStatusOn } from "./designer.js";
import { type Order, parseOrder } from "./order.js";
import { type Note1Parameters, note1At } from "./parameters.js";
import type { PresumeResult, Presumption, Route, RouteStatus } from "./result.js";
import {
  aggregatedApproximatedTransistorCount,
  type Gap2028Reading,
  isApplicableAdvancedLogic,
  type TransistorCount,
  transistorCountTest,
  type TransistorTest,
} from "./transistors.js";
import { type Tri, triAnd, triNot, triOf, triOr } from "./tri.js";
import { InvalidInputError } from "../classify/datasheet.js";
import {
  attestsNotDatacenter,
  figuresContradictOrder,
  sameName,
  unsignedAttestationIdentity,
} from "./attestation-match.js";

export interface PresumeOptions {
  /** Evaluate as if completed on this date (YYYY-MM-DD) instead of the order's completionDate: for what-if checks. */
  readonly date?: string;
  /** Supp. 6 list to use instead of data/approved-designers.json. */
  readonly approvedDesigners?: ApprovedList;
  /** Supp. 7 list to use instead of data/approved-osats.json. */
  readonly approvedOsats?: ApprovedList;
  /** Reading of the 2028 gap; by default the literal text, indeterminate where the gap changes the outcome (A-1). */
  readonly gap2028?: Gap2028Reading;
  /** Route a accepts only approved (Supp. 6) designers, as ¶d names (A-3). */
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

const TRI_RESULT = { yes: "holds", no: "fails", unknown: "unknown" } as const satisfies Record<
  Tri,
  TraceStep["result"]
>;
const ROUTE_OF_TRI = { yes: "overcomes", no: "does-not-overcome", unknown: "unknown" } as const satisfies Record<
  Tri,
  RouteStatus
>;

/** Checks an already validated order. */
export function presumeOrder(
  order: Order,
  attestation: AttestationInput,
  options: PresumeOptions = {},
  unknownFields: readonly string[] = [],
): PresumeResult {
  const countHbmBaseDies = options.countHbmBaseDies ?? true;
  const main = evaluate(order, attestation, options, countHbmBaseDies);
  const warnings = [...main.warnings];
  const alternatives: PresumeResult["alternatives"][number][] = [];
  if (main.count.method === "computed" && main.count.hasCountableHbmBaseDie) {
    const other = evaluate(order, attestation, options, !countHbmBaseDies);
    if (other.presumption !== main.presumption) {
      const reading = countHbmBaseDies ? "HBM base dies not counted" : "HBM base dies counted";
      alternatives.push({
        reading,
        presumption: other.presumption,
        route: other.route,
        aggregatedApproximatedTransistorCount: other.count.exact?.toExactString() ?? null,
      });
      warnings.push(
        `whether HBM base dies count changes the outcome (docs/ambiguities.md#a-6): ${countHbmBaseDies ? "counted (default)" : "not counted"} gives ${main.presumption}, ${reading} gives ${other.presumption}; see alternatives`,
      );
    }
  }
  if (options.date !== undefined && options.date !== order.completionDate) {
    warnings.unshift(
      `evaluated as if completed on ${options.date} (--date); the order's completionDate is ${order.completionDate}`,
    );
  }
  for (const field of unknownFields)
    warnings.push(`field "${field}" is not part of an order and was ignored (ic3a090 presume --help lists the fields)`);
  const { trace, rules, notes, missing, ...head } = main.result;
  return { ...head, missing, warnings, notes, alternatives, trace, rules };
}

interface Evaluation {
  readonly presumption: Presumption;
  readonly route: Route | null;
  readonly count: TransistorCount;
  readonly warnings: readonly string[];
  readonly result: Omit<PresumeResult, "warnings" | "alternatives">;
}

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
  const groups = countryGroupsData();
  const trace: TraceStep[] = [];
  const warnings: string[] = [];
  const notes: string[] = [];
  const missing: string[] = [];

  // Scope: who, when, what.
  const exporterBound = order.exporter !== "other";
  trace.push({
    step: "Note 1 scope: exporter",
    result: exporterBound ? "applies" : "does not apply",
    statement: exporterBound
      ? `the exporter is the ${order.exporter === "osat" ? "OSAT" : "front-end fabricator"}`
      : "the exporter is neither the front-end fabricator nor an OSAT: \"this presumption does not apply to any entity other than the 'front-end fabricator' or 'OSAT' company\"",
    citation: params.scope.cites,
  });
  trace.push({
    step: "Note 1 scope: date",
    result: params.inForce ? "applies" : "not in force",
    statement: `completed ${date}; Note 1 effective ${params.scope.effective}, compliance ${params.scope.compliance}; the presumption binds transactions completed on or after ${params.scope.bindsFrom}`,
    citation: params.scope.cites,
  });
  if (params.inForce && date < params.scope.compliance) {
    warnings.push(
      `completed ${date}, on or after Note 1's effective date ${params.scope.effective} but before its compliance date ${params.scope.compliance}: ${params.scope.reading}`,
    );
  }
  const scopeLogic = applicableAdvancedLogicIc(order, params);
  trace.push(scopeLogic.trace);

  const designer = designerStatusOn(order.designer, date, params, designersList);
  const count = aggregatedApproximatedTransistorCount(order, params, countHbmBaseDies);
  const metadata = rulesMetadata(date, params, groups, designersList, osatsList);

  const notBinding = !exporterBound
    ? "the exporter is neither the front-end fabricator nor an OSAT"
    : !params.inForce
      ? `completed ${date}, before Note 1 to 3A090.a bound (from ${params.scope.bindsFrom})`
      : scopeLogic.applies === "no"
        ? `not an applicable advanced logic IC: ${scopeLogic.reason}`
        : null;
  if (notBinding !== null) {
    trace.push({
      step: "Note 1 presumption",
      result: "does not apply",
      statement: notBinding,
      citation: params.scope.cites,
    });
    return {
      presumption: "not-applicable",
      route: null,
      count,
      warnings,
      result: {
        part: order.part,
        completionDate: date,
        exporter: order.exporter,
        presumption: "not-applicable",
        notApplicableReason: notBinding,
        route: null,
        routes: { a: "not-needed", b: "not-needed", c: "not-needed" },
        designer: order.designer?.name ?? null,
        designerStatus: params.inForce ? designer.status : "unknown",
        aggregatedApproximatedTransistorCount: count.exact?.toExactString() ?? null,
        transistorCountMethod: count.method,
        transistorThreshold: null,
        treatAs: null,
        attestedClause: null,
        reportable7439: false,
        missing: [],
        notes: [
          "the Note 1 presumption does not bind this transaction; whether the IC is 3A090.a is a classification of its own (ic3a090 classify)",
        ],
        trace,
        rules: metadata,
      },
    };
  }

  // Route a: an approved or authorized designer's attestation of TPP and PD.
  trace.push(...designer.trace);
  warnings.push(...designer.warnings);
  notes.push(...designer.notes);
  const routeA = routeAByAttestation(order, attestation, designer, date, options);
  trace.push(routeA.trace);
  warnings.push(...routeA.warnings);

  // Routes b and c: who packaged it, where, and the transistor count.
  trace.push(count.trace);
  warnings.push(...count.warnings);
  const test = transistorCountTest(count, order.containsHbm, date, params, options.gap2028);
  trace.push(...test.trace);
  warnings.push(...test.warnings);
  const routeB = routeBByFabricator(order, test, date, params);
  trace.push(routeB.trace);
  notes.push(...routeB.notes);
  const routeC = routeCByApprovedOsat(order, test, date, osatsList);
  trace.push(routeC.trace);
  warnings.push(...routeC.warnings);

  const overcome = triOr([routeA.status, routeB.status, routeC.status]);
  const presumption: Presumption =
    overcome === "yes" ? "overcome" : scopeLogic.applies === "yes" && overcome === "no" ? "applies" : "indeterminate";
  const route: Route | null =
    routeA.status === "yes" ? "a" : routeB.status === "yes" ? "b" : routeC.status === "yes" ? "c" : null;

  if (presumption !== "overcome") {
    if (scopeLogic.applies === "unknown") missing.push(...scopeLogic.needs.map((n) => `scope: ${n}`));
    missing.push(...routeA.needs.map((n) => `route a: ${n}`));
    missing.push(...routeB.needs.map((n) => `route b: ${n}`));
    missing.push(...routeC.needs.map((n) => `route c: ${n}`));
    missing.push(...test.needs.map((n) => `routes b and c: ${n}`));
  }
  trace.push({
    step: "Note 1 presumption",
    result: presumption === "overcome" ? "does not apply" : presumption === "applies" ? "applies" : "unknown",
    statement:
      presumption === "overcome"
        ? `overcome by route ${route} (Note 1 ¶${route})${scopeLogic.applies === "unknown" ? "; whether the IC is an applicable advanced logic IC was not settled, and does not need to be" : ""}`
        : presumption === "applies"
          ? "no route overcomes it: the IC is presumed 3A090.a and designed or marketed for datacenters"
          : "the facts given do not settle whether a route overcomes it",
    citation: params.scope.cites,
  });

  // A-2, A-3, A-4: readings the text leaves open, stated where they touch the answer.
  if (route === "b" || route === "c") {
    warnings.push(
      'Note 1 ¶d, read literally, presumes ICs whose aggregated approximated transistor count "is below" the thresholds to be 3A090.a, the opposite of ¶¶b–c; this check derives the outcome from the introductory text and ¶¶a–c (docs/ambiguities.md#a-2)',
    );
  }
  if (route === "a" && designer.status === "authorized") {
    notes.push(
      "route a relies on an authorized (not approved) designer, as ¶a allows; ¶d names only approved designers (docs/ambiguities.md#a-3): --strict-approved-only accepts only approved ones",
    );
  }
  if (presumption === "overcome") {
    notes.push(
      route === "a"
        ? `the designer's figures give ${routeA.figures?.clause ?? "a clause other than 3A090.a"}; overcoming the presumption says the IC is not 3A090.a, not what its final ECCN is (docs/ambiguities.md#a-4)`
        : "overcoming the presumption by the transistor count says only that the IC is not presumed 3A090.a; its final ECCN needs a classification from TPP and PD (ic3a090 classify; docs/ambiguities.md#a-4)",
    );
  }
  if (presumption === "indeterminate")
    notes.push(
      "the presumption stands unless it is overcome: until the missing facts are settled, it has not been shown to be overcome",
    );
  if (params.beyondVerified)
    notes.push(
      `completed ${date}, after the Note 1 data was last verified against the Federal Register (${params.verifiedThrough}); a later amendment would not be reflected`,
    );

  // § 743.9: a front-end fabricator producing a 3A090.a IC, or one presumed so, for an authorized designer.
  const specifiedA: Tri = routeA.figures?.says === "3A090.a" ? "yes" : "no";
  const icIsA = triOr([presumption === "applies" ? "yes" : presumption === "overcome" ? "no" : "unknown", specifiedA]);
  const reportable = triAnd([
    order.exporter === "front-end-fabricator" ? "yes" : "no",
    designer.authorized,
    triNot(designer.approved),
    icIsA,
  ]);
  trace.push({
    step: "15 CFR 743.9 report",
    result: reportable === "yes" ? "applies" : reportable === "no" ? "does not apply" : "unknown",
    statement: `exporter ${order.exporter}; designer authorized: ${designer.authorized}, approved: ${designer.approved}; IC specified or presumed 3A090.a: ${icIsA}${reportable === "yes" ? ": the front-end fabricator reports it in the quarter (ic3a090 report)" : ""}`,
    citation: params.report7439.cites,
  });

  return {
    presumption,
    route,
    count,
    warnings,
    result: {
      part: order.part,
      completionDate: date,
      exporter: order.exporter,
      presumption,
      notApplicableReason: null,
      route,
      routes: { a: ROUTE_OF_TRI[routeA.status], b: ROUTE_OF_TRI[routeB.status], c: ROUTE_OF_TRI[routeC.status] },
      designer: order.designer?.name ?? null,
      designerStatus: designer.status,
      aggregatedApproximatedTransistorCount: count.exact?.toExactString() ?? null,
      transistorCountMethod: count.method,
      transistorThreshold: test.threshold.toExactString(),
      treatAs: presumption === "applies" ? "3A090.a" : null,
      attestedClause: routeA.figures && routeA.figures.says !== "unknown" ? routeA.figures.clause : null,
      reportable7439: reportable === "yes" ? true : reportable === "no" ? false : null,
      missing: [...new Set(missing)],
      notes: [...new Set(notes)],
      trace,
      rules: metadata,
    },
  };
}

function rulesMetadata(
  date: string,
  params: Note1Parameters,
  groups: ReturnType<typeof countryGroupsData>,
  designers: ApprovedList,
  osats: ApprovedList,
): PresumeResult["rules"] {
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

/**
 * > 'Applicable advanced logic integrated circuit(s)' are logic integrated
 * > circuits produced using the '16/14 nanometer node' or below, or using a
 * > non-planar transistor architecture. (15 CFR 772.1)
 *
 * Tested over the order's own `nonPlanar`/`nodeNm` and its dies that are not
 * part of a memory stack; a die's `logic` defaults to the order's.
 */
export function applicableAdvancedLogicIc(
  order: Order,
  params: Note1Parameters,
): { applies: Tri; reason: string; needs: string[]; trace: TraceStep } {
  const logic = isLogicIc(order);
  const candidates = [
    ...(order.nonPlanar !== undefined || order.nodeNm !== undefined
      ? [{ label: "the IC", logic: order.logic, nonPlanar: order.nonPlanar, nodeNm: order.nodeNm }]
      : []),
    ...(order.dies ?? []).flatMap((die, index) =>
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
    ),
  ];
  const perDie = candidates.map((c) => ({ c, t: isApplicableAdvancedLogic(c, params) }));
  const advanced = perDie.length === 0 ? "unknown" : triOr(perDie.map((p) => p.t));
  const applies = triAnd([logic, advanced]);
  const describe = (p: (typeof perDie)[number]) =>
    `${p.c.label}: ${p.c.logic === false ? "not logic" : p.c.nonPlanar === true ? "non-planar" : p.c.nodeNm ? `${p.c.nonPlanar === false ? "planar, " : ""}${p.c.nodeNm.toExactString()} nm ${p.c.nodeNm.lte(params.node.value) ? "≤" : ">"} ${params.node.value.toExactString()} nm` : p.c.nonPlanar === false ? "planar, node not given" : "architecture and node not given"}`;
  const statement = `${logic === "yes" ? "a logic IC" : logic === "no" ? "not a logic IC" : "logic or not not given"}; ${perDie.length === 0 ? "no dies, node or architecture given" : perDie.map(describe).join("; ")}`;
  const needs: string[] = [];
  if (logic === "unknown") needs.push("logic: whether the IC is a logic IC");
  if (advanced === "unknown") {
    needs.push(
      perDie.length === 0
        ? "dies (with logic, nonPlanar and nodeNm), or the IC's nonPlanar or nodeNm"
        : `nonPlanar or nodeNm of ${perDie
            .filter((p) => p.t === "unknown")
            .map((p) => p.c.label)
            .join(", ")}`,
    );
  }
  return {
    applies,
    reason:
      logic === "no"
        ? "not a logic IC"
        : `no die is non-planar or at the 16/14 nm node or below (${perDie.map(describe).join("; ")})`,
    needs,
    trace: {
      step: "Note 1 scope: applicable advanced logic IC",
      result: applies === "yes" ? "applies" : applies === "no" ? "does not apply" : "unknown",
      statement,
      citation: params.node.cites,
    },
  };
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

interface RouteFinding {
  readonly status: Tri;
  readonly needs: readonly string[];
  readonly warnings: readonly string[];
  readonly notes: readonly string[];
  readonly trace: TraceStep;
  readonly figures?: FiguresFinding;
}

/** ¶a: the designer is approved or authorized (approved only, in strict mode), and its attestation of TPP and PD shows the IC is not 3A090.a. */
function routeAByAttestation(
  order: Order,
  attestation: AttestationInput,
  designer: DesignerFinding,
  date: string,
  options: PresumeOptions,
): RouteFinding {
  const citation = `${note1At(date).scope.cites.replace("Note 1 to 3A090.a", "Note 1 to 3A090.a ¶a")}`;
  const needs: string[] = [];
  const warnings: string[] = [];
  const qualifies: Tri = options.strictApprovedOnly
    ? designer.approved
    : triOr([designer.approved, designer.authorized]);
  if (qualifies !== "yes") {
    if (options.strictApprovedOnly && designer.approved !== "yes")
      needs.push(
        "an approved designer (Supp. 6): strict mode accepts only approved designers (docs/ambiguities.md#a-3)",
      );
    needs.push(
      ...(options.strictApprovedOnly
        ? designer.needs.filter((n) => n.includes("Supp. 6") || n.includes("designer.name"))
        : designer.needs),
    );
  }

  let attested: Tri;
  let figures: FiguresFinding | undefined;
  let statement: string;
  let keyText = "";
  let figuresToCheck: ReturnType<typeof parseFigures> | undefined;
  switch (attestation.kind) {
    case "none":
      attested = "no";
      statement = "no designer attestation given";
      needs.push("designer attestation of TPP and PD (designerAttestation)");
      break;
    case "plain":
      if (options.requireSigned) {
        attested = "no";
        statement = "unsigned attestation, and only a signed one that verifies is accepted (--require-signed)";
        needs.push("a signed designer attestation that verifies (--require-signed)");
        break;
      }
      {
        const identity = unsignedAttestationIdentity(order, attestation.figures);
        if (identity.status !== "yes") {
          attested = identity.status;
          statement = `unsigned attestation: ${identity.problem}`;
          warnings.push(`${identity.problem}: not used for route a`);
          needs.push(identity.need!);
          break;
        }
      }
      figuresToCheck = attestation.figures;
      statement = "unsigned attestation";
      attested = "yes";
      break;
    case "signed": {
      if (!options.verifyAttestation) {
        attested = "unknown";
        statement = "signed attestation given, but no trust file to verify it";
        needs.push("a trust file to verify the signed attestation (--trust)");
        break;
      }
      const verified = options.verifyAttestation(attestation.envelopeOrPath);
      if (!verified.ok) {
        attested = "no";
        statement = `signed attestation does not verify: ${verified.reason}`;
        warnings.push(`the signed designer attestation was refused: ${verified.reason}`);
        needs.push("a designer attestation that verifies");
        break;
      }
      keyText = `; signed with key ${verified.keyFingerprint}`;
      const orderDesigner = order.designer?.name;
      if (orderDesigner === undefined || !sameName(verified.designer, orderDesigner)) {
        attested = "no";
        statement = `signed attestation verifies for designer "${verified.designer}", not the order's designer ${orderDesigner === undefined ? "(designer.name not given)" : `"${orderDesigner}"`}${keyText}`;
        warnings.push(
          `the signed attestation is by "${verified.designer}", not the order's designer: not used for route a`,
        );
        needs.push("an attestation signed by the order's designer");
        break;
      }
      if (!sameName(verified.part, order.part)) {
        attested = "no";
        statement = `signed attestation is for part "${verified.part}", not "${order.part}"${keyText}`;
        warnings.push(
          `the signed attestation is for part "${verified.part}", not "${order.part}": not used for route a`,
        );
        needs.push(`an attestation for part ${order.part}`);
        break;
      }
      try {
        figuresToCheck = parseFigures(verified.figures, "signed attestation figures");
        statement = `signed attestation verified for ${verified.designer}, part ${verified.part}`;
        attested = "yes";
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        attested = "no";
        statement = `signed attestation verified, but its figures cannot be read: ${error.message}`;
        needs.push("an attestation whose figures can be read");
      }
      break;
    }
  }

  // ¶a asks for "an attestation of the 'total processing performance' and the 'performance density'":
  // figures without PD (and no full datasheet) leave route a open, even where TPP alone would decide.
  if (
    figuresToCheck &&
    !figuresToCheck.datasheet &&
    (figuresToCheck.tpp === undefined || figuresToCheck.performanceDensity === undefined)
  ) {
    statement += `; it gives ${figuresToCheck.tpp === undefined ? "no TPP" : "TPP"}${figuresToCheck.performanceDensity === undefined ? " and no performance density" : ""}`;
    attested = attested === "yes" ? "unknown" : attested;
    needs.push(
      "designer attestation of both TPP and PD (designerAttestation.tpp and .performanceDensity, or a datasheet): Note 1 ¶a asks for both",
    );
    figuresToCheck = undefined;
  }
  const contradiction = figuresToCheck ? figuresContradictOrder(order, figuresToCheck) : undefined;
  if (contradiction !== undefined) {
    statement += `; ${contradiction}`;
    attested = "no";
    warnings.push(`${contradiction}: the attestation does not overcome the presumption`);
    needs.push("designer attestation whose figures agree with the order's dies");
    figuresToCheck = undefined;
  }
  if (figuresToCheck && attestsNotDatacenter(figuresToCheck)) {
    warnings.push(
      `the attestation states the IC is not designed or marketed for datacenters, which takes TPP below ${rulesAt(date).threshold("3A090.nonDatacenter.tpp")!.value.toExactString()} out of 3A090.a; Note 1 presumes it is, and this rests on the designer's statement (docs/ambiguities.md#a-10)`,
    );
  }

  if (figuresToCheck) {
    figures = classifyAttestedFigures(figuresToCheck, rulesAt(date));
    statement += `; ${figures.statement}`;
    if (figuresToCheck.source) statement += ` (source: ${figuresToCheck.source})`;
    if (figures.says === "3A090.a") {
      attested = "no";
      warnings.push(
        `the designer's attested figures give ${figures.clause}: route a is refused${figuresToCheck.notSpecifiedIn3A090a === true ? ", although the attestation states the IC is not specified in 3A090.a" : ""}`,
      );
      needs.push(
        `designer attestation of TPP and PD showing the IC is not 3A090.a (the attested figures give ${figures.clause})`,
      );
    } else if (figures.says === "unknown") {
      attested = attested === "yes" ? "unknown" : attested;
      needs.push(
        figuresToCheck.tpp === undefined && !figuresToCheck.datasheet
          ? "designer attestation of TPP and PD (designerAttestation.tpp and .performanceDensity)"
          : "designer attestation of performance density (designerAttestation.performanceDensity)",
      );
    } else if (figuresToCheck.notSpecifiedIn3A090a === false) {
      attested = "no";
      warnings.push(
        "the attestation states notSpecifiedIn3A090a: false although its figures give no 3A090.a clause: route a is not used",
      );
      needs.push("an attestation indicating that the IC is not specified in 3A090.a");
    }
    if (attestation.kind === "plain" && attested !== "no")
      warnings.push(
        "the designer attestation is unsigned: it was not verified (a signed attestation and --trust FILE verify it)",
      );
  }

  const status = triAnd([qualifies, attested]);
  return {
    status,
    needs: status === "yes" ? [] : needs,
    warnings,
    notes: [],
    figures,
    trace: {
      step: "Note 1 ¶a route a (designer attestation)",
      result: TRI_RESULT[status],
      statement: `designer ${designer.status}${options.strictApprovedOnly ? " (strict: approved only)" : ""}; ${statement}${keyText && !statement.includes(keyText) ? keyText : ""}`,
      citation,
    },
  };
}

/** ¶b: packaged by the front-end fabricator at a location outside Macau and D:5, and the count below the threshold. */
function routeBByFabricator(order: Order, test: TransistorTest, date: string, params: Note1Parameters): RouteFinding {
  const by = order.packaging?.by;
  const location = order.packaging?.location;
  const byFab: Tri = by === undefined ? "unknown" : by === "front-end-fabricator" ? "yes" : "no";
  const where = location === undefined ? undefined : inMacauOrD5(location, date);
  const outside: Tri =
    where === undefined ? "unknown" : where === "member" ? "no" : where === "not-member" ? "yes" : "unknown";
  const status = triAnd([byFab, outside, test.below]);
  const needs: string[] = [];
  if (byFab !== "yes")
    needs.push(
      by === undefined
        ? "packaging.by: who packages the die"
        : `packaging by the front-end fabricator (packaging.by is ${by})`,
    );
  if (outside !== "yes") {
    needs.push(
      location === undefined
        ? "packaging.location: where the die is packaged"
        : outside === "no"
          ? `packaging at a location outside Macau and D:5 (${location} is ${canonicalCountry(location).code === countryGroupsData().file.macau.code ? "Macau" : "in D:5"})`
          : `packaging location ${location}: its D:5 membership on ${date} is not known (${changeCitation(location, "D:5") ?? "country-group data"})`,
    );
  }
  const note = location ? canonicalCountry(location).note : undefined;
  return {
    status,
    needs: status === "yes" ? [] : needs,
    warnings: [],
    notes: note ? [note] : [],
    trace: {
      step: "Note 1 ¶b route b (front-end fabricator packages)",
      result: TRI_RESULT[status],
      statement: `packaged by ${by ?? "(not given)"}; location ${location ?? "(not given)"}${location && canonicalCountry(location).code !== location ? ` (treated as ${canonicalCountry(location).code})` : ""}: ${outside === "yes" ? "outside Macau and D:5" : outside === "no" ? "Macau or D:5" : "not known to be outside Macau and D:5"}; transistor count below the threshold: ${test.below}`,
      citation: `${params.anyPackage.cites.replace(/¶b\(a\), ¶c\(a\)/, "¶b")}; ${countryGroupsCitation()}`,
    },
  };
}

/** ¶c: packaged by an approved OSAT (Supp. 7), and the count below the threshold. No location condition. */
function routeCByApprovedOsat(order: Order, test: TransistorTest, date: string, list: ApprovedList): RouteFinding {
  const by = order.packaging?.by;
  const osat = order.packaging?.osat;
  const byOsat: Tri = by === undefined ? "unknown" : by === "osat" ? "yes" : "no";
  const check = osat === undefined ? undefined : checkApprovedList(list, osat, date);
  const approved: Tri =
    check === "listed" ? "yes" : check === "not-listed" ? "no" : triOf(order.packaging?.osatApproved);
  const warnings: string[] = [];
  if (check === "not-listed" && order.packaging?.osatApproved === true)
    warnings.push(
      `packaging.osatApproved is true, but ${osat} is not on ${list.list} (as of ${list.asOf}); the list was followed`,
    );
  const status = triAnd([byOsat, approved, test.below]);
  const needs: string[] = [];
  if (byOsat === "no") needs.push(`packaging by an approved OSAT (Supp. 7) (packaging.by is ${by})`);
  else if (byOsat === "unknown") needs.push("packaging.by: who packages the die");
  if (approved !== "yes" && byOsat !== "no") {
    needs.push(
      osat === undefined
        ? "packaging.osat: the OSAT's name, to check Supp. 7"
        : check === "not-listed"
          ? `an approved OSAT: ${osat} is not on Supp. 7 as of ${list.asOf}`
          : `whether ${osat} is on Supp. 7 (the current list with --approved-osats FILE, or packaging.osatApproved)`,
    );
  }
  return {
    status,
    needs: status === "yes" ? [] : needs,
    warnings,
    notes: [],
    trace: {
      step: "Note 1 ¶c route c (approved OSAT packages)",
      result: TRI_RESULT[status],
      statement: `packaged by ${by ?? "(not given)"}${osat ? ` (${osat})` : ""}; Supp. 7: ${check === undefined ? "no OSAT named" : check === "unknown" ? `not on the list, whose contents are not known (as of ${list.asOf})${order.packaging?.osatApproved === undefined ? "" : `; the order states packaging.osatApproved: ${order.packaging.osatApproved}`}` : check}; transistor count below the threshold: ${test.below}`,
      citation: listCitation(list),
    },
  };
}
