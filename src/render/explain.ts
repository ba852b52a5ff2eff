/**
 * The trace of a classification, rendered for a person (`--explain`). It
 * renders the one trace the classifier produced; it computes nothing itself.
 */
import type { Classification, TraceStep } from "../classify/result.js";
import { escapeTerminal } from "./escape.js";

function mark(result: TraceStep["result"]): string {
  switch (result) {
    case "value":
      return "=";
    case "holds":
      return "holds";
    case "fails":
      return "fails";
    case "unknown":
      return "unknown";
    case "applies":
      return "applies";
    case "does not apply":
      return "does not apply";
    case "not in force":
      return "not in force";
  }
}

/** What the answer means, in one line. */
export function headline(result: Classification): string {
  switch (result.eccn) {
    case "3A090.a":
    case "3A090.b":
    case "3A090.c":
      return `${result.eccn} (controlling paragraph ${result.clause})`;
    case "none":
      return "outside ECCN 3A090";
    case "indeterminate":
      return "indeterminate: the facts given do not settle it";
  }
}

export function renderExplanation(result: Classification): string {
  const lines: string[] = [];
  lines.push(
    `${result.part}: ${headline(result)}${result.itemEccn === result.eccn ? "" : `; item ${result.itemEccn}`}`,
  );
  const verified = result.rules.beyondVerified ? ` (rules data verified through ${result.rules.verifiedThrough})` : "";
  lines.push(`  rules in force on ${result.rulesDate}${verified}`);
  if (result.tpp !== null) lines.push(`  TPP ${result.tpp}`);
  if (result.performanceDensityExact !== null) {
    const exact = result.performanceDensityExact;
    lines.push(
      `  performance density ${exact.includes("/") ? `${exact} ≈ ${result.performanceDensity}` : exact} TPP/mm²`,
    );
  }
  if (result.memoryBandwidthDensity !== undefined)
    lines.push(
      `  memory bandwidth density ${result.memoryBandwidthDensityExact} ≈ ${result.memoryBandwidthDensity} GB/s/mm²`,
    );
  if (result.matched.length > 0) lines.push(`  paragraphs that hold: ${result.matched.join(", ")}`);
  lines.push(`  item ECCN ${result.itemEccn}`);
  lines.push("");
  lines.push("How:");
  for (const step of result.trace) {
    lines.push(`  ${step.step}: ${mark(step.result)}${step.result === "value" ? "" : "."} ${step.statement}`);
    lines.push(`      ${step.citation}`);
  }
  const section = (title: string, items: readonly string[]) => {
    if (items.length === 0) return;
    lines.push("");
    lines.push(`${title}:`);
    for (const item of items) lines.push(`  - ${item}`);
  };
  section("Missing (would settle the answer)", result.missing);
  section("Warnings", result.warnings);
  section("Notes", result.notes);
  lines.push("");
  lines.push("This states what the rule says on the figures given; it is not legal advice.");
  return lines.map(escapeTerminal).join("\n");
}
