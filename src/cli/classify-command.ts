/** `ic3a090 classify [FILE|-]`: datasheets or a CSV catalogue in, classifications out. */
import { extname } from "node:path";
import { type Command, Option } from "commander";
import { classifyDatasheet } from "../classify/classify.js";
import { parseDatasheet } from "../classify/datasheet.js";
import { type Classification, CLAUSES, ECCNS } from "../classify/result.js";
import type { ClauseSummary, RowOutcome } from "../catalogue/classify.js";
import type { RuleSet } from "../rules/rules.js";
import { renderExplanation } from "../render/explain.js";
import { EXIT, UserError } from "./errors.js";
import { peekText, readText, sourceName } from "./input.js";
import { checkOutputPath, type Sink, withOutput } from "./output.js";
import { note } from "./context.js";
import { dateOption, listOption, noteIfBeyondVerified, rulesForDate } from "./options.js";
import { runRecords } from "./records.js";
import { ITEM_PARAGRAPHS } from "../classify/item.js";
import { Z_ENTRY_IDS } from "../rules/items.js";

/** --fail-on values: an IC paragraph or clause, an item paragraph, or a .z paragraph (any tier under it matches). */
function failOnOption(value: string | undefined): string[] {
  const fixed = [...new Set<string>([...ECCNS, ...CLAUSES, ...ITEM_PARAGRAPHS])];
  if (value === undefined) return [];
  const zValues = value
    .split(",")
    .map((item) => item.trim())
    .filter(
      (item) =>
        /^\d[A-E]\d{3}\.z(\.[a-z0-9]+)*$/.test(item) && (Z_ENTRY_IDS as readonly string[]).includes(item.slice(0, 5)),
    );
  return listOption("--fail-on", value, [...fixed, ...zValues]);
}
import { catalogueInput, isWorkbookFile, withWorkbookErrors, writeXlsx } from "./xlsx-catalogue.js";

/** True when the result is, or matches, one of the --fail-on values (an ECCN, a clause, or "indeterminate"). */
export function matchesFailOn(result: ClauseSummary, failOn: readonly string[]): boolean {
  return failOn.some(
    (value) =>
      result.eccn === value ||
      result.clause === value ||
      result.matched.includes(value as never) ||
      result.itemEccn === value ||
      isZOf(result.itemEccn, value),
  );
}

/** True when `value` names a .z paragraph or its tier ("5A992.z", "5A002.z.1") and the item ECCN is it or under it. */
function isZOf(itemEccn: string, value: string): boolean {
  return /\.z(\.|$)/.test(value) && (itemEccn === value || itemEccn.startsWith(`${value}.`));
}

const FORMATS = ["csv", "jsonl", "json", "table", "xlsx"] as const;

interface ClassifyOptions {
  format?: string;
  date?: string;
  explain?: boolean;
  failOn?: string;
  output?: string;
  strict?: boolean;
  excelSafe?: boolean;
  sheet?: string;
  workers?: string;
}

export function classifyCommand(program: Command): void {
  program
    .command("classify")
    .description("Classify datasheets (JSON, a JSON array, or JSON Lines) or a CSV parts catalogue under ECCN 3A090")
    .argument("[FILE]", "datasheet or catalogue file, or - for stdin", undefined)
    .addOption(
      new Option(
        "--format <format>",
        "csv, jsonl or json: the input format (default: by extension, .csv is a CSV catalogue, .xlsx an Excel " +
          "one, .jsonl JSON Lines, else JSON); table: an aligned table for a terminal, from any of them; xlsx: " +
          "the catalogue's rows as an Excel workbook (with --output)",
      ),
    )
    .addOption(dateOption())
    .option("--explain", "print the reasoning for a person instead of JSON (JSON and JSON Lines input)")
    .option(
      "--fail-on <values>",
      "exit 1 when a result is or matches one of these " +
        `(comma-separated): ${[...new Set([...ECCNS, ...CLAUSES.filter((c) => c.includes("."))])].join(", ")}; ` +
        `or an item ECCN: ${ITEM_PARAGRAPHS.join(", ")}, or a .z paragraph such as 5A992.z`,
    )
    .option("--output <FILE>", "write the CSV catalogue or table to FILE instead of stdout")
    .option(
      "--excel-safe",
      "write passed-through CSV cells that start like a spreadsheet formula (=, +, -, @, tab, CR) as text, with a leading '",
    )
    .option("--sheet <NAME>", "the sheet of an Excel workbook (.xlsx) to read (default: the first)")
    .option(
      "--workers <N>",
      "worker threads classifying a CSV catalogue in parallel while the main thread reads and writes (default 0: " +
        "in-process, as fast on two cores; a file under 4 MiB is always read in-process)",
    )
    .option(
      "--strict",
      "stop at the first invalid row (exit 65), after writing the rows before it to stdout; --output FILE is then left untouched (CSV catalogue and table)",
    )
    .addHelpText(
      "after",
      `
Examples:
  ic3a090 classify data/examples/h100.json
  ic3a090 classify --explain --date 2025-06-01 data/examples/h100.json
  ic3a090 classify data/examples/datasheets.jsonl --fail-on 3A090.a,indeterminate
  ic3a090 classify data/catalogue/chips.csv --format table
  ic3a090 classify catalogue.csv > classified.csv
  cat datasheet.json | ic3a090 classify -

A CSV catalogue has one part per row: part, kind (ic|hbm), datacenter (yes|no|empty),
tops_<format> (whole-IC dense TOPS, e.g. tops_fp8), die_area_mm2 (or logic_die_area_mm2
with non_planar), hbm_bandwidth_gbps and hbm_area_mm2, and for the item as shipped form
(ic|assembly|computer), base_eccn and io_bandwidth_gbps; other columns pass through. The
output is each input row with tpp, performance_density, clause, eccn, item_eccn, missing,
warnings and error appended.

Input fields: ic3a090 schema`,
    )
    .action(async (file: string | undefined, options: ClassifyOptions) => {
      if (options.format !== undefined && !(FORMATS as readonly string[]).includes(options.format)) {
        throw new UserError(`--format must be one of ${FORMATS.join(", ")}, got "${options.format}"`);
      }
      if (options.output !== undefined) checkOutputPath(options.output, { inputs: [file] });
      const rules = rulesForDate(options.date, { history: true });
      const failOnValues = failOnOption(options.failOn);
      // Asked of every row of a catalogue: without --fail-on, nothing to look at.
      const failOn =
        failOnValues.length === 0 ? () => false : (result: ClauseSummary) => matchesFailOn(result, failOnValues);
      const workers = workersOption(options.workers);
      noteIfBeyondVerified(rules);

      // Stdin without --format: a CSV catalogue is told from JSON by its first character.
      let text: AsyncGenerator<string> | undefined;
      let sniffedCsv = false;
      if ((file === undefined || file === "-") && options.format === undefined && !options.explain) {
        const { sniffFormat } = await import("../catalogue/source.js");
        const peeked = await peekText(readText(file));
        text = peeked.pieces;
        sniffedCsv = peeked.head.trim() !== "" && sniffFormat(peeked.head) === "csv";
      }
      const workbook = isWorkbookFile(file);
      const csv =
        sniffedCsv ||
        workbook ||
        options.format === "csv" ||
        options.format === "xlsx" ||
        (options.format === undefined && file !== undefined && extname(file).toLowerCase() === ".csv");
      if ((csv || options.format === "table") && options.explain) {
        throw new UserError(
          "--explain works with JSON and JSON Lines datasheets; for a CSV catalogue, classify a row's datasheet as JSON to see its reasoning",
        );
      }
      if (options.format === "table" && workbook)
        throw new UserError("--format table reads CSV or JSON; classify the workbook to CSV or xlsx instead");
      if (options.format === "table") {
        process.exitCode = await classifyToTable(file, rules, failOn, options);
        return;
      }
      if (csv) {
        const input = text ?? catalogueInput(file, options.sheet);
        // The summary waits until the output is complete: a failed write is never followed by "48 rows read".
        const notes: string[] = [];
        // Loaded for a catalogue only: a datasheet's run loads no worker threads.
        const { runCatalogueBatch } = await import("../catalogue/batch.js");
        const batch = async (write: (piece: string | Uint8Array) => Promise<void>, bytes = false) =>
          runCatalogueBatch({
            input,
            file: file === "-" ? undefined : file,
            write,
            bytes,
            rules,
            strict: options.strict === true,
            failOn,
            excelSafe: options.excelSafe === true,
            note: (line) => notes.push(line),
            workers: workers ?? (await import("../catalogue/parallel.js")).defaultWorkerCount(),
          });
        process.exitCode = await withWorkbookErrors(file, () =>
          withOutput(
            options.output,
            { inputs: [file] },
            (sink) => (options.format === "xlsx" ? writeXlsx(sink, batch) : batch((piece) => sink.write(piece), true)),
            (code) => !(options.strict && code === EXIT.invalidInput),
          ),
        );
        for (const line of notes) note(line);
        return;
      }
      if (options.output !== undefined || options.strict) {
        throw new UserError(
          `${options.output !== undefined ? "--output" : "--strict"} works with a CSV catalogue or --format table; for JSON output, redirect stdout (> FILE)`,
        );
      }
      process.exitCode = await runRecords<Classification>(
        {
          evaluate: (value) => classifyDatasheet(parseDatasheet(value), rules),
          explain: renderExplanation,
          failOn,
          tally: (result) => result.clause,
        },
        {
          file,
          format: options.format as "json" | "jsonl" | undefined,
          explain: options.explain === true,
          ...(text ? { text } : {}),
        },
      );
    });
}

/** --workers N: a whole number from 0 (in-process) to 64; undefined when not given (then `defaultWorkerCount()`). */
function workersOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || Number.parseInt(value, 10) > MAX_WORKERS)
    throw new UserError(`--workers must be a whole number from 0 to ${MAX_WORKERS}, got "${value}"`);
  return Number.parseInt(value, 10);
}

const MAX_WORKERS = 64;

/** How many rows set the table's column widths; later rows are written as they come. */
const TABLE_SAMPLE_ROWS = 1000;

/** `--format table`: every record classified, and written as an aligned table as it comes (bounded memory). */
async function classifyToTable(
  file: string | undefined,
  rules: RuleSet,
  failOn: (result: ClauseSummary) => boolean,
  options: ClassifyOptions,
): Promise<number> {
  // Loaded for a table only, as the catalogue's modules are: a datasheet's run loads no CSV parser.
  const [{ Tally }, { inputFormatOf }, { TableRenderer }, { readOutcomes }] = await Promise.all([
    import("../catalogue/classify.js"),
    import("../catalogue/source.js"),
    import("../catalogue/table.js"),
    import("./outcomes.js"),
  ]);
  const tally = new Tally();
  let stopped: string | undefined;
  const format = inputFormatOf(file, undefined);
  const fieldNames = format === "csv" ? "csv" : format === undefined ? "both" : "json";
  const written = await withOutput(
    options.output,
    { inputs: [file] },
    async (sink: Sink) => {
      const sample: RowOutcome[] = [];
      let renderer: InstanceType<typeof TableRenderer> | undefined;
      const emit = async (outcome: RowOutcome) => {
        if (!renderer) {
          sample.push(outcome);
          if (sample.length < TABLE_SAMPLE_ROWS) return;
          renderer = new TableRenderer(sample, fieldNames);
          await sink.write(renderer.head() + sample.map((row) => renderer!.row(row)).join(""));
          sample.length = 0;
          return;
        }
        await sink.write(renderer.row(outcome));
      };
      for await (const outcome of readOutcomes(file, inputFormatOf(file, undefined), rules)) {
        if (outcome.kind === "invalid" && options.strict) {
          stopped = outcome.message;
          break;
        }
        tally.add(outcome, failOn);
        await emit(outcome);
      }
      if (!renderer) {
        const last = new TableRenderer(sample, fieldNames);
        await sink.write(last.head() + sample.map((row) => last.row(row)).join(""));
      }
      return stopped === undefined;
    },
    (complete) => complete,
  );
  if (!written) {
    process.stderr.write(`${sourceName(file)}: ${stopped}\nic3a090: --strict: stopped at the first invalid record\n`);
    return EXIT.invalidInput;
  }
  note(tally.summary());
  return tally.invalid > 0 ? EXIT.invalidInput : tally.failOn > 0 ? EXIT.failOn : EXIT.ok;
}
