/**
 * The order check never overcomes or drops an order on a missing or
 * contradicted fact (issue 9 §3). One regression per defect, named after
 * what it protects.
 */
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../src/classify/datasheet.js";
import { addDays, formatIsoDate, isoDateBefore } from "../../src/rules/dated.js";
import { parseOrder } from "../../src/presume/order.js";
import { billion, check, designerOrder, DIES_AREA_NOT_GIVEN, order } from "./build.js";

const DATE = "2026-06-01";
const routeA = (result: ReturnType<typeof check>) =>
  result.trace.find((step) => step.step.startsWith("Note 1 ¶a route a"))!;

describe("an order without logic is not 'not a logic IC'", () => {
  const noLogic = () => {
    const o = order({
      completionDate: "2027-03-15",
      designerAttestation: undefined,
      aggregatedApproximatedTransistorCount: billion(50),
    });
    delete o.logic;
    delete o.dies;
    delete o.designerAttestation;
    return o;
  };

  it("regression: without logic and without dies, the answer is indeterminate naming logic, never not-applicable", () => {
    const result = check(noLogic());
    expect(result.presumption).toBe("indeterminate");
    expect(result.missing).toContain("scope: logic: whether the IC is a logic IC");
    expect(result.notApplicableReason).toBeNull();
  });

  it("regression: it does not drop out of the § 743.9 report: reportable is unknown (null), not false", () => {
    const result = check(noLogic());
    expect(result.designerStatus).toBe("authorized");
    expect(result.reportable7439).toBeNull();
  });

  it("logic: false is still not a logic IC (not-applicable)", () => {
    expect(check({ ...noLogic(), logic: false }).presumption).toBe("not-applicable");
  });
});

describe("containsHbm: false with a memory-stack die is a contradiction", () => {
  it("regression: refused as input, naming both facts", () => {
    const contradictory = order({
      containsHbm: false,
      dies: [...(order().dies as object[]), { name: "hbm base", logic: true, memoryStack: true, areaMm2: "100" }],
    });
    expect(() => parseOrder(contradictory)).toThrow(InvalidInputError);
    expect(() => parseOrder(contradictory)).toThrow(
      /^containsHbm: is false, but dies\[2\] is part of a memory stack \(memoryStack: true\)/,
    );
  });

  it("containsHbm: true with the same dies is accepted", () => {
    expect(() =>
      parseOrder(order({ containsHbm: true, dies: [{ logic: true, memoryStack: true, areaMm2: "100" }] })),
    ).not.toThrow();
  });
});

describe("route a with an unsigned attestation: the attestation must be about this order's IC", () => {
  it("regression: an attestation for tiny-other-part by Someone Else does not overcome the presumption for BIGCHIP-9000", () => {
    const tiny = {
      part: "tiny-other-part",
      datacenter: true,
      units: [{ rates: [{ format: "INT8", tops: "10" }] }],
      dies: [{ areaMm2: "50", logic: true, nonPlanar: true }],
    };
    const result = check(
      designerOrder({}, DATE, {
        part: "BIGCHIP-9000",
        designerAttestation: { designer: "Someone Else", datasheet: tiny },
      }),
    );
    expect(result.presumption).toBe("applies");
    expect(result.routes.a).toBe("does-not-overcome");
    expect(result.warnings.join(" ")).toContain(
      'the attestation is for part "tiny-other-part", not "BIGCHIP-9000": not used for route a',
    );
  });

  it("an attestation by another designer is refused; by the order's designer it serves", () => {
    const other = check(
      designerOrder({}, DATE, {
        designerAttestation: { tpp: "4000", performanceDensity: "3.1", designer: "Someone Else" },
      }),
    );
    expect(other.presumption).toBe("applies");
    expect(other.warnings.join(" ")).toContain(
      'the attestation is by "Someone Else", not the order\'s designer "Acme Semi"',
    );
    const own = check(
      designerOrder({}, DATE, {
        designerAttestation: { tpp: "4000", performanceDensity: "3.1", designer: "Acme Semi", part: "ACME-X1" },
      }),
    );
    expect(own.presumption).toBe("overcome");
  });

  it("regression: figures the order's own dies contradict do not overcome (2 × 400 mm², TPP 4000: PD 5, not the attested 1)", () => {
    const dies = [{ name: "compute", count: 2, logic: true, nonPlanar: true, nodeNm: "5", areaMm2: "400" }];
    const result = check(
      designerOrder({}, DATE, { dies, designerAttestation: { tpp: "4000", performanceDensity: "1" } }),
    );
    expect(result.presumption).toBe("applies");
    expect(routeA(result).statement).toContain("attested TPP 4000 ÷ applicable die area 800 mm² = PD 5");
    expect(result.warnings.join(" ")).toContain("the attestation does not overcome the presumption");
    expect(
      check(designerOrder({}, DATE, { dies, designerAttestation: { tpp: "4000", performanceDensity: "5" } }))
        .presumption,
    ).toBe("overcome");
  });

  it("a PD rounded or truncated in its last place agrees with the dies; one unit further does not (4000 ÷ 1300 = 3.0769…)", () => {
    const dies = [{ logic: true, nonPlanar: true, nodeNm: "5", areaMm2: "1300" }];
    const at = (pd: string) =>
      check(designerOrder({}, DATE, { dies, designerAttestation: { tpp: "4000", performanceDensity: pd } }))
        .presumption;
    expect(at("3.07")).toBe("overcome");
    expect(at("3.08")).toBe("overcome");
    expect(at("3.06")).toBe("applies");
    expect(at("3.09")).toBe("applies");
  });

  it("an attested datasheet whose die area is not the order's does not overcome", () => {
    const sheet = {
      part: "ACME-X1",
      datacenter: true,
      units: [{ rates: [{ format: "FP8", tops: "400" }] }],
      dies: [{ areaMm2: "900", logic: true, nonPlanar: true }],
    };
    const dies = [{ logic: true, nonPlanar: true, nodeNm: "5", areaMm2: "600" }];
    const result = check(designerOrder({}, DATE, { dies, designerAttestation: { datasheet: sheet } }));
    expect(result.presumption).toBe("applies");
    expect(result.warnings.join(" ")).toContain("applicable die area is 900 mm², but the order's dies give 600 mm²");
  });
});

describe("A-10: a datasheet-form attestation with datacenter: false carries the warning, signed or not", () => {
  const sheet = {
    part: "ACME-X1",
    datacenter: false,
    units: [{ rates: [{ format: "FP8", tops: "300" }] }],
    dies: [{ areaMm2: "800", logic: true, nonPlanar: true }],
  };
  const A10 = "not designed or marketed for datacenters";

  it("regression: unsigned", () => {
    const result = check(
      designerOrder({}, DATE, { dies: DIES_AREA_NOT_GIVEN, designerAttestation: { datasheet: sheet } }),
    );
    expect(result.warnings.join(" ")).toContain(A10);
  });

  it("regression: signed (through the verifier hook)", () => {
    const result = check(
      designerOrder({}, DATE, { dies: DIES_AREA_NOT_GIVEN, designerAttestation: "acme.dsse.json" }),
      {
        verifyAttestation: () => ({
          ok: true,
          designer: "Acme Semi",
          part: "ACME-X1",
          figures: { datasheet: sheet },
          keyFingerprint: "sha256:abc",
        }),
      },
    );
    expect(result.warnings.join(" ")).toContain(A10);
  });
});

describe("dates after 9999 are written as dates", () => {
  it("regression: the lapse of an application in year 9999 is 10000-03-29, not +010000-03-29", () => {
    expect(addDays("9999-10-01", 180)).toBe("10000-03-29");
    expect(formatIsoDate(new Date(Date.UTC(2027, 2, 5)))).toBe("2027-03-05");
    expect(addDays("0099-12-31", 1)).toBe("0100-01-01");
  });

  it("9999-12-31 is before 10000-03-29; text order alone would say otherwise", () => {
    expect(isoDateBefore("9999-12-31", "10000-03-29")).toBe(true);
    expect(isoDateBefore("10000-03-29", "9999-12-31")).toBe(false);
    expect(isoDateBefore("2027-01-01", "2027-01-01")).toBe(false);
  });

  it("an order completed 9999-12-31 by a designer that applied 9999-10-01 is within the lapse, and says until when", () => {
    const result = check(designerOrder({ approvalApplicationDate: "9999-10-01" }, "9999-12-31"));
    const trigger = result.trace.find((step) => step.step === "Note 1 ¶a(2)/(3) trigger date")!;
    expect(trigger.statement).toContain("authorized status runs until 10000-03-29");
    expect(JSON.stringify(result)).not.toContain("+010000");
  });
});
