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
import { EXIT, UserError } from "./io.js";
import { rulesCommand, schemaCommand } from "./rules-command.js";

/** Every command: a function that adds itself to the program. */
const COMMANDS: ((program: Command) => void)[] = [classifyCommand, presumeCommand, licenseCommand, reportCommand, rulesCommand, schemaCommand, keygenCommand, attestCommand, verifyCommand, renderCommand, plotCommand, modelCommand, diffCommand, allocationsCommand];

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
  program.addHelpText(
    "after",
    `
Exit codes: 0 ran (whatever the classification); 1 --fail-on matched; 2 usage error; 65 invalid input.`,
  );
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv as string[]);
    return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; any other parse error is a usage error.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UserError) {
      process.stderr.write(`ic3a090: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
