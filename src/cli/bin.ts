#!/usr/bin/env node
/**
 * The `ic3a090` executable: answers `--version` itself, so that it loads next to nothing; otherwise loads the CLI,
 * runs it and sets the exit code. (Built by scripts/build-cli.mjs into one bundle, with a chunk per command.)
 */
import { readFileSync } from "node:fs";

/** True when the arguments ask only for the version, as commander's `--version` (or `-V`) would answer it. */
function asksOnlyForVersion(args: readonly string[]): boolean {
  return args.length === 1 && (args[0] === "--version" || args[0] === "-V");
}

if (asksOnlyForVersion(process.argv.slice(2))) {
  // The version as ../version.ts reads it, without loading the modules that the CLI's own answer would.
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  // As main.ts's answer: a reader that went away (`| head -0`) is no error.
  process.stdout.on("error", () => {});
  process.stdout.write(`${manifest.version}\n`);
} else {
  await import("./main.js")
    .then(({ main }) => main(process.argv))
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        process.stderr.write(`ic3a090: internal error, please report it: ${(error as Error).stack ?? String(error)}\n`);
        process.exitCode = 70;
      },
    );
}
