/**
 * # Step 6: review policy
 *
 * The policy a licence application would meet: the strictest of the rows that
 * require a licence. FR 2026-00789 (row D8) moves exports from the US to
 * China or Macau within its limits from presumption of denial to case-by-case,
 * for the destination rows and for the headquarters rule alike (the end user is
 * located in China or Macau); every other D:5/Macau case stays at denial.
 * A row whose policy the sources do not verify gives no policy: null, with a
 * warning, rather than a guess.
 */
import type { Evaluation, Requirement } from "./context.js";
import type { ReviewPolicy } from "./data.js";

const STRICTNESS: readonly ReviewPolicy[] = ["presumption of denial", "case-by-case", "presumption of approval"];

/** Rows whose presumption of denial the January 2026 rule turns to case-by-case. */
const D8_ROWS = ["D6", "D7", "H1"];

function policyOf(evaluation: Evaluation, requirement: Requirement): ReviewPolicy | null | "unknown" {
  if (D8_ROWS.includes(requirement.row)) {
    if (evaluation.caseByCase === "applies") return "case-by-case";
    if (evaluation.caseByCase === "unknown") return "unknown";
  }
  return requirement.policy;
}

export function reviewPolicy(evaluation: Evaluation): ReviewPolicy | null {
  const required = evaluation.requirements.filter((requirement) => requirement.status === "required");
  if (required.length === 0) return null;
  const policies = [
    ...required.map((requirement) => ({ row: requirement.row, policy: policyOf(evaluation, requirement) })),
    ...evaluation.requirements
      .filter((requirement) => requirement.status === "unknown")
      .map((requirement) => ({ row: requirement.row, policy: "unknown" as const })),
  ];
  const strictest = STRICTNESS.find((policy) => policies.some((p) => p.policy === policy));
  if (strictest === "presumption of denial") {
    evaluation.step(
      "review policy",
      "value",
      `presumption of denial (${policies
        .filter((p) => p.policy === strictest)
        .map((p) => p.row)
        .join(", ")})`,
      "15 CFR 742.6(b)(10); rows as cited",
    );
    return strictest;
  }
  const open = policies.filter((p) => p.policy === null || p.policy === "unknown");
  if (open.length > 0) {
    const why = open
      .map((p) => `${p.row}: ${p.policy === "unknown" ? whyPolicyUnknown(p.row) : "unverified"}`)
      .join("; ");
    evaluation.warn(`review policy not stated: ${why}`);
    evaluation.step("review policy", "unknown", why, "rows as cited");
    return null;
  }
  evaluation.step("review policy", "value", `${strictest} (${policies.map((p) => p.row).join(", ")})`, "rows as cited");
  return strictest ?? null;
}

/**
 * The policies an application could meet when `reviewPolicy` is null: each
 * row's policy under its unverified reading, and both D8 outcomes when a D8
 * condition is not known. Strictest first; empty when no row states one.
 */
export function reviewPolicyCandidates(evaluation: Evaluation): ReviewPolicy[] {
  const found = new Set<ReviewPolicy>();
  for (const requirement of evaluation.requirements) {
    const policy = policyOf(evaluation, requirement);
    if (policy === "unknown") {
      found.add("case-by-case");
      found.add("presumption of denial");
    } else if (policy !== null) found.add(policy);
    else {
      const stated = evaluation.row(requirement.row).policy;
      if (stated) found.add(stated);
    }
  }
  return STRICTNESS.filter((policy) => found.has(policy));
}

/** A D8 row's policy turns on its conditions (case-by-case or denial); another row's, on whether it applies. */
function whyPolicyUnknown(row: string): string {
  return D8_ROWS.includes(row)
    ? "case-by-case (D8) or presumption of denial, a D8 condition is not known"
    : "whether the row applies is not known";
}
