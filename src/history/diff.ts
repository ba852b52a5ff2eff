/**
 * Which parts change between two dates: the answer of each part on each date,
 * and the dated rule changes that took effect in between (src/history/history.ts),
 * so every changed row names the rule that caused it. Dates from 2022-10-07 to
 * 2023-11-16 apply the Oct 2022 text (87 FR 62186); the change to the 17 Nov 2023
 * text (88 FR 73458) removed the transfer-rate test.
 */
import type { Classification } from "../classify/result.js";
import { changesBetween, type RuleChange } from "./history.js";

/** The rules data that decides a part's clause and item ECCN (licensing data is not part of a classification). */
const CLASSIFICATION_FILES = new Set(["rules/3A090.json", "rules/formats.json", "rules/items.json"]);

export interface Side {
  readonly date: string;
  readonly clause: string;
  readonly eccn: string;
  readonly itemEccn: string;
  readonly missing: readonly string[];
}

export interface DiffRow {
  readonly row: number;
  readonly part: string;
  readonly from: Side;
  readonly to: Side;
  /** The dated rule changes between the two dates that bear on classification, with citations. */
  readonly causes: readonly Pick<RuleChange, "from" | "source" | "citation">[];
  /** When one side is undecided for missing data, the change may come from the missing fact, not the rule. */
  readonly note?: string;
}

export function sideOf(date: string, result: Classification): Side {
  return { date, clause: result.clause, eccn: result.eccn, itemEccn: result.itemEccn, missing: result.missing };
}

/** True when the part's answer differs between the two dates (its clause or the ECCN of the item as shipped). */
export function answerChanged(from: Side, to: Side): boolean {
  return from.clause !== to.clause || from.itemEccn !== to.itemEccn;
}

/** The dated changes of the classification data between the two dates (with what each changed, to attribute them). */
export function classificationChanges(from: string, to: string): readonly RuleChange[] {
  return changesBetween(from, to).filter((change) => CLASSIFICATION_FILES.has(change.file));
}

/** A change bears on an answer when it set a paragraph the part is (or was) in; the text change of 2023-11-17 always does. */
function bearsOn(change: RuleChange, paragraphs: readonly string[], textChanged: boolean): boolean {
  if (textChanged && change.source.startsWith("88 FR 73458")) return true;
  const text = `${change.citation} ${change.what.join(" ")}`;
  return paragraphs.some((paragraph) => text.includes(paragraph));
}

/**
 * The causes of one part's change: the changes that set a paragraph of its old or
 * new answer (all changes in between when none does), one per date and source.
 */
export function causesOf(
  changes: readonly RuleChange[],
  from: Side,
  to: Side,
  textChanged: boolean,
): DiffRow["causes"] {
  const paragraphs = [from.clause, to.clause, from.itemEccn, to.itemEccn].filter(
    (p) => p !== "none" && p !== "indeterminate",
  );
  const bearing = changes.filter((change) => bearsOn(change, paragraphs, textChanged));
  return (bearing.length > 0 ? bearing : changes)
    .map(({ from: date, source, citation }) => ({ from: date, source, citation }))
    .filter((cause, index, all) => all.findIndex((c) => c.from === cause.from && c.source === cause.source) === index);
}

export function diffRow(row: number, part: string, from: Side, to: Side, causes: DiffRow["causes"]): DiffRow {
  const undecided = [from, to].filter((side) => side.clause === "indeterminate" || side.itemEccn === "indeterminate");
  return {
    row,
    part,
    from,
    to,
    causes,
    ...(undecided.length > 0
      ? {
          note: `indeterminate on ${undecided.map((s) => s.date).join(" and ")}: see missing; the change may come from the missing fact`,
        }
      : {}),
  };
}
