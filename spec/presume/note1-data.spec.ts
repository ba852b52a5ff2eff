/**
 * The Note 1 data (data/rules/note1-3A090a.json, data/country-groups.json,
 * data/approved-*.json): every value carries a citation, dates increase, the
 * year schedule partitions the years with the 2028 gap written down, and for
 * every date exactly one version of each parameter is in force.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shippedApprovedList } from "../../src/presume/approved-lists.js";
import { GROUPS, membership, membershipGaps } from "../../src/presume/country-groups.js";
import {
  assertScheduleIsPartition,
  note1At,
  note1FirstDate,
  withoutHbmEntryFor,
} from "../../src/presume/parameters.js";
import { addDays } from "../../src/rules/dated.js";

const note1 = JSON.parse(readFileSync("data/rules/note1-3A090a.json", "utf8")) as {
  parameters: Record<string, { values: { from: string; citation: Record<string, string> }[] }>;
};

describe("data/rules/note1-3A090a.json", () => {
  it("every value has a citation with a CFR paragraph and FR document", () => {
    for (const [id, p] of Object.entries(note1.parameters))
      for (const v of p.values) expect(v.citation.cfr && v.citation.frDoc, id).toBeTruthy();
  });
  it("records the effective and compliance dates and which one the presumption binds from", () => {
    const scope = note1At("2025-06-01").scope;
    expect(scope).toMatchObject({ effective: "2025-01-16", compliance: "2025-01-31", bindsFrom: "2025-01-16" });
  });
  it("holds both trigger dates, each with its own citation", () => {
    expect(note1At("2026-04-06").triggerDate).toMatchObject({ date: "2026-04-13", from: "2025-01-16" });
    expect(note1At("2026-04-07").triggerDate).toMatchObject({ date: "2026-12-31", from: "2026-04-07" });
    expect(note1At("2026-04-07").triggerDate.cites).toContain("91 FR 17851");
  });
  it("the year schedule: nothing before 2027, 35 billion in 2027, a gap in 2028, 40 billion from 2029", () => {
    const schedule = note1At("2027-01-01").withoutHbm.schedule;
    expect(withoutHbmEntryFor(schedule, 2026)).toBeUndefined();
    expect(withoutHbmEntryFor(schedule, 2027)).toMatchObject({ kind: "threshold" });
    expect(withoutHbmEntryFor(schedule, 2028)).toMatchObject({ kind: "gap" });
    expect(withoutHbmEntryFor(schedule, 2029)).toMatchObject({ kind: "threshold" });
    expect(withoutHbmEntryFor(schedule, 2100)).toMatchObject({ kind: "threshold" });
  });
  it("refuses a schedule with an overlap, a hole or a closed end", () => {
    expect(() =>
      assertScheduleIsPartition([
        { completedFromYear: 2027, completedThroughYear: 2027 },
        { completedFromYear: 2029, completedThroughYear: null },
      ]),
    ).toThrow(/without overlap or hole/);
    expect(() => assertScheduleIsPartition([{ completedFromYear: 2027, completedThroughYear: 2027 }])).toThrow(
      /open-ended/,
    );
  });
  it("property: for every date from 2025-01-16 exactly one version of each parameter is in force; none before", () => {
    const first = note1FirstDate();
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 6000 }), (offset) => {
        const date = addDays(first, offset);
        for (const [id, p] of Object.entries(note1.parameters)) {
          const inForce = p.values.filter(
            (v, i) => v.from <= date && (p.values[i + 1] === undefined || date < p.values[i + 1]!.from),
          );
          expect(inForce.length, `${id} on ${date}`).toBe(date < first ? 0 : 1);
        }
        expect(note1At(date).inForce).toBe(date >= first);
      }),
    );
  });
  it("property: every completion year falls in exactly one schedule entry, or none before the first", () => {
    const schedule = note1At("2027-01-01").withoutHbm.schedule;
    fc.assert(
      fc.property(fc.integer({ min: 2025, max: 2200 }), (year) => {
        const matching = schedule.filter(
          (e) => e.fromYear <= year && (e.throughYear === null || year <= e.throughYear),
        );
        expect(matching.length).toBe(year < schedule[0]!.fromYear ? 0 : 1);
      }),
    );
  });
});

describe("data/country-groups.json", () => {
  it("Macau is not in D:5; Taiwan only in A:6; the US in A:1 not A:5", () => {
    expect(membership("MO", "D:5", "2027-01-01")).toBe("not-member");
    expect(GROUPS.filter((g) => membership("TW", g, "2027-01-01") === "member")).toEqual(["A:6"]);
    expect(membership("US", "A:1", "2027-01-01")).toBe("member");
    expect(membership("US", "A:5", "2027-01-01")).toBe("not-member");
  });
  it("the UAE: A:5 and out of D:4 from 2026-07-10", () => {
    expect([membership("AE", "A:5", "2026-07-09"), membership("AE", "A:5", "2026-07-10")]).toEqual([
      "not-member",
      "member",
    ]);
    expect([membership("AE", "D:4", "2026-07-09"), membership("AE", "D:4", "2026-07-10")]).toEqual([
      "member",
      "not-member",
    ]);
  });
  it("Cambodia: a written-down gap in D:5, unknown only inside it", () => {
    const [gap] = membershipGaps();
    expect(gap).toMatchObject({ group: "D:5", country: "KH" });
    expect(membership("KH", "D:5", addDays(gap!.unknownFrom, -1))).toBe("member");
    expect(membership("KH", "D:5", gap!.unknownFrom)).toBe("unknown");
    expect(membership("KH", "D:5", gap!.unknownThrough)).toBe("unknown");
    expect(membership("KH", "D:5", addDays(gap!.unknownThrough, 1))).toBe("not-member");
    expect(membership("KH", "D:1", gap!.unknownFrom)).toBe("member");
  });
  it("Hong Kong is looked up as China", () => expect(membership("HK", "D:5", "2027-01-01")).toBe("member"));
});

describe("data/approved-designers.json and approved-osats.json (Supps. 6 and 7)", () => {
  it("ship empty, marked contentsKnown: false, with an as-of date and a source", () => {
    for (const which of ["designers", "osats"] as const) {
      const list = shippedApprovedList(which);
      expect(list).toMatchObject({ contentsKnown: false, entries: [] });
      expect(list.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(list.source.length).toBeGreaterThan(10);
    }
  });
});
