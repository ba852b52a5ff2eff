/**
 * Runs the data-driven cases in spec/cases/*.json (see spec/cases/README.md):
 * each gives a datasheet, a date, the expected answer worked out by hand, and
 * the source of every figure.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { classify, CLAUSES, ECCNS } from "../src/index.js";

const CaseSchema = z.strictObject({
  name: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  input: z.record(z.string(), z.unknown()),
  expected: z.strictObject({
    clause: z.enum(CLAUSES as [string, ...string[]]),
    eccn: z.enum(ECCNS as [string, ...string[]]),
    tpp: z.string().optional(),
    performanceDensity: z.string().nullable().optional(),
    performanceDensityExact: z.string().nullable().optional(),
    matched: z.array(z.string()).optional(),
    missing: z.array(z.string()).optional(),
    notesContain: z.array(z.string()).optional(),
    itemEccn: z.string().optional(),
  }),
  /** The ECCN the vendor publishes for the product as shipped, where it was found, and whether this work confirmed it. */
  published: z.strictObject({ eccn: z.string().min(1), source: z.string().min(1), confirmed: z.boolean() }).optional(),
  why: z.string().min(1),
  sources: z
    .record(z.string(), z.string().min(1))
    .refine((s) => Object.keys(s).length > 0, "give the source of each figure"),
});

const DIRECTORY = "spec/cases";
const files = readdirSync(DIRECTORY)
  .filter((f) => f.endsWith(".json"))
  .sort();

/** Every figure written in the datasheet: rate throughputs, MACs, clocks, die areas, HBM bandwidth and area. */
function figures(input: Record<string, unknown>): string[] {
  const found: string[] = [];
  for (const ic of (input.contains ?? []) as Record<string, unknown>[]) found.push(...figures(ic));
  for (const key of ["statedTpp", "ioBandwidthGBps"])
    if (typeof input[key] === "string") found.push(input[key] as string);
  const units = (input.units ?? []) as { rates?: Record<string, unknown>[] }[];
  for (const unit of units)
    for (const rate of unit.rates ?? [])
      for (const key of ["tops", "macsPerCycle", "clockGHz"])
        if (typeof rate[key] === "string") found.push(rate[key] as string);
  for (const die of (input.dies ?? []) as Record<string, unknown>[])
    if (typeof die.areaMm2 === "string") found.push(die.areaMm2);
  for (const key of ["bandwidthGBps", "areaMm2"]) if (typeof input[key] === "string") found.push(input[key] as string);
  return found;
}

describe("data-driven cases (spec/cases)", () => {
  it("there are cases to run, at least 25 of them real products with the vendor's published ECCN", () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    const published = files.filter(
      (file) =>
        (JSON.parse(readFileSync(`${DIRECTORY}/${file}`, "utf8")) as { published?: unknown }).published !== undefined,
    );
    expect(published.length).toBeGreaterThanOrEqual(25);
  });

  for (const file of files) {
    describe(file, () => {
      const raw = JSON.parse(readFileSync(`${DIRECTORY}/${file}`, "utf8")) as unknown;
      const parsed = CaseSchema.safeParse(raw);

      it("is a well-formed case", () => {
        expect(parsed.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? []).toEqual([]);
      });
      if (!parsed.success) return;
      const testCase = parsed.data;

      it(`every figure has a source`, () => {
        const keys = Object.keys(testCase.sources).join(" | ");
        const unsourced = figures(testCase.input).filter((figure) => !keys.includes(figure.replace(/ .*/, "")));
        expect(unsourced, `name these figures in "sources": ${unsourced.join(", ")}`).toEqual([]);
      });

      it(`${testCase.name} on ${testCase.date}: ${testCase.expected.clause}`, () => {
        const result = classify(testCase.input, { date: testCase.date });
        const { notesContain = [], ...fields } = testCase.expected;
        expect(result).toMatchObject(fields);
        for (const text of notesContain) expect(result.notes.join("\n")).toContain(text);
      });

      if (testCase.published) {
        const published = testCase.published;
        it(`the item ECCN is the vendor's published ${published.eccn}${published.confirmed ? "" : " (not confirmed in this work)"}`, () => {
          expect(classify(testCase.input, { date: testCase.date }).itemEccn).toBe(published.eccn);
        });
      }
    });
  }
});
