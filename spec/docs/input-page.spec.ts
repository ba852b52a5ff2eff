/**
 * docs/input.md: the field tables are what the zod schemas say. The page is regenerated in memory from the
 * schemas (scripts/gen-input-docs.ts) and compared with the page on disk; a schema change without
 * `npm run docs:input` fails here, naming the command.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generatedInputPage, INPUT_PAGE, inputSections } from "../../scripts/gen-input-docs.js";
import { fillGenerated } from "../../scripts/docs-markers.js";
import { CATALOGUE_COLUMNS } from "../../src/catalogue/columns.js";

const page = readFileSync(INPUT_PAGE, "utf8");

describe("docs/input.md", () => {
  it("has the field tables the schemas give (run `npm run docs:input` when this fails)", () => {
    const expected = generatedInputPage(page);
    if (expected !== page) {
      const stale = page.split("\n").find((line, index) => line !== expected.split("\n")[index]);
      expect.fail(
        `${INPUT_PAGE} is out of date with the schemas; run \`npm run docs:input\` (first stale line: ${stale})`,
      );
    }
  });

  it("documents every field of every input, including nested ones", () => {
    const sections = inputSections();
    for (const field of ["tops", "denseToSparseRatio", "memoryStack", "contains", "form", "baseEccn"]) {
      expect(sections.datasheet, field).toContain(`| \`${field}\` |`);
    }
    for (const field of ["completionDate", "osatApproved", "approvalApplicationDate", "designerAttestation"]) {
      expect(sections.order, field).toContain(`| \`${field}\` |`);
    }
    for (const field of ["redFlags", "aiTraining", "entityList", "commerciallyAvailableInUs"]) {
      expect(sections.shipment, field).toContain(`| \`${field}\` |`);
    }
    for (const column of CATALOGUE_COLUMNS) expect(sections.columns, column).toContain(`| \`${column}\` |`);
  });

  it("says which strings are decimals, dates or country codes, and the units a figure takes", () => {
    const sections = inputSections();
    expect(sections.datasheet).toMatch(/\| `tops` \| decimal string; or with a unit: TOPS, TFLOPS, PFLOPS \|/);
    expect(sections.datasheet).toMatch(
      /\| `areaMm2` \| decimal string greater than 0; or with a unit: mm\^2, cm\^2 \|/,
    );
    expect(sections.order).toMatch(/\| `completionDate` \| date, YYYY-MM-DD \| yes \|/);
    expect(sections.shipment).toMatch(/\| `destination` \| ISO 3166-1 alpha-2 country code/);
    expect(sections.model).toMatch(/\| `trainingOperations` \| decimal string or null \|/);
  });

  it("every field has a description", () => {
    const blank = Object.entries(inputSections()).flatMap(([name, text]) =>
      text
        .split("\n")
        .filter((line) => /^\| `[^`]+` \|/.test(line) && / \|\s*\|$/.test(line))
        .map((line) => `${name}: ${line}`),
    );
    expect(blank).toEqual([]);
  });

  it("a marker without a generated section, or a section without a marker, is an error", () => {
    expect(() => fillGenerated("<!-- generated:nothing -->\n<!-- /generated -->\n", {})).toThrow(/names no generated/);
    expect(() => fillGenerated("text\n", { datasheet: "x" })).toThrow(/no <!-- generated:datasheet -->/);
  });
});
