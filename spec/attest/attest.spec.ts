/**
 * Issuing: route a needs an attestation "indicating that the IC is not
 * specified in 3A090.a" (Note 1 to 3A090.a ¶a), so `attest` refuses figures
 * that give 3A090.a unless told otherwise, and figures that settle nothing.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AttestRefusal } from "../../src/attest/attest.js";
import { inputsDigest, StatementSchema } from "../../src/attest/statement.js";
import { verifyEnvelope } from "../../src/attest/verify.js";
import { InvalidInputError } from "../../src/classify/datasheet.js";
import { rulesAt } from "../../src/rules/rules.js";
import { TOOL_NAME, TOOL_VERSION } from "../../src/version.js";
import { acme, attestExample, DATE, exampleDatasheet, ISSUED_AT, trust } from "./fixtures.js";
import { attestDatasheet } from "../../src/attest/attest.js";

const h100 = JSON.parse(readFileSync("data/examples/h100.json", "utf8"));
const sign = (input: unknown, allowControlled = false) =>
  attestDatasheet(input, {
    designer: "Acme Semi",
    privateKey: acme.privateKey,
    publicKey: acme.publicKey,
    rules: rulesAt(DATE),
    issuedAt: ISSUED_AT,
    allowControlled,
  });

describe("the statement attest signs", () => {
  const { statement, classification } = attestExample();

  it("validates against the published predicate schema's source, and carries every required fact", () => {
    expect(StatementSchema.safeParse(statement).success).toBe(true);
    expect(statement.predicate).toMatchObject({
      designer: { name: "Acme Semi" },
      issuedAt: "2027-03-01T09:30:00.000Z",
      tool: { name: TOOL_NAME, version: TOOL_VERSION },
      rules: { date: DATE, dataSha256: rulesAt(DATE).dataSha256 },
      results: {
        tpp: "4000",
        performanceDensityExact: "400/129",
        performanceDensity: "3.100775",
        clause: "3A090.b.1",
        eccn: "3A090.b",
        notSpecifiedIn3A090a: true,
      },
    });
    expect(statement.predicate.results.trace).toEqual(classification.trace);
  });

  it("keeps the inputs as given: decimals stay strings, digits intact", () => {
    expect(statement.predicate.inputs).toEqual(exampleDatasheet());
  });

  it("names the part as the first subject, with the sha256 of the canonical inputs", () => {
    expect(statement.subject).toEqual([{ name: "ACME-X1", digest: { sha256: inputsDigest(exampleDatasheet()) } }]);
  });

  it("binds files given as further subjects", () => {
    const { statement: bound } = attestDatasheet(exampleDatasheet(), {
      designer: "Acme Semi",
      privateKey: acme.privateKey,
      publicKey: acme.publicKey,
      rules: rulesAt(DATE),
      boundFiles: [{ name: "ACME-X1.pdf", digest: { sha256: "a".repeat(64) } }],
    });
    expect(bound.subject[1]).toEqual({ name: "ACME-X1.pdf", digest: { sha256: "a".repeat(64) } });
  });
});

describe("what attest refuses", () => {
  it("refuses a 3A090.a datasheet (the H100: 3A090.a.1) unless allowed, and signs it when allowed", () => {
    expect(() => sign(h100)).toThrow(AttestRefusal);
    expect(() => sign(h100)).toThrow(/3A090\.a\.1 .*--allow-controlled/);
    const allowed = sign(h100, true);
    expect(allowed.statement.predicate.results).toMatchObject({ eccn: "3A090.a", notSpecifiedIn3A090a: false });
    expect(verifyEnvelope(allowed.envelope, trust).ok).toBe(true);
  });

  it("refuses an indeterminate datasheet, saying what is missing", () => {
    const { datacenter: _omitted, ...noDatacenter } = exampleDatasheet();
    try {
      sign(noDatacenter);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AttestRefusal);
      expect((error as AttestRefusal).reason).toBe("indeterminate");
      expect((error as Error).message).toMatch(/datacenter/);
    }
  });

  it("refuses an invalid datasheet, naming the field", () => {
    const bad = exampleDatasheet();
    (bad.units as { rates: { tops: unknown }[] }[])[0]!.rates[0]!.tops = 500;
    expect(() => sign(bad)).toThrow(InvalidInputError);
    expect(() => sign(bad)).toThrow(/units\[0\]\.rates\[0\]\.tops: give the figure as a string/);
  });
});
