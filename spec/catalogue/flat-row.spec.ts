/**
 * The catalogue's fast path (safe integers) and the general path (BigInt
 * rationals) write the same cells for every row the fast path answers, with
 * the thresholds of the rules in force injected as edges: TPP exactly on each
 * TPP threshold and PD exactly on each PD threshold, and one step of the last
 * decimal place to either side.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CatalogueClassifier } from "../../src/catalogue/classify.js";
import { Rational } from "../../src/numbers/rational.js";
import { rulesAt, type ThresholdId } from "../../src/rules/rules.js";
import { generatedRow, GENERATED_HEADER, seeded } from "../../scripts/catalogue-generator.js";

const rules = rulesAt("2026-11-22");
const HEADER = [
  "part",
  "kind",
  "datacenter",
  "tops_fp8",
  "tops_fp16",
  "tops_int4",
  "die_area_mm2",
  "logic_die_area_mm2",
  "non_planar",
  "note",
];

const TPP_EDGES: ThresholdId[] = ["3A090.a.1.tpp", "3A090.a.2.tpp", "3A090.b.1.tpp.min", "3A090.nonDatacenter.tpp"];
const PD_EDGES: ThresholdId[] = ["3A090.a.2.pd", "3A090.b.1.pd.min", "3A090.b.2.pd.min"];
const value = (id: ThresholdId) => rules.threshold(id)!.value;

/** A decimal string for an exact rational, or a nearby plain decimal with `places` places when it does not terminate. */
function decimalText(r: Rational, places = 6): string {
  const exact = r.toExactString();
  return exact.includes("/") ? r.toTruncatedDecimal(places) : exact;
}

const step = fc.constantFrom(
  Rational.ZERO,
  Rational.of(1n, 10n ** 6n),
  Rational.of(-1n, 10n ** 6n),
  Rational.of(1n, 10n ** 12n),
  Rational.of(-1n, 10n ** 12n),
);
const plainDecimal = fc
  .tuple(fc.integer({ min: 0, max: 30_000_000 }), fc.integer({ min: 0, max: 4 }))
  .map(([units, places]) => Rational.of(BigInt(units), 10n ** BigInt(places)).toExactString());
const area = fc
  .tuple(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 3 }))
  .map(([units, places]) => Rational.of(BigInt(units), 10n ** BigInt(places)));

/**
 * FP8 TOPS that put TPP (× 8 bits) on a TPP edge, or PD on a PD edge for the given area, or the TOPS themselves on
 * 3A991.p.1's edge (below it, the item waits on the I/O rate).
 */
const edgeTops = fc.oneof(
  step.map((delta) => value("3A991.p.1.tops").add(delta)),
  fc.tuple(fc.constantFrom(...TPP_EDGES), step).map(([id, delta]) => value(id).div(Rational.integer(8)).add(delta)),
  fc
    .tuple(fc.constantFrom(...PD_EDGES), area, step)
    .map(([id, a, delta]) => value(id).mul(a).div(Rational.integer(8)).add(delta)),
);

/**
 * What may surround a cell: mostly nothing; else a character `trim` removes (space, tab, NBSP, LS, ideographic
 * space, BOM) or one it keeps (U+180E, no longer white space), which the fast path must read as `trim` does.
 */
const pad = fc.oneof(
  { weight: 8, arbitrary: fc.constant("") },
  { weight: 1, arbitrary: fc.constantFrom(" ", "\t", "\u00a0", "\u2028", "\u3000", "\ufeff", "\u180e") },
);
const padded = (cell: fc.Arbitrary<string>) =>
  fc.tuple(pad, cell, pad).map(([left, text, right]) => left + text + right);

const row = fc.record({
  kind: padded(fc.constantFrom("", "", "", "ic", "IC", "hbm", "İc")),
  datacenter: padded(fc.constantFrom("yes", "no", "", "Yes", "FALSE", "true", "maybe")),
  fp8: padded(
    fc.oneof(
      edgeTops.filter((r) => r.gte(Rational.ZERO)).map((r) => decimalText(r)),
      plainDecimal,
      fc.constant(""),
    ),
  ),
  fp16: fc.oneof(plainDecimal, fc.constant(""), fc.constant("1.979e3"), fc.constant("989.4 TFLOPS")),
  int4: fc.oneof(fc.constant(""), plainDecimal),
  area: padded(area.map((a) => a.toExactString())),
  areaColumn: fc.constantFrom("die", "die", "logic"),
  nonPlanar: padded(fc.constantFrom("", "yes", "no", "YES", "unknown")),
});

function cellsBothWays(header: string[], fields: string[]) {
  const classifier = new CatalogueClassifier(header, rules);
  const record = { row: 2, fields };
  return { quick: classifier.quickly(record), general: classifier.cells(record, classifier.classify(record)) };
}

describe("the catalogue's fast path", () => {
  it("writes exactly the cells of the general path for every row it answers, edges included", () => {
    let answered = 0;
    fc.assert(
      fc.property(row, (r) => {
        const fields = [
          "P",
          r.kind,
          r.datacenter,
          r.fp8,
          r.fp16,
          r.int4,
          r.areaColumn === "die" ? r.area : "",
          r.areaColumn === "logic" ? r.area : "",
          r.areaColumn === "logic" ? r.nonPlanar : "",
          "",
        ];
        const { quick, general } = cellsBothWays(HEADER, fields);
        if (quick) {
          answered++;
          expect(quick.cells).toEqual(general);
        }
      }),
      { numRuns: 3000 },
    );
    // Most generated rows are plain enough for the fast path; if none were, this spec would test nothing.
    expect(answered).toBeGreaterThan(300);
  });

  it("agrees with the general path on the benchmark's edge rows", () => {
    const random = seeded(7);
    let answered = 0;
    for (let index = 0; index < 3000; index++) {
      const { quick, general } = cellsBothWays(GENERATED_HEADER, generatedRow(random, rules, index, 1));
      if (quick) {
        answered++;
        expect(quick.cells).toEqual(general);
      }
    }
    expect(answered).toBeGreaterThan(1200);
  });

  it("names the missing fact as the general path does when it decides the answer", () => {
    const cases: [string, string[], string][] = [
      [
        "datacenter",
        ["P", "", "", "300", "", "", "400", "", "", ""],
        "datacenter: whether the IC is designed or marketed for use in datacenters",
      ],
      [
        "non_planar",
        ["P", "", "yes", "300", "", "", "", "400", "", ""],
        "non_planar: whether the logic die is made with non-planar transistors",
      ],
    ];
    for (const [, fields, missing] of cases) {
      const { quick, general } = cellsBothWays(HEADER, fields);
      expect(quick?.cells).toEqual(general);
      expect(quick?.cells.at(-3)).toBe(missing);
      expect(quick?.result.clause).toBe("indeterminate");
    }
  });

  it("leaves to the general path what it cannot answer exactly: units, exponents, an HBM row without figures, unknown datacenter text, no die area", () => {
    const cases: [string, string[]][] = [
      ["a unit", ["P", "", "yes", "1979 TFLOPS", "", "", "814", "", "", ""]],
      ["an exponent", ["P", "", "yes", "1.979e3", "", "", "814", "", "", ""]],
      ["an HBM row", ["P", "hbm", "", "", "", "", "", "", "", ""]],
      ["datacenter text it does not know", ["P", "", "maybe", "1979", "", "", "814", "", "", ""]],
      ["no die area", ["P", "", "yes", "300", "", "", "", "", "", ""]],
      ["more than 15 digits", ["P", "", "yes", "1234567890.1234567", "", "", "814", "", "", ""]],
    ];
    for (const [, fields] of cases) expect(cellsBothWays(HEADER, fields).quick).toBeUndefined();
  });
});
