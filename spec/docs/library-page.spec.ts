/**
 * docs/library.md: its examples are real. Each `<!-- example: FILE -->` block is the file as it is, and each
 * `<!-- output: FILE -->` block is what the file prints. The files are compiled with tsc (strict) in a project that
 * imports the package by name, as a user's project does (node_modules/ic3a090 links to this checkout and its built
 * dist/, as `npm install ../ic3a090` would): docs/examples/library.ts without @types/node, since the main entry's
 * types need nothing from Node; library-node.ts with it. Then each is run with tsx.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const PAGE = "docs/library.md";
const root = resolve(".");
const page = readFileSync(PAGE, "utf8");
let project: string;

/** The fenced block that follows `<!-- kind: file -->` in the page, by file. */
function blocksAfter(kind: "example" | "output"): Map<string, string> {
  const pattern = new RegExp(`<!-- ${kind}: ([^ ]+) -->\\n\`\`\`[a-z]*\\n([\\s\\S]*?)\\n\`\`\`\\n`, "g");
  return new Map([...page.matchAll(pattern)].map((match) => [match[1]!, match[2]!]));
}

const examples = blocksAfter("example");
const outputs = blocksAfter("output");

function compile(file: string, types: string[]): string {
  const compilerOptions = {
    noEmit: true,
    strict: true,
    module: "nodenext",
    target: "es2022",
    types,
    // Only the Node example may find @types/node (this checkout's); the main one is left with no type roots at all.
    typeRoots: types.length > 0 ? [join(root, "node_modules", "@types")] : [],
  };
  const config = `tsconfig.${basename(file, ".ts")}.json`;
  writeFileSync(join(project, config), JSON.stringify({ compilerOptions, files: [basename(file)] }));
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  const run = spawnSync(process.execPath, [tsc, "-p", config], { cwd: project, encoding: "utf8" });
  return run.stdout + run.stderr;
}

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), "ic3a090-library-"));
  mkdirSync(join(project, "node_modules"));
  symlinkSync(root, join(project, "node_modules", "ic3a090"), "dir");
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "uses-ic3a090", private: true, type: "module" }));
  for (const file of examples.keys()) writeFileSync(join(project, basename(file)), readFileSync(file, "utf8"));
});

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe("docs/library.md", () => {
  it("shows both example files, each with its output", () => {
    expect([...examples.keys()].sort()).toEqual(["docs/examples/library-node.ts", "docs/examples/library.ts"]);
    expect([...outputs.keys()].sort()).toEqual([...examples.keys()].sort());
  });

  it("shows each example file as it is", () => {
    for (const [file, shown] of examples) expect(shown, file).toBe(readFileSync(file, "utf8").trimEnd());
  });

  it("library.ts compiles strictly against the package's types without @types/node", () => {
    expect(compile("docs/examples/library.ts", [])).toBe("");
  });

  it("library-node.ts compiles strictly against the package's types with @types/node", () => {
    expect(compile("docs/examples/library-node.ts", ["node"])).toBe("");
  });

  for (const file of ["docs/examples/library.ts", "docs/examples/library-node.ts"]) {
    it(`${file} prints what the page shows`, () => {
      const tsx = join(root, "node_modules", "tsx", "dist", "cli.mjs");
      const printed = execFileSync(process.execPath, [tsx, basename(file)], { cwd: project, encoding: "utf8" });
      expect(printed.trimEnd()).toBe(outputs.get(file));
    });
  }
});
