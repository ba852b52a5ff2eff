/**
 * The licence matrix: one cell per part and destination, in words a release
 * desk reads at a glance. Cells: `no`; an exception (`NAC`, `ACA`, `HBM`)
 * when one lifts every requirement; `licence: denial`, `licence: case-by-case`,
 * `licence: approval`; with a question mark where the policy is unverified or
 * depends on a missing fact (`licence: case-by-case or denial?`);
 * `licence: policy not stated`; `GP10` (a PRC 3A090 IC); `indeterminate`.
 */
import type { LicenseResult } from "./result.js";

export type MatrixCell =
  | "no"
  | "NAC"
  | "ACA"
  | "HBM"
  | "AIA"
  | "ACM"
  | "LPP"
  | "GP10"
  | `licence: ${string}`
  | "indeterminate";

const SHORT = {
  "presumption of denial": "denial",
  "case-by-case": "case-by-case",
  "presumption of approval": "approval",
} as const;

export function matrixCell(result: LicenseResult): MatrixCell {
  switch (result.licenseRequired) {
    case "no":
      return "no";
    case "indeterminate":
      return "indeterminate";
    case "yes":
      if (result.gp10?.applies && !result.gp10.technicalEvaluationOnly) return "GP10";
      if (result.exceptions.length > 0) return result.exceptions[0]!;
      switch (result.reviewPolicy) {
        case "presumption of denial":
          return "licence: denial";
        case "case-by-case":
          return "licence: case-by-case";
        case "presumption of approval":
          return "licence: approval";
        case null: {
          const candidates = result.reviewPolicyCandidates.map((policy) => SHORT[policy]);
          return candidates.length === 0 ? "licence: policy not stated" : `licence: ${candidates.join(" or ")}?`;
        }
      }
  }
}
