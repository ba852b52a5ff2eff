/**
 * A synthetic parts catalogue for the benchmark (scripts/bench.ts): rows like
 * a distributor's export, a share of them exactly on a threshold edge of the
 * rules in force (values read from the rules data, never written here).
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { Rational } from "../src/numbers/rational.js";
import type { RuleSet, ThresholdId } from "../src/rules/rules.js";

export const GENERATED_HEADER = [
  "part",
  "vendor",
  "kind",
  "datacenter",
  "tops_fp8",
  "tops_fp16",
  "tops_int8",
  "die_area_mm2",
  "logic_die_area_mm2",
  "non_planar",
  "hbm_bandwidth_gbps",
  "hbm_area_mm2",
  "note",
];

/** A small, fast, seeded generator (mulberry32): the same seed gives the same file. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A decimal string with `decimals` digits after the point, in [min, max). */
function decimal(random: () => number, min: number, max: number, decimals: number): string {
  const scale = 10 ** decimals;
  const units = Math.floor((min + random() * (max - min)) * scale);
  return Rational.of(BigInt(units), BigInt(scale)).toExactString();
}

/**
 * An edge row: TPP or PD exactly equal to a threshold of the rules in force.
 * TPP edges put TPP/8 in tops_fp8; PD edges pick an area and set TPP = PD × area.
 */
function edgeRow(random: () => number, rules: RuleSet, index: number): string[] {
  const tppEdges: ThresholdId[] = ["3A090.a.1.tpp", "3A090.a.2.tpp", "3A090.b.1.tpp.min", "3A090.nonDatacenter.tpp"];
  const pdEdges: ThresholdId[] = ["3A090.a.2.pd", "3A090.b.1.pd.min", "3A090.b.2.pd.min"];
  const eight = Rational.integer(8);
  const datacenter = random() < 0.5 ? "yes" : "no";
  if (random() < 0.4) {
    const t = rules.threshold(tppEdges[Math.floor(random() * tppEdges.length)]!)!;
    const area = decimal(random, 100, 900, 1);
    return [
      `EDGE-T-${index}`,
      "Synthetic",
      "ic",
      datacenter,
      t.value.div(eight).toExactString(),
      "",
      "",
      area,
      "",
      "",
      "",
      "",
      "tpp edge",
    ];
  }
  const t = rules.threshold(pdEdges[Math.floor(random() * pdEdges.length)]!)!;
  // Areas from 300 to 1500 mm² keep TPP = PD × area above the 1600 floor for most edges.
  const area = Rational.of(BigInt(Math.floor((300 + random() * 1200) * 1000)), 1000n);
  const tops = t.value.mul(area).div(eight);
  return [
    `EDGE-P-${index}`,
    "Synthetic",
    "ic",
    "yes",
    tops.toExactString(),
    "",
    "",
    area.toExactString(),
    "",
    "",
    "",
    "",
    "pd edge",
  ];
}

function ordinaryRow(random: () => number, index: number): string[] {
  const r = random();
  if (r < 0.02) {
    return [
      `HBM-${index}`,
      "Synthetic",
      "hbm",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      decimal(random, 400, 2000, 1),
      decimal(random, 80, 140, 2),
      "memory stack",
    ];
  }
  if (r < 0.021)
    return [`BAD-${index}`, "Synthetic", "ic", "maybe", "1,979", "", "", "814", "", "", "", "", "invalid on purpose"];
  const datacenter = ["yes", "no", "", "Yes", "FALSE"][Math.floor(random() * 5)]!;
  const fp8 = decimal(random, 1, 2500, 1);
  const fp16 = random() < 0.7 ? decimal(random, 0.5, 1250, 2) : "";
  const int8 = random() < 0.3 ? decimal(random, 1, 2500, 0) : "";
  const byLogic = random() < 0.15;
  const area = decimal(random, 50, 900, 1);
  const nonPlanar = byLogic ? ["yes", "no", ""][Math.floor(random() * 3)]! : "";
  const note = random() < 0.05 ? 'spec sheet "rev B", see notes' : "";
  return [
    `SYN-${index}`,
    random() < 0.5 ? "Acme, Inc." : "Globex",
    "",
    datacenter,
    fp8,
    fp16,
    int8,
    byLogic ? "" : area,
    byLogic ? area : "",
    nonPlanar,
    "",
    "",
    note,
  ];
}

/** One generated row (index from 0). */
export function generatedRow(random: () => number, rules: RuleSet, index: number, edgeShare: number): string[] {
  return random() < edgeShare ? edgeRow(random, rules, index) : ordinaryRow(random, index);
}

function csvLine(fields: readonly string[]): string {
  return fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(",");
}

/** Writes a catalogue of `rows` rows (plus header) to `path`. */
export async function writeCatalogue(
  path: string,
  rows: number,
  rules: RuleSet,
  { seed = 20261122, edgeShare = 0.02 } = {},
): Promise<void> {
  const random = seeded(seed);
  const out = createWriteStream(path);
  let buffer = `${csvLine(GENERATED_HEADER)}\n`;
  for (let i = 0; i < rows; i++) {
    buffer += `${csvLine(generatedRow(random, rules, i, edgeShare))}\n`;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
  }
  out.end(buffer);
  await once(out, "finish");
}
