/**
 * The bundled catalogue's parts as datasheet JSON (figures as the decimal
 * strings written in the CSV), for the app's "pick a part" list: read once
 * from the package's data, never from a request.
 */
import { readFileSync } from "node:fs";
import { CsvSplitter } from "../catalogue/csv.js";
import { dataUrl } from "../rules/dated.js";

export interface BundledPart {
  readonly part: string;
  readonly datasheet: Record<string, unknown>;
}

const RATE_COLUMN = /^tops_(.+)$/;

function datasheetOfRow(row: Record<string, string>): Record<string, unknown> {
  if (row.kind === "hbm") {
    return { part: row.part, kind: "hbm", bandwidthGBps: row.hbm_bandwidth_gbps, areaMm2: row.hbm_area_mm2 };
  }
  const rates = Object.entries(row).flatMap(([column, value]) => {
    const format = RATE_COLUMN.exec(column)?.[1];
    return format && value !== "" ? [{ format: format.toUpperCase(), tops: value }] : [];
  });
  const datacenter = row.datacenter === "yes" ? true : row.datacenter === "no" ? false : null;
  return {
    part: row.part,
    kind: "ic",
    datacenter,
    units: [{ count: 1, rates }],
    ...(row.die_area_mm2 ? { dies: [{ name: "die", areaMm2: row.die_area_mm2, logic: true }] } : {}),
  };
}

export function bundledDatasheets(): BundledPart[] {
  const splitter = new CsvSplitter();
  const records = [...splitter.push(readFileSync(dataUrl("catalogue/chips.csv"), "utf8")), ...splitter.end()];
  const header = records[0]?.fields ?? [];
  return records.slice(1).map((record) => {
    const row = Object.fromEntries(header.map((name, index) => [name, record.fields[index] ?? ""]));
    return { part: row.part ?? "", datasheet: datasheetOfRow(row) };
  });
}
