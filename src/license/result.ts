/**
 * What `license` answers for one shipment. The licence answers, review
 * policies and exceptions are closed unions: renderers switch over them.
 */
import type { TraceStep } from "../classify/result.js";
import type { Confidence, ExceptionId, Mode, ReviewPolicy, RowId } from "./data.js";

export const LICENSE_ANSWERS = ["yes", "no", "indeterminate"] as const;
/** `indeterminate`: a fact that could change the answer is missing (`missing` names it); never a silent `no`. */
export type LicenseAnswer = (typeof LICENSE_ANSWERS)[number];

/** A row of the decision table that decided part of the answer. */
export interface AppliedRow {
  readonly id: RowId;
  readonly text: string;
  readonly citation: string;
  readonly confidence: Confidence;
  readonly verified: boolean;
}

export interface RedFlagCheck {
  readonly id: string;
  readonly text: string;
  readonly source: string;
  /** The user's answer from `answers.redFlags`: true (the flag is present), false (cleared), null (not answered). */
  readonly answer: boolean | null;
}

export interface Gp10Check {
  readonly applies: boolean;
  /** Why the item is a PRC 3A090 IC. */
  readonly basis: string;
  readonly technicalEvaluationOnly: boolean;
  readonly text: string;
  readonly citation: string;
  readonly confidence: Confidence;
}

export interface LicenseResult {
  readonly shipment: string;
  readonly rulesDate: string;
  readonly mode: Mode;
  /** The ECCN paragraph the rows were tested on (stated, or from the datasheet's classification). */
  readonly itemEccn: string;
  /** The destination as looked up (HK → CN). */
  readonly destination: string;
  readonly licenseRequired: LicenseAnswer;
  /** Licence exceptions the rules make available for every requirement that applies (explained in the trace). */
  readonly exceptions: readonly ExceptionId[];
  /**
   * The policy a licence application would meet; null where no licence is needed or the policy is unverified (a
   * warning says so).
   */
  readonly reviewPolicy: ReviewPolicy | null;
  /**
   * When reviewPolicy is null: the policies the rows would give under their unverified readings or once a missing fact
   * is known.
   */
  readonly reviewPolicyCandidates: readonly ReviewPolicy[];
  /** What must hold or be certified: for the case-by-case policy and for each exception offered. */
  readonly conditions: readonly string[];
  /** The rows that applied. */
  readonly rows: readonly AppliedRow[];
  readonly gp10: Gp10Check | null;
  readonly redFlags: readonly RedFlagCheck[];
  readonly missing: readonly string[];
  readonly warnings: readonly string[];
  readonly notes: readonly string[];
  readonly trace: readonly TraceStep[];
  readonly rules: {
    readonly verifiedThrough: string;
    readonly beyondVerified: boolean;
    readonly licensingDataSha256: string;
    readonly countryGroupsAsOf: string;
  };
}
