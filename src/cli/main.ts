/**
 * The `ic3a090` command line. Each command lives in its own module and is
 * registered here; all share the exit codes of ./io.ts.
 */
import { Command, CommanderError } from "commander";
import { classifyCommand } from "./classify-command.js";
import { plotCommand } from "./plot-command.js";
import { presumeCommand } from "./presume-command.js";
import { reportCommand } from "./report-command.js";
import { attestCommand } from "./attest-command.js";
import { keygenCommand } from "./keygen-command.js";
import { licenseCommand } from "./license-command.js";
import { renderCommand } from "./render-command.js";
import { verifyCommand } from "./verify-command.js";
import { modelCommand } from "./model-command.js";
import { diffCommand } from "./diff-command.js";
import { allocationsCommand } from "./allocations-command.js";
import { TOOL_VERSION } from "../version.js";
import { EXIT, UserError } from "./errors.js";
import { rulesCommand, schemaCommand } from "./rules-command.js";
import { serveCommand } from "./serve-command.js";
import { runContext } from "./context.js";
import { ENCODINGS, type Encoding } from "./input.js";
import { flushStdout, guardStdout, OutputError, StdoutClosed } from "./output.js";
import { CatalogueFileError } from "../catalogue/classify.js";
import { CsvRecordTooLongError } from "../catalogue/csv.js";
import { InvalidInputError } from "../classify/datasheet.js";
import { NamedFileError } from "../files/regular-file.js";
import { KeyError, KeyWriteError } from "../attest/keys.js";
import { TrustFileError } from "../attest/trust.js";
import { BoundFileError } from "../attest/files.js";
import { AttestRefusal } from "../attest/attest.js";
import { ApprovedListError } from "../presume/approved-lists.js";
import { RulesDateError } from "../rules/rules.js";

/** Every command: a function that adds itself to the program. */
const COMMANDS: ((program: Command) => void)[] = [
  classifyCommand,
  presumeCommand,
  licenseCommand,
  reportCommand,
  rulesCommand,
  schemaCommand,
  keygenCommand,
  attestCommand,
  verifyCommand,
  renderCommand,
  plotCommand,
  serveCommand,
  modelCommand,
  diffCommand,
  allocationsCommand,
];

export function buildProgram(): Command {
  const program = new Command()
    .name("ic3a090")
    .description(
      "Exact ECCN 3A090 classification (TPP, performance density, 3A090.a/.b/.c) from datasheet figures, on dated and cited rules.\nStates what the rule says; not legal advice.",
    )
    .version(TOOL_VERSION)
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  for (const add of COMMANDS) add(program);
  for (const command of program.commands) {
    command.option("--quiet", "print no notes or summaries on stderr (errors and warnings still)");
    if (command.registeredArguments.length > 0)
      command.option(
        "--encoding <name>",
        `the input's text encoding when not UTF-8: ${ENCODINGS.filter((e) => e !== "utf-8").join(" or ")}`,
      );
  }
  program.hook("preAction", (_program, action) => {
    const options = action.opts<{ quiet?: boolean; encoding?: string }>();
    runContext.command = action.name();
    runContext.quiet = options.quiet === true;
    if (options.encoding !== undefined) {
      const encoding = options.encoding
        .toLowerCase()
        .replace(/^utf8$/, "utf-8")
        .replace(/^cp1252$/, "windows-1252") as Encoding;
      if (!(ENCODINGS as readonly string[]).includes(encoding))
        throw new UserError(`--encoding must be one of ${ENCODINGS.join(", ")}, got "${options.encoding}"`);
      runContext.encoding = encoding;
    }
  });
  program.addHelpText(
    "after",
    `
Exit codes: 0 ran (whatever the classification); 1 --fail-on matched; 2 usage error; 65 invalid input;
74 output could not be written; 130 interrupted. Details: docs/errors.md.`,
  );
  return program;
}

/**
 * The one place where errors become messages and exit codes: the CLI's own
 * UserError, a failed write, and every typed error of the library. Anything
 * else is a defect (exit 70, from bin.ts).
 */
export function exitFor(error: unknown): { message: string; code: number } | undefined {
  if (error instanceof UserError) return { message: error.message, code: error.exitCode };
  if (error instanceof OutputError || error instanceof KeyWriteError)
    return { message: error.message, code: EXIT.ioError };
  if (error instanceof CatalogueFileError || error instanceof CsvRecordTooLongError)
    return { message: error.message, code: EXIT.invalidInput };
  if (error instanceof NamedFileError || error instanceof InvalidInputError)
    return { message: error.message, code: EXIT.invalidInput };
  if (error instanceof KeyError || error instanceof TrustFileError || error instanceof BoundFileError)
    return { message: error.message, code: EXIT.usage };
  if (error instanceof ApprovedListError || error instanceof RulesDateError)
    return { message: error.message, code: EXIT.usage };
  if (error instanceof AttestRefusal) return { message: error.message, code: EXIT.failOn };
  return undefined;
}

export async function main(argv: readonly string[]): Promise<number> {
  guardStdout();
  const program = buildProgram();
  try {
    await program.parseAsync(argv as string[]);
    await flushStdout();
    return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; any other parse error is a usage error.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    // The reader of stdout went away (`| head`): end quietly with the exit code so far.
    if (error instanceof StdoutClosed) return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
    const mapped = exitFor(error);
    if (mapped === undefined) throw error;
    process.stderr.write(`ic3a090: ${mapped.message}\n`);
    return mapped.code;
  }
}
