/**
 * Verifying an attestation, offline, in a fixed order. The first check that
 * fails decides the answer; each has its own message and exit code:
 *
 *  10 envelope       not a DSSE envelope (not JSON, not canonical, fields missing, base64 not strict)
 *  11 payload-type   payloadType is not application/vnd.in-toto+json
 *  12 unknown-key    no signature by a key in the trust file
 *  13 bad-signature  a pinned key's signature does not verify (changed payload, or signed by another key)
 *  14 statement-type the payload is not an in-toto Statement v1
 *  15 predicate-type the predicateType is not this project's datasheet attestation
 *  16 predicate      the predicate does not validate, or contradicts its own subject
 *  17 designer       the key is pinned to another designer than the one the statement names
 *  18 part           the statement is for another part than the one expected
 *  19 bound-file     a file given does not match any bound digest
 *  20 rules-data     the rules data signed over is not the rules data here
 *  21 result         the signed figures do not give the signed results under the signed rules date
 *
 * A valid signature over figures that do not give the stated result fails
 * (21): the signature says who asserted it, the recomputation that it holds.
 */
import { classifyDatasheet } from "../classify/classify.js";
import { formatPath, InvalidInputError, parseDatasheet } from "../classify/datasheet.js";
import type { Classification } from "../classify/result.js";
import { RulesDateError, rulesAt } from "../rules/rules.js";
import { TOOL_VERSION } from "../version.js";
import { canonicalJson, jsonSyntaxReason, looksLikePem } from "./canonical-json.js";
import { decodeStrictBase64, type DsseEnvelope, IN_TOTO_PAYLOAD_TYPE, verifySignature } from "./dsse.js";
import {
  type DatasheetPredicate,
  inputsDigest,
  PREDICATE_TYPE,
  resultsOf,
  sha256Hex,
  type Statement,
  STATEMENT_TYPE,
  StatementSchema,
} from "./statement.js";
import type { TrustedDesigners, TrustedKey } from "./trust.js";

export type VerifyFailure =
  | "envelope"
  | "payload-type"
  | "unknown-key"
  | "bad-signature"
  | "statement-type"
  | "predicate-type"
  | "predicate"
  | "designer"
  | "part"
  | "bound-file"
  | "rules-data"
  | "result";

/** The documented exit code of each failure (0 only when every check holds). */
export const VERIFY_EXIT: Readonly<Record<VerifyFailure, number>> = {
  envelope: 10,
  "payload-type": 11,
  "unknown-key": 12,
  "bad-signature": 13,
  "statement-type": 14,
  "predicate-type": 15,
  predicate: 16,
  designer: 17,
  part: 18,
  "bound-file": 19,
  "rules-data": 20,
  result: 21,
};

export interface Verified {
  readonly ok: true;
  readonly designer: string;
  readonly part: string;
  /** sha256 hex of the signing key's SPKI DER. */
  readonly keyid: string;
  /** sha256 hex of the signed payload bytes. */
  readonly payloadSha256: string;
  readonly envelope: DsseEnvelope;
  readonly statement: Statement;
  readonly predicate: DatasheetPredicate;
  /** The classification recomputed here from the signed inputs. */
  readonly recomputed: Classification;
  /** Bound files checked, by name. */
  readonly boundFilesChecked: readonly string[];
  readonly notes: readonly string[];
}

export interface Rejected {
  readonly ok: false;
  readonly failure: VerifyFailure;
  readonly exitCode: number;
  readonly message: string;
}

export type VerifyResult = Verified | Rejected;

export interface VerifyOptions {
  /** Files to check against the bound digests: a name for messages and the file's sha256. */
  readonly boundFiles?: readonly { readonly name: string; readonly sha256: string }[];
  /** The part the attestation must be for (an order's part). */
  readonly part?: string;
}

function reject(failure: VerifyFailure, message: string): Rejected {
  return { ok: false, failure, exitCode: VERIFY_EXIT[failure], message };
}

const FATAL_UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** True when the bytes start with a UTF-8 byte order mark (EF BB BF), which the decoder would drop unseen. */
function startsWithBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * Verifies an envelope file's bytes. The file must be exactly the canonical
 * JSON `attest` writes, with its one trailing newline, so that no byte of it
 * can change unnoticed: not whitespace, not a byte order mark, not a CR.
 */
export function verifyEnvelopeBytes(
  bytes: Uint8Array,
  trust: TrustedDesigners,
  options: VerifyOptions = {},
): VerifyResult {
  if (startsWithBom(bytes)) {
    return reject(
      "envelope",
      "not a DSSE envelope as issued: the file starts with a byte order mark, which attest never writes (an " +
        "editor added it); use the file ic3a090 attest wrote",
    );
  }
  let text: string;
  try {
    text = FATAL_UTF8.decode(bytes);
  } catch {
    return reject("envelope", "not a DSSE envelope: the file is not UTF-8 text");
  }
  if (looksLikePem(text))
    return reject("envelope", "not a DSSE envelope: the file holds a PEM key, not an attestation");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return reject("envelope", `not a DSSE envelope: ${jsonSyntaxReason(error)}`);
  }
  const shape = envelopeShape(value);
  if (!shape.ok) return shape;
  const canonical = canonicalJson(value);
  if (text !== canonical && text !== `${canonical}\n`) {
    return reject(
      "envelope",
      "not a DSSE envelope as issued: the file is not in canonical JSON form (changed after signing, or " +
        "reformatted); use the file ic3a090 attest wrote",
    );
  }
  return verifyEnvelope(value, trust, options);
}

/** The envelope's shape: {payloadType, payload, signatures: [{keyid, sig}]}, with strict base64. */
function envelopeShape(
  value: unknown,
): { ok: true; envelope: DsseEnvelope; payload: Buffer; sigs: Buffer[] } | Rejected {
  const expected = 'expected {"payloadType": …, "payload": <base64>, "signatures": [{"keyid": …, "sig": <base64>}]}';
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return reject("envelope", `not a DSSE envelope: ${expected}`);
  const record = value as Record<string, unknown>;
  const extra = Object.keys(record).filter((key) => !["payloadType", "payload", "signatures"].includes(key));
  if (extra.length > 0)
    return reject("envelope", `not a DSSE envelope: unexpected field ${JSON.stringify(extra[0])}; ${expected}`);
  for (const field of ["payloadType", "payload"] as const) {
    if (typeof record[field] !== "string")
      return reject("envelope", `not a DSSE envelope: "${field}" must be a string; ${expected}`);
  }
  const payload = decodeStrictBase64(record.payload as string);
  if (payload === undefined) return reject("envelope", 'not a DSSE envelope: "payload" is not strict base64');
  const signatures = record.signatures;
  if (!Array.isArray(signatures) || signatures.length === 0)
    return reject("envelope", `not a DSSE envelope: "signatures" must list at least one signature; ${expected}`);
  const sigs: Buffer[] = [];
  for (const [index, signature] of signatures.entries()) {
    const where = `signatures[${index}]`;
    if (typeof signature !== "object" || signature === null || Array.isArray(signature))
      return reject("envelope", `not a DSSE envelope: ${where} must be {"keyid": …, "sig": …}`);
    const fields = signature as Record<string, unknown>;
    const unexpected = Object.keys(fields).filter((key) => key !== "keyid" && key !== "sig");
    if (unexpected.length > 0)
      return reject(
        "envelope",
        `not a DSSE envelope: ${where} has an unexpected field ${JSON.stringify(unexpected[0])}`,
      );
    if (typeof fields.keyid !== "string" || !/^[0-9a-f]{64}$/.test(fields.keyid))
      return reject(
        "envelope",
        `not a DSSE envelope: ${where}.keyid must be the sha256 of the public key, 64 lowercase hex digits`,
      );
    const sig = typeof fields.sig === "string" ? decodeStrictBase64(fields.sig) : undefined;
    if (sig === undefined || sig.length !== 64)
      return reject(
        "envelope",
        `not a DSSE envelope: ${where}.sig must be a 64-byte Ed25519 signature in strict base64`,
      );
    sigs.push(sig);
  }
  return { ok: true, envelope: value as DsseEnvelope, payload, sigs };
}

/**
 * Verifies an envelope (parsed JSON) against the trust file's keys, then
 * recomputes the classification from the signed inputs. See the module
 * comment for the order of the checks and their exit codes.
 */
export function verifyEnvelope(value: unknown, trust: TrustedDesigners, options: VerifyOptions = {}): VerifyResult {
  // 1. Envelope shape.
  const shape = envelopeShape(value);
  if (!shape.ok) return shape;
  const { envelope, payload, sigs } = shape;

  // 2. Payload type.
  if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    return reject(
      "payload-type",
      `payloadType is ${JSON.stringify(envelope.payloadType)}, not ${JSON.stringify(IN_TOTO_PAYLOAD_TYPE)}: ` +
        "not an in-toto attestation",
    );
  }

  // 3. A signature by a key pinned in the trust file. The keyid must name the key that verifies.
  let signer: TrustedKey | undefined;
  const pinnedButFailing: TrustedKey[] = [];
  envelope.signatures.forEach((signature, index) => {
    if (signer) return;
    const key = trust.keys.find((candidate) => candidate.keyid === signature.keyid);
    if (!key) return;
    if (verifySignature(envelope.payloadType, payload, sigs[index]!, key.publicKey)) signer = key;
    else pinnedButFailing.push(key);
  });
  if (!signer) {
    if (pinnedButFailing.length > 0) {
      const key = pinnedButFailing[0]!;
      return reject(
        "bad-signature",
        `signature does not verify with the key pinned for "${key.name}" (keyid ${key.keyid}): the payload was ` +
          "changed after signing, or it was signed with another key",
      );
    }
    return reject(
      "unknown-key",
      `signed by a key not in the trust file ${trust.source} ` +
        `(keyid ${envelope.signatures.map((s) => s.keyid).join(", ")}); add the designer's public key to the ` +
        "trust file only after confirming it with the designer",
    );
  }
  const payloadSha256 = sha256Hex(payload);

  // 4. The statement's type.
  let statementJson: unknown;
  let payloadText: string;
  try {
    payloadText = FATAL_UTF8.decode(payload);
    statementJson = JSON.parse(payloadText);
  } catch {
    return reject("statement-type", "the signed payload is not JSON: not an in-toto Statement");
  }
  if (!isCanonical(statementJson, payloadText)) {
    return reject(
      "statement-type",
      "the signed payload is not canonical JSON (sorted keys, no whitespace, no repeated keys): not a " +
        "statement ic3a090 attest issues",
    );
  }
  if (
    typeof statementJson !== "object" ||
    statementJson === null ||
    (statementJson as { _type?: unknown })._type !== STATEMENT_TYPE
  ) {
    return reject(
      "statement-type",
      `the signed payload is not an in-toto Statement v1 (_type must be ${JSON.stringify(STATEMENT_TYPE)})`,
    );
  }
  const raw = statementJson as Statement;

  // 5. The predicate's type.
  if (raw.predicateType !== PREDICATE_TYPE) {
    return reject(
      "predicate-type",
      `predicateType is ${JSON.stringify(raw.predicateType)}, not ${JSON.stringify(PREDICATE_TYPE)}: not an ` +
        "ic3a090 datasheet attestation this version can read",
    );
  }

  // 6. The predicate validates and agrees with its subject.
  const parsed = StatementSchema.safeParse(statementJson);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return reject("predicate", `the signed statement does not validate: ${formatPath(issue.path)}: ${issue.message}`);
  }
  // The raw statement, which the schema has just checked, is read from here on: the schema's output
  // turns figures into Rationals, and the recomputation below needs the signed decimal strings.
  const predicate = raw.predicate;
  const part = predicate.inputs.part;
  const [partSubject, ...fileSubjects] = raw.subject;
  if (partSubject!.name !== part || predicate.results.part !== part) {
    return reject(
      "predicate",
      `the signed statement contradicts itself: subject "${partSubject!.name}", inputs.part "${part}", ` +
        `results.part "${predicate.results.part}"`,
    );
  }
  if (partSubject!.digest.sha256 !== inputsDigest(predicate.inputs)) {
    return reject(
      "predicate",
      `the signed statement contradicts itself: the subject digest of "${part}" is not the sha256 of the signed inputs`,
    );
  }

  // 7. Designer name ↔ key.
  if (predicate.designer.name !== signer.name) {
    return reject(
      "designer",
      `the statement names designer "${predicate.designer.name}", but it is signed with the key pinned for ` +
        `"${signer.name}" (keyid ${signer.keyid})`,
    );
  }

  // 8. The part expected.
  if (options.part !== undefined && options.part !== part) {
    return reject("part", `the attestation is for part "${part}", not "${options.part}"`);
  }

  // 9. Bound files.
  const boundFilesChecked: string[] = [];
  for (const file of options.boundFiles ?? []) {
    const subject = fileSubjects.find((candidate) => candidate.digest.sha256 === file.sha256);
    if (!subject) {
      const bound = fileSubjects.map((s) => `${s.name} sha256 ${s.digest.sha256}`).join("; ") || "none";
      return reject(
        "bound-file",
        `${file.name} (sha256 ${file.sha256}) is not a file bound to this attestation (bound: ${bound})`,
      );
    }
    boundFilesChecked.push(subject.name === file.name ? file.name : `${file.name} (bound as ${subject.name})`);
  }

  // 10. The rules data.
  let rules;
  try {
    rules = rulesAt(predicate.rules.date);
  } catch (error) {
    if (!(error instanceof RulesDateError)) throw error;
    return reject(
      "rules-data",
      `the signed rules date ${predicate.rules.date} is not covered by the rules data here: ${error.message}`,
    );
  }
  if (rules.dataSha256 !== predicate.rules.dataSha256) {
    return reject(
      "rules-data",
      `signed over rules data sha256 ${predicate.rules.dataSha256}, but the rules data here is ` +
        `sha256 ${rules.dataSha256}: the thresholds or citations differ, so the result cannot be confirmed; ` +
        "verify with the ic3a090 version named in the attestation " +
        `(${predicate.tool.name} ${predicate.tool.version})`,
    );
  }

  // 11. Recompute and compare.
  let recomputed: Classification;
  try {
    recomputed = classifyDatasheet(parseDatasheet(predicate.inputs), rules);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return reject("result", `the signed inputs do not classify: ${error.message}`);
  }
  const expected = resultsOf(recomputed);
  const signed = predicate.results;
  const decisive = [
    "tpp",
    "performanceDensity",
    "performanceDensityExact",
    "applicableDieAreaMm2",
    "memoryBandwidthDensityExact",
    "clause",
    "eccn",
    "notSpecifiedIn3A090a",
  ] as const;
  for (const field of decisive) {
    if (signed[field] !== expected[field]) {
      return reject(
        "result",
        `the signed figures do not give the signed result: ${field} is ${JSON.stringify(signed[field])} in the ` +
          `attestation, but the signed inputs give ${JSON.stringify(expected[field])} under the rules ` +
          `of ${rules.date}`,
      );
    }
  }
  const notes: string[] = [];
  if (predicate.tool.version === TOOL_VERSION) {
    if (canonicalJson(signed) !== canonicalJson(expected)) {
      return reject(
        "result",
        "the signed results differ from the recomputed ones (matched paragraphs, trace, warnings or notes), " +
          "with the same tool version and rules data",
      );
    }
  } else {
    notes.push(
      `signed with ${predicate.tool.name} ${predicate.tool.version}, verified with ${TOOL_VERSION}: figures ` +
        "and clause compared; trace wording not compared",
    );
  }
  if (predicate.rules.beyondVerified)
    notes.push(
      `the rules date ${predicate.rules.date} is after the rules data was last verified ` +
        `(${predicate.rules.verifiedThrough})`,
    );

  return {
    ok: true,
    designer: signer.name,
    part,
    keyid: signer.keyid,
    payloadSha256,
    envelope,
    statement: raw,
    predicate,
    recomputed,
    boundFilesChecked,
    notes,
  };
}

function isCanonical(value: unknown, text: string): boolean {
  try {
    return canonicalJson(value) === text;
  } catch {
    return false;
  }
}
