/**
 * The `ic3a090` program around its commands: name, version, the options every command shares, the hook that reads
 * them, the help text on exit codes; and the run loop that turns errors into messages and exit codes. main.ts builds
 * it with every command, start.ts with only the one a run names.
 */
import { Command, CommanderError } from "commander";
import { TOOL_VERSION } from "../version.js";
import { EXIT, UserError } from "./errors.js";
import { runContext } from "./context.js";
import { ENCODINGS, type Encoding } from "./input.js";
import { flushStdout, StdoutClosed } from "./output.js";

/** A function that adds one command to the program. */
export type AddCommand = (program: Command) => void;

/** The program with these commands, each with the shared options (--quiet, --encoding), hooks and help text. */
export function programWith(commands: readonly AddCommand[]): Command {
  const program = new Command()
    .name("ic3a090")
    .description(
      "Exact ECCN 3A090 classification (TPP, performance density, 3A090.a/.b/.c) from datasheet figures, on " +
        "dated and cited rules.\nStates what the rule says; not legal advice.",
    )
    .version(TOOL_VERSION)
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  for (const add of commands) add(program);
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

/** Runs the program on `argv`: its exit code, with every error mapped to its message and exit code. */
export async function runProgram(program: Command, argv: readonly string[]): Promise<number> {
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
    // The error's own module is loaded already; the map of every typed error is loaded only now, on an error.
    const mapped = (await import("./exit-for.js")).exitFor(error);
    if (mapped === undefined) throw error;
    process.stderr.write(`ic3a090: ${mapped.message}\n`);
    return mapped.code;
  }
}
