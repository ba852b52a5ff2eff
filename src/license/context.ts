/**
 * The working state one evaluation threads through its steps: the facts, the
 * licence requirements found so far, and the trace. Each step module adds to
 * it; ./license.ts assembles the answer.
 */
import type { TraceStep } from "../classify/result.js";
import type { Rational } from "../numbers/rational.js";
import {
  anyMember,
  canonicalCountry,
  type CountryGroup,
  inMacauOrD5,
  membership,
  type Membership,
} from "../presume/country-groups.js";
import {
  type ExceptionId,
  type LicensingData,
  type Mode,
  type ReviewPolicy,
  type Row,
  type RowId,
  rowCitation,
} from "./data.js";
import type { Shipment } from "./shipment.js";

/** The tier of an item's paragraph: .a (3A090.a, 4A090.a, .z.a), .b, or .c (HBM). */
export type Tier = "a" | "b" | "c";

export interface ItemFacts {
  /** The paragraph as written, e.g. "5A992.z.1". */
  readonly eccn: string;
  /** advanced: 3A090/4A090/.z; other: outside them (N1); indeterminate: not known. */
  readonly kind: "advanced" | "other" | "indeterminate";
  /** null for an advanced item whose .z tier could not be told, and for other items. */
  readonly tier: Tier | null;
  readonly datacenter: boolean | undefined;
  readonly tpp: Rational | undefined;
  readonly dramBandwidthGBps: Rational | undefined;
  readonly memoryBandwidthDensity: Rational | undefined;
}

/** A licence requirement found by a row, and what could lift it. */
export interface Requirement {
  readonly row: RowId;
  /** `unknown`: the row would apply if a missing fact were so. */
  readonly status: "required" | "unknown";
  /** The exceptions whose scope covers this requirement (step 5 checks their conditions). */
  readonly coveredBy: readonly ExceptionId[];
  /** The row's review policy; null where it is unverified or not stated. */
  readonly policy: ReviewPolicy | null;
}

export class Evaluation {
  readonly requirements: Requirement[] = [];
  readonly applied: Row[] = [];
  readonly missing: string[] = [];
  readonly warnings: string[] = [];
  readonly notes: string[] = [];
  readonly conditions: string[] = [];
  readonly trace: TraceStep[] = [];
  /** Set by step 4 when the January 2026 rule moves the China/Macau review to case-by-case. */
  caseByCase: "applies" | "fails" | "unknown" | "not-tested" = "not-tested";

  constructor(
    readonly shipment: Shipment,
    readonly date: string,
    readonly mode: Mode,
    readonly data: LicensingData,
    readonly item: ItemFacts,
    /** The destination as looked up (HK → CN). */
    readonly destination: string,
  ) {}

  /** True when the AI Diffusion rule is applied as written on this date: as-written mode, or before non-enforcement. */
  get asWritten(): boolean {
    return this.mode === "as-written" || this.date < this.data.file.aiDiffusion.nonEnforcementFrom;
  }

  row(id: RowId): Row {
    return this.data.row(id);
  }

  /** Records that a row applied, with its requirement; warns when the row or its policy is unverified. */
  require(id: RowId, status: Requirement["status"], coveredBy: readonly ExceptionId[], statement: string): void {
    const row = this.row(id);
    const policy = row.policy !== undefined && row.policy !== null && row.policyVerified !== false ? row.policy : null;
    this.requirements.push({ row: id, status, coveredBy, policy });
    if (!this.applied.includes(row)) this.applied.push(row);
    this.step(id, status === "required" ? "applies" : "unknown", statement, rowCitation(row));
    if (!row.verified)
      this.warn(`${id} is used but unverified (confidence ${row.confidence}): ${row.remark ?? row.text}`);
    if (status === "required" && row.policyVerified === false) {
      this.warn(`${id}: review policy unverified: ${row.policyRemark ?? "not stated in the sources"}`);
    }
  }

  step(step: string, result: TraceStep["result"], statement: string, citation: string): void {
    this.trace.push({ step, result, statement, citation });
  }

  /** Records a row tested that did not apply. */
  notApplied(id: RowId, statement: string): void {
    this.step(id, "does not apply", statement, rowCitation(this.row(id)));
  }

  warn(text: string): void {
    if (!this.warnings.includes(text)) this.warnings.push(text);
  }

  need(field: string): void {
    if (!this.missing.includes(field)) this.missing.push(field);
  }

  note(text: string): void {
    if (!this.notes.includes(text)) this.notes.push(text);
  }

  /** Membership of the destination in a group on the date. */
  destinationIn(group: CountryGroup): Membership {
    return membership(this.destination, group, this.date);
  }

  destinationInMacauOrD5(): Membership {
    return inMacauOrD5(this.destination, this.date);
  }

  /**
   * "To or within … Country Groups D:1, D:4, and D:5 …, excluding any destination also specified in Country Groups A:5
   * or A:6".
   */
  destinationInD1D4NotA5A6(): Membership {
    return andNot(
      anyMember([this.destinationIn("D:1"), this.destinationIn("D:4")]),
      anyMember([this.destinationIn("A:5"), this.destinationIn("A:6")]),
    );
  }
}

/** Three-valued "a and not b". */
export function andNot(a: Membership, b: Membership): Membership {
  if (a === "not-member" || b === "member") return "not-member";
  if (a === "member" && b === "not-member") return "member";
  return "unknown";
}

/** The code a country is looked up under, with the note when it was an alias (HK → CN). */
export function lookedUp(code: string): { code: string; note?: string } {
  return canonicalCountry(code);
}
