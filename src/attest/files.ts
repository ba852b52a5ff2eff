/** Files named on the command line, by name and sha256, for binding and checking. */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { sha256Hex } from "./statement.js";

export class BoundFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BoundFileError";
  }
}

/** The file's base name and the sha256 of its bytes. @throws BoundFileError when it cannot be read. */
export function digestFile(file: string): { name: string; sha256: string } {
  try {
    return { name: basename(file), sha256: sha256Hex(readFileSync(file)) };
  } catch (error) {
    throw new BoundFileError(`--bind: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? "unreadable"}`);
  }
}
