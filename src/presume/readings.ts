/**
 * # Readings the text of Note 1 leaves open, stated where they touch the answer
 *
 * The outcome never rests on these readings silently: each is a warning or a
 * note on the result, with its section of docs/ambiguities.md.
 * - ¶d, read literally, presumes the ICs *below* the thresholds to be
 *   3A090.a, the opposite of ¶¶b–c; the outcome follows the introductory text
 *   and ¶¶a–c, and ¶d is shown as a warning whenever route b or c overcomes.
 * - ¶a accepts an approved or authorized designer, ¶d names only
 *   approved ones; route a accepts both unless `strictApprovedOnly`.
 * - overcoming the presumption says the IC is not (presumed) 3A090.a,
 *   never what its final ECCN is.
 * (A-6, whether HBM base dies count, compares two evaluations: ./presume.ts.)
 */
import type { DesignerFinding } from "./designer.js";
import type { Note1Parameters } from "./parameters.js";
import type { Presumption, Route } from "./result.js";
import type { RouteFinding } from "./route.js";

/** readings the text leaves open, stated where they touch the answer; and how far the data reaches. */
export function readingsTouchingTheAnswer(
  outcome: { readonly presumption: Presumption; readonly route: Route | null },
  designer: DesignerFinding,
  routeA: RouteFinding,
  date: string,
  params: Note1Parameters,
): { warnings: string[]; notes: string[] } {
  const { presumption, route } = outcome;
  const warnings: string[] = [];
  const notes: string[] = [];
  if (route === "b" || route === "c") {
    warnings.push(
      'Note 1 ¶d, read literally, presumes ICs whose aggregated approximated transistor count "is below" the ' +
        "thresholds to be 3A090.a, the opposite of ¶¶b–c; this check derives the outcome from the introductory " +
        "text and ¶¶a–c (docs/ambiguities.md#a-2)",
    );
  }
  if (route === "a" && designer.status === "authorized") {
    notes.push(
      "route a relies on an authorized (not approved) designer, as ¶a allows; ¶d names only approved designers " +
        "(docs/ambiguities.md#a-3): --strict-approved-only accepts only approved ones",
    );
  }
  if (presumption === "overcome") notes.push(overcomeIsNotAnEccn(route, routeA));
  if (presumption === "indeterminate")
    notes.push(
      "the presumption stands unless it is overcome: until the missing facts are settled, " +
        "it has not been shown to be overcome",
    );
  if (params.beyondVerified)
    notes.push(
      `completed ${date}, after the Note 1 data was last verified against the Federal Register ` +
        `(${params.verifiedThrough}); a later amendment would not be reflected`,
    );
  return { warnings, notes };
}

/** overcoming the presumption says the IC is not (presumed) 3A090.a, never what its final ECCN is. */
function overcomeIsNotAnEccn(route: Route | null, routeA: RouteFinding): string {
  if (route === "a") {
    const clause = routeA.figures?.clause ?? "a clause other than 3A090.a";
    return (
      `the designer's figures give ${clause}; overcoming the presumption says the IC is not 3A090.a, ` +
      "not what its final ECCN is (docs/ambiguities.md#a-4)"
    );
  }
  return (
    "overcoming the presumption by the transistor count says only that the IC is not presumed 3A090.a; " +
    "its final ECCN needs a classification from TPP and PD (ic3a090 classify; docs/ambiguities.md#a-4)"
  );
}
