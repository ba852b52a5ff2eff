/**
 * JSON Lines read for the table and the map answer every line, as `classify`
 * does: a blank line in the middle is an invalid record, not skipped
 * (regression: the two readers once differed). The line end of the last line
 * starts no new line.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readOutcomes } from "../../src/cli/outcomes.js";
import { rulesAt } from "../../src/rules/rules.js";

const rules = rulesAt("2026-11-22");
const line = JSON.stringify({ part: "P", datacenter: true, units: [{ rates: [{ format: "FP8", tops: "600" }] }] });

async function outcomesOf(text: string, format: "jsonl" | undefined) {
  const file = join(mkdtempSync(join(tmpdir(), "ic3a090-")), "parts.jsonl");
  writeFileSync(file, text);
  const outcomes = [];
  for await (const outcome of readOutcomes(file, format, rules)) outcomes.push(outcome);
  return outcomes;
}

describe("JSON Lines for the table and the map", () => {
  for (const format of ["jsonl", undefined] as const) {
    it(`a blank line between two records is an invalid record (${format ?? "format sniffed"})`, async () => {
      const outcomes = await outcomesOf(`${line}\n\n${line}\n`, format);
      expect(outcomes.map((o) => o.kind)).toEqual(["classified", "invalid", "classified"]);
      expect(outcomes[1]).toMatchObject({ row: 2, message: expect.stringContaining("empty line") });
    });
  }
});
