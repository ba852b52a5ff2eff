/**
 * Supps. 6/7 contents unknown (regulation.md §10).
 *
 * Reading chosen: the lists are data with an as-of date and a source, shipped
 * empty with `contentsKnown: false`; a name not on such a list is `unknown`,
 * never "not approved". The user replaces them with --approved-designers FILE
 * and --approved-osats FILE; a name on a list always counts.
 */
import { describe, expect, it } from "vitest";
import { checkApprovedList, shippedApprovedList } from "../../src/presume/approved-lists.js";

describe("A-15: an unknown list answers unknown", () => {
  it("the shipped lists answer unknown for any name", () => {
    expect(checkApprovedList(shippedApprovedList("designers"), "Anyone", "2027-01-01")).toBe("unknown");
    expect(checkApprovedList(shippedApprovedList("osats"), "Anyone", "2027-01-01")).toBe("unknown");
  });
  it("a known list answers listed or not-listed, matching names loosely and by alias, from their listing date", () => {
    const list = {
      ...shippedApprovedList("designers"),
      contentsKnown: true,
      entries: [{ name: "Acme Semiconductor, Inc.", aliases: ["Acme Semi"], listedFrom: "2027-01-01" }],
    };
    expect(checkApprovedList(list, "acme semiconductor inc", "2027-01-01")).toBe("listed");
    expect(checkApprovedList(list, "ACME SEMI", "2027-01-01")).toBe("listed");
    expect(checkApprovedList(list, "Acme Semi", "2026-12-31")).toBe("not-listed");
    expect(checkApprovedList(list, "Other", "2027-01-01")).toBe("not-listed");
  });
});
