/**
 * Overlays E1–E5, GP10 and the affiliates rule: end uses and end users that
 * require a licence where the destination rows say none.
 */
import { describe, expect, it } from "vitest";
import { answer, rowIds } from "./build.js";

describe("E1 and E2 (§ 744.23(a)(1), (a)(2))", () => {
  it("knowledge of a supercomputer end use: licence even to Germany; without it, none", () => {
    expect(rowIds(answer({ endUse: { supercomputer: true } }))).toContain("E1");
    expect(answer({ endUse: { supercomputer: false } }).licenseRequired).toBe("no");
  });
  it("advanced-node fab end use: licence, also for an item outside 3A090", () => {
    expect(answer({ item: { eccn: "EAR99" }, endUse: { advancedNodeFab: true } }).licenseRequired).toBe("yes");
    expect(answer({ item: { eccn: "EAR99" }, endUse: { advancedNodeFab: false } }).licenseRequired).toBe("no");
  });
  it("an end use not stated is read as no knowledge, with a warning", () => {
    const result = answer({ endUse: { supercomputer: undefined } });
    expect(result.licenseRequired).toBe("no");
    expect(result.warnings.some((w) => w.startsWith("endUse.supercomputer not given"))).toBe(true);
  });
});

describe("E3: AI training (Policy Statement of 2025-05-13)", () => {
  it.each(["for-d5-or-macau-headquartered", "wmd", "military-intelligence"])(
    "%s with a .a item: licence, presumption of denial",
    (aiTraining) => {
      const result = answer({ endUse: { aiTraining } });
      expect(rowIds(result)).toContain("E3");
      expect(result.reviewPolicy).toBe("presumption of denial");
    },
  );
  it("none: no licence; unknown: indeterminate", () => {
    expect(answer({ endUse: { aiTraining: "none" } }).licenseRequired).toBe("no");
    expect(answer({ endUse: { aiTraining: "unknown" } }).licenseRequired).toBe("indeterminate");
  });
  it("a .b item is not one the Policy Statement names", () => {
    expect(answer({ item: { eccn: "3A090.b" }, endUse: { aiTraining: "wmd" } }).licenseRequired).toBe("no");
  });
  it("not in force on 2025-05-12", () => {
    expect(answer({ endUse: { aiTraining: "wmd" } }, "2025-05-12").trace.find((s) => s.step === "E3")!.result).toBe(
      "not in force",
    );
  });
});

describe("E4: GP10 and PRC 3A090 ICs", () => {
  it("an Ascend 910C is named: GP10 applies", () => {
    const result = answer({ item: { part: "Huawei Ascend 910C" } });
    expect(result.gp10?.applies).toBe(true);
    expect(result.licenseRequired).toBe("yes");
  });
  it("designed by a Chinese-headquartered designer and meeting 3A090: GP10; designed in Japan: not", () => {
    expect(answer({ item: { designer: { headquarters: "CN" } } }).gp10?.applies).toBe(true);
    expect(answer({ item: { designer: { headquarters: "JP" } } }).gp10?.applies).toBe(false);
  });
  it("a Chinese-designed IC outside 3A090 is not a PRC 3A090 IC", () => {
    expect(answer({ item: { eccn: "3A991.p", designer: { headquarters: "CN" } } }).gp10?.applies).toBe(false);
  });
  it("technical analysis or evaluation only: not enforced, noted", () => {
    const result = answer({ item: { part: "Ascend 910B" }, endUse: { technicalEvaluationOnly: true } });
    expect(result.licenseRequired).toBe("no");
    expect(result.notes.some((n) => n.startsWith("GP10:"))).toBe(true);
  });
});

describe("E5: Entity List (user-supplied screening)", () => {
  it("listed: licence; not listed: none; not given: a warning", () => {
    expect(answer({ endUser: { entityList: true } }).licenseRequired).toBe("yes");
    expect(answer({ endUser: { entityList: false } }).licenseRequired).toBe("no");
    expect(
      answer({ endUser: { entityList: undefined } }).warnings.some((w) => w.startsWith("endUser.entityList not given")),
    ).toBe(true);
  });
});
