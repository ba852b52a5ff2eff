/**
 * An item with several kinds of IC lists them in `contains`: each IC is
 * classified with the item's datacenter marketing, and the item takes the
 * paragraph of its most controlled IC ("any of which meets or exceeds").
 */
import { describe, expect, it } from "vitest";
import { chip, minus } from "../classify/build.js";
import { at } from "./build.js";

const { part: _p, kind: _k, datacenter: _d, ...gpuFigures } = chip({ tpp: "4800", area: "1200" });
const gpu = { part: "GPU", ...gpuFigures };
const cpu = {
  part: "CPU",
  units: [{ rates: [{ format: "FP64", tops: "3" }] }],
  dies: [{ areaMm2: "400", logic: true, nonPlanar: true }],
  ioBandwidthGBps: "900",
};
const smallGpu = {
  part: "small GPU",
  ...chip({ tpp: minus("4800"), area: "1200" }),
  kind: undefined,
  datacenter: undefined,
};

describe("contains: a board with a CPU and GPUs", () => {
  it("CPU (3A991.p by I/O) and a 3A090.a GPU: the board is 4A090.a; the result shows the GPU's figures and each IC's own", () => {
    const result = at({ part: "superchip board", form: "assembly", datacenter: true, contains: [cpu, gpu] });
    expect(result).toMatchObject({ itemEccn: "4A090.a", eccn: "3A090.a", tpp: "4800", missing: [] });
    expect(result.contained?.map((c) => [c.part, c.eccn, c.itemEccn])).toEqual([
      ["CPU", "none", "3A991.p"],
      ["GPU", "3A090.a", "3A090.a"],
    ]);
    expect(result.itemBasis.find((s) => s.step === "4A090.a")?.statement).toBe(
      "contains an IC that meets 3A090.a (contains[1] (GPU): 3A090.a.1)",
    );
    expect(result.trace.some((s) => s.step.startsWith("contains[0] (CPU): "))).toBe(true);
  });

  it("with a 5A002.a base: 5A002.z.1.a; with a .b GPU only: 5A002.z.1.b", () => {
    expect(
      at({ part: "board", form: "computer", datacenter: true, baseEccn: "5A002.a", contains: [cpu, gpu] }).itemEccn,
    ).toBe("5A002.z.1.a");
    expect(
      at({ part: "board", form: "computer", datacenter: true, baseEccn: "5A002.a", contains: [cpu, smallGpu] })
        .itemEccn,
    ).toBe("5A002.z.1.b");
  });

  it("the item's marketing decides: a workstation board with the .b GPU is 4A994.l, and a differing IC flag is warned about", () => {
    const result = at({
      part: "board",
      form: "assembly",
      datacenter: false,
      contains: [cpu, { ...smallGpu, datacenter: true }],
    });
    expect(result.itemEccn).toBe("4A994.l");
    expect(result.warnings.join("\n")).toMatch(
      /contains\[1\]\.datacenter is true, but the non-datacenter note follows how the item is designed or marketed/,
    );
  });

  it("marketing not given: a surely 3A090.a GPU still settles 4A090.a; with the .b GPU it is indeterminate, naming datacenter", () => {
    expect(at({ part: "board", form: "assembly", contains: [cpu, gpu] }).itemEccn).toBe("4A090.a");
    const result = at({ part: "board", form: "assembly", contains: [cpu, smallGpu] });
    expect(result.itemEccn).toBe("indeterminate");
    expect(result.missing).toContain("datacenter: whether the IC is designed or marketed for use in datacenters");
  });

  it("refuses contains on an IC, and units beside contains", () => {
    expect(() => at({ part: "x", contains: [gpu] })).toThrow(
      /contains: only an item with form "assembly" or "computer" contains ICs/,
    );
    expect(() =>
      at({ part: "x", form: "assembly", contains: [gpu], units: (gpu as Record<string, unknown>).units }),
    ).toThrow(/units: an item that lists its ICs in contains gives this on each IC/);
    expect(() => at({ part: "x", form: "assembly" })).toThrow(/units: list at least one processing unit/);
  });
});
