/**
 * The affiliates (50 %) rule (FR 2025-19001) was suspended through
 * 2026-11-09 (FR 2025-19846); whether it was reimposed on 2026-11-10 or the
 * suspension extended was not found (regulation-update.md §1.2, §6 item 7).
 *
 * Reading chosen: an optional overlay driven by `endUser.affiliateOfListedParty`.
 * Inside the suspension it does not apply; from 2026-11-10 it is read as
 * reimposed (the conservative reading), with a warning that reimposition is
 * unverified; without the input, it is not tested (and the trace says so).
 */
import { describe, expect, it } from "vitest";
import { answer, rowIds } from "../license/build.js";

const affiliate = { endUser: { affiliateOfListedParty: true } };

describe("A-24: the affiliates rule as a configurable overlay", () => {
  it("on 2026-11-09 (suspended): no requirement", () => {
    expect(answer(affiliate, "2026-11-09").licenseRequired).toBe("no");
  });
  it("on 2026-11-10: read as reimposed, licence required, warned as unverified", () => {
    const result = answer(affiliate, "2026-11-10");
    expect(result.licenseRequired).toBe("yes");
    expect(rowIds(result)).toContain("AF");
    expect(result.warnings.some((w) => w.startsWith("AF (docs/ambiguities.md#a-24)"))).toBe(true);
  });
  it("between its effective date and the suspension (2025-10-01): in force", () => {
    expect(answer(affiliate, "2025-10-01").licenseRequired).toBe("yes");
  });
  it("not an affiliate, or not stated: not tested", () => {
    expect(answer({ endUser: { affiliateOfListedParty: false } }, "2026-11-10").licenseRequired).toBe("no");
    expect(answer({}, "2026-11-10").trace.find((s) => s.step === "AF")!.statement).toBe("affiliate status not given");
  });
});
