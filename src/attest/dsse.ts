/**
 * DSSE, the Dead Simple Signing Envelope (secure-systems-lab/dsse, protocol
 * v1.0): the signature covers the pre-authentication encoding
 *
 *     PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body
 *
 * where LEN is the byte length in ASCII decimal, so neither the payload type
 * nor the payload can be swapped without breaking the signature. Signatures
 * are Ed25519 over those bytes, made and checked with node:crypto only.
 */
import { createHash, type KeyObject, sign, verify } from "node:crypto";

export const IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";

export interface DsseSignature {
  /** sha256 hex of the signer's public key (SPKI DER); see `keyIdOf`. */
  readonly keyid: string;
  /** The Ed25519 signature over PAE(payloadType, payload), base64. */
  readonly sig: string;
}

export interface DsseEnvelope {
  readonly payloadType: string;
  /** The payload bytes, base64 (standard alphabet, padded). */
  readonly payload: string;
  readonly signatures: readonly DsseSignature[];
}

/**
 * The bytes DSSE signs.
 *
 * @example pae("http://example.com/HelloWorld", Buffer.from("hello world")).toString() === "DSSEv1 29 http://example.com/HelloWorld 11 hello world"
 */
export function pae(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType, "utf8");
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${payload.length} `), payload]);
}

/** sha256 hex of a public key's SPKI DER encoding: the `keyid`, and the fingerprint shown to people. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash("sha256")
    .update(publicKey.export({ type: "spki", format: "der" }))
    .digest("hex");
}

/** Signs `payload` into a one-signature envelope with an Ed25519 private key. */
export function signEnvelope(
  payloadType: string,
  payload: Buffer,
  privateKey: KeyObject,
  publicKey: KeyObject,
): DsseEnvelope {
  const sig = sign(null, pae(payloadType, payload), privateKey);
  return {
    payloadType,
    payload: payload.toString("base64"),
    signatures: [{ keyid: keyIdOf(publicKey), sig: sig.toString("base64") }],
  };
}

/** True when `sig` is an Ed25519 signature of PAE(payloadType, payload) by `publicKey`. */
export function verifySignature(payloadType: string, payload: Buffer, sig: Buffer, publicKey: KeyObject): boolean {
  try {
    return verify(null, pae(payloadType, payload), publicKey, sig);
  } catch {
    return false;
  }
}

/**
 * Strict base64: the text must be exactly what encoding its bytes gives back.
 * Node's decoder skips stray characters and ignores the unused low bits of
 * the last character; accepting those would let an envelope change without
 * its signature noticing.
 */
export function decodeStrictBase64(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return undefined;
  const bytes = Buffer.from(text, "base64");
  return bytes.toString("base64") === text ? bytes : undefined;
}
