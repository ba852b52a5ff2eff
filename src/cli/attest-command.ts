/** `ic3a090 attest datasheet.json --key designer.key --designer "Name"`: classify, then sign. */
import type { Command } from "commander";
import { AttestRefusal, attestDatasheet } from "../attest/attest.js";
import { canonicalJson, looksLikePem } from "../attest/canonical-json.js";
import { BoundFileError, digestFile } from "../attest/files.js";
import { KeyError, readPrivateKey } from "../attest/keys.js";
import { InvalidInputError } from "../classify/datasheet.js";
import { EXIT, formatIssues, parseJson, readAllText, sourceName, UserError } from "./io.js";
import { checkOutputPath, isPrivateKeyFile, writeDocument } from "./output.js";
import { note } from "./context.js";
import { dateOption, noteIfBeyondVerified, rulesForDate } from "./options.js";

/** Collects a repeatable option's values. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function attestCommand(program: Command): void {
  program
    .command("attest")
    .description(
      "Classify a datasheet and sign the result as a designer's attestation (DSSE envelope, in-toto Statement v1, Ed25519)",
    )
    .argument("[FILE]", "datasheet JSON (one datasheet), or - for stdin")
    .requiredOption("--key <file>", "the designer's private key (from ic3a090 keygen)")
    .requiredOption("--designer <name>", "the designer's name, exactly as fabs pin it in their trust file")
    .option("--bind <file>", "bind a file (e.g. the datasheet PDF) by its sha256; repeatable", collect, [])
    .addOption(dateOption())
    .option("--output <file>", "write the envelope to FILE instead of stdout")
    .option("--allow-controlled", "sign even when the figures give 3A090.a")
    .addHelpText(
      "after",
      `
Example:
  ic3a090 attest datasheet.json --key designer.key --designer "Acme Semi" --bind datasheet.pdf --output attestation.json

Exit codes: 0 signed; 1 refused (figures give 3A090.a without --allow-controlled, or indeterminate);
2 usage error (key, file, date); 65 invalid datasheet.`,
    )
    .action(
      async (
        file: string | undefined,
        options: {
          key: string;
          designer: string;
          bind: string[];
          date?: string;
          output?: string;
          allowControlled?: boolean;
        },
      ) => {
        const inputs = [file, options.key, ...options.bind];
        if (options.output !== undefined) checkOutputPath(options.output, { inputs });
        for (const bound of options.bind) {
          if (isPrivateKeyFile(bound))
            throw new UserError(
              `--bind: ${bound} holds a private key; it must never be bound (its name and digest would travel with the attestation)`,
            );
        }
        const rules = rulesForDate(options.date);
        let keys;
        try {
          keys = readPrivateKey(options.key);
        } catch (error) {
          if (error instanceof KeyError) throw new UserError(`--key: ${error.message}`);
          throw error;
        }
        for (const warning of keys.warnings) process.stderr.write(`ic3a090: warning: ${warning}\n`);
        let boundFiles;
        try {
          boundFiles = options.bind.map((path) => {
            const { name, sha256 } = digestFile(path);
            return { name, digest: { sha256 } };
          });
        } catch (error) {
          if (error instanceof BoundFileError) throw new UserError(error.message);
          throw error;
        }
        if (options.designer.trim() === "") throw new UserError("--designer: give the designer's name");
        const source = sourceName(file);
        const text = await readAllText(file);
        if (looksLikePem(text))
          throw new UserError(
            `${source}: holds a PEM key, not a datasheet; give the datasheet JSON as FILE and the key with --key`,
            EXIT.invalidInput,
          );
        const parsed = parseJson(text);
        if (!parsed.ok) throw new UserError(`${source}: ${parsed.issue.message}`, EXIT.invalidInput);
        if (Array.isArray(parsed.value))
          throw new UserError(
            `${source}: attest signs one datasheet; give a JSON object, not an array`,
            EXIT.invalidInput,
          );
        noteIfBeyondVerified(rules);
        let attested;
        try {
          attested = attestDatasheet(parsed.value, {
            designer: options.designer,
            privateKey: keys.privateKey,
            publicKey: keys.publicKey,
            rules,
            boundFiles,
            allowControlled: options.allowControlled === true,
          });
        } catch (error) {
          if (error instanceof InvalidInputError)
            throw new UserError(formatIssues(source, error.issues), EXIT.invalidInput);
          if (error instanceof AttestRefusal) throw new UserError(error.message, EXIT.failOn);
          throw error;
        }
        const envelopeText = `${canonicalJson(attested.envelope)}\n`;
        await writeDocument(options.output, envelopeText, { inputs });
        const { classification } = attested;
        note(
          `ic3a090: signed ${classification.part} (${classification.clause}, ` +
            `TPP ${classification.tpp ?? "n/a"}, PD ${classification.performanceDensity ?? "n/a"}) as ` +
            `"${options.designer}" under the rules of ${rules.date}, key ` +
            `sha256:${attested.envelope.signatures[0]!.keyid}` +
            `${options.output ? `; wrote ${options.output}` : ""}`,
        );
      },
    );
}
