/** The map's structure: one group per placed part, threshold lines where the rules put them, the lists beside. */
import { describe, expect, it } from "vitest";
import { classifyDatasheet } from "../../src/classify/classify.js";
import { parseDatasheet } from "../../src/classify/datasheet.js";
import { readOutcomes } from "../../src/cli/outcomes.js";
import type { RowOutcome } from "../../src/catalogue/classify.js";
import { mapScales, placeParts, renderMap } from "../../src/plot/map.js";
import { rulesAt, type ThresholdId } from "../../src/rules/rules.js";

const rules = rulesAt("2026-11-22");

async function outcomesOf(file: string): Promise<RowOutcome[]> {
  const outcomes: RowOutcome[] = [];
  for await (const outcome of readOutcomes(file, "csv", rules)) outcomes.push(outcome);
  return outcomes;
}

const attributes = (tag: string) =>
  Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));

describe("the TPP × PD map", async () => {
  const outcomes = await outcomesOf("data/examples/catalogue-small.csv");
  const svg = renderMap(outcomes, rules);
  const placed = placeParts(outcomes);

  it("has one group with one circle per placed part, and places every part that has TPP and PD", () => {
    const groups = [...svg.matchAll(/<g class="part"[^>]*>([\s\S]*?)<\/g>/g)];
    expect(groups.length).toBe(placed.plotted.length);
    expect(placed.plotted.map((p) => p.part)).toEqual([
      "H100-SXM5 (example)",
      "Edge-a2",
      "Below-b2",
      "Gaming card",
      "Unknown market",
    ]);
    for (const [, body] of groups) expect(body!.match(/<circle /g)?.length).toBe(1);
    expect(attributes(svg.match(/<g class="part" data-part="Edge-a2"[^>]*>/)![0])["data-clause"]).toBe("3A090.a.2");
  });

  it("draws each threshold line at the value of the rules in force", () => {
    const lines = [...svg.matchAll(/<line class="threshold"[^>]*>/g)].map((m) => attributes(m[0]));
    const ids = lines.map((l) => l["data-threshold"]);
    expect(ids).toEqual(
      expect.arrayContaining([
        "3A090.a.1.tpp",
        "3A090.a.2.tpp",
        "3A090.b.1.tpp.min",
        "3A090.a.2.pd",
        "3A090.b.2.pd.min",
        "3A090.b.1.pd.min",
      ]),
    );
    // The axes the map used are on its root element; each line sits where that scale puts the threshold's value.
    const root = attributes(svg.match(/<svg [^>]*>/)![0]);
    const [xMin, xMax] = root["data-tpp-decades"]!.split(" ").map(Number);
    const [yMin, yMax] = root["data-pd-decades"]!.split(" ").map(Number);
    const scales = mapScales({ min: xMin!, max: xMax! }, { min: yMin!, max: yMax! });
    for (const line of lines) {
      const value = rules.threshold(line["data-threshold"] as ThresholdId)!.value.toApproximateNumber();
      if (line.x1 === line.x2) expect(Number.parseFloat(line.x1!)).toBeCloseTo(scales.xOf(value), 0);
      else expect(Number.parseFloat(line.y1!)).toBeCloseTo(scales.yOf(value), 0);
    }
  });

  it("lists indeterminate, unplaced, HBM and invalid parts beside the plot", () => {
    const list = (name: string) => svg.match(new RegExp(`<g class="list" data-list="${name}">([^]*?)</g>`))?.[1] ?? "";
    expect(list("indeterminate")).toContain("Unknown market: needs datacenter");
    expect(list("without-pd")).toContain("Edge-a1: TPP 4800, 3A090.a.1");
    expect(list("without-pd")).toContain("Planar accelerator");
    expect(list("hbm")).toContain("HBM3E stack: 3A090.c");
    expect(list("invalid")).toContain("Typo row: row 10: tops_fp8");
    expect(list("invalid")).toContain("Ragged row");
  });

  it("has a title naming the rules date and citation, and a legend", () => {
    expect(svg).toMatch(
      /<text class="subtitle"[^>]*>Rules in force on 2026-11-22: 15 CFR 774 Supp\. 1, ECCN 3A090\.a\.1 \(88 FR 73458/,
    );
    expect(svg).toContain('<g class="legend">');
  });

  it("escapes part names for XML", () => {
    const datasheet = parseDatasheet({
      part: '<A&B> "x"',
      datacenter: true,
      units: [{ rates: [{ format: "FP8", tops: "600" }] }],
      dies: [{ areaMm2: "100", logic: true, nonPlanar: true }],
    });
    const map = renderMap(
      [
        {
          kind: "classified",
          row: 2,
          part: datasheet.part,
          datacenter: true,
          result: classifyDatasheet(datasheet, rules),
        },
      ],
      rules,
    );
    expect(map).toContain('data-part="&lt;A&amp;B&gt; &quot;x&quot;"');
    expect(map).not.toContain("<A&B>");
  });

  it("places a point where the scale puts its TPP and PD", () => {
    const scales = mapScales({ min: 2, max: 5 }, { min: 0, max: 2 });
    expect(scales.xOf(100)).toBeCloseTo(90, 6);
    expect(scales.xOf(1e5)).toBeCloseTo(850, 6);
    expect(scales.yOf(1)).toBeCloseTo(810, 6);
    expect(scales.yOf(100)).toBeCloseTo(108, 6);
  });
});

describe("a map of a large catalogue", () => {
  it("draws 150,000 parts as a density view, without overflowing the stack (regression: Math.min(...values) threw RangeError)", () => {
    const result = classifyDatasheet(
      parseDatasheet({
        part: "P",
        datacenter: true,
        units: [{ rates: [{ format: "FP8", tops: "600" }] }],
        dies: [{ areaMm2: "800", logic: true, nonPlanar: true }],
      }),
      rules,
    );
    const outcomes: RowOutcome[] = Array.from({ length: 150_000 }, (_, i) => ({
      kind: "classified",
      row: i + 2,
      part: `P-${i}`,
      datacenter: true,
      result,
    }));
    const svg = renderMap(outcomes, rules);
    expect(svg.match(/<g class="part"/g)).toBeNull();
    expect(svg).toMatch(/<g class="density" data-parts="150000" data-cells="1">/);
    expect(svg).toMatch(/<rect class="cell" data-clause="3A090.a.1" data-count="150000"/);
  });
});
