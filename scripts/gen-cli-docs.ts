/**
 * Writes the command reference of docs/cli.md from the commander program itself (`buildProgram` in
 * src/cli/main.ts, built without being run), so every command, argument and option in the page is one the CLI has:
 *
 *   npm run docs:cli
 *
 * Each command gets its usage line, description, a table of its arguments and one of its options (flags,
 * description, default, allowed values), and the text its `--help` prints after the options (examples, exit codes).
 * spec/docs/cli-page.spec.ts fails when the page differs from this output.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { buildProgram } from "../src/cli/main.js";
import { cell, fillGenerated, table } from "./docs-markers.js";

export const CLI_PAGE = "docs/cli.md";

/** What `--help` prints after the usage, arguments and options: the command's examples and exit codes. */
function helpAfterOptions(command: Command): string {
  let printed = "";
  command.configureOutput({
    writeOut: (text) => {
      printed += text;
    },
    writeErr: (text) => {
      printed += text;
    },
  });
  command.outputHelp();
  const base = command.helpInformation();
  return printed.startsWith(base) ? printed.slice(base.length).trim() : "";
}

const code = (text: string) => `\`${cell(text)}\``;

/** Prose from the program, as markdown: `<prefix>` would be read as an HTML tag. */
const prose = (text: string) => text.replace(/</g, "&lt;").replace(/>/g, "&gt;");

function renderCommand(command: Command): string {
  const aliases = command.aliases();
  const lines = [
    `### \`${command.name()}\`${aliases.length > 0 ? ` (also \`${aliases.join("`, `")}\`)` : ""}`,
    "",
    "```text",
    `ic3a090 ${command.name()} ${command.usage()}`,
    "```",
    "",
    prose(command.description()),
  ];
  if (command.registeredArguments.length > 0) {
    const rows = command.registeredArguments.map((argument) => [
      code(argument.name()),
      argument.required ? "yes" : "",
      cell(prose(argument.description)),
    ]);
    lines.push("", table(["argument", "required", "meaning"], rows));
  }
  const options = command.options.filter((option) => !option.hidden);
  const rows = options.map((option) => [
    code(option.flags),
    cell(
      [
        prose(option.description),
        option.mandatory ? "Required." : "",
        option.argChoices ? `One of: ${option.argChoices.map((choice) => `\`${choice}\``).join(", ")}.` : "",
        option.defaultValue !== undefined && !(Array.isArray(option.defaultValue) && option.defaultValue.length === 0)
          ? `Default: \`${String(option.defaultValue)}\`.`
          : "",
      ]
        .filter(Boolean)
        .join(" "),
    ),
  ]);
  lines.push("", table(["option", "meaning"], rows));
  const after = helpAfterOptions(command);
  if (after !== "") lines.push("", "Its `--help` ends with:", "", "```text", after, "```");
  return lines.join("\n");
}

/** Every generated section of docs/cli.md, by marker name. */
export function cliSections(): Record<string, string> {
  const program = buildProgram();
  const summary = table(
    ["command", "what it does"],
    program.commands.map((command) => [
      `[\`${command.name()}\`](#${command.name()}${command.aliases().length > 0 ? `-also-${command.aliases().join("-")}` : ""})`,
      cell(prose(command.description().split("\n")[0]!)),
    ]),
  );
  return {
    "cli-summary": summary,
    "cli-commands": program.commands.map(renderCommand).join("\n\n"),
    "cli-exit": ["```text", helpAfterOptions(program), "```"].join("\n"),
  };
}

/** docs/cli.md as it should be: the page with its generated sections written anew. */
export function generatedCliPage(page: string): string {
  return fillGenerated(page, cliSections());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const page = readFileSync(CLI_PAGE, "utf8");
  const next = generatedCliPage(page);
  if (next !== page) writeFileSync(CLI_PAGE, next);
  process.stdout.write(`${CLI_PAGE}: ${next === page ? "up to date" : "written"}\n`);
}
