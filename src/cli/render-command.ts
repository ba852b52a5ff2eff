/** `ic3a090 render attestation.json --trust FILE --format md|html|pdf`: a document for people, only from a verified envelope. */
import type { Command } from "commander";
import { RENDER_FORMATS, type RenderFormat, renderAttestation } from "../attest/render.js";
import { collect } from "./attest-command.js";
import { UserError } from "./errors.js";
import { checkOutputPath, isPrivateKeyFile, writeDocument } from "./output.js";
import { note } from "./context.js";
import { type VerifyCliOptions, verifyFromCli } from "./verify-command.js";

export function renderCommand(program: Command): void {
  program
    .command("render")
    .description("Render a verified attestation as Markdown, HTML or PDF (refuses one that does not verify)")
    .argument("[FILE]", "the attestation (DSSE envelope), or - for stdin")
    .requiredOption("--trust <file>", "trust file of designers' public keys (as for verify)")
    .option("--format <format>", `${RENDER_FORMATS.join(", ")}`, "md")
    .option("--bind <file>", "also check a bound file; repeatable", collect, [])
    .option("--part <name>", "require the attestation to be for this part")
    .option("--output <file>", "write to FILE instead of stdout")
    .addHelpText(
      "after",
      `
Example:
  ic3a090 render attestation.json --trust trusted-designers.json --format pdf --output attestation.pdf

Exit codes: 0 rendered; 2 usage error; otherwise the exit code of the verify check that failed (ic3a090 verify --help).`,
    )
    .action(async (file: string | undefined, options: VerifyCliOptions & { format: string; output?: string }) => {
      if (!(RENDER_FORMATS as readonly string[]).includes(options.format))
        throw new UserError(`--format must be one of ${RENDER_FORMATS.join(", ")}, got "${options.format}"`);
      const format = options.format as RenderFormat;
      const inputs = [file, options.trust, ...options.bind];
      if (options.output !== undefined) checkOutputPath(options.output, { inputs });
      for (const bound of options.bind)
        if (isPrivateKeyFile(bound))
          throw new UserError(`--bind: ${bound} holds a private key; give the bound document, not a key`);
      if (format === "pdf" && !options.output && process.stdout.isTTY)
        throw new UserError("--format pdf: give --output FILE, or redirect stdout to a file");
      const result = await verifyFromCli(file, options);
      if (!result.ok) {
        process.stderr.write(`ic3a090: not rendered: verify failed (${result.failure}): ${result.message}\n`);
        process.exitCode = result.exitCode;
        return;
      }
      const document = renderAttestation(result, format, {
        envelopeFile: file === undefined || file === "-" ? "attestation.json" : file,
        trustFile: options.trust,
      });
      await writeDocument(options.output, document, { inputs });
      if (options.output)
        note(`ic3a090: rendered ${result.part} (verified, designer "${result.designer}") to ${options.output}`);
    });
}
