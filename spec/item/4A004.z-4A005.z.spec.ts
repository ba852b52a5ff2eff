/**
 * 4A004.z and 4A005.z: "z.1 / z.2: 4A004 [4A005] commodities meeting 4A090.a / 4A090.b".
 */
import { describe, expect, it } from "vitest";
import { minus } from "../classify/build.js";
import { itemEccnOf } from "./build.js";

describe("4A004.z and 4A005.z", () => {
  it.each(["4A004", "4A005"])(
    "%s at TPP exactly 4800: z.1; one unit below (PD 4): z.2; outside 3A090: the entry itself",
    (entry) => {
      expect(itemEccnOf({ tpp: "4800", area: "1200", baseEccn: `${entry}.a`, form: "computer" })).toBe(`${entry}.z.1`);
      expect(itemEccnOf({ tpp: minus("4800"), area: "1200", baseEccn: `${entry}.a`, form: "computer" })).toBe(
        `${entry}.z.2`,
      );
      expect(itemEccnOf({ tpp: minus("1600"), area: "100", baseEccn: `${entry}.a`, form: "computer" })).toBe(
        `${entry}.a`,
      );
    },
  );
});
