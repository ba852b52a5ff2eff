/**
 * The `ic3a090` command line. Each command lives in its own module and is
 * registered here; all share the exit codes of ./io.ts.
 */
import { Command, CommanderError } from "commander";
import { TOOL_VERSION } from "../version.js";
import { EXIT, UserError } from "./errors.js";
import { runContext } from "./context.js";
import { ENCODINGS, type Encoding } from "./input.js";
import { flushStdout, guardStdout, StdoutClosed } from "./output.js";

/** A function that adds one command to the program. */
type AddCommand = (program: Command) => void;

/**
 * Every command, in the order `--help` lists them: its names (with aliases) and how to load the module that adds it.
 * A run loads only the module of the command it names, so that a command starts without loading the others.
 */
const COMMANDS: readonly { names: readonly string[]; load: () => Promise<AddCommand> }[] = [
  { names: ["classify"], load: async () => (await import("./classify-command.js")).classifyCommand },
  { names: ["presume"], load: async () => (await import("./presume-command.js")).presumeCommand },
  { names: ["license", "licence"], load: async () => (await import("./license-command.js")).licenseCommand },
  { names: ["report"], load: async () => (await import("./report-command.js")).reportCommand },
  { names: ["rules"], load: async () => (await import("./rules-command.js")).rulesCommand },
  { names: ["schema"], load: async () => (await import("./rules-command.js")).schemaCommand },
  { names: ["keygen"], load: async () => (await import("./keygen-command.js")).keygenCommand },
  { names: ["attest"], load: async () => (await import("./attest-command.js")).attestCommand },
  { names: ["verify"], load: async () => (await import("./verify-command.js")).verifyCommand },
  { names: ["render"], load: async () => (await import("./render-command.js")).renderCommand },
  { names: ["plot"], load: async () => (await import("./plot-command.js")).plotCommand },
  { names: ["serve"], load: async () => (await import("./serve-command.js")).serveCommand },
  { names: ["model"], load: async () => (await import("./model-command.js")).modelCommand },
  { names: ["diff"], load: async () => (await import("./diff-command.js")).diffCommand },
  { names: ["allocations"], load: async () => (await import("./allocations-command.js")).allocationsCommand },
];

/**
 * The commands a run needs: only the one named first on the command line; all of them when none is (`--help`, no
 * arguments, `help`, an unknown or misspelt command, whose error suggests the nearest name).
 */
async function commandsFor(argv: readonly string[]): Promise<AddCommand[]> {
  const named = COMMANDS.find((command) => command.names.includes(argv[2] ?? ""));
  return Promise.all((named === undefined ? COMMANDS : [named]).map((command) => command.load()));
}

/** The program with the commands that `argv` needs (all of them without `argv`), each with the shared options. */
export async function buildProgram(argv?: readonly string[]): Promise<Command> {
  const commands =
    argv === undefined ? await Promise.all(COMMANDS.map((command) => command.load())) : await commandsFor(argv);
  const program = new Command()
    .name("ic3a090")
    .description(
      "Exact ECCN 3A090 classification (TPP, performance density, 3A090.a/.b/.c) from datasheet figures, on dated and cited rules.\nStates what the rule says; not legal advice.",
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

export async function main(argv: readonly string[]): Promise<number> {
  guardStdout();
  const program = await buildProgram(argv);
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
