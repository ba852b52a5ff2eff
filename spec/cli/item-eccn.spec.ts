/**
 * `ic3a090 classify` answers the item's ECCN: in the JSON (`itemEccn`,
 * `itemBasis`), in the CSV (`item_eccn`), and for `--fail-on`, which accepts
 * item paragraphs and .z paragraphs.
 */
import { describe, expect, it } from "vitest";
import { runCli } from "../cli.js";

const DATE = ["--date", "2026-09-01"];

describe("classify: the item as shipped", () => {
  it("prints itemEccn and itemBasis for a card, a baseboard, a 5A992.c module and a 5A002.a baseboard", () => {
    const eccnOf = (file: string) =>
      JSON.parse(runCli(["classify", `data/examples/${file}`, ...DATE]).stdout) as {
        itemEccn: string;
        itemBasis: { citation: string }[];
      };
    const results = [
      "h100-pcie-card.json",
      "hgx-h100-baseboard.json",
      "h20-module-5a992c.json",
      "hgx-h100-baseboard-5a002a.json",
    ].map(eccnOf);
    expect(results.map((r) => r.itemEccn)).toEqual(["4A090.a", "4A090.a", "5A992.c", "5A002.z.1.a"]);
    for (const result of results)
      for (const step of result.itemBasis)
        expect(step.citation).toMatch(/^15 CFR 774 Supp\. 1, .*confidence (High|Medium|Low)/);
  });

  it("--fail-on 4A090.a and --fail-on 5A992.z match the item ECCN (exit 1); 5A002.z does not match 5A992.z.1 (exit 0)", () => {
    expect(runCli(["classify", "data/examples/hgx-h100-baseboard.json", "--fail-on", "4A090.a", ...DATE]).status).toBe(
      1,
    );
    expect(runCli(["classify", "data/examples/items.jsonl", "--fail-on", "5A992.z", ...DATE]).status).toBe(1);
    expect(
      runCli(["classify", "data/examples/hgx-h100-baseboard.json", "--fail-on", "5A002.z,4A994.l", ...DATE]).status,
    ).toBe(0);
  });

  it("refuses --fail-on with a .z paragraph of an entry that has none (exit 2)", () => {
    const run = runCli(["classify", "data/examples/h100.json", "--fail-on", "3A090.z", ...DATE]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--fail-on: "3A090\.z" is not one of .*4A090\.a, 4A090\.b, 4A994\.l, 3A991\.p/);
  });

  it("refuses an unknown form and a malformed baseEccn (exit 65), naming the field", () => {
    const bad = runCli(["classify", "-", ...DATE], {
      input:
        '{"part": "x", "form": "card", "baseEccn": "5A992c", "units": [{"rates": [{"format": "FP8", "tops": "1"}]}]}',
    });
    expect(bad.status).toBe(65);
    expect(bad.stderr).toMatch(/form: /);
    expect(bad.stderr).toMatch(/baseEccn: must be an ECCN paragraph such as "5A992\.c"/);
  });
});
