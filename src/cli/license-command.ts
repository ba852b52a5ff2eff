/**
 * `ic3a090 license [FILE|-]` (alias `licence`): shipments in (JSON, a JSON
 * array, JSON Lines, or a CSV), licence answers out; `--matrix CC,…` over a
 * parts catalogue writes one row per part and one column per destination.
 */
import { extname } from "node:path";
import { type Command, Option } from "commander";
import { InvalidInputError } from "../classify/datasheet.js";
import { readOutcomes } from "./outcomes.js";
import { CsvRecordTooLongError, CsvSplitter, formatCsvRow } from "../catalogue/csv.js";
import { itemParagraphOf, parseFraction } from "../license/classification.js";
import { ANSWER_COLUMNS, answerCells, shipmentFromCsvRow } from "../license/csv-row.js";
import { type Mode, MODES } from "../license/data.js";
import { alignTable, renderLicenseExplanation, TABLE_HEADER, tableCells } from "../license/explain.js";
import { license, type LicenseOptions, licenseShipment } from "../license/license.js";
import { parseShipment } from "../license/shipment.js";
import type { Rational } from "../numbers/rational.js";
import { matrixCell } from "../license/matrix.js";
import { hasOpenRedFlag } from "../license/red-flags.js";
import type { LicenseResult } from "../license/result.js";
import { CountryCodeSchema } from "../presume/order.js";
import { isIsoDate, todayIso } from "../rules/dated.js";
import { RulesDateError } from "../rules/rules.js";
import { EXIT, Output, parseJson, readAllText, sourceName, UserError } from "./io.js";
import { listOption, rulesForDate } from "./options.js";
import { recordFormat, runRecords } from "./records.js";

const FORMATS = ["json", "jsonl", "csv", "table"] as const;
export const LICENSE_FAIL_ON = ["license", "indeterminate", "red-flag"] as const;

interface LicenseCliOptions {
  date?: string;
  mode?: Mode;
  format?: string;
  explain?: boolean;
  failOn?: string;
  matrix?: string;
  exportFrom?: string;
  transaction?: string;
}

export function licenseCommand(program: Command): void {
  program
    .command("license")
    .alias("licence")
    .description(
      "May this ship? Licence requirement, exceptions, review policy and red flags for shipments (JSON, JSON Lines or CSV)",
    )
    .argument("[FILE]", "shipments file, or - for stdin; with --matrix, a parts catalogue (CSV)", undefined)
    .addOption(
      new Option(
        "--date <YYYY-MM-DD>",
        "apply the rules in force on this date (default: the shipment's date, else today, UTC)",
      ),
    )
    .addOption(
      new Option(
        "--mode <mode>",
        "enforced: the AI Diffusion rule is not enforced (since 2025-05-13); as-written: the CFR text literally",
      )
        .choices(MODES)
        .default("enforced"),
    )
    .addOption(
      new Option(
        "--format <format>",
        "json, jsonl or csv: the input format (default: by extension); table: an aligned table from any of them",
      ),
    )
    .option("--explain", "print the reasoning for a person instead of JSON")
    .option("--fail-on <values>", `exit 1 when a shipment matches (comma-separated): ${LICENSE_FAIL_ON.join(", ")}`)
    .option(
      "--matrix <CC,...>",
      "answer every part of a catalogue for each destination: one row per part, one column per destination (CSV)",
    )
    .option(
      "--export-from <CC>",
      "with --matrix: the country shipped from (default: not stated, so the January 2026 case-by-case rule is not settled)",
    )
    .addOption(
      new Option("--transaction <kind>", "with --matrix: export, reexport or transfer")
        .choices(["export", "reexport", "transfer"])
        .default("export"),
    )
    .addHelpText(
      "after",
      `
Examples:
  ic3a090 license data/examples/shipments.jsonl --date 2026-11-29
  ic3a090 licence --explain data/examples/shipment-h200-cn.json
  ic3a090 license --matrix CN,VN,SA,AE,IL,DE data/catalogue/chips.csv --date 2026-11-29

Shipment fields: ic3a090 schema license. States what the rules say; not legal advice.`,
    )
    .action(async (file: string | undefined, options: LicenseCliOptions) => {
      if (options.format !== undefined && !(FORMATS as readonly string[]).includes(options.format)) {
        throw new UserError(`--format must be one of ${FORMATS.join(", ")}, got "${options.format}"`);
      }
      if (options.date !== undefined && !isIsoDate(options.date))
        throw new UserError(`--date: "${options.date}" is not a calendar date written YYYY-MM-DD`);
      const failOn = listOption("--fail-on", options.failOn, LICENSE_FAIL_ON);
      const libraryOptions: LicenseOptions = {
        ...(options.date === undefined ? {} : { date: options.date }),
        mode: options.mode ?? "enforced",
      };
      const matches = (result: LicenseResult) =>
        (failOn.includes("license") && result.licenseRequired === "yes") ||
        (failOn.includes("indeterminate") && result.licenseRequired === "indeterminate") ||
        (failOn.includes("red-flag") && hasOpenRedFlag(result.redFlags));
      const evaluate = (value: unknown) => evaluateShipment(value, libraryOptions);

      if (options.matrix !== undefined) {
        process.exitCode = await writeMatrix(file, options, libraryOptions);
        return;
      }
      const csvByName = file !== undefined && extname(file).toLowerCase() === ".csv";
      const csv =
        options.format === "csv" || ((options.format === undefined || options.format === "table") && csvByName);
      if (options.format === "table" || csv) {
        if (options.explain) throw new UserError("--explain works with JSON and JSON Lines shipments");
        process.exitCode = await answerToTable(
          file,
          csv ? "csv" : undefined,
          options.format === "table",
          evaluate,
          matches,
        );
        return;
      }
      process.exitCode = await runRecords<LicenseResult>(
        {
          evaluate,
          explain: renderLicenseExplanation,
          failOn: matches,
          tally: (result) => `licence ${result.licenseRequired}`,
        },
        { file, format: options.format as "json" | "jsonl" | undefined, explain: options.explain === true },
      );
    });
}

/** One shipment answered; a date the rules do not cover is an input error of that record. */
function evaluateShipment(value: unknown, options: LicenseOptions): LicenseResult {
  try {
    return license(value, options);
  } catch (error) {
    if (error instanceof RulesDateError) {
      if (options.date !== undefined) throw new UserError(`--date: ${error.message}`);
      throw new InvalidInputError([{ path: "date", message: error.message }]);
    }
    throw error;
  }
}

type Answer = { ok: true; result: LicenseResult } | { ok: false; message: string };

/** A CSV of shipments, or any input as a table: every record answered in order. */
async function answerToTable(
  file: string | undefined,
  input: "csv" | undefined,
  table: boolean,
  evaluate: (value: unknown) => LicenseResult,
  matches: (result: LicenseResult) => boolean,
): Promise<number> {
  const source = sourceName(file);
  const output = new Output();
  const rows: string[][] = [[...TABLE_HEADER]];
  let invalid = 0;
  let failed = 0;
  let read = 0;
  const answer = (value: () => unknown, where: string): Answer => {
    read++;
    try {
      const result = evaluate(value());
      if (matches(result)) failed++;
      return { ok: true, result };
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      invalid++;
      const message = `${where}: ${error.issues.map((issue) => `${issue.path || "(record)"}: ${issue.message}`).join("; ")}`;
      process.stderr.write(`${message}\n`);
      return { ok: false, message };
    }
  };
  const addTableRow = (name: string, outcome: Answer) =>
    rows.push(outcome.ok ? tableCells(outcome.result) : [name, "-", "-", "error", "-", "-", outcome.message]);

  const format = input ?? recordFormat(file, undefined);
  if (input === "csv") {
    const records = await csvRecords(file);
    const header = records[0]?.fields;
    if (!header)
      throw new UserError(
        `${source}: the CSV is empty: it needs a header row and one row per shipment`,
        EXIT.invalidInput,
      );
    if (!table) await output.write(`${formatCsvRow([...header, ...ANSWER_COLUMNS])}\n`);
    for (const record of records.slice(1)) {
      const row = Object.fromEntries(header.map((name, index) => [name, record.fields[index] ?? ""]));
      const outcome = answer(() => shipmentFromCsvRow(row), `${source}: row ${record.row}`);
      if (table) addTableRow(row.shipment ?? `row ${record.row}`, outcome);
      else {
        const cells = outcome.ok
          ? answerCells(outcome.result)
          : [...ANSWER_COLUMNS.slice(0, -1).map(() => ""), outcome.message];
        await output.write(`${formatCsvRow([...header.map((_, index) => record.fields[index] ?? ""), ...cells])}\n`);
      }
    }
  } else {
    const text = await readAllText(file);
    const values: (() => unknown)[] = [];
    if (format === "jsonl") {
      const lines = text.split(/\r?\n/);
      if (lines.at(-1) === "") lines.pop();
      for (const line of lines) values.push(() => parseOrThrow(line));
    } else {
      let parsed: unknown;
      try {
        parsed = parseOrThrow(text);
      } catch (error) {
        parsed = error;
      }
      if (Array.isArray(parsed)) values.push(...parsed.map((value) => () => value));
      else
        values.push(() => {
          if (parsed instanceof InvalidInputError) throw parsed;
          return parsed;
        });
    }
    for (const [index, value] of values.entries())
      addTableRow(`record ${index + 1}`, answer(value, `${source}: record ${index + 1}`));
  }
  if (table) await output.write(alignTable(rows));
  process.stderr.write(`ic3a090: ${read} read${invalid ? `, ${invalid} invalid` : ""}\n`);
  return invalid > 0 ? EXIT.invalidInput : failed > 0 ? EXIT.failOn : EXIT.ok;
}

function parseOrThrow(text: string): unknown {
  const parsed = parseJson(text);
  if (!parsed.ok) throw new InvalidInputError([parsed.issue]);
  return parsed.value;
}

async function csvRecords(file: string | undefined) {
  const splitter = new CsvSplitter();
  try {
    const text = await readAllText(file);
    return [...splitter.push(text), ...splitter.end()];
  } catch (error) {
    if (error instanceof CsvRecordTooLongError)
      throw new UserError(`${sourceName(file)}: ${error.message}`, EXIT.invalidInput);
    throw error;
  }
}

/** One matrix cell's answer; an HBM part keeps its exact memory bandwidth density (the shipment JSON takes decimals only). */
function matrixAnswer(
  value: unknown,
  options: LicenseOptions,
  memoryBandwidthDensity: Rational | undefined,
): LicenseResult {
  const shipment = parseShipment(value);
  return licenseShipment(
    memoryBandwidthDensity === undefined
      ? shipment
      : { ...shipment, item: { ...shipment.item, memoryBandwidthDensity } },
    options,
  );
}

/** `--matrix`: one row per part of the catalogue, one column per destination, streamed. */
async function writeMatrix(
  file: string | undefined,
  options: LicenseCliOptions,
  libraryOptions: LicenseOptions,
): Promise<number> {
  const destinations = options
    .matrix!.split(",")
    .map((code) => code.trim())
    .filter(Boolean);
  if (destinations.length === 0) throw new UserError("--matrix: give one or more destinations, e.g. CN,VN,DE");
  for (const code of [...destinations, ...(options.exportFrom ? [options.exportFrom] : [])]) {
    const checked = CountryCodeSchema.safeParse(code);
    if (!checked.success) throw new UserError(`--matrix: ${checked.error.issues[0]!.message}`);
  }
  const date = libraryOptions.date ?? todayIso();
  const rules = rulesForDate(date);
  const output = new Output();
  process.stderr.write(
    "ic3a090: " +
      `matrix: ${options.transaction ?? "export"}${shippedFrom(options.exportFrom)}; ` +
      "end user located and headquartered in the destination, no other parent, not on the Entity List, " +
      "no end use known; red flags not answered\n",
  );
  await output.write(`${formatCsvRow(["part", "item_eccn", ...destinations])}\n`);
  let read = 0;
  let invalid = 0;
  for await (const outcome of readOutcomes(file, "csv", rules)) {
    read++;
    if (outcome.kind === "invalid") {
      invalid++;
      process.stderr.write(`${sourceName(file)}: ${outcome.message}\n`);
      await output.write(
        `${formatCsvRow([outcome.part ?? `row ${outcome.row}`, "error", ...destinations.map(() => "error")])}\n`,
      );
      continue;
    }
    const eccn = itemParagraphOf(outcome.result);
    const mbd = outcome.result.memoryBandwidthDensityExact;
    const cells = destinations.map((destination) =>
      matrixCell(
        matrixAnswer(
          {
            shipment: `${outcome.part}@${destination}`,
            item: {
              eccn,
              part: outcome.part,
              ...(outcome.datacenter === null ? {} : { datacenter: outcome.datacenter }),
              ...(outcome.result.tpp ? { tpp: outcome.result.tpp } : {}),
            },
            destination,
            transaction: options.transaction ?? "export",
            ...(options.exportFrom ? { exportFrom: options.exportFrom } : {}),
            endUser: { headquarters: destination, ultimateParentHeadquarters: null, entityList: false },
            endUse: { supercomputer: false, advancedNodeFab: false, aiTraining: "none" },
          },
          { ...libraryOptions, date },
          mbd === undefined ? undefined : parseFraction(mbd),
        ),
      ),
    );
    await output.write(`${formatCsvRow([outcome.part ?? `row ${outcome.row}`, eccn, ...cells])}\n`);
  }
  process.stderr.write(
    `ic3a090: ${read} parts, ${destinations.length} destinations${invalid ? `, ${invalid} invalid` : ""}\n`,
  );
  return invalid > 0 ? EXIT.invalidInput : EXIT.ok;
}

/** The matrix note's words on the country shipped from. */
function shippedFrom(exportFrom: string | undefined): string {
  return exportFrom ? ` from ${exportFrom}` : ", country shipped from not stated";
}
