/**
 * Parts to show in a table or on the map, from any input `classify` reads:
 * a CSV catalogue, JSON Lines, or JSON (one datasheet or an array). Each
 * record gives one outcome, in order; a bad record an `invalid` outcome.
 */
import { extname } from "node:path";
import { classifyDatasheet } from "../classify/classify.js";
import { InvalidInputError, parseDatasheet } from "../classify/datasheet.js";
import type { RuleSet } from "../rules/rules.js";
import { EXIT, openInput, parseJson, parseJsonLine, readAllText, readLines, sourceName, UserError } from "../cli/io.js";
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

/** Guesses the format of text read from stdin: JSON when it starts with [ or a whole object, JSON Lines for several objects, else CSV. */
export function sniffFormat(text: string): InputFormat {
  const start = text.replace(/^\ufeff/, "").trimStart();
  if (start.startsWith("[")) return "json";
  if (!start.startsWith("{")) return "csv";
  return parseJson(start).ok ? "json" : "jsonl";
}

/** Every record of the input, classified (without trace), in order. */
export async function* readOutcomes(file: string | undefined, format: InputFormat | undefined, rules: RuleSet): AsyncGenerator<RowOutcome> {
  const source = sourceName(file);
  if (format === "csv") {
    yield* csvOutcomes(file, rules);
    return;
  }
  if (format === "jsonl") {
    for await (const { line, text } of readLines(file)) yield jsonOutcome(parseJsonLine(text), line, rules);
    return;
  }
  const text = await readAllText(file);
  const guessed = format ?? sniffFormat(text);
  if (guessed === "csv") {
    yield* csvRecords(text, rules, source);
    return;
  }
  if (guessed === "jsonl") {
    const lines = text.split(/\r?\n/);
    if (lines.at(-1) === "") lines.pop(); // the line end of the last line starts no new line
    for (const [index, lineText] of lines.entries()) yield jsonOutcome(parseJsonLine(lineText), index + 1, rules);
    return;
  }
  const parsed = parseJson(text);
  if (parsed.ok && Array.isArray(parsed.value)) {
    let index = 0;
    for (const value of parsed.value) yield jsonOutcome({ ok: true, value }, ++index, rules);
  } else yield jsonOutcome(parsed, 1, rules);
}

function jsonOutcome(parsed: ReturnType<typeof parseJson>, row: number, rules: RuleSet): RowOutcome {
  if (!parsed.ok) return { kind: "invalid", row, part: null, message: `line ${row}: ${parsed.issue.message}` };
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

async function* csvOutcomes(file: string | undefined, ruleSet: RuleSet): AsyncGenerator<RowOutcome> {
  const source = sourceName(file);
  const input = openInput(file);
  input.setEncoding("utf8");
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
    for await (const chunk of input) yield* take(splitter.push(chunk as string));
    yield* take(splitter.end());
  } catch (error) {
    if (error instanceof CsvRecordTooLongError) throw new UserError(`${source}: ${error.message}`, EXIT.invalidInput);
    if ((error as NodeJS.ErrnoException).code !== undefined) throw new UserError(`cannot read ${source}: ${(error as NodeJS.ErrnoException).code}`);
    throw error;
  }
  if (!classifier) throw new UserError(`${source}: the catalogue is empty: it needs a header row and one row per part`, EXIT.invalidInput);
}

function* csvRecords(text: string, ruleSet: RuleSet, source: string): Generator<RowOutcome> {
  const splitter = new CsvSplitter();
  const records = [...splitter.push(text), ...splitter.end()];
  const header = records[0];
  if (!header) throw new UserError(`${source}: the catalogue is empty: it needs a header row and one row per part`, EXIT.invalidInput);
  const classifier = headerClassifier(header.fields, ruleSet, source, header.row);
  for (const record of records.slice(1)) yield classifier.classify(record);
}

function headerClassifier(header: string[], ruleSet: RuleSet, source: string, row: number): CatalogueClassifier {
  try {
    return new CatalogueClassifier(header, ruleSet);
  } catch (error) {
    if (error instanceof InvalidInputError || error instanceof CatalogueFileError) throw new UserError(`${source}: header (row ${row}): ${error.message}`, EXIT.invalidInput);
    throw error;
  }
}
