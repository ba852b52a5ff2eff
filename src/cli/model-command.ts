/**
 * `ic3a090 model [FILE|-]`: model weights under ECCN 4E091 as written by the AI
 * Diffusion rule (not enforced). JSON, a JSON array or JSON Lines in; one answer
 * per model out (see src/model/model.ts).
 */
import type { Command } from "commander";
import { classifyModel, MODEL_ECCNS, type ModelResult, parseModel } from "../model/model.js";
import { listOption } from "./options.js";
import { type RecordFormat, runRecords } from "./records.js";

export function renderModelExplanation(result: ModelResult): string {
  const lines = [
    `${result.model}: ${result.eccn === "4E091" ? "4E091 (as written)" : result.eccn}`,
    `  NOT ENFORCED: ${result.ruleSet.status}`,
    ...result.trace
      .filter((step) => step.step !== "rule set")
      .map((step) => `  ${step.step}: ${step.statement} [${step.citation}]`),
    ...result.missing.map((fact) => `  missing: ${fact}`),
    ...result.notes.map((note) => `  note: ${note}`),
  ];
  return lines.join("\n");
}

export function modelCommand(program: Command): void {
  program
    .command("model")
    .description("Model weights under ECCN 4E091 as written by the AI Diffusion rule (still in the CFR, not enforced)")
    .argument("[FILE]", "model records (JSON, a JSON array or JSON Lines), or - for stdin")
    .option("--format <format>", "json or jsonl (default: by extension)")
    .option("--explain", "print the reasoning for a person instead of JSON")
    .option("--fail-on <values>", `exit 1 when a model's answer matches (comma-separated): ${MODEL_ECCNS.join(", ")}`)
    .addHelpText(
      "after",
      `
Record: {"model": "Example-1", "trainingOperations": "1.2e26", "published": false, "derivedFrom": null}
Optional: derivedFrom {"published": true, "trainingOperations": "…"} with additionalOperations;
parameters and trainingTokens (a 6 × N × D estimate); belowMostCapablePublished; iaas.`,
    )
    .action(async (file: string | undefined, options: { format?: string; explain?: boolean; failOn?: string }) => {
      const failOn = listOption("--fail-on", options.failOn, MODEL_ECCNS);
      process.exitCode = await runRecords<ModelResult>(
        {
          evaluate: (value) => classifyModel(parseModel(value)),
          explain: renderModelExplanation,
          failOn: (result) => failOn.includes(result.eccn),
          tally: (result) => result.eccn,
        },
        {
          file,
          format: options.format as RecordFormat | undefined,
          explain: options.explain === true,
          readsCsv: false,
        },
      );
    });
}
