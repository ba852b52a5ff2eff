/**
 * Note 1 to 3A090.a ¶c: "If the integrated circuit is packaged by an approved
 * 'OSAT' company listed in supplement no. 7 to part 740 …" with the same
 * count tests as ¶b and no location condition. The shipped Supp. 7 list's
 * contents are not known: an OSAT not on it is `unknown`, never "not approved".
 */
import { describe, expect, it } from "vitest";
import { below, billion, check, order } from "./build.js";

const LIST = (contentsKnown: boolean, names: string[]) => ({
  list: "Supp. 7 test list",
  asOf: "2026-09-01",
  source: "test",
  contentsKnown,
  citation: { cfr: "15 CFR 740 Supp. 7", fr: "test", frDoc: "test", published: "2026-09-01" },
  entries: names.map((name) => ({ name, aliases: [] })),
});
const byOsat = (location: string, count = below(30), extra: Record<string, unknown> = {}) =>
  order({
    exporter: "osat",
    aggregatedApproximatedTransistorCount: count,
    packaging: { by: "osat", location, osat: "Pack Co", ...extra },
  });

describe("Note 1 ¶c: packaged by an approved OSAT", () => {
  it("on the list: overcomes by route c, even packaged in China (no location condition)", () => {
    expect(check(byOsat("CN"), { approvedOsats: LIST(true, ["Pack Co"]) })).toMatchObject({
      presumption: "overcome",
      route: "c",
    });
  });
  it("on the list, 2027 without HBM: 35 billion exactly does not overcome; one fewer does", () => {
    expect(check(byOsat("MY", billion(35)), { approvedOsats: LIST(true, ["Pack Co"]) }).presumption).toBe("applies");
    expect(check(byOsat("MY", below(35)), { approvedOsats: LIST(true, ["Pack Co"]) }).presumption).toBe("overcome");
  });
  it("a list with known contents, without the OSAT: does not overcome", () => {
    const result = check(byOsat("MY"), { approvedOsats: LIST(true, ["Other Co"]) });
    expect(result.presumption).toBe("applies");
    expect(result.missing.join(" ")).toContain("Pack Co is not on Supp. 7");
  });
  it("the shipped list (contents not known): unknown, so indeterminate, pointing at --approved-osats", () => {
    const result = check(byOsat("MY"));
    expect(result.presumption).toBe("indeterminate");
    expect(result.routes.c).toBe("unknown");
    expect(result.missing.join(" ")).toContain("--approved-osats FILE");
  });
  it("the order's own statement (osatApproved) is used when the list cannot tell", () => {
    expect(check(byOsat("MY", below(30), { osatApproved: true })).presumption).toBe("overcome");
    expect(check(byOsat("MY", below(30), { osatApproved: false })).presumption).toBe("applies");
  });
});
