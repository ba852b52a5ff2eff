import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { canonicalJson, CanonicalJsonError } from "../../src/attest/canonical-json.js";

describe("canonical JSON (the bytes a statement signs as)", () => {
  it("sorts keys at every depth and writes no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null, "x y"], c: "é" } })).toBe(
      '{"a":{"c":"é","d":[true,null,"x y"]},"b":1}',
    );
  });

  it("sorts keys by UTF-16 code units, so uppercase comes before lowercase", () => {
    expect(canonicalJson({ b: 0, B: 0, a: 0, _: 0 })).toBe('{"B":0,"_":0,"a":0,"b":0}');
  });

  it("escapes strings as JSON does", () => {
    expect(canonicalJson({ s: 'quote " back \\ newline \n' })).toBe('{"s":"quote \\" back \\\\ newline \\n"}');
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    "refuses the non-finite number %s, naming where it is",
    (value) => {
      expect(() => canonicalJson({ results: { tpp: value } })).toThrow(CanonicalJsonError);
      expect(() => canonicalJson({ results: { tpp: value } })).toThrow(/results\.tpp/);
    },
  );

  it("refuses undefined, BigInt, functions and non-plain objects rather than dropping them", () => {
    expect(() => canonicalJson({ a: undefined })).toThrow(/a: undefined/);
    expect(() => canonicalJson([1n])).toThrow(/\[0\]: a bigint/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/);
    expect(() => canonicalJson({ when: new Date(0) })).toThrow(/Date/);
  });

  test.prop([fc.jsonValue()])(
    "is a fixed point: canonical(parse(canonical(x))) = canonical(x), and parses back to x",
    (value) => {
      const text = canonicalJson(value);
      expect(canonicalJson(JSON.parse(text))).toBe(text);
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
    },
  );

  test.prop([fc.dictionary(fc.string(), fc.jsonValue())])(
    "does not depend on the order keys were inserted",
    (record) => {
      const reversed = Object.fromEntries(Object.entries(record).reverse());
      expect(canonicalJson(reversed)).toBe(canonicalJson(record));
    },
  );
});
