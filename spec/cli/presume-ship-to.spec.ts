/**
 * `presume --ship-to CC --end-user-hq CC` (or the order's shipTo/endUser): the
 * licence answer for the foundry's shipment of the IC as Note 1 leaves it.
 */
import { describe, expect, it } from "vitest";
import { runCli } from "../cli.js";

const presume = (...args: string[]) => runCli(["presume", "data/examples/order-missing.json", ...args]);

describe("presume with a ship-to", () => {
  it("a presumed 3A090.a IC shipped from Taiwan to a Chinese company: licence, presumption of denial (not exported from the US)", () => {
    const run = presume("--ship-to", "CN", "--end-user-hq", "CN", "--end-user-parent-hq", "none");
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.presumption).toBe("applies");
    expect(result.license).toMatchObject({
      itemEccn: "3A090.a",
      licenseRequired: "yes",
      reviewPolicy: "presumption of denial",
      exceptions: [],
    });
  });
  it("the same IC to a German company in Germany: no licence in mode enforced", () => {
    const result = JSON.parse(presume("--ship-to", "DE", "--end-user-hq", "DE", "--end-user-parent-hq", "none").stdout);
    expect(result.license.licenseRequired).toBe("no");
  });
  it("a Singapore consignee whose parent is in China: H1", () => {
    const result = JSON.parse(presume("--ship-to", "SG", "--end-user-hq", "SG", "--end-user-parent-hq", "CN").stdout);
    expect(result.license.rows.map((r: { id: string }) => r.id)).toEqual(["H1"]);
  });
  it("an overcome presumption without the designer's figures: the item is indeterminate, never a silent no", () => {
    const result = JSON.parse(
      runCli([
        "presume",
        "data/examples/order-route-b.json",
        "--ship-to",
        "DE",
        "--end-user-hq",
        "DE",
        "--end-user-parent-hq",
        "none",
      ]).stdout,
    );
    expect(result.presumption).toBe("overcome");
    expect(result.license.licenseRequired).toBe("indeterminate");
  });
  it("without a ship-to there is no license field; a bad --ship-to is a usage error", () => {
    expect(JSON.parse(presume().stdout)).not.toHaveProperty("license");
    expect(presume("--ship-to", "XX").status).toBe(2);
  });
  it("the order's own shipTo and endUser fields work the same", () => {
    const order = {
      part: "X",
      exporter: "front-end-fabricator",
      completionDate: "2027-05-20",
      logic: true,
      nonPlanar: true,
      nodeNm: "4",
      containsHbm: true,
      aggregatedApproximatedTransistorCount: "80000000000",
      shipTo: "MY",
      shipFrom: "TW",
      endUser: { headquarters: "MY", ultimateParentHeadquarters: "MO" },
    };
    const result = JSON.parse(runCli(["presume", "-"], { input: JSON.stringify(order) }).stdout);
    expect(result.license.rows.map((r: { id: string }) => r.id)).toContain("H1");
  });
});
