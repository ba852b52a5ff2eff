/**
 * `ic3a090 diff SHIPMENTS --mode enforced --vs as-written [--date D]`: one JSON
 * line per shipment whose licence answer differs between the two readings of
 * the AI Diffusion rule, on the same date (src/history/mode-diff.ts); a summary
 * on stderr counts the shipments unchanged. Shipments as `license` takes them:
 * JSON (one or an array), JSON Lines, or a CSV. Streamed, one record at a time.
 */
import { extname } from "node:path";
import { InvalidInputError } from "../classify/datasheet.js";
import { compareModes, type ModeComparison, notEnforcedBanner } from "../history/mode-diff.js";
import { shipmentFromCsvRow } from "../license/csv-row.js";
import { type Mode, MODES } from "../license/data.js";
import { formatIssues } from "../records/json-records.js";
import { isIsoDate } from "../rules/dated.js";
import { RulesDateError } from "../rules/rules.js";
import { csvRows } from "./csv-records.js";
import { EXIT, Output, sourceName, UserError } from "./io.js";
import { readRecords } from "./input.js";
import { recordFormat } from "./records.js";

export interface ModeDiffOptions {
  readonly mode?: string | undefined;
  readonly vs?: string | undefined;
  readonly date?: string | undefined;
  readonly format?: string | undefined;
}

function modeOf(name: string, value: string | undefined): Mode {
  if (value === undefined) throw new UserError("diff: give both --mode and --vs, e.g. --mode enforced --vs as-written");
  if (!(MODES as readonly string[]).includes(value))
    throw new UserError(`${name} must be one of ${MODES.join(", ")}, got "${value}"`);
  return value as Mode;
}

/** One record as a (parsed) shipment value, or what is wrong with it. */
type Pending =
  | { where: string; record: number; value: () => unknown }
  | { where: string; record: number; error: string };

async function* shipments(file: string | undefined, format: string | undefined): AsyncGenerator<Pending> {
  const source = sourceName(file);
  const csv =
    format === "csv" || (format === undefined && file !== undefined && extname(file).toLowerCase() === ".csv");
  if (csv) {
    for await (const row of csvRows(file)) {
      const where = `${source}: row ${row.row}`;
      if (!row.ok) yield { where, record: row.row, error: `${where}: ${row.message}` };
      else yield { where, record: row.row, value: () => shipmentFromCsvRow(row.value) };
    }
    return;
  }
  const { records } = await readRecords(file, recordFormat(file, format));
  for await (const record of records) {
    const where = record.line === undefined ? record.where : `${source}:${record.line}`;
    const number = record.line ?? record.index;
    if (!record.ok) yield { where, record: number, error: formatIssues(where, [record.issue]) };
    else yield { where, record: number, value: () => record.value };
  }
}

export async function runModeDiff(file: string | undefined, options: ModeDiffOptions): Promise<number> {
  const from = modeOf("--mode", options.mode);
  const to = modeOf("--vs", options.vs);
  if (from === to) throw new UserError(`diff: --mode and --vs are both "${from}"; compare two readings`);
  if (options.date !== undefined && !isIsoDate(options.date))
    throw new UserError(`--date: "${options.date}" is not a calendar date written YYYY-MM-DD`);
  if (options.format !== undefined && !["json", "jsonl", "csv"].includes(options.format))
    throw new UserError(`--format must be json, jsonl or csv for shipments, got "${options.format}"`);
  process.stderr.write(`ic3a090: ${notEnforcedBanner()}\n`);
  const output = new Output();
  let read = 0;
  let changed = 0;
  let invalid = 0;
  for await (const pending of shipments(file, options.format)) {
    read++;
    if ("error" in pending) {
      invalid++;
      process.stderr.write(`${pending.error}\n`);
      continue;
    }
    let comparison: ModeComparison;
    try {
      comparison = compareModes(pending.record, pending.value(), {
        from,
        to,
        ...(options.date === undefined ? {} : { date: options.date }),
      });
    } catch (error) {
      if (error instanceof RulesDateError && options.date !== undefined)
        throw new UserError(`--date: ${error.message}`);
      const issues =
        error instanceof InvalidInputError
          ? error.issues
          : error instanceof RulesDateError
            ? [{ path: "date", message: error.message }]
            : undefined;
      if (!issues) throw error;
      invalid++;
      process.stderr.write(`${formatIssues(pending.where, issues)}\n`);
      continue;
    }
    if (!comparison.changed) continue;
    changed++;
    await output.write(`${JSON.stringify(comparison.row)}\n`);
  }
  process.stderr.write(
    `ic3a090: ${read} shipments: ${changed} changed, ${read - changed - invalid} ` +
      `unchanged${invalid ? `, ${invalid} invalid` : ""} (${from} ` +
      `→ ${to}${options.date ? ` on ${options.date}` : ""}; the AI Diffusion rule as written is not enforced)\n`,
  );
  return invalid > 0 ? EXIT.invalidInput : EXIT.ok;
}
