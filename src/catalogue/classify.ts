/**
 * Classifies a CSV catalogue (src/catalogue/row.ts), row by row, as it
 * streams: each input record gives exactly one output record, in order, the
 * input's cells untouched and the result columns appended. A bad row is
 * answered in place with `error` naming its row and column.
 */
import { classifyDatasheet } from "../classify/classify.js";
import { InvalidInputError } from "../classify/datasheet.js";
import type { Classification } from "../classify/result.js";
import type { RuleSet } from "../rules/rules.js";
import { type CsvRecord, CsvSplitter, formatCsvField, type RecordVisitor } from "./csv.js";
import { type FlatAnswer, FlatRowClassifier, PD_PLACES } from "./flat-row.js";
import { cellsOf, type RowCells } from "./csv-line.js";
import { ByteWriter, type CsvOutput, type EncodedText, encoded, TextOutput } from "./byte-writer.js";
import { scaledDecimalText } from "../numbers/safe-decimal.js";
import { neutraliseSpreadsheetCell, startsLikeFormula } from "../render/escape.js";
import { type CataloguePlan, cataloguePlan, rowToDatasheet } from "./row.js";

/** The columns appended to each row, in this order. */
export const RESULT_COLUMNS = [
  "tpp",
  "performance_density",
  "clause",
  "eccn",
  "item_eccn",
  "missing",
  "warnings",
  "error",
] as const;

/** How lists (missing, warnings) are written in one cell. */
export const LIST_SEPARATOR = "; ";

/** One row's answer: a classification, or why the row could not be classified. */
export type RowOutcome =
  | {
      readonly kind: "classified";
      readonly row: number;
      readonly part: string;
      readonly datacenter: boolean | null;
      readonly result: Classification;
    }
  | { readonly kind: "invalid"; readonly row: number; readonly part: string | null; readonly message: string };

/** What --fail-on and the summary look at. */
export type ClauseSummary = Pick<Classification, "clause" | "eccn" | "matched" | "itemEccn">;

/** What the summary line counts. */
export class Tally {
  read = 0;
  invalid = 0;
  failOn = 0;
  readonly byClause = new Map<string, number>();

  add(outcome: RowOutcome, failOn: (result: ClauseSummary) => boolean): void {
    if (outcome.kind === "invalid") {
      this.read++;
      this.invalid++;
      return;
    }
    this.addResult(outcome.result, failOn);
  }

  addResult(result: ClauseSummary, failOn: (result: ClauseSummary) => boolean): void {
    this.read++;
    this.byClause.set(result.clause, (this.byClause.get(result.clause) ?? 0) + 1);
    if (failOn(result)) this.failOn++;
  }

  /** "ic3a090: 12 rows read: 3 3A090.a.1, 2 none, 1 indeterminate, 1 invalid" */
  summary(): string {
    const clauses = [...this.byClause].map(([clause, count]) => `${count} ${clause}`).join(", ");
    return (
      `ic3a090: ${this.read} row${this.read === 1 ? "" : "s"} ` +
      `read${clauses ? `: ${clauses}` : ""}${this.invalid ? `${clauses ? "," : ":"} ${this.invalid} invalid` : ""}`
    );
  }
}

/** The clause, ECCN, item ECCN, missing, warnings and error cells of a fast-path answer (it has no warning or error). */
function answerCells(answer: FlatAnswer): string[] {
  return [answer.clause, answer.eccn, answer.itemEccn, missingAsColumns(answer.missing).join(LIST_SEPARATOR), "", ""];
}

/** Missing facts, named by the catalogue's columns rather than the JSON fields. */
export function missingAsColumns(missing: readonly string[]): string[] {
  return missing.map((text) => {
    if (text.startsWith("dies:"))
      return "die_area_mm2 (or logic_die_area_mm2 with non_planar): the applicable die area";
    if (/^dies\[0\]\.nonPlanar$/.test(text))
      return "non_planar: whether the logic die is made with non-planar transistors";
    if (/^dies\[0\]\.areaMm2$/.test(text)) return "logic_die_area_mm2";
    if (text.startsWith("ioBandwidthGBps:")) return `io_bandwidth_gbps${text.slice("ioBandwidthGBps".length)}`;
    if (text.startsWith("baseEccn:")) return `base_eccn${text.slice("baseEccn".length)}`;
    if (text.startsWith("interconnectGBps:")) return `interconnect_gbps${text.slice("interconnectGBps".length)}`;
    return text;
  });
}

/** Reads catalogue records against one header and classifies each. */
export class CatalogueClassifier {
  readonly plan: CataloguePlan;
  /** Input columns kept in the output: all but earlier result columns (a file classified before). */
  private readonly kept: number[] | undefined;
  readonly outputHeader: string[];
  private readonly flat: FlatRowClassifier;

  /** @throws InvalidInputError when the header lacks `part` or repeats a column. */
  constructor(
    header: readonly string[],
    private readonly rules: RuleSet,
  ) {
    this.plan = cataloguePlan(header, RESULT_COLUMNS);
    const results = new Set<string>(RESULT_COLUMNS);
    const kept = header.map((_, i) => i).filter((i) => !results.has(header[i]!.trim().toLowerCase()));
    this.kept = kept.length === header.length ? undefined : kept;
    this.outputHeader = [...(this.kept ? this.kept.map((i) => header[i]!) : header), ...RESULT_COLUMNS];
    this.flat = new FlatRowClassifier(this.plan, rules);
  }

  /**
   * The output cells of a well-formed plain row, classified on the fast exact
   * path (./flat-row.ts), with its result; undefined when the general path
   * (`classify` then `cells`) must answer it.
   */
  quickly(record: CsvRecord): { cells: string[]; result: ClauseSummary } | undefined {
    if (record.quoteError) return undefined;
    const answer = this.quickResult(cellsOf(record.fields));
    if (!answer) return undefined;
    const { tpp, tppScale, pd } = this.flat;
    const input = this.kept ? this.kept.map((i) => record.fields[i]!) : record.fields;
    const cells = [
      ...input,
      tpp < 0 ? "" : scaledDecimalText(tpp, tppScale),
      pd < 0 ? "" : scaledDecimalText(pd, PD_PLACES),
      ...answerCells(answer),
    ];
    return { cells, result: answer };
  }

  /** True when the output leaves out some input columns (earlier results): then no input line is passed through. */
  get rewrites(): boolean {
    return this.kept !== undefined;
  }

  /**
   * The fast path's answer for a row of the header's width, its figures kept for `writeFigures`; undefined for the
   * general path.
   */
  quickResult(cells: RowCells): FlatAnswer | undefined {
    return cells.count === this.plan.header.length ? this.flat.classify(cells) : undefined;
  }

  /** ",TPP,PD," of the row `quickResult` answered last: plain decimals, written as they are. */
  writeFigures(out: CsvOutput<string | Uint8Array>): void {
    const { tpp, tppScale, pd } = this.flat;
    out.comma();
    if (tpp >= 0) out.decimal(tpp, tppScale);
    out.comma();
    if (pd >= 0) out.decimal(pd, PD_PLACES);
    out.comma();
  }

  /** The clause, ECCN, item ECCN, missing, warnings and error cells of a fast-path answer, as `quickly` writes them. */
  restCells(answer: FlatAnswer): string {
    return answerCells(answer)
      .map((cell) => formatCsvField(neutraliseSpreadsheetCell(cell)))
      .join(",");
  }

  /** Columns of earlier results that this run replaces, if any. */
  replacedColumns(): string[] {
    if (!this.kept) return [];
    return this.plan.header.filter((_, i) => !this.kept!.includes(i));
  }

  /** The outcome of one record. */
  classify(record: CsvRecord): RowOutcome {
    const width = this.plan.header.length;
    const partIndex = this.plan.index.part!;
    const part = record.fields[partIndex]?.trim() || null;
    if (record.quoteError)
      return { kind: "invalid", row: record.row, part, message: `row ${record.row}: ${record.quoteError}` };
    if (record.fields.length !== width) {
      return {
        kind: "invalid",
        row: record.row,
        part,
        message:
          `row ${record.row}: has ${record.fields.length} field${record.fields.length === 1 ? "" : "s"}, the ` +
          "header " +
          `has ${width}${record.fields.length > width ? " (the extra fields are left out of this output row)" : ""}; quote a field that holds a comma`,
      };
    }
    try {
      const datasheet = rowToDatasheet(this.plan, record.fields, record.row, this.rules);
      const result = classifyDatasheet(datasheet, this.rules, { trace: false });
      return {
        kind: "classified",
        row: record.row,
        part: datasheet.part,
        datacenter: datasheet.kind === "ic" ? (datasheet.datacenter ?? null) : null,
        result,
      };
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      return {
        kind: "invalid",
        row: record.row,
        part,
        message: error.message.startsWith("row ") ? error.message : `row ${record.row}: ${error.message}`,
      };
    }
  }

  /** The output cells of a record: its input cells (padded or cut to the header), then the result columns. */
  cells(record: CsvRecord, outcome: RowOutcome): string[] {
    const width = this.plan.header.length;
    const fields =
      record.fields.length === width ? record.fields : Array.from({ length: width }, (_, i) => record.fields[i] ?? "");
    const input = this.kept ? this.kept.map((i) => fields[i]!) : fields;
    if (outcome.kind === "invalid") return [...input, "", "", "", "", "", "", "", outcome.message];
    const { result } = outcome;
    return [
      ...input,
      result.tpp ?? "",
      result.performanceDensity ?? "",
      result.clause,
      result.eccn,
      result.itemEccn,
      missingAsColumns(result.missing).join(LIST_SEPARATOR),
      result.warnings.join(LIST_SEPARATOR),
      "",
    ];
  }
}

export interface CatalogueCsvOptions {
  readonly rules: RuleSet;
  /** Stop at the first invalid row (after writing the rows before it). */
  readonly strict?: boolean;
  /** True when a result matches --fail-on. */
  readonly failOn?: (result: ClauseSummary) => boolean;
  /** Called for each invalid row (the CLI prints the first few on stderr). */
  readonly onInvalid?: (message: string) => void;
  readonly maxRecordChars?: number;
  /** Neutralise passed-through cells a spreadsheet would run as a formula (`classify --excel-safe`). */
  readonly excelSafe?: boolean;
  /** Called once at the end with a warning (passed-through cells that start like a formula, without excelSafe). */
  readonly warn?: (message: string) => void;
}

/** A catalogue's line end: "\r" for a CR-only file. */
export type LineEnd = "\r\n" | "\n" | "\r";

/** Thrown for a catalogue that cannot be read at all (no header, no `part` column). */
export class CatalogueFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CatalogueFileError";
  }
}

/**
 * CSV text in, in pieces of any size; CSV out, as text or, given a
 * `ByteWriter` (./byte-writer.ts), as the same text in UTF-8 bytes. `push`
 * returns the output for the records the piece completed; `end` the rest. Cut
 * anywhere, the same input gives the same output.
 */
export class CatalogueCsvTransform<T extends string | Uint8Array = string> {
  readonly tally = new Tally();
  /** Set when --strict stopped at an invalid row: its message. */
  stopped: string | undefined;
  private splitter: CsvSplitter;
  private classifier: CatalogueClassifier | undefined;
  private readonly failOn: (result: ClauseSummary) => boolean;

  /**
   * @param continueFrom for a piece of a catalogue that starts at a record boundary after the header (a chunk
   *   read by src/catalogue/parallel.ts): the classifier of the header, the piece's first row and the file's line end.
   */
  constructor(
    private readonly options: CatalogueCsvOptions,
    continueFrom?: { readonly classifier: CatalogueClassifier; readonly row: number; readonly newline: LineEnd },
    private readonly out: CsvOutput<T> = new TextOutput() as unknown as CsvOutput<T>,
  ) {
    this.splitter = this.newSplitter(continueFrom);
    this.classifier = continueFrom?.classifier;
    this.failOn = options.failOn ?? (() => false);
  }

  /**
   * Stops reading here: the unfinished record held so far, where it starts, and the file's line end, for
   * src/catalogue/parallel.ts to read on from; undefined before the header and the first line end are read.
   */
  handOff(): { text: string; row: number; newline: LineEnd } | undefined {
    const newline = this.splitter.lineEnd;
    if (!this.classifier || newline === undefined || this.stopped !== undefined) return undefined;
    return { text: this.splitter.takeTail(), row: this.splitter.row, newline };
  }

  /** Reads on from a record boundary at `row` (after a hand-off), counting into the same tally. */
  resume(row: number, newline: LineEnd): void {
    this.splitter = this.newSplitter({ row, newline });
  }

  /** A splitter whose line reader copies each line into the byte writer as it reads it, when there is one. */
  private newSplitter(resume?: { readonly row: number; readonly newline: LineEnd }): CsvSplitter {
    const splitter = new CsvSplitter(this.options.maxRecordChars, resume);
    if (this.out instanceof ByteWriter) splitter.echoInto(this.out);
    return splitter;
  }

  /** Characters held back as an unfinished record. */
  get pending(): number {
    return this.splitter.pending;
  }

  /** The row the next record will have. */
  get nextRow(): number {
    return this.splitter.row;
  }

  /** Passed-through cells (header included) that start like a spreadsheet formula. */
  formulaLikeCells = 0;

  /**
   * A row as written, without its line end: the tool's own result cells always neutralised for a spreadsheet;
   * passed-through cells counted, and neutralised with excelSafe. (One pass, no copy of the row.)
   */
  private formatRow(row: readonly string[]): string {
    const firstResult = row.length - RESULT_COLUMNS.length;
    let line = "";
    for (let index = 0; index < row.length; index++) {
      let cell = row[index]!;
      if (index >= firstResult) cell = neutraliseSpreadsheetCell(cell);
      else if (startsLikeFormula(cell)) {
        this.formulaLikeCells++;
        if (this.options.excelSafe) cell = neutraliseSpreadsheetCell(cell);
      }
      line += index === 0 ? formatCsvField(cell) : `,${formatCsvField(cell)}`;
    }
    return line;
  }

  get classifierOrUndefined(): CatalogueClassifier | undefined {
    return this.classifier;
  }

  push(text: string): T {
    if (this.stopped === undefined) this.splitter.read(text, this.visitor);
    return this.out.take();
  }

  end(): T {
    if (this.stopped !== undefined) return this.out.take();
    for (const record of this.splitter.end()) this.visitor.record(record);
    const output = this.out.take();
    if (!this.classifier)
      throw new CatalogueFileError(
        "no input: the catalogue is empty: it needs a header row naming its columns (part, tops_fp8, …) and one row per part",
      );
    if (!this.options.excelSafe && this.formulaLikeCells > 0) {
      this.options.warn?.(
        `${this.formulaLikeCells} passed-through cell${this.formulaLikeCells === 1 ? "" : "s"} ` +
          `start${this.formulaLikeCells === 1 ? "s" : ""} like a spreadsheet formula (=, +, -, @, tab or CR); ` +
          "--excel-safe writes them as text",
      );
    }
    return output;
  }

  /** Each fast-path answer's result cells after TPP and PD, with the line end, as written; the last one used. */
  private readonly restCells = new Map<FlatAnswer, EncodedText>();
  private lastRest: { answer: FlatAnswer; cells: EncodedText } | undefined;

  private restOf(answer: FlatAnswer, classifier: CatalogueClassifier): EncodedText {
    if (this.lastRest?.answer === answer) return this.lastRest.cells;
    let cells = this.restCells.get(answer);
    if (cells === undefined) {
      cells = encoded(classifier.restCells(answer) + this.newline);
      this.restCells.set(answer, cells);
    }
    this.lastRest = { answer, cells };
    return cells;
  }

  /**
   * Each record as the splitter reads it. A plain row the fast path answers, read from a line that is written back
   * as read (`raw`: no cell quoted differently, none that starts like a formula, which the cell-by-cell path counts
   * and neutralises with --excel-safe), is passed through as that text with the result cells appended.
   */
  private readonly visitor: RecordVisitor = {
    line: (row, line) => {
      const classifier = this.classifier;
      if (this.stopped !== undefined) return;
      if (classifier !== undefined && line.passesThrough && !classifier.rewrites) {
        const answer = classifier.quickResult(line);
        if (answer !== undefined) {
          this.tally.addResult(answer, this.failOn);
          line.writeRaw(this.out);
          classifier.writeFigures(this.out);
          this.out.encoded(this.restOf(answer, classifier));
          return;
        }
      }
      this.renderRecord({ row, fields: line.fields });
    },
    record: (record) => {
      if (this.stopped === undefined) this.renderRecord(record);
    },
  };

  private get newline(): string {
    return this.splitter.newline;
  }

  /** One record's output line (the header's, for the first), or nothing when --strict stops at it. */
  private renderRecord(record: CsvRecord): void {
    if (!this.classifier) {
      try {
        this.classifier = new CatalogueClassifier(record.fields, this.options.rules);
      } catch (error) {
        if (error instanceof InvalidInputError)
          throw new CatalogueFileError(`header (row ${record.row}): ${error.message}`);
        throw error;
      }
      const bom = this.splitter.info().bom ? "\ufeff" : "";
      this.out.text(`${bom}${this.formatRow(this.classifier.outputHeader)}${this.newline}`);
      return;
    }
    const quick = this.classifier.quickly(record);
    if (quick) {
      this.tally.addResult(quick.result, this.failOn);
      this.out.text(this.formatRow(quick.cells) + this.newline);
      return;
    }
    const outcome = this.classifier.classify(record);
    if (outcome.kind === "invalid") {
      if (this.options.strict) {
        this.stopped = outcome.message;
        this.tally.read++;
        this.tally.invalid++;
        return;
      }
      this.options.onInvalid?.(outcome.message);
    }
    this.tally.add(outcome, this.failOn);
    this.out.text(this.formatRow(this.classifier.cells(record, outcome)) + this.newline);
  }
}

/** The whole of a CSV catalogue classified at once (tests, small files). */
export function classifyCatalogueCsv(
  text: string,
  options: CatalogueCsvOptions,
): { output: string; tally: Tally; stopped: string | undefined } {
  const transform = new CatalogueCsvTransform(options);
  const output = transform.push(text) + transform.end();
  return { output, tally: transform.tally, stopped: transform.stopped };
}
