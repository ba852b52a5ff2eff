import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { classify } from "../src/index.js";

describe("the H100 example of the issue", () => {
  it("is 3A090.a.1 with PD 7916/407", () => {
    const result = classify(JSON.parse(readFileSync("data/examples/h100.json", "utf8")), { date: "2026-11-22" });
    expect(result).toMatchObject({
      tpp: "15832",
      performanceDensity: "19.449631",
      performanceDensityExact: "7916/407",
      clause: "3A090.a.1",
      eccn: "3A090.a",
      matched: ["3A090.a.1", "3A090.a.2"],
    });
  });
});

import { runCli } from "./cli.js";

describe("the CLI", () => {
  it("classifies the H100 example and exits 0", () => {
    const run = runCli(["classify", "data/examples/h100.json", "--date", "2026-11-22"]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ clause: "3A090.a.1", tpp: "15832" });
  });
});
