/**
 * Properties of the Note 1 check, with the edges injected (30, 35, 40
 * billion and one below each; the year boundaries), under the fixed seed of
 * spec/setup.ts:
 * - lowering the transistor count never turns an overcome presumption into `applies`;
 * - adding HBM never helps;
 * - moving completion from 2027 to 2029 never hurts (routes b and c: the
 *   designer's 180-day lapse can end route a in between, which is the rule,
 *   see the last example);
 * - the outcome is always one of the four, and `treatAs` is set exactly when it applies.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PRESUMPTIONS } from "../../src/index.js";
import { below, billion, check, countOrder, designerOrder, rank } from "./build.js";

const EDGES = [30, 35, 40].flatMap((n) => [billion(n), below(n), (BigInt(billion(n)) + 1n).toString()]);
const count = fc.oneof(fc.constantFrom(...EDGES), fc.bigInt({ min: 0n, max: 60n * 1_000_000_000n }).map(String));
const date = fc.oneof(
  fc.constantFrom("2025-01-16", "2026-12-31", "2027-01-01", "2027-12-31", "2028-01-01", "2028-12-31", "2029-01-01"),
  fc
    .date({ min: new Date("2025-01-16T00:00:00Z"), max: new Date("2031-12-31T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);
const hbm = fc.constantFrom(true, false, undefined);
const location = fc.constantFrom("TW", "US", "SG", "CN", "MO", "KH", "JP");
const gap = fc.constantFrom(undefined, "literal", "2027-rule", "2029-rule");

const run = (
  c: string,
  d: string,
  h: boolean | undefined,
  loc: string,
  g: typeof gap extends fc.Arbitrary<infer T> ? T : never,
) => check(countOrder(c, d, h, { packaging: { by: "front-end-fabricator", location: loc } }), g ? { gap2028: g } : {});

describe("Note 1 properties", () => {
  it("lowering the transistor count never turns overcome into applies", () => {
    fc.assert(
      fc.property(count, count, date, hbm, location, gap, (a, b, d, h, loc, g) => {
        const [low, high] = BigInt(a) <= BigInt(b) ? [a, b] : [b, a];
        if (run(high, d, h, loc, g).presumption === "overcome")
          expect(run(low, d, h, loc, g).presumption).toBe("overcome");
        expect(rank(run(low, d, h, loc, g).presumption)).toBeGreaterThanOrEqual(
          rank(run(high, d, h, loc, g).presumption),
        );
      }),
    );
  });
  it("adding HBM never helps", () => {
    fc.assert(
      fc.property(count, date, location, gap, (c, d, loc, g) => {
        const without = rank(run(c, d, false, loc, g).presumption);
        const unknown = rank(run(c, d, undefined, loc, g).presumption);
        const withHbm = rank(run(c, d, true, loc, g).presumption);
        expect(withHbm).toBeLessThanOrEqual(unknown);
        expect(unknown).toBeLessThanOrEqual(without);
      }),
    );
  });
  it("moving completion from 2027 to 2029 never hurts (routes b and c)", () => {
    const dayOfYear = fc
      .date({ min: new Date("2027-01-01T00:00:00Z"), max: new Date("2027-12-31T00:00:00Z"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(5, 10));
    fc.assert(
      fc.property(count, dayOfYear, dayOfYear, hbm, location, (c, d27, d29, h, loc) => {
        expect(rank(run(c, `2029-${d29}`, h, loc, undefined).presumption)).toBeGreaterThanOrEqual(
          rank(run(c, `2027-${d27}`, h, loc, undefined).presumption),
        );
      }),
    );
  });
  it("the outcome is one of the four; treatAs is 3A090.a exactly when the presumption applies", () => {
    fc.assert(
      fc.property(count, date, hbm, location, gap, (c, d, h, loc, g) => {
        const result = run(c, d, h, loc, g);
        expect(PRESUMPTIONS).toContain(result.presumption);
        expect(result.treatAs === "3A090.a").toBe(result.presumption === "applies");
        expect(result.route !== null).toBe(result.presumption === "overcome");
        if (result.presumption !== "overcome") expect(result.missing.length).toBeGreaterThan(0);
      }),
    );
  });
  it("example: route a can end between 2027 and 2029, by the 180-day lapse (not a transistor threshold)", () => {
    const order = designerOrder({ approvalApplicationDate: "2027-01-05" }, "2027-03-01");
    expect(check(order).presumption).toBe("overcome");
    expect(check({ ...order, completionDate: "2029-03-01" }).presumption).toBe("applies");
  });
});
