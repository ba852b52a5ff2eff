/**
 * The `ic3a090` command line. Each command lives in its own module and is
 * registered here; all share the exit codes of ./io.ts. (bin.ts runs start.ts,
 * which loads only the command a run names, and this module for the others.)
 */
import type { Command } from "commander";
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
import { rulesCommand, schemaCommand } from "./rules-command.js";
import { serveCommand } from "./serve-command.js";
import { guardStdout } from "./output.js";
import { type AddCommand, programWith, runProgram } from "./program.js";

export { exitFor } from "./exit-for.js";

/** Every command: a function that adds itself to the program. */
const COMMANDS: AddCommand[] = [
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

/** The program with every command (for --help, help, no command or an unknown one; and for docs/cli.md). */
export function buildProgram(): Command {
  return programWith(COMMANDS);
}

export async function main(argv: readonly string[]): Promise<number> {
  guardStdout();
  return runProgram(buildProgram(), argv);
}
