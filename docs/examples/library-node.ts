/**
 * The Node.js half of the library ("ic3a090/node", whose types need @types/node): classify a CSV catalogue held in
 * a string, and sign a datasheet attestation with a key made in memory, then verify it as a fab would.
 * spec/docs/library-page.spec.ts compiles this file (strict) against the built types and runs it.
 */
import { generateKeyPairSync } from "node:crypto";
import { rulesAt } from "ic3a090";
import { attestDatasheet, classifyCatalogueCsv, trustFrom, verifyEnvelope } from "ic3a090/node";

const rules = rulesAt("2026-09-01");

// 1. A catalogue as CSV text: each row comes back with its result columns appended.
const csv = ["part,datacenter,tops_fp8,die_area_mm2", "A,yes,1979,814", "B,no,300,", ""].join("\n");
const { output, tally } = classifyCatalogueCsv(csv, { rules });
process.stdout.write(output);
console.log(`${tally.read} rows read`);

// 2. Sign a datasheet as its designer, then verify the envelope offline against the designers a fab trusts.
const { privateKey, publicKey } = generateKeyPairSync("ed25519");
const { envelope, classification } = attestDatasheet(
  {
    part: "ACME-X1",
    datacenter: true,
    units: [{ rates: [{ format: "FP8", tops: "400" }] }],
    dies: [{ areaMm2: "800", logic: true, nonPlanar: true }],
  },
  { designer: "Acme Semi", privateKey, publicKey, rules },
);
const pem = publicKey.export({ type: "spki", format: "pem" }).toString();
const trust = trustFrom({ designers: [{ name: "Acme Semi", publicKey: pem }] }, "inline trust", ".");
const verified = verifyEnvelope(envelope, trust, { part: "ACME-X1" });
console.log(classification.eccn, verified.ok ? `verified: ${verified.recomputed.eccn}` : verified.message);
