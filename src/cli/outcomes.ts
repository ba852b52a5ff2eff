/**
 * Parts to show in a table or on the map, from any input `classify` reads:
 * a CSV catalogue, JSON Lines, or JSON (one datasheet or an array), read
 * through ./input.ts and classified by src/catalogue/source.ts, in order.
 */
import { csvOutcomes, type InputFormat, recordOutcome, sniffFormat } from "../catalogue/source.js";
import type { RowOutcome } from "../catalogue/classify.js";
import type { RuleSet } from "../rules/rules.js";
import { peekText, readText, recordsFromText, sourceName } from "./input.js";

/** Every record of the input, classified (without trace), in order; stdin without --format is guessed. */
export async function* readOutcomes(
  file: string | undefined,
  format: InputFormat | undefined,
  rules: RuleSet,
): AsyncGenerator<RowOutcome> {
  const source = sourceName(file);
  let pieces = readText(file);
  let guessed: InputFormat | "values" | undefined = format;
  if (guessed === undefined) {
    const peeked = await peekText(pieces);
    pieces = peeked.pieces;
    guessed = sniffFormat(peeked.head) === "csv" ? "csv" : "values";
  }
  if (guessed === "csv") {
    yield* csvOutcomes(pieces, rules, source);
    return;
  }
  const { records } = await recordsFromText(pieces, source, guessed, file === undefined || file === "-");
  for await (const record of records) yield recordOutcome(record, record.line ?? record.index, rules);
}
