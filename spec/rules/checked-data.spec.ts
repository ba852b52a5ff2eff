/**
 * Issue 13, start-up: a data file the build validated is not validated again by the classify bundle
 * (src/rules/checked-data.ts), but only when its text is exactly the text the build validated; any other text, one
 * byte apart, goes through its schema as ever. The CLI side (the bundle, a tampered data file) is in
 * spec/cli/startup.spec.ts.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  checkedData,
  dataFilesSha256,
  noteChecked,
  recordCheckedData,
  trustCheckedData,
} from "../../src/rules/checked-data.js";
import { loadDataFile } from "../../src/rules/dated.js";

const FORMATS = "rules/formats.json";
const formatsText = readFileSync(`data/${FORMATS}`, "utf8");
const formatsBytes = readFileSync(`data/${FORMATS}`);
const sha256 = (...parts: Uint8Array[]) =>
  parts.reduce((hash, part) => hash.update(part), createHash("sha256")).digest("hex");
/** A schema that refuses everything: a file read through it was validated; one read without it was not. */
const refusesAll = z.never();

describe("checked data: trusted only for the very text the build validated", () => {
  it("the library on its own trusts nothing: a file is validated by its schema", () => {
    expect(checkedData(FORMATS, formatsText)).toBeUndefined();
    expect(() => loadDataFile(FORMATS, refusesAll)).toThrow(/^data\/rules\/formats\.json: /);
    expect(dataFilesSha256([{ path: FORMATS, bytes: formatsBytes }])).toBe(sha256(formatsBytes));
  });

  it("recording keeps each file validated with its text and its schema's output, defaults included", () => {
    const recorded = recordCheckedData();
    const schema = z.object({ citation: z.unknown(), versions: z.array(z.unknown()), added: z.string().default("x") });
    const data = loadDataFile(FORMATS, schema);
    expect(data.added).toBe("x");
    expect(recorded.files.get(FORMATS)?.text).toBe(formatsText);
    expect(JSON.parse(recorded.files.get(FORMATS)!.json)).toEqual(data);
    const twice = [FORMATS, FORMATS].map((path) => ({ path, bytes: formatsBytes }));
    expect(dataFilesSha256(twice)).toBe(sha256(formatsBytes, formatsBytes));
    expect(recorded.digests.get(`${FORMATS}\n${FORMATS}`)).toBe(sha256(formatsBytes, formatsBytes));
  });

  it("an output that JSON would not give back as it was (undefined, a Date) is not recorded", () => {
    const recorded = recordCheckedData();
    noteChecked("a.json", "{}", { when: new Date(0) });
    noteChecked("b.json", "{}", { gone: undefined });
    expect([...recorded.files.keys()]).toEqual([]);
  });

  it("a trusted record is used for the same text without the schema, and a text one byte apart is validated", () => {
    trustCheckedData({ files: { [FORMATS]: { text: formatsText, json: '{"trusted":true}' } }, digests: {} });
    expect(loadDataFile(FORMATS, refusesAll)).toEqual({ trusted: true });
    expect(checkedData(FORMATS, `${formatsText} `)).toBeUndefined();
    expect(checkedData(FORMATS, formatsText.slice(0, -1))).toBeUndefined();
    expect(checkedData("rules/3A090.json", formatsText)).toBeUndefined();
  });

  it("a digest the build computed is used for the same bytes only; bytes one apart are hashed", () => {
    trustCheckedData({ files: {}, digests: { [FORMATS]: "recorded" } });
    expect(dataFilesSha256([{ path: FORMATS, bytes: formatsBytes }])).toBe("recorded");
    const edited = Buffer.concat([formatsBytes, Buffer.from(" ")]);
    expect(dataFilesSha256([{ path: FORMATS, bytes: edited }])).toBe(sha256(edited));
    // The files it was computed from are named in order: the same files otherwise named are hashed.
    const twice = [FORMATS, FORMATS].map((path) => ({ path, bytes: formatsBytes }));
    expect(dataFilesSha256(twice)).toBe(sha256(formatsBytes, formatsBytes));
  });
});
