/**
 * Items under the Oct 2022 text (docs/ambiguities.md#items-2022). 87 FR 62186
 * added 4A090 with 3A090 (regulation.md §2.6: "4A090, 4D090 and the FDP rule
 * were also added"), but the digest does not quote its 2022 wording; the .z
 * paragraphs, 3A991.p and 4A994.l are applied from 2023-11-17 only.
 *
 * Reading chosen: a card, module or system containing an IC that meets the 2022
 * 3A090.a is 4A090.a, with a warning that the label and wording are read from
 * the current text (unverified, confidence Medium); one whose IC is outside is
 * its stated base entry, else `none`; an item with a base entry (a .z candidate
 * today) containing a 3A090 IC is `indeterminate`, naming why; an undecided IC
 * leaves the item `indeterminate`. Never the post-2023 item rules.
 */
import { describe, expect, it } from "vitest";
import { classify } from "../../src/classify/classify.js";
import { BASE_ENTRY_2022_MISSING } from "../../src/classify/clauses-2022.js";
import { text2022 } from "../../src/rules/rules.js";

const card = (tops: string, interconnectGBps: string | undefined, extra: Record<string, unknown> = {}) => ({
  part: "card",
  datacenter: true,
  form: "assembly",
  ...(interconnectGBps === undefined ? {} : { interconnectGBps }),
  units: [{ rates: [{ format: "FP16", tops }] }],
  ...extra,
});
const in2022 = (input: unknown) => classify(input, { date: "2023-01-01" });

describe("items-2022: an assembly or computer under the Oct 2022 text", () => {
  it("the data says where 4A090 comes from and that its 2022 wording is unverified", () => {
    const entry = text2022().item4A090;
    expect(entry.paragraph).toBe("4A090.a");
    expect(entry.verified).toBe(false);
    expect(entry.citation.fr).toBe("87 FR 62186");
  });
  it("an assembly whose IC meets 3A090.a (4800 and 600 exactly) is 4A090.a, with the unverified warning", () => {
    const result = in2022(card("300", "600"));
    expect(result.clause).toBe("3A090.a.1");
    expect(result.itemEccn).toBe("4A090.a");
    expect(result.warnings.some((w) => /4A090\.a under the Oct 2022 text is unverified/.test(w))).toBe(true);
    expect(result.itemBasis[0]!.citation).toMatch(/87 FR 62186.*unverified/);
  });
  it.each(["assembly", "computer"])("a %s one unit below 600 GB/s is none (4A090 needs a 3A090 IC)", (form) => {
    const result = in2022(card("300", "599.9999", { form }));
    expect(result.clause).toBe("none");
    expect(result.itemEccn).toBe("none");
    expect(result.notes.some((n) => /3A991\.p and 4A994\.l are not applied before 2023-11-17/.test(n))).toBe(true);
  });
  it("an IC shipped as itself keeps the IC's paragraph", () => {
    expect(in2022({ ...card("300", "600"), form: "ic" }).itemEccn).toBe("3A090.a");
  });
  it("a base entry with a 3A090 IC is indeterminate, naming the missing .z paragraphs", () => {
    const result = in2022(card("300", "600", { baseEccn: "5A992.c" }));
    expect(result.itemEccn).toBe("indeterminate");
    expect(result.missing).toContain(BASE_ENTRY_2022_MISSING);
  });
  it("a base entry with an IC outside 3A090 is that entry", () => {
    expect(in2022(card("100", undefined, { baseEccn: "5A992.c" })).itemEccn).toBe("5A992.c");
  });
  it("an IC whose transfer rate is missing leaves the item indeterminate, naming interconnectGBps", () => {
    const result = in2022(card("300", undefined));
    expect(result.itemEccn).toBe("indeterminate");
    expect(result.missing.some((m) => m.startsWith("interconnectGBps"))).toBe(true);
  });
  it("the same assembly on 2023-11-17 takes the current item rules (4A090.a, no 2022 warning)", () => {
    const result = classify(card("300", "600"), { date: "2023-11-17" });
    expect(result.itemEccn).toBe("4A090.a");
    expect(result.warnings.some((w) => /Oct 2022/.test(w))).toBe(false);
  });
});
