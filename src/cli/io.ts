/**
 * Shared plumbing of the commands: exit codes, user errors, reading JSON or
 * JSON Lines input, and writing to stdout with back-pressure.
 */
import { createReadStream, readFileSync } from "node:fs";
import { once } from "node:events";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { InputIssue } from "../classify/datasheet.js";

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

/** One line of JSON Lines: a blank line is an invalid record, never skipped, so every line is answered. */
export function parseJsonLine(text: string): ReturnType<typeof parseJson> {
  return text.trim() === "" ? { ok: false, issue: { path: "", message: "empty line; each line must hold one JSON object" } } : parseJson(text);
}

/** Parses JSON, turning a syntax error into an issue that says where. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; issue: InputIssue } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, issue: { path: "", message: `not valid JSON: ${(error as Error).message}` } };
  }
}

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

/** "file:3: units[0].rates[0].tops: …" */
export function formatIssues(where: string, issues: readonly InputIssue[]): string {
  return issues.map((issue) => `${where}: ${issue.path ? `${issue.path}: ` : ""}${issue.message}`).join("\n");
}
