/**
 * Signed attestations in the order check (Note 1 to 3A090.a ¶a): the hook
 * `presume` calls for an order's `designerAttestation` when it is a DSSE
 * envelope or a path to one. It answers with what was verified — the designer
 * pinned to the signing key, the part, and the signed figures (the full
 * datasheet, so `presume` classifies it again under the order's date) — or
 * with the reason it was refused. `presume` itself checks that the designer
 * and part match the order's.
 */
import { NamedFileError, readRegularFile } from "../files/regular-file.js";
import { loadTrustFile, type TrustedDesigners } from "./trust.js";
import { verifyEnvelope, verifyEnvelopeBytes, type VerifyResult } from "./verify.js";

/** The shape presume's `verifyAttestation` option takes (src/presume/attestation.ts, AttestationVerifier). */
export type AttestationCheck =
  | {
      readonly ok: true;
      readonly designer: string;
      readonly part: string;
      readonly figures: {
        readonly datasheet: unknown;
        readonly tpp?: string;
        readonly notSpecifiedIn3A090a: boolean;
        readonly source: string;
      };
      readonly keyFingerprint: string;
    }
  | { readonly ok: false; readonly reason: string };

/**
 * A verifier for `presume` over the designers a trust file pins.
 *
 * @param trust a trust file path (read once, now: a bad trust file is a usage error, not a refused order), or trusted
 * keys
 * @throws TrustFileError when the trust file cannot be used.
 */
export function attestationVerifierFor(
  trust: string | TrustedDesigners,
): (envelopeOrPath: unknown) => AttestationCheck {
  const designers = typeof trust === "string" ? loadTrustFile(trust) : trust;
  return (envelopeOrPath) => {
    let result: VerifyResult;
    let where = "inline envelope";
    if (typeof envelopeOrPath === "string") {
      where = envelopeOrPath;
      let bytes: Buffer;
      try {
        bytes = readRegularFile(envelopeOrPath, "attestation");
      } catch (error) {
        if (!(error instanceof NamedFileError)) throw error;
        return { ok: false, reason: error.message };
      }
      result = verifyEnvelopeBytes(bytes, designers);
    } else result = verifyEnvelope(envelopeOrPath, designers);
    if (!result.ok)
      return { ok: false, reason: `${where}: ${result.failure} (verify exit ${result.exitCode}): ${result.message}` };
    const results = result.predicate.results;
    return {
      ok: true,
      designer: result.designer,
      part: result.part,
      figures: {
        datasheet: result.predicate.inputs,
        ...(results.tpp === null ? {} : { tpp: results.tpp }),
        notSpecifiedIn3A090a: results.notSpecifiedIn3A090a,
        source:
          `attestation signed by ${result.designer} on ${result.predicate.issuedAt}, payload ` +
          `sha256 ${result.payloadSha256}`,
      },
      keyFingerprint: `sha256:${result.keyid}`,
    };
  };
}
