/**
 * `--format table`: classified parts as aligned columns for a terminal —
 * part, datacenter, TPP, PD, clause, the item ECCN, and a short note of what is missing or
 * which reading would change the answer. Figures are the exact TPP and the PD
 * truncated to 6 decimals, as in the JSON; nothing is rounded.
 */
import { escapeTerminal } from "../render/escape.js";
import { missingAsColumns, type RowOutcome } from "./classify.js";

const HEADER = ["part", "datacenter", "TPP", "PD", "clause", "item", "note"] as const;
const RIGHT = new Set([2, 3]);

/** Which names the note gives a missing fact: the CSV column, the JSON datasheet field, or both (input of either kind). */
export type FieldNames = "csv" | "json" | "both";

/** "datacenter, die_area_mm2" (CSV), "datacenter, dies" (JSON datasheet) from the missing facts (their names only). */
function shortMissing(missing: readonly string[], names: FieldNames): string {
  const short = (text: string) => text.split(/[:( ]/, 1)[0]!;
  const columns = missingAsColumns(missing).map(short);
  const fields = missing.map(short);
  const pick = (field: string, index: number) =>
    names === "json" || field === columns[index]
      ? field
      : names === "csv"
        ? columns[index]!
        : `${field} / ${columns[index]}`;
  return fields.map(pick).join(", ");
}

/** "TF32 as 19 bits: TPP 2496 → 3A090.b.1" style, from a warning of another reading. */
function shortWarning(warning: string): string {
  const match = /TPP would be (\S+) and the clause (\S+)/.exec(warning);
  if (!match) return warning.length > 60 ? `${warning.slice(0, 59)}…` : warning;
  const reading = /^with (TF32 counted by its 19|highest per-format sum)/.exec(warning)?.[1];
  const label =
    reading === undefined ? "another reading" : reading.startsWith("TF32") ? "TF32 as 19 bits" : "per-format sum";
  return `${label}: TPP ${match[1]} → ${match[2]}`;
}

function noteOf(outcome: RowOutcome, names: FieldNames): string {
  if (outcome.kind === "invalid") return `invalid: ${outcome.message}`;
  const { result } = outcome;
  const notes: string[] = [];
  if (result.missing.length > 0) notes.push(`needs ${shortMissing(result.missing, names)}`);
  notes.push(...result.warnings.map(shortWarning));
  if (result.kind === "hbm" && result.memoryBandwidthDensity)
    notes.push(`memory bandwidth density ${result.memoryBandwidthDensity} GB/s/mm²`);
  return notes.join("; ");
}

function cellsOf(outcome: RowOutcome, names: FieldNames): string[] {
  const part = outcome.part ?? `(row ${outcome.row})`;
  if (outcome.kind === "invalid") return [part, "", "", "", "invalid", "", noteOf(outcome, names)];
  const { result, datacenter } = outcome;
  const dc = result.kind === "hbm" ? "" : datacenter === true ? "yes" : datacenter === false ? "no" : "?";
  return [
    part,
    dc,
    result.tpp ?? "",
    result.performanceDensity ?? "",
    result.clause,
    result.itemEccn,
    noteOf(outcome, names),
  ];
}

/**
 * Renders the table a line at a time: column widths come from the header and
 * the first rows given (a sample: a later, wider cell widens only its own
 * line), so a table of any length is written in bounded memory. A missing fact
 * is named as `fieldNames` says: a CSV column (the default), a JSON datasheet
 * field, or both when the input could be either. Input text is escaped for the terminal.
 */
export class TableRenderer {
  private readonly widths: number[];

  constructor(
    sample: readonly RowOutcome[],
    private readonly fieldNames: FieldNames = "csv",
    private readonly maxPartWidth = 32,
  ) {
    const all = [[...HEADER], ...sample.map((outcome) => this.cells(outcome))];
    this.widths = HEADER.map((_, i) => all.reduce((width, cells) => Math.max(width, cells[i]!.length), 0));
  }

  private cells(outcome: RowOutcome): string[] {
    const cells = cellsOf(outcome, this.fieldNames).map(escapeTerminal);
    const part = cells[0]!;
    cells[0] = part.length > this.maxPartWidth ? `${part.slice(0, this.maxPartWidth - 1)}…` : part;
    return cells;
  }

  private line(cells: readonly string[]): string {
    const widths = this.widths;
    return cells
      .map((cell, i) =>
        i === cells.length - 1 ? cell : RIGHT.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!),
      )
      .join("  ")
      .trimEnd();
  }

  /** The header and the rule under it, each with its line end. */
  head(): string {
    const widths = this.widths;
    const rule = widths
      .map((w, i) => "─".repeat(i === widths.length - 1 ? Math.min(Math.max(w, 4), 40) : w))
      .join("  ");
    return `${this.line(HEADER)}\n${rule}\n`;
  }

  /** One outcome's line, with its line end. */
  row(outcome: RowOutcome): string {
    return `${this.line(this.cells(outcome))}\n`;
  }
}

/** The table, one line per outcome, in input order; the last column is not padded. */
export function renderTable(
  outcomes: readonly RowOutcome[],
  { maxPartWidth = 32, fieldNames = "csv" as FieldNames } = {},
): string {
  const renderer = new TableRenderer(outcomes, fieldNames, maxPartWidth);
  return renderer.head() + outcomes.map((outcome) => renderer.row(outcome)).join("");
}
