/**
 * The one way out: every command writes through this module.
 *
 * - **Stdout** is watched for the whole run: a write error (a full disk, a
 *   closed device) becomes `cannot write stdout: ENOSPC (no space left on
 *   device)` and exit 74, never a stack trace; a closed pipe (`| head`) ends
 *   the run quietly.
 * - **`--output FILE`** is written to a temporary file in FILE's folder and
 *   renamed over FILE only when the run completed; on an error, Ctrl-C (exit
 *   130) or SIGTERM (exit 143) the temporary file is removed and an existing
 *   FILE is left untouched. A FILE that is a device or a FIFO (/dev/full,
 *   /dev/stdout) is written directly, as there is nothing to rename.
 * - **Refusals** (exit 2): an output that is one of the run's inputs, and an
 *   existing file that holds a private key.
 * - **Escaping** for the target format is applied by the renderer of each
 *   format before text reaches a sink (see `escapeFor` below: the one hook).
 */
import { closeSync, fstatSync, openSync, readSync, renameSync, statSync, unlinkSync } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { createRequire } from "node:module";
import { basename, dirname, join, resolve } from "node:path";
import { errnoText, holdsPrivateKey } from "../files/regular-file.js";
import { EXIT, UserError } from "./errors.js";

/** A write that failed: "cannot write FILE: ENOSPC (no space left on device)", exit 74. */
export class OutputError extends Error {
  readonly exitCode = EXIT.ioError;
  constructor(
    readonly file: string,
    readonly reason: unknown,
  ) {
    super(`cannot write ${file}: ${errnoText(reason)}`);
    this.name = "OutputError";
  }
}

/** Where text goes: stdout or an --output file. Nothing is final until `commit`. */
export interface Sink {
  /** "stdout" or the destination path, for messages. */
  readonly name: string;
  write(text: string | Uint8Array): Promise<void>;
  /** Flushes, and for a file renames the temporary file over the destination. */
  commit(): Promise<void>;
  /** Removes the temporary file; an existing destination stays as it was. */
  abort(): Promise<void>;
}

// ------------------------------------------------------------------ stdout

/** Thrown by a write to stdout after its reader went away (`| head`): main.ts ends the run quietly. */
export class StdoutClosed extends Error {
  constructor() {
    super("stdout closed by its reader");
    this.name = "StdoutClosed";
  }
}

let stdoutFailure: unknown;
let stdoutClosed = false;
let stdoutWaiters: (() => void)[] = [];
let stdoutGuarded = false;

/**
 * Watches stdout for the whole run (main.ts calls it first): after EPIPE the
 * next write ends the run quietly with the exit code so far (what was already
 * written is complete, so its summary still prints); any other error is kept
 * and turned into exit 74 by the next write or by {@link flushStdout}.
 */
export function guardStdout(): void {
  if (stdoutGuarded) return;
  stdoutGuarded = true;
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") stdoutClosed = true;
    else stdoutFailure ??= error;
    const waiters = stdoutWaiters;
    stdoutWaiters = [];
    for (const wake of waiters) wake();
  });
}

function throwIfStdoutFailed(): void {
  if (stdoutFailure !== undefined) throw new OutputError("stdout", stdoutFailure);
  if (stdoutClosed) throw new StdoutClosed();
}

async function writeStdout(text: string | Uint8Array): Promise<void> {
  throwIfStdoutFailed();
  if (!process.stdout.write(text)) {
    await new Promise<void>((resolveWait) => {
      const wake = () => {
        process.stdout.off("drain", wake);
        resolveWait();
      };
      process.stdout.once("drain", wake);
      stdoutWaiters.push(wake);
    });
  }
  throwIfStdoutFailed();
}

/** Waits until everything written to stdout has been handed to the system; throws OutputError (exit 74) if any write failed. */
export async function flushStdout(): Promise<void> {
  if (stdoutClosed) return;
  throwIfStdoutFailed();
  await new Promise<void>((done) => {
    stdoutWaiters.push(done);
    process.stdout.write("", () => done());
  });
  // A failed write reports through the "error" event a tick later.
  await new Promise((done) => setImmediate(done));
  if (stdoutFailure !== undefined) throw new OutputError("stdout", stdoutFailure);
}

class StdoutSink implements Sink {
  readonly name = "stdout";
  write(text: string | Uint8Array): Promise<void> {
    return writeStdout(text);
  }
  commit(): Promise<void> {
    return flushStdout();
  }
  async abort(): Promise<void> {}
}

// ------------------------------------------------------------------- files

const temporaryFiles = new Set<string>();
let signalsHandled = false;

/** Removes every temporary file not yet renamed (on exit, on a signal, on EPIPE). */
function removeTemporaryFiles(): void {
  for (const file of temporaryFiles) {
    try {
      unlinkSync(file);
    } catch {
      // already gone
    }
  }
  temporaryFiles.clear();
}

function handleSignals(): void {
  if (signalsHandled) return;
  signalsHandled = true;
  process.on("exit", removeTemporaryFiles);
  process.on("SIGINT", () => {
    removeTemporaryFiles();
    process.exit(EXIT.interrupted);
  });
  process.on("SIGTERM", () => {
    removeTemporaryFiles();
    process.exit(143);
  });
}

/** Buffered writes to a file handle; errors name the destination. */
class FileSink implements Sink {
  private pending: (string | Uint8Array)[] = [];
  private pendingBytes = 0;
  private finished = false;

  constructor(
    readonly name: string,
    private readonly handle: FileHandle,
    /** The temporary file to rename over `name`; undefined when writing a device directly. */
    private readonly temporary: string | undefined,
  ) {}

  /** The flush under way, if any: the caller goes on with its next piece of work while the system writes. */
  private flushing: Promise<void> | undefined;

  async write(text: string | Uint8Array): Promise<void> {
    this.pending.push(text);
    this.pendingBytes += text.length;
    if (this.pendingBytes >= 1 << 16) {
      // One flush at a time (it reuses one buffer): wait for the one before, and throw its error.
      await this.flushed();
      this.flushing = this.flush();
      // Its failure is thrown at the next write or at commit; never unhandled meanwhile.
      this.flushing.catch(() => undefined);
    }
  }

  /** Waits for the flush under way; throws its error. */
  private async flushed(): Promise<void> {
    const flushing = this.flushing;
    this.flushing = undefined;
    await flushing;
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const parts = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    // One piece of bytes is written as it is; anything else is encoded into one buffer kept from flush to flush
    // (allocating a buffer per flush, as Buffer.from does, cost more than the encoding on the development VM).
    const data = parts.length === 1 && typeof parts[0] !== "string" ? parts[0]! : this.encode(parts);
    try {
      let written = 0;
      while (written < data.length)
        written += (await this.handle.write(data, written, data.length - written)).bytesWritten;
    } catch (error) {
      throw new OutputError(this.name, error);
    }
  }

  private buffer = Buffer.allocUnsafe(0);

  /** The parts as UTF-8 in `buffer` (grown as needed), valid until the next flush. */
  private encode(parts: readonly (string | Uint8Array)[]): Uint8Array {
    let most = 0;
    for (const part of parts) most += typeof part === "string" ? part.length * 3 : part.length;
    if (this.buffer.length < most) this.buffer = Buffer.allocUnsafe(Math.max(most, 2 * this.buffer.length));
    let size = 0;
    for (const part of parts) {
      if (typeof part === "string") size += this.buffer.write(part, size, "utf8");
      else {
        this.buffer.set(part, size);
        size += part.length;
      }
    }
    return this.buffer.subarray(0, size);
  }

  async commit(): Promise<void> {
    if (this.finished) return;
    try {
      await this.flushed();
      await this.flush();
      try {
        if (this.temporary !== undefined) await this.handle.sync();
        await this.handle.close();
      } catch (error) {
        throw new OutputError(this.name, error);
      }
      if (this.temporary !== undefined) {
        try {
          renameSync(this.temporary, this.name);
        } catch (error) {
          throw new OutputError(this.name, error);
        }
        temporaryFiles.delete(this.temporary);
      }
      this.finished = true;
    } catch (error) {
      await this.abort();
      throw error;
    }
  }

  async abort(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    this.pending = [];
    await this.flushed().catch(() => undefined);
    await this.handle.close().catch(() => undefined);
    if (this.temporary !== undefined) {
      try {
        unlinkSync(this.temporary);
      } catch {
        // already gone
      }
      temporaryFiles.delete(this.temporary);
    }
  }
}

function sameFile(a: string, b: string): boolean {
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return resolve(a) === resolve(b);
  }
}

/** True when the file at `path` exists and holds a PEM private key. */
export function isPrivateKeyFile(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    if (!fstatSync(fd).isFile()) return false;
    const head = Buffer.alloc(64 * 1024);
    const n = readSync(fd, head, 0, head.length, 0);
    return holdsPrivateKey(head.subarray(0, n));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export interface OutputOptions {
  /** The option that named the path, for messages: "--output". */
  readonly option?: string;
  /** Files the run reads (FILE, --key, --trust, …): the output may be none of them. */
  readonly inputs?: readonly (string | undefined)[];
}

/** Checks an output path before anything is read: not empty, not an input, not a private key (exit 2). */
export function checkOutputPath(path: string, options: OutputOptions = {}): void {
  const option = options.option ?? "--output";
  if (path.trim() === "") throw new UserError(`${option}: give a file name (it is empty)`);
  for (const input of options.inputs ?? []) {
    if (input === undefined || input === "-") continue;
    if (sameFile(path, input))
      throw new UserError(`${option}: ${path} is also an input of this run; write to another file (it would be lost)`);
  }
  if (isPrivateKeyFile(path)) throw new UserError(`${option}: ${path} holds a private key; refusing to overwrite it`);
}

/** Opens stdout (no path, or "-") or an --output file, written atomically. */
export async function openOutput(path: string | undefined, options: OutputOptions = {}): Promise<Sink> {
  if (path === undefined || path === "-") return new StdoutSink();
  checkOutputPath(path, options);
  let existing: ReturnType<typeof statSync> | undefined;
  try {
    existing = statSync(path);
  } catch {
    existing = undefined;
  }
  if (existing?.isDirectory()) throw new OutputError(path, Object.assign(new Error("is a folder"), { code: "EISDIR" }));
  if (existing && !existing.isFile()) {
    try {
      return new FileSink(path, await open(path, "w"), undefined);
    } catch (error) {
      throw new OutputError(path, error);
    }
  }
  handleSignals();
  // node:crypto is loaded here, on a write to a file, rather than by every run that imports this module.
  const { randomBytes } = createRequire(import.meta.url)("node:crypto") as typeof import("node:crypto");
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    const handle = await open(temporary, "wx", existing ? existing.mode & 0o777 : 0o666);
    temporaryFiles.add(temporary);
    return new FileSink(path, handle, temporary);
  } catch (error) {
    throw new OutputError(path, error);
  }
}

/**
 * Runs `body` writing to `path` (or stdout), then commits: the destination is
 * complete or, when `body` throws or says the run is incomplete, untouched.
 */
export async function withOutput<T>(
  path: string | undefined,
  options: OutputOptions,
  body: (sink: Sink) => Promise<T>,
  complete: (result: T) => boolean = () => true,
): Promise<T> {
  const sink = await openOutput(path, options);
  let result: T;
  try {
    result = await body(sink);
  } catch (error) {
    await sink.abort();
    throw error;
  }
  if (complete(result)) await sink.commit();
  else await sink.abort();
  return result;
}

/** Writes a whole document (an SVG, an envelope, a PDF) to `path` or stdout, atomically. */
export async function writeDocument(
  path: string | undefined,
  document: string | Uint8Array,
  options: OutputOptions = {},
): Promise<void> {
  await withOutput(path, options, (sink) => sink.write(document));
}

/**
 * The one place where text for a target format is escaped before it is
 * written. Formats whose renderers escape their own cells return the text as
 * it is; a per-format escape (src/render/escape.ts) plugs in here.
 */
export type TargetFormat = "csv" | "json" | "jsonl" | "table" | "md" | "html" | "svg" | "text";
export const escapeFor: Partial<Record<TargetFormat, (text: string) => string>> = {};
