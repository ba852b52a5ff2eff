/**
 * Which date did the Oct 2022 text of 3A090 take effect? regulation.md §2.6:
 * "7 Oct 2022 (3A090 effective 7 Oct; some parts 21 Oct)", 87 FR 62186.
 *
 * Reading chosen: the CCL amendments (ECCN 3A090 itself) took effect on
 * 2022-10-07; the 21 Oct 2022 date covers other provisions of the rule (not the
 * 3A090 entry). So 2022-10-07 applies the 2022 text and 2022-10-06 is refused
 * as before any text of 3A090. The reading and its reason are in
 * data/rules/3A090.json (text2022.fromReason).
 */
import { describe, expect, it } from "vitest";
import { classify } from "../../src/classify/classify.js";
import { text2022 } from "../../src/rules/rules.js";

const chip = {
  part: "X",
  datacenter: true,
  interconnectGBps: "900",
  units: [{ rates: [{ format: "FP16", tops: "1000" }] }],
};

describe("the 2022 text of 3A090 applies from 2022-10-07", () => {
  it("the data says 7 Oct 2022 and why", () => {
    expect(text2022().from).toBe("2022-10-07");
    expect(text2022().fromReason).toMatch(/21 Oct/);
  });
  it("2022-10-07 and 2022-10-21 both classify under the 2022 text", () => {
    expect(classify(chip, { date: "2022-10-07" }).clause).toBe("3A090.a.1");
    expect(classify(chip, { date: "2022-10-21" }).clause).toBe("3A090.a.1");
  });
  it("2022-10-06 is refused with the effective date in the message", () => {
    expect(() => classify(chip, { date: "2022-10-06" })).toThrow(/2022-10-07/);
  });
});
