/**
 * # The map: where parts sit against 3A090.a and .b
 *
 * Every classified part on log-scale axes of 'total processing performance'
 * (x) and 'performance density' (y), over the regions of 3A090.a.1, .a.2,
 * .b.1 and .b.2 as the rules in force on the date draw them: every line and
 * region edge is a threshold read from the dated rules data. Parts that
 * cannot be placed (no performance density, HBM, invalid rows) are listed
 * beside the plot. A plain SVG, for a browser.
 *
 * Positions use `Rational.toApproximateNumber`, for drawing only; the
 * colour of a point is the clause the exact classifier gave.
 */
import { escapeXml } from "../render/escape.js";
import type { Clause } from "../classify/result.js";
import type { Rational } from "../numbers/rational.js";
import { parseDecimal } from "../numbers/rational.js";
import type { RuleSet, Threshold, ThresholdId } from "../rules/rules.js";
import type { RowOutcome } from "../catalogue/classify.js";

export const WIDTH = 1280;
export const HEIGHT = 900;
/** The plotting area. */
export const PLOT = { left: 90, top: 108, width: 760, height: 702 } as const;
const PANEL_X = 900;
const FONT = 11;
/** Approximate width of one character at FONT px (a proportional sans font). */
const CHAR_WIDTH = 6.2;
const MAX_LABELS = 300;
const MAX_LISTED = 28;

const TPP_LINES: ThresholdId[] = ["3A090.a.1.tpp", "3A090.b.1.tpp.min", "3A090.a.2.tpp"];
const PD_LINES: ThresholdId[] = ["3A090.a.2.pd", "3A090.b.2.pd.min", "3A090.b.1.pd.min"];

/** Colour of each outcome; a closed switch so a new clause cannot be forgotten. */
export function clauseColour(clause: Clause): string {
  switch (clause) {
    case "3A090.a.1":
    case "3A090.a.2":
      return "#c0392b";
    case "3A090.b.1":
    case "3A090.b.2":
      return "#e67e22";
    case "3A090.c":
      return "#8e44ad";
    case "none":
      return "#27ae60";
    case "indeterminate":
      return "#7f8c8d";
  }
}

/** A log-scale axis from 10^min to 10^max over `length` pixels. */
export interface LogAxis {
  readonly min: number;
  readonly max: number;
}

function axisFor(values: readonly number[], thresholds: readonly number[]): LogAxis {
  // A loop, not Math.min(...values): spreading a large catalogue overflows the call stack.
  let low = Infinity;
  let high = -Infinity;
  for (const list of [values, thresholds]) {
    for (const v of list) {
      if (v <= 0) continue;
      if (v < low) low = v;
      if (v > high) high = v;
    }
  }
  return { min: Math.floor(Math.log10(low) - 0.05), max: Math.ceil(Math.log10(high) + 0.05) };
}

/** The scales of a map: data value → pixel. */
export interface MapScales {
  readonly x: LogAxis;
  readonly y: LogAxis;
  xOf(tpp: number): number;
  yOf(pd: number): number;
}

export function mapScales(x: LogAxis, y: LogAxis): MapScales {
  return {
    x,
    y,
    xOf: (tpp) => PLOT.left + ((Math.log10(tpp) - x.min) / (x.max - x.min)) * PLOT.width,
    yOf: (pd) => PLOT.top + PLOT.height - ((Math.log10(pd) - y.min) / (y.max - y.min)) * PLOT.height,
  };
}

const round = (value: number) => Math.round(value * 10) / 10;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

function threshold(rules: RuleSet, id: ThresholdId): Threshold {
  const t = rules.threshold(id);
  if (!t) throw new Error(`threshold ${id} is not in force on ${rules.date}`);
  return t;
}

/** A part placed on the map. */
export interface PlottedPart {
  readonly part: string;
  readonly row: number;
  readonly clause: Clause;
  readonly datacenter: boolean | null;
  readonly tpp: number;
  readonly pd: number;
}

/** Above this many placed parts the map draws a density view (binned cells) instead of one mark per part. */
export const DENSITY_ABOVE = 5000;
/** Cells per decade of each axis in the density view. */
const CELLS_PER_DECADE = 12;

/** A cell of the density view: how many parts of each colour group fall in it. */
export interface DensityCell {
  readonly tppCell: number;
  readonly pdCell: number;
  readonly counts: Map<Clause, number>;
}

/** A list beside the plot: its first items and how many there were. */
export interface ListedItems {
  readonly items: string[];
  count: number;
}

/**
 * The parts of a map, gathered one outcome at a time in bounded memory: the
 * placed parts (or, above {@link DENSITY_ABOVE}, cells counting them), and
 * the first {@link MAX_LISTED} items of each list beside the plot with counts.
 */
export class MapParts {
  plotted: PlottedPart[] = [];
  readonly cells = new Map<string, DensityCell>();
  placedCount = 0;
  read = 0;
  readonly lists = { indeterminate: list(), invalid: list(), withoutPd: list(), hbm: list() };

  get dense(): boolean {
    return this.cells.size > 0;
  }

  add(outcome: RowOutcome): void {
    this.read++;
    if (outcome.kind === "invalid") {
      push(this.lists.invalid, `${outcome.part ?? "(no part)"}: ${outcome.message}`);
      return;
    }
    const { result } = outcome;
    if (result.kind === "hbm") {
      const density = result.memoryBandwidthDensity ? `, ${result.memoryBandwidthDensity} GB/s/mm²` : "";
      push(this.lists.hbm, `${outcome.part}: ${result.clause}${density}`);
      return;
    }
    const tpp = result.tpp === null ? undefined : parseDecimal(result.tpp);
    const pd = result.performanceDensityExact === null ? undefined : fraction(result.performanceDensityExact);
    if (result.clause === "indeterminate")
      push(
        this.lists.indeterminate,
        `${outcome.part}: needs ${result.missing.map((m) => m.split(/[:( ]/, 1)[0]).join(", ")}`,
      );
    if (tpp === undefined || pd === undefined || tpp.isZero() || pd.isZero()) {
      if (result.clause !== "indeterminate")
        push(this.lists.withoutPd, `${outcome.part}: TPP ${result.tpp ?? "?"}, ${result.clause}`);
      return;
    }
    this.place({
      part: outcome.part,
      row: outcome.row,
      clause: result.clause,
      datacenter: outcome.datacenter,
      tpp: tpp.toApproximateNumber(),
      pd: pd.toApproximateNumber(),
    });
  }

  private place(part: PlottedPart): void {
    this.placedCount++;
    if (!this.dense) {
      this.plotted.push(part);
      if (this.plotted.length <= DENSITY_ABOVE) return;
      for (const p of this.plotted) this.bin(p);
      this.plotted = [];
      return;
    }
    this.bin(part);
  }

  private bin(part: PlottedPart): void {
    const tppCell = Math.floor(Math.log10(part.tpp) * CELLS_PER_DECADE);
    const pdCell = Math.floor(Math.log10(part.pd) * CELLS_PER_DECADE);
    const key = `${tppCell} ${pdCell}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { tppCell, pdCell, counts: new Map() };
      this.cells.set(key, cell);
    }
    cell.counts.set(part.clause, (cell.counts.get(part.clause) ?? 0) + 1);
  }
}

function list(): ListedItems {
  return { items: [], count: 0 };
}

function push(listed: ListedItems, item: string): void {
  listed.count++;
  if (listed.items.length < MAX_LISTED) listed.items.push(item);
}

/** Splits outcomes into parts that can be placed and the lists beside the plot (the first items of each). */
export function placeParts(outcomes: Iterable<RowOutcome>) {
  const parts = new MapParts();
  for (const outcome of outcomes) parts.add(outcome);
  const { lists } = parts;
  return {
    plotted: parts.plotted,
    indeterminate: lists.indeterminate.items,
    invalid: lists.invalid.items,
    withoutPd: lists.withoutPd.items,
    hbm: lists.hbm.items,
  };
}

/** "7916/407" or "19" as a Rational. */
function fraction(text: string): Rational {
  const [num, den] = text.split("/");
  const value = parseDecimal(num!);
  return den === undefined ? value : value.div(parseDecimal(den));
}

/** The map as an SVG document. */
export function renderMap(
  outcomes: readonly RowOutcome[] | MapParts,
  rules: RuleSet,
  { title = "ECCN 3A090: parts by TPP and performance density" } = {},
): string {
  let parts: MapParts;
  if (outcomes instanceof MapParts) parts = outcomes;
  else {
    parts = new MapParts();
    for (const outcome of outcomes) parts.add(outcome);
  }
  const { plotted, lists } = parts;
  const cells = [...parts.cells.values()];
  const cellEdges = (which: "tppCell" | "pdCell") =>
    cells.flatMap((c) => [10 ** (c[which] / CELLS_PER_DECADE), 10 ** ((c[which] + 1) / CELLS_PER_DECADE)]);
  const tppLines = TPP_LINES.map((id) => threshold(rules, id));
  const pdLines = PD_LINES.map((id) => threshold(rules, id));
  const scales = mapScales(
    axisFor(
      [...plotted.map((p) => p.tpp), ...cellEdges("tppCell")],
      tppLines.map((t) => t.value.toApproximateNumber()),
    ),
    axisFor(
      [...plotted.map((p) => p.pd), ...cellEdges("pdCell")],
      pdLines.map((t) => t.value.toApproximateNumber()),
    ),
  );
  const { xOf, yOf } = scales;
  const right = PLOT.left + PLOT.width;
  const bottom = PLOT.top + PLOT.height;
  const v = (id: ThresholdId) => threshold(rules, id).value.toApproximateNumber();
  const clampX = (value: number) => Math.min(right, Math.max(PLOT.left, value));
  const clampY = (value: number) => Math.min(bottom, Math.max(PLOT.top, value));
  const out: string[] = [];

  out.push(`<?xml version="1.0" encoding="UTF-8"?>`);
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 ` +
      `0 ${WIDTH} ${HEIGHT}" data-tpp-decades="${scales.x.min} ${scales.x.max}" ` +
      `data-pd-decades="${scales.y.min} ${scales.y.max}" font-family="Helvetica, Arial, sans-serif" ` +
      `font-size="${FONT}">`,
  );
  out.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`);
  const a1 = threshold(rules, "3A090.a.1.tpp");
  out.push(`<text class="title" x="${PLOT.left}" y="30" font-size="18" font-weight="bold">${escapeXml(title)}</text>`);
  out.push(
    `<text class="subtitle" x="${PLOT.left}" y="52" font-size="12">Rules in force ` +
      `on ${escapeXml(rules.date)}: ${escapeXml(a1.cites)}; rules data ` +
      `sha256 ${rules.dataSha256.slice(0, 12)}…</text>`,
  );
  out.push(
    `<text class="subtitle" x="${PLOT.left}" y="70" font-size="12" fill="#555">States what the rule says, from ` +
      "the figures given; not legal advice. Positions approximate, colours from the exact classification.</text>",
  );

  // Regions, from the thresholds: .b first, .a over it.
  const region = (
    clause: string,
    tppMin: number,
    tppMax: number | undefined,
    pdMin: number | undefined,
    pdMax: number | undefined,
    fill: string,
  ) => {
    const x1 = clampX(xOf(tppMin));
    const x2 = tppMax === undefined ? right : clampX(xOf(tppMax));
    const y1 = pdMax === undefined ? PLOT.top : clampY(yOf(pdMax));
    const y2 = pdMin === undefined ? bottom : clampY(yOf(pdMin));
    out.push(
      `<rect class="region" data-clause="${clause}" x="${round(x1)}" y="${round(y1)}" ` +
        `width="${round(x2 - x1)}" height="${round(y2 - y1)}" fill="${fill}" fill-opacity="0.13"/>`,
    );
  };
  region(
    "3A090.b.2",
    v("3A090.b.2.tpp"),
    undefined,
    v("3A090.b.2.pd.min"),
    v("3A090.b.2.pd.max"),
    clauseColour("3A090.b.2"),
  );
  region(
    "3A090.b.1",
    v("3A090.b.1.tpp.min"),
    v("3A090.b.1.tpp.max"),
    v("3A090.b.1.pd.min"),
    v("3A090.b.1.pd.max"),
    clauseColour("3A090.b.1"),
  );
  region("3A090.a.2", v("3A090.a.2.tpp"), undefined, v("3A090.a.2.pd"), undefined, clauseColour("3A090.a.2"));
  region("3A090.a.1", v("3A090.a.1.tpp"), undefined, undefined, undefined, clauseColour("3A090.a.1"));

  // Grid and axes, one line per decade.
  for (let e = scales.x.min; e <= scales.x.max; e++) {
    const x = round(xOf(10 ** e));
    out.push(`<line class="grid" x1="${x}" y1="${PLOT.top}" x2="${x}" y2="${bottom}" stroke="#ddd"/>`);
    out.push(`<text x="${x}" y="${bottom + 18}" text-anchor="middle">${decade(e)}</text>`);
  }
  for (let e = scales.y.min; e <= scales.y.max; e++) {
    const y = round(yOf(10 ** e));
    out.push(`<line class="grid" x1="${PLOT.left}" y1="${y}" x2="${right}" y2="${y}" stroke="#ddd"/>`);
    out.push(`<text x="${PLOT.left - 8}" y="${y + 4}" text-anchor="end">${decade(e)}</text>`);
  }
  out.push(
    `<rect x="${PLOT.left}" y="${PLOT.top}" width="${PLOT.width}" height="${PLOT.height}" fill="none" stroke="#333"/>`,
  );
  out.push(
    `<text x="${PLOT.left + PLOT.width / 2}" y="${bottom + 40}" text-anchor="middle" font-size="13">total ` +
      "processing performance (TPP = 2 × MacTOPS × bit length), log scale</text>",
  );
  out.push(
    `<text transform="translate(${PLOT.left - 55} ${PLOT.top + PLOT.height / 2}) rotate(-90)" ` +
      'text-anchor="middle" font-size="13">performance density (TPP per mm² of applicable die area), log ' +
      "scale</text>",
  );

  // Threshold lines, each labelled with its value and paragraph.
  const seenX = new Set<string>();
  let lastLabelEnd = Number.NEGATIVE_INFINITY;
  let raised = false;
  for (const t of [...tppLines].sort((a, b) => a.value.cmp(b.value))) {
    const value = t.value.toExactString();
    const x = round(xOf(t.value.toApproximateNumber()));
    const first = !seenX.has(value);
    seenX.add(value);
    out.push(
      `<line class="threshold" data-threshold="${t.id}" data-value="${value}" x1="${x}" y1="${PLOT.top}" ` +
        `x2="${x}" y2="${bottom}" stroke="#555" stroke-dasharray="5 3"/>`,
    );
    if (first) {
      const text = `TPP ${value}`;
      raised = x + 3 < lastLabelEnd && !raised;
      lastLabelEnd = x + 3 + text.length * CHAR_WIDTH;
      out.push(`<text x="${x + 3}" y="${PLOT.top - (raised ? 18 : 6)}" font-size="10" fill="#333">${text}</text>`);
    }
  }
  const seenY = new Set<string>();
  for (const t of pdLines) {
    const value = t.value.toExactString();
    const y = round(yOf(t.value.toApproximateNumber()));
    const first = !seenY.has(value);
    seenY.add(value);
    out.push(
      `<line class="threshold" data-threshold="${t.id}" data-value="${value}" x1="${PLOT.left}" y1="${y}" ` +
        `x2="${right}" y2="${y}" stroke="#555" stroke-dasharray="5 3"/>`,
    );
    if (first) out.push(`<text x="${right + 4}" y="${y + 4}" font-size="10" fill="#333">PD ${value}</text>`);
  }
  // Region names, in the corner of each region that is inside the plot; labels of parts keep clear of them.
  const taken: Box[] = [];
  const regionLabel = (text: string, tpp: number, pd: number) => {
    const x = clampX(xOf(tpp)) + 4;
    const y = clampY(yOf(pd)) - 4;
    taken.push({ x, y: y - 13, w: text.length * 7.2, h: 15 });
    out.push(
      `<text class="region-label" x="${round(x)}" y="${round(y)}" font-size="12" font-weight="bold" ` +
        `fill="#555">${escapeXml(text)}</text>`,
    );
  };
  regionLabel("3A090.a.1", v("3A090.a.1.tpp"), 10 ** scales.y.min);
  regionLabel("3A090.a.2", v("3A090.a.2.tpp"), 10 ** scales.y.max / 1.12);
  regionLabel("3A090.b.2", v("3A090.b.2.tpp"), v("3A090.b.2.pd.min"));
  regionLabel("3A090.b.1", v("3A090.b.1.tpp.min"), v("3A090.b.1.pd.min"));

  // The density view: one cell per bin, coloured by its most frequent clause, darker for more parts.
  if (parts.dense) {
    let most = 1;
    for (const cell of cells) for (const count of cell.counts.values()) most = Math.max(most, count);
    out.push(`<g class="density" data-parts="${parts.placedCount}" data-cells="${cells.length}">`);
    for (const cell of cells) {
      let clause: Clause = "none";
      let total = 0;
      let top = 0;
      for (const [c, count] of cell.counts) {
        total += count;
        if (count > top) [clause, top] = [c, count];
      }
      const x1 = xOf(10 ** (cell.tppCell / CELLS_PER_DECADE));
      const x2 = xOf(10 ** ((cell.tppCell + 1) / CELLS_PER_DECADE));
      const y1 = yOf(10 ** ((cell.pdCell + 1) / CELLS_PER_DECADE));
      const y2 = yOf(10 ** (cell.pdCell / CELLS_PER_DECADE));
      const opacity = round(0.25 + (0.75 * Math.log1p(total)) / Math.log1p(most));
      const counts = [...cell.counts].map(([c, n]) => `${n} ${c}`).join(", ");
      out.push(
        `<rect class="cell" data-clause="${clause}" data-count="${total}" x="${round(x1)}" y="${round(y1)}" ` +
          `width="${round(x2 - x1)}" height="${round(y2 - y1)}" fill="${clauseColour(clause)}" ` +
          `fill-opacity="${opacity}"><title>${counts}</title></rect>`,
      );
    }
    out.push(`</g>`);
  }

  // Points, then labels placed where they overlap nothing drawn so far.
  for (const p of plotted) taken.push({ x: xOf(p.tpp) - 4, y: yOf(p.pd) - 4, w: 8, h: 8 });
  const numbered: string[] = [];
  plotted.forEach((p, index) => {
    const x = round(xOf(p.tpp));
    const y = round(yOf(p.pd));
    const colour = clauseColour(p.clause);
    const fill = p.datacenter === false ? "#ffffff" : colour;
    const name = escapeXml(p.part);
    out.push(`<g class="part" data-part="${name}" data-clause="${p.clause}" data-row="${p.row}">`);
    out.push(`<title>${name}: ${p.clause}</title>`);
    out.push(
      `<circle cx="${x}" cy="${y}" r="4" fill="${fill}" stroke="${colour}" ` +
        `stroke-width="1.6"${p.datacenter === null ? ' stroke-dasharray="2 1"' : ""}/>`,
    );
    if (index < MAX_LABELS) {
      const label = p.part.length > 34 ? `${p.part.slice(0, 33)}…` : p.part;
      const w = label.length * CHAR_WIDTH;
      const h = FONT + 2;
      const candidates: Box[] = [
        { x: x + 7, y: y - h / 2, w, h },
        { x: x - 7 - w, y: y - h / 2, w, h },
        { x: x - w / 2, y: y - 7 - h, w, h },
        { x: x - w / 2, y: y + 7, w, h },
        { x: x + 7, y: y - h - 4, w, h },
        { x: x + 7, y: y + 4, w, h },
        { x: x - 7 - w, y: y - h - 4, w, h },
        { x: x - 7 - w, y: y + 4, w, h },
      ];
      const inside = (b: Box) => b.x >= PLOT.left && b.x + b.w <= right + 40 && b.y >= PLOT.top && b.y + b.h <= bottom;
      const spot = candidates.find((b) => inside(b) && !taken.some((t) => overlaps(t, b)));
      if (spot) {
        taken.push(spot);
        out.push(`<text class="label" x="${round(spot.x)}" y="${round(spot.y + h - 3)}">${escapeXml(label)}</text>`);
      } else {
        const number = String(numbered.length + 1);
        numbered.push(`${number}. ${p.part}`);
        const small: Box = { x: x + 5, y: y - 12, w: number.length * CHAR_WIDTH, h };
        taken.push(small);
        out.push(
          `<text class="label number" x="${round(small.x)}" y="${round(small.y + h - 3)}" ` +
            `font-size="9">${number}</text>`,
        );
      }
    }
    out.push(`</g>`);
  });

  // The panel beside the plot: legend, then the lists.
  let y = PLOT.top;
  const line = (text: string, attributes = "") => {
    out.push(`<text x="${PANEL_X}" y="${y}"${attributes}>${escapeXml(text)}</text>`);
    y += 15;
  };
  out.push(`<g class="legend">`);
  line("Legend", ' font-weight="bold" font-size="13"');
  for (const [clause, text] of [
    ["3A090.a.1", "3A090.a (a.1 or a.2)"],
    ["3A090.b.1", "3A090.b (b.1 or b.2)"],
    ["none", "outside 3A090.a and .b"],
  ] as const) {
    out.push(`<circle cx="${PANEL_X + 5}" cy="${y - 4}" r="4" fill="${clauseColour(clause)}"/>`);
    out.push(`<text x="${PANEL_X + 16}" y="${y}">${text}</text>`);
    y += 15;
  }
  out.push(`<circle cx="${PANEL_X + 5}" cy="${y - 4}" r="4" fill="#ffffff" stroke="#333" stroke-width="1.6"/>`);
  out.push(`<text x="${PANEL_X + 16}" y="${y}">hollow: not designed or marketed for datacenters</text>`);
  y += 15;
  out.push(
    `<circle cx="${PANEL_X + 5}" cy="${y - 4}" r="4" fill="#999" stroke="#333" stroke-width="1.6" ` +
      'stroke-dasharray="2 1"/>',
  );
  out.push(`<text x="${PANEL_X + 16}" y="${y}">dashed: datacenter marketing not given</text>`);
  y += 15;
  line("Shaded: the regions of 3A090.a and .b; dashed lines:");
  line("thresholds in force on the date. Below TPP");
  line(`${threshold(rules, "3A090.nonDatacenter.tpp").value.toExactString()}, parts not designed or marketed for`);
  line("datacenters are outside .a and .b (note to .a and .b).");
  out.push(`</g>`);
  y += 8;
  if (parts.dense) {
    line(`Density view: ${parts.placedCount} parts binned into`, ' font-weight="bold"');
    line(`${cells.length} cells (${CELLS_PER_DECADE} per decade); a cell takes the colour`);
    line("of its most frequent clause, darker for more parts.");
    y += 8;
  }
  const list = (name: string, heading: string, items: readonly string[] | ListedItems) => {
    const listed = Array.isArray(items) ? { items: items as string[], count: items.length } : (items as ListedItems);
    if (listed.count === 0) return;
    out.push(`<g class="list" data-list="${name}">`);
    line(`${heading} (${listed.count})`, ' font-weight="bold" font-size="13"');
    for (const item of listed.items.slice(0, MAX_LISTED))
      line(item.length > 58 ? `${item.slice(0, 57)}…` : item, ' class="item"');
    if (listed.count > MAX_LISTED) line(`… and ${listed.count - MAX_LISTED} more`);
    out.push(`</g>`);
    y += 8;
  };
  list("numbered", "Numbered on the plot", numbered);
  list("indeterminate", "Indeterminate", lists.indeterminate);
  list("without-pd", "Not placed: no performance density", lists.withoutPd);
  list("hbm", "HBM (3A090.c, not on these axes)", lists.hbm);
  list("invalid", "Invalid rows", lists.invalid);
  out.push(
    `<text x="${PLOT.left}" y="${HEIGHT - 12}" font-size="10" fill="#777">${parts.placedCount} parts ` +
      `placed; ${parts.read} records read. Drawn by ic3a090.</text>`,
  );
  out.push(`</svg>`);
  return `${out.join("\n")}\n`;
}

/** "10", "1k", "0.1" for a power of ten. */
function decade(exponent: number): string {
  if (exponent >= 3 && exponent < 6) return `${10 ** (exponent - 3)}k`;
  if (exponent >= 6) return `1e${exponent}`;
  if (exponent >= 0) return String(10 ** exponent);
  return `0.${"0".repeat(-exponent - 1)}1`;
}
