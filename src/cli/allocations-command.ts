/**
 * `ic3a090 allocations SHIPMENTS`: the TPP ledger of the AI Diffusion rule as
 * written (not enforced), one line per shipment (JSON Lines, streamed), see
 * src/diffusion/allocations.ts.
 */
import { extname } from "node:path";
import type { Command } from "commander";
import { InvalidInputError } from "../classify/datasheet.js";
import { AllocationLedger, type LedgerLine } from "../diffusion/allocations.js";
import { type AllocationCsvHeader, allocationCsvHeader, allocationShipmentFromCsvRow } from "../diffusion/csv-row.js";
import { parseAllocationShipment } from "../diffusion/shipment.js";
import { errorRecord, evaluateRecord, formatIssues } from "../records/json-records.js";
import { note } from "./context.js";
import { csvRows } from "./csv-records.js";
import { EXIT, Output, sourceName, UserError } from "./io.js";
import { type RecordFormat, runRecords } from "./records.js";

function explainLine(line: LedgerLine): string {
  const parts = line.ledgers.map(
    (l) =>
      `${l.limit} ${l.key}: ${l.usedAfter} of ${l.limitValue}${l.crosses ? " CROSSES" : l.over ? " over" : ""}${l.unverified ? " [unverified]" : ""}`,
  );
  return `${line.date} ${line.destination} (${line.tier}) ${line.consignee}: ${line.shipmentTpp} TPP; ${[...parts, ...line.notes].join("; ")} [not enforced]`;
}

export function allocationsCommand(program: Command): void {
  program
    .command("allocations")
    .description("The AI Diffusion TPP ledger as written (not enforced): country allocations, LPP, AIA reporting")
    .argument("[SHIPMENTS]", "shipments as JSON Lines, JSON or CSV, in date order, or - for stdin")
    .option("--format <format>", "json, jsonl or csv (default: by extension)")
    .option("--explain", "one line per shipment for a person")
    .action(async (file: string | undefined, options: { format?: string; explain?: boolean }) => {
      const ledger = new AllocationLedger();
      const byName = file !== undefined && extname(file).toLowerCase() === ".csv";
      if (options.format === "csv" || (options.format === undefined && byName)) {
        process.exitCode = await csvLedger(file === "-" ? undefined : file, ledger, options.explain === true);
        return;
      }
      process.exitCode = await runRecords<LedgerLine>(
        {
          evaluate: (value) => ledger.add(parseAllocationShipment(value)),
          explain: explainLine,
          failOn: () => false,
          tally: (line) => (line.ledgers.some((l) => l.crosses) ? "crossing a limit" : line.tier),
        },
        { file, format: options.format as RecordFormat | undefined, explain: options.explain === true },
      );
    });
}

/** A CSV of shipments: every row one ledger line, or one error record in its place; a bad header stops the run. */
async function csvLedger(file: string | undefined, ledger: AllocationLedger, explain: boolean): Promise<number> {
  const source = sourceName(file);
  const output = new Output();
  let columns: AllocationCsvHeader | undefined;
  const checkHeader = (header: readonly string[]) => {
    try {
      columns = allocationCsvHeader(header);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      throw new UserError(formatIssues(`${source}: header (row 1)`, error.issues), EXIT.invalidInput);
    }
  };
  const tally = new Map<string, number>();
  let read = 0;
  let invalid = 0;
  for await (const row of csvRows(file, checkHeader)) {
    read++;
    const outcome = row.ok
      ? evaluateRecord(
          (value) => ledger.add(parseAllocationShipment(value)),
          allocationShipmentFromCsvRow(columns!, row.fields),
          source,
          row.row,
        )
      : { ok: false as const, record: errorRecord(source, row.row, [{ path: "", message: row.message }]) };
    if (!outcome.ok) {
      invalid++;
      process.stderr.write(`${outcome.record.error.message}\n`);
      await output.write(`${JSON.stringify(outcome.record)}\n`);
      continue;
    }
    const line = outcome.result;
    const bucket = line.ledgers.some((l) => l.crosses) ? "crossing a limit" : line.tier;
    tally.set(bucket, (tally.get(bucket) ?? 0) + 1);
    await output.write(explain ? `${explainLine(line)}\n\n` : `${JSON.stringify(line)}\n`);
  }
  const buckets = [...tally].map(([name, count]) => `${count} ${name}`).join(", ");
  note(`ic3a090: ${read} read${buckets ? `: ${buckets}` : ""}${invalid ? `, ${invalid} invalid` : ""}`);
  return invalid > 0 ? EXIT.invalidInput : EXIT.ok;
}
