/**
 * `ic3a090 allocations SHIPMENTS`: the TPP ledger of the AI Diffusion rule as
 * written (not enforced), one line per shipment (JSON Lines, streamed), see
 * src/diffusion/allocations.ts.
 */
import type { Command } from "commander";
import { AllocationLedger, type LedgerLine } from "../diffusion/allocations.js";
import { parseAllocationShipment } from "../diffusion/shipment.js";
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
    .argument("[SHIPMENTS]", "shipments as JSON Lines (or JSON), in date order, or - for stdin")
    .option("--format <format>", "json or jsonl (default: by extension)")
    .option("--explain", "one line per shipment for a person")
    .action(async (file: string | undefined, options: { format?: string; explain?: boolean }) => {
      const ledger = new AllocationLedger();
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
