/**
 * Note 1 to 3A090.a ¶a(1)-(3): approved and authorized designers, on the
 * completion date. Edges: the trigger date moved by the rule in force from
 * 2026-04-07 (13 April 2026 → 31 December 2026), the trigger date itself
 * 1 January 2027, and the 180-day lapse (day 179 authorized, day 180
 * and 181 not). Country edges: Singapore and Israel (A:6 only), the UAE
 * before and after it joined A:5 on 2026-07-10.
 */
import { describe, expect, it } from "vitest";
import { addDays } from "../../src/rules/dated.js";
import { check, DESIGNER_US, designerOrder } from "./build.js";

const status = (designer: Record<string, unknown>, date: string) => check(designerOrder(designer, date)).designerStatus;

describe("¶a(2)(i): headquartered in Taiwan, A:1 or A:5", () => {
  it("US (A:1), Japan (A:1 and A:5) and Taiwan (named) qualify", () => {
    for (const hq of ["US", "JP", "TW"])
      expect(status({ headquarters: hq, ultimateParentHeadquarters: hq, locations: [hq] }, "2026-06-01"), hq).toBe(
        "authorized",
      );
  });
  it("Singapore and Israel are A:6 only: not authorized", () => {
    for (const hq of ["SG", "IL"]) {
      const result = check(
        designerOrder({ headquarters: hq, ultimateParentHeadquarters: hq, locations: [hq] }, "2026-06-01"),
      );
      expect(result.designerStatus, hq).toBe("neither");
      expect(result.presumption, hq).toBe("applies");
      expect(result.missing.join(" "), hq).toContain(`headquartered in ${hq}: not Taiwan, A:1 or A:5`);
    }
  });
  it("the UAE joined A:5 on 2026-07-10: not authorized on 2026-07-09, authorized on 2026-07-10", () => {
    const uae = { headquarters: "AE", ultimateParentHeadquarters: "AE", locations: ["AE"] };
    expect(status(uae, "2026-07-09")).toBe("neither");
    expect(status(uae, "2026-07-10")).toBe("authorized");
    expect(
      check(designerOrder(uae, "2026-07-10")).trace.find((s) => s.step.startsWith("Note 1 ¶a(2)(i)"))!.citation,
    ).toContain("91 FR 43034");
  });
});

describe("¶a(2)(i): neither located in nor an ultimate parent headquartered in Macau or D:5", () => {
  it("a location in China (D:5) fails", () =>
    expect(status({ locations: ["US", "CN"] }, "2026-06-01")).toBe("neither"));
  it("a location in Hong Kong is treated as China, with a note", () => {
    const result = check(designerOrder({ locations: ["US", "HK"] }, "2026-06-01"));
    expect(result.designerStatus).toBe("neither");
    expect(result.notes.join(" ")).toContain("HK: Hong Kong is treated as China (CN)");
  });
  it("an ultimate parent in Macau fails (Macau is named beside D:5)", () =>
    expect(status({ ultimateParentHeadquarters: "MO" }, "2026-06-01")).toBe("neither"));
  it("facts not given: unknown, naming them", () => {
    const result = check(designerOrder({ locations: undefined, ultimateParentHeadquarters: undefined }, "2026-06-01"));
    expect(result.designerStatus).toBe("unknown");
    expect(result.presumption).toBe("indeterminate");
    expect(result.missing.join(" ")).toContain("designer.locations");
    expect(result.missing.join(" ")).toContain("designer.ultimateParentHeadquarters");
  });
});

describe("¶a(2)(ii): agreed to submit the § 743.9(b) information", () => {
  it("false fails; true holds", () => {
    expect(status({ agreedToReporting: false }, "2026-06-01")).toBe("neither");
    expect(status({ agreedToReporting: true }, "2026-06-01")).toBe("authorized");
  });
});

describe("the trigger date, as dated data: 13 April 2026, moved to 31 December 2026 by the rule in force from 7 April 2026", () => {
  const notApplied = { approvalApplicationDate: null };
  it("2026-04-06: the January 2025 text (trigger 2026-04-13) applies; prior to it, no application is needed", () => {
    const result = check(designerOrder(notApplied, "2026-04-06"));
    expect(result.designerStatus).toBe("authorized");
    expect(result.trace.find((s) => s.step === "Note 1 ¶a(2)/(3) trigger date")!.statement).toContain(
      "prior to 2026-04-13",
    );
  });
  it("2026-04-07: the amended text (trigger 2026-12-31) applies", () => {
    const result = check(designerOrder(notApplied, "2026-04-07"));
    expect(result.designerStatus).toBe("authorized");
    expect(result.trace.find((s) => s.step === "Note 1 ¶a(2)/(3) trigger date")!.statement).toContain(
      "prior to 2026-12-31",
    );
    expect(result.trace.find((s) => s.step === "Note 1 ¶a(2)/(3) trigger date")!.citation).toContain("91 FR 17851");
  });
  it("2026-04-14, which the January 2025 text would have put 'after': still prior to the amended date, no application needed", () => {
    expect(status(notApplied, "2026-04-14")).toBe("authorized");
  });
  it("2026-12-30: prior (¶a(2)); without an application, authorized", () =>
    expect(status(notApplied, "2026-12-30")).toBe("authorized"));
  it("2026-12-31 itself: neither 'prior to' nor 'after' (A-11): unknown when ¶a(2) and ¶a(3) differ", () => {
    const result = check(designerOrder(notApplied, "2026-12-31"));
    expect(result.designerStatus).toBe("unknown");
    expect(result.presumption).toBe("indeterminate");
    expect(result.warnings.join(" ")).toContain("docs/ambiguities.md#a-11");
  });
  it("2026-12-31 itself: authorized when ¶a(2) and ¶a(3) agree (applied recently)", () => {
    expect(status({ approvalApplicationDate: "2026-12-01" }, "2026-12-31")).toBe("authorized");
  });
  it("2027-01-01: after (¶a(3)); without an application, not authorized", () => {
    expect(status(notApplied, "2027-01-01")).toBe("neither");
  });
  it("an application date after the completion date does not count", () => {
    expect(status({ approvalApplicationDate: "2027-02-01" }, "2027-01-15")).toBe("neither");
  });
});

describe("¶a(3): authorized status ends 180 days after the application", () => {
  const applied = "2027-01-10";
  it("day 179 authorized; day 180 not (status ends ON day 180); day 181 not", () => {
    expect(status({ approvalApplicationDate: applied }, addDays(applied, 179))).toBe("authorized");
    expect(status({ approvalApplicationDate: applied }, addDays(applied, 180))).toBe("neither");
    expect(status({ approvalApplicationDate: applied }, addDays(applied, 181))).toBe("neither");
  });
  it("day 180 carries a note stating the reading", () => {
    const result = check(designerOrder({ approvalApplicationDate: applied }, addDays(applied, 180)));
    expect(result.notes.join(" ")).toContain("Status ends ON day 180");
  });
  it("measured from the application: applied 2026-06-01, the lapse has already run out on 2027-01-01 (A-11)", () => {
    expect(status({ approvalApplicationDate: "2026-06-01" }, "2026-12-30")).toBe("authorized");
    expect(status({ approvalApplicationDate: "2026-06-01" }, "2027-01-01")).toBe("neither");
  });
  it("the lapse does not apply before the trigger date", () => {
    expect(status({ approvalApplicationDate: "2026-01-02" }, "2026-12-30")).toBe("authorized");
  });
});

describe("¶a(1): approved designers (Supp. 6)", () => {
  const list = (entries: { name: string }[], contentsKnown: boolean) => ({
    list: "Supp. 6 test list",
    asOf: "2026-09-01",
    source: "test",
    contentsKnown,
    citation: { cfr: "15 CFR 740 Supp. 6", fr: "test", frDoc: "test", published: "2026-09-01" },
    entries: entries.map((e) => ({ ...e, aliases: [] })),
  });
  it("a listed designer is approved, whatever its headquarters", () => {
    const result = check(
      designerOrder(
        { headquarters: "SG", ultimateParentHeadquarters: "SG", locations: ["SG"], approved: undefined },
        "2027-06-01",
      ),
      { approvedDesigners: list([{ name: "ACME semi" }], true) },
    );
    expect(result.designerStatus).toBe("approved");
    expect(result.presumption).toBe("overcome");
  });
  it("a list whose contents are not known never answers 'not approved' (A-15)", () => {
    const result = check(
      designerOrder(
        { headquarters: "SG", ultimateParentHeadquarters: "SG", locations: ["SG"], approved: undefined },
        "2027-06-01",
      ),
    );
    expect(result.designerStatus).toBe("unknown");
    expect(result.missing.join(" ")).toContain("--approved-designers FILE");
  });
  it("a list whose contents are known, without the name: not approved", () => {
    const result = check(
      designerOrder(
        { headquarters: "SG", ultimateParentHeadquarters: "SG", locations: ["SG"], approved: undefined },
        "2027-06-01",
      ),
      { approvedDesigners: list([], true) },
    );
    expect(result.designerStatus).toBe("neither");
  });
  it("DESIGNER_US in the base order is authorized, not approved", () => expect(DESIGNER_US.approved).toBe(false));
});
