/**
 * A CSV catalogue classified on several cores: the same output, byte for byte,
 * as `CatalogueCsvTransform` reading it alone (spec/catalogue/stream-invariance.spec.ts
 * checks it across worker counts).
 *
 * - The start of the file (the header, the BOM, the line end, and the first
 *   `inProcessChars` characters) is read in-process by the one transform that
 *   also keeps the tally; a small file never starts a worker.
 * - Then the main thread only cuts the text into chunks of whole records
 *   (./record-cutter.ts, a quick scan for line ends outside quotes) and sends
 *   them to worker threads (./classify-worker.ts), which parse, classify and
 *   write each chunk (./chunk.ts). The answers are written back in order, and at
 *   most two chunks per worker are in flight, so memory stays bounded.
 * - The scan is only a guess of where papaparse ends a record: each worker
 *   checks it (its splitter must end the chunk on a record boundary, at the row
 *   the previous chunk ended on). On any disagreement (malformed quotes), or a
 *   record longer than the limit, the rest of the file is read in-process from
 *   the last boundary both agree on, as it would have been without workers.
 */
import { EventEmitter } from "node:events";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { ChunkClassifier, type ChunkJob, type ChunkResult, type ChunkSetup, summaryOfKey } from "./chunk.js";
import {
  type CatalogueClassifier,
  type CatalogueCsvOptions,
  CatalogueCsvTransform,
  type ClauseSummary,
  type LineEnd,
  type Tally,
} from "./classify.js";
import { DEFAULT_MAX_RECORD_CHARS } from "./csv.js";
import { RecordCutter } from "./record-cutter.js";

/**
 * Characters per chunk sent to a worker (about 650 catalogue rows). Larger chunks made the process's RSS grow
 * (chunks of 1 MiB: 335 MB at 200,000 rows; of 64 KiB: 160–185 MB; measured on the 2-core development VM).
 */
export const DEFAULT_CHUNK_CHARS = 1 << 16;
/** Characters read in-process before any worker starts: below this, starting workers costs more than it saves. */
export const DEFAULT_IN_PROCESS_CHARS = 4 << 20;
/**
 * The default worker count: 0, in-process. Measured on the 2-core development VM, quiet: 1,000,000 rows in 2.9 s
 * in-process and 2.85 s with two workers (5.0 s of CPU against 3.4 s: each worker compiles and warms up its own
 * code, and the chunks are copied both ways), 176 MB against 106 MB; 100,000 rows in 0.8 s against 1.1 s. Threads
 * are opt-in with `--workers N`, for machines with more cores.
 */
export function defaultWorkerCount(): number {
  return 0;
}

/** How many threads a machine could use: one per core, at most 4 (the benchmark runs this count too). */
export function workersPerCore(): number {
  return Math.min(availableParallelism(), 4);
}

export interface ParallelCatalogueOptions extends CatalogueCsvOptions {
  /** Worker threads classifying chunks, while the main thread reads, cuts and writes (at least 1). */
  readonly workers: number;
  readonly chunkChars?: number;
  readonly inProcessChars?: number;
  /**
   * For tests: the worker threads' chunks are classified in the main thread and answered after a delay that
   * varies from chunk to chunk, so answers come back out of order as from threads (no thread is started).
   */
  readonly simulateWorkers?: boolean;
}

interface InFlight {
  readonly job: ChunkJob;
  readonly answer: Promise<ChunkResult>;
}

/** The same interface as `CatalogueCsvTransform`, asynchronous: `push` and `end` resolve to the output in order. */
export class ParallelCatalogueTransform {
  private readonly main: CatalogueCsvTransform;
  private readonly chunkChars: number;
  private readonly inProcessChars: number;
  private readonly maxRecordChars: number;
  private mode: "start" | "parallel" | "in-process" = "start";
  private readChars = 0;
  private cutter: RecordCutter | undefined;
  private pool: WorkerPool | undefined;
  private inFlight: InFlight[] = [];
  /** The row the next chunk written must start at: the last boundary the workers confirmed. */
  private expectedRow = 0;
  private newline: LineEnd = "\n";
  private nextId = 0;

  constructor(private readonly options: ParallelCatalogueOptions) {
    this.main = new CatalogueCsvTransform(options);
    this.chunkChars = Math.max(1, options.chunkChars ?? DEFAULT_CHUNK_CHARS);
    this.inProcessChars = options.inProcessChars ?? DEFAULT_IN_PROCESS_CHARS;
    this.maxRecordChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  }

  get tally(): Tally {
    return this.main.tally;
  }

  get stopped(): string | undefined {
    return this.main.stopped;
  }

  get classifierOrUndefined(): CatalogueClassifier | undefined {
    return this.main.classifierOrUndefined;
  }

  /** The output for the records `text` completes, in order, in pieces (one per chunk: never joined into one text). */
  async push(text: string): Promise<string[]> {
    const output: string[] = [];
    await this.read(text, output);
    return output.filter((piece) => piece !== "");
  }

  private async read(text: string, output: string[]): Promise<void> {
    if (this.main.stopped !== undefined) return;
    if (this.mode === "in-process") {
      output.push(this.main.push(text));
      return;
    }
    if (this.mode === "start") {
      // Up to `inProcessChars` in-process; the rest of the piece goes to the workers once the header is read.
      const head = text.slice(0, Math.max(0, this.inProcessChars - this.readChars));
      output.push(this.main.push(head));
      this.readChars += head.length;
      if (head.length === text.length) return;
      const rest = text.slice(head.length);
      this.startWorkers();
      if (this.parallel) return this.read(rest, output);
      this.readChars += rest.length;
      output.push(this.main.push(rest));
      return;
    }
    const cutter = this.cutter!;
    cutter.add(text);
    for (let chunk = cutter.take(); chunk; chunk = cutter.take()) {
      await this.send(chunk.text, chunk.row, false, output);
      if (this.mode !== "parallel") break;
    }
    if (this.mode === "parallel" && cutter.unfinished > this.maxRecordChars) await this.readOnInProcess(output);
    if (!this.parallel) output.push(this.main.push(cutter.takeAll().text));
  }

  /** False once the rest is read in-process (the mode changes while an answer is awaited). */
  private get parallel(): boolean {
    return this.mode === "parallel";
  }

  async end(): Promise<string[]> {
    const output: string[] = [];
    if (this.mode === "parallel") {
      const rest = this.cutter!.takeAll();
      if (rest.text.length > 0) await this.send(rest.text, rest.row, true, output);
      await this.readOnInProcess(output);
    }
    output.push(this.main.end());
    return output.filter((piece) => piece !== "");
  }

  /** Stops the workers (also after an error). */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    this.inFlight = [];
    await pool?.close();
  }

  private startWorkers(): void {
    const handOff = this.main.handOff();
    if (!handOff) return;
    const classifier = this.main.classifierOrUndefined!;
    this.mode = "parallel";
    this.newline = handOff.newline;
    this.expectedRow = handOff.row;
    this.cutter = new RecordCutter(handOff.newline, handOff.row, this.chunkChars);
    this.cutter.add(handOff.text);
    this.pool = new WorkerPool(this.options.workers, this.options.simulateWorkers === true, {
      header: [...classifier.plan.header],
      rulesDate: this.options.rules.date,
      strict: this.options.strict === true,
      excelSafe: this.options.excelSafe === true,
      maxRecordChars: this.options.maxRecordChars,
    });
  }

  /** Sends a chunk; first writes back (to `output`) the oldest answers while too many are in flight. */
  private async send(text: string, row: number, last: boolean, output: string[]): Promise<void> {
    while (this.inFlight.length >= 2 * this.options.workers && this.mode === "parallel")
      output.push(await this.settle());
    if (this.mode !== "parallel") {
      output.push(this.main.push(text));
      return;
    }
    const job: ChunkJob = { id: this.nextId++, text, row, newline: this.newline, last };
    const answer = this.pool!.run(job);
    answer.catch(() => undefined); // an answer no longer awaited (after a fallback) must not go unhandled
    this.inFlight.push({ job, answer });
  }

  /** The oldest chunk's answer, checked and counted; or, when its cut was wrong, the rest read in-process. */
  private async settle(): Promise<string> {
    const { job, answer } = this.inFlight.shift()!;
    const result = await answer;
    if (job.row !== this.expectedRow || (!job.last && result.pending !== 0)) {
      const texts = [job.text, ...this.inFlight.map((f) => f.job.text)];
      await this.toInProcess();
      return this.main.push(texts.join(""));
    }
    this.expectedRow = result.nextRow;
    this.count(result);
    if (result.stopped !== undefined) {
      this.main.stopped = result.stopped;
      await this.close();
      this.mode = "in-process";
    }
    return result.output;
  }

  /** Writes back every chunk in flight; then reads the rest in-process from the last confirmed boundary. */
  private async readOnInProcess(output: string[]): Promise<void> {
    while (this.inFlight.length > 0 && this.mode === "parallel") output.push(await this.settle());
    if (this.mode === "parallel") await this.toInProcess();
  }

  private async toInProcess(): Promise<void> {
    this.mode = "in-process";
    await this.close();
    if (this.main.stopped === undefined) this.main.resume(this.expectedRow, this.newline);
  }

  /** Adds a chunk's counts to the run's: the tally, --fail-on, the invalid rows, the formula-like cells. */
  private count(result: ChunkResult): void {
    const { tally } = this.main;
    tally.read += result.read;
    tally.invalid += result.invalid;
    for (const [clause, rows] of result.byClause) tally.byClause.set(clause, (tally.byClause.get(clause) ?? 0) + rows);
    const failOn = this.options.failOn ?? ((_: ClauseSummary) => false);
    for (const [key, rows] of result.summaries) if (failOn(summaryOfKey(key))) tally.failOn += rows;
    for (const message of result.invalidMessages) this.options.onInvalid?.(message);
    this.main.formulaLikeCells += result.formulaLikeCells;
  }
}

/**
 * Worker threads answering chunks in turn, while the main thread only reads, cuts and writes. A worker that fails
 * fails the run (an internal error).
 */
class WorkerPool {
  private readonly workers: {
    worker: Worker | SimulatedWorker;
    waiting: { resolve: (r: ChunkResult) => void; reject: (e: Error) => void }[];
  }[];
  private next = 0;
  private failure: Error | undefined;

  constructor(
    private readonly count: number,
    simulate: boolean,
    setup: ChunkSetup,
  ) {
    this.workers = Array.from({ length: count }, () => {
      const worker = simulate ? new SimulatedWorker(setup) : startWorker(setup);
      const entry = { worker, waiting: [] as { resolve: (r: ChunkResult) => void; reject: (e: Error) => void }[] };
      worker.on("message", (result: ChunkResult) => entry.waiting.shift()?.resolve(result));
      worker.on("error", (error) => this.fail(error));
      worker.on("exit", (code) => {
        if (entry.waiting.length > 0) this.fail(new Error(`a classify worker thread exited (code ${code})`));
      });
      return entry;
    });
  }

  run(job: ChunkJob): Promise<ChunkResult> {
    if (this.failure) return Promise.reject(this.failure);
    const entry = this.workers[this.next++ % this.count]!;
    return new Promise((resolve, reject) => {
      entry.waiting.push({ resolve, reject });
      entry.worker.postMessage(job);
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const entry of this.workers) for (const waiting of entry.waiting.splice(0)) waiting.reject(this.failure);
  }

  async close(): Promise<void> {
    for (const entry of this.workers) entry.waiting.length = 0;
    await Promise.all(this.workers.map((entry) => entry.worker.terminate()));
  }
}

/**
 * Each worker's young generation capped at 16 MB: with the default, two workers and the main thread peaked above
 * 200 MB on 1,000,000 rows (220 MB; 183 MB capped, measured on the 2-core development VM).
 */
const WORKER_LIMITS = { resourceLimits: { maxYoungGenerationSizeMb: 16 } };

/** The worker thread; run from the TypeScript sources (the specs), it loads them through tsx as the specs do. */
function startWorker(setup: ChunkSetup): Worker {
  if (!import.meta.url.endsWith(".ts"))
    return new Worker(new URL("./classify-worker.js", import.meta.url), { workerData: setup, ...WORKER_LIMITS });
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve("tsx/esm/api")
      .replace(/\.cjs$/, ".mjs"),
  ).href;
  const file = new URL("./classify-worker.ts", import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(file)}); });`;
  return new Worker(code, { eval: true, workerData: setup, ...WORKER_LIMITS });
}

/**
 * A stand-in for a worker thread in tests (`simulateWorkers`): the same messages, each answered 0–4 ms after
 * the one before (a thread answers in the order it was asked; threads among themselves do not).
 */
class SimulatedWorker extends EventEmitter {
  private readonly chunks: ChunkClassifier;
  private queue: Promise<void> = Promise.resolve();
  private terminated = false;

  constructor(setup: ChunkSetup) {
    super();
    this.chunks = new ChunkClassifier(setup);
  }

  postMessage(job: ChunkJob): void {
    const result = this.chunks.classify(job);
    this.queue = this.queue
      .then(() => new Promise((resolve) => setTimeout(resolve, (job.id * 7) % 5)))
      .then(() => {
        if (!this.terminated) this.emit("message", result);
      });
  }

  async terminate(): Promise<number> {
    this.terminated = true;
    this.emit("exit", 0);
    return 0;
  }
}
