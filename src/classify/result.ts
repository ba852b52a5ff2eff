/**
 * What `classify` answers. The clause and ECCN sets are closed unions: a
 * renderer switches over them exhaustively, so a new outcome cannot be
 * forgotten.
 */

export type Clause = "3A090.a.1" | "3A090.a.2" | "3A090.b.1" | "3A090.b.2" | "3A090.c" | "none" | "indeterminate";
export type Eccn = "3A090.a" | "3A090.b" | "3A090.c" | "none" | "indeterminate";

export const CLAUSES: readonly Clause[] = [
  "3A090.a.1",
  "3A090.a.2",
  "3A090.b.1",
  "3A090.b.2",
  "3A090.c",
  "none",
  "indeterminate",
];
export const ECCNS: readonly Eccn[] = ["3A090.a", "3A090.b", "3A090.c", "none", "indeterminate"];

/** The ECCN paragraph a clause belongs to. */
export function eccnOf(clause: Clause): Eccn {
  switch (clause) {
    case "3A090.a.1":
    case "3A090.a.2":
      return "3A090.a";
    case "3A090.b.1":
    case "3A090.b.2":
      return "3A090.b";
    case "3A090.c":
      return "3A090.c";
    case "none":
      return "none";
    case "indeterminate":
      return "indeterminate";
  }
}

/**
 * One step of the reasoning: a value computed, or a paragraph tested, with the
 * exact comparison in words and the citation it rests on.
 */
export interface TraceStep {
  /** What was computed or tested: "TPP", "performance density", "3A090.a.2", ... */
  readonly step: string;
  readonly result: "value" | "holds" | "fails" | "unknown" | "applies" | "does not apply" | "not in force";
  /** The computation or comparison in words, e.g. "TPP 15832 ≥ 4800". */
  readonly statement: string;
  readonly citation: string;
}

export interface Classification {
  readonly part: string;
  readonly kind: "ic" | "hbm";
  /** The date whose rules were applied (YYYY-MM-DD). */
  readonly rulesDate: string;
  /** Exact TPP as a decimal string; null for HBM. */
  readonly tpp: string | null;
  /** PD truncated (never rounded up) to 6 decimals; null when undefined or not known. */
  readonly performanceDensity: string | null;
  /** PD as an exact fraction, e.g. "7916/407"; null when undefined or not known. */
  readonly performanceDensityExact: string | null;
  /** Applicable die area in mm², exact; null when not known. */
  readonly applicableDieAreaMm2: string | null;
  /** HBM only: memory bandwidth density, truncated to 6 decimals, and exact. */
  readonly memoryBandwidthDensity?: string;
  readonly memoryBandwidthDensityExact?: string;
  /** The controlling paragraph. */
  readonly clause: Clause;
  readonly eccn: Eccn;
  /**
   * The ECCN of the item as shipped (its `form`): "3A090.a", "4A090.b", "4A994.l", "3A991.p", "5A992.c",
   * "5A992.z.1", "5A002.z.1.a", "4A003.z.1.a", ..., "indeterminate", or "none" (none of the entries this
   * tool evaluates; a note says other entries were not checked). See src/classify/item.ts.
   */
  readonly itemEccn: string;
  /** The steps from the IC's paragraph to the item's, each with its citation (also at the end of `trace`). */
  readonly itemBasis: readonly TraceStep[];
  /** For an item that lists its ICs in `contains`: each IC's own classification, in order. */
  readonly contained?: readonly Classification[];
  /** Every paragraph whose conditions hold (the controlling one first). */
  readonly matched: readonly Clause[];
  /** Facts that would settle an indeterminate answer, as field paths with a word of explanation. */
  readonly missing: readonly string[];
  /** Readings that would change the answer, and unusual inputs. */
  readonly warnings: readonly string[];
  /** Facts about the rule worth knowing (licence exceptions, related ECCNs). */
  readonly notes: readonly string[];
  readonly trace: readonly TraceStep[];
  /** Which rules data was applied. */
  readonly rules: {
    readonly date: string;
    readonly verifiedThrough: string;
    /** True when the date is after the rules data was last checked against the Federal Register. */
    readonly beyondVerified: boolean;
    readonly dataSha256: string;
  };
}
