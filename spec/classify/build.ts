/**
 * Builders for test datasheets whose TPP and performance density are exactly
 * what a test names. Every figure is built from decimal strings with the
 * exact Rational type, never from a JS float.
 */
import { parseDecimal, Rational } from "../../src/numbers/rational.js";

/** A date inside the verified rules window, with 3A090.c in force. */
export const DATE = "2025-06-02";

/** One unit in the last place used by the edge pairs: 10^-12. */
export const ULP = "0.000000000001";

const EIGHT = Rational.integer(8);

/** `a − b`, exact, as a decimal string ("4800" − ULP = "4799.999999999999"). */
export function minus(a: string, b: string = ULP): string {
  return parseDecimal(a).sub(parseDecimal(b)).toExactString();
}

/** `a + b`, exact, as a decimal string. */
export function plus(a: string, b: string = ULP): string {
  return parseDecimal(a).add(parseDecimal(b)).toExactString();
}

/** `a × b`, exact, as a decimal string. */
export function times(a: string, b: string): string {
  return parseDecimal(a).mul(parseDecimal(b)).toExactString();
}

/** The FP8 dense TOPS that give exactly `tpp` (TPP = TOPS × 8 bits). */
export function fp8TopsFor(tpp: string): string {
  return parseDecimal(tpp).div(EIGHT).toExactString();
}

export interface ChipSpec {
  /** Exact TPP wanted, as a decimal string. */
  readonly tpp: string;
  /** Applicable die area in mm² (one non-planar logic die); omit for no dies at all. */
  readonly area?: string;
  /** true, false, or null/undefined for not known. */
  readonly datacenter?: boolean | null;
  readonly part?: string;
}

/** A datasheet with one FP8 rate and one non-planar logic die. */
export function chip({
  tpp,
  area,
  datacenter = true,
  part = `chip TPP ${tpp}${area ? ` on ${area} mm²` : ""}`,
}: ChipSpec): Record<string, unknown> {
  return {
    part,
    kind: "ic",
    ...(datacenter === undefined ? {} : { datacenter }),
    units: [{ name: "tensor cores", rates: [{ format: "FP8", tops: fp8TopsFor(tpp) }] }],
    ...(area === undefined ? {} : { dies: [{ name: "compute", areaMm2: area, logic: true, nonPlanar: true }] }),
  };
}

/** A datacenter chip whose PD is exactly `pd` on `area` mm² (TPP = pd × area). */
export function chipWithDensity(pd: string, area: string, datacenter: boolean | null = true): Record<string, unknown> {
  return chip({ tpp: times(pd, area), area, datacenter });
}
