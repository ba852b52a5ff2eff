/** `ic3a090 classify [FILE|-]`: datasheets in, classifications out. */
import { Command, Option } from "commander";
import { classifyDatasheet } from "../classify/classify.js";
import { parseDatasheet } from "../classify/datasheet.js";
import { type Classification, CLAUSES, ECCNS } from "../classify/result.js";
import { renderExplanation } from "../render/explain.js";
import { dateOption, listOption, noteIfBeyondVerified, rulesForDate } from "./options.js";
import { runRecords } from "./records.js";

/** True when the result is, or matches, one of the --fail-on values (an ECCN, a clause, or "indeterminate"). */
export function matchesFailOn(result: Classification, failOn: readonly string[]): boolean {
  return failOn.some((value) => result.eccn === value || result.clause === value || result.matched.includes(value as never));
}

export function classifyCommand(program: Command): void {
  program
    .command("classify")
    .description("Classify datasheets (JSON, a JSON array, or JSON Lines) under ECCN 3A090")
    .argument("[FILE]", "datasheet file, or - for stdin", undefined)
    .addOption(new Option("--format <format>", "input format: json or jsonl (default: by extension, .jsonl is JSON Lines)"))
    .addOption(dateOption())
    .option("--explain", "print the reasoning for a person instead of JSON")
    .option("--fail-on <values>", `exit 1 when a result is or matches one of these (comma-separated): ${[...ECCNS, ...CLAUSES.filter((c) => c.includes("."))].filter((v, i, a) => a.indexOf(v) === i).join(", ")}`)
    .addHelpText(
      "after",
      `
Examples:
  ic3a090 classify data/examples/h100.json
  ic3a090 classify --explain --date 2025-06-01 data/examples/h100.json
  ic3a090 classify data/examples/datasheets.jsonl --fail-on 3A090.a,indeterminate
  cat datasheet.json | ic3a090 classify -

Input fields: ic3a090 schema`,
    )
    .action(async (file: string | undefined, options: { format?: string; date?: string; explain?: boolean; failOn?: string }) => {
      const rules = rulesForDate(options.date);
      const failOn = listOption("--fail-on", options.failOn, [...new Set<string>([...ECCNS, ...CLAUSES])]);
      noteIfBeyondVerified(rules);
      process.exitCode = await runRecords<Classification>(
        {
          evaluate: (value) => classifyDatasheet(parseDatasheet(value), rules),
          explain: renderExplanation,
          failOn: (result) => matchesFailOn(result, failOn),
          tally: (result) => result.clause,
        },
        { file, format: options.format as never, explain: options.explain === true },
      );
    });
}
