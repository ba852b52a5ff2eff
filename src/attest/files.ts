/** Files named on the command line, by name and sha256, for binding and checking. */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { createHash } from "node:crypto";
import { errnoText, holdsPrivateKey } from "../files/regular-file.js";
import { basename } from "node:path";

export class BoundFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BoundFileError";
  }
}

/** The file's base name and the sha256 of its bytes. @throws BoundFileError when it cannot be read. */
export function digestFile(file: string): { name: string; sha256: string } {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (error) {
    throw new BoundFileError(`--bind: cannot read ${file}: ${errnoText(error)}`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new BoundFileError(`--bind: cannot read ${file}: EISDIR (is a folder)`);
    if (!stat.isFile())
      throw new BoundFileError(`--bind: ${file} is not a regular file (a FIFO or a device); bind a file`);
    // Streamed through the hash, a chunk at a time: a bound PDF may be large.
    const hash = createHash("sha256");
    const chunk = Buffer.alloc(1 << 16);
    let position = 0;
    for (
      let n = readSync(fd, chunk, 0, chunk.length, position);
      n > 0;
      n = readSync(fd, chunk, 0, chunk.length, position)
    ) {
      if (position === 0 && holdsPrivateKey(chunk.subarray(0, n)))
        throw new BoundFileError(
          `--bind: ${file} holds a private key; it must never be bound (its digest would travel with the attestation)`,
        );
      hash.update(chunk.subarray(0, n));
      position += n;
    }
    return { name: basename(file), sha256: hash.digest("hex") };
  } catch (error) {
    if (error instanceof BoundFileError) throw error;
    throw new BoundFileError(`--bind: cannot read ${file}: ${errnoText(error)}`);
  } finally {
    closeSync(fd);
  }
}
