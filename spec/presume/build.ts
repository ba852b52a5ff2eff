/**
 * Orders for the Note 1 specs: a base order that passes by route b in 2027
 * (the example without its attestation), and helpers to change one
 * fact at a time. Every spec passes an explicit completion date.
 */
import { presume, type PresumeOptions, type PresumeResult } from "../../src/index.js";

export type Json = Record<string, unknown>;

export const BILLION = 1_000_000_000n;

/** `n` billion as a decimal string; `below(n)` is one transistor less. */
export const billion = (n: number | bigint) => (BigInt(n) * BILLION).toString();
export const below = (n: number | bigint) => (BigInt(n) * BILLION - 1n).toString();

export const DESIGNER_US = {
  name: "Acme Semi",
  headquarters: "US",
  ultimateParentHeadquarters: "US",
  locations: ["US", "TW"],
  approved: false,
  agreedToReporting: true,
  approvalApplicationDate: "2026-11-01",
};

/** A front-end fabricator's order: a 5 nm non-planar compute die, an attested count, packaged by the fabricator in TW. */
export function order(changes: Json = {}): Json {
  const base: Json = {
    part: "ACME-X1",
    exporter: "front-end-fabricator",
    completionDate: "2027-03-15",
    logic: true,
    containsHbm: false,
    dies: [
      {
        name: "compute",
        logic: true,
        nonPlanar: true,
        nodeNm: "5",
        areaMm2: "600",
        transistorDensityPerMm2: "49000000",
      },
      { name: "io", logic: true, nonPlanar: false, nodeNm: "28", areaMm2: "200" },
    ],
    aggregatedApproximatedTransistorCount: "29400000000",
    packaging: { by: "front-end-fabricator", location: "TW" },
    designer: DESIGNER_US,
  };
  return { ...base, ...changes };
}

/** An order whose only possible route is b or c: the count and packaging decide. */
export function countOrder(
  count: string,
  completionDate: string,
  containsHbm: boolean | undefined,
  changes: Json = {},
): Json {
  const o = order({ aggregatedApproximatedTransistorCount: count, completionDate, ...changes });
  if (containsHbm === undefined) delete o.containsHbm;
  else o.containsHbm = containsHbm;
  return o;
}

export function check(input: Json, options: PresumeOptions = {}): PresumeResult {
  return presume(input, options);
}

/**
 * The base order's dies without their areas: an attestation's TPP and PD are
 * then not checked against an applicable die area the order gives (for
 * specs about the figures themselves; attestation-match.spec.ts checks that).
 */
export const DIES_AREA_NOT_GIVEN = [
  { name: "compute", logic: true, nonPlanar: true, nodeNm: "5" },
  { name: "io", logic: true, nonPlanar: false, nodeNm: "28" },
];

/** A designer-only order: no count, no packaging facts that help; route a decides. */
export function designerOrder(designer: Json, completionDate: string, changes: Json = {}): Json {
  return order({
    completionDate,
    designer: { ...DESIGNER_US, ...designer },
    aggregatedApproximatedTransistorCount: billion(50),
    dies: DIES_AREA_NOT_GIVEN,
    designerAttestation: { tpp: "4000", performanceDensity: "3.1" },
    ...changes,
  });
}

/** A rank for "never hurts": applies < indeterminate < overcome; not-applicable is as good as overcome. */
export function rank(presumption: PresumeResult["presumption"]): number {
  switch (presumption) {
    case "applies":
      return 0;
    case "indeterminate":
      return 1;
    case "overcome":
    case "not-applicable":
      return 2;
  }
}
