/**
 * # The § 743.9 report over any number of orders, in bounded memory
 *
 * {@link ReportBuilder} keeps every undecided order of the quarter and every
 * product name in memory: fine for a quarter's orders, not for a million. A
 * {@link SpilledReport} places each order the same way ({@link placeOrder}) but
 * keeps on disk, in a folder of its own under the system's temporary folder,
 * what grows with the number of orders:
 *
 * - **the undecided orders**, appended as they arrive to one file and read back
 *   in the same order when the report is written;
 * - **the product names** of each group: held in memory up to a budget of
 *   distinct names, then each group's names are sorted and written as a run;
 *   when the report is written, each group's runs are merged (sorted, each
 *   name once; at most 32 files open at once, more merged first in rounds),
 *   so the cell lists the same names in the same order.
 *
 * What stays in memory grows with designers × categories (the groups) and with
 * the gaps (one line per part that lacks a designer's address or point of
 * contact: parts without those facts are few, and the report names each).
 *
 * The report is written line by line through the same renderers as
 * {@link renderReportCsv} and {@link renderReportMarkdown}, and is the same,
 * byte for byte (spec/presume/report-spill.spec.ts). {@link SpilledReport.dispose}
 * (or {@link withSpilledReport}) removes the folder, also after an error; a run
 * ended by `process.exit` removes it on exit.
 */
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Order } from "./order.js";
import {
  compareRows,
  CSV_PRODUCT_SEPARATOR,
  type Fabricator,
  type LineAround,
  MARKDOWN_PRODUCT_SEPARATOR,
  markdownCell,
  placeOrder,
  type Quarter,
  type ReportOutline,
  type ReportRowHead,
  reportCsvHeader,
  reportCsvProducts,
  reportCsvRow,
  reportCsvUndecided,
  reportMarkdownClosing,
  reportMarkdownOpening,
  reportMarkdownRow,
  reportMarkdownUndecided,
  reportMarkdownUndecidedHeading,
  type UndecidedOrder,
} from "./report.js";
import type { PresumeResult } from "./result.js";
import { startsLikeFormula } from "../render/escape.js";

export interface SpillOptions {
  /** The folder to make the spill folder in; the system's temporary folder when not given. */
  readonly directory?: string;
  /** Distinct product names held in memory (all groups together) before they are written out as a run. */
  readonly productBudget?: number;
  /** Runs merged at once (files open together); more runs of a group are first merged in rounds. */
  readonly mergeWidth?: number;
}

/** 50,000 names: a few MB of strings, and a run file every 50,000 distinct reportable parts. */
const DEFAULT_PRODUCT_BUDGET = 50_000;
/** 32 runs read at once: 32 open files and their read buffers (64 KiB each). */
const DEFAULT_MERGE_WIDTH = 32;
/** Text buffered before a write to a spill file, or to the output. */
const CHUNK_CHARS = 1 << 16;

export type ReportFormat = "csv" | "md";

/** The counts a run prints when the report is written. */
export interface ReportCounts {
  readonly ordersRead: number;
  readonly ordersInQuarter: number;
  readonly reportable: number;
  readonly undecided: number;
}

/** A file written through a buffer, whose length in bytes is known. */
class SpillFile {
  private readonly fd: number;
  private buffer = "";
  bytes = 0;
  private closed = false;

  constructor(readonly path: string) {
    this.fd = openSync(path, "wx", 0o600);
  }

  write(text: string): void {
    this.buffer += text;
    this.bytes += Buffer.byteLength(text, "utf8");
    if (this.buffer.length >= CHUNK_CHARS) this.flush();
  }

  private flush(): void {
    if (this.buffer === "") return;
    const data = Buffer.from(this.buffer, "utf8");
    this.buffer = "";
    let written = 0;
    while (written < data.length) written += writeSync(this.fd, data, written);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
    }
  }
}

/** The lines of a file (or of the bytes `start` to `end` of it), each ended by "\n" in the file. */
async function* linesOf(path: string, start = 0, end?: number): AsyncGenerator<string> {
  if (end !== undefined && end <= start) return;
  const stream = createReadStream(path, { start, end: end === undefined ? undefined : end - 1, encoding: "utf8" });
  let rest = "";
  try {
    for await (const piece of stream) {
      const parts = (rest + (piece as string)).split("\n");
      rest = parts.pop()!;
      for (const part of parts) yield part;
    }
  } finally {
    stream.destroy();
  }
  if (rest !== "") yield rest;
}

/** The bytes `start` to `end` of a run file: one group's names, sorted, one JSON string a line. */
interface Run {
  readonly path: string;
  readonly start: number;
  readonly end: number;
}

/** Sorted runs merged: their names in sort order, each once. */
async function* mergeRuns(runs: readonly Run[]): AsyncGenerator<string> {
  const sources = runs.map((r) => linesOf(r.path, r.start, r.end));
  const heads: (string | undefined)[] = [];
  const next = async (i: number) => {
    const line = await sources[i]!.next();
    heads[i] = line.done ? undefined : (JSON.parse(line.value) as string);
  };
  try {
    for (let i = 0; i < sources.length; i++) await next(i);
    let previous: string | undefined;
    for (;;) {
      let least = -1;
      for (let i = 0; i < heads.length; i++)
        if (heads[i] !== undefined && (least < 0 || before(heads[i]!, heads[least]!))) least = i;
      if (least < 0) return;
      const name = heads[least]!;
      if (name !== previous) yield name;
      previous = name;
      await next(least);
    }
  } finally {
    for (const source of sources) await source.return(undefined);
  }
}

/** One group's product names: those in memory, the byte ranges of its runs, and what the CSV cell needs to know. */
interface Group {
  readonly row: ReportRowHead;
  orders: number;
  products: Set<string>;
  runs: readonly Run[];
  /** The first and last name in sort order, and whether any name holds a character that makes papaparse quote. */
  first: string;
  last: string;
  quoted: boolean;
}

/** Characters papaparse quotes a cell for (the delimiter, a quote, a line break, a BOM) wherever they are. */
const CSV_QUOTED_ANYWHERE = /[,"\r\n\ufeff]/;

/**
 * The text as a string of its own. A name parsed out of a record can be a slice of the record's text (V8 keeps a
 * substring as a view on its parent), and holding 50,000 names would then hold the text they were read from.
 */
function ownCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** The default sort of JavaScript (UTF-16 code units), which `[...products].sort()` uses. */
function before(a: string, b: string): boolean {
  return a < b;
}

export class SpilledReport {
  private readonly groups = new Map<string, Group>();
  private readonly gaps = new Set<string>();
  private readonly undecided: SpillFile;
  private undecidedCount = 0;
  private ordersRead = 0;
  private ordersInQuarter = 0;
  private held = 0;
  private runCount = 0;
  private disposed = false;
  private readonly removeOnExit = () => {
    try {
      this.removeFolder();
    } catch {
      // the process is ending: nothing left to tell
    }
  };
  private readonly productBudget: number;
  private readonly mergeWidth: number;

  private constructor(
    private readonly quarter: Quarter,
    private readonly fabricator: Fabricator,
    /** The spill folder, removed by {@link dispose}. */
    readonly folder: string,
    options: SpillOptions,
  ) {
    this.productBudget = Math.max(1, options.productBudget ?? DEFAULT_PRODUCT_BUDGET);
    this.mergeWidth = Math.max(2, options.mergeWidth ?? DEFAULT_MERGE_WIDTH);
    this.undecided = new SpillFile(join(folder, "undecided.jsonl"));
    process.on("exit", this.removeOnExit);
  }

  /** Makes the spill folder (ic3a090-report-XXXXXX under `options.directory` or the system's temporary folder). */
  static open(quarter: Quarter, fabricator: Fabricator, options: SpillOptions = {}): SpilledReport {
    const folder = mkdtempSync(join(options.directory ?? tmpdir(), "ic3a090-report-"));
    try {
      return new SpilledReport(quarter, fabricator, folder, options);
    } catch (error) {
      rmSync(folder, { recursive: true, force: true });
      throw error;
    }
  }

  add(order: Order, result: PresumeResult): void {
    this.ordersRead++;
    const placement = placeOrder(order, result, this.quarter);
    if (placement.kind === "outside the quarter") return;
    this.ordersInQuarter++;
    if (placement.kind === "undecided") {
      const u = placement.undecided;
      this.undecided.write(`${JSON.stringify([u.part, u.designer, u.completionDate, u.presumption, u.missing])}\n`);
      this.undecidedCount++;
      return;
    }
    if (placement.kind === "not reportable") return;
    for (const gap of placement.gaps) if (!this.gaps.has(gap)) this.gaps.add(ownCopy(gap));
    let product = placement.product;
    let group = this.groups.get(placement.key);
    if (group === undefined) {
      group = {
        row: placement.row,
        orders: 0,
        products: new Set(),
        runs: [],
        first: product,
        last: product,
        quoted: false,
      };
      this.groups.set(placement.key, group);
    }
    group.orders++;
    if (group.products.has(product)) return;
    product = ownCopy(product);
    group.products.add(product);
    if (before(product, group.first)) group.first = product;
    if (before(group.last, product)) group.last = product;
    if (CSV_QUOTED_ANYWHERE.test(product)) group.quoted = true;
    if (++this.held >= this.productBudget) this.writeRun();
  }

  /** Writes every group's names held in memory, sorted, to a new run file, and forgets them. */
  private writeRun(): void {
    const run = new SpillFile(join(this.folder, `products-${++this.runCount}.jsonl`));
    try {
      for (const group of this.groups.values()) {
        if (group.products.size === 0) continue;
        const start = run.bytes;
        for (const product of [...group.products].sort()) run.write(`${JSON.stringify(product)}\n`);
        group.runs = [...group.runs, { path: run.path, start, end: run.bytes }];
        group.products = new Set();
      }
    } finally {
      run.close();
    }
    this.held = 0;
  }

  counts(): ReportCounts {
    let reportable = 0;
    for (const group of this.groups.values()) reportable += group.orders;
    return {
      ordersRead: this.ordersRead,
      ordersInQuarter: this.ordersInQuarter,
      reportable,
      undecided: this.undecidedCount,
    };
  }

  /** A group's product names, sorted, each once: from memory, or merged from its runs. */
  private async *products(group: Group): AsyncGenerator<string> {
    if (group.runs.length === 0) {
      yield* [...group.products].sort();
      return;
    }
    while (group.runs.length > this.mergeWidth) {
      const merged: Run[] = [];
      for (let i = 0; i < group.runs.length; i += this.mergeWidth) {
        const batch = group.runs.slice(i, i + this.mergeWidth);
        if (batch.length === 1) {
          merged.push(batch[0]!);
          continue;
        }
        const run = new SpillFile(join(this.folder, `products-${++this.runCount}.jsonl`));
        try {
          for await (const name of mergeRuns(batch)) run.write(`${JSON.stringify(name)}\n`);
        } finally {
          run.close();
        }
        merged.push({ path: run.path, start: 0, end: run.bytes });
      }
      group.runs = merged;
    }
    yield* mergeRuns(group.runs);
  }

  private async *undecidedOrders(): AsyncGenerator<UndecidedOrder> {
    for await (const line of linesOf(this.undecided.path)) {
      const [part, designer, completionDate, presumption, missing] = JSON.parse(line) as [
        string,
        string,
        string,
        UndecidedOrder["presumption"],
        string[],
      ];
      yield { part, designer, completionDate, presumption, missing };
    }
  }

  /**
   * Writes the report, in pieces of about 64 KiB, through `write` (the same text {@link renderReportCsv} or
   * {@link renderReportMarkdown} gives for the same orders); returns its counts.
   */
  async render(format: ReportFormat, write: (text: string) => Promise<void> | void): Promise<ReportCounts> {
    if (this.disposed) throw new Error("the spilled report was disposed");
    this.undecided.close();
    if (this.runCount > 0) this.writeRun();
    const counts = this.counts();
    const outline: ReportOutline = {
      quarter: this.quarter,
      fabricator: this.fabricator,
      ...counts,
      rows: this.groups.size,
    };
    let buffer = "";
    const put = async (text: string) => {
      buffer += text;
      if (buffer.length >= CHUNK_CHARS) {
        const chunk = buffer;
        buffer = "";
        await write(chunk);
      }
    };
    const groups = [...this.groups.values()].sort((a, b) => compareRows(a.row, b.row));
    if (format === "csv") {
      await put(`${reportCsvHeader(outline)}\n`);
      for (const group of groups) {
        const line = reportCsvRow(outline, { ...group.row, orders: group.orders });
        await this.productsCell(line, group, put);
      }
      for await (const u of this.undecidedOrders()) await put(`${reportCsvUndecided(outline, u)}\n`);
    } else {
      for (const line of reportMarkdownOpening(outline)) await put(`${line}\n`);
      for (const group of groups) {
        const { before: start, after } = reportMarkdownRow({ ...group.row, orders: group.orders });
        await put(start);
        let first = true;
        for await (const name of this.products(group)) {
          await put(`${first ? "" : MARKDOWN_PRODUCT_SEPARATOR}${markdownCell(name)}`);
          first = false;
        }
        await put(`${after}\n`);
      }
      for (const line of reportMarkdownUndecidedHeading(outline)) await put(`${line}\n`);
      for await (const u of this.undecidedOrders()) await put(`${reportMarkdownUndecided(u)}\n`);
      for (const line of reportMarkdownClosing([...this.gaps])) await put(`${line}\n`);
    }
    if (buffer !== "") await write(buffer);
    return counts;
  }

  /**
   * A CSV row's productNames cell, streamed. One name: rendered as {@link reportCsvProducts} does. Several: the cell
   * cannot be a plain number (it holds "; "), so it starts like a formula exactly when its first name and "; " do
   * ("-1.5" alone is a number, "-1.5; x" is not), and papaparse quotes it when a name holds a delimiter, quote, line
   * break or BOM, or the cell starts with a space (the first name's, unless the formula mark comes first) or ends
   * with one (the last name's).
   */
  private async productsCell(line: LineAround, group: Group, put: (text: string) => Promise<void>): Promise<void> {
    await put(line.before);
    if (group.first === group.last) await put(reportCsvProducts([group.first]));
    else {
      const formula = startsLikeFormula(`${group.first}${CSV_PRODUCT_SEPARATOR}`);
      const quote = group.quoted || (!formula && group.first.startsWith(" ")) || group.last.endsWith(" ") ? '"' : "";
      await put(`${quote}${formula ? "'" : ""}`);
      let first = true;
      for await (const name of this.products(group)) {
        await put(`${first ? "" : CSV_PRODUCT_SEPARATOR}${quote ? name.replace(/"/g, '""') : name}`);
        first = false;
      }
      await put(quote);
    }
    await put(`${line.after}\n`);
  }

  private removeFolder(): void {
    try {
      this.undecided.close();
    } catch {
      // closed already, or the disk failed: the folder goes either way
    }
    rmSync(this.folder, { recursive: true, force: true });
  }

  /** Removes the spill folder and everything in it. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    process.off("exit", this.removeOnExit);
    this.removeFolder();
  }
}

/** Runs `body` with a {@link SpilledReport} and removes its folder afterwards, whether `body` succeeds or throws. */
export async function withSpilledReport<T>(
  quarter: Quarter,
  fabricator: Fabricator,
  options: SpillOptions,
  body: (report: SpilledReport) => Promise<T>,
): Promise<T> {
  const report = SpilledReport.open(quarter, fabricator, options);
  try {
    return await body(report);
  } finally {
    report.dispose();
  }
}
