/**
 * # Note 1 to 3A090.a ¶a: is the attestation about this order's IC?
 *
 * > a datasheet or other attestation of the 'total processing performance'
 * > and the 'performance density' from the approved or authorized integrated
 * > circuit designer indicating that the IC is not specified in 3A090.a will
 * > overcome the presumption
 *
 * An attestation overcomes the presumption only for the IC it is about, from
 * the designer the order names. A signed attestation's part and designer are
 * checked when it is verified; an unsigned one is checked here against what
 * it states (`part`, its datasheet's `part`, `designer`). Its figures must
 * also agree with what the order itself shows: an attested performance
 * density that the order's own dies contradict (2 × 400 mm² with TPP 4000
 * give PD 5, not the attested 1) is not an attestation of this IC's PD.
 */
import { applicableDieArea } from "../classify/density.js";
import { Rational } from "../numbers/rational.js";
import type { AttestationFigures } from "./attestation.js";
import type { Order } from "./order.js";
import type { Tri } from "./tri.js";

/** Names compared as written, up to Unicode normalisation and spacing: "ACME-X1.5" is not "acme-x15". */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize("NFKC").replace(/\s+/g, " ").trim();
  return norm(a) === norm(b);
}

export interface AttestationIdentity {
  /** "yes" when nothing the attestation states about its part and designer differs from the order. */
  readonly status: Tri;
  readonly problem?: string;
  readonly need?: string;
}

/**
 * Whether an unsigned attestation's stated part and designer are the order's.
 * A part or designer that differs refuses it ("no"); a designer the order
 * does not name leaves it open ("unknown").
 */
export function unsignedAttestationIdentity(order: Order, figures: AttestationFigures): AttestationIdentity {
  if (figures.part !== undefined && !sameName(figures.part, order.part)) {
    return {
      status: "no",
      problem: `the attestation is for part "${figures.part}", not "${order.part}"`,
      need: `an attestation for part ${order.part}`,
    };
  }
  const orderDesigner = order.designer?.name;
  if (figures.designer !== undefined && orderDesigner === undefined) {
    return {
      status: "unknown",
      problem: `the attestation is by "${figures.designer}", and the order does not name its designer`,
      need: "designer.name: to match the attestation's designer",
    };
  }
  if (figures.designer !== undefined && orderDesigner !== undefined && !sameName(figures.designer, orderDesigner)) {
    return {
      status: "no",
      problem: `the attestation is by "${figures.designer}", not the order's designer "${orderDesigner}"`,
      need: "an attestation from the order's designer",
    };
  }
  return { status: "yes" };
}

/** One unit in the last decimal place written: "3.1" → 0.1, "5" → 1. */
function lastPlace(value: Rational): Rational {
  const text = value.toExactString();
  const decimals = text.includes(".") ? text.length - text.indexOf(".") - 1 : 0;
  return Rational.of(1n, 10n ** BigInt(decimals));
}

/**
 * Why the attested figures contradict the order's own dies, or undefined when
 * they do not (or the order's dies do not give an exact applicable area).
 *
 * - TPP and PD: PD must be TPP ÷ the order's applicable die area, up to one
 *   unit in the attested PD's last decimal place (a rounded or truncated PD
 *   agrees; 4000 ÷ 800 = 5 against an attested 1 does not).
 * - A datasheet: its applicable die area must be the order's.
 */
export function figuresContradictOrder(order: Order, figures: AttestationFigures): string | undefined {
  const orderArea = applicableDieArea(order.dies).exact;
  if (orderArea === undefined || orderArea.isZero()) return undefined;
  if (figures.datasheet) {
    if (figures.datasheet.kind !== "ic") return undefined;
    const attestedArea = applicableDieArea(figures.datasheet.dies).exact;
    if (attestedArea === undefined || attestedArea.eq(orderArea)) return undefined;
    return (
      `the attested datasheet's applicable die area is ${attestedArea.toExactString()} mm², but the order's dies ` +
      `give ${orderArea.toExactString()} mm²`
    );
  }
  if (figures.tpp === undefined || figures.performanceDensity === undefined) return undefined;
  const implied = figures.tpp.div(orderArea);
  const difference = implied.sub(figures.performanceDensity);
  const distance = difference.lt(Rational.ZERO) ? difference.neg() : difference;
  if (distance.lt(lastPlace(figures.performanceDensity))) return undefined;
  return (
    `the attested PD ${figures.performanceDensity.toExactString()} contradicts the order's own dies: attested ` +
    `TPP ${figures.tpp.toExactString()} ÷ ` +
    `applicable die area ${orderArea.toExactString()} mm² = PD ${implied.toTruncatedDecimal(6)}`
  );
}

/**
 * True when the attestation states the IC is not designed or marketed for datacenters, in its figures or its
 * datasheet.
 */
export function attestsNotDatacenter(figures: AttestationFigures): boolean {
  return figures.datacenter === false || (figures.datasheet?.kind === "ic" && figures.datasheet.datacenter === false);
}
