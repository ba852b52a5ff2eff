// `verify` over many envelopes, for the benchmark: reads a JSON Lines file of DSSE envelopes as a stream and
// verifies each against a trust file with the built library (dist/), as `ic3a090 verify` does one envelope.
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { loadTrustFile, verifyEnvelopeBytes } from "../dist/node.js";

const [envelopes, trustFile] = process.argv.slice(2);
const trust = loadTrustFile(trustFile);
let verified = 0;
let failed = 0;
for await (const line of createInterface({ input: createReadStream(envelopes), crlfDelay: Number.POSITIVE_INFINITY })) {
  if (line.trim() === "") continue;
  if (verifyEnvelopeBytes(Buffer.from(line), trust).ok) verified++;
  else failed++;
}
process.stderr.write(`verified ${verified}, failed ${failed}\n`);
if (failed > 0) process.exitCode = 1;
