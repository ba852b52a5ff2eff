/** Options several commands share. */
import { type Command, Option } from "commander";
import { todayIso } from "../rules/dated.js";
import { type RuleSet, RulesDateError, rulesAt } from "../rules/rules.js";
import { UserError } from "./errors.js";
import { note } from "./context.js";

export function dateOption(what = "the rules in force on this date"): Option {
  return new Option("--date <YYYY-MM-DD>", `apply ${what} (default: today, UTC)`);
}

/** The rules in force on `date`, or a usage error that says what dates are covered. */
export function rulesForDate(date: string | undefined, options: { history?: boolean } = {}): RuleSet {
  try {
    return rulesAt(date ?? todayIso(), options);
  } catch (error) {
    if (error instanceof RulesDateError) throw new UserError(`--date: ${error.message}`);
    throw error;
  }
}

/** Says once on stderr when the date is after the rules data was last verified. */
export function noteIfBeyondVerified(rules: RuleSet): void {
  if (rules.beyondVerified) {
    note(
      `ic3a090: note: rules data verified against the Federal Register through ${rules.verifiedThrough}; an amendment after that date would not be reflected`,
    );
  }
}

/** Splits "a,b" into ["a", "b"] and checks each against `allowed`. */
export function listOption(name: string, value: string | undefined, allowed: readonly string[]): string[] {
  if (value === undefined) return [];
  const items = value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
  for (const item of items) {
    if (!allowed.includes(item)) throw new UserError(`${name}: "${item}" is not one of ${allowed.join(", ")}`);
  }
  return items;
}

export type { Command };
