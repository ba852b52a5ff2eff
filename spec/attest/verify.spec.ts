/**
 * `verify`: the order of the checks, a distinct message and exit code for
 * each failure, and the security properties of the issue (a flipped byte or a
 * changed payload field always fails; random input never crashes).
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { signStatement } from "../../src/attest/attest.js";
import { canonicalJsonBytes } from "../../src/attest/canonical-json.js";
import { type DsseEnvelope, IN_TOTO_PAYLOAD_TYPE, keyIdOf, signEnvelope } from "../../src/attest/dsse.js";
import { sha256Hex } from "../../src/attest/statement.js";
import {
  VERIFY_EXIT,
  type VerifyFailure,
  type VerifyResult,
  verifyEnvelope,
  verifyEnvelopeBytes,
} from "../../src/attest/verify.js";
import { acme, attestExample, beta, envelopeBytes, rogue, signEdited, trust } from "./fixtures.js";

const good = attestExample().envelope;
const goodBytes = envelopeBytes(good);
const EXIT_CODES = new Set(Object.values(VERIFY_EXIT));

function failure(result: VerifyResult): { failure: VerifyFailure; exitCode: number; message: string } {
  if (result.ok) throw new Error("expected verification to fail, but it held");
  return result;
}

describe("a good attestation", () => {
  it("verifies: designer, part, key fingerprint, payload digest and the recomputed clause", () => {
    const result = verifyEnvelopeBytes(goodBytes, trust);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result).toMatchObject({ designer: "Acme Semi", part: "ACME-X1", keyid: keyIdOf(acme.publicKey) });
    expect(result.payloadSha256).toBe(sha256Hex(Buffer.from(good.payload, "base64")));
    expect(result.recomputed.clause).toBe("3A090.b.1");
    expect(result.predicate.results).toMatchObject({
      tpp: "4000",
      performanceDensityExact: "400/129",
      performanceDensity: "3.100775",
      notSpecifiedIn3A090a: true,
    });
  });

  it("payload bytes are canonical JSON of an in-toto Statement v1 with this project's predicate type", () => {
    const payload = Buffer.from(good.payload, "base64").toString("utf8");
    const statement = JSON.parse(payload);
    expect(payload).toBe(canonicalJsonBytes(statement).toString("utf8"));
    expect(statement).toMatchObject({
      _type: "https://in-toto.io/Statement/v1",
      predicateType: "https://ic3a090.dev/attestation/datasheet/v1",
    });
    expect(statement.subject[0].name).toBe("ACME-X1");
    expect(statement.predicate.inputs.units[0].rates[0].tops).toBe("500");
  });

  it("verifies as a parsed object too (an envelope inline in an order)", () => {
    expect(verifyEnvelope(JSON.parse(goodBytes.toString()), trust).ok).toBe(true);
  });
});

describe("each failure has its own message and exit code", () => {
  const statementFor = (edit: Parameters<typeof signEdited>[0]) => signEdited(edit);
  const cases: [VerifyFailure, string, () => VerifyResult, RegExp][] = [
    ["envelope", "a JSON array", () => verifyEnvelope([], trust), /not a DSSE envelope/],
    [
      "payload-type",
      "a swapped payloadType, re-signed",
      () =>
        verifyEnvelope(
          signEnvelope("application/json", Buffer.from(good.payload, "base64"), acme.privateKey, acme.publicKey),
          trust,
        ),
      /payloadType is "application\/json"/,
    ],
    [
      "unknown-key",
      "a key not in the trust file",
      () => verifyEnvelope(attestExample(rogue).envelope, trust),
      /not in the trust file/,
    ],
    [
      "bad-signature",
      "the wrong key under Acme's keyid",
      () => {
        const forged = attestExample(rogue).envelope;
        return verifyEnvelope(
          { ...forged, signatures: [{ keyid: keyIdOf(acme.publicKey), sig: forged.signatures[0]!.sig }] },
          trust,
        );
      },
      /does not verify with the key pinned for "Acme Semi"/,
    ],
    [
      "statement-type",
      "another _type",
      () =>
        verifyEnvelope(
          statementFor((s) => ((s as { _type: string })._type = "https://in-toto.io/Statement/v0.1")),
          trust,
        ),
      /not an in-toto Statement v1/,
    ],
    [
      "predicate-type",
      "another predicateType",
      () =>
        verifyEnvelope(
          statementFor((s) => ((s as { predicateType: string }).predicateType = "https://slsa.dev/provenance/v1")),
          trust,
        ),
      /predicateType is "https:\/\/slsa.dev\/provenance\/v1"/,
    ],
    [
      "predicate",
      "a clause that does not exist",
      () =>
        verifyEnvelope(
          statementFor((s) => ((s.predicate.results as { clause: string }).clause = "3A090.z")),
          trust,
        ),
      /does not validate: predicate\.results\.clause/,
    ],
    [
      "designer",
      "the key of another designer in the trust file",
      () => verifyEnvelope(attestExample(beta, "Acme Semi").envelope, trust),
      /names designer "Acme Semi", but it is signed with the key pinned for "Beta Logic"/,
    ],
    [
      "part",
      "a statement for another part",
      () => verifyEnvelope(good, trust, { part: "ACME-X2" }),
      /for part "ACME-X1", not "ACME-X2"/,
    ],
    [
      "bound-file",
      "a file that was not bound",
      () => verifyEnvelope(good, trust, { boundFiles: [{ name: "datasheet.pdf", sha256: sha256Hex("other") }] }),
      /datasheet\.pdf .* is not a file bound/,
    ],
    [
      "rules-data",
      "a rules data hash mismatch",
      () =>
        verifyEnvelope(
          statementFor((s) => (s.predicate.rules.dataSha256 = "0".repeat(64))),
          trust,
        ),
      /signed over rules data sha256 0{64}, but the rules data here is/,
    ],
    [
      "result",
      "numbers altered before signing (FP8 700 TOPS: TPP 5600, 3A090.a.1) with the .b.1 result kept",
      () =>
        verifyEnvelope(
          statementFor(
            (s) =>
              ((s.predicate.inputs as { units: { rates: { tops: string }[] }[] }).units[0]!.rates[0]!.tops = "700"),
          ),
          trust,
        ),
      /the signed figures do not give the signed result: tpp is "4000" in the attestation, but the signed inputs give "5600"/,
    ],
  ];

  it.each(cases)("%s: %s", (expected, _name, run, message) => {
    const result = failure(run());
    expect(result.failure).toBe(expected);
    expect(result.exitCode).toBe(VERIFY_EXIT[expected]);
    expect(result.message).toMatch(message);
  });

  it("no two failures share a message or an exit code, and none exits 0, 1, 2 or 65", () => {
    const results = cases.map(([, , run]) => failure(run()));
    expect(new Set(results.map((r) => r.message)).size).toBe(cases.length);
    expect(new Set(results.map((r) => r.exitCode)).size).toBe(cases.length);
    expect(results.map((r) => r.exitCode).filter((code) => [0, 1, 2, 65].includes(code))).toEqual([]);
  });

  it("numbers altered so PD changes but the clause does not still fail (PD is compared exactly)", () => {
    const result = failure(
      verifyEnvelope(
        statementFor((s) => ((s.predicate.inputs as { dies: { areaMm2: string }[] }).dies[0]!.areaMm2 = "646")),
        trust,
      ),
    );
    expect(result.failure).toBe("result");
    expect(result.message).toMatch(/performanceDensity/);
  });

  it("a claimed clause the figures do not give fails (signed .b.1 figures claimed as none)", () => {
    const result = failure(
      verifyEnvelope(
        statementFor((s) => ((s.predicate.results as { clause: string }).clause = "none")),
        trust,
      ),
    );
    expect(result.failure).toBe("result");
    expect(result.message).toMatch(/clause is "none" in the attestation, but the signed inputs give "3A090.b.1"/);
  });

  it("a subject digest that is not the digest of the signed inputs fails as a self-contradiction", () => {
    const result = failure(
      verifyEnvelope(
        signEdited((s) => (s.subject[0]!.digest.sha256 = "f".repeat(64)), acme, { keepSubjectDigest: true }),
        trust,
      ),
    );
    expect(result.failure).toBe("predicate");
    expect(result.message).toMatch(/subject digest of "ACME-X1" is not the sha256 of the signed inputs/);
  });

  it("a subject naming another part than the inputs fails", () => {
    const result = failure(
      verifyEnvelope(
        statementFor((s) => (s.subject[0]!.name = "ACME-X2")),
        trust,
      ),
    );
    expect(result.failure).toBe("predicate");
    expect(result.message).toMatch(/contradicts itself: subject "ACME-X2", inputs.part "ACME-X1"/);
  });

  it("a payload that is JSON but not canonical fails, even when properly signed", () => {
    const payload = Buffer.from(JSON.stringify(JSON.parse(Buffer.from(good.payload, "base64").toString()), null, 1));
    const result = failure(
      verifyEnvelope(signEnvelope(IN_TOTO_PAYLOAD_TYPE, payload, acme.privateKey, acme.publicKey), trust),
    );
    expect(result.failure).toBe("statement-type");
    expect(result.message).toMatch(/not canonical JSON/);
  });
});

describe("the checks run in the documented order", () => {
  it("payloadType is checked before the signature", () => {
    expect(
      failure(verifyEnvelope({ ...attestExample(rogue).envelope, payloadType: "text/plain" }, trust)).failure,
    ).toBe("payload-type");
  });

  it("the signature is checked before the statement", () => {
    const envelope = signStatement({ _type: "nonsense" }, rogue.privateKey, rogue.publicKey);
    expect(failure(verifyEnvelope(envelope, trust)).failure).toBe("unknown-key");
  });

  it("the designer is checked before the part, and the part before the rules data", () => {
    const wrongDesigner = signEdited((s) => (s.predicate.rules.dataSha256 = "0".repeat(64)), beta);
    expect(failure(verifyEnvelope(wrongDesigner, trust, { part: "ACME-X2" })).failure).toBe("designer");
    const rulesChanged = signEdited((s) => (s.predicate.rules.dataSha256 = "0".repeat(64)));
    expect(failure(verifyEnvelope(rulesChanged, trust, { part: "ACME-X2" })).failure).toBe("part");
  });

  it("one good signature among several is enough; its keyid must name the key that verifies", () => {
    const forged = attestExample(rogue).envelope.signatures[0]!;
    expect(verifyEnvelope({ ...good, signatures: [forged, ...good.signatures] }, trust).ok).toBe(true);
    expect(
      failure(
        verifyEnvelope(
          { ...good, signatures: [{ keyid: keyIdOf(beta.publicKey), sig: good.signatures[0]!.sig }] },
          trust,
        ),
      ).failure,
    ).toBe("bad-signature");
  });
});

describe("tampering never passes and never crashes", () => {
  const check = (bytes: Uint8Array) => {
    const result = verifyEnvelopeBytes(bytes, trust);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(EXIT_CODES.has(result.exitCode)).toBe(true);
      expect(result.message.length).toBeGreaterThan(10);
    }
  };

  it(`flipping the lowest bit of any one of the envelope's bytes fails (every position)`, () => {
    for (let position = 0; position < goodBytes.length; position++) {
      const bytes = Buffer.from(goodBytes);
      bytes[position] = bytes[position]! ^ 0x01;
      check(bytes);
    }
  });

  test.prop([fc.nat(), fc.integer({ min: 1, max: 255 })])(
    "changing any one byte to any other value fails",
    (at, mask) => {
      const bytes = Buffer.from(goodBytes);
      const position = at % bytes.length;
      bytes[position] = bytes[position]! ^ mask;
      check(bytes);
    },
  );

  it("whitespace added to the envelope fails (only the bytes attest wrote verify)", () => {
    check(Buffer.from(JSON.stringify(JSON.parse(goodBytes.toString()), null, 2)));
  });

  const payload = JSON.parse(Buffer.from(good.payload, "base64").toString()) as unknown;
  const leaves: (string | number)[][] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    if (typeof value === "object" && value !== null)
      for (const [key, item] of Object.entries(value)) walk(item, [...path, Array.isArray(value) ? Number(key) : key]);
    else leaves.push(path);
  };
  walk(payload, []);

  const changed = (value: unknown): unknown =>
    typeof value === "string"
      ? `${value}x`
      : typeof value === "number"
        ? value + 1
        : typeof value === "boolean"
          ? !value
          : "x";

  it(`changing any one of the payload's ${leaves.length} fields without re-signing fails on the signature`, () => {
    expect(leaves.length).toBeGreaterThan(50);
    for (const path of leaves) {
      const edited = structuredClone(payload) as Record<string | number, unknown>;
      let holder = edited as Record<string | number, unknown>;
      for (const key of path.slice(0, -1)) holder = holder[key] as Record<string | number, unknown>;
      const last = path[path.length - 1]!;
      holder[last] = changed(holder[last]);
      const envelope: DsseEnvelope = { ...good, payload: canonicalJsonBytes(edited).toString("base64") };
      const result = failure(verifyEnvelope(envelope, trust));
      expect(result.failure, path.join(".")).toBe("bad-signature");
    }
  });

  test.prop([fc.jsonValue()])("random JSON as an envelope: a clear error, no crash", (value) => {
    const result = failure(verifyEnvelope(value, trust));
    expect(result.failure).toBe("envelope");
    check(Buffer.from(JSON.stringify(value)));
  });

  test.prop([fc.uint8Array({ maxLength: 2000 })])("random bytes as an envelope: a clear error, no crash", (bytes) => {
    check(bytes);
  });

  const base64 = (length: number) =>
    fc.uint8Array({ minLength: length, maxLength: length }).map((b) => Buffer.from(b).toString("base64"));
  test.prop([
    fc.constantFrom(IN_TOTO_PAYLOAD_TYPE, "application/json"),
    fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString("base64")),
    fc.constantFrom(keyIdOf(acme.publicKey), keyIdOf(beta.publicKey), keyIdOf(rogue.publicKey)),
    base64(64),
  ])(
    "random envelopes of the right shape (random payload and signature under a real keyid) fail, never crash",
    (payloadType, payload, keyid, sig) => {
      const result = failure(verifyEnvelope({ payloadType, payload, signatures: [{ keyid, sig }] }, trust));
      expect(["payload-type", "unknown-key", "bad-signature"]).toContain(result.failure);
    },
  );
});
