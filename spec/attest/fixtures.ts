/**
 * Keys, trust and envelopes for the attestation specs, generated per run (no
 * private key is committed). Two trusted designers, Acme Semi and Beta Logic,
 * and a rogue key no fab trusts.
 */
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import { attestDatasheet, signStatement } from "../../src/attest/attest.js";
import { canonicalJson } from "../../src/attest/canonical-json.js";
import type { DsseEnvelope } from "../../src/attest/dsse.js";
import { inputsDigest, type Statement } from "../../src/attest/statement.js";
import { trustFrom } from "../../src/attest/trust.js";
import { rulesAt } from "../../src/rules/rules.js";

export const DATE = "2027-03-15";
export const ISSUED_AT = new Date("2027-03-01T09:30:00.000Z");

export interface TestKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly publicPem: string;
}

export function newKey(): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return { privateKey, publicKey, publicPem: publicKey.export({ type: "spki", format: "pem" }) as string };
}

export const acme = newKey();
export const beta = newKey();
export const rogue = newKey();

export const trust = trustFrom(
  {
    designers: [
      { name: "Acme Semi", publicKey: acme.publicPem },
      { name: "Beta Logic", publicKey: beta.publicPem },
    ],
  },
  "trusted-designers.json",
  ".",
);

/** The example datasheet of the README: ACME-X1, 3A090.b.1. */
export function exampleDatasheet(): Record<string, unknown> {
  return JSON.parse(readFileSync("data/examples/attest-example.json", "utf8")) as Record<string, unknown>;
}

export function attestExample(key: TestKey = acme, designer = "Acme Semi", input: unknown = exampleDatasheet()) {
  return attestDatasheet(input, {
    designer,
    privateKey: key.privateKey,
    publicKey: key.publicKey,
    rules: rulesAt(DATE),
    issuedAt: ISSUED_AT,
  });
}

/**
 * A statement edited after classification, then signed properly: the
 * signature holds, the content is what is tested. The part's subject digest
 * is recomputed for the edited inputs, as a careful forger would.
 */
export function signEdited(
  edit: (statement: Statement) => void,
  key: TestKey = acme,
  { keepSubjectDigest = false } = {},
): DsseEnvelope {
  const statement = structuredClone(attestExample().statement);
  edit(statement);
  if (!keepSubjectDigest) statement.subject[0]!.digest.sha256 = inputsDigest(statement.predicate.inputs);
  return signStatement(statement, key.privateKey, key.publicKey);
}

/** The bytes `attest` writes for an envelope. */
export function envelopeBytes(envelope: unknown): Buffer {
  return Buffer.from(`${canonicalJson(envelope)}\n`, "utf8");
}
