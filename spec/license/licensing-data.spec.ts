/**
 * The licensing data (data/rules/licensing.json): every row dated, cited and
 * carrying the confidence of its source; the decision code in src/license
 * has no float arithmetic and no limit written as a literal.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONFIDENCES, EXCEPTION_IDS, licensingData, ROW_IDS } from "../../src/license/data.js";
import { isIsoDate } from "../../src/rules/dated.js";

const data = licensingData();

describe("data/rules/licensing.json", () => {
  it.each([...ROW_IDS])("row %s has text, a citation, a confidence and a date", (id) => {
    const row = data.row(id);
    expect(row.text.length).toBeGreaterThan(10);
    expect(row.citation).toMatch(/CFR|FR|guidance|Supp/);
    expect(CONFIDENCES).toContain(row.confidence);
    expect(isIsoDate(row.from)).toBe(true);
  });
  it.each([...EXCEPTION_IDS])("exception %s has conditions and a citation", (id) => {
    const exception = data.exception(id);
    expect(exception.conditions.length).toBeGreaterThan(0);
    expect(exception.citation).toMatch(/CFR/);
  });
  it("rows the digest marks unverified are flagged so (D5 UAE, C2, AF)", () => {
    expect(ROW_IDS.filter((id) => !data.row(id).verified)).toEqual(["D5", "C2", "AF"]);
  });
  it("the January 2026 limits are 'less than' 21000 and 6500, from 2026-01-15", () => {
    expect(data.file.januaryRule.tpp).toMatchObject({ value: "21000", operator: "<" });
    expect(data.file.januaryRule.dramBandwidthGBps).toMatchObject({ value: "6500", operator: "<" });
    expect(data.file.januaryRule.effective).toBe("2026-01-15");
  });
});

describe("the licence decision code (src/license) has no float arithmetic and no limit literal", () => {
  const files = readdirSync("src/license")
    .filter((f) => f.endsWith(".ts"))
    .map((f) => `src/license/${f}`);
  const code = (file: string) =>
    readFileSync(file, "utf8")
      .replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, "")
      .replace(/"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g, '""');
  it.each(files)("%s calls no parseFloat(, Number(, .toFixed( or Math.round(", (file) => {
    for (const banned of ["parseFloat(", "Number(", ".toFixed(", "Math.round("])
      expect(code(file).includes(banned), `${file}: ${banned}`).toBe(false);
  });
  it.each(files)("%s writes no limit (21000, 6500, 3.3, 25) as a number literal", (file) => {
    const literals = code(file).match(/(?<![\w.])\d+(?:\.\d+)?(?![\w.])/g) ?? [];
    expect(
      literals.filter((literal) => ["21000", "6500", "3.3", "25", "50"].includes(literal)),
      file,
    ).toEqual([]);
  });
});
