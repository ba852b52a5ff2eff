/**
 * 4A994.l: computers and assemblies "containing integrated circuits, any of
 * which meets or exceeds the limit of ECCN 3A991.p". 3A991.p.1: "8 TOPS or
 * more" (2 × MacTOPS, no bit length); 3A991.p.2: "150 Gbyte/s or more" I/O.
 */
import { describe, expect, it } from "vitest";
import { minus } from "../classify/build.js";
import { at, itemEccnOf } from "./build.js";

/** An assembly whose IC has `int8` dense INT8 TOPS (TPP 8 × that) on a 100 mm² die. */
const small = (int8: string, io?: string) => ({
  part: "edge card",
  form: "assembly",
  datacenter: true,
  units: [{ rates: [{ format: "INT8", tops: int8 }] }],
  dies: [{ areaMm2: "100", logic: true, nonPlanar: true }],
  ...(io === undefined ? {} : { ioBandwidthGBps: io }),
});

describe("4A994.l: an assembly whose IC is outside 3A090 but meets 3A991.p", () => {
  it("IC at exactly 8 TOPS: 4A994.l, citing 4A994.l with its confidence and unverified date", () => {
    const result = at(small("8"));
    expect(result).toMatchObject({ clause: "none", itemEccn: "4A994.l", missing: [] });
    expect(result.itemBasis.find((s) => s.step === "4A994.l")?.citation).toMatch(
      /ECCN 4A994\.l .*confidence Medium, date it took effect not verified/,
    );
    expect(result.itemBasis.find((s) => s.step === "3A991.p")).toMatchObject({
      result: "holds",
      statement: expect.stringMatching(/^TOPS without bit length 8 ≥ 8 \(p\.1/),
    });
  });

  it("one unit in the last place below 8 TOPS, I/O not given: indeterminate, naming ioBandwidthGBps", () => {
    const result = at(small(minus("8")));
    expect(result.itemEccn).toBe("indeterminate");
    expect(result.missing).toEqual([expect.stringMatching(/^ioBandwidthGBps: /)]);
  });

  it("below 8 TOPS with I/O exactly 150 GB/s: 4A994.l (p.2); one unit below 150: none, saying other entries were not checked", () => {
    expect(at(small(minus("8"), "150")).itemEccn).toBe("4A994.l");
    const none = at(small(minus("8"), minus("150")));
    expect(none).toMatchObject({ itemEccn: "none", missing: [] });
    expect(none.notes.join("\n")).toMatch(
      /item ECCN none: none of the entries this tool evaluates .* other entries .* were not checked/,
    );
  });

  it("an IC in 3A090 is not 4A994.l even with I/O given", () => {
    expect(itemEccnOf({ tpp: "4800", area: "5000", io: "900" })).toBe("4A090.a");
  });
});
