/**
 * Runs a command over one JSON record, a JSON array of them, or JSON Lines,
 * with the conventions every record command shares (`classify`, `presume`):
 * one result per record, in order; a bad record is answered in place with an
 * `error` naming file, line and field; exit 65 when any record was invalid,
 * else 1 when --fail-on matched, else 0.
 */
import { extname } from "node:path";
import { errorRecord, evaluateRecord } from "../records/json-records.js";
import { EXIT, Output, parseJson, parseJsonLine, readAllText, readLines, sourceName, UserError } from "./io.js";

export type RecordFormat = "json" | "jsonl";

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

function evaluateOne<R>(command: RecordCommand<R>, value: unknown, source: string, line: number | undefined, tally: Tally) {
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

export async function runRecords<R>(command: RecordCommand<R>, options: RecordOptions): Promise<number> {
  const source = sourceName(options.file);
  const format = recordFormat(options.file, options.format);
  const output = new Output();
  const tally: Tally = { read: 0, invalid: 0, failOn: 0, buckets: new Map() };
  const render = (outcome: ReturnType<typeof evaluateOne<R>>, pretty: boolean) =>
    outcome.ok && options.explain
      ? `${command.explain(outcome.result)}\n`
      : JSON.stringify(outcome.ok ? outcome.result : outcome.record, null, pretty ? 2 : undefined);

  if (format === "jsonl") {
    for await (const { line, text } of readLines(options.file)) {
      const parsed = parseJsonLine(text);
      const outcome = parsed.ok
        ? evaluateOne(command, parsed.value, source, line, tally)
        : (tally.read++, tally.invalid++, process.stderr.write(`${source}:${line}: ${parsed.issue.message}\n`), { ok: false as const, record: errorRecord(source, line, [parsed.issue]) });
      await output.write(`${render(outcome, false)}\n`);
    }
  } else {
    const parsed = parseJson(await readAllText(options.file));
    if (!parsed.ok) {
      process.stderr.write(`${source}: ${parsed.issue.message}\n`);
      await output.write(`${JSON.stringify(errorRecord(source, undefined, [parsed.issue]), null, 2)}\n`);
      return EXIT.invalidInput;
    }
    if (Array.isArray(parsed.value)) {
      const outcomes = parsed.value.map((value, index) => {
        const outcome = evaluateOne(command, value, `${source}[${index}]`, undefined, tally);
        return options.explain ? render(outcome, false) : outcome.ok ? outcome.result : outcome.record;
      });
      await output.write(options.explain ? `${outcomes.join("\n")}` : `${JSON.stringify(outcomes, null, 2)}\n`);
    } else {
      await output.write(`${render(evaluateOne(command, parsed.value, source, undefined, tally), true)}\n`);
    }
  }

  if (format === "jsonl" || options.summary) {
    const buckets = [...tally.buckets].map(([name, count]) => `${count} ${name}`).join(", ");
    process.stderr.write(`ic3a090: ${tally.read} read${buckets ? `: ${buckets}` : ""}${tally.invalid ? `, ${tally.invalid} invalid` : ""}\n`);
  }
  return tally.invalid > 0 ? EXIT.invalidInput : tally.failOn > 0 ? EXIT.failOn : EXIT.ok;
}
