/**
 * What bin.ts runs: a run that names a command loads that command's module alone, so that it starts without loading
 * the others; any other run (--help, help, no command, a misspelt one, whose error suggests the nearest name) runs
 * main.ts with every command. The program and its help texts are the same either way.
 */
import { guardStdout } from "./output.js";
import { type AddCommand, programWith, runProgram } from "./program.js";

/** Every command of main.ts by its names (with aliases), and how to load the module that adds it. */
export const LAZY_COMMANDS: readonly { names: readonly string[]; load: () => Promise<AddCommand> }[] = [
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

/** Runs the CLI on `argv`: its exit code. */
export async function start(argv: readonly string[]): Promise<number> {
  const named = LAZY_COMMANDS.find((command) => command.names.includes(argv[2] ?? ""));
  if (named === undefined) return (await import("./main.js")).main(argv);
  guardStdout();
  return runProgram(programWith([await named.load()]), argv);
}
