/** `ic3a090 report --quarter 2027Q1 orders.jsonl`: the quarterly § 743.9 report, as CSV or Markdown. */
import { readFileSync } from "node:fs";
import { Command, Option } from "commander";
import { z } from "zod";
import { InvalidInputError, issuesFromZod } from "../classify/datasheet.js";
import { strictObject } from "../input/strict.js";
import { readAttestation } from "../presume/attestation.js";
import { parseOrder } from "../presume/order.js";
import { presumeOrder } from "../presume/presume.js";
import { buildReport, type Fabricator, parseQuarter, renderReportCsv, renderReportMarkdown } from "../presume/report.js";
import { EXIT, formatIssues, Output, readAllText, sourceName, UserError } from "./io.js";
import { addPresumeOptions, type PresumeCliOptions, presumeOptionsFrom } from "./presume-command.js";

const FabricatorSchema = strictObject({ name: z.string().min(1), address: z.string().min(1) });

function fabricatorFrom(options: { fabricator?: string; fabricatorName?: string; fabricatorAddress?: string }): Fabricator {
  if (options.fabricator !== undefined) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(options.fabricator, "utf8"));
    } catch (error) {
      throw new UserError(`--fabricator: cannot read ${options.fabricator} as JSON: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    const parsed = FabricatorSchema.safeParse(json);
    if (!parsed.success) {
      const issue = issuesFromZod(parsed.error)[0]!;
      throw new UserError(`--fabricator: ${options.fabricator} must hold {"name": "...", "address": "..."} (${issue.path || "file"}: ${issue.message})`);
    }
    return parsed.data;
  }
  if (!options.fabricatorName || !options.fabricatorAddress) {
    throw new UserError('§ 743.9(b)(2) puts the fabricator\'s name and address at the top of each page: give --fabricator-name and --fabricator-address, or --fabricator FILE ({"name": "...", "address": "..."})');
  }
  return { name: options.fabricatorName, address: options.fabricatorAddress };
}

/** One JSON order, a JSON array of them, or JSON Lines. */
function records(text: string, source: string): { where: string; value: unknown; parseError?: string }[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.map((v, i) => ({ where: `${source}[${i}]`, value: v })) : [{ where: source, value }];
  } catch {
    return text.split(/\r?\n/).flatMap((line, index) => {
      if (line.trim() === "") return [];
      try {
        return [{ where: `${source}:${index + 1}`, value: JSON.parse(line) as unknown }];
      } catch (error) {
        return [{ where: `${source}:${index + 1}`, value: undefined, parseError: `not valid JSON: ${(error as Error).message}` }];
      }
    });
  }
}

export function reportCommand(program: Command): void {
  const command = program
    .command("report")
    .description("The quarterly report of 15 CFR 743.9 from a set of orders (JSON, a JSON array, or JSON Lines), as CSV or Markdown")
    .argument("[FILE]", "orders file, or - for stdin", undefined)
    .requiredOption("--quarter <YYYYQn>", "the reporting quarter, e.g. 2027Q1 (orders are placed by completionDate)")
    .addOption(new Option("--format <format>", "output format").choices(["csv", "md"]).default("md"))
    .option("--fabricator-name <name>", "the front-end fabricator's name (§ 743.9(b)(2))")
    .option("--fabricator-address <address>", "the front-end fabricator's address (§ 743.9(b)(2))")
    .option("--fabricator <FILE>", 'the fabricator as JSON: {"name": "...", "address": "..."}');
  addPresumeOptions(command)
    .addHelpText(
      "after",
      `
Examples:
  ic3a090 report --quarter 2027Q1 data/examples/orders-2027Q1.jsonl --fabricator-name "Fab Co" --fabricator-address "1 Fab Road, Hsinchu"
  ic3a090 report --quarter 2027Q1 --format csv data/examples/orders-2027Q1.jsonl --fabricator fab.json

Exit codes: 0 report written; 1 some orders in the quarter could not be decided (listed in the report); 2 usage error; 65 invalid orders (no report is written).`,
    )
    .action(async (file: string | undefined, options: PresumeCliOptions & { quarter: string; format: "csv" | "md"; fabricator?: string; fabricatorName?: string; fabricatorAddress?: string }) => {
      const quarter = parseQuarter(options.quarter);
      if (!quarter) throw new UserError(`--quarter: "${options.quarter}" is not a quarter; write it like 2027Q1`);
      const fabricator = fabricatorFrom(options);
      const presumeOptions = presumeOptionsFrom(options);
      const source = sourceName(file);
      const checked = [];
      let invalid = 0;
      for (const record of records(await readAllText(file), source)) {
        try {
          if (record.parseError) throw new InvalidInputError([{ path: "", message: record.parseError }]);
          const { order, unknownFields } = parseOrder(record.value);
          checked.push({ order, result: presumeOrder(order, readAttestation(order.designerAttestation), presumeOptions, unknownFields) });
        } catch (error) {
          if (!(error instanceof InvalidInputError)) throw error;
          invalid++;
          process.stderr.write(`${formatIssues(record.where, error.issues)}\n`);
        }
      }
      if (invalid > 0) {
        process.stderr.write(`ic3a090: ${invalid} invalid order${invalid === 1 ? "" : "s"}: no report written; fix them and run again\n`);
        process.exitCode = EXIT.invalidInput;
        return;
      }
      const report = buildReport(checked, quarter, fabricator);
      await new Output().write(options.format === "csv" ? renderReportCsv(report) : renderReportMarkdown(report));
      const reportable = report.rows.reduce((n, r) => n + r.orders, 0);
      process.stderr.write(`ic3a090: ${report.ordersRead} orders read, ${report.ordersInQuarter} completed in ${quarter.label}: ${reportable} reportable, ${report.undecided.length} not decided\n`);
      process.exitCode = report.undecided.length > 0 ? EXIT.failOn : EXIT.ok;
    });
}
