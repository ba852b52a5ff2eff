/**
 * Runs a command over one JSON record, a JSON array of them, or JSON Lines,
 * with the conventions every record command shares (`classify`, `presume`):
 * one result per record, in order; a bad record is answered in place with an
 * `error` naming file, line and field; exit 65 when any record was invalid,
 * else 1 when --fail-on matched, else 0.
 */
import { extname } from "node:path";
import { errorRecord, evaluateRecord, formatIssues } from "../records/json-records.js";
import { EXIT, UserError } from "./errors.js";
import { type InputRecord, readRecords, recordsFromText, sourceName } from "./input.js";
import { openOutput } from "./output.js";
import { note } from "./context.js";

export type { RecordFormat } from "./input.js";
import type { RecordFormat } from "./input.js";

export interface RecordCommand<R> {
  /** Validates and evaluates one record; throws InvalidInputError for bad input. */
  evaluate(value: unknown): R;
  /** The text `--explain` prints for a result. */
  explain(result: R): string;
  /** True when the result matches --fail-on. */
  failOn(result: R): boolean;
  /** The bucket a result counts under in the summary, e.g. its clause. */
  tally(result: R): string;
}

export interface RecordOptions {
  readonly file: string | undefined;
  readonly format: RecordFormat | undefined;
  readonly explain: boolean;
  /** Print the one-line summary on stderr (always for JSON Lines). */
  readonly summary?: boolean;
  /** The input's text when the caller has already started reading it (a peek at stdin); else FILE is read. */
  readonly text?: AsyncGenerator<string>;
  /** False for a command that reads no CSV: a CSV-looking input is then not told to give --format csv. */
  readonly readsCsv?: boolean;
}

/** JSON Lines by --format, or by a .jsonl / .ndjson extension; otherwise JSON. */
export function recordFormat(file: string | undefined, format: string | undefined): RecordFormat {
  if (format === "json" || format === "jsonl") return format;
  if (format !== undefined) throw new UserError(`--format must be json or jsonl, got "${format}"`);
  const extension = file ? extname(file).toLowerCase() : "";
  return extension === ".jsonl" || extension === ".ndjson" ? "jsonl" : "json";
}

/** The error object written in place of a bad record (the library's, shared with the HTTP API). */
export { errorRecord };

interface Tally {
  read: number;
  invalid: number;
  failOn: number;
  buckets: Map<string, number>;
}

function evaluateOne<R>(
  command: RecordCommand<R>,
  value: unknown,
  source: string,
  line: number | undefined,
  tally: Tally,
) {
  tally.read++;
  const outcome = evaluateRecord((input) => command.evaluate(input), value, source, line);
  if (outcome.ok) {
    if (command.failOn(outcome.result)) tally.failOn++;
    const bucket = command.tally(outcome.result);
    tally.buckets.set(bucket, (tally.buckets.get(bucket) ?? 0) + 1);
  } else {
    tally.invalid++;
    process.stderr.write(`${outcome.record.error.message}\n`);
  }
  return outcome;
}

/** "  " before every line of `text`: an element of a pretty-printed JSON array. */
function indent(text: string): string {
  return `  ${text.replace(/\n/g, "\n  ")}`;
}

export async function runRecords<R>(command: RecordCommand<R>, options: RecordOptions): Promise<number> {
  const source = sourceName(options.file);
  const format = recordFormat(options.file, options.format);
  const output = await openOutput(undefined);
  const tally: Tally = { read: 0, invalid: 0, failOn: 0, buckets: new Map() };
  const render = (outcome: ReturnType<typeof evaluateOne<R>>, pretty: boolean) =>
    outcome.ok && options.explain
      ? `${command.explain(outcome.result)}\n`
      : JSON.stringify(outcome.ok ? outcome.result : outcome.record, null, pretty ? 2 : undefined);
  const outcomeOf = (record: InputRecord) => {
    if (record.ok)
      return evaluateOne(command, record.value, record.line === undefined ? record.where : source, record.line, tally);
    tally.read++;
    tally.invalid++;
    const issue = record.issue;
    process.stderr.write(`${formatIssues(record.where, [issue])}\n`);
    return {
      ok: false as const,
      record: errorRecord(record.line === undefined ? record.where : source, record.line, [issue]),
    };
  };

  const { shape, records } =
    options.text === undefined
      ? await readRecords(options.file, format, options.readsCsv)
      : await recordsFromText(
          options.text,
          source,
          format,
          options.file === undefined || options.file === "-",
          options.readsCsv,
        );
  if (shape === "array") {
    // Streamed: one element in, one element out; nothing holds the whole array.
    let first = true;
    if (!options.explain) await output.write("[");
    for await (const record of records) {
      const outcome = outcomeOf(record);
      if (options.explain) await output.write(`${first ? "" : "\n"}${render(outcome, false)}`);
      else
        await output.write(
          `${first ? "\n" : ",\n"}${indent(JSON.stringify(outcome.ok ? outcome.result : outcome.record, null, 2))}`,
        );
      first = false;
    }
    if (!options.explain) await output.write(first ? "]\n" : "\n]\n");
  } else {
    for await (const record of records) {
      const outcome = outcomeOf(record);
      await output.write(`${render(outcome, shape === "object")}\n`);
    }
  }
  await output.commit();

  if (format === "jsonl" || options.summary) {
    const buckets = [...tally.buckets].map(([name, count]) => `${count} ${name}`).join(", ");
    note(
      `ic3a090: ${tally.read} read${buckets ? `: ${buckets}` : ""}${tally.invalid ? `, ${tally.invalid} invalid` : ""}`,
    );
  }
  return tally.invalid > 0 ? EXIT.invalidInput : tally.failOn > 0 ? EXIT.failOn : EXIT.ok;
}
