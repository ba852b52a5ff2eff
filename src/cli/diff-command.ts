/**
 * `ic3a090 diff CATALOGUE --from D1 --to D2`: one JSON line per part whose answer
 * differs between the two dates, with the rule change that caused it; a summary
 * on stderr counts the parts unchanged. Streams: the catalogue is read twice,
 * side by side, in bounded memory. `--mode enforced --vs as-written` compares
 * licence answers of shipments instead (./mode-diff-command.ts).
 */
import type { Command } from "commander";
import { inputFormatOf } from "../catalogue/source.js";
import { readOutcomes } from "./outcomes.js";
import { isIsoDate } from "../rules/dated.js";
import { answerChanged, causesOf, classificationChanges, diffRow, sideOf } from "../history/diff.js";
import { EXIT, Output, UserError } from "./io.js";
import { rulesForDate } from "./options.js";
import { runModeDiff } from "./mode-diff-command.js";

interface DiffOptions {
  from?: string;
  to?: string;
  format?: string;
  mode?: string;
  vs?: string;
  date?: string;
}

function requireDate(name: string, value: string | undefined): string {
  if (value === undefined) throw new UserError(`diff: give ${name} YYYY-MM-DD`);
  if (!isIsoDate(value)) throw new UserError(`${name}: "${value}" is not a calendar date written YYYY-MM-DD`);
  return value;
}

export function diffCommand(program: Command): void {
  program
    .command("diff")
    .description(
      "Which parts of a catalogue change answer between two dates (--from/--to), or which shipments change " +
        "licence answer between two readings of the AI Diffusion rule (--mode/--vs)",
    )
    .argument("<CATALOGUE|SHIPMENTS>", "parts catalogue (CSV, JSON Lines or JSON; a file); with --mode, shipments or -")
    .option("--from <YYYY-MM-DD>", "the earlier date")
    .option("--to <YYYY-MM-DD>", "the later date")
    .option("--format <format>", "csv, jsonl or json: the input format (default: by extension)")
    .option("--mode <mode>", "licence answers under this reading (enforced or as-written), against --vs")
    .option("--vs <mode>", "the other reading (as-written or enforced)")
    .option("--date <YYYY-MM-DD>", "with --mode: the rules date (default: the shipment's date, else today, UTC)")
    .action(async (file: string, options: DiffOptions) => {
      if (options.mode !== undefined || options.vs !== undefined) {
        if (options.from !== undefined || options.to !== undefined)
          throw new UserError(
            "diff: --mode/--vs compare licence answers on one date (--date); --from/--to compare classifications between two dates; give one or the other",
          );
        process.exitCode = await runModeDiff(file === "-" ? undefined : file, options);
        return;
      }
      if (options.date !== undefined)
        throw new UserError("diff: --date goes with --mode/--vs; to compare dates give --from and --to");
      if (file === "-") throw new UserError("diff: give a file, not stdin (the catalogue is read once per date)");
      const from = requireDate("--from", options.from);
      const to = requireDate("--to", options.to);
      const rulesFrom = rulesForDate(from, { history: true });
      const rulesTo = rulesForDate(to, { history: true });
      const format = inputFormatOf(file, options.format);
      const changes = classificationChanges(from, to);
      const textChanged = (rulesFrom.text2022 === undefined) !== (rulesTo.text2022 === undefined);
      const output = new Output();
      const left = readOutcomes(file, format, rulesFrom);
      const right = readOutcomes(file, format, rulesTo);
      let read = 0;
      let changed = 0;
      let invalid = 0;
      for (;;) {
        const [a, b] = await Promise.all([left.next(), right.next()]);
        if (a.done || b.done) break;
        read++;
        if (a.value.kind !== "classified" || b.value.kind !== "classified") {
          invalid++;
          const bad = a.value.kind === "invalid" ? a.value : b.value.kind === "invalid" ? b.value : undefined;
          if (bad) process.stderr.write(`${bad.message}\n`);
          continue;
        }
        const old = sideOf(from, a.value.result);
        const now = sideOf(to, b.value.result);
        if (!answerChanged(old, now)) continue;
        changed++;
        await output.write(
          `${JSON.stringify(diffRow(a.value.row, a.value.part, old, now, causesOf(changes, old, now, textChanged)))}\n`,
        );
      }
      process.stderr.write(
        `ic3a090: ${read} parts: ${changed} changed, ${read - changed - invalid} unchanged${invalid ? `, ${invalid} invalid` : ""} (${from} → ${to})\n`,
      );
      process.exitCode = invalid > 0 ? EXIT.invalidInput : EXIT.ok;
    });
}
