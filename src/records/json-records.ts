/**
 * One record in, one JSON answer out: the pure part every record command
 * shares, whichever way the records came in (a file or stdin for the CLI, a
 * request body for the HTTP API). A record that does not validate is answered
 * in place by an error object naming the source, the line and the field; the
 * CLI and the API print exactly these objects, so they cannot drift apart.
 */
import { type InputIssue, InvalidInputError } from "../classify/datasheet.js";
import { JsonTextError, parseJsonText } from "../files/json-text.js";

/** "file:3: units[0].rates[0].tops: …" */
export function formatIssues(where: string, issues: readonly InputIssue[]): string {
  return issues.map((issue) => `${where}: ${issue.path ? `${issue.path}: ` : ""}${issue.message}`).join("\n");
}

/** One line of JSON Lines: a blank line is an invalid record, never skipped, so every line is answered. */
export function parseJsonLine(text: string): ReturnType<typeof parseJson> {
  return text.trim() === ""
    ? { ok: false, issue: { path: "", message: "empty line; each line must hold one JSON object" } }
    : parseJson(text);
}

/**
 * Parses JSON strictly (a duplicate key is refused, at its path), turning an error into an issue that says where:
 * `line` and `column` are where `text` starts in its source, so a syntax error is placed in the file.
 */
export function parseJson(
  text: string,
  line = 1,
  column = 1,
): { ok: true; value: unknown } | { ok: false; issue: InputIssue } {
  try {
    return { ok: true, value: parseJsonText(text, { line, column }) };
  } catch (error) {
    if (!(error instanceof JsonTextError)) throw error;
    return {
      ok: false,
      issue: { path: error.path, message: `${error.path ? "" : "not valid JSON: "}${error.message}` },
    };
  }
}

/** The error object written in place of a bad record. */
export function errorRecord(source: string, line: number | undefined, issues: readonly InputIssue[], value?: unknown) {
  const where = line === undefined ? source : `${source}:${line}`;
  const part =
    typeof value === "object" && value !== null && typeof (value as { part?: unknown }).part === "string"
      ? (value as { part: string }).part
      : null;
  return {
    ...(line === undefined ? {} : { line }),
    part,
    error: { file: source, ...(line === undefined ? {} : { line }), issues, message: formatIssues(where, issues) },
  };
}

export type ErrorRecord = ReturnType<typeof errorRecord>;

/** A result, or the error object answering a record that did not validate. */
export type RecordOutcome<R> =
  | { readonly ok: true; readonly result: R }
  | { readonly ok: false; readonly record: ErrorRecord };

/**
 * Evaluates one record; an `InvalidInputError` becomes its error object, any other error is thrown.
 *
 * @param evaluate validates and evaluates one record; throws InvalidInputError for bad input
 */
export function evaluateRecord<R>(
  evaluate: (value: unknown) => R,
  value: unknown,
  source: string,
  line: number | undefined,
): RecordOutcome<R> {
  try {
    return { ok: true, result: evaluate(value) };
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return { ok: false, record: errorRecord(source, line, error.issues, value) };
  }
}

/** The printed JSON of an outcome: pretty for a single JSON document, one line for JSON Lines. */
export function outcomeJson<R>(outcome: RecordOutcome<R>, pretty: boolean): string {
  return JSON.stringify(outcome.ok ? outcome.result : outcome.record, null, pretty ? 2 : undefined);
}

/** What a whole JSON document (one record or an array of them) gives: the text printed and how many were invalid. */
export interface JsonDocumentAnswer<R> {
  readonly text: string;
  readonly outcomes: readonly RecordOutcome<R>[];
  /** The document itself was not JSON: its error object is the whole answer. */
  readonly unparsable: boolean;
}

/**
 * Answers a JSON document of one record or an array of records, exactly as `ic3a090 classify|presume FILE` prints it
 * (without --explain): a record, or an array of records, each a result or an error object; `source[i]` names the
 * i-th record of an array.
 */
export function answerJsonDocument<R>(
  evaluate: (value: unknown) => R,
  text: string,
  source: string,
): JsonDocumentAnswer<R> {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const record = errorRecord(source, undefined, [parsed.issue]);
    return { text: `${JSON.stringify(record, null, 2)}\n`, outcomes: [{ ok: false, record }], unparsable: true };
  }
  if (Array.isArray(parsed.value)) {
    const outcomes = parsed.value.map((value, index) =>
      evaluateRecord(evaluate, value, `${source}[${index}]`, undefined),
    );
    const values = outcomes.map((outcome) => (outcome.ok ? outcome.result : outcome.record));
    return { text: `${JSON.stringify(values, null, 2)}\n`, outcomes, unparsable: false };
  }
  const outcome = evaluateRecord(evaluate, parsed.value, source, undefined);
  return { text: `${outcomeJson(outcome, true)}\n`, outcomes: [outcome], unparsable: false };
}

/** Answers one line of JSON Lines, numbered from 1, as the one-line JSON `classify|presume` prints for it. */
export function answerJsonLine<R>(
  evaluate: (value: unknown) => R,
  text: string,
  source: string,
  line: number,
): RecordOutcome<R> {
  const parsed = parseJsonLine(text);
  return parsed.ok
    ? evaluateRecord(evaluate, parsed.value, source, line)
    : { ok: false, record: errorRecord(source, line, [parsed.issue]) };
}
