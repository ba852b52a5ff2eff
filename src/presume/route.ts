/**
 * What each way of overcoming the presumption (Note 1 to 3A090.a ¶¶a–c) reports back to the presumption:
 * whether it overcomes it, in three values, what would let it, and its step of the trace.
 */
import type { TraceStep } from "../classify/result.js";
import type { FiguresFinding } from "./attestation.js";
import type { RouteStatus } from "./result.js";
import type { Tri } from "./tri.js";

export interface RouteFinding {
  /** "yes": this route overcomes the presumption; "unknown": the facts given do not settle it. */
  readonly status: Tri;
  /** What would let the route overcome it, in words; empty when it does. */
  readonly needs: readonly string[];
  readonly warnings: readonly string[];
  readonly notes: readonly string[];
  readonly trace: TraceStep;
  /** Route a only: what the designer's attested figures give when classified again. */
  readonly figures?: FiguresFinding;
}

/** A route's three-valued status as the result's `routes` field. */
export const ROUTE_OF_TRI = { yes: "overcomes", no: "does-not-overcome", unknown: "unknown" } as const satisfies Record<
  Tri,
  RouteStatus
>;

/** A route's status when the presumption does not bind at all. */
export const ROUTES_NOT_NEEDED = { a: "not-needed", b: "not-needed", c: "not-needed" } as const;

/** The facts a route needs, each prefixed with the route it is for ("route a: …"). */
export function needsOf(prefix: string, needs: readonly string[]): string[] {
  return needs.map((need) => `${prefix}: ${need}`);
}
