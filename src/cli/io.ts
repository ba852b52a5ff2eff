/**
 * Shared plumbing of the commands: exit codes, user errors, reading JSON or
 * JSON Lines input, and writing to stdout with back-pressure.
 */
import { createReadStream, readFileSync } from "node:fs";
import { once } from "node:events";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";

/** The documented exit codes. */
export const EXIT = {
  /** Ran; whatever the classification. */
  ok: 0,
  /** --fail-on matched (or a check failed, for commands that check). */
  failOn: 1,
  /** Usage error: a bad option, a file that cannot be read, a date the rules do not cover. */
  usage: 2,
  /** Invalid input data (EX_DATAERR): the error names file, line and field. */
  invalidInput: 65,
} as const;

/** An error the user can fix; printed as one line, without a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
    this.name = "UserError";
  }
}

/** The source name used in messages: the file path, or "stdin". */
export function sourceName(file: string | undefined): string {
  return file === undefined || file === "-" ? "stdin" : file;
}

export function openInput(file: string | undefined): Readable {
  if (file === undefined || file === "-") {
    if (process.stdin.isTTY) throw new UserError("no input: give a FILE, or pipe a datasheet to stdin (ic3a090 classify --help)");
    return process.stdin;
  }
  const stream = createReadStream(file);
  return stream;
}

/** Reads a whole file or stdin as UTF-8 text, without a leading BOM. */
export async function readAllText(file: string | undefined): Promise<string> {
  if (file !== undefined && file !== "-") {
    try {
      return stripBom(readFileSync(file, "utf8"));
    } catch (error) {
      throw new UserError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
  const chunks: Buffer[] = [];
  for await (const chunk of openInput(file)) chunks.push(chunk as Buffer);
  return stripBom(Buffer.concat(chunks).toString("utf8"));
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Lines of a file or stdin, numbered from 1, streamed. */
export async function* readLines(file: string | undefined): AsyncGenerator<{ line: number; text: string }> {
  const input = openInput(file);
  const opened = new Promise<void>((resolve, reject) => {
    input.once("error", reject);
    input.once("readable", () => resolve());
    input.once("end", () => resolve());
  });
  try {
    await opened;
  } catch (error) {
    throw new UserError(`cannot read ${sourceName(file)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let line = 0;
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    line++;
    yield { line, text: line === 1 ? stripBom(text) : text };
  }
}

/** JSON and JSON Lines parsing, and the issue format, live in the library (shared with the HTTP API). */
export { formatIssues, parseJson, parseJsonLine } from "../records/json-records.js";

/**
 * Writes to a stream, waiting when its buffer is full (back-pressure). A
 * closed pipe (`| head`) ends the process quietly with the exit code so far.
 */
export class Output {
  private closed = false;
  constructor(private readonly stream: Writable = process.stdout) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") {
        this.closed = true;
        process.exit(process.exitCode ?? 0);
      }
      throw error;
    });
  }

  async write(text: string): Promise<void> {
    if (this.closed) return;
    if (!this.stream.write(text)) await once(this.stream, "drain");
  }
}
