/**
 * # May this ship? The licence answer for one shipment
 *
 * Evaluation order (regulation-update.md §3.4): classification → end-use and
 * end-user overlays → headquarters rule → destination rows → exceptions →
 * review policy. Each step lives in its own module and writes its rows into
 * the trace with their citations and the confidence of their sources.
 *
 * States what the rules say; not legal advice.
 */
import { InvalidInputError } from "../classify/datasheet.js";
import { countryGroupsData } from "../presume/country-groups.js";
import { isIsoDate, todayIso } from "../rules/dated.js";
import { RulesDateError } from "../rules/rules.js";
import { classifyItem, traceClassification } from "./classification.js";
import { Evaluation, lookedUp } from "./context.js";
import { licensingData, type Mode } from "./data.js";
import { applyDestinationRows } from "./destination.js";
import { applyExceptions } from "./exceptions.js";
import { applyHeadquartersRule } from "./headquarters.js";
import { applyOverlays } from "./overlays.js";
import { reviewPolicy, reviewPolicyCandidates } from "./policy.js";
import { redFlagChecklist } from "./red-flags.js";
import type { LicenseAnswer, LicenseResult } from "./result.js";
import { parseShipment, type Shipment } from "./shipment.js";

export interface LicenseOptions {
  /** The date of the rules (default: the shipment's `date`, else today, UTC). */
  readonly date?: string;
  /** Default `enforced`. */
  readonly mode?: Mode;
}

/**
 * Validates a shipment and answers it. @throws InvalidInputError for a bad shipment; RulesDateError for a date not
 * covered.
 */
export function license(input: unknown, options: LicenseOptions = {}): LicenseResult {
  return licenseShipment(parseShipment(input), options);
}

/** The licence answer for a validated shipment. */
export function licenseShipment(shipment: Shipment, options: LicenseOptions = {}): LicenseResult {
  const data = licensingData();
  const date = options.date ?? shipment.date ?? todayIso();
  const mode = options.mode ?? "enforced";
  if (!isIsoDate(date)) throw new RulesDateError(`date "${date}" is not a calendar date written YYYY-MM-DD`);
  if (date < data.file.formalisedFrom) {
    throw new RulesDateError(
      `no licensing rules are formalised for ${date}: the first is in force ` +
        `from ${data.file.formalisedFrom}. ${data.file.formalisedFromReason}`,
    );
  }

  // Step 1: classification.
  const { facts, classification } = classifyItemOrExplain(shipment, date);
  const destination = lookedUp(shipment.destination);
  const evaluation = new Evaluation(shipment, date, mode, data, facts, destination.code);
  if (destination.note) evaluation.note(destination.note);
  modeNotes(evaluation);
  traceClassification(evaluation, classification);

  // Step 2: end-use and end-user overlays.
  const gp10 = applyOverlays(evaluation);
  // Step 3: headquarters rule.
  const hq = applyHeadquartersRule(evaluation);
  // Step 4: destination rows.
  applyDestinationRows(evaluation);
  // Step 5: exceptions.
  const exceptions = applyExceptions(evaluation, hq);
  // Step 6: review policy.
  const licenseRequired = answerOf(evaluation);
  const policy = licenseRequired === "yes" ? reviewPolicy(evaluation) : null;
  const redFlags = redFlagChecklist(evaluation);
  if (date > data.file.verifiedThrough) {
    evaluation.note(
      `licensing rules verified against the Federal Register through ${data.file.verifiedThrough}; an ` +
        "amendment after that date would not be reflected",
    );
  }
  evaluation.note(
    "States what the rules say; not legal advice. Only the advanced-computing rows are evaluated: other ECCN " +
      "reasons for control, Part 746 sanctions and Entity List entries beyond the screening result given are not.",
  );

  return {
    shipment: shipment.shipment,
    rulesDate: date,
    mode,
    itemEccn: facts.eccn,
    destination: destination.code,
    licenseRequired,
    exceptions: licenseRequired === "no" ? [] : exceptions,
    reviewPolicy: policy,
    reviewPolicyCandidates: licenseRequired === "no" || policy !== null ? [] : reviewPolicyCandidates(evaluation),
    conditions: licenseRequired === "no" ? [] : [...new Set(evaluation.conditions)],
    rows: evaluation.applied.map((row) => ({
      id: row.id,
      text: row.text,
      citation: row.citation,
      confidence: row.confidence,
      verified: row.verified,
    })),
    gp10,
    redFlags,
    missing: evaluation.missing,
    warnings: evaluation.warnings,
    notes: evaluation.notes,
    trace: evaluation.trace,
    rules: {
      verifiedThrough: data.file.verifiedThrough,
      beyondVerified: date > data.file.verifiedThrough,
      licensingDataSha256: data.sha256,
      countryGroupsAsOf: countryGroupsData().file.asOf,
    },
  };
}

function classifyItemOrExplain(shipment: Shipment, date: string) {
  try {
    return classifyItem(shipment, date);
  } catch (error) {
    if (error instanceof RulesDateError)
      throw new InvalidInputError([{ path: "item.datasheet", message: error.message }]);
    throw error;
  }
}

/** yes when any row requires a licence; indeterminate when one might (a fact is missing); else no. */
function answerOf(evaluation: Evaluation): LicenseAnswer {
  if (evaluation.requirements.some((requirement) => requirement.status === "required")) return "yes";
  if (
    evaluation.requirements.some((requirement) => requirement.status === "unknown") ||
    evaluation.item.kind === "indeterminate"
  )
    return "indeterminate";
  return "no";
}

/**
 * Mode `enforced` says on every answer that the AI Diffusion rule is not enforced; `as-written` warns that BIS does
 * not enforce it.
 */
function modeNotes(evaluation: Evaluation): void {
  const ai = evaluation.data.file.aiDiffusion;
  if (evaluation.mode === "as-written") {
    evaluation.warn(`mode as-written: ${ai.banner}`);
  } else if (evaluation.date < ai.nonEnforcementFrom) {
    evaluation.note(ai.beforeNonEnforcementNote);
    if (evaluation.date < ai.compliance) evaluation.note(`AI Diffusion rule: compliance date ${ai.compliance}`);
  } else {
    evaluation.note(ai.enforcedNote);
  }
  evaluation.step(
    "mode",
    "value",
    evaluation.asWritten
      ? `${evaluation.mode}: AI Diffusion rule applied as written`
      : `${evaluation.mode}: pre-2025 destination scope for .a items`,
    `${ai.citation} [confidence ${ai.confidence}]`,
  );
}
