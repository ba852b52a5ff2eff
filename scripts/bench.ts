/**
 * `npm run bench [-- --rows N --small N --orders N --envelopes N --runs N --date YYYY-MM-DD]`: the benchmark of
 * issues 5 and 13, one table. Not a test: timings depend on the machine and on what else runs on it; compare the
 * ratios, which come from one run.
 *
 * 1. Catalogue throughput: a synthetic catalogue (default 1,000,000 rows, 2% exactly on a threshold edge of the
 *    rules in force) classified by the built CLI (`classify FILE --output /dev/null`) in-process (`--workers 0`)
 *    and with `--workers N` worker threads (one per core, at least 2), the targets judged on the one a plain
 *    `classify` runs, against two floors over the same file in the same run: a bare streaming split(',')/join pass
 *    (scripts/bench-splitjoin.mjs) and papaparse parse + serialize (scripts/bench-floor.mjs).
 *    Each in its own process, interleaved, best of `--runs`; each process's peak RSS, at 100k and at the full size.
 * 2. The other batches: `presume` and `report` over generated JSON Lines orders (default 1,000,000), and `verify`
 *    over 10,000 DSSE envelopes (a key made with `keygen`, a few datasheets signed with `attest`, the envelopes
 *    repeated; scripts/bench-verify.mjs verifies them with the built library, as `verify` does one).
 * 3. Start-up: scripts/bench-startup.ts's `measureStartup()` (`node -e 0` as the floor).
 * 4. Correctness: the catalogue classified with the exact core, a plain-float implementation of the clauses, and an
 *    independent oracle on mathjs fractions; the rows each gets wrong against the oracle.
 *
 * Prints the table and writes scripts/.bench-results.json (ignored by git).
 */
import { spawnSync } from "node:child_process";
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { fraction, type Fraction } from "mathjs";
import { CatalogueClassifier } from "../src/catalogue/classify.js";
import { CsvSplitter } from "../src/catalogue/csv.js";
import { type RuleSet, rulesAt, type Threshold, type ThresholdId } from "../src/rules/rules.js";
import { measureStartup, type StartupRow } from "./bench-startup.js";
import { defaultWorkerCount, workersPerCore } from "../src/catalogue/parallel.js";
import { writeCatalogue } from "./catalogue-generator.js";

const root = fileURLToPath(new URL("..", import.meta.url));

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}
function count(name: string, fallback: number): number {
  const value = Number.parseInt(option(name, String(fallback)), 10);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number of at least 1`);
  return value;
}
const ROWS = count("rows", 1_000_000);
const SMALL = Math.min(ROWS, count("small", 100_000));
const ORDERS = count("orders", 1_000_000);
const ENVELOPES = count("envelopes", 10_000);
const RUNS = count("runs", 3);
/** The worker threads of the multi-threaded run: one per core, at most 4. */
const THREADS = Math.max(2, workersPerCore());
/** Whether a plain `classify` (no --workers) runs as the multi-threaded run does; else in-process. */
const DEFAULT_THREADED = defaultWorkerCount() === THREADS;
if (defaultWorkerCount() !== 0 && !DEFAULT_THREADED)
  throw new Error(`the default worker count (${defaultWorkerCount()}) is neither 0 nor ${THREADS}: time it too`);
const DATE = option("date", "2026-11-22");
const EDGE_SHARE = 0.02;
/** The targets of issue 13. */
const TARGET = { rowsPerSecond: 300_000, ratioToSplitJoin: 1.5, peakRssMb: 200, rssGrowth: 1.25 };

interface Run {
  seconds: number;
  maxRssMb: number;
  status: number | null;
}

/** Runs a node script in a child process, its stdout thrown away; wall time and the child's own peak RSS. */
function runNode(args: readonly string[], okStatuses: readonly number[] = [0]): Run {
  const preload = new URL("./bench-maxrss.mjs", import.meta.url).href;
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ["--import", preload, ...args], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 64 << 20,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const kb = /BENCH_MAXRSS_KB (\d+)/.exec(child.stderr)?.[1];
  if (kb === undefined || !okStatuses.includes(child.status ?? -1))
    throw new Error(`child ${args.join(" ")} exited ${child.status}: ${child.stderr.slice(-2000)}`);
  return { seconds, maxRssMb: Number.parseInt(kb, 10) / 1024, status: child.status };
}

/** Each command run `times` times, interleaved (a change in the machine's load falls on all alike); the best of each. */
function bestOf<K extends string>(times: number, commands: Record<K, () => Run>): Record<K, Run> {
  const best = {} as Record<K, Run>;
  for (let i = 0; i < times; i++) {
    for (const key of Object.keys(commands) as K[]) {
      const run = commands[key]();
      if (!best[key] || run.seconds < best[key].seconds) best[key] = run;
    }
  }
  return best;
}

// ---- The clauses, written once over an arithmetic: mathjs fractions (the oracle) or JS numbers (floats). ----

interface Arithmetic<T> {
  parse(text: string): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  cmp(a: T, b: T): number;
  isZero(a: T): boolean;
}

const floats: Arithmetic<number> = {
  parse: (text) => Number.parseFloat(text),
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  cmp: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  isZero: (a) => a === 0,
};

const fractions: Arithmetic<Fraction> = {
  parse: (text) => fraction(text),
  mul: (a, b) => a.mul(b),
  div: (a, b) => a.div(b),
  cmp: (a, b) => a.compare(b),
  isZero: (a) => a.equals(0),
};

type Pd<T> = { kind: "exact"; value: T } | { kind: "undefined" } | { kind: "unbounded" };

/** A plain implementation of 3A090.a/.b/.c for the generated columns, over any arithmetic. */
function clauseOf<T>(ar: Arithmetic<T>, rules: RuleSet, row: Record<string, string>): string {
  const t = (id: ThresholdId) => rules.threshold(id) as Threshold;
  const meets = (value: T, threshold: Threshold) => {
    const order = ar.cmp(value, ar.parse(threshold.value.toExactString()));
    return threshold.operator === ">=" ? order >= 0 : threshold.operator === "<" ? order < 0 : order > 0;
  };
  const yes = (text: string | undefined) => (text ?? "").trim().toLowerCase();
  if (yes(row.kind) === "hbm") {
    const density = ar.div(ar.parse(row.hbm_bandwidth_gbps!), ar.parse(row.hbm_area_mm2!));
    return meets(density, t("3A090.c.mbd")) ? "3A090.c" : "none";
  }
  let tpp: T | undefined;
  for (const [column, text] of Object.entries(row)) {
    if (!column.startsWith("tops_") || text.trim() === "") continue;
    const bits = rules.format(column.slice(5))!.bitLength.toExactString();
    const value = ar.mul(ar.parse(text.trim()), ar.parse(bits));
    if (tpp === undefined || ar.cmp(value, tpp) > 0) tpp = value;
  }
  const applicable = (row.die_area_mm2 ?? "").trim();
  const logic = (row.logic_die_area_mm2 ?? "").trim();
  const nonPlanar = yes(row.non_planar);
  let pds: Pd<T>[];
  if (applicable) pds = [{ kind: "exact", value: ar.div(tpp!, ar.parse(applicable)) }];
  else if (nonPlanar === "no") pds = [{ kind: "undefined" }];
  else if (nonPlanar === "yes")
    pds = logic ? [{ kind: "exact", value: ar.div(tpp!, ar.parse(logic)) }] : [{ kind: "unbounded" }];
  else if (logic) pds = [{ kind: "undefined" }, { kind: "exact", value: ar.div(tpp!, ar.parse(logic)) }];
  else pds = [{ kind: "undefined" }, { kind: "unbounded" }];
  const dc = yes(row.datacenter);
  const datacenters = dc === "yes" || dc === "true" ? [true] : dc === "no" || dc === "false" ? [false] : [true, false];
  const pdMeets = (pd: Pd<T>, threshold: Threshold) =>
    pd.kind === "exact" ? meets(pd.value, threshold) : pd.kind === "unbounded" ? threshold.operator !== "<" : false;
  const clauses: [string, ThresholdId[], ThresholdId[]][] = [
    ["3A090.a.1", ["3A090.a.1.tpp"], []],
    ["3A090.a.2", ["3A090.a.2.tpp"], ["3A090.a.2.pd"]],
    ["3A090.b.1", ["3A090.b.1.tpp.min", "3A090.b.1.tpp.max"], ["3A090.b.1.pd.min", "3A090.b.1.pd.max"]],
    ["3A090.b.2", ["3A090.b.2.tpp"], ["3A090.b.2.pd.min", "3A090.b.2.pd.max"]],
  ];
  const outcomes = new Set<string>();
  for (const datacenter of datacenters) {
    for (const pd of pds) {
      if (!datacenter && meets(tpp!, t("3A090.nonDatacenter.tpp"))) {
        outcomes.add("none");
        continue;
      }
      const hit = clauses.find(
        ([, tppIds, pdIds]) => tppIds.every((id) => meets(tpp!, t(id))) && pdIds.every((id) => pdMeets(pd, t(id))),
      );
      outcomes.add(hit ? hit[0] : "none");
    }
  }
  return outcomes.size === 1 ? [...outcomes][0]! : "indeterminate";
}

/** Classifies `path` with the exact core, floats and the oracle; counts disagreements with the oracle. */
async function compare(path: string, rules: RuleSet) {
  const splitter = new CsvSplitter();
  let classifier: CatalogueClassifier | undefined;
  const counts = { rows: 0, invalid: 0, exactWrong: 0, floatWrong: 0, edgeRows: 0, floatWrongOnEdges: 0 };
  const examples: string[] = [];
  const take = (records: ReturnType<CsvSplitter["push"]>) => {
    for (const record of records) {
      if (!classifier) {
        classifier = new CatalogueClassifier(record.fields, rules);
        continue;
      }
      counts.rows++;
      const outcome = classifier.classify(record);
      if (outcome.kind === "invalid") {
        counts.invalid++;
        continue;
      }
      const row = Object.fromEntries(classifier.plan.header.map((name, i) => [name, record.fields[i] ?? ""]));
      const truth = clauseOf(fractions, rules, row);
      const float = clauseOf(floats, rules, row);
      const edge = row.part!.startsWith("EDGE-");
      if (edge) counts.edgeRows++;
      if (outcome.result.clause !== truth) counts.exactWrong++;
      if (float !== truth) {
        counts.floatWrong++;
        if (edge) counts.floatWrongOnEdges++;
        if (examples.length < 3)
          examples.push(
            `${row.part}: tops_fp8 ${row.tops_fp8}, die_area_mm2 ${row.die_area_mm2}: exact ${truth}, floats ${float}`,
          );
      }
    }
  };
  const stream = createReadStream(path);
  stream.setEncoding("utf8");
  for await (const chunk of stream) take(splitter.push(chunk as string));
  take(splitter.end());
  return { ...counts, examples };
}

/** Writes `count` orders as JSON Lines: the example quarter's orders, renamed and spread over the quarter. */
async function writeOrders(path: string, count: number): Promise<void> {
  const examples = readFileSync(join(root, "data/examples/orders-2027Q1.jsonl"), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  const out = createWriteStream(path);
  let text = "";
  for (let i = 0; i < count; i++) {
    const order: Record<string, unknown> = {
      ...examples[i % examples.length]!,
      part: `${examples[i % examples.length]!.part}-${i}`,
    };
    order.completionDate = `2027-0${1 + (i % 3)}-${String(1 + (i % 28)).padStart(2, "0")}`;
    text += `${JSON.stringify(order)}\n`;
    if (text.length > 1 << 20) {
      if (!out.write(text)) await once(out, "drain");
      text = "";
    }
  }
  out.end(text);
  await once(out, "finish");
}

/** A key, a few datasheets signed, and `count` envelopes as JSON Lines; returns the trust file. */
function writeEnvelopes(dir: string, path: string, count: number): string {
  const cli = (args: string[]) => {
    const run = spawnSync(process.execPath, ["dist/cli/bin.js", ...args], { cwd: root, encoding: "utf8" });
    if (run.status !== 0) throw new Error(`ic3a090 ${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  };
  cli(["keygen", "--out", join(dir, "acme")]);
  writeFileSync(join(dir, "trusted-designers.json"), readFileSync(join(root, "data/examples/trusted-designers.json")));
  const datasheet = JSON.parse(readFileSync(join(root, "data/examples/attest-example.json"), "utf8"));
  const envelopes: string[] = [];
  for (const [i, tops] of ["500", "450", "300"].entries()) {
    const file = join(dir, `datasheet-${i}.json`);
    datasheet.part = `ACME-X${i + 1}`;
    datasheet.units[0].rates[0].tops = tops;
    writeFileSync(file, JSON.stringify(datasheet));
    const envelope = join(dir, `attestation-${i}.json`);
    const args = ["attest", file, "--key", join(dir, "acme.key"), "--designer", "Acme Semi", "--date", "2027-03-15"];
    cli([...args, "--output", envelope]);
    envelopes.push(JSON.stringify(JSON.parse(readFileSync(envelope, "utf8"))));
  }
  writeFileSync(path, `${Array.from({ length: count }, (_, i) => envelopes[i % envelopes.length]).join("\n")}\n`);
  return join(dir, "trusted-designers.json");
}

const thousands = (n: number) => Math.round(n).toLocaleString("en-US");

async function main(): Promise<void> {
  const rules = rulesAt(DATE);
  process.stderr.write("building dist/ (npm run build) …\n");
  const build = spawnSync("npm", ["run", "build", "--silent"], { cwd: root, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}${build.stderr}`);

  const dir = mkdtempSync(join(tmpdir(), "ic3a090-bench-"));
  try {
    const big = join(dir, `catalogue-${ROWS}.csv`);
    const small = join(dir, `catalogue-${SMALL}.csv`);
    process.stderr.write(
      `generating ${thousands(ROWS)} and ${thousands(SMALL)} rows (${EDGE_SHARE * 100}% on a threshold edge) …\n`,
    );
    await writeCatalogue(big, ROWS, rules, { edgeShare: EDGE_SHARE });
    await writeCatalogue(small, SMALL, rules, { edgeShare: EDGE_SHARE });

    // classify exits 65: the generated catalogue has invalid rows on purpose.
    const classify = (file: string, workers: number) => () =>
      runNode(
        [
          "dist/cli/bin.js",
          "classify",
          file,
          "--date",
          DATE,
          "--output",
          "/dev/null",
          "--quiet",
          "--workers",
          String(workers),
        ],
        [0, 65],
      );
    const loadAtStart = loadavg()[0]!;
    process.stderr.write(
      `timing the catalogue (best of ${RUNS}, interleaved; load average ${loadAtStart.toFixed(2)}) …\n`,
    );
    const catalogue = bestOf(RUNS, {
      parallel: classify(big, THREADS),
      oneThread: classify(big, 0),
      splitJoin: () => runNode(["scripts/bench-splitjoin.mjs", big, "/dev/null"]),
      papaparse: () => runNode(["scripts/bench-floor.mjs", big, "/dev/null"]),
    });
    const smallRuns = bestOf(1, { parallel: classify(small, THREADS), oneThread: classify(small, 0) });

    const orders = join(dir, "orders.jsonl");
    process.stderr.write(`generating ${thousands(ORDERS)} orders; presume and report …\n`);
    await writeOrders(orders, ORDERS);
    const presume = runNode(["dist/cli/bin.js", "presume", orders, "--quiet"], [0, 1, 65]);
    const report = runNode(
      [
        "dist/cli/bin.js",
        "report",
        "--quarter",
        "2027Q1",
        orders,
        "--fabricator-name",
        "Fab",
        "--fabricator-address",
        "1 Fab Rd",
      ],
      [0, 1, 65],
    );

    process.stderr.write(`signing envelopes; verifying ${thousands(ENVELOPES)} …\n`);
    const envelopes = join(dir, "envelopes.jsonl");
    const trust = writeEnvelopes(dir, envelopes, ENVELOPES);
    const verify = runNode(["scripts/bench-verify.mjs", envelopes, trust]);

    process.stderr.write("start-up (scripts/bench-startup.ts) …\n");
    const startup: StartupRow[] = await measureStartup();

    process.stderr.write("classifying with the exact core, floats and a mathjs-fraction oracle …\n");
    const correctness = await compare(big, rules);

    const rate = (run: Run, n = ROWS) => n / run.seconds;
    // The targets are judged on what users run: the default.
    const inProcess = rate(catalogue.oneThread);
    const threads = rate(catalogue.parallel);
    const full = DEFAULT_THREADED ? threads : inProcess;
    const splitJoin = rate(catalogue.splitJoin);
    const papaparse = rate(catalogue.papaparse);
    const [fullRun, smallRun] = DEFAULT_THREADED
      ? [catalogue.parallel, smallRuns.parallel]
      : [catalogue.oneThread, smallRuns.oneThread];
    const peak = fullRun.maxRssMb;
    const growth = fullRun.maxRssMb / smallRun.maxRssMb;
    const which = (threaded: boolean) => (threaded === DEFAULT_THREADED ? ", the default" : "");
    const both = `--workers 0${which(false)}; --workers ${THREADS}${which(true)}`;
    const targets: Record<string, boolean> = {
      [`classify rows/s ≥ ${thousands(TARGET.rowsPerSecond)}`]: full >= TARGET.rowsPerSecond,
      [`within ${TARGET.ratioToSplitJoin}× of split/join`]: splitJoin / full <= TARGET.ratioToSplitJoin,
      [`peak RSS < ${TARGET.peakRssMb} MB`]: peak < TARGET.peakRssMb,
      [`RSS within ${TARGET.rssGrowth}× from ${thousands(SMALL)} to ${thousands(ROWS)}`]: growth <= TARGET.rssGrowth,
      ...Object.fromEntries(
        startup
          .filter((row) => row.target > 1)
          .map((row) => [`${row.what} within ${row.target}× of node -e 0`, row.ratio <= row.target]),
      ),
      "exact core 0 wrong": correctness.exactWrong === 0,
    };
    const table: [string, string][] = [
      ["rows", thousands(ROWS)],
      [`classify CSV→CSV, --workers 0: in-process${which(false)} (rows/s)`, thousands(inProcess)],
      [
        `classify CSV→CSV, --workers ${THREADS}: worker threads (${availableParallelism()} cores${which(true)}; rows/s)`,
        thousands(threads),
      ],
      ["floor: bare split(',')/join, streaming (rows/s)", thousands(splitJoin)],
      ["floor: papaparse parse + serialize (rows/s)", thousands(papaparse)],
      [
        `time ratio classify / split-join (${both})`,
        `${(splitJoin / inProcess).toFixed(2)}; ${(splitJoin / threads).toFixed(2)}`,
      ],
      [
        `time ratio classify / papaparse (${both})`,
        `${(papaparse / inProcess).toFixed(2)}; ${(papaparse / threads).toFixed(2)}`,
      ],
      [
        `peak RSS, classify ${thousands(SMALL)} rows (${both})`,
        `${smallRuns.oneThread.maxRssMb.toFixed(0)} MB; ${smallRuns.parallel.maxRssMb.toFixed(0)} MB`,
      ],
      [
        `peak RSS, classify ${thousands(ROWS)} rows (${both})`,
        `${catalogue.oneThread.maxRssMb.toFixed(0)} MB; ${catalogue.parallel.maxRssMb.toFixed(0)} MB`,
      ],
      ["RSS growth small → full (default)", `${growth.toFixed(2)}×`],
      [
        `presume, ${thousands(ORDERS)} orders (orders/s; peak RSS)`,
        `${thousands(rate(presume, ORDERS))}; ${presume.maxRssMb.toFixed(0)} MB`,
      ],
      [
        `report, ${thousands(ORDERS)} orders (orders/s; peak RSS)`,
        `${thousands(rate(report, ORDERS))}; ${report.maxRssMb.toFixed(0)} MB`,
      ],
      [
        `verify, ${thousands(ENVELOPES)} envelopes (envelopes/s; peak RSS)`,
        `${thousands(rate(verify, ENVELOPES))}; ${verify.maxRssMb.toFixed(0)} MB`,
      ],
      ...startup.map((row): [string, string] => [
        `start-up: ${row.what} (median ms; node -e 0; ratio)`,
        `${row.medianMs.toFixed(0)}; ${row.floorMs.toFixed(0)}; ${row.ratio.toFixed(2)}`,
      ]),
      ["rows wrong, exact core", String(correctness.exactWrong)],
      [
        "rows wrong, plain floats",
        `${correctness.floatWrong} (${correctness.floatWrongOnEdges} of ${correctness.edgeRows} edge rows)`,
      ],
    ];
    const width = Math.max(...table.map(([name]) => name.length));
    process.stdout.write(`${"measure".padEnd(width)}  value\n${"-".repeat(width)}  -----\n`);
    for (const [name, value] of table) process.stdout.write(`${name.padEnd(width)}  ${value}\n`);
    for (const example of correctness.examples) process.stdout.write(`  e.g. ${example}\n`);
    process.stdout.write(
      `targets: ${Object.entries(targets)
        .map(([k, ok]) => `${ok ? "met" : "NOT met"}: ${k}`)
        .join("; ")}\n`,
    );
    const results = {
      date: new Date().toISOString(),
      rulesDate: DATE,
      machine: {
        cpus: cpus().length,
        availableParallelism: availableParallelism(),
        cpu: cpus()[0]?.model ?? "unknown",
        memoryGb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        loadAverageAtStart: Number(loadAtStart.toFixed(2)),
        loadAverageAtEnd: Number(loadavg()[0]!.toFixed(2)),
      },
      rows: ROWS,
      runs: RUNS,
      edgeShare: EDGE_SHARE,
      rowsPerSecond: {
        classifyDefault: Math.round(full),
        classifyInProcess: Math.round(inProcess),
        classifyThreads: Math.round(threads),
        splitJoinFloor: Math.round(splitJoin),
        papaparseFloor: Math.round(papaparse),
      },
      ratios: {
        splitJoinToClassify: Number((splitJoin / full).toFixed(2)),
        papaparseToClassify: Number((papaparse / full).toFixed(2)),
        splitJoinToClassifyThreads: Number((splitJoin / threads).toFixed(2)),
      },
      peakRssMb: {
        [`classify --workers 0 ${SMALL}`]: Math.round(smallRuns.oneThread.maxRssMb),
        [`classify --workers 0 ${ROWS}`]: Math.round(catalogue.oneThread.maxRssMb),
        [`classify --workers ${THREADS} ${SMALL}`]: Math.round(smallRuns.parallel.maxRssMb),
        [`classify --workers ${THREADS} ${ROWS}`]: Math.round(catalogue.parallel.maxRssMb),
        [`split/join ${ROWS}`]: Math.round(catalogue.splitJoin.maxRssMb),
        [`papaparse ${ROWS}`]: Math.round(catalogue.papaparse.maxRssMb),
      },
      batches: {
        presume: {
          orders: ORDERS,
          perSecond: Math.round(rate(presume, ORDERS)),
          peakRssMb: Math.round(presume.maxRssMb),
        },
        report: { orders: ORDERS, perSecond: Math.round(rate(report, ORDERS)), peakRssMb: Math.round(report.maxRssMb) },
        verify: {
          envelopes: ENVELOPES,
          perSecond: Math.round(rate(verify, ENVELOPES)),
          peakRssMb: Math.round(verify.maxRssMb),
        },
      },
      startup,
      correctness,
      targets,
    };
    const out = option("json", join(root, "scripts", ".bench-results.json"));
    writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
    process.stderr.write(`figures written to ${out}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
