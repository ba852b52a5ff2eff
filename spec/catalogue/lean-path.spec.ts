/**
 * The batch classifies without a trace (`{ trace: false }`): every field but
 * the trace must be the same as with it. Checked over generated catalogue rows
 * (edges injected) and the real-chip catalogue.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CatalogueClassifier } from "../../src/catalogue/classify.js";
import { CsvSplitter } from "../../src/catalogue/csv.js";
import { cataloguePlan, rowToDatasheet } from "../../src/catalogue/row.js";
import { classifyDatasheet } from "../../src/classify/classify.js";
import { parseDatasheet } from "../../src/classify/datasheet.js";
import { rulesAt } from "../../src/rules/rules.js";
import { GENERATED_HEADER, generatedRow, seeded } from "../../scripts/catalogue-generator.js";

const rules = rulesAt("2026-11-22");

function sameButTrace(datasheet: Parameters<typeof classifyDatasheet>[0]) {
  const full = classifyDatasheet(datasheet, rules);
  const lean = classifyDatasheet(datasheet, rules, { trace: false });
  expect(full.trace.length).toBeGreaterThan(0);
  expect(lean.trace).toEqual([]);
  expect({ ...lean, trace: full.trace }).toEqual(full);
}

describe("classifyDatasheet without a trace", () => {
  const plan = cataloguePlan(GENERATED_HEADER);

  it("gives the same result but the trace on generated catalogue rows, edges included", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.constantFrom(0.02, 0.5, 1), (seed, edgeShare) => {
        const random = seeded(seed);
        for (let i = 0; i < 5; i++) {
          const fields = generatedRow(random, rules, i, edgeShare);
          let datasheet;
          try {
            datasheet = rowToDatasheet(plan, fields, i + 2, rules);
          } catch {
            continue; // the generator writes a few invalid rows on purpose
          }
          sameButTrace(datasheet);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("gives the same result but the trace on every row of the real-chip catalogue and the JSON example", () => {
    const splitter = new CsvSplitter();
    const [header, ...records] = [
      ...splitter.push(readFileSync("data/catalogue/chips.csv", "utf8")),
      ...splitter.end(),
    ];
    const classifier = new CatalogueClassifier(header!.fields, rules);
    expect(records.length).toBeGreaterThan(10);
    for (const record of records) sameButTrace(rowToDatasheet(classifier.plan, record.fields, record.row, rules));
    sameButTrace(parseDatasheet(JSON.parse(readFileSync("data/examples/h100.json", "utf8"))));
  });
});
