/** Exact comparisons against the "less than" limits of the licensing data. */
import type { Rational } from "../numbers/rational.js";

/** "less than": strict; a value equal to the limit does not meet it. */
export function meetsLimit(value: Rational, limit: Rational): boolean {
  return value.lt(limit);
}
