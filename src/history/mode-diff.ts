/**
 * Which shipments change licence answer between two readings of the rules on
 * one date: `enforced` (BIS does not enforce the AI Diffusion rule since
 * 2025-05-13) against `as-written` (the CFR text literally, FR 2025-00636).
 * regulation-update.md §5: "Flag on every output of this set: 'Framework for
 * AI Diffusion, FR 2025-00636 (90 FR 4544), effective 2025-01-13, compliance
 * 2025-05-15; BIS announced rescission and non-enforcement 2025-05-13; still
 * in the CFR …'. Not enforced." So every row carries `enforced: false` and the
 * rule set's dates.
 *
 * Each shipment is answered twice by the licence evaluation (src/license), on
 * the same date, once per mode; the answers are compared on what a shipper
 * acts on: `licenseRequired`, the decision-table rows that applied, the
 * licence exceptions offered and the review policy. The rows that apply on one
 * side only, with their citations, are the cause; the AI Diffusion rule's own
 * citation says which reading each side applied.
 */
import { aiDiffusionData, type DiffusionFlag } from "../diffusion/data.js";
import { licensingData, type Mode } from "../license/data.js";
import { licenseShipment } from "../license/license.js";
import type { AppliedRow, LicenseResult } from "../license/result.js";
import { parseShipment } from "../license/shipment.js";

/** The parts of a licence answer compared between the two readings. */
export const COMPARED = ["licenseRequired", "rows", "exceptions", "reviewPolicy"] as const;
export type Compared = (typeof COMPARED)[number];

export interface ModeSide {
  readonly mode: Mode;
  readonly licenseRequired: LicenseResult["licenseRequired"];
  /** The ids of the decision-table rows that applied. */
  readonly rows: readonly string[];
  readonly exceptions: LicenseResult["exceptions"];
  readonly reviewPolicy: LicenseResult["reviewPolicy"];
  /** Facts that would settle an `indeterminate` answer. */
  readonly missing: readonly string[];
}

export interface ModeDiffRow {
  /** The record's place in the input (line of JSON Lines, row of a CSV, element of an array). */
  readonly record: number;
  readonly shipment: string;
  readonly part: string | null;
  readonly itemEccn: string;
  readonly destination: string;
  /** The date of the rules both answers applied. */
  readonly date: string;
  readonly from: ModeSide;
  readonly to: ModeSide;
  /** Which of `COMPARED` differ. */
  readonly changed: readonly Compared[];
  /** Rows that apply only under `to` (the cause of a new requirement), with citations. */
  readonly rowsAdded: readonly AppliedRow[];
  /** Rows that apply only under `from`. */
  readonly rowsRemoved: readonly AppliedRow[];
  /** The AI Diffusion rule as each side read it (the mode step of each trace, with its citation). */
  readonly readings: readonly { readonly mode: Mode; readonly statement: string; readonly citation: string }[];
  readonly enforced: false;
  readonly ruleSet: DiffusionFlag;
}

export interface ModeComparison {
  readonly changed: boolean;
  readonly row: ModeDiffRow;
}

function sideOf(result: LicenseResult): ModeSide {
  return {
    mode: result.mode,
    licenseRequired: result.licenseRequired,
    rows: result.rows.map((row) => row.id),
    exceptions: result.exceptions,
    reviewPolicy: result.reviewPolicy,
    missing: result.missing,
  };
}

/** The same members, in any order. */
function sameList(a: readonly string[], b: readonly string[]): boolean {
  const sorted = [...b].sort();
  return a.length === b.length && [...a].sort().every((value, index) => value === sorted[index]);
}

/** The parts of the two answers that differ (lists compared as sets). */
export function differences(from: ModeSide, to: ModeSide): Compared[] {
  const differs: Record<Compared, boolean> = {
    licenseRequired: from.licenseRequired !== to.licenseRequired,
    rows: !sameList(from.rows, to.rows),
    exceptions: !sameList(from.exceptions, to.exceptions),
    reviewPolicy: from.reviewPolicy !== to.reviewPolicy,
  };
  return COMPARED.filter((key) => differs[key]);
}

function readingOf(result: LicenseResult): ModeDiffRow["readings"][number] {
  const step = result.trace.find((s) => s.step === "mode");
  const ai = licensingData().file.aiDiffusion;
  return {
    mode: result.mode,
    statement: step?.statement ?? result.mode,
    citation: step?.citation ?? `${ai.citation} [confidence ${ai.confidence}]`,
  };
}

/**
 * Answers one shipment under both readings on one date and compares them.
 * `date`: the rules date (default: the shipment's `date`, else today, as `license`).
 * @throws InvalidInputError for a bad shipment; RulesDateError for a date not covered.
 */
export function compareModes(
  record: number,
  input: unknown,
  options: { readonly from: Mode; readonly to: Mode; readonly date?: string },
): ModeComparison {
  const shipment = parseShipment(input);
  const date = options.date === undefined ? {} : { date: options.date };
  const old = licenseShipment(shipment, { ...date, mode: options.from });
  const now = licenseShipment(shipment, { ...date, mode: options.to });
  const from = sideOf(old);
  const to = sideOf(now);
  const changed = differences(from, to);
  const only = (a: LicenseResult, b: LicenseResult) => a.rows.filter((row) => !b.rows.some((r) => r.id === row.id));
  return {
    changed: changed.length > 0,
    row: {
      record,
      shipment: shipment.shipment,
      part: shipment.item.part ?? null,
      itemEccn: now.itemEccn,
      destination: now.destination,
      date: now.rulesDate,
      from,
      to,
      changed,
      rowsAdded: only(now, old),
      rowsRemoved: only(old, now),
      readings: [readingOf(old), readingOf(now)],
      enforced: false,
      ruleSet: aiDiffusionData().flag,
    },
  };
}

/** The one-line banner every output of this comparison carries. */
export function notEnforcedBanner(): string {
  const flag = aiDiffusionData().flag;
  return `NOT ENFORCED: ${flag.status}`;
}
