/** `ic3a090 keygen --out designer`: a designer's Ed25519 signing key pair. */
import type { Command } from "commander";
import { generateKeyFiles, KeyError } from "../attest/keys.js";
import { EXIT, UserError } from "./errors.js";

export function keygenCommand(program: Command): void {
  program
    .command("keygen")
    .description(
      "Generate a designer's Ed25519 key pair for signing attestations: <out>.key (private, mode 0600) and <out>.pub",
    )
    .requiredOption("--out <prefix>", "write <prefix>.key and <prefix>.pub (never overwrites)")
    .addHelpText(
      "after",
      `
Example:
  ic3a090 keygen --out designer     # designer.key (keep secret), designer.pub (give to fabs)

Exit codes: 0 written; 2 a file exists, or --out is empty; 74 a file cannot be written (nothing is left behind).`,
    )
    .action((options: { out: string }) => {
      if (options.out.trim() === "")
        throw new UserError("--out: give a file name prefix, e.g. --out designer (it is empty)");
      try {
        const files = generateKeyFiles(options.out);
        process.stdout.write(
          `wrote ${files.privateKeyFile} (private key, PKCS#8 PEM, mode 0600: keep it secret)\n` +
            `wrote ${files.publicKeyFile} (public key, SPKI PEM: give it to the fabs that verify your attestations)\n` +
            `key fingerprint sha256:${files.keyid}\n`,
        );
      } catch (error) {
        if (error instanceof KeyError) throw new UserError(error.message, EXIT.usage);
        throw error;
      }
    });
}
