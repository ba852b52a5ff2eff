/** `ic3a090 verify attestation.json --trust trusted-designers.json`: offline verification, exit 0 only when everything holds. */
import { escapeTerminal, escapeTerminalLines } from "../render/escape.js";
import type { Command } from "commander";
import { BoundFileError, digestFile } from "../attest/files.js";
import { attestationVerifierFor } from "../attest/order-check.js";
import { loadTrustFile, TrustFileError } from "../attest/trust.js";
import { VERIFY_EXIT, type VerifyFailure, type VerifyResult, verifyEnvelopeBytes } from "../attest/verify.js";
import { verifyResultJson } from "../attest/verify-json.js";
import { collect } from "./attest-command.js";
import { EXIT, UserError } from "./errors.js";
import { openInput } from "./input.js";
import { readRegularFile, NamedFileError } from "../files/regular-file.js";

export interface VerifyCliOptions {
  readonly trust: string;
  readonly bind: string[];
  readonly part?: string;
}

/** Reads the trust file, the envelope and the bound files, and verifies; usage errors become UserError (exit 2). */
export async function verifyFromCli(file: string | undefined, options: VerifyCliOptions): Promise<VerifyResult> {
  let trust;
  try {
    trust = loadTrustFile(options.trust);
  } catch (error) {
    if (error instanceof TrustFileError) throw new UserError(`--trust: ${error.message}`);
    throw error;
  }
  let boundFiles;
  try {
    boundFiles = options.bind.map(digestFile);
  } catch (error) {
    if (error instanceof BoundFileError) throw new UserError(error.message);
    throw error;
  }
  let bytes: Buffer;
  if (file === undefined || file === "-") {
    const chunks: Buffer[] = [];
    let length = 0;
    for await (const chunk of openInput(file)) {
      chunks.push(chunk as Buffer);
      length += (chunk as Buffer).length;
      if (length > 1024 * 1024)
        throw new UserError("stdin: an attestation is at most 1 MiB; this is not one", EXIT.invalidInput);
    }
    bytes = Buffer.concat(chunks);
  } else {
    try {
      bytes = readRegularFile(file, "attestation");
    } catch (error) {
      if (error instanceof NamedFileError)
        throw new UserError(error.message.replace(/^cannot read attestation /, "cannot read "));
      throw error;
    }
  }
  return verifyEnvelopeBytes(bytes, trust, {
    boundFiles,
    ...(options.part === undefined ? {} : { part: options.part }),
  });
}

const EXIT_TABLE = (Object.entries(VERIFY_EXIT) as [VerifyFailure, number][])
  .map(([failure, code]) => `  ${code} ${failure}`)
  .join("\n");

export function verifyCommand(program: Command): void {
  program
    .command("verify")
    .description(
      "Verify a signed datasheet attestation offline against the designers' keys a fab trusts, and recompute its result",
    )
    .argument("[FILE]", "the attestation (DSSE envelope) written by ic3a090 attest, or - for stdin")
    .requiredOption("--trust <file>", 'trust file: {"designers": [{"name": "Acme Semi", "publicKey": "acme.pub"}]}')
    .option("--bind <file>", "check a file (e.g. the datasheet PDF) against the bound digests; repeatable", collect, [])
    .option("--part <name>", "require the attestation to be for this part")
    .option("--json", "print the outcome as JSON")
    .addHelpText(
      "after",
      `
Checks, in order: envelope shape, payloadType, signature by a pinned key, statement type,
predicateType, predicate, designer name <-> key, part, bound files, rules data sha256, and the
result recomputed from the signed figures under the signed rules date.

Exit codes: 0 verified; 2 usage error (trust file, unreadable file); on failure, the check that failed:
${EXIT_TABLE}`,
    )
    .action(async (file: string | undefined, options: VerifyCliOptions & { json?: boolean }) => {
      const result = await verifyFromCli(file, options);
      if (result.ok) {
        const r = result.predicate.results;
        if (options.json) {
          process.stdout.write(`${JSON.stringify(verifyResultJson(result), null, 2)}\n`);
        } else {
          process.stdout.write(
            escapeTerminalLines(
              `verified: ${result.part} attested by "${result.designer}" (key sha256:${result.keyid})\n` +
                (`  ${r.clause === "none" ? "outside 3A090" : r.clause}; TPP ${r.tpp ?? "n/a"}; ` +
                  `PD ${r.performanceDensityExact ?? "n/a"}${approximately(r.performanceDensity, r.performanceDensityExact)}; ` +
                  `not specified in 3A090.a: ${r.notSpecifiedIn3A090a ? "yes" : "no"}\n`) +
                `  rules of ${result.predicate.rules.date} (data sha256 ${result.predicate.rules.dataSha256}), result recomputed and equal\n` +
                `  issued ${result.predicate.issuedAt}; payload sha256 ${result.payloadSha256}\n` +
                result.boundFilesChecked.map((name) => `  bound file ${name}: digest matches\n`).join("") +
                result.notes.map((note) => `  note: ${note}\n`).join(""),
            ),
          );
        }
        process.exitCode = EXIT.ok;
        return;
      }
      if (options.json) process.stdout.write(`${JSON.stringify(verifyResultJson(result), null, 2)}\n`);
      process.stderr.write(`ic3a090: verify failed (${result.failure}): ${escapeTerminal(result.message)}\n`);
      process.exitCode = result.exitCode;
    });
}

/** `presume --trust FILE`: the verifier for signed designer attestations; a bad trust file is a usage error. */
export function attestationVerifierOption(trustFile: string): ReturnType<typeof attestationVerifierFor> {
  try {
    return attestationVerifierFor(trustFile);
  } catch (error) {
    if (error instanceof TrustFileError) throw new UserError(`--trust: ${error.message}`);
    throw error;
  }
}

/** " ≈ 5.92…" after an exact PD that is a fraction; nothing after one that is a whole or finite decimal. */
function approximately(decimal: string | null | undefined, exact: string | null | undefined): string {
  return decimal && exact?.includes("/") ? ` ≈ ${decimal}` : "";
}
