import { createHash, generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decodeStrictBase64, keyIdOf, pae, signEnvelope, verifySignature } from "../../src/attest/dsse.js";

describe("DSSE v1 pre-authentication encoding", () => {
  it("is the spec's example: DSSEv1 29 http://example.com/HelloWorld 11 hello world", () => {
    expect(pae("http://example.com/HelloWorld", Buffer.from("hello world")).toString()).toBe(
      "DSSEv1 29 http://example.com/HelloWorld 11 hello world",
    );
  });

  it("counts bytes, not characters", () => {
    expect(pae("t", Buffer.from("≥", "utf8")).toString("utf8")).toBe("DSSEv1 1 t 3 ≥");
  });
});

describe("Ed25519 signatures over the PAE", () => {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const envelope = signEnvelope("application/vnd.in-toto+json", Buffer.from("{}"), privateKey, publicKey);

  it("keyid is the sha256 of the public key's SPKI DER", () => {
    const der = publicKey.export({ type: "spki", format: "der" });
    expect(envelope.signatures[0]!.keyid).toBe(createHash("sha256").update(der).digest("hex"));
    expect(keyIdOf(publicKey)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("verifies with the payload type it was signed with, and not with another", () => {
    const sig = Buffer.from(envelope.signatures[0]!.sig, "base64");
    expect(verifySignature("application/vnd.in-toto+json", Buffer.from("{}"), sig, publicKey)).toBe(true);
    expect(verifySignature("application/json", Buffer.from("{}"), sig, publicKey)).toBe(false);
    expect(verifySignature("application/vnd.in-toto+json", Buffer.from("{ }"), sig, publicKey)).toBe(false);
  });
});

describe("strict base64", () => {
  it("accepts what encoding gives back", () => {
    expect(decodeStrictBase64("aGk=")?.toString()).toBe("hi");
  });

  it("refuses unused low bits set in the last character (aGl= decodes to the same bytes as aGk=)", () => {
    expect(Buffer.from("aGl=", "base64").toString()).toBe("hi");
    expect(decodeStrictBase64("aGl=")).toBeUndefined();
  });

  it("refuses stray characters Node's decoder would skip, and missing padding", () => {
    expect(decodeStrictBase64("aG!k=")).toBeUndefined();
    expect(decodeStrictBase64("aGk")).toBeUndefined();
    expect(decodeStrictBase64("aG k=")).toBeUndefined();
  });
});
