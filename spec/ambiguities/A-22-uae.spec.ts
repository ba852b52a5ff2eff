/**
 * The UAE is in A:5 (since 2026-07-10, FR 2026-14132) but named in the
 * 3A090.b RS line ("To or within the United Arab Emirates or destinations
 * specified in Country Groups D:1, D:4, and D:5 …, excluding any destination
 * also specified in Country Groups A:5 or A:6"); FR 2026-14132 promises
 * "license-free access" for the UAE Government and approved commercial
 * entities through a mechanism not seen (regulation-update.md §6 item 5).
 *
 * Reading chosen: the express naming wins over the A:5 exclusion. A .b item
 * (and a .a item in mode enforced, which follows the .b scope) to the UAE
 * needs a licence (row D5, confidence medium, unverified: every such answer
 * warns), with the condition "licence required unless UAE-approved entity
 * [unverified mechanism]"; ACA is not offered (the UAE left D:4); the review
 * policy is not stated.
 */
import { describe, expect, it } from "vitest";
import { answer, rowIds } from "../license/build.js";

describe("A-22: the UAE named in the .b line although in A:5", () => {
  it("3A090.b to AE: licence required, with the unverified-mechanism condition and warning", () => {
    const result = answer({ destination: "AE", item: { eccn: "3A090.b" } });
    expect(result.licenseRequired).toBe("yes");
    expect(rowIds(result)).toEqual(["D5"]);
    expect(result.conditions).toContain(
      "D5 (docs/ambiguities.md#a-22): licence required unless UAE-approved entity [unverified mechanism]",
    );
    expect(result.reviewPolicy).toBeNull();
    expect(result.warnings.some((w) => w.startsWith("D5 is used but unverified (confidence medium)"))).toBe(true);
  });
  it("3A090.a (mode enforced, .b scope) to AE: the same row", () => {
    expect(rowIds(answer({ destination: "AE" }))).toEqual(["D5"]);
  });
  it("another A:5 member (Germany): no licence, so the UAE's answer comes from its naming alone", () => {
    expect(answer({ destination: "DE", item: { eccn: "3A090.b" } }).licenseRequired).toBe("no");
  });
});
