/**
 * Country codes are checked against the officially assigned ISO 3166-1
 * alpha-2 codes (data/iso-3166-1-alpha-2.json). An unknown code is an input
 * error naming the field: a typo must never pass as a country that is simply
 * in no group (regression: "XX" once passed route b as "outside Macau and D:5").
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../src/index.js";
import { check, DESIGNER_US, order } from "./build.js";

const iso = JSON.parse(readFileSync("data/iso-3166-1-alpha-2.json", "utf8")) as { codes: Record<string, string> };

describe("ISO 3166-1 alpha-2 country codes", () => {
  it("the list has the 249 assigned codes, and every code in the country-group data is on it", () => {
    expect(Object.keys(iso.codes)).toHaveLength(249);
    const groups = readFileSync("data/country-groups.json", "utf8");
    const used = new Set(groups.match(/"[A-Z]{2}"/g)!.map((quoted) => quoted.slice(1, 3)));
    expect([...used].filter((code) => !(code in iso.codes))).toEqual([]);
  });

  it.each([
    ["packaging.location", { packaging: { by: "front-end-fabricator", location: "XX" } }],
    ["designer.ultimateParentHeadquarters", { designer: { ...DESIGNER_US, ultimateParentHeadquarters: "QQ" } }],
    ["designer.locations[1]", { designer: { ...DESIGNER_US, locations: ["US", "ZZ"] } }],
    ["designer.headquarters", { designer: { ...DESIGNER_US, headquarters: "UK" } }],
  ])("an unknown code at %s is an input error naming the field", (path, changes) => {
    let caught: unknown;
    try {
      check(order(changes));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidInputError);
    expect((caught as InvalidInputError).issues.map((issue) => issue.path)).toContain(path);
  });

  it("assigned codes pass: TW, MO (Macau), HK (Hong Kong), AE", () => {
    for (const location of ["TW", "MO", "HK", "AE"]) {
      expect(() => check(order({ packaging: { by: "front-end-fabricator", location } }))).not.toThrow();
    }
  });
});
