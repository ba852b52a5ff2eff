/**
 * Throughput of `ic3a090 serve`, measured on loopback only: the median and
 * 90th-percentile latency of `POST /api/v1/classify` with one datasheet over
 * one keep-alive connection, one request after another; and the rows per
 * second of `POST /api/v1/catalogue` beside the CLI's on the same generated
 * catalogue. The counts are bounded, so the script cannot be turned into a
 * load generator against another host.
 *
 *   npx tsx scripts/throughput.ts [--requests 2000] [--rows 20000]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { rulesAt } from "../src/rules/rules.js";
import { buildServer } from "../src/web/server.js";
import { writeCatalogue } from "./catalogue-generator.js";

const MAX_REQUESTS = 20_000;
const MAX_ROWS = 200_000;
const DATE = "2026-09-01";

function option(name: string, fallback: number, max: number): number {
  const index = process.argv.indexOf(name);
  const value = index < 0 ? fallback : Number.parseInt(process.argv[index + 1] ?? "", 10);
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new Error(`${name} must be a whole number from 1 to ${max}`);
  return value;
}

function post(
  agent: Agent,
  port: number,
  path: string,
  contentType: string,
  body: string | Buffer,
): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const call = request(
      {
        host: "127.0.0.1",
        port,
        path,
        method: "POST",
        agent,
        headers: { "content-type": contentType, "content-length": Buffer.byteLength(body) },
      },
      (response) => {
        let bytes = 0;
        response.on("data", (chunk: Buffer) => (bytes += chunk.length));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, bytes }));
      },
    );
    call.on("error", reject);
    call.end(body);
  });
}

function quantile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}

const requests = option("--requests", 2000, MAX_REQUESTS);
const rows = option("--rows", 20_000, MAX_ROWS);
const server = buildServer({ context: { presumeOptions: {}, trust: undefined } });
await server.listen({ host: "127.0.0.1", port: 0 });
const { port } = server.server.address() as AddressInfo;
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const datasheet = readFileSync("data/examples/h100.json");

for (let warm = 0; warm < 200; warm++)
  await post(agent, port, `/api/v1/classify?date=${DATE}`, "application/json", datasheet);
const latencies: number[] = [];
for (let index = 0; index < requests; index++) {
  const start = process.hrtime.bigint();
  const { status } = await post(agent, port, `/api/v1/classify?date=${DATE}`, "application/json", datasheet);
  latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
  if (status !== 200) throw new Error(`classify answered ${status}`);
}
latencies.sort((a, b) => a - b);
console.log(
  `POST /api/v1/classify, one datasheet, ${requests} requests over one keep-alive connection: median ${quantile(latencies, 0.5).toFixed(2)} ms, p90 ${quantile(latencies, 0.9).toFixed(2)} ms`,
);

const dir = mkdtempSync(join(tmpdir(), "ic3a090-throughput-"));
try {
  const file = join(dir, "catalogue.csv");
  await writeCatalogue(file, rows, rulesAt(DATE));
  const csv = readFileSync(file);
  const apiStart = process.hrtime.bigint();
  const answer = await post(agent, port, `/api/v1/catalogue?date=${DATE}`, "text/csv", csv);
  const apiSeconds = Number(process.hrtime.bigint() - apiStart) / 1e9;
  if (answer.status !== 200) throw new Error(`catalogue answered ${answer.status}`);
  const cliStart = process.hrtime.bigint();
  const cli = spawnSync(
    process.execPath,
    ["dist/cli/bin.js", "classify", file, "--date", DATE, "--output", join(dir, "out.csv")],
    { encoding: "utf8" },
  );
  const cliSeconds = Number(process.hrtime.bigint() - cliStart) / 1e9;
  if (cli.status !== 0 && cli.status !== 65) throw new Error(`the CLI exited ${cli.status}: ${cli.stderr}`);
  const apiRate = rows / apiSeconds;
  const cliRate = rows / cliSeconds;
  console.log(
    `POST /api/v1/catalogue, ${rows} rows: ${Math.round(apiRate)} rows/s; ic3a090 classify FILE.csv: ${Math.round(cliRate)} rows/s (process start included); ratio ${(apiRate / cliRate).toFixed(2)}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
  agent.destroy();
  await server.close();
}
