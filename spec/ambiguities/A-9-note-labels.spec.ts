/**
 * Note labels and cross-references (regulation.md §10).
 *
 * Confirmed labels: "Note 1 to 3A090.a" and "Technical Note 2 to 3A090.a and
 * 3A090.b". The non-datacenter note's number ("Note 2 to 3A090.a and
 * 3A090.b") is secondary-sourced only, and the .z note's "Note 2 or 3 to
 * 3A090" does not match the current structure.
 *
 * Reading chosen: cite the non-datacenter note by its text, never by a
 * number; use only the confirmed label "Technical Note 2" for TPP and PD; say
 * in the data that note numbers are provisional. Why: a citation must not
 * assert a label no primary source confirms.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { classify, rulesAt } from "../../src/index.js";
import { chip, DATE } from "../classify/build.js";

describe("A-9: notes cited by their text; numbers provisional", () => {
  const rules = rulesAt(DATE);
  const note = rules.threshold("3A090.nonDatacenter.tpp")!;

  it("the non-datacenter note is cited by its text, with no note number", () => {
    expect(note.cites).toMatch(
      /note to 3A090\.a and 3A090\.b on items not designed or marketed for use in datacenters/,
    );
    expect(note.cites).not.toMatch(/Note \d/);
    expect(note.paragraph).not.toMatch(/Note \d/);
  });

  it("the data says its note numbers are provisional", () => {
    expect(note.remark).toMatch(/Note numbers are provisional \(regulation\.md A-9\)/);
  });

  it("TPP and PD are cited to the confirmed label, Technical Note 2 to 3A090.a and 3A090.b", () => {
    expect(rules.definitionCitation.tpp).toMatch(/Technical Note 2 to 3A090\.a and 3A090\.b/);
    expect(rules.definitionCitation.performanceDensity).toMatch(/Technical Note 2 to 3A090\.a and 3A090\.b, 4/);
  });

  it("no trace step or note of a classification cites the non-datacenter note by a number", () => {
    for (const datacenter of [true, false, null]) {
      const result = classify(chip({ tpp: "3000", area: "600", datacenter }), { date: DATE });
      const text = [
        ...result.trace.flatMap((s) => [s.statement, s.citation]),
        ...result.notes,
        ...result.warnings,
      ].join("\n");
      expect(text, String(datacenter)).not.toMatch(/(?<!Technical )Note [23] to 3A090/);
    }
  });

  it("the rules data file never labels a note with the unconfirmed numbers", () => {
    const text = readFileSync("data/rules/3A090.json", "utf8");
    expect(text).not.toMatch(/"cfr": "[^"]*(?<!Technical )Note [23] to 3A090/);
  });
});
