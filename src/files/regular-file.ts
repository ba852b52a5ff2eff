/**
 * Files named inside an input (an order's `designerAttestation`, a trust
 * file's `publicKey`) or beside it (`--bind`, `--key`): read only when they
 * are regular files of at most {@link MAX_NAMED_FILE_BYTES}, so a FIFO, a
 * device such as /dev/zero or a folder is refused before a byte is read.
 * Relative paths are resolved by the caller against the folder of the file
 * that names them (stdin: the working directory).
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

/** The largest file named inside an input read: 1 MiB. */
export const MAX_NAMED_FILE_BYTES = 1024 * 1024;

/** Thrown for a named file that is not a readable regular file of at most 1 MiB; the message names it. */
export class NamedFileError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = "NamedFileError";
  }
}

const ERRNO_WORDS: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "is a folder",
  ENOTDIR: "a part of the path is not a folder",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  EROFS: "read-only file system",
  EIO: "input/output error",
  EFBIG: "file too large",
  EMFILE: "too many open files",
  ENAMETOOLONG: "name too long",
  ELOOP: "too many symbolic links",
  EEXIST: "already exists",
  EBADF: "bad file descriptor",
  ENXIO: "no such device",
  EAGAIN: "resource temporarily unavailable",
};

/** "ENOENT (no such file)" from a Node system error; its message for any other error. */
export function errnoText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === "string") return ERRNO_WORDS[code] ? `${code} (${ERRNO_WORDS[code]})` : code;
  return error instanceof Error ? error.message : String(error);
}

/**
 * The bytes of the regular file at `path`. @throws NamedFileError when it
 * cannot be opened, is a folder, a FIFO or a device, or is over 1 MiB.
 */
export function readRegularFile(path: string, what = "file"): Buffer {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    throw new NamedFileError(`cannot read ${what} ${path}: ${errnoText(error)}`, (error as NodeJS.ErrnoException).code);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new NamedFileError(`cannot read ${what} ${path}: EISDIR (is a folder)`, "EISDIR");
    if (!stat.isFile())
      throw new NamedFileError(`cannot read ${what} ${path}: not a regular file (a FIFO or a device); give a file`);
    if (stat.size > MAX_NAMED_FILE_BYTES) {
      throw new NamedFileError(
        `cannot read ${what} ${path}: ${stat.size} bytes, over the limit of ${MAX_NAMED_FILE_BYTES} bytes (1 MiB)`,
      );
    }
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } catch (error) {
    if (error instanceof NamedFileError) throw error;
    throw new NamedFileError(`cannot read ${what} ${path}: ${errnoText(error)}`, (error as NodeJS.ErrnoException).code);
  } finally {
    closeSync(fd);
  }
}

/** True for bytes that hold a PEM private key (never to be overwritten, bound or shown). */
export function holdsPrivateKey(bytes: Buffer | string): boolean {
  return /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/.test(
    typeof bytes === "string" ? bytes : bytes.toString("latin1"),
  );
}
