/**
 * Records of a request body as the map draws them: a CSV catalogue, JSON
 * Lines, or JSON (one datasheet or an array), each record one outcome in
 * order, a bad record an `invalid` outcome (as `ic3a090 plot` reads a file).
 */
import type { Readable } from "node:stream";
import { classifyDatasheet } from "../classify/classify.js";
import { InvalidInputError, parseDatasheet } from "../classify/datasheet.js";
import { CatalogueClassifier, CatalogueFileError, type RowOutcome } from "../catalogue/classify.js";
import { CsvSplitter } from "../catalogue/csv.js";
import type { RuleSet } from "../rules/rules.js";
import { parseJson, parseJsonLine } from "../records/json-records.js";
import { ApiUsageError, jsonLines } from "./api.js";

export type TextFormat = "csv" | "jsonl" | "json";

function jsonOutcome(parsed: ReturnType<typeof parseJson>, row: number, rules: RuleSet): RowOutcome {
  if (!parsed.ok) return { kind: "invalid", row, part: null, message: `line ${row}: ${parsed.issue.message}` };
  const value = parsed.value as { part?: unknown };
  const part = typeof value === "object" && value !== null && typeof value.part === "string" ? value.part : null;
  try {
    const datasheet = parseDatasheet(parsed.value);
    const datacenter = datasheet.kind === "ic" ? (datasheet.datacenter ?? null) : null;
    return {
      kind: "classified",
      row,
      part: datasheet.part,
      datacenter,
      result: classifyDatasheet(datasheet, rules, { trace: false }),
    };
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return { kind: "invalid", row, part, message: `record ${row}: ${error.message}` };
  }
}

export async function* outcomesOfText(input: Readable, format: TextFormat, rules: RuleSet): AsyncGenerator<RowOutcome> {
  let text = "";
  for await (const chunk of input) text += typeof chunk === "string" ? chunk : (chunk as Buffer).toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (format === "csv") {
    const splitter = new CsvSplitter();
    const records = [...splitter.push(text), ...splitter.end()];
    const header = records[0];
    if (!header) throw new ApiUsageError("stdin: the catalogue is empty: it needs a header row and one row per part");
    let classifier: CatalogueClassifier;
    try {
      classifier = new CatalogueClassifier(header.fields, rules);
    } catch (error) {
      if (error instanceof InvalidInputError || error instanceof CatalogueFileError)
        throw new ApiUsageError(`stdin: header (row ${header.row}): ${error.message}`);
      throw error;
    }
    for (const record of records.slice(1)) yield classifier.classify(record);
    return;
  }
  if (format === "jsonl") {
    for (const [index, line] of jsonLines(text).entries()) yield jsonOutcome(parseJsonLine(line), index + 1, rules);
    return;
  }
  const parsed = parseJson(text);
  if (parsed.ok && Array.isArray(parsed.value)) {
    let index = 0;
    for (const value of parsed.value) yield jsonOutcome({ ok: true, value }, ++index, rules);
  } else yield jsonOutcome(parsed, 1, rules);
}
