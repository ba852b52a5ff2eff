/**
 * # Red flags, as a checklist in every answer
 *
 * The counter-diversion red flags of BIS's guidance of 13 May 2025 as reported
 * by secondary sources (the BIS list has eleven; eight were found), Red Flag
 * 19 of Supp. 3 to part 732 (foundry, more than 50 billion transistors and
 * HBM, D:5/Macau-headquartered customer) and, as written, Red Flag 28 (IaaS
 * training of 4E091 models). An unanswered flag, or one answered yes, is a
 * warning: it must be resolved before the shipment proceeds.
 */
import type { Evaluation } from "./context.js";
import type { RedFlagCheck } from "./result.js";

export function redFlagChecklist(evaluation: Evaluation): RedFlagCheck[] {
  const answers = evaluation.shipment.answers?.redFlags ?? {};
  const mode = evaluation.asWritten ? "as-written" : "enforced";
  const flags = evaluation.data.file.redFlags.filter((flag) => flag.modes.includes(mode));
  const checks = flags.map((flag) => ({
    id: flag.id,
    text: flag.text,
    source: flag.source,
    answer: answers[flag.id] ?? null,
  }));
  const unanswered = checks.filter((check) => check.answer === null).map((check) => check.id);
  if (unanswered.length > 0) evaluation.warn(`red flags not answered (answers.redFlags): ${unanswered.join(", ")}`);
  for (const check of checks.filter((c) => c.answer === true))
    evaluation.warn(`red flag ${check.id} present: ${check.text}; resolve it before proceeding`);
  evaluation.note(evaluation.data.file.counterDiversionLabel);
  return checks;
}

/** True when a red flag is present or not answered (`--fail-on red-flag`). */
export function hasOpenRedFlag(checks: readonly RedFlagCheck[]): boolean {
  return checks.some((check) => check.answer !== false);
}
