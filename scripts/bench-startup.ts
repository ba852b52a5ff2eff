/**
 * Start-up time of the `ic3a090` executable against the floor `node -e 0` (issue 13, target 2). This file is a
 * stand-in with the interface scripts/bench.ts imports: the start-up work (its own branch) brings the measurement.
 * Here: the median of `runs` wall times of `node dist/cli/bin.js --version` and of `classify data/examples/h100.json`,
 * interleaved with `node -e 0`.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** One command's start-up: its median wall time, the floor's in the same run, their ratio and the target ratio. */
export interface StartupRow {
  what: string;
  medianMs: number;
  floorMs: number;
  ratio: number;
  target: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function timeOnce(args: readonly string[]): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { cwd: root, stdio: "ignore" });
  if (run.status !== 0) throw new Error(`node ${args.join(" ")} exited ${run.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function measureStartup(runs = 10): Promise<StartupRow[]> {
  const probes = [
    { what: "--version", args: ["dist/cli/bin.js", "--version"], target: 1.3 },
    {
      what: "classify h100.json",
      args: ["dist/cli/bin.js", "classify", "data/examples/h100.json", "--date", "2026-09-01"],
      target: 2,
    },
  ];
  const floor: number[] = [];
  const times = probes.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    floor.push(timeOnce(["-e", "0"]));
    probes.forEach((probe, k) => times[k]!.push(timeOnce(probe.args)));
  }
  const floorMs = median(floor);
  return probes.map((probe, k) => {
    const medianMs = median(times[k]!);
    return { what: probe.what, medianMs, floorMs, ratio: medianMs / floorMs, target: probe.target };
  });
}
