/**
 * Three-valued answers ("yes", "no", "unknown") for facts an order may not
 * give. Kleene's connectives: "and" is "no" as soon as any part is, "or" is
 * "yes" as soon as any part is. Every Note 1 condition is monotone in its
 * facts, so "unknown" here means that the facts given really leave it open.
 */
import type { TraceStep } from "../classify/result.js";

export type Tri = "yes" | "no" | "unknown";

/** A three-valued test as a trace step's result: "holds", "fails" or "unknown". */
export const TRI_HOLDS = { yes: "holds", no: "fails", unknown: "unknown" } as const satisfies Record<
  Tri,
  TraceStep["result"]
>;

/** A three-valued test of scope (or of a duty, such as the § 743.9 report) as a trace step's result. */
export const TRI_APPLIES = { yes: "applies", no: "does not apply", unknown: "unknown" } as const satisfies Record<
  Tri,
  TraceStep["result"]
>;

export function triAnd(values: readonly Tri[]): Tri {
  if (values.includes("no")) return "no";
  return values.includes("unknown") ? "unknown" : "yes";
}

export function triOr(values: readonly Tri[]): Tri {
  if (values.includes("yes")) return "yes";
  return values.includes("unknown") ? "unknown" : "no";
}

export function triNot(value: Tri): Tri {
  if (value === "unknown") return "unknown";
  return value === "yes" ? "no" : "yes";
}

export function triOf(value: boolean | undefined | null): Tri {
  if (value === true) return "yes";
  return value === false ? "no" : "unknown";
}
