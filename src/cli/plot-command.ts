/** `ic3a090 plot [FILE|-]`: the TPP × performance density map of a catalogue, as SVG. */
import { Command, Option } from "commander";
import { type RowOutcome, Tally } from "../catalogue/classify.js";
import { inputFormatOf, readOutcomes } from "../catalogue/source.js";
import { renderMap } from "../plot/map.js";
import { EXIT, Output, UserError } from "./io.js";
import { dateOption, noteIfBeyondVerified, rulesForDate } from "./options.js";
import { writeFileSync } from "node:fs";

export function plotCommand(program: Command): void {
  program
    .command("plot")
    .description("Draw parts on TPP × performance density axes over the 3A090.a and .b regions, as an SVG")
    .argument("[FILE]", "CSV catalogue, JSON Lines or JSON datasheets, or - for stdin", undefined)
    .addOption(new Option("--format <format>", "input format: csv, jsonl or json (default: by extension; stdin is guessed)").choices(["csv", "jsonl", "json"]))
    .addOption(dateOption())
    .option("--output <FILE>", "write the SVG to FILE instead of stdout")
    .option("--title <text>", "title of the map")
    .addHelpText(
      "after",
      `
Examples:
  ic3a090 plot data/catalogue/chips.csv > map.svg
  ic3a090 plot data/examples/catalogue-small.csv --date 2026-11-22 --output map.svg

Exit codes: 0 drawn; 65 drawn, but some records were invalid (listed on the map).`,
    )
    .action(async (file: string | undefined, options: { format?: string; date?: string; output?: string; title?: string }) => {
      const rules = rulesForDate(options.date);
      noteIfBeyondVerified(rules);
      const tally = new Tally();
      const outcomes: RowOutcome[] = [];
      for await (const outcome of readOutcomes(file, inputFormatOf(file, options.format), rules)) {
        tally.add(outcome, () => false);
        outcomes.push(outcome);
      }
      const svg = renderMap(outcomes, rules, options.title === undefined ? {} : { title: options.title });
      if (options.output !== undefined && options.output !== "-") {
        try {
          writeFileSync(options.output, svg);
        } catch (error) {
          throw new UserError(`--output: cannot write ${options.output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
        }
      } else await new Output().write(svg);
      process.stderr.write(`${tally.summary()}\n`);
      process.exitCode = tally.invalid > 0 ? EXIT.invalidInput : EXIT.ok;
    });
}
