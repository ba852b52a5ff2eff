/**
 * The item rules data (data/rules/items.json): every paragraph, threshold and
 * .z table is dated and cited, carries the digest's confidence, and the code
 * reads exactly the paragraphs the data holds.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isIsoDate } from "../../src/rules/dated.js";
import { CONFIDENCES, ITEM_PARAGRAPH_IDS, itemRulesAt, Z_ENTRY_IDS } from "../../src/rules/items.js";
import { meets, rulesAt } from "../../src/rules/rules.js";
import { parseDecimal } from "../../src/numbers/rational.js";

interface Dated {
  from: string;
  verified?: boolean;
  confidence: string;
  remark: string;
  citation: { cfr: string; fr: string; frDoc: string; published: string };
}
const data = JSON.parse(readFileSync("data/rules/items.json", "utf8")) as {
  formalisedFrom: string;
  paragraphs: Record<string, { values: Dated[] }>;
  thresholds: Record<string, { values: (Dated & { value: string; operator: string; wording: string })[] }>;
  zEntries: Record<string, { values: (Dated & { groups: { paragraphs: string[]; z: string }[] })[] } | string>;
};
const thresholds3A090 = JSON.parse(readFileSync("data/rules/3A090.json", "utf8")) as { formalisedFrom: string };

const zTables = Object.entries(data.zEntries).filter(
  (e): e is [string, { values: (Dated & { groups: { paragraphs: string[]; z: string }[] })[] }] =>
    typeof e[1] !== "string",
);
const allDated: [string, Dated][] = [
  ...Object.entries(data.paragraphs).flatMap(([id, p]) =>
    p.values.map((v) => [`paragraphs.${id} from ${v.from}`, v] as [string, Dated]),
  ),
  ...Object.entries(data.thresholds).flatMap(([id, t]) =>
    t.values.map((v) => [`thresholds.${id} from ${v.from}`, v] as [string, Dated]),
  ),
  ...zTables.flatMap(([id, t]) => t.values.map((v) => [`zEntries.${id} from ${v.from}`, v] as [string, Dated])),
];

describe("data/rules/items.json", () => {
  it("ITEM_PARAGRAPH_IDS and Z_ENTRY_IDS are the data file's keys", () => {
    expect([...ITEM_PARAGRAPH_IDS].sort()).toEqual(Object.keys(data.paragraphs).sort());
    expect([...Z_ENTRY_IDS].sort()).toEqual(zTables.map(([id]) => id).sort());
  });

  it("starts on the same date as the 3A090 thresholds", () => {
    expect(data.formalisedFrom).toBe(thresholds3A090.formalisedFrom);
  });

  it.each(allDated)("%s has a CFR citation, a date, a confidence and a remark", (_, v) => {
    expect(v.citation.cfr).toMatch(/^15 CFR 774 Supp\. 1, /);
    for (const field of ["fr", "frDoc", "published"] as const) expect(v.citation[field].length).toBeGreaterThan(0);
    expect(isIsoDate(v.from)).toBe(true);
    expect(v.from >= data.formalisedFrom).toBe(true);
    expect(CONFIDENCES).toContain(v.confidence);
    expect(v.remark.length).toBeGreaterThan(0);
  });

  it("a value whose Federal Register rule is not verified says so; 3A991.p and 4A994.l, whose dates are unverified, are not High", () => {
    for (const [where, v] of allDated) {
      if (v.citation.fr !== "not verified") continue;
      expect(v.verified, where).toBe(false);
      if (/3A991|4A994/.test(where)) expect(v.confidence, where).not.toBe("High");
    }
  });

  it("each dated list's dates strictly increase", () => {
    const lists = [...Object.values(data.paragraphs), ...Object.values(data.thresholds), ...zTables.map(([, t]) => t)];
    for (const list of lists) {
      const dates = list.values.map((v) => v.from);
      expect([...new Set(dates)].sort()).toEqual(dates);
    }
  });

  it('3A991.p.2 is "150 Gbyte/s or more": ≥ 150, exact at the edge', () => {
    const io = itemRulesAt("2025-06-02").io3A991p2;
    expect([io.operator, io.value.toExactString(), io.wording]).toEqual([">=", "150", "of 150 Gbyte/s or more"]);
    expect([meets(parseDecimal("150"), io), meets(parseDecimal("149.999999999999"), io)]).toEqual([true, false]);
    expect(io.cites).toMatch(/3A991\.p\.2.*confidence Medium, date it took effect not verified/);
  });

  it("3A991.p.1 (8 TOPS, from data/rules/3A090.json) is the one the item rules test", () => {
    expect(rulesAt("2025-06-02").threshold("3A991.p.1.tops")?.wording).toBe("of 8 TOPS or more");
  });

  it("the .z table gives each paragraph the sub-paragraph its text gives", () => {
    const items = itemRulesAt("2025-06-02");
    const z = (base: string) => {
      const found = items.zFor(base);
      return found.kind === "z" ? `${found.tierA} ${found.tierB}` : found.kind;
    };
    expect({
      "5A992.c": z("5A992.c"),
      "5A002.a": z("5A002.a"),
      "5A002.a.1": z("5A002.a.1"),
      "5A002.e": z("5A002.e"),
      "5A004.b": z("5A004.b"),
      "4A003.b": z("4A003.b"),
      "4A003.c": z("4A003.c"),
      "4A003.g": z("4A003.g"),
      "4A004.a": z("4A004.a"),
      "4A005": z("4A005"),
      "3A001.a.5.a": z("3A001.a.5.a"),
      "3A001.b.2": z("3A001.b.2"),
      "3A001.a.7": z("3A001.a.7"),
      "5A002": z("5A002"),
      "5A992": z("5A992"),
      "5A992.a": z("5A992.a"),
      "4A003.e": z("4A003.e"),
      "5A991.b": z("5A991.b"),
    }).toEqual({
      "5A992.c": "5A992.z.1 5A992.z.2",
      "5A002.a": "5A002.z.1.a 5A002.z.1.b",
      "5A002.a.1": "5A002.z.1.a 5A002.z.1.b",
      "5A002.e": "5A002.z.5.a 5A002.z.5.b",
      "5A004.b": "5A004.z.2.a 5A004.z.2.b",
      "4A003.b": "4A003.z.1.a 4A003.z.1.b",
      "4A003.c": "4A003.z.1.a 4A003.z.1.b",
      "4A003.g": "4A003.z.2.a 4A003.z.2.b",
      "4A004.a": "4A004.z.1 4A004.z.2",
      "4A005": "4A005.z.1 4A005.z.2",
      "3A001.a.5.a": "3A001.z.2.a 3A001.z.2.b",
      "3A001.b.2": "3A001.z.1.a 3A001.z.1.b",
      "3A001.a.7": "3A001.z.4.a 3A001.z.4.b",
      "5A002": "paragraph needed",
      "5A992": "paragraph needed",
      "5A992.a": "no z",
      "4A003.e": "no z",
      "5A991.b": "no z",
    });
  });
});
