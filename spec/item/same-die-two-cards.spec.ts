/**
 * The non-datacenter note follows the item as designed or marketed: the same
 * GPU (TPP below 4800) on a server card is 4A090.x, and on a workstation card
 * 4A994.l. An IC the note excludes cannot make the item 4A090 or a .z paragraph.
 */
import { describe, expect, it } from "vitest";
import { minus } from "../classify/build.js";
import { at, item } from "./build.js";

describe("the same IC on a server card and on a workstation card", () => {
  it("TPP 2896.8 on 609 mm² (an L40-class GPU): server card 4A090.b, workstation card 4A994.l", () => {
    const server = at(item({ tpp: "2896.8", area: "609", datacenter: true }));
    const workstation = at(item({ tpp: "2896.8", area: "609", datacenter: false }));
    expect([server.itemEccn, workstation.itemEccn]).toEqual(["4A090.b", "4A994.l"]);
    expect(workstation.itemBasis.find((s) => s.step === "non-datacenter note (item)")).toMatchObject({
      result: "applies",
      citation: expect.stringMatching(/note on \.z ECCNs and 4A090/),
    });
  });

  it("TPP one unit below 4800 with PD 19 (3A090.a.2 in a server): 4A090.a on a server card, 4A994.l on a workstation card", () => {
    expect(at(item({ tpp: minus("4800"), area: "250", datacenter: true })).itemEccn).toBe("4A090.a");
    expect(at(item({ tpp: minus("4800"), area: "250", datacenter: false })).itemEccn).toBe("4A994.l");
  });

  it("TPP exactly 4800 is 4A090.a whatever the marketing (the note needs TPP below 4800)", () => {
    expect(at(item({ tpp: "4800", area: "250", datacenter: false })).itemEccn).toBe("4A090.a");
  });

  it("not a .z paragraph either: a workstation card described in 5A992.c stays 5A992.c", () => {
    expect(at(item({ tpp: "2896.8", area: "609", datacenter: false, baseEccn: "5A992.c" })).itemEccn).toBe("5A992.c");
    expect(at(item({ tpp: "2896.8", area: "609", datacenter: true, baseEccn: "5A992.c" })).itemEccn).toBe("5A992.z.2");
  });

  it("marketing not given: indeterminate between 4A090.b and 4A994.l, naming datacenter", () => {
    const result = at(item({ tpp: "2896.8", area: "609", datacenter: null }));
    expect(result.itemEccn).toBe("indeterminate");
    expect(result.missing).toEqual([expect.stringMatching(/^datacenter: /)]);
  });
});
