/**
 * # Note 1 to 3A090.a ¶a: route a, the designer's attestation of TPP and PD
 *
 * > a. If the designer … is an approved or authorized integrated circuit
 * > designer, then a datasheet or other attestation of the 'total processing
 * > performance' and the 'performance density' from the approved or
 * > authorized integrated circuit designer indicating that the IC is not
 * > specified in 3A090.a will overcome the presumption
 *
 * Two conditions, both needed: the designer is approved or authorized on the
 * completion date (¶a(1)–(3), ./designer.ts; approved only with
 * `strictApprovedOnly`, A-3), and an attestation from that designer, about
 * this IC, gives both TPP and PD, and its figures, classified again, give no
 * 3A090.a clause (./attestation.ts, ./attestation-match.ts). A signed
 * attestation is used only when it verifies; an unsigned one is used with a
 * warning, unless only signed ones are accepted (`requireSigned`).
 */
import { InvalidInputError } from "../classify/datasheet.js";
import { rulesAt } from "../rules/rules.js";
import {
  type AttestationFigures,
  type AttestationInput,
  type AttestationVerifier,
  classifyAttestedFigures,
  type FiguresFinding,
  parseFigures,
} from "./attestation.js";
import {
  attestsNotDatacenter,
  figuresContradictOrder,
  sameName,
  unsignedAttestationIdentity,
} from "./attestation-match.js";
import type { DesignerFinding } from "./designer.js";
import type { Order } from "./order.js";
import { note1At } from "./parameters.js";
import type { PresumeOptions } from "./presume.js";
import type { RouteFinding } from "./route.js";
import { TRI_HOLDS, type Tri, triAnd, triOr } from "./tri.js";

/** What route a has found so far about the attestation given; each step below may narrow it. */
interface AttestationReading {
  /** Whether the attestation shows the IC is not 3A090.a. */
  attested: Tri;
  /** The trace statement, in words, as it grows. */
  statement: string;
  /** "; signed with key …" once a signed attestation verifies. */
  keyText: string;
  /** The attested figures still to be judged; undefined once they are refused or absent. */
  figures: AttestationFigures | undefined;
  readonly warnings: string[];
  readonly needs: string[];
}

/**
 * ¶a: the designer is approved or authorized (approved only, in strict mode), and its attestation of TPP and PD shows
 * the IC is not 3A090.a.
 */
export function routeAByAttestation(
  order: Order,
  attestation: AttestationInput,
  designer: DesignerFinding,
  date: string,
  options: PresumeOptions,
): RouteFinding {
  const citation = `${note1At(date).scope.cites.replace("Note 1 to 3A090.a", "Note 1 to 3A090.a ¶a")}`;
  const designerTest = designerQualifies(designer, options.strictApprovedOnly === true);
  const reading = readAttestationGiven(order, attestation, options);
  reading.needs.unshift(...designerTest.needs);
  requireBothFigures(reading);
  requireAgreementWithOrder(order, reading);
  warnIfAttestedNotDatacenter(reading, date);
  const figures = judgeAttestedFigures(reading, attestation.kind, date);

  const status = triAnd([designerTest.qualifies, reading.attested]);
  const { statement, keyText } = reading;
  return {
    status,
    needs: status === "yes" ? [] : reading.needs,
    warnings: reading.warnings,
    notes: [],
    figures,
    trace: {
      step: "Note 1 ¶a route a (designer attestation)",
      result: TRI_HOLDS[status],
      statement:
        `designer ${designer.status}${options.strictApprovedOnly ? " (strict: approved only)" : ""}; ` +
        `${statement}${keyText && !statement.includes(keyText) ? keyText : ""}`,
      citation,
    },
  };
}

/**
 * "If the designer … is an approved or authorized integrated circuit designer": approved or authorized, or approved
 * only in strict mode (¶d names only approved designers, A-3).
 */
function designerQualifies(designer: DesignerFinding, strict: boolean): { qualifies: Tri; needs: string[] } {
  const qualifies: Tri = strict ? designer.approved : triOr([designer.approved, designer.authorized]);
  const needs: string[] = [];
  if (qualifies === "yes") return { qualifies, needs };
  if (strict && designer.approved !== "yes")
    needs.push("an approved designer (Supp. 6): strict mode accepts only approved designers (docs/ambiguities.md#a-3)");
  needs.push(...(strict ? designer.needs.filter(isApprovedDesignerNeed) : designer.needs));
  return { qualifies, needs };
}

/** In strict mode, only what bears on Supp. 6 (the list, or the designer's name to look up) is still needed. */
function isApprovedDesignerNeed(need: string): boolean {
  return need.includes("Supp. 6") || need.includes("designer.name");
}

/**
 * "a datasheet or other attestation … from the approved or authorized integrated circuit designer": none, unsigned or
 * signed.
 */
function readAttestationGiven(
  order: Order,
  attestation: AttestationInput,
  options: PresumeOptions,
): AttestationReading {
  switch (attestation.kind) {
    case "none":
      return readingOf("no", "no designer attestation given", {
        needs: ["designer attestation of TPP and PD (designerAttestation)"],
      });
    case "plain":
      return readUnsignedAttestation(order, attestation.figures, options.requireSigned === true);
    case "signed":
      return readSignedAttestation(order, attestation.envelopeOrPath, options.verifyAttestation);
  }
}

function readingOf(
  attested: Tri,
  statement: string,
  more: { figures?: AttestationFigures; keyText?: string; warnings?: string[]; needs?: string[] } = {},
): AttestationReading {
  return {
    attested,
    statement,
    keyText: more.keyText ?? "",
    figures: more.figures,
    warnings: more.warnings ?? [],
    needs: more.needs ?? [],
  };
}

/**
 * An unsigned attestation serves only when unsigned ones are accepted and what it states about its IC is the order's.
 */
function readUnsignedAttestation(
  order: Order,
  figures: AttestationFigures,
  requireSigned: boolean,
): AttestationReading {
  if (requireSigned) {
    return readingOf("no", "unsigned attestation, and only a signed one that verifies is accepted (--require-signed)", {
      needs: ["a signed designer attestation that verifies (--require-signed)"],
    });
  }
  const identity = unsignedAttestationIdentity(order, figures);
  if (identity.status !== "yes") {
    return readingOf(identity.status, `unsigned attestation: ${identity.problem}`, {
      warnings: [`${identity.problem}: not used for route a`],
      needs: [identity.need!],
    });
  }
  return readingOf("yes", "unsigned attestation", { figures });
}

/** A signed attestation serves when it verifies, is signed by the order's designer, and is for the order's part. */
function readSignedAttestation(
  order: Order,
  envelopeOrPath: unknown,
  verify: AttestationVerifier | undefined,
): AttestationReading {
  if (!verify) {
    return readingOf("unknown", "signed attestation given, but no trust file to verify it", {
      needs: ["a trust file to verify the signed attestation (--trust)"],
    });
  }
  const verified = verify(envelopeOrPath);
  if (!verified.ok) {
    return readingOf("no", `signed attestation does not verify: ${verified.reason}`, {
      warnings: [`the signed designer attestation was refused: ${verified.reason}`],
      needs: ["a designer attestation that verifies"],
    });
  }
  const keyText = `; signed with key ${verified.keyFingerprint}`;
  const orderDesigner = order.designer?.name;
  if (orderDesigner === undefined || !sameName(verified.designer, orderDesigner)) {
    const named = orderDesigner === undefined ? "(designer.name not given)" : `"${orderDesigner}"`;
    return readingOf(
      "no",
      `signed attestation verifies for designer "${verified.designer}", not the order's designer ${named}${keyText}`,
      {
        keyText,
        warnings: [
          `the signed attestation is by "${verified.designer}", not the order's designer: not used for route a`,
        ],
        needs: ["an attestation signed by the order's designer"],
      },
    );
  }
  if (!sameName(verified.part, order.part)) {
    return readingOf("no", `signed attestation is for part "${verified.part}", not "${order.part}"${keyText}`, {
      keyText,
      warnings: [`the signed attestation is for part "${verified.part}", not "${order.part}": not used for route a`],
      needs: [`an attestation for part ${order.part}`],
    });
  }
  try {
    const figures = parseFigures(verified.figures, "signed attestation figures");
    return readingOf("yes", `signed attestation verified for ${verified.designer}, part ${verified.part}`, {
      figures,
      keyText,
    });
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return readingOf("no", `signed attestation verified, but its figures cannot be read: ${error.message}`, {
      keyText,
      needs: ["an attestation whose figures can be read"],
    });
  }
}

/**
 * ¶a asks for "an attestation of the 'total processing performance' and the 'performance density'":
 * figures without PD (and no full datasheet) leave route a open, even where TPP alone would decide.
 */
function requireBothFigures(reading: AttestationReading): void {
  const figures = reading.figures;
  if (!figures || !lacksTppOrPd(figures)) return;
  const pdText = figures.performanceDensity === undefined ? " and no performance density" : "";
  reading.statement += `; it gives ${figures.tpp === undefined ? "no TPP" : "TPP"}${pdText}`;
  reading.attested = reading.attested === "yes" ? "unknown" : reading.attested;
  reading.needs.push(
    "designer attestation of both TPP and PD (designerAttestation.tpp and .performanceDensity, or a datasheet): " +
      "Note 1 ¶a asks for both",
  );
  reading.figures = undefined;
}

/** Attested figures without a full datasheet that miss TPP or PD. */
function lacksTppOrPd(figures: AttestationFigures): boolean {
  return !figures.datasheet && (figures.tpp === undefined || figures.performanceDensity === undefined);
}

/** Figures the order's own dies contradict are not an attestation of this IC (./attestation-match.ts). */
function requireAgreementWithOrder(order: Order, reading: AttestationReading): void {
  const contradiction = reading.figures ? figuresContradictOrder(order, reading.figures) : undefined;
  if (contradiction === undefined) return;
  reading.statement += `; ${contradiction}`;
  reading.attested = "no";
  reading.warnings.push(`${contradiction}: the attestation does not overcome the presumption`);
  reading.needs.push("designer attestation whose figures agree with the order's dies");
  reading.figures = undefined;
}

/** an attestation that the IC is not for datacenters rests on the designer's word, and is said so. */
function warnIfAttestedNotDatacenter(reading: AttestationReading, date: string): void {
  if (!reading.figures || !attestsNotDatacenter(reading.figures)) return;
  const tpp = rulesAt(date).threshold("3A090.nonDatacenter.tpp")!.value.toExactString();
  reading.warnings.push(
    `the attestation states the IC is not designed or marketed for datacenters, which takes TPP below ${tpp} ` +
      "out of 3A090.a; Note 1 presumes it is, and this rests on the designer's statement (docs/ambiguities.md#a-10)",
  );
}

/**
 * "indicating that the IC is not specified in 3A090.a": the attested figures are classified again with the
 * classifier's own clauses, and route a is refused when they give 3A090.a, whatever the attestation states.
 */
function judgeAttestedFigures(
  reading: AttestationReading,
  kind: AttestationInput["kind"],
  date: string,
): FiguresFinding | undefined {
  const attested = reading.figures;
  if (!attested) return undefined;
  const figures = classifyAttestedFigures(attested, rulesAt(date));
  reading.statement += `; ${figures.statement}`;
  if (attested.source) reading.statement += ` (source: ${attested.source})`;
  if (figures.says === "3A090.a") {
    const stated =
      attested.notSpecifiedIn3A090a === true
        ? ", although the attestation states the IC is not specified in 3A090.a"
        : "";
    reading.attested = "no";
    reading.warnings.push(`the designer's attested figures give ${figures.clause}: route a is refused${stated}`);
    reading.needs.push(
      `designer attestation of TPP and PD showing the IC is not 3A090.a (the attested figures give ${figures.clause})`,
    );
  } else if (figures.says === "unknown") {
    reading.attested = reading.attested === "yes" ? "unknown" : reading.attested;
    reading.needs.push(
      attested.tpp === undefined && !attested.datasheet
        ? "designer attestation of TPP and PD (designerAttestation.tpp and .performanceDensity)"
        : "designer attestation of performance density (designerAttestation.performanceDensity)",
    );
  } else if (attested.notSpecifiedIn3A090a === false) {
    reading.attested = "no";
    reading.warnings.push(
      "the attestation states notSpecifiedIn3A090a: false although its figures give no 3A090.a clause: " +
        "route a is not used",
    );
    reading.needs.push("an attestation indicating that the IC is not specified in 3A090.a");
  }
  if (kind === "plain" && reading.attested !== "no")
    reading.warnings.push(
      "the designer attestation is unsigned: it was not verified (a signed attestation and --trust FILE verify it)",
    );
  return figures;
}
