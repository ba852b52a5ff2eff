/**
 * The package installs as users install it: `npm pack` gives a tarball that installs into another project, where
 * the bin runs from any folder with its bundled data, `import { classify } from "ic3a090"` works, and the library's
 * types compile without @types/node.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = resolve(".");
let work: string;
let project: string;

function npm(args: string[], cwd: string): string {
  return execFileSync("npm", [...args, "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], {
    cwd,
    encoding: "utf8",
  });
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "ic3a090-install-"));
  npm(["pack", "--pack-destination", work], root);
  const tarball = readdirSync(work).find((name) => name.endsWith(".tgz"));
  if (tarball === undefined) throw new Error("npm pack made no tarball");
  project = join(work, "project");
  execFileSync("mkdir", ["-p", project]);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "uses-ic3a090", private: true, type: "module" }));
  npm(["install", join(work, tarball)], project);
}, 180_000);

// Removing an installed node_modules tree can take longer than the default 10 s on a loaded machine.
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
}, 120_000);

describe("the packed tarball, installed as a dependency", () => {
  it("runs the bin from another folder, with the bundled data", () => {
    const bin = join(project, "node_modules", ".bin", "ic3a090");
    const run = spawnSync(bin, ["classify", join(root, "data/examples/h100.json"), "--date", "2026-09-01"], {
      cwd: tmpdir(),
      encoding: "utf8",
    });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ part: "H100-SXM5-80GB", eccn: "3A090.a" });
  });

  it("imports { classify } from the package", () => {
    const script = join(project, "use.mjs");
    writeFileSync(
      script,
      `import { classify } from "ic3a090";
const result = classify({ part: "X", datacenter: true, units: [{ rates: [{ format: "FP8", tops: "600" }] }] },
  { date: "2026-09-01" });
console.log(result.eccn);
`,
    );
    expect(execFileSync(process.execPath, [script], { cwd: project, encoding: "utf8" }).trim()).toBe("3A090.a");
  });

  it("type-checks a TypeScript user of the library without @types/node", () => {
    writeFileSync(
      join(project, "use.ts"),
      `import { classify, type Classification } from "ic3a090";
const result: Classification = classify({ part: "X", datacenter: true, units: [{ rates: [{ format: "FP8", tops: "600" }] }] });
export const eccn: string = result.eccn;
`,
    );
    // No @types/node in this project, and "types": [] so none is picked up from elsewhere.
    const compilerOptions = { noEmit: true, strict: true, module: "nodenext", target: "es2022", types: [] };
    writeFileSync(join(project, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["use.ts"] }));
    const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
    const run = spawnSync(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: project, encoding: "utf8" });
    expect(run.stdout + run.stderr).toBe("");
    expect(run.status).toBe(0);
  });
});
