/** `ic3a090 report --quarter 2027Q1 orders.jsonl`: the quarterly § 743.9 report, as CSV or Markdown. */
import { tmpdir } from "node:os";
import { extname } from "node:path";
import { type Command, Option } from "commander";
import { z } from "zod";
import { InvalidInputError, issuesFromZod } from "../classify/datasheet.js";
import { strictObject } from "../input/strict.js";
import { readAttestation } from "../presume/attestation.js";
import { parseOrder } from "../presume/order.js";
import { presumeOrder } from "../presume/presume.js";
import { type Fabricator, parseQuarter } from "../presume/report.js";
import { type SpilledReport, withSpilledReport } from "../presume/report-spill.js";
import { errnoText, readRegularFile } from "../files/regular-file.js";
import { parseJsonText } from "./json.js";
import { EXIT, UserError } from "./errors.js";
import { formatIssues } from "./io.js";
import { readText, recordsFromText, sourceName } from "./input.js";
import { checkOutputPath, OutputError, withOutput } from "./output.js";
import { note } from "./context.js";
import { addPresumeOptions, type PresumeCliOptions, presumeOptionsFrom } from "./presume-command.js";

const FabricatorSchema = strictObject({ name: z.string().min(1), address: z.string().min(1) });

function fabricatorFrom(options: {
  fabricator?: string;
  fabricatorName?: string;
  fabricatorAddress?: string;
}): Fabricator {
  if (options.fabricator !== undefined) {
    let json: unknown;
    try {
      json = parseJsonText(
        readRegularFile(options.fabricator, "fabricator file")
          .toString("utf8")
          .replace(/^\uFEFF/, ""),
      );
    } catch (error) {
      throw new UserError(`--fabricator: cannot read ${options.fabricator} as JSON: ${errnoText(error)}`);
    }
    const parsed = FabricatorSchema.safeParse(json);
    if (!parsed.success) {
      const issue = issuesFromZod(parsed.error)[0]!;
      throw new UserError(
        `--fabricator: ${options.fabricator} must hold {"name": "...", "address": "..."} (${issue.path || "file"}: ${issue.message})`,
      );
    }
    return parsed.data;
  }
  if (!options.fabricatorName || !options.fabricatorAddress) {
    throw new UserError(
      "§ 743.9(b)(2) puts the fabricator's name and address at the top of each page: give --fabricator-name " +
        'and --fabricator-address, or --fabricator FILE ({"name": "...", "address": "..."})',
    );
  }
  return { name: options.fabricatorName, address: options.fabricatorAddress };
}

export function reportCommand(program: Command): void {
  const command = program
    .command("report")
    .description(
      "The quarterly report of 15 CFR 743.9 from a set of orders (JSON, a JSON array, or JSON Lines), as CSV or Markdown",
    )
    .argument("[FILE]", "orders file, or - for stdin", undefined)
    .requiredOption("--quarter <YYYYQn>", "the reporting quarter, e.g. 2027Q1 (orders are placed by completionDate)")
    .addOption(new Option("--format <format>", "output format").choices(["csv", "md"]).default("md"))
    .option("--fabricator-name <name>", "the front-end fabricator's name (§ 743.9(b)(2))")
    .option("--fabricator-address <address>", "the front-end fabricator's address (§ 743.9(b)(2))")
    .option("--fabricator <FILE>", 'the fabricator as JSON: {"name": "...", "address": "..."}')
    .option("--output <FILE>", "write the report to FILE instead of stdout (written only when complete)");
  addPresumeOptions(command)
    .addHelpText(
      "after",
      `
Examples:
  ic3a090 report --quarter 2027Q1 data/examples/orders-2027Q1.jsonl --fabricator-name "Fab Co" --fabricator-address "1 Fab Road, Hsinchu"
  ic3a090 report --quarter 2027Q1 --format csv data/examples/orders-2027Q1.jsonl --fabricator fab.json

Exit codes: 0 report written; 1 some orders in the quarter could not be decided (listed in the report);
2 usage error; 65 invalid orders (no report is written).`,
    )
    .action(
      async (
        file: string | undefined,
        options: PresumeCliOptions & {
          quarter: string;
          format: "csv" | "md";
          fabricator?: string;
          fabricatorName?: string;
          fabricatorAddress?: string;
          output?: string;
        },
      ) => {
        const inputs = [file, options.fabricator, options.trust, options.approvedDesigners, options.approvedOsats];
        if (options.output !== undefined) checkOutputPath(options.output, { inputs });
        const quarter = parseQuarter(options.quarter);
        if (!quarter) throw new UserError(`--quarter: "${options.quarter}" is not a quarter; write it like 2027Q1`);
        const fabricator = fabricatorFrom(options);
        const presumeOptions = presumeOptionsFrom(options, file);
        const source = sourceName(file);
        let folder = tmpdir();
        // The undecided orders and the product names go to a temporary folder, removed however the run ends: by
        // withSpilledReport, or on Ctrl-C and SIGTERM by the exit that these handlers make (see SpilledReport).
        const interrupted = () => process.exit(EXIT.interrupted);
        const terminated = () => process.exit(EXIT_SIGTERM);
        process.on("SIGINT", interrupted);
        process.on("SIGTERM", terminated);
        const counts = await withSpilledReport(quarter, fabricator, {}, (report) => {
          folder = report.folder;
          return readAndRender(report);
        })
          .catch((error: unknown) => {
            throw spillError(folder, error);
          })
          .finally(() => {
            process.off("SIGINT", interrupted);
            process.off("SIGTERM", terminated);
          });
        if (counts === undefined) return;
        note(
          `ic3a090: ${ordersRead(counts.ordersRead)}, ${counts.ordersInQuarter} completed ` +
            `in ${quarter.label}: ${counts.reportable} reportable, ${counts.undecided} not decided`,
        );
        process.exitCode = counts.undecided > 0 ? EXIT.failOn : EXIT.ok;

        async function readAndRender(report: SpilledReport) {
          let invalid = 0;
          const extension = file === undefined ? "" : extname(file).toLowerCase();
          const { records } = await recordsFromText(
            readText(file),
            source,
            extension === ".jsonl" || extension === ".ndjson" ? "jsonl" : "values",
            file === undefined || file === "-",
            false,
          );
          for await (const record of records) {
            try {
              if (!record.ok) throw new InvalidInputError([record.issue]);
              const { order, unknownFields } = parseOrder(record.value);
              report.add(
                order,
                presumeOrder(order, readAttestation(order.designerAttestation), presumeOptions, unknownFields),
              );
            } catch (error) {
              if (!(error instanceof InvalidInputError)) throw error;
              invalid++;
              process.stderr.write(`${formatIssues(record.where, error.issues)}\n`);
            }
          }
          if (invalid > 0) {
            process.stderr.write(
              `ic3a090: ${invalid} invalid order${invalid === 1 ? "" : "s"}: no report written; fix them and run again\n`,
            );
            process.exitCode = EXIT.invalidInput;
            return undefined;
          }
          return withOutput(options.output, { inputs }, (sink) =>
            report.render(options.format, (text) => sink.write(text)),
          );
        }
      },
    );
}

/** The exit code after SIGTERM, as the --output plumbing gives it (128 + 15). */
const EXIT_SIGTERM = 143;

/** An error of the spill folder's own files (not of the input or the output): "cannot write FOLDER: …", exit 74. */
function spillError(folder: string, error: unknown): unknown {
  const errno = error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string";
  return errno && !(error instanceof UserError) && !(error instanceof OutputError)
    ? new OutputError(folder, error)
    : error;
}

/** "1 order read", "7 orders read". */
export function ordersRead(count: number): string {
  return `${count} order${count === 1 ? "" : "s"} read`;
}
