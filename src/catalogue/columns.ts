/**
 * # Catalogue column names: aliases read, look-alikes refused
 *
 * A catalogue's header is read once, up front. A column a spreadsheet spells
 * differently from the canonical name is read when the difference is only in
 * its writing (docs/catalogue.md#column-names):
 *
 * - case, spaces, hyphens and underscores: `Die Area mm2`, `die-area-mm2`;
 * - `tflops_` for `tops_`, and the format first: `tflops_fp8`, `FP8 TFLOPS`,
 *   `TOPS FP8`, `FP8 (TFLOPS)`, `tops_fp8 (dense)`;
 * - the unit in brackets, when it is the column's own unit: `Die area (mm2)`,
 *   `Die area [mm²]`, `HBM bandwidth (GB/s)`.
 *
 * A column that looks like a figure but is none of these (`flops_fp8`,
 * `Die area (cm2)`, `FP8 TOPS (sparse)`, `hbm_bw`, `datacentre`) is refused:
 * its figure would otherwise be lost without a word, and a lost TOPS column
 * can turn a 3A090.a.1 part into `none`. Any other column (`vendor`,
 * `source_tops`, `datacenter_basis`) passes through untouched.
 */
import { editDistance, normaliseName } from "../input/nearest-name.js";

/** The columns the catalogue reads (canonical spelling); any other column is passed through. */
export const CATALOGUE_COLUMNS = [
  "part",
  "kind",
  "datacenter",
  "die_area_mm2",
  "logic_die_area_mm2",
  "non_planar",
  "hbm_bandwidth_gbps",
  "hbm_area_mm2",
  "form",
  "base_eccn",
  "io_bandwidth_gbps",
  "interconnect_gbps",
] as const;
export type CatalogueColumn = (typeof CATALOGUE_COLUMNS)[number];
export const TOPS_PREFIX = "tops_";

/** What a header cell names. */
export type ColumnReading =
  | { readonly kind: "column"; readonly column: CatalogueColumn }
  | { readonly kind: "tops"; readonly format: string }
  /** Looks like a figure the catalogue reads, but is not one: refused, with the nearest column. */
  | { readonly kind: "look-alike"; readonly nearest: string; readonly why?: string }
  | { readonly kind: "other" };

/** Units written in brackets after a column name, by the column suffix they stand for. */
const BRACKET_UNITS: Readonly<Record<string, string>> = {
  mm2: "mm2",
  "mm²": "mm2",
  "mm^2": "mm2",
  "sq mm": "mm2",
  "gb/s": "gbps",
  gbps: "gbps",
  tops: "tops",
  tflops: "tops",
  dense: "dense",
};

/** A format name as a header writes it: fp8, int8, bf16, tf32, fp4, mxfp4, e4m3. */
const FORMAT_NAME = /^(?:fp|int|uint|bf|tf|mxfp|nvfp|mxint)\d+[a-z0-9]*$|^e\dm\d$/;

/** `Die area (mm2)` → ["die_area", "mm2"]; `FP8 TFLOPS` → ["fp8_tflops", undefined]. */
function splitBracket(name: string): { base: string; bracket: string | undefined } {
  const match = /^(.*?)\s*[([]\s*([^)\]]*?)\s*[)\]]\s*$/.exec(name.trim());
  const base = (match ? match[1]! : name).trim();
  return { base: snake(base), bracket: match ? match[2]!.toLowerCase() : undefined };
}

/** Lower case with runs of spaces, hyphens and underscores as one underscore. */
function snake(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s\-_]+/g, "_")
    .replace(/^_|_$/g, "");
}

/** `tops_fp8`, `tflops_fp8`, `fp8_tflops`, `fp8_tops` → "fp8"; anything else undefined. */
function topsFormat(base: string): string | undefined {
  const prefixed = /^t(?:fl)?ops_(.+)$/.exec(base);
  if (prefixed) return prefixed[1]!;
  const suffixed = /^(.+)_t(?:fl)?ops$/.exec(base);
  if (suffixed && FORMAT_NAME.test(suffixed[1]!)) return suffixed[1]!;
  return undefined;
}

const COMPACT_COLUMNS = new Map(CATALOGUE_COLUMNS.map((column) => [normaliseName(column), column]));
const FIGURE_COLUMNS: readonly CatalogueColumn[] = [
  "datacenter",
  "die_area_mm2",
  "logic_die_area_mm2",
  "non_planar",
  "hbm_bandwidth_gbps",
  "hbm_area_mm2",
  "interconnect_gbps",
];

/** Shapes of a header that mean a figure: a rate, an area, an HBM figure, a planarity. Each with the column meant. */
const LOOK_ALIKES: readonly { readonly test: RegExp; readonly nearest: (base: string) => string }[] = [
  {
    test: /^(?:[pgt]?flops|tops|peak_t?(?:fl)?ops)(?:_|$)/,
    nearest: (base) => `tops_${/_(.+)$/.exec(base)?.[1] ?? "<format>"}`,
  },
  {
    test: /^(?:fp|int|uint|bf|tf|mxfp|nvfp)\d+.*_(?:[pgt]?flops|tops)$/,
    nearest: (base) => `tops_${base.split("_")[0]}`,
  },
  { test: /^(?:fp|int|bf|tf)\d+$/, nearest: (base) => `tops_${base}` },
  { test: /^logic_(?:die_)?area/, nearest: () => "logic_die_area_mm2" },
  { test: /^(?:(?:applicable_)?die_)?area(?:_|$)/, nearest: () => "die_area_mm2" },
  { test: /^hbm_(?:bw|bandwidth)/, nearest: () => "hbm_bandwidth_gbps" },
  { test: /^hbm_/, nearest: () => "hbm_area_mm2" },
  { test: /^(?:non_?planar|planar|finfet)/, nearest: () => "non_planar" },
  {
    test: /^(?:interconnect|(?:aggregate_)?(?:bidirectional_)?transfer_rate)(?:_|$)/,
    nearest: () => "interconnect_gbps",
  },
];

/**
 * What one header cell names.
 *
 * @example readColumnName("Die area (mm2)") → { kind: "column", column: "die_area_mm2" }
 * @example readColumnName("FP8 TFLOPS") → { kind: "tops", format: "fp8" }
 * @example readColumnName("flops_fp8") → { kind: "look-alike", nearest: "tops_fp8" }
 * @example readColumnName("vendor") → { kind: "other" }
 */
export function readColumnName(name: string): ColumnReading {
  const { base, bracket } = splitBracket(name);
  const unit = bracket === undefined ? undefined : BRACKET_UNITS[bracket];
  if (bracket !== undefined && unit === undefined) {
    const inner = readColumnName(base);
    if (inner.kind === "other") return inner;
    const nearest =
      inner.kind === "column" ? inner.column : inner.kind === "tops" ? `${TOPS_PREFIX}${inner.format}` : inner.nearest;
    return { kind: "look-alike", nearest, why: `"(${bracket})" is not a unit or qualifier the column takes` };
  }
  const written = unit === undefined || unit === "dense" ? base : unit === "tops" ? `${base}_tops` : `${base}_${unit}`;
  const format = topsFormat(written);
  if (format !== undefined) return { kind: "tops", format };
  const column = COMPACT_COLUMNS.get(normaliseName(written));
  if (column !== undefined && unit !== "dense") return { kind: "column", column };
  const lookAlike = LOOK_ALIKES.find((shape) => shape.test.test(written));
  if (lookAlike) return { kind: "look-alike", nearest: lookAlike.nearest(written) };
  const compact = normaliseName(written);
  const near = FIGURE_COLUMNS.find((known) => editDistance(compact, normaliseName(known)) <= 2);
  if (near !== undefined) return { kind: "look-alike", nearest: near };
  return { kind: "other" };
}

/** The recognised columns, for messages. */
export const RECOGNISED_COLUMNS_TEXT = `${CATALOGUE_COLUMNS.join(", ")}, tops_<format> (aliases: docs/catalogue.md#column-names)`;

/** The message for a look-alike column (the recognised columns are listed once, after every look-alike). */
export function lookAlikeMessage(reading: Extract<ColumnReading, { kind: "look-alike" }>): string {
  return (
    `looks like a figure but is not a column the catalogue reads${reading.why ? ` (${reading.why})` : ""}; did ` +
    `you mean ${JSON.stringify(reading.nearest)}?`
  );
}

/** The issue that closes a header's look-alike issues. */
export const RECOGNISED_COLUMNS_ISSUE = {
  path: "",
  message: `recognised columns: ${RECOGNISED_COLUMNS_TEXT}`,
} as const;
