/**
 * One chunk of a CSV catalogue, classified on its own: the piece of the work
 * that src/catalogue/parallel.ts hands to a worker thread (./classify-worker.ts),
 * or runs in-process. A chunk starts at a record boundary after the header; it
 * is read with the same splitter and classifier as a whole file
 * (`CatalogueCsvTransform`), so its output rows are byte for byte those of the
 * whole file. What the caller adds up (the tally, the invalid rows, the cells
 * that start like a formula) comes back as plain data.
 */
import { CatalogueClassifier, CatalogueCsvTransform, type ClauseSummary, type LineEnd } from "./classify.js";
import { rulesAt } from "../rules/rules.js";

/** Set once per worker: what every chunk of the run is read against. */
export interface ChunkSetup {
  /** The header's fields, as the file's own splitter read them. */
  readonly header: readonly string[];
  /** The date of the rules in force (`RuleSet.date`); the 2022 text applies before the formalised text. */
  readonly rulesDate: string;
  readonly strict: boolean;
  readonly excelSafe: boolean;
  readonly maxRecordChars: number | undefined;
}

export interface ChunkJob {
  readonly id: number;
  readonly text: string;
  /** The row of the chunk's first record (the header is row 1). */
  readonly row: number;
  readonly newline: LineEnd;
  /** True for the end of the file (its last record may lack a line end). */
  readonly last: boolean;
}

export interface ChunkResult {
  readonly id: number;
  readonly output: string;
  /** The row the next chunk starts at, as this chunk's splitter counted (blank lines included). */
  readonly nextRow: number;
  /** Characters at the end that do not make a whole record: the chunk was not cut at a record boundary. */
  readonly pending: number;
  readonly read: number;
  readonly invalid: number;
  /** Rows per clause, in the order the clauses first appear. */
  readonly byClause: readonly (readonly [string, number])[];
  /** Rows per distinct result (see {@link summaryKey}), for --fail-on, which the main thread evaluates. */
  readonly summaries: readonly (readonly [string, number])[];
  /** The messages of the invalid rows, in order. */
  readonly invalidMessages: readonly string[];
  readonly formulaLikeCells: number;
  /** Set when --strict stopped at an invalid row of this chunk. */
  readonly stopped: string | undefined;
}

/** A result's fields that --fail-on looks at, as one string (the clause and ECCNs hold no "|" or ","). */
export function summaryKey(result: ClauseSummary): string {
  return `${result.clause}|${result.eccn}|${result.itemEccn}|${result.matched.join(",")}`;
}

/** The inverse of {@link summaryKey}. */
export function summaryOfKey(key: string): ClauseSummary {
  const [clause, eccn, itemEccn, matched] = key.split("|") as [string, string, string, string];
  return {
    clause: clause as ClauseSummary["clause"],
    eccn: eccn as ClauseSummary["eccn"],
    itemEccn,
    matched: (matched === "" ? [] : matched.split(",")) as unknown as ClauseSummary["matched"],
  };
}

/** Classifies chunks against one header. */
export class ChunkClassifier {
  private readonly classifier: CatalogueClassifier;
  private readonly rules;

  constructor(private readonly setup: ChunkSetup) {
    this.rules = rulesAt(setup.rulesDate, { history: true });
    this.classifier = new CatalogueClassifier(setup.header, this.rules);
  }

  classify(job: ChunkJob): ChunkResult {
    const byResult = new Map<ClauseSummary, number>();
    const invalidMessages: string[] = [];
    const transform = new CatalogueCsvTransform(
      {
        rules: this.rules,
        strict: this.setup.strict,
        excelSafe: this.setup.excelSafe,
        ...(this.setup.maxRecordChars === undefined ? {} : { maxRecordChars: this.setup.maxRecordChars }),
        // Counted by result object (the fast path shares one per answer), keyed as text below.
        failOn: (result) => {
          byResult.set(result, (byResult.get(result) ?? 0) + 1);
          return false;
        },
        onInvalid: (message) => invalidMessages.push(message),
      },
      { classifier: this.classifier, row: job.row, newline: job.newline },
    );
    let output = transform.push(job.text);
    if (job.last && transform.stopped === undefined) output += transform.end();
    const { tally } = transform;
    const summaries = new Map<string, number>();
    for (const [result, rows] of byResult) {
      const key = summaryKey(result);
      summaries.set(key, (summaries.get(key) ?? 0) + rows);
    }
    return {
      id: job.id,
      output,
      nextRow: transform.nextRow,
      pending: transform.stopped === undefined ? transform.pending : 0,
      read: tally.read,
      invalid: tally.invalid,
      byClause: [...tally.byClause],
      summaries: [...summaries],
      invalidMessages,
      formulaLikeCells: transform.formulaLikeCells,
      stopped: transform.stopped,
    };
  }
}
