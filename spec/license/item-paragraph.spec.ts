/**
 * Step 1: the item paragraph. `itemParagraphOf` takes the classifier's item
 * ECCN (`itemEccn`) where it gives one, else the IC's ECCN; `tierOf` reads the
 * .a/.b tier of 3A090, 4A090 and the .z paragraphs.
 */
import { describe, expect, it } from "vitest";
import { classify } from "../../src/classify/classify.js";
import { itemParagraphOf, tierOf } from "../../src/license/classification.js";
import { license } from "../../src/license/license.js";
import { shipment } from "./build.js";
import { readFileSync } from "node:fs";
import type { InvalidInputError } from "../../src/classify/datasheet.js";

const h100 = JSON.parse(readFileSync("data/examples/h100.json", "utf8"));

describe("itemParagraphOf", () => {
  it("without itemEccn: the IC's ECCN", () => {
    expect(itemParagraphOf(classify(h100, { date: "2026-11-29" }))).toBe("3A090.a");
  });
  it("with itemEccn (a board): the item's paragraph", () => {
    expect(itemParagraphOf({ ...classify(h100, { date: "2026-11-29" }), itemEccn: "4A090.a" } as never)).toBe(
      "4A090.a",
    );
  });
});

describe("tierOf", () => {
  it.each([
    ["3A090.a", "a"],
    ["4A090.b", "b"],
    ["3A090.c", "c"],
    ["5A992.z.1", "a"],
    ["5A992.z.2", "b"],
    ["4A004.z.2", "b"],
    ["5A002.z.3.a", "a"],
    ["3A001.z.4.b", "b"],
    ["5A002.z.1", null],
    ["4A994.l", "other"],
    ["indeterminate", "indeterminate"],
  ])("%s → %s", (eccn, tier) => {
    expect(tierOf(eccn)).toBe(tier);
  });
});

describe("a datasheet item", () => {
  it("is classified on the shipment's date and its TPP and datacenter design carried over", () => {
    const result = license(
      {
        ...shipment({ destination: "CN" }),
        item: { datasheet: h100, dramBandwidthGBps: "3350", commerciallyAvailableInUs: true },
      },
      { date: "2026-11-29" },
    );
    expect(result.itemEccn).toBe("3A090.a");
    expect(result.reviewPolicy).toBe("case-by-case");
  });
  it("a bad datasheet names the field under item.datasheet", () => {
    try {
      license({ ...shipment(), item: { datasheet: { part: "X", units: "none" } } }, { date: "2026-11-29" });
      expect.unreachable();
    } catch (error) {
      expect((error as InvalidInputError).issues[0]!.path).toBe("item.datasheet.units");
    }
  });
  it("eccn and datasheet together are refused", () => {
    expect(() =>
      license({ ...shipment(), item: { eccn: "3A090.a", datasheet: h100 } }, { date: "2026-11-29" }),
    ).toThrow(/not both/);
  });
});
