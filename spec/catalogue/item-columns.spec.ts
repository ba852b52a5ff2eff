/**
 * The catalogue's item columns: `form`, `base_eccn` and `io_bandwidth_gbps` in,
 * `item_eccn` out. The fast path answers plain rows and writes exactly the
 * general path's cells, with the 3A090 and 3A991.p.1 thresholds injected as edges.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CatalogueClassifier, classifyCatalogueCsv } from "../../src/catalogue/classify.js";
import { Rational } from "../../src/numbers/rational.js";
import { rulesAt } from "../../src/rules/rules.js";

const rules = rulesAt("2026-11-22");
const HEADER = [
  "part",
  "datacenter",
  "tops_fp8",
  "tops_fp64",
  "die_area_mm2",
  "form",
  "base_eccn",
  "io_bandwidth_gbps",
];
const edge = (id: "3A090.a.1.tpp" | "3A090.b.1.tpp.min" | "3A090.a.2.tpp", bits: bigint) =>
  rules.threshold(id)!.value.div(Rational.integer(bits));
const p1 = rules.threshold("3A991.p.1.tops")!.value;
const ulp = Rational.of(1n, 10n ** 6n);
const tops = fc.oneof(
  fc
    .constantFrom(edge("3A090.a.1.tpp", 8n), edge("3A090.b.1.tpp.min", 8n), edge("3A090.a.2.tpp", 8n), p1)
    .chain((v) => fc.constantFrom(v, v.add(ulp), v.sub(ulp)))
    .map((v) => v.toExactString()),
  fc.integer({ min: 0, max: 2000 }).map(String),
  fc.constant(""),
);

function bothWays(fields: string[]) {
  const classifier = new CatalogueClassifier(HEADER, rules);
  const record = { row: 2, fields };
  return { quick: classifier.quickly(record), general: classifier.cells(record, classifier.classify(record)) };
}

describe("catalogue item columns", () => {
  it("the fast path writes the general path's cells, item_eccn included", () => {
    let answered = 0;
    fc.assert(
      fc.property(
        fc.record({
          datacenter: fc.constantFrom("yes", "no", ""),
          fp8: tops,
          fp64: fc.constantFrom("", "1", "8"),
          area: fc.constantFrom("100", "609", "1200"),
          form: fc.constantFrom("", "ic", "assembly", "Computer", "card"),
          base: fc.constantFrom("", "", "5A992.c", "5A002.a", "5A002"),
          io: fc.constantFrom("", "", "150", "149.999999"),
        }),
        (r) => {
          const fields = ["P", r.datacenter, r.fp8, r.fp64, r.area, r.form, r.base, r.io];
          const { quick, general } = bothWays(fields);
          if (quick) {
            answered++;
            expect(quick.cells).toEqual(general);
          }
        },
      ),
      { numRuns: 1500 },
    );
    expect(answered).toBeGreaterThan(100);
  });

  it("writes item_eccn after eccn: a card 4A090.a, a 5A992.c module 5A992.z.1, a workstation card 4A994.l", () => {
    const csv = [
      HEADER.join(","),
      "card,yes,600,,100,assembly,,",
      "module,yes,600,,100,computer,5A992.c,",
      "workstation,no,500,,609,assembly,,",
    ].join("\n");
    const rows = classifyCatalogueCsv(`${csv}\n`, { rules })
      .output.trim()
      .split("\n")
      .map((line) => line.split(","));
    const column = rows[0]!.indexOf("item_eccn");
    expect(rows[0]![column - 1]).toBe("eccn");
    expect(rows.slice(1).map((row) => row[column])).toEqual(["4A090.a", "5A992.z.1", "4A994.l"]);
  });

  it("names the column of a missing fact and of a bad cell", () => {
    const csv = [HEADER.join(","), "tiny,yes,0.5,,100,,,", "bad,yes,600,,100,board,5A99,"].join("\n");
    const rows = classifyCatalogueCsv(`${csv}\n`, { rules }).output.trim().split("\n");
    expect(rows[1]).toMatch(/,none,none,indeterminate,"io_bandwidth_gbps: the aggregate bidirectional I\/O rate/);
    expect(rows[2]).toMatch(/row 3: form: must be ic, assembly or computer .* base_eccn: must be an ECCN paragraph/);
  });
});
