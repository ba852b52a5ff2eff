/**
 * What bin.ts runs for `ic3a090 classify`, the command a script calls once per part: the program with the classify
 * command alone, as start.ts would build it. scripts/build-cli.mjs bundles it apart from the other commands, into a
 * few files of its own, so that such a run reads and links those instead of some 25 chunks shared between commands;
 * and with the rules data that the build validated (checked-data.ts), so that the run does not validate it again.
 */
import "./checked-data.js";
import { classifyCommand } from "./classify-command.js";
import { guardStdout } from "./output.js";
import { programWith, runProgram } from "./program.js";

/** Runs `ic3a090 classify ...` on `argv`: its exit code. */
export async function startClassify(argv: readonly string[]): Promise<number> {
  guardStdout();
  return runProgram(programWith([classifyCommand]), argv);
}
