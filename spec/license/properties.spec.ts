/**
 * Properties of the licence answer (fixed seed, spec/setup.ts):
 * - adding a red flag, an overlay, or a D:5/Macau headquarters never turns a
 *   `yes` into a `no` (monotone in the facts that add requirements);
 * - `as-written` never needs fewer licences than `enforced`.
 * Inputs are drawn around the edges (21,000 TPP, 6,500 GB/s, the dates).
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { answer, type ShipmentSketch } from "./build.js";

const sketch = fc.record({
  item: fc.record({
    eccn: fc.constantFrom(
      "3A090.a",
      "3A090.b",
      "3A090.c",
      "4A090.a",
      "4A090.b",
      "5A992.z.1",
      "5A002.z.1.b",
      "4A994.l",
      "EAR99",
      "indeterminate",
    ),
    datacenter: fc.constantFrom(true, false, undefined),
    tpp: fc.constantFrom("15832", "21000", "20999.999999", "5285", undefined),
    dramBandwidthGBps: fc.constantFrom("4800", "6500", "6499.999999", undefined),
    commerciallyAvailableInUs: fc.constantFrom(true, false, undefined),
    memoryBandwidthDensity: fc.constantFrom("3.3", "3.299999", undefined),
  }),
  destination: fc.constantFrom("CN", "HK", "MO", "RU", "VN", "SA", "AE", "IL", "DE", "MY", "SG", "IR", "US"),
  transaction: fc.constantFrom("export", "reexport", "transfer"),
  exportFrom: fc.constantFrom("US", "JP"),
  endUser: fc.record({
    headquarters: fc.constantFrom("DE", "MY", "US", undefined),
    ultimateParentHeadquarters: fc.constantFrom(null, "JP", undefined),
    entityList: fc.constantFrom(false, undefined),
  }),
});
const date = fc.constantFrom(
  "2025-05-12",
  "2025-05-13",
  "2026-01-14",
  "2026-01-15",
  "2026-07-09",
  "2026-07-10",
  "2026-11-29",
);

const clean = (value: ShipmentSketch) => JSON.parse(JSON.stringify(value)) as ShipmentSketch;
const neverYesToNo = (before: string, after: string) => !(before === "yes" && after === "no");

describe("monotone: more requirements never lift a licence", () => {
  test.prop([
    sketch,
    date,
    fc.constantFrom(
      "supercomputer",
      "advancedNodeFab",
      "aiTraining",
      "prc3A090Ic",
      "entityList",
      "redFlag",
      "hq",
      "parentHq",
    ),
  ])("adding an overlay, a red flag or a D:5/Macau headquarters never turns yes into no", (base, day, addition) => {
    const before = answer(clean(base), day);
    const added = clean(base);
    if (addition === "supercomputer" || addition === "advancedNodeFab" || addition === "prc3A090Ic")
      added.endUse = { [addition]: true };
    if (addition === "aiTraining") added.endUse = { aiTraining: "wmd" };
    if (addition === "entityList") added.endUser = { ...added.endUser, entityList: true };
    if (addition === "redFlag") added.answers = { redFlags: { "RF-D3": true } };
    if (addition === "hq") added.endUser = { ...added.endUser, headquarters: "CN" };
    if (addition === "parentHq") added.endUser = { ...added.endUser, ultimateParentHeadquarters: "MO" };
    const after = answer(added, day);
    expect(neverYesToNo(before.licenseRequired, after.licenseRequired)).toBe(true);
    if (before.licenseRequired === "yes") expect(after.licenseRequired).toBe("yes");
  });
});

describe("as-written never needs fewer licences than enforced", () => {
  test.prop([sketch, date])("enforced yes implies as-written yes", (base, day) => {
    const enforced = answer(clean(base), day, "enforced");
    const asWritten = answer(clean(base), day, "as-written");
    if (enforced.licenseRequired === "yes") expect(asWritten.licenseRequired).toBe("yes");
    if (asWritten.licenseRequired === "no") expect(enforced.licenseRequired).toBe("no");
  });
});
