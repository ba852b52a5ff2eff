/**
 * Shared plumbing of the commands, kept for the commands' imports: the exit
 * codes and UserError (./errors.ts), reading (./input.ts) and writing
 * (./output.ts). New code imports from those modules directly.
 */
import { once } from "node:events";
import type { Writable } from "node:stream";
import { EXIT, UserError } from "./errors.js";
import { openInput, readAllText, readText, sourceName, stripBom } from "./input.js";
import { OutputError, type Sink, openOutput } from "./output.js";

export { EXIT, UserError, openInput, readAllText, sourceName, stripBom };

/** Lines of a file or stdin, numbered from 1, streamed; only LF or CRLF ends a line. */
export async function* readLines(file: string | undefined): AsyncGenerator<{ line: number; text: string }> {
  let line = 0;
  let rest = "";
  for await (const piece of readText(file)) {
    const parts = (rest + piece).split("\n");
    rest = parts.pop()!;
    for (const part of parts) {
      line++;
      const text = part.endsWith("\r") ? part.slice(0, -1) : part;
      yield { line, text: line === 1 ? stripBom(text) : text };
    }
  }
  if (rest !== "") {
    line++;
    yield { line, text: line === 1 ? stripBom(rest) : rest };
  }
}

/** JSON and JSON Lines parsing, and the issue format, live in the library (shared with the HTTP API). */
export { formatIssues, parseJson, parseJsonLine } from "../records/json-records.js";

/**
 * Writes to stdout (or a given stream), waiting when its buffer is full. On
 * stdout a closed pipe (`| head`) ends the run quietly and any other write
 * error is exit 74 (./output.ts).
 */
export class Output {
  private sink: Promise<Sink> | undefined;
  constructor(private readonly stream: Writable = process.stdout) {}

  async write(text: string): Promise<void> {
    if (this.stream === process.stdout) {
      this.sink ??= openOutput(undefined);
      await (await this.sink).write(text);
      return;
    }
    if (!this.stream.write(text)) await once(this.stream, "drain");
  }
}

export { OutputError };
