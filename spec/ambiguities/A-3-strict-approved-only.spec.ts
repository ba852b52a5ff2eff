/**
 * ¶d names only "approved" designers; ¶a accepts "approved or
 * authorized" (regulation.md §10).
 *
 * Reading chosen: follow ¶a, the operative route, and record which status was
 * relied on (a note when route a rests on an authorized designer). Strict mode
 * (`strictApprovedOnly`, `--strict-approved-only`) accepts only approved
 * (Supp. 6) designers.
 */
import { describe, expect, it } from "vitest";
import { check, designerOrder } from "../presume/build.js";

describe("A-3: authorized designers, and strict mode", () => {
  const order = designerOrder({}, "2026-06-01");
  it("by default an authorized designer's attestation overcomes, with a note naming A-3", () => {
    const result = check(order);
    expect(result).toMatchObject({ presumption: "overcome", route: "a", designerStatus: "authorized" });
    expect(result.notes.join(" ")).toContain("docs/ambiguities.md#a-3");
  });
  it("in strict mode it does not, and the missing facts say why", () => {
    const result = check(order, { strictApprovedOnly: true });
    expect(result.presumption).toBe("applies");
    expect(result.missing).toContain(
      "route a: an approved designer (Supp. 6): strict mode accepts only approved designers (docs/ambiguities.md#a-3)",
    );
  });
});
