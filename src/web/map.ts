/** The map of `ic3a090 plot` for a request body: every record classified (without trace) and drawn. */
import { Readable } from "node:stream";
import type { RowOutcome } from "../catalogue/classify.js";
import { renderMap } from "../plot/map.js";
import type { RuleSet } from "../rules/rules.js";
import { outcomesOfText, type TextFormat } from "./outcomes.js";

export async function mapSvg(text: string, format: TextFormat, rules: RuleSet): Promise<string> {
  const outcomes: RowOutcome[] = [];
  for await (const outcome of outcomesOfText(Readable.from([text]), format, rules)) outcomes.push(outcome);
  return renderMap(outcomes, rules);
}
