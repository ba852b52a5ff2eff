/**
 * Issue 13, start-up: what a run loads, so that a slow start cannot come back unnoticed (the times themselves are
 * measured by scripts/bench-startup.ts, never here). A loader hook records every module URL a run loads; the files
 * of the bundle (dist/cli/) are mapped to the packages they hold through dist/cli/bundle.json, written by
 * scripts/build-cli.mjs; packages left out of the bundle show as their own node_modules URLs. Node's own modules,
 * which CommonJS code (commander) may require() past the hook, are read from process.moduleLoadList at exit.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildProgram } from "../../src/cli/main.js";
import { LAZY_COMMANDS } from "../../src/cli/start.js";

const root = resolve(".");
const distCli = pathToFileURL(join(root, "dist/cli/")).href;
let work: string;
let register: string;
let builtinsLog: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "ic3a090-startup-"));
  writeFileSync(
    join(work, "hooks.mjs"),
    `import { appendFileSync } from "node:fs";
let log;
export function initialize(data) { log = data.log; }
export async function load(url, context, next) {
  appendFileSync(log, url + "\\n");
  return next(url, context);
}
`,
  );
  register = join(work, "register.mjs");
  writeFileSync(
    register,
    `import { register } from "node:module";
register("./hooks.mjs", import.meta.url, { data: { log: process.env.IC3A090_LOADED_LOG } });
`,
  );
  // Apart from the hook, which runs in a worker thread of its own (so loads worker_threads).
  builtinsLog = join(work, "builtins.mjs");
  writeFileSync(
    builtinsLog,
    `import { writeFileSync } from "node:fs";
process.on("exit", () => {
  const builtins = process.moduleLoadList.filter((line) => line.startsWith("NativeModule "));
  writeFileSync(process.env.IC3A090_LOADED_LOG, builtins.map((line) => line.slice(13) + "\\n").join(""));
});
`,
  );
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

interface Loaded {
  status: number | null;
  stdout: string;
  /** The files of dist/cli/ that the run loaded, by name. */
  files: string[];
  /** The npm packages whose code the run loaded, bundled or not. */
  packages: Set<string>;
  /** The modules under src/ whose code the run loaded. */
  modules: string[];
}

/** Runs the built CLI with the loader hook and says what it loaded. */
function loadedBy(args: readonly string[], input = ""): Loaded {
  const log = join(work, `loaded-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(log, "");
  const run = spawnSync(process.execPath, ["--import", pathToFileURL(register).href, "dist/cli/bin.js", ...args], {
    cwd: root,
    input,
    encoding: "utf8",
    env: { ...process.env, IC3A090_LOADED_LOG: log },
  });
  const urls = readFileSync(log, "utf8").split("\n").filter(Boolean);
  const bundle = JSON.parse(readFileSync(join(root, "dist/cli/bundle.json"), "utf8")) as Record<
    string,
    { packages: string[]; modules: string[] }
  >;
  const files = urls.filter((url) => url.startsWith(distCli)).map((url) => basename(fileURLToPath(url)));
  const packages = new Set<string>();
  for (const file of files) for (const name of bundle[file]?.packages ?? []) packages.add(name);
  for (const url of urls) {
    const name = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
    if (name !== undefined) packages.add(name);
  }
  const modules = files.flatMap((file) => bundle[file]?.modules ?? []);
  return { status: run.status, stdout: run.stdout, files, packages, modules };
}

/** Node's own modules a run of the built CLI loaded by its end ("worker_threads", "internal/crypto/hash", ...). */
function builtinsLoadedBy(args: readonly string[]): Set<string> {
  const log = join(work, `builtins-${Math.random().toString(36).slice(2)}.txt`);
  const run = spawnSync(process.execPath, ["--import", pathToFileURL(builtinsLog).href, "dist/cli/bin.js", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, IC3A090_LOADED_LOG: log },
  });
  expect(run.status).toBe(0);
  return new Set(readFileSync(log, "utf8").split("\n").filter(Boolean));
}

let classifyRun: Loaded | undefined;
/** One classify of the H100 example, shared by the tests that look at it. */
function classifyH100(): Loaded {
  classifyRun ??= loadedBy(["classify", "data/examples/h100.json", "--date", "2026-09-01"]);
  return classifyRun;
}

describe("start-up: a run loads only what its command uses", () => {
  it("every file of dist/cli/ that a run loads is a file of the bundle (the map of packages is current)", () => {
    const run = classifyH100();
    const bundle = JSON.parse(readFileSync(join(root, "dist/cli/bundle.json"), "utf8")) as Record<string, unknown>;
    expect(run.status).toBe(0);
    expect(run.files.filter((file) => !(file in bundle))).toEqual([]);
  });

  it("--version loads the entry file alone: no zod, commander, fastify, exceljs or papaparse", () => {
    const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
    const run = loadedBy(["--version"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${version}\n`);
    expect(run.files).toEqual(["bin.js"]);
    expect([...run.packages]).toEqual([]);
  });

  it("classify of a JSON datasheet validates it with zod, without loading fastify or exceljs", () => {
    const run = classifyH100();
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ part: "H100-SXM5-80GB", eccn: "3A090.a" });
    // zod and commander are seen: the hook and the map do see bundled packages.
    expect(run.packages.has("zod")).toBe(true);
    expect(run.packages.has("commander")).toBe(true);
    expect(run.packages.has("fastify")).toBe(false);
    expect(run.packages.has("exceljs")).toBe(false);
  });

  it("classify loads its own bundle alone (src/cli/classify-run.ts, built apart): ten files at most", () => {
    const run = classifyH100();
    expect(
      run.files.filter((file) => !/^(bin|classify-run|classify-one-shot)\.js$|^chunk-classify-/.test(file)),
    ).toEqual([]);
    expect(run.files).toContain("classify-run.js");
    expect(run.files.length).toBeLessThanOrEqual(10);
  });

  it("classify of a JSON datasheet loads no worker threads, child processes, crypto, CSV parser or catalogue modules", () => {
    const builtins = builtinsLoadedBy(["classify", "data/examples/h100.json", "--date", "2026-09-01"]);
    expect(builtins.has("fs")).toBe(true);
    // crypto: the rules data's digest is the one the build computed (src/rules/checked-data.ts).
    for (const builtin of ["worker_threads", "child_process", "dgram", "crypto"])
      expect(builtins.has(builtin)).toBe(false);
    const run = classifyH100();
    expect([...run.packages].sort()).toEqual(["commander", "zod"]);
    expect(run.modules.filter((module) => module.startsWith("src/catalogue/"))).toEqual([
      "src/catalogue/xlsx-types.ts",
    ]);
  });

  it("classify answers the same on the rules data as built, and validates (here refuses) a data file edited since", () => {
    const copy = join(work, "package");
    for (const path of ["dist", "data", "package.json"])
      cpSync(join(root, path), join(copy, path), { recursive: true });
    symlinkSync(join(root, "node_modules"), join(copy, "node_modules"), "dir");
    const classify = () =>
      spawnSync(
        process.execPath,
        ["dist/cli/bin.js", "classify", join(root, "data/examples/h100.json"), "--date", "2026-09-01"],
        {
          cwd: copy,
          encoding: "utf8",
        },
      );
    const asBuilt = classify();
    expect(asBuilt.status).toBe(0);
    expect(asBuilt.stdout).toBe(classifyH100().stdout);
    const formats = join(copy, "data/rules/formats.json");
    writeFileSync(formats, readFileSync(formats, "utf8").replace('"bitLength": 8', '"bitLength": -8'));
    const edited = classify();
    expect(edited.status).not.toBe(0);
    expect(edited.stderr).toMatch(/data\/rules\/formats\.json: versions\.\d+\.formats\.\w+\.bitLength: /);
  });

  it("a command loads its own module and not the other commands' (classify loads no license, serve, attest)", () => {
    const run = classifyH100();
    expect(run.modules).toContain("src/cli/classify-command.ts");
    for (const other of ["license", "serve", "attest", "verify", "presume", "report"])
      expect(run.modules).not.toContain(`src/cli/${other}-command.ts`);
  });

  it("a run on a small file turns zod's compiled parsers off; a run on stdin, which may be long, keeps them", () => {
    expect(classifyH100().modules).toContain("src/cli/one-shot.ts");
    const stdin = loadedBy(["classify", "-", "--date", "2026-09-01"], readFileSync("data/examples/h100.json", "utf8"));
    expect(stdin.status).toBe(0);
    expect(JSON.parse(stdin.stdout)).toEqual(JSON.parse(classifyH100().stdout));
    expect(stdin.modules).toContain("src/cli/classify-command.ts");
    expect(stdin.modules).not.toContain("src/cli/one-shot.ts");
  });

  it("every command of main.ts can be loaded alone, under the same names and aliases, in the same order", () => {
    const commands = buildProgram().commands.map((command) => [command.name(), ...command.aliases()]);
    expect(LAZY_COMMANDS.map((command) => command.names)).toEqual(commands);
  });

  it("--help still loads every command, to list them all", () => {
    const run = loadedBy(["--help"]);
    expect(run.status).toBe(0);
    for (const name of ["classify", "presume", "license", "serve", "allocations"])
      expect(run.stdout).toMatch(new RegExp(`^  ${name}\\b`, "m"));
  });
});
