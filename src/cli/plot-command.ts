/** `ic3a090 plot [FILE|-]`: the TPP × performance density map of a catalogue, as SVG. */
import { type Command, Option } from "commander";
import { Tally } from "../catalogue/classify.js";
import { inputFormatOf } from "../catalogue/source.js";
import { DENSITY_ABOVE, MapParts, renderMap } from "../plot/map.js";
import { EXIT } from "./errors.js";
import { checkOutputPath, writeDocument } from "./output.js";
import { readOutcomes } from "./outcomes.js";
import { note } from "./context.js";
import { dateOption, noteIfBeyondVerified, rulesForDate } from "./options.js";

export function plotCommand(program: Command): void {
  program
    .command("plot")
    .description("Draw parts on TPP × performance density axes over the 3A090.a and .b regions, as an SVG")
    .argument("[FILE]", "CSV catalogue, JSON Lines or JSON datasheets, or - for stdin", undefined)
    .addOption(
      new Option(
        "--format <format>",
        "input format: csv, jsonl or json (default: by extension; stdin is guessed)",
      ).choices(["csv", "jsonl", "json"]),
    )
    .addOption(dateOption())
    .option("--output <FILE>", "write the SVG to FILE instead of stdout")
    .option("--title <text>", "title of the map")
    .addHelpText(
      "after",
      `
Examples:
  ic3a090 plot data/catalogue/chips.csv > map.svg
  ic3a090 plot data/examples/catalogue-small.csv --date 2026-11-22 --output map.svg

Above ${DENSITY_ABOVE} placed parts the map is a density view (binned cells) rather than one mark per part.

Exit codes: 0 drawn; 65 drawn, but some records were invalid (listed on the map).`,
    )
    .action(
      async (
        file: string | undefined,
        options: { format?: string; date?: string; output?: string; title?: string },
      ) => {
        if (options.output !== undefined) checkOutputPath(options.output, { inputs: [file] });
        const rules = rulesForDate(options.date);
        noteIfBeyondVerified(rules);
        const tally = new Tally();
        const parts = new MapParts();
        for await (const outcome of readOutcomes(file, inputFormatOf(file, options.format), rules)) {
          tally.add(outcome, () => false);
          parts.add(outcome);
        }
        const svg = renderMap(parts, rules, options.title === undefined ? {} : { title: options.title });
        await writeDocument(options.output, svg, { inputs: [file] });
        note(tally.summary());
        process.exitCode = tally.invalid > 0 ? EXIT.invalidInput : EXIT.ok;
      },
    );
}
