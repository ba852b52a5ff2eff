/**
 * Properties of the item ECCN, with the 3A090 thresholds injected as edges
 * and the fixed seed of spec/setup.ts:
 *
 * - never less control than the most controlled IC: if any IC is 3A090.a, the
 *   item is 4A090.a (or 3A090.a as an IC) or a .z paragraph's .a / z.1 tier;
 *   if the most controlled is 3A090.b, the .b / z.2 tier;
 * - a missing fact never gives a determinate answer that one way of filling it in contradicts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classify } from "../../src/index.js";
import { chip, DATE, minus, plus } from "../classify/build.js";

const TPPS = ["4800", "2400", "1600"].flatMap((t) => [t, minus(t), plus(t)]);
const tpp = fc.oneof(fc.constantFrom(...TPPS), fc.integer({ min: 1, max: 20000 }).map(String));
const area = fc.constantFrom("100", "250", "500", "609", "814", "1200", "1500", "5000");
const icFigures = fc.record({ tpp, area }).map(({ tpp, area }) => {
  const { part: _p, kind: _k, datacenter: _d, ...figures } = chip({ tpp, area });
  return { part: `IC ${tpp} on ${area}`, ...figures };
});
const base = fc.constantFrom(
  undefined,
  "5A992.c",
  "5A002.a",
  "5A002.d",
  "4A003.b",
  "4A004.a",
  "3A001.a.5.a",
  "5A004.b",
);

/** .a-tier paragraphs: 4A090.a, 3A090.a, x.z.N.a, x.z.1 (5A992, 4A004, 4A005). */
const aTier = /^(4A090\.a|3A090\.a|\w{5}\.z\.\d\.a|(5A992|4A004|4A005)\.z\.1)$/;
const bTier = /^(4A090\.b|3A090\.b|\w{5}\.z\.\d\.b|(5A992|4A004|4A005)\.z\.2)$/;

describe("the item ECCN", () => {
  it("never claims less control than its most controlled IC", () => {
    fc.assert(
      fc.property(
        fc.array(icFigures, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        base,
        fc.constantFrom("assembly", "computer"),
        (ics, datacenter, baseEccn, form) => {
          const result = classify(
            { part: "item", form, datacenter, ...(baseEccn ? { baseEccn } : {}), contains: ics },
            { date: DATE },
          );
          const eccns = result.contained!.map((c) => c.eccn);
          if (eccns.includes("3A090.a")) expect(result.itemEccn).toMatch(aTier);
          else if (eccns.includes("3A090.b")) expect(result.itemEccn).toMatch(bTier);
          else expect(result.itemEccn).not.toMatch(/\.z\.|4A090/);
        },
      ),
    );
  });

  it("a single-IC card agrees with the same IC listed in contains", () => {
    fc.assert(
      fc.property(icFigures, fc.boolean(), base, (ic, datacenter, baseEccn) => {
        const extra = baseEccn ? { baseEccn } : {};
        const single = classify({ ...ic, form: "assembly", datacenter, ...extra }, { date: DATE });
        const listed = classify(
          { part: "card", form: "assembly", datacenter, ...extra, contains: [ic] },
          { date: DATE },
        );
        expect(listed.itemEccn).toBe(single.itemEccn);
      }),
    );
  });

  it("with datacenter not given, a determinate item ECCN is the one both markings give", () => {
    fc.assert(
      fc.property(fc.array(icFigures, { minLength: 1, maxLength: 3 }), base, (ics, baseEccn) => {
        const item = (datacenter?: boolean) =>
          classify(
            {
              part: "item",
              form: "assembly",
              ...(datacenter === undefined ? {} : { datacenter }),
              ...(baseEccn ? { baseEccn } : {}),
              contains: ics,
            },
            { date: DATE },
          );
        const unknown = item();
        const [yes, no] = [item(true), item(false)];
        if (unknown.itemEccn !== "indeterminate")
          expect([yes.itemEccn, no.itemEccn]).toEqual([unknown.itemEccn, unknown.itemEccn]);
        else expect(yes.itemEccn === no.itemEccn && yes.itemEccn !== "indeterminate").toBe(false);
      }),
    );
  });
});
