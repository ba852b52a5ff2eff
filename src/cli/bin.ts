#!/usr/bin/env node
/**
 * The `ic3a090` executable: answers `--version` itself, so that it loads next to nothing; otherwise loads the CLI,
 * runs it (start.ts, or classify-run.ts for `classify`) and sets the exit code. (scripts/build-cli.mjs bundles it,
 * with a chunk per command, and classify-run.ts apart.)
 */
import { readFileSync, type Stats, statSync } from "node:fs";

/** True when the arguments ask only for the version, as commander's `--version` (or `-V`) would answer it. */
function asksOnlyForVersion(args: readonly string[]): boolean {
  return args.length === 1 && (args[0] === "--version" || args[0] === "-V");
}

/** Inputs up to this size count as small: a datasheet, an order, a few parts. */
const SMALL_INPUT_BYTES = 256 * 1024;

/** The file an argument names, if it names one that exists (an option, a date or a value names none). */
function statOf(arg: string): Stats | undefined {
  if (arg.startsWith("-")) return undefined;
  try {
    return statSync(arg, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/**
 * True when the arguments name at least one file, every file they name is small, and none is stdin (`-`), a pipe or
 * a device: a run such as an ERP or a script makes once per part, which parses a few JSON documents and is over.
 * A run that may read much (stdin, a big catalogue, the server) keeps zod's compiled parsers.
 */
function readsOnlySmallFiles(args: readonly string[]): boolean {
  if (args[0] === "serve" || args.includes("-")) return false;
  let files = 0;
  let bytes = 0;
  for (const stats of args.map(statOf)) {
    if (stats === undefined || stats.isDirectory()) continue;
    if (!stats.isFile()) return false;
    files++;
    bytes += stats.size;
  }
  return files > 0 && bytes <= SMALL_INPUT_BYTES;
}

const args = process.argv.slice(2);
if (asksOnlyForVersion(args)) {
  // The version as ../version.ts reads it, without loading the modules that the CLI's own answer would.
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  // As main.ts's answer: a reader that went away (`| head -0`) is no error.
  process.stdout.on("error", () => {});
  process.stdout.write(`${manifest.version}\n`);
} else {
  // classify, run once per part by scripts, has a bundle of its own (classify-run.ts); the other commands share one.
  const classify = args[0] === "classify";
  if (readsOnlySmallFiles(args)) await (classify ? import("./classify-one-shot.js") : import("./one-shot.js"));
  await (classify
    ? import("./classify-run.js").then(({ startClassify }) => startClassify(process.argv))
    : import("./start.js").then(({ start }) => start(process.argv))
  ).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`ic3a090: internal error, please report it: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 70;
    },
  );
}
