/**
 * The README's examples are real: every ```console block is a list of
 * `$ command` lines, each followed by the output it prints (stdout and stderr
 * together, as a terminal shows them). This spec runs each command with the
 * built CLI and compares. Blocks fenced as ```sh are shown but not run (set-up
 * commands, and examples whose output is random, such as new keys).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

interface Example {
  command: string;
  expected: string;
  line: number;
}

function readmeExamples(markdown: string): Example[] {
  const examples: Example[] = [];
  const lines = markdown.split("\n");
  let inConsole = false;
  let current: Example | undefined;
  lines.forEach((line, index) => {
    if (!inConsole && line.trim() === "```console") {
      inConsole = true;
      return;
    }
    if (!inConsole) return;
    if (line.trim() === "```") {
      inConsole = false;
      if (current) examples.push(current);
      current = undefined;
      return;
    }
    if (line.startsWith("$ ")) {
      if (current) examples.push(current);
      current = { command: line.slice(2), expected: "", line: index + 1 };
    } else if (current) {
      current.expected += `${line}\n`;
    }
  });
  return examples;
}

function run(command: string): string {
  const shellCommand = command.replace(/\bnpx ic3a090\b/g, "node dist/cli/bin.js");
  try {
    return execFileSync("bash", ["-o", "pipefail", "-c", `{ ${shellCommand}\n} 2>&1`], {
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
  } catch (error) {
    // A documented non-zero exit is part of the example; its output still counts.
    return (error as { stdout?: string }).stdout ?? "";
  }
}

/** The README and every page under docs/: their console examples are run alike. */
const PAGES = [
  "README.md",
  ...(existsSync("docs")
    ? readdirSync("docs")
        .filter((name) => name.endsWith(".md"))
        .sort()
        .map((name) => `docs/${name}`)
    : []),
];

// .ci/run installs jq; should that fail, the examples that pipe through it are skipped, visibly, not failed.
const hasJq = spawnSync("jq", ["--version"]).status === 0;

describe("README examples print what the README shows", () => {
  it("has examples to check", () => {
    expect(readmeExamples(readFileSync("README.md", "utf8")).length).toBeGreaterThanOrEqual(2);
    const all = PAGES.flatMap((page) => readmeExamples(readFileSync(page, "utf8")));
    expect(all.length).toBeGreaterThan(20);
  });
});

for (const page of PAGES.filter((name) => readmeExamples(readFileSync(name, "utf8")).length > 0)) {
  describe(`${page}: every console example prints what the page shows`, () => {
    for (const example of readmeExamples(readFileSync(page, "utf8"))) {
      it.skipIf(!hasJq && /\|\s*jq\b/.test(example.command))(`${page}:${example.line}: ${example.command}`, () => {
        expect(run(example.command).trimEnd()).toBe(example.expected.trimEnd());
      });
    }
  });
}
