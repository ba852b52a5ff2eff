/**
 * Route a of Note 1 to 3A090.a with a signed attestation: `presume` uses it
 * only when it verifies, the designer pinned to the key is the order's
 * designer, and the statement is for the order's part.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../src/attest/canonical-json.js";
import { attestationVerifierFor } from "../../src/attest/order-check.js";
import type { AttestationVerifier } from "../../src/presume/attestation.js";
import { presume } from "../../src/presume/presume.js";
import { attestExample, beta, envelopeBytes, exampleDatasheet, signEdited, trust } from "./fixtures.js";

const verifyAttestation: AttestationVerifier = attestationVerifierFor(trust);
const order = (designerAttestation: unknown, changes: Record<string, unknown> = {}) => ({
  ...JSON.parse(readFileSync("data/examples/order-route-a.json", "utf8")),
  designerAttestation,
  ...changes,
});
const envelope = JSON.parse(envelopeBytes(attestExample().envelope).toString());
const routeA = (result: ReturnType<typeof presume>) => result.trace.find((step) => step.step.includes("route a"))!;

describe("presume with a signed designer attestation (Note 1 to 3A090.a ¶a)", () => {
  it("a verified attestation by the order's designer for its part overcomes the presumption by route a", () => {
    const result = presume(order(envelope), { verifyAttestation });
    expect(result).toMatchObject({ presumption: "overcome", route: "a", attestedClause: "3A090.b.1" });
    expect(routeA(result).statement).toMatch(/signed attestation verified for Acme Semi, part ACME-X1/);
    expect(routeA(result).statement).toMatch(/key sha256:[0-9a-f]{64}/);
  });

  it("reads an envelope file given as a path", () => {
    const dir = mkdtempSync(join(tmpdir(), "ic3a090-order-"));
    writeFileSync(join(dir, "attestation.json"), envelopeBytes(attestExample().envelope));
    expect(presume(order(join(dir, "attestation.json")), { verifyAttestation })).toMatchObject({
      presumption: "overcome",
      route: "a",
    });
    const missing = presume(order(join(dir, "none.json")), { verifyAttestation });
    expect(missing.route).not.toBe("a");
    expect(missing.warnings.join("\n")).toMatch(/cannot read attestation .*none\.json: ENOENT/);
  });

  it("refuses a tampered attestation: the presumption applies, with verify's reason as a warning", () => {
    const tampered = {
      ...envelope,
      payload: Buffer.from(
        Buffer.from(envelope.payload, "base64").toString().replace('"tops":"500"', '"tops":"400"'),
      ).toString("base64"),
    };
    const result = presume(order(tampered), { verifyAttestation });
    expect(result).toMatchObject({ presumption: "applies", route: null, treatAs: "3A090.a" });
    expect(result.warnings.join("\n")).toMatch(/bad-signature \(verify exit 13\)/);
  });

  it("refuses an attestation for another part", () => {
    const result = presume(order(envelope, { part: "ACME-X2" }), { verifyAttestation });
    expect(result.presumption).toBe("applies");
    expect(result.warnings.join("\n")).toMatch(/for part "ACME-X1", not "ACME-X2"/);
  });

  it("refuses an attestation signed by another trusted designer than the order's", () => {
    const byBeta = JSON.parse(canonicalJson(attestExample(beta, "Beta Logic").envelope));
    const result = presume(order(byBeta), { verifyAttestation });
    expect(result.presumption).toBe("applies");
    expect(result.warnings.join("\n")).toMatch(/by "Beta Logic", not the order's designer/);
  });

  it("refuses signed figures that do not give the signed result", () => {
    const forged = signEdited(
      (s) => ((s.predicate.inputs as { units: { rates: { tops: string }[] }[] }).units[0]!.rates[0]!.tops = "700"),
    );
    const result = presume(order(JSON.parse(canonicalJson(forged))), { verifyAttestation });
    expect(result.presumption).toBe("applies");
    expect(result.warnings.join("\n")).toMatch(/result \(verify exit 21\)/);
  });

  it("without a trust file a signed attestation cannot be used, and the trust file is named as missing", () => {
    const result = presume(order(envelope));
    expect(result.presumption).not.toBe("overcome");
    expect(result.missing.join("\n")).toMatch(/trust file/);
  });

  it("an unsigned attestation with the same figures is still accepted, with a warning that it is unverified", () => {
    const result = presume(order({ datasheet: exampleDatasheet() }), { verifyAttestation });
    expect(result).toMatchObject({ presumption: "overcome", route: "a" });
    expect(result.warnings.join("\n")).toMatch(/unsigned/);
  });
});
