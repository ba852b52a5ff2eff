/**
 * The result of an order check, rendered for a person (`presume --explain`).
 * It renders the one trace `presume` produced; it computes nothing itself.
 */
import { escapeTerminal } from "../render/escape.js";
import type { TraceStep } from "../classify/result.js";
import type { DesignerStatus } from "./designer.js";
import type { PresumeResult, Presumption, RouteStatus } from "./result.js";

export function presumptionHeadline(result: PresumeResult): string {
  const presumption: Presumption = result.presumption;
  switch (presumption) {
    case "not-applicable":
      return `presumption not applicable: ${result.notApplicableReason}`;
    case "overcome":
      return `presumption overcome by route ${result.route} (Note 1 to 3A090.a ¶${result.route})`;
    case "applies":
      return "presumption applies: treat as 3A090.a, designed or marketed for datacenters";
    case "indeterminate":
      return "indeterminate: the facts given do not settle whether the presumption is overcome";
  }
}

function routeText(status: RouteStatus): string {
  switch (status) {
    case "overcomes":
      return "overcomes";
    case "does-not-overcome":
      return "does not overcome";
    case "unknown":
      return "unknown";
    case "not-needed":
      return "not needed";
  }
}

function designerText(status: DesignerStatus): string {
  switch (status) {
    case "approved":
      return "approved (Supp. 6)";
    case "authorized":
      return "authorized (Note 1 ¶a(2)/(3))";
    case "neither":
      return "neither approved nor authorized";
    case "unknown":
      return "not known from the facts given";
  }
}

function mark(result: TraceStep["result"]): string {
  return result === "value" ? "=" : `${result}.`;
}

/** Whether the front-end fabricator reports the order under § 743.9: null when the facts given cannot tell. */
function reportableText(reportable: boolean | null): string {
  if (reportable === null) return "cannot tell from the facts given";
  return reportable ? "yes" : "no";
}

export function renderPresumeExplanation(result: PresumeResult): string {
  const lines: string[] = [];
  lines.push(`${result.part}: ${presumptionHeadline(result)}`);
  lines.push(`  completed ${result.completionDate}; exporter ${result.exporter}`);
  if (result.presumption !== "not-applicable") {
    lines.push(
      `  routes: a ${routeText(result.routes.a)}, b ${routeText(result.routes.b)}, c ${routeText(result.routes.c)}`,
    );
    lines.push(`  designer ${result.designer ?? "(not named)"}: ${designerText(result.designerStatus)}`);
    if (result.aggregatedApproximatedTransistorCount !== null) {
      lines.push(
        `  aggregated approximated transistor count ${result.aggregatedApproximatedTransistorCount} ` +
          `(${result.transistorCountMethod}), threshold: below ${result.transistorThreshold}`,
      );
    }
    if (result.attestedClause !== null) lines.push(`  the designer's figures give ${result.attestedClause}`);
    if (result.treatAs) lines.push(`  treat as ${result.treatAs}`);
    lines.push(`  reportable under 15 CFR 743.9: ${reportableText(result.reportable7439)}`);
  }
  lines.push("");
  lines.push("How:");
  for (const step of result.trace) {
    lines.push(`  ${step.step}: ${mark(step.result)} ${step.statement}`);
    lines.push(`      ${step.citation}`);
  }
  const section = (title: string, items: readonly string[]) => {
    if (items.length === 0) return;
    lines.push("", `${title}:`);
    for (const item of items) lines.push(`  - ${item}`);
  };
  section(
    result.presumption === "applies"
      ? "Missing (facts that would let a route overcome it)"
      : "Missing (would settle the answer)",
    result.missing,
  );
  section("Warnings", result.warnings);
  section("Notes", result.notes);
  section(
    "Under another reading",
    result.alternatives.map((a) => {
      const route = a.route ? ` by route ${a.route}` : "";
      const count = a.aggregatedApproximatedTransistorCount
        ? ` (count ${a.aggregatedApproximatedTransistorCount})`
        : "";
      return `${a.reading}: ${a.presumption}${route}${count}`;
    }),
  );
  lines.push("", "This states what the rule says on the facts given; it is not legal advice.");
  return lines.map(escapeTerminal).join("\n");
}
