/**
 * Issuing an attestation: classify the datasheet, then sign the statement.
 *
 * Route a of Note 1 to 3A090.a rests on "a datasheet or other attestation of
 * the 'total processing performance' and the 'performance density' from the
 * approved or authorized integrated circuit designer indicating that the IC is
 * not specified in 3A090.a". So a designer is stopped before signing figures
 * that say 3A090.a (unless it means to: `allowControlled`), and before signing
 * figures that do not settle the classification at all.
 */
import type { KeyObject } from "node:crypto";
import { classifyDatasheet } from "../classify/classify.js";
import { InvalidInputError, parseDatasheet } from "../classify/datasheet.js";
import type { Classification } from "../classify/result.js";
import type { RuleSet } from "../rules/rules.js";
import { TOOL_NAME, TOOL_VERSION } from "../version.js";
import { canonicalJsonBytes } from "./canonical-json.js";
import { type DsseEnvelope, IN_TOTO_PAYLOAD_TYPE, signEnvelope } from "./dsse.js";
import { datasheetStatement, type Statement, type Subject } from "./statement.js";

export type AttestRefusalReason = "controlled" | "indeterminate";

/** The classifier's answer stops the signature; the message says why and what to do. */
export class AttestRefusal extends Error {
  constructor(
    readonly reason: AttestRefusalReason,
    message: string,
  ) {
    super(message);
    this.name = "AttestRefusal";
  }
}

export interface AttestOptions {
  readonly designer: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly rules: RuleSet;
  readonly boundFiles?: readonly Subject[];
  /** Sign even when the figures give 3A090.a. */
  readonly allowControlled?: boolean;
  readonly issuedAt?: Date;
}

/**
 * Validates and classifies `input` (a datasheet as parsed JSON) and signs the
 * statement of its figures and results.
 *
 * @throws InvalidInputError for a datasheet that does not validate.
 * @throws AttestRefusal for an indeterminate result, or 3A090.a without `allowControlled`.
 */
export function attestDatasheet(
  input: unknown,
  options: AttestOptions,
): { envelope: DsseEnvelope; statement: Statement; classification: Classification } {
  const datasheet = parseDatasheet(input);
  const unsafe = [
    { path: "part", name: datasheet.part },
    { path: "designer", name: options.designer },
    ...(options.boundFiles ?? []).map((file, index) => ({ path: `bound file ${index + 1}`, name: file.name })),
  ].flatMap(({ path, name }) => {
    const reason = unsignableNameReason(name);
    return reason === undefined ? [] : [{ path, message: reason }];
  });
  if (unsafe.length > 0) throw new InvalidInputError(unsafe);
  const classification = classifyDatasheet(datasheet, options.rules);
  switch (classification.eccn) {
    case "indeterminate":
      throw new AttestRefusal(
        "indeterminate",
        `refusing to attest ${classification.part}: the figures do not settle the classification ` +
          `(indeterminate); give ${classification.missing.join("; ") || "the missing facts"}`,
      );
    case "3A090.a":
      if (!options.allowControlled) {
        throw new AttestRefusal(
          "controlled",
          `refusing to attest ${classification.part}: its figures give ${classification.clause} ` +
            `(TPP ${classification.tpp}), so the attestation would not overcome the presumption of Note 1 to ` +
            "3A090.a; pass --allow-controlled to sign it anyway",
        );
      }
      break;
    case "3A090.b":
    case "3A090.c":
    case "none":
      break;
  }
  const statement = datasheetStatement({
    inputs: input,
    classification,
    designer: options.designer,
    issuedAt: options.issuedAt ?? new Date(),
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    boundFiles: options.boundFiles ?? [],
  });
  return { envelope: signStatement(statement, options.privateKey, options.publicKey), statement, classification };
}

/**
 * Why a name cannot be signed, or undefined when it can. A control character
 * (newline, ESC, CSI, …) or a noncharacter (U+FFFE, U+FFFF) in a signed name
 * would travel to every verifier's terminal and document; a name is refused
 * rather than altered, since the signature is over what is written.
 *
 * @example unsignableNameReason("Acme Semi") === undefined
 */
export function unsignableNameReason(name: string): string | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a name with control characters cannot be signed.
  const bad = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]/u.exec(name);
  if (bad === null) return undefined;
  const code = `U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
  return (
    `holds the character ${code} at position ${bad.index + 1}; a signed name may not hold control characters or ` +
    "U+FFFE/U+FFFF"
  );
}

/** Signs a statement as-is (canonical JSON in a DSSE envelope). */
export function signStatement(statement: unknown, privateKey: KeyObject, publicKey: KeyObject): DsseEnvelope {
  return signEnvelope(IN_TOTO_PAYLOAD_TYPE, canonicalJsonBytes(statement), privateKey, publicKey);
}
