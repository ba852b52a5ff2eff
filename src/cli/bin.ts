#!/usr/bin/env node
/** The `ic3a090` executable: runs the CLI and sets the exit code. */
import { main } from "./main.js";

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ic3a090: internal error, please report it: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 70;
  },
);
