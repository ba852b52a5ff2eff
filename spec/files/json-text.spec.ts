/**
 * The strict JSON parser reads numbers as JSON.parse does, except one that reads as a whole number without being
 * one: inputs take JSON numbers only for whole counts and bit lengths, and such a number would be rounded into one
 * without a word. Edge pairs: the exact whole number, and one unit in the last written place beyond it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { JsonTextError, parseJsonText } from "../../src/files/json-text.js";
import { runCli } from "../cli.js";

const REFUSED = /more digits than a binary float holds: it would be read as a nearby whole number; give it as a string/;

describe("JSON numbers that a float would round into a whole number", () => {
  it.each([
    ["2", "2.0000000000000001"],
    ["2.0", "2.0000000000000001"],
    ["20e-1", "2.00000000000000001e0"],
    ["9007199254740992", "9007199254740993"],
    ["9007199254740991", "9007199254740991.4"],
    ["1e22", "1e23"],
    ["0", "1e-400"],
  ])("%s is read; %s is refused", (exact, beyond) => {
    expect(parseJsonText(exact)).toBe(JSON.parse(exact));
    expect(() => parseJsonText(beyond)).toThrow(REFUSED);
  });

  it("reads every other number as JSON.parse does: fractions, zero with any exponent, overflow", () => {
    for (const text of ["0.5", "-2.5", "0.1", "1e400", "0e999999999", "-0", "123456.789"])
      expect(Object.is(parseJsonText(text), JSON.parse(text))).toBe(true);
  });

  it("names where the number starts, without quoting it", () => {
    try {
      parseJsonText('{\n  "units": [{ "count": 2.0000000000000001 }]\n}');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(JsonTextError);
      expect((error as JsonTextError).line).toBe(2);
      expect((error as JsonTextError).column).toBe(24);
      expect((error as Error).message).not.toContain("2.0000000000000001");
    }
  });

  it("answers at once for a vast exponent", () => {
    expect(() => parseJsonText("1e-999999999")).toThrow(REFUSED);
    expect(parseJsonText("0e-999999999")).toBe(0);
  });
});

describe("classify: a unit count in a datasheet", () => {
  const dir = mkdtempSync(join(tmpdir(), "ic3a090-json-number-"));
  const h100 = readFileSync("data/examples/h100.json", "utf8");
  const withCount = (count: string) => {
    const file = join(dir, `count-${count}.json`);
    writeFileSync(file, h100.replace('"count": 1,', `"count": ${count},`));
    return runCli(["classify", file, "--date", "2026-11-22"]);
  };

  it("1.0 is one unit; 1.0000000000000001 is refused with exit 65, not rounded to one", () => {
    const exact = withCount("1.0");
    expect(exact.status).toBe(0);
    expect(JSON.parse(exact.stdout).tpp).toBe("15832");
    const beyond = withCount("1.0000000000000001");
    expect(beyond.status).toBe(65);
    expect(beyond.stderr).toMatch(
      /not valid JSON: a number with more digits than a binary float holds.*\(line 2, column \d+\)/,
    );
  });
});
