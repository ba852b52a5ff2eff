/** The red-flag checklist: in every answer; unanswered or yes is a warning; RF-28 only as written. */
import { describe, expect, it } from "vitest";
import { hasOpenRedFlag } from "../../src/license/red-flags.js";
import { answer } from "./build.js";

const allClear = {
  "RF-D1": false,
  "RF-D2": false,
  "RF-D3": false,
  "RF-D4": false,
  "RF-D5": false,
  "RF-D6": false,
  "RF-D7": false,
  "RF-D8": false,
  "RF-19": false,
};

describe("red flags", () => {
  it("every answer lists the counter-diversion flags (labelled as secondary) and Red Flag 19", () => {
    const result = answer();
    expect(result.redFlags.map((f) => f.id)).toEqual([
      "RF-D1",
      "RF-D2",
      "RF-D3",
      "RF-D4",
      "RF-D5",
      "RF-D6",
      "RF-D7",
      "RF-D8",
      "RF-19",
    ]);
    expect(result.notes.some((n) => n.includes("as reported by secondary sources; the BIS list has eleven"))).toBe(
      true,
    );
  });
  it("all answered no: no red-flag warning, not open", () => {
    const result = answer({ answers: { redFlags: allClear } });
    expect(result.warnings.some((w) => w.includes("red flag"))).toBe(false);
    expect(hasOpenRedFlag(result.redFlags)).toBe(false);
  });
  it("one answered yes: a warning naming it, open", () => {
    const result = answer({ answers: { redFlags: { ...allClear, "RF-D3": true } } });
    expect(result.warnings.some((w) => w.startsWith("red flag RF-D3 present"))).toBe(true);
    expect(hasOpenRedFlag(result.redFlags)).toBe(true);
  });
  it("unanswered: a warning listing them", () => {
    expect(answer().warnings.some((w) => w.startsWith("red flags not answered"))).toBe(true);
  });
  it("Red Flag 28 only as written", () => {
    expect(answer({}, "2026-11-29", "as-written").redFlags.map((f) => f.id)).toContain("RF-28");
    expect(answer().redFlags.map((f) => f.id)).not.toContain("RF-28");
  });
  it("an unknown red-flag id is an input error", () => {
    expect(() => answer({ answers: { redFlags: { "RF-99": true } } })).toThrow(/not a red flag id/);
  });
});
