/**
 * Records of any input `classify` reads, classified: the rows of a CSV
 * catalogue, or datasheets from JSON or JSON Lines (read by the CLI's input
 * module). Each record gives one outcome, in order; a bad record an
 * `invalid` outcome.
 */
import { extname } from "node:path";
import { classifyDatasheet } from "../classify/classify.js";
import { type InputIssue, InvalidInputError, parseDatasheet } from "../classify/datasheet.js";
import type { RuleSet } from "../rules/rules.js";
import { CatalogueClassifier, CatalogueFileError, type RowOutcome } from "./classify.js";
import { CsvRecordTooLongError, CsvSplitter } from "./csv.js";

export type InputFormat = "csv" | "jsonl" | "json";

/** The input format by --format, else by extension (.csv, .jsonl/.ndjson, else JSON); undefined for stdin without --format. */
export function inputFormatOf(file: string | undefined, format: string | undefined): InputFormat | undefined {
  if (format === "csv" || format === "jsonl" || format === "json") return format;
  const extension = file && file !== "-" ? extname(file).toLowerCase() : "";
  if (extension === ".csv") return "csv";
  if (extension === ".jsonl" || extension === ".ndjson") return "jsonl";
  return file && file !== "-" ? "json" : undefined;
}

/** Guesses the format of text read from stdin by its first character: JSON when it starts with [ or {, else CSV. */
export function sniffFormat(text: string): "json" | "csv" {
  const start = text.replace(/^\ufeff/, "").trimStart();
  return start.startsWith("[") || start.startsWith("{") ? "json" : "csv";
}

/** A record read from JSON or JSON Lines: its value, or what is wrong with its text. */
export type RecordValue =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly issue: InputIssue };

/** One JSON record classified (without trace); `row` is its line (JSON Lines) or its place (JSON). */
export function recordOutcome(parsed: RecordValue, row: number, rules: RuleSet): RowOutcome {
  if (!parsed.ok)
    return {
      kind: "invalid",
      row,
      part: null,
      message: `line ${row}: ${parsed.issue.path ? `${parsed.issue.path}: ` : ""}${parsed.issue.message}`,
    };
  const value = parsed.value as { part?: unknown };
  const part = typeof value === "object" && value !== null && typeof value.part === "string" ? value.part : null;
  try {
    const datasheet = parseDatasheet(parsed.value);
    return {
      kind: "classified",
      row,
      part: datasheet.part,
      datacenter: datasheet.kind === "ic" ? (datasheet.datacenter ?? null) : null,
      result: classifyDatasheet(datasheet, rules, { trace: false }),
    };
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return { kind: "invalid", row, part, message: `record ${row}: ${error.message}` };
  }
}

/** The rows of a CSV catalogue, given as text in pieces, classified. @throws CatalogueFileError (empty, bad header, runaway record). */
export async function* csvOutcomes(
  pieces: AsyncIterable<string>,
  ruleSet: RuleSet,
  source: string,
): AsyncGenerator<RowOutcome> {
  const splitter = new CsvSplitter();
  let classifier: CatalogueClassifier | undefined;
  const take = function* (records: ReturnType<CsvSplitter["push"]>): Generator<RowOutcome> {
    for (const record of records) {
      if (!classifier) {
        classifier = headerClassifier(record.fields, ruleSet, source, record.row);
        continue;
      }
      yield classifier.classify(record);
    }
  };
  try {
    for await (const chunk of pieces) yield* take(splitter.push(chunk));
    yield* take(splitter.end());
  } catch (error) {
    if (error instanceof CsvRecordTooLongError) throw new CatalogueFileError(`${source}: ${error.message}`);
    throw error;
  }
  if (!classifier)
    throw new CatalogueFileError(
      `${source}: no input: the catalogue is empty: it needs a header row and one row per part`,
    );
}

function headerClassifier(header: string[], ruleSet: RuleSet, source: string, row: number): CatalogueClassifier {
  try {
    return new CatalogueClassifier(header, ruleSet);
  } catch (error) {
    if (error instanceof InvalidInputError || error instanceof CatalogueFileError)
      throw new CatalogueFileError(`${source}: header (row ${row}): ${error.message}`);
    throw error;
  }
}
