/**
 * Modes: `enforced` (default) applies the pre-2025 destination scope for .a
 * items from 2025-05-13, when BIS announced it would not enforce the AI
 * Diffusion rule, and says so on every answer; `as-written` applies the CFR
 * text (worldwide licence for .a and .z.a, row AW) and warns on every answer.
 */
import { describe, expect, it } from "vitest";
import { answer, rowIds } from "./build.js";
import { license } from "../../src/license/license.js";
import { shipment } from "./build.js";

describe("the non-enforcement date, 2025-05-13", () => {
  it("on 2025-05-13, mode enforced: no licence to Germany, and the note says why", () => {
    const result = answer({}, "2025-05-13");
    expect(result.licenseRequired).toBe("no");
    expect(result.notes[0]).toMatch(/^Mode enforced: BIS has not enforced/);
  });
  it("on 2025-05-12 the rule had not been announced unenforced: the worldwide requirement applies, and the note says so", () => {
    const result = answer({}, "2025-05-12");
    expect(result.licenseRequired).toBe("yes");
    expect(rowIds(result)).toEqual(["AW"]);
    expect(result.notes.some((n) => n.includes("had not yet announced non-enforcement"))).toBe(true);
  });
});

describe("as written", () => {
  it("worldwide licence for .a and .z.a items, with the banner as a warning", () => {
    const result = answer({ item: { eccn: "5A992.z.1" } }, "2026-11-29", "as-written");
    expect(rowIds(result)).toContain("AW");
    expect(result.warnings[0]).toMatch(/^mode as-written: Framework for AI Diffusion/);
  });
  it(".b items keep their destination scope", () => {
    expect(answer({ item: { eccn: "3A090.b" } }, "2026-11-29", "as-written").licenseRequired).toBe("no");
  });
});

describe("dates the data does not cover", () => {
  it("before 2025-01-16 a licence answer is refused", () => {
    expect(() => license(shipment(), { date: "2025-01-15" })).toThrow(/no licensing rules are formalised/);
  });
});
