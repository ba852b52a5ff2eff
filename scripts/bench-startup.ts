/**
 * Start-up time of the `ic3a090` executable (issue 13, target 2), against the floor `node -e 0` in the same run:
 * `--version` within 1.3× of it, `classify data/examples/h100.json` within 2×, from a checkout (`node
 * dist/cli/bin.js`) and as a dependency installs it (the bin of the packed tarball, installed into a temporary
 * project once, as spec/install.spec.ts does).
 *
 * `npx tsx scripts/bench-startup.ts [--runs N] [--no-installed]` prints a table; scripts/bench.ts imports
 * `measureStartup`. Runs are interleaved (each round runs every command once, starting one later than the round
 * before) so that a change in the machine's load falls on all of them alike; each figure is a median. Needs a built dist/ (`npm run build`). Not a test:
 * timings depend on the machine and on what else runs on it.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const DATASHEET = join(root, "data/examples/h100.json");
const DATE = "2026-09-01";

/** One command's start-up: its median wall time, the floor's in the same run, their ratio and the target ratio. */
export interface StartupRow {
  what: string;
  medianMs: number;
  floorMs: number;
  ratio: number;
  target: number;
}

interface Probe {
  what: string;
  command: string;
  args: string[];
  target: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Wall time of one run, in ms; throws if the command fails, so that a broken build is never timed as fast. */
function timeOnce(probe: Probe, cwd: string): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(probe.command, probe.args, { cwd, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`${probe.what} exited ${run.status}: ${run.stderr}`);
  return ms;
}

/** Packs the built package and installs it into a new temporary project; the project's folder, or why not. */
function installPacked(): { project: string; work: string } | { skipped: string } {
  const work = mkdtempSync(join(tmpdir(), "ic3a090-startup-"));
  try {
    const npm = (args: string[], cwd: string) =>
      execFileSync("npm", [...args, "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], {
        cwd,
        stdio: ["ignore", "ignore", "pipe"],
      });
    // --ignore-scripts: pack the dist/ being measured, without building it again.
    npm(["pack", "--ignore-scripts", "--pack-destination", work], root);
    const tarball = readdirSync(work).find((name) => name.endsWith(".tgz"));
    if (tarball === undefined) throw new Error("npm pack made no tarball");
    const project = join(work, "project");
    mkdirSync(project);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "uses-ic3a090", private: true }));
    npm(["install", join(work, tarball)], project);
    return { project, work };
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    return { skipped: `the packed tarball could not be installed: ${(error as Error).message.split("\n")[0]}` };
  }
}

/**
 * Medians of `runs` runs each of `node -e 0` (the floor), `node dist/cli/bin.js --version`, `node dist/cli/bin.js
 * classify data/examples/h100.json`, and the same two through the installed bin (`node_modules/.bin/ic3a090`)
 * unless `installed` is false or the install fails (then a note on stderr says why, and those rows are left out).
 */
export async function measureStartup(runs = 10, options: { installed?: boolean } = {}): Promise<StartupRow[]> {
  const bin = join(root, "dist/cli/bin.js");
  if (!existsSync(bin)) throw new Error("dist/cli/bin.js is missing: run npm run build first");
  const node = process.execPath;
  const classifyArgs = ["classify", DATASHEET, "--date", DATE];
  const probes: Probe[] = [
    { what: "node -e 0 (floor)", command: node, args: ["-e", "0"], target: 1 },
    { what: "node dist/cli/bin.js --version", command: node, args: [bin, "--version"], target: 1.3 },
    { what: "node dist/cli/bin.js classify h100.json", command: node, args: [bin, ...classifyArgs], target: 2 },
  ];
  const install = options.installed === false ? { skipped: "not asked for" } : installPacked();
  if ("project" in install) {
    const installedBin = join(install.project, "node_modules", ".bin", "ic3a090");
    probes.push(
      { what: "installed bin: ic3a090 --version", command: installedBin, args: ["--version"], target: 1.3 },
      { what: "installed bin: ic3a090 classify h100.json", command: installedBin, args: classifyArgs, target: 2 },
    );
  } else if (options.installed !== false)
    process.stderr.write(`bench-startup: installed bin skipped: ${install.skipped}\n`);
  try {
    // The working folder of the installed runs is elsewhere, so that data/ is found from the package.
    const cwd = "project" in install ? tmpdir() : root;
    for (const probe of probes) timeOnce(probe, cwd); // warm the file cache; not counted
    const times = probes.map(() => [] as number[]);
    // Each round starts one probe later, so that no command always follows the same one.
    for (let run = 0; run < runs; run++)
      for (let k = 0; k < probes.length; k++) {
        const i = (run + k) % probes.length;
        times[i]!.push(timeOnce(probes[i]!, cwd));
      }
    const floorMs = median(times[0]!);
    return probes.map((probe, i) => {
      const medianMs = median(times[i]!);
      return { what: probe.what, medianMs, floorMs, ratio: medianMs / floorMs, target: probe.target };
    });
  } finally {
    if ("work" in install) rmSync(install.work, { recursive: true, force: true });
  }
}

/** The rows as a small text table, with each target met or not. */
export function startupTable(rows: readonly StartupRow[]): string {
  const width = Math.max(...rows.map((row) => row.what.length));
  const lines = [`${"start-up".padEnd(width)}  median ms  ratio  target`];
  for (const row of rows) {
    const verdict = row.ratio <= row.target ? "met" : "NOT met";
    const target = row.target === 1 ? "(floor)" : `≤ ${row.target}× ${verdict}`;
    lines.push(
      `${row.what.padEnd(width)}  ${row.medianMs.toFixed(0).padStart(9)}  ${row.ratio.toFixed(2).padStart(5)}  ${target}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const index = process.argv.indexOf("--runs");
  const runs = index >= 0 ? Number.parseInt(process.argv[index + 1] ?? "", 10) : 10;
  const rows = await measureStartup(Number.isInteger(runs) && runs > 0 ? runs : 10, {
    installed: !process.argv.includes("--no-installed"),
  });
  process.stdout.write(startupTable(rows));
}
