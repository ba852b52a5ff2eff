/** `ic3a090 rules` (the thresholds in force, with citations) and `ic3a090 schema`. */
import type { Command } from "commander";
import { datasheetJsonSchema } from "../classify/datasheet.js";
import type { RuleSet, Threshold } from "../rules/rules.js";
import { rulesTable } from "../rules/table.js";
import { shipmentJsonSchema } from "../license/shipment.js";
import { UserError } from "./io.js";
import { printRulesHistory } from "./history-command.js";
import { dateOption, rulesForDate } from "./options.js";

const SYMBOL: Record<Threshold["operator"], string> = { ">=": "≥", "<": "<", ">": ">" };

/** The thresholds in force as plain data (the library's, shared with the HTTP API). */
export { rulesTable };

export function renderRules(rules: RuleSet): string {
  const table = rulesTable(rules);
  const lines = [
    `Thresholds of ECCN 3A090 in force on ${table.date} (rules data verified through ${table.verifiedThrough})`,
    "",
  ];
  for (const t of table.thresholds) {
    lines.push(
      `${t.id.padEnd(24)} ${SYMBOL[t.operator]} ${t.value} ${t.unit}   "${t.wording}"${t.verified ? "" : "   [not verified: hint only]"}`,
    );
    lines.push(`${"".padEnd(24)} ${t.citation}`);
  }
  for (const id of table.notInForce) lines.push(`${id.padEnd(24)} not in force on ${table.date}`);
  lines.push("", `Bit lengths (${rules.formatCitation}):`);
  lines.push(`  ${formatTable(rules)}`);
  lines.push("", `rules data sha256 ${table.dataSha256}`);
  return lines.join("\n");
}

function formatTable(rules: RuleSet): string {
  const names = ["INT4", "FP4", "FP6", "INT8", "FP8", "INT16", "FP16", "BF16", "TF32", "INT32", "FP32", "FP64"];
  return names
    .flatMap((name) => {
      const f = rules.format(name);
      if (!f) return [];
      const alternatives = f.alternatives.map((a) => ` (or ${a.bitLength.toExactString()})`).join("");
      return [`${f.name} ${f.bitLength.toExactString()}${alternatives}`];
    })
    .join(", ");
}

export function rulesCommand(program: Command): void {
  program
    .command("rules")
    .description("Print the thresholds in force on a date, with their operators and citations")
    .addOption(dateOption("the date"))
    .option("--json", "print as JSON")
    .option("--history", "list every dated change of the rules data with its citation, in order")
    .action(async (options: { date?: string; json?: boolean; history?: boolean }) => {
      if (options.history) return printRulesHistory(options.json === true);
      const rules = rulesForDate(options.date);
      process.stdout.write(
        options.json ? `${JSON.stringify(rulesTable(rules), null, 2)}\n` : `${renderRules(rules)}\n`,
      );
    });
}

export function schemaCommand(program: Command): void {
  program
    .command("schema")
    .description("Print the JSON Schema of the datasheet input (or, with `license`, of a licence shipment)")
    .argument("[input]", "datasheet (default) or license")
    .action((input: string | undefined) => {
      if (input !== undefined && input !== "datasheet" && input !== "license" && input !== "licence")
        throw new UserError(`schema: "${input}" is not datasheet or license`);
      const schema = input === "license" || input === "licence" ? shipmentJsonSchema() : datasheetJsonSchema();
      process.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
    });
}
