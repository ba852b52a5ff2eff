/**
 * The real-chip catalogue (issue 5, part 3): data/catalogue/chips.csv.
 *
 * Each row carries the classification its author derived by hand from the
 * row's own figures (`expected_eccn`, `expected_clause`, with the arithmetic
 * in `why`), written before the classifier was run. This spec reads the file
 * the way a user's catalogue is read (papaparse, header row, the CSV row
 * reader of src/catalogue/row.ts), classifies every row on the rules in force
 * on a fixed date, and checks the classifier agrees with the hand arithmetic.
 * It also checks that every figure has a source and that the parts users look
 * up most are present.
 */
import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { catalogueRowToDatasheet } from "../../src/catalogue/row.js";
import { classifyDatasheet } from "../../src/classify/classify.js";
import { rulesAt } from "../../src/rules/rules.js";

const CATALOGUE = new URL("../../data/catalogue/chips.csv", import.meta.url);
const RULES_DATE = "2026-11-22";

const parsed = Papa.parse<Record<string, string>>(readFileSync(CATALOGUE, "utf8"), {
  header: true,
  skipEmptyLines: true,
});
const rows = parsed.data;
const rules = rulesAt(RULES_DATE);

/** Header row is line 1, so the first data row is row 2, as a spreadsheet shows it. */
const rowNumber = (index: number) => index + 2;

/** Which source column must accompany each figure column. */
function sourceColumnFor(column: string): string | undefined {
  if (column.startsWith("tops_")) return "source_tops";
  if (column === "die_area_mm2" || column === "logic_die_area_mm2") return "source_die_area";
  if (column.startsWith("hbm_")) return "source_other";
  if (column === "interconnect_gbps") return "source_interconnect";
  return undefined;
}

/** Parts that users look up; each must be in the catalogue (matched on the part name). */
const NAMED_PARTS: readonly RegExp[] = [
  /^NVIDIA A100 SXM/,
  /^NVIDIA A100 PCIe/,
  /^NVIDIA A800/,
  /^NVIDIA H100 SXM/,
  /^NVIDIA H100 PCIe/,
  /^NVIDIA H800/,
  /^NVIDIA H20\b/,
  /^NVIDIA H200/,
  /^NVIDIA B200/,
  /^NVIDIA L40S$/,
  /^NVIDIA L40$/,
  /^NVIDIA L20$/,
  /^NVIDIA L4$/,
  /^NVIDIA L2$/,
  /RTX 4090$/,
  /RTX 4090 D$/,
  /RTX 5090$/,
  /RTX 5090 D$/,
  /MI210$/,
  /MI250X$/,
  /MI300X$/,
  /MI325X$/,
  /MI355X$/,
  /Gaudi 2$/,
  /Gaudi 3$/,
  /TPU v4$/,
  /TPU v5e$/,
  /TPU v5p$/,
  /TPU v6e/,
  /Ironwood/,
  /^AWS Trainium$/,
  /^AWS Trainium2$/,
  /^AWS Inferentia2$/,
  /Ascend 910B$/,
  /Ascend 910C$/,
  /Core Ultra 9 285K$/,
  /Apple M4$/,
  /^HBM3 /,
  /^HBM3E /,
];

describe("data/catalogue/chips.csv", () => {
  it("parses as CSV without errors", () => {
    expect(parsed.errors).toEqual([]);
  });

  it("has at least 40 parts, including the ones users look up", () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
    const parts = rows.map((row) => row.part ?? "");
    const missing = NAMED_PARTS.filter((pattern) => !parts.some((part) => pattern.test(part))).map(String);
    expect(missing).toEqual([]);
    expect(new Set(parts).size).toBe(parts.length);
  });

  it("has a non-empty source column for every figure given", () => {
    const unsourced: string[] = [];
    rows.forEach((row, index) => {
      for (const [column, value] of Object.entries(row)) {
        const source = sourceColumnFor(column);
        if (source && value.trim() !== "" && (row[source] ?? "").trim() === "")
          unsourced.push(`row ${rowNumber(index)} (${row.part}): ${column} has no ${source}`);
      }
    });
    expect(unsourced).toEqual([]);
  });

  it("states the datacenter marketing basis and the hand arithmetic for every part", () => {
    const incomplete = rows
      .filter((row) => (row.datacenter_basis ?? "").trim() === "" || (row.why ?? "").trim() === "")
      .map((row) => row.part);
    expect(incomplete).toEqual([]);
  });

  it("writes every figure as a plain decimal (no thousands separators, no units)", () => {
    const figureColumns = Object.keys(rows[0] ?? {}).filter((column) => sourceColumnFor(column) !== undefined);
    const odd = rows.flatMap((row) =>
      figureColumns
        .filter((column) => (row[column] ?? "") !== "" && !/^\d+(\.\d+)?$/.test(row[column]!))
        .map((column) => `${row.part}: ${column}=${row[column]}`),
    );
    expect(odd).toEqual([]);
  });
});

describe(`real chips classify as their hand-derived expectations on ${RULES_DATE}`, () => {
  it.each(rows.map((row, index) => ({ part: row.part ?? `row ${rowNumber(index)}`, row, index })))(
    "$part",
    ({ row, index }) => {
      const classification = classifyDatasheet(catalogueRowToDatasheet(row, rowNumber(index), rules), rules);
      expect({ eccn: classification.eccn, clause: classification.clause }, row.why).toEqual({
        eccn: row.expected_eccn,
        clause: row.expected_clause,
      });
    },
  );

  it("gives every row an item ECCN, and the vendor's published ECCN where the row gives one (with its source)", () => {
    const checked = rows.flatMap((row, index) => {
      const classification = classifyDatasheet(catalogueRowToDatasheet(row, rowNumber(index), rules), rules);
      expect(classification.itemEccn, row.part).not.toBe("");
      if ((row.published_eccn ?? "") === "") return [];
      expect((row.published_eccn_source ?? "").trim(), `${row.part}: published_eccn_source`).not.toBe("");
      return [{ part: row.part, itemEccn: classification.itemEccn, published: row.published_eccn }];
    });
    expect(checked.length).toBeGreaterThanOrEqual(25);
    expect(checked.filter((c) => c.itemEccn !== c.published)).toEqual([]);
  });

  it("cites Epoch AI's public dataset, never a local file", () => {
    const text = readFileSync(CATALOGUE, "utf8");
    expect(text).not.toMatch(/\/(work|home|tmp|Users)\//);
    expect(text).toContain("epoch.ai/data/machine-learning-hardware");
  });

  it("names the missing die facts for parts left indeterminate", () => {
    rows.forEach((row, index) => {
      if (row.expected_clause !== "indeterminate") return;
      const classification = classifyDatasheet(catalogueRowToDatasheet(row, rowNumber(index), rules), rules);
      expect(classification.missing.join("; ")).toMatch(/dies/);
    });
  });
});
