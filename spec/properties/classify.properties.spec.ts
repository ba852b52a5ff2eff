/**
 * Properties of the classifier, with the thresholds injected as edges
 * (purely random figures almost never land on 4800 or 5.92) and the fixed
 * global seed of spec/setup.ts.
 *
 * - differential: the core against an independent oracle written here, which
 *   reads data/rules/3A090.json itself and evaluates the clause formulas of
 *   the regulation with mathjs Fractions;
 * - metamorphic: scaling every throughput and every die area by the same
 *   factor leaves PD unchanged; adding a unit never lowers TPP;
 * - partition: exactly one controlling clause, which is among those matched;
 * - monotonicity in the datacenter flag.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { all, create, type Fraction } from "mathjs";
import { describe, expect, it } from "vitest";
import { classify, CLAUSES, eccnOf, parseDecimal, type Classification } from "../../src/index.js";
import { DATE, fp8TopsFor, minus, plus, times } from "../classify/build.js";

// ---------------------------------------------------------------- the oracle

const math = create(all!, { number: "Fraction" });
const F = (text: string): Fraction => math.fraction(text) as Fraction;

interface DataValue {
  from: string;
  value: string;
  operator: ">=" | "<" | ">";
}
const rulesData = JSON.parse(readFileSync("data/rules/3A090.json", "utf8")) as {
  thresholds: Record<string, { values: DataValue[] }>;
};

/** The value in force on `date` (the last entry whose `from` is on or before it). */
function inForce(id: string, date: string): DataValue {
  const found = rulesData.thresholds[id]!.values.filter((v) => v.from <= date).at(-1);
  if (!found) throw new Error(`${id} not in force on ${date}`);
  return found;
}

function test(x: Fraction, id: string, date: string): boolean {
  const t = inForce(id, date);
  const order = math.compare(x, F(t.value)) as unknown as number;
  return t.operator === ">=" ? order >= 0 : t.operator === "<" ? order < 0 : order > 0;
}

type Oracle = { tpp: Fraction; pd: Fraction; clause: string; matched: string[] };

/**
 * 3A090.a.1 TPP ≥ a.1; a.2 TPP ≥ a.2 and PD ≥ a.2; b.1 TPP in [min, max) and
 * PD in [min, max); b.2 TPP ≥ b.2 and PD in [min, max); none of .a/.b for a
 * non-datacenter IC whose TPP is below the note's threshold. Written from the
 * regulation's text; values and operators from the data file.
 */
function oracle(
  opsPerUnit: { tops: string; bits: number; count: number }[][],
  dieAreas: { area: string; count: number }[],
  datacenter: boolean,
  date: string,
): Oracle {
  let tpp = F("0");
  for (const unit of opsPerUnit) {
    const count = unit[0]!.count;
    let best = F("0");
    for (const rate of unit) {
      const value = math.multiply(F(rate.tops), F(String(rate.bits))) as Fraction;
      if ((math.compare(value, best) as unknown as number) > 0) best = value;
    }
    tpp = math.add(tpp, math.multiply(best, F(String(count)))) as Fraction;
  }
  let area = F("0");
  for (const die of dieAreas) area = math.add(area, math.multiply(F(die.area), F(String(die.count)))) as Fraction;
  const pd = math.divide(tpp, area) as Fraction;
  const holds = {
    "3A090.a.1": test(tpp, "3A090.a.1.tpp", date),
    "3A090.a.2": test(tpp, "3A090.a.2.tpp", date) && test(pd, "3A090.a.2.pd", date),
    "3A090.b.1":
      test(tpp, "3A090.b.1.tpp.min", date) &&
      test(tpp, "3A090.b.1.tpp.max", date) &&
      test(pd, "3A090.b.1.pd.min", date) &&
      test(pd, "3A090.b.1.pd.max", date),
    "3A090.b.2":
      test(tpp, "3A090.b.2.tpp", date) && test(pd, "3A090.b.2.pd.min", date) && test(pd, "3A090.b.2.pd.max", date),
  };
  const excluded = !datacenter && test(tpp, "3A090.nonDatacenter.tpp", date);
  const matched = excluded
    ? []
    : Object.entries(holds)
        .filter(([, h]) => h)
        .map(([c]) => c);
  return { tpp, pd, clause: matched[0] ?? "none", matched };
}

const sameFraction = (exact: string, f: Fraction) => {
  const r = exact.includes("/")
    ? parseDecimal(exact.split("/")[0]!).div(parseDecimal(exact.split("/")[1]!))
    : parseDecimal(exact);
  return r.num === BigInt(f.s) * BigInt(f.n) && r.den === BigInt(f.d);
};

// ---------------------------------------------------------------- generators

/** Exact offsets from a threshold: at it, one unit in the last place either side, and a little further. */
const offset = fc.tuple(fc.constantFrom("0", "0.000000000001", "0.000001", "0.5"), fc.boolean());
/** `threshold ± magnitude`, exact. */
const near = ([threshold, [magnitude, below]]: [string, [string, boolean]]) =>
  below ? minus(threshold, magnitude) : plus(threshold, magnitude);
const decimal = (max: number) =>
  fc
    .tuple(fc.integer({ min: 0, max }), fc.integer({ min: 0, max: 999_999 }))
    .map(([whole, fraction]) => `${whole}.${String(fraction).padStart(6, "0")}`);
const positiveDecimal = (max: number) => decimal(max).filter((d) => !parseDecimal(d).isZero());

/** TPP near the TPP thresholds (edges injected), or anywhere. */
const tppNearEdges = fc.oneof(fc.tuple(fc.constantFrom("1600", "2400", "4800"), offset).map(near), decimal(20_000));
/** PD near the PD thresholds (edges injected), or anywhere. */
const pdNearEdges = fc.oneof(fc.tuple(fc.constantFrom("1.6", "3.2", "5.92"), offset).map(near), decimal(20));
const area = fc.oneof(
  fc.constantFrom("100", "300", "400", "500", "600", "694", "814", "1000", "2000"),
  positiveDecimal(3000),
);

/** A single-unit, single-die datasheet with TPP and PD both at or near the edges. */
const edgeCase = fc
  .record({
    kind: fc.constantFrom("tpp", "pd"),
    tpp: tppNearEdges,
    pd: pdNearEdges,
    area,
    datacenter: fc.boolean(),
  })
  .map(({ kind, tpp, pd, area, datacenter }) => {
    const exactTpp = kind === "tpp" ? tpp : times(pd, area);
    return {
      datasheet: {
        part: "edge",
        datacenter,
        units: [{ rates: [{ format: "FP8", tops: fp8TopsFor(exactTpp) }] }],
        dies: [{ areaMm2: area, logic: true, nonPlanar: true }],
      },
      oracleUnits: [[{ tops: fp8TopsFor(exactTpp), bits: 8, count: 1 }]],
      oracleDies: [{ area, count: 1 }],
      datacenter,
    };
  });

const FORMATS = { INT4: 4, FP6: 6, INT8: 8, FP8: 8, FP16: 16, BF16: 16, FP32: 32, FP64: 64 } as const;
const rate = fc.record({
  format: fc.constantFrom(...(Object.keys(FORMATS) as (keyof typeof FORMATS)[])),
  tops: decimal(800),
});
const unit = fc.record({
  count: fc.integer({ min: 1, max: 4 }),
  rates: fc.array(rate, { minLength: 1, maxLength: 3 }),
});
const die = fc.record({
  count: fc.integer({ min: 1, max: 3 }),
  areaMm2: area,
  logic: fc.constant(true),
  nonPlanar: fc.constant(true),
});

/** A multi-unit, multi-die datasheet with every fact given. */
const fullDatasheet = fc.record({
  part: fc.constant("random"),
  datacenter: fc.boolean(),
  units: fc.array(unit, { minLength: 1, maxLength: 4 }),
  dies: fc.array(die, { minLength: 1, maxLength: 3 }),
});

/** Like fullDatasheet, but facts may be missing (datacenter, dies, die fields). */
const partialDatasheet = fc.record(
  {
    part: fc.constant("partial"),
    datacenter: fc.constantFrom(true, false, null),
    units: fc.array(unit, { minLength: 1, maxLength: 3 }),
    dies: fc.array(
      fc.record(
        { areaMm2: area, logic: fc.boolean(), nonPlanar: fc.boolean(), memoryStack: fc.boolean() },
        { requiredKeys: [] },
      ),
      { maxLength: 3 },
    ),
  },
  { requiredKeys: ["part", "units"] },
);

const at = (input: unknown): Classification => classify(input, { date: DATE });

// ---------------------------------------------------------------- properties

describe("differential: the core agrees with the mathjs oracle", () => {
  it("at and around every threshold", () => {
    fc.assert(
      fc.property(edgeCase, ({ datasheet, oracleUnits, oracleDies, datacenter }) => {
        const core = at(datasheet);
        const expected = oracle(oracleUnits, oracleDies, datacenter, DATE);
        expect(core.clause).toBe(expected.clause);
        expect(core.matched).toEqual(expected.matched);
        expect(sameFraction(core.tpp!, expected.tpp)).toBe(true);
        expect(sameFraction(core.performanceDensityExact!, expected.pd)).toBe(true);
      }),
    );
  });

  it("for multi-unit, multi-format, multi-die datasheets", () => {
    fc.assert(
      fc.property(fullDatasheet, (datasheet) => {
        const core = at(datasheet);
        const expected = oracle(
          datasheet.units.map((u) => u.rates.map((r) => ({ tops: r.tops, bits: FORMATS[r.format], count: u.count }))),
          datasheet.dies.map((d) => ({ area: d.areaMm2, count: d.count })),
          datasheet.datacenter,
          DATE,
        );
        expect([core.clause, core.matched]).toEqual([expected.clause, expected.matched]);
        expect(sameFraction(core.tpp!, expected.tpp)).toBe(true);
      }),
    );
  });

  it("the oracle itself sees the edges (it can fail)", () => {
    expect(oracle([[{ tops: "600", bits: 8, count: 1 }]], [{ area: "1000", count: 1 }], true, DATE).clause).toBe(
      "3A090.a.1",
    );
    expect(
      oracle([[{ tops: "599.999999999999", bits: 8, count: 1 }]], [{ area: "1000", count: 1 }], true, DATE).clause,
    ).toBe("3A090.b.1");
    expect(oracle([[{ tops: "513.56", bits: 8, count: 1 }]], [{ area: "694", count: 1 }], true, DATE).clause).toBe(
      "3A090.a.2",
    );
  });
});

describe("metamorphic", () => {
  const factor = fc.constantFrom("2", "0.5", "3", "1.25", "10", "0.001", "7.3");
  type Full = typeof fullDatasheet extends fc.Arbitrary<infer T> ? T : never;
  const scale = (datasheet: Full, k: string) => ({
    ...datasheet,
    units: datasheet.units.map((u) => ({ ...u, rates: u.rates.map((r) => ({ ...r, tops: times(r.tops, k) })) })),
    dies: datasheet.dies.map((d) => ({ ...d, areaMm2: times(d.areaMm2, k) })),
  });

  it("scaling every throughput and every die area by the same factor leaves PD, and every PD test, unchanged", () => {
    fc.assert(
      fc.property(fullDatasheet, factor, (datasheet, k) => {
        fc.pre(!parseDecimal(times(datasheet.dies[0]!.areaMm2, k)).isZero());
        const before = at(datasheet);
        const after = at(scale(datasheet, k));
        expect(after.performanceDensityExact).toBe(before.performanceDensityExact);
        const pdTests = (r: Classification) =>
          r.trace
            .filter((s) => s.step.startsWith("3A090."))
            .map((s) => s.statement.split(" and ").filter((p) => p.startsWith("PD")));
        expect(pdTests(after)).toEqual(pdTests(before));
      }),
    );
  });

  it("adding a unit never lowers TPP", () => {
    fc.assert(
      fc.property(fullDatasheet, unit, (datasheet, extra) => {
        const before = parseDecimal(at(datasheet).tpp!);
        const after = parseDecimal(at({ ...datasheet, units: [...datasheet.units, extra] }).tpp!);
        expect(after.gte(before)).toBe(true);
      }),
    );
  });
});

describe("partition: exactly one controlling clause", () => {
  it("for any datasheet, complete or not", () => {
    fc.assert(
      fc.property(fc.oneof(fullDatasheet, partialDatasheet), (datasheet) => {
        const result = at(datasheet);
        expect(CLAUSES).toContain(result.clause);
        expect(result.eccn).toBe(eccnOf(result.clause));
        if (result.clause === "indeterminate") {
          expect(result.missing.length).toBeGreaterThan(0);
        } else {
          expect(result.missing).toEqual([]);
        }
        if (result.clause !== "none" && result.clause !== "indeterminate") {
          expect(result.matched[0]).toBe(result.clause);
          const holding = result.trace
            .filter((s) => s.step.startsWith("3A090.") && s.result === "holds")
            .map((s) => s.step);
          expect(holding).toEqual(result.matched);
        }
        if (result.clause === "none") expect(result.matched).toEqual([]);
      }),
    );
  });
});

describe("monotonicity in the datacenter flag", () => {
  const rank = (r: Classification) =>
    ({ "3A090.a": 2, "3A090.b": 1, none: 0 })[r.eccn as "3A090.a" | "3A090.b" | "none"];

  it("a datacenter=true answer is never less controlled than datacenter=false", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fullDatasheet,
          edgeCase.map((e) => e.datasheet),
        ),
        (datasheet) => {
          const yes = at({ ...datasheet, datacenter: true });
          const no = at({ ...datasheet, datacenter: false });
          expect(rank(yes)).toBeGreaterThanOrEqual(rank(no)!);
        },
      ),
    );
  });
});
