/**
 * Issue 13, start-up: a data file the build validated is not validated again by the classify bundle
 * (src/rules/checked-data.ts), but only when its text is exactly the text the build validated; any other text, one
 * byte apart, goes through its schema as ever. The CLI side (the bundle, a tampered data file) is in
 * spec/cli/startup.spec.ts.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkedData, noteChecked, recordCheckedData, trustCheckedData } from "../../src/rules/checked-data.js";
import { loadDataFile } from "../../src/rules/dated.js";

const FORMATS = "rules/formats.json";
const formatsText = readFileSync(`data/${FORMATS}`, "utf8");
/** A schema that refuses everything: a file read through it was validated; one read without it was not. */
const refusesAll = z.never();

describe("checked data: trusted only for the very text the build validated", () => {
  it("the library on its own trusts nothing: a file is validated by its schema", () => {
    expect(checkedData(FORMATS, formatsText)).toBeUndefined();
    expect(() => loadDataFile(FORMATS, refusesAll)).toThrow(/^data\/rules\/formats\.json: /);
  });

  it("recording keeps each file validated with its text and its schema's output, defaults included", () => {
    const recorded = recordCheckedData();
    const schema = z.object({ citation: z.unknown(), versions: z.array(z.unknown()), added: z.string().default("x") });
    const data = loadDataFile(FORMATS, schema);
    expect(data.added).toBe("x");
    expect(recorded.get(FORMATS)?.text).toBe(formatsText);
    expect(JSON.parse(recorded.get(FORMATS)!.json)).toEqual(data);
  });

  it("an output that JSON would not give back as it was (undefined, a Date) is not recorded", () => {
    const recorded = recordCheckedData();
    noteChecked("a.json", "{}", { when: new Date(0) });
    noteChecked("b.json", "{}", { gone: undefined });
    expect([...recorded.keys()]).toEqual([]);
  });

  it("a trusted record is used for the same text without the schema, and a text one byte apart is validated", () => {
    trustCheckedData({ [FORMATS]: { text: formatsText, json: '{"trusted":true}' } });
    expect(loadDataFile(FORMATS, refusesAll)).toEqual({ trusted: true });
    expect(checkedData(FORMATS, `${formatsText} `)).toBeUndefined();
    expect(checkedData(FORMATS, formatsText.slice(0, -1))).toBeUndefined();
    expect(checkedData("rules/3A090.json", formatsText)).toBeUndefined();
  });
});
