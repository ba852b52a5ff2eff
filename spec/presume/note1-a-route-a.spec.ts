/**
 * Note 1 to 3A090.a ¶a, route a: an approved or authorized designer's
 * "datasheet or other attestation of the 'total processing performance' and
 * the 'performance density' … indicating that the IC is not specified in
 * 3A090.a". The figures are classified again with the classifier's own clause
 * tests; route a is refused when they give 3A090.a. A signed attestation goes
 * through the injected verifier (issue 6); without one it cannot be used.
 */
import { describe, expect, it } from "vitest";
import type { AttestationVerifier } from "../../src/index.js";
import { billion, check, designerOrder, DIES_AREA_NOT_GIVEN, order } from "./build.js";

const DATE = "2026-06-01";
const withAttestation = (designerAttestation: unknown, changes: Record<string, unknown> = {}) =>
  order({
    completionDate: DATE,
    aggregatedApproximatedTransistorCount: billion(50),
    dies: DIES_AREA_NOT_GIVEN,
    designerAttestation,
    ...changes,
  });

describe("route a with an unsigned attestation", () => {
  it("TPP 4000 and PD 3.1 (3A090.b.1 by the figures): overcomes, with an 'unverified' warning", () => {
    const result = check(withAttestation({ tpp: "4000", performanceDensity: "3.1" }));
    expect(result).toMatchObject({
      presumption: "overcome",
      route: "a",
      attestedClause: "3A090.b.1",
      designerStatus: "authorized",
    });
    expect(result.warnings.join(" ")).toContain("unsigned");
  });
  it("TPP 4799 (one below 4800) with PD 5.91 overcomes; TPP 4800 is 3A090.a.1 and is refused", () => {
    expect(check(withAttestation({ tpp: "4799", performanceDensity: "5.91" })).presumption).toBe("overcome");
    const refused = check(withAttestation({ tpp: "4800", performanceDensity: "5.91", notSpecifiedIn3A090a: true }));
    expect(refused.presumption).toBe("applies");
    expect(refused.warnings.join(" ")).toContain("give 3A090.a.1: route a is refused, although the attestation states");
  });
  it("PD 5.92 with TPP 1600 is 3A090.a.2 and is refused; PD 5.91 is not", () => {
    expect(check(withAttestation({ tpp: "1600", performanceDensity: "5.92" })).presumption).toBe("applies");
    expect(check(withAttestation({ tpp: "1600", performanceDensity: "5.91" })).presumption).toBe("overcome");
  });
  it("TPP without PD does not serve route a, even where TPP alone would decide: ¶a asks for an attestation of both", () => {
    for (const tpp of ["1000", "2000"]) {
      const open = check(withAttestation({ tpp }));
      expect(open.presumption).toBe("indeterminate");
      expect(open.missing.join(" ")).toContain("both TPP and PD");
    }
  });
  it("an attestation that the IC is not for datacenters is used, with a warning that it rests on the designer's word (A-10)", () => {
    const result = check(withAttestation({ tpp: "3000", performanceDensity: "10", datacenter: false }));
    expect(result.presumption).toBe("overcome");
    expect(result.warnings.join(" ")).toContain("not designed or marketed for datacenters");
  });
  it("a full datasheet is classified again (the H100 is 3A090.a.1: refused)", () => {
    const h100 = {
      part: "H100",
      datacenter: true,
      units: [{ rates: [{ format: "FP8", tops: "1979" }] }],
      dies: [{ areaMm2: "814", logic: true, nonPlanar: true }],
    };
    expect(check(withAttestation({ datasheet: h100 })).presumption).toBe("applies");
  });
  it("an attestation by a designer that is neither approved nor authorized does not overcome", () => {
    expect(
      check(designerOrder({ headquarters: "SG", ultimateParentHeadquarters: "SG", locations: ["SG"] }, DATE))
        .presumption,
    ).toBe("applies");
  });
  it("a malformed attestation is invalid input naming the field", () => {
    expect(() => check(withAttestation({ tpp: 4000 }))).toThrow(
      /designerAttestation\.tpp: give the figure as a string/,
    );
  });
});

describe("route a with a signed attestation (the verifier hook)", () => {
  const envelope = {
    payloadType: "application/vnd.in-toto+json",
    payload: "e30=",
    signatures: [{ keyid: "k", sig: "s" }],
  };
  const verifier =
    (
      designer: string,
      part: string,
      figures: Record<string, unknown> = { tpp: "4000", performanceDensity: "3.1" },
    ): AttestationVerifier =>
    () => ({ ok: true, designer, part, figures, keyFingerprint: "sha256:abc" });

  it("without a verifier: route a unknown, missing the trust file", () => {
    const result = check(withAttestation(envelope));
    expect(result.presumption).toBe("indeterminate");
    expect(result.routes.a).toBe("unknown");
    expect(result.missing).toContain("route a: a trust file to verify the signed attestation (--trust)");
  });
  it("a path is handed to the verifier as a string", () => {
    let seen: unknown;
    const result = check(withAttestation("acme-x1.dsse.json"), {
      verifyAttestation: (value) => {
        seen = value;
        return {
          ok: true,
          designer: "Acme Semi",
          part: "ACME-X1",
          figures: { tpp: "4000", performanceDensity: "3.1" },
          keyFingerprint: "sha256:abc",
        };
      },
    });
    expect(seen).toBe("acme-x1.dsse.json");
    expect(result).toMatchObject({ presumption: "overcome", route: "a" });
    expect(result.warnings.join(" ")).not.toContain("unsigned");
    expect(result.trace.find((s) => s.step.startsWith("Note 1 ¶a route a"))!.statement).toContain("sha256:abc");
  });
  it("verified, but for another designer or another part: refused", () => {
    expect(check(withAttestation(envelope), { verifyAttestation: verifier("Other Inc", "ACME-X1") }).presumption).toBe(
      "applies",
    );
    expect(check(withAttestation(envelope), { verifyAttestation: verifier("acme  semi", "ACME-X2") }).presumption).toBe(
      "applies",
    );
    // Names match as written, up to Unicode normalisation and spacing (regression: "ACME-X1.5" once matched "acme-x15").
    expect(
      check(withAttestation(envelope), { verifyAttestation: verifier("Acme  Semi", " ACME-X1 ") }).presumption,
    ).toBe("overcome");
    expect(check(withAttestation(envelope), { verifyAttestation: verifier("acme semi", "ACME-X1") }).presumption).toBe(
      "applies",
    );
    expect(check(withAttestation(envelope), { verifyAttestation: verifier("Acme Semi", "ACME-X1.") }).presumption).toBe(
      "applies",
    );
  });
  it("verified, but the signed figures give 3A090.a: refused", () => {
    expect(
      check(withAttestation(envelope), {
        verifyAttestation: verifier("Acme Semi", "ACME-X1", { tpp: "5000", performanceDensity: "1" }),
      }).presumption,
    ).toBe("applies");
  });
  it("--require-signed: an unsigned attestation does not serve route a; a verified signed one does", () => {
    const unsigned = check(withAttestation({ tpp: "4000", performanceDensity: "3.1" }), { requireSigned: true });
    expect(unsigned.presumption).toBe("applies");
    expect(unsigned.missing.join(" ")).toContain("a signed designer attestation that verifies");
    expect(
      check(withAttestation(envelope), { requireSigned: true, verifyAttestation: verifier("Acme Semi", "ACME-X1") })
        .presumption,
    ).toBe("overcome");
  });
  it("not verified: refused with the verifier's reason", () => {
    const result = check(withAttestation(envelope), {
      verifyAttestation: () => ({ ok: false, reason: "bad signature" }),
    });
    expect(result.presumption).toBe("applies");
    expect(result.warnings.join(" ")).toContain("bad signature");
  });
});
