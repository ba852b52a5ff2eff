/**
 * docs/cli.md: the command reference is the program's own definition. The page is regenerated in memory from
 * `buildProgram()` (scripts/gen-cli-docs.ts) and compared with the page on disk; a new command or option without
 * `npm run docs:cli` fails here, naming the command. Each option in the page is also checked against what the
 * built bin's `--help` prints, so the page cannot list an option the installed CLI lacks.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildProgram } from "../../src/cli/main.js";
import { CLI_PAGE, cliSections, generatedCliPage } from "../../scripts/gen-cli-docs.js";

const page = readFileSync(CLI_PAGE, "utf8");

describe("docs/cli.md", () => {
  it("has the commands and options the program defines (run `npm run docs:cli` when this fails)", () => {
    const expected = generatedCliPage(page);
    if (expected !== page) {
      const stale = page.split("\n").find((line, index) => line !== expected.split("\n")[index]);
      expect.fail(`${CLI_PAGE} is out of date with the CLI; run \`npm run docs:cli\` (first stale line: ${stale})`);
    }
  });

  it("has a section for every command, and every option of each in the section", () => {
    const commands = cliSections()["cli-commands"]!.split(/\n(?=### `)/);
    const program = buildProgram();
    expect(commands).toHaveLength(program.commands.length);
    for (const command of program.commands) {
      const section = commands.find((text) => text.startsWith(`### \`${command.name()}\``));
      expect(section, command.name()).toBeDefined();
      for (const option of command.options) {
        expect(section, `${command.name()} ${option.flags}`).toContain(option.flags.replace(/\|/g, "\\|"));
      }
    }
  });

  it("every option it lists is one the built bin's --help prints", () => {
    const commands = cliSections()["cli-commands"]!.split(/\n(?=### `)/);
    for (const section of commands) {
      const name = /^### `([a-z0-9-]+)`/.exec(section)![1]!;
      const help = execFileSync(process.execPath, ["dist/cli/bin.js", name, "--help"], { encoding: "utf8" });
      const listed = [...section.matchAll(/^\| `(-[^`]+)` \|/gm)].map((match) => match[1]!.replace(/\\\|/g, "|"));
      expect(listed.length, name).toBeGreaterThan(0);
      for (const flags of listed) expect(help, `${name} ${flags}`).toContain(flags);
    }
  });

  it("lists the exit codes --help gives, and links the shared table", () => {
    expect(page).toContain("74 output could not be written");
    expect(page).toContain("(errors.md#exit-codes)");
    expect(page).toMatch(/13 bad-signature/);
  });
});
