/**
 * What `presume` answers. The presumption outcomes, routes and designer
 * statuses are closed unions: renderers switch over them exhaustively.
 */
import type { TraceStep } from "../classify/result.js";
import type { LicenseResult } from "../license/result.js";
import type { DesignerStatus } from "./designer.js";
import type { Party } from "./order.js";
import type { CountMethod } from "./transistors.js";

export const PRESUMPTIONS = ["not-applicable", "overcome", "applies", "indeterminate"] as const;
/** `applies`: treat as 3A090.a; `indeterminate`: the facts given do not settle it. */
export type Presumption = (typeof PRESUMPTIONS)[number];

export const ROUTES = ["a", "b", "c"] as const;
/** Note 1 ¶a (designer attestation), ¶b (front-end fabricator packages), ¶c (approved OSAT packages). */
export type Route = (typeof ROUTES)[number];

export const ROUTE_STATUSES = ["overcomes", "does-not-overcome", "unknown", "not-needed"] as const;
export type RouteStatus = (typeof ROUTE_STATUSES)[number];

export interface PresumeResult {
  readonly part: string;
  /** The completion date the rules were looked up at (the order's, or --date). */
  readonly completionDate: string;
  readonly exporter: Party;
  readonly presumption: Presumption;
  /** Why the presumption does not bind, when `not-applicable`. */
  readonly notApplicableReason: string | null;
  /** The route relied on (the first that overcomes, in the order a, b, c). */
  readonly route: Route | null;
  /** Every route's status; `not-needed` when the presumption does not bind. */
  readonly routes: { readonly a: RouteStatus; readonly b: RouteStatus; readonly c: RouteStatus };
  readonly designer: string | null;
  readonly designerStatus: DesignerStatus;
  /** Exact, as a decimal string; null when not known. */
  readonly aggregatedApproximatedTransistorCount: string | null;
  readonly transistorCountMethod: CountMethod | null;
  /** The threshold the count was held against ("below" is strict). */
  readonly transistorThreshold: string | null;
  readonly treatAs: "3A090.a" | null;
  /**
   * Route a: the clause the designer's figures give when classified again ("3A090.b.1", "none", …); never a final
   * ECCN.
   */
  readonly attestedClause: string | null;
  /** Reportable by the front-end fabricator under 15 CFR 743.9; null when the facts given cannot tell. */
  readonly reportable7439: boolean | null;
  /** Facts that would let the presumption be overcome (or settle an indeterminate answer). */
  readonly missing: readonly string[];
  readonly warnings: readonly string[];
  readonly notes: readonly string[];
  /** The outcome under another reading, when it differs (HBM base dies not counted, A-6). */
  readonly alternatives: readonly {
    readonly reading: string;
    readonly presumption: Presumption;
    readonly route: Route | null;
    readonly aggregatedApproximatedTransistorCount: string | null;
  }[];
  readonly trace: readonly TraceStep[];
  /**
   * With a ship-to (--ship-to or the order's shipTo): the licence answer for the foundry's shipment (ic3a090 license).
   */
  readonly license?: LicenseResult;
  readonly rules: {
    readonly date: string;
    readonly verifiedThrough: string;
    readonly beyondVerified: boolean;
    readonly note1DataSha256: string;
    readonly countryGroupsDataSha256: string;
    readonly countryGroupsAsOf: string;
    readonly approvedDesigners: { readonly asOf: string; readonly contentsKnown: boolean; readonly source: string };
    readonly approvedOsats: { readonly asOf: string; readonly contentsKnown: boolean; readonly source: string };
  };
}
