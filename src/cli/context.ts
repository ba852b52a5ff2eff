/** What the command line said about the run as a whole; set once per run by main.ts (a preAction hook). */
import type { Encoding } from "./input.js";

export const runContext: { command: string; encoding: Encoding; quiet: boolean } = {
  command: "ic3a090",
  encoding: "utf-8",
  quiet: false,
};

/** Writes a note or summary line on stderr, unless --quiet. Errors and warnings are never silenced. */
export function note(line: string): void {
  if (!runContext.quiet) process.stderr.write(line.endsWith("\n") ? line : `${line}\n`);
}
