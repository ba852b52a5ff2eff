/**
 * Unknown JSON fields are errors, never dropped (issue 9 §2). A misspelt
 * `Count` read as the default count of 1 turned TPP 6400 into 800 and the
 * answer into a silent `none`; every input schema now refuses a field it does
 * not know, at the field's path, with the nearest known field.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { issuesFromZod, InvalidInputError, parseDatasheet } from "../../src/classify/datasheet.js";
import { editDistance, nearestName } from "../../src/input/nearest-name.js";
import { strictObject } from "../../src/input/strict.js";
import { TrustFileError, trustFrom } from "../../src/attest/trust.js";
import { ApprovedListError, readApprovedList } from "../../src/presume/approved-lists.js";
import { readAttestation } from "../../src/presume/attestation.js";
import { parseOrder } from "../../src/presume/order.js";
import { runCli } from "../cli.js";
import { order } from "../presume/build.js";

const H100_LIKE = {
  part: "BIG-1",
  datacenter: true,
  units: [{ name: "tensor", count: 8, rates: [{ format: "FP8", tops: "100" }] }],
  dies: [{ logic: true, nonPlanar: true, areaMm2: "800" }],
};

/** The issues `fn` throws as `path: message` lines. */
function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidInputError) return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
    throw error;
  }
  throw new Error("expected an InvalidInputError");
}

function withField(
  value: Record<string, unknown>,
  path: (string | number)[],
  field: string,
  fieldValue: unknown = true,
): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  let at: Record<string, unknown> = copy;
  for (const key of path) at = at[key] as Record<string, unknown>;
  at[field] = fieldValue;
  return copy;
}

describe("nearestName: the suggestion for a misspelt field", () => {
  it.each([
    ["Count", ["name", "count", "rates"], "count"],
    ["area_mm2", ["name", "count", "areaMm2", "logic"], "areaMm2"],
    ["datacentre", ["part", "kind", "datacenter", "datacenterRationale", "units", "dies"], "datacenter"],
    [
      "sparsity",
      ["format", "tops", "macsPerCycle", "clockGHz", "bitLength", "sparse", "denseToSparseRatio", "source"],
      "sparse",
    ],
    ["dieArea", ["name", "count", "areaMm2", "logic", "nonPlanar", "memoryStack", "nodeNm"], "areaMm2"],
    ["TOPS", ["format", "tops"], "tops"],
  ])("%s → %s", (given, known, expected) => {
    expect(nearestName(given, known)).toBe(expected);
  });

  it("a name far from every known one gets no suggestion rather than a wrong guess", () => {
    expect(nearestName("zzz", ["name", "count", "rates"])).toBeUndefined();
    expect(nearestName("colour", ["part", "units", "dies"])).toBeUndefined();
  });

  it("edit distance counts a swap of neighbours as one edit, and is symmetric", () => {
    expect(editDistance("conut", "count")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    fc.assert(
      fc.property(
        fc.string({ maxLength: 12 }),
        fc.string({ maxLength: 12 }),
        (a, b) => editDistance(a, b) === editDistance(b, a),
      ),
    );
  });

  it("a known name is always its own nearest name", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,10}$/), { minLength: 1, maxLength: 8 }),
        fc.nat(),
        (names, pick) => {
          const name = names[pick % names.length]!;
          const exact = names.filter((other) => other.toLowerCase() === name.toLowerCase());
          return exact.includes(nearestName(name, names)!);
        },
      ),
    );
  });
});

describe("strictObject: one issue per unknown field, at its own path", () => {
  it("nested unknown fields each get their path and a suggestion", () => {
    const schema = strictObject({ units: z.array(strictObject({ count: z.number().optional() })) });
    const parsed = schema.safeParse({ units: [{ Count: 2, colour: "red" }] });
    expect(parsed.success).toBe(false);
    expect(issuesFromZod(parsed.error!)).toEqual([
      { path: "units[0].Count", message: 'unknown field; did you mean "count"?' },
      { path: "units[0].colour", message: 'unknown field; the fields here are "count"' },
    ]);
  });

  it("a plain z.strictObject (not built here) still gets one issue per field", () => {
    const parsed = z.strictObject({ a: z.string() }).safeParse({ a: "x", b: 1, c: 2 });
    expect(issuesFromZod(parsed.error!).map((issue) => issue.path)).toEqual(["b", "c"]);
  });
});

describe("datasheet: a misspelt field is an error, never a lower TPP", () => {
  it("regression: units[0].Count is refused, not read as count 1 (TPP 6400 falling to 800)", () => {
    const misspelt = structuredClone(H100_LIKE) as { units: Record<string, unknown>[] };
    misspelt.units[0]!.Count = misspelt.units[0]!.count;
    delete misspelt.units[0]!.count;
    expect(issuesOf(() => parseDatasheet(misspelt))).toEqual(['units[0].Count: unknown field; did you mean "count"?']);
  });

  it.each([
    [[], "datacentre", 'datacentre: unknown field; did you mean "datacenter"?'],
    [["dies", 0], "area_mm2", 'dies[0].area_mm2: unknown field; did you mean "areaMm2"?'],
    [["dies", 0], "dieArea", 'dies[0].dieArea: unknown field; did you mean "areaMm2"?'],
    [["units", 0, "rates", 0], "sparsity", 'units[0].rates[0].sparsity: unknown field; did you mean "sparse"?'],
  ] as const)("at %j, %s is named with its path and nearest field", (path, field, expected) => {
    expect(issuesOf(() => parseDatasheet(withField(H100_LIKE, [...path], field)))).toEqual([expected]);
  });

  it("an HBM datasheet refuses an unknown field too", () => {
    const hbm = { part: "HBM3", kind: "hbm", bandwidthGBps: "819", areaMm2: "110", bandwidthGbps: "1" };
    expect(issuesOf(() => parseDatasheet(hbm))).toEqual([
      'bandwidthGbps: unknown field; did you mean "bandwidthGBps"?',
    ]);
  });

  it("any field the schema does not know is refused at its path (property)", () => {
    const known = new Set(["part", "kind", "datacenter", "datacenterRationale", "units", "dies"]);
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 12 }).filter((key) => !known.has(key) && key !== "__proto__"),
        (key) =>
          issuesOf(() => parseDatasheet(withField(H100_LIKE, [], key))).some((line) =>
            line.startsWith(`${key}: unknown field`),
          ),
      ),
    );
  });

  it("the JSON Schema says so: additionalProperties is false", async () => {
    const { datasheetJsonSchema } = await import("../../src/classify/datasheet.js");
    expect(JSON.stringify(datasheetJsonSchema())).toContain('"additionalProperties":false');
  });
});

describe("order and what it carries: unknown fields are errors", () => {
  it.each([
    [[], "containsHBM", 'containsHBM: unknown field; did you mean "containsHbm"?'],
    [["packaging"], "locaton", 'packaging.locaton: unknown field; did you mean "location"?'],
    [
      ["designer"],
      "hq",
      'designer.hq: unknown field; the fields here are "name", "headquarters", "ultimateParentHeadquarters", "locations", "approved", "agreedToReporting", "approvalApplicationDate", "address", "pointOfContact"',
    ],
    [["dies", 0], "Logic", 'dies[0].Logic: unknown field; did you mean "logic"?'],
  ] as const)("order at %j: %s", (path, field, expected) => {
    expect(issuesOf(() => parseOrder(withField(order(), [...path], field)))).toEqual([expected]);
  });

  it("an unsigned attestation's unknown field is named under designerAttestation", () => {
    const figures = { tpp: "4000", performanceDensity: "3", notSpecifiedIn3A090A: true };
    expect(issuesOf(() => readAttestation(figures))).toEqual([
      'designerAttestation.notSpecifiedIn3A090A: unknown field; did you mean "notSpecifiedIn3A090a"?',
    ]);
  });

  it("an attested datasheet's unknown field is named under designerAttestation.datasheet", () => {
    expect(issuesOf(() => readAttestation({ datasheet: withField(H100_LIKE, [], "datacentre") }))).toEqual([
      'designerAttestation.datasheet.datacentre: unknown field; did you mean "datacenter"?',
    ]);
  });
});

describe("files the user gives alongside: trust file, approved lists, fabricator", () => {
  const dir = mkdtempSync(join(tmpdir(), "ic3a090-unknown-"));

  it("a trust file entry with publickey is refused, naming publicKey", () => {
    expect(() => trustFrom({ designers: [{ name: "Acme", publickey: "acme.pub" }] }, "trust.json", dir)).toThrow(
      TrustFileError,
    );
    expect(() => trustFrom({ designers: [{ name: "Acme", publickey: "acme.pub" }] }, "trust.json", dir)).toThrow(
      /designers\[0\]\.publickey: unknown field; did you mean "publicKey"\?/,
    );
  });

  it("an approved list entry with alias (for aliases) is refused", () => {
    const list = {
      list: "Supp. 6",
      asOf: "2027-01-01",
      source: "test",
      contentsKnown: true,
      citation: { cfr: "15 CFR 740 Supp. 6", fr: "x", frDoc: "x", published: "2025-01-15" },
      entries: [{ name: "Acme Semi", alias: ["Acme"] }],
    };
    const path = join(dir, "designers.json");
    writeFileSync(path, JSON.stringify(list));
    expect(() => readApprovedList(path)).toThrow(ApprovedListError);
    expect(() => readApprovedList(path)).toThrow(/entries\[0\]\.alias: unknown field; did you mean "aliases"\?/);
  });

  it("report --fabricator FILE with adress is refused, naming address", () => {
    const path = join(dir, "fab.json");
    writeFileSync(path, JSON.stringify({ name: "Fab", adress: "1 Road" }));
    const run = runCli(["report", "--quarter", "2027Q1", "--fabricator", path], { input: "" });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('adress: unknown field; did you mean "address"?');
  });
});

describe("CLI: an unknown field exits 65 with its path", () => {
  it("classify: units[0].Count", () => {
    const misspelt = { ...H100_LIKE, units: [{ Count: 8, rates: [{ format: "FP8", tops: "100" }] }] };
    const run = runCli(["classify", "--date", "2025-06-02"], { input: JSON.stringify(misspelt) });
    expect(run.status).toBe(65);
    expect(run.stderr).toContain('stdin: units[0].Count: unknown field; did you mean "count"?');
  });

  it("presume: an order's misspelt field is an error, no longer a warning", () => {
    const run = runCli(["presume"], { input: JSON.stringify(order({ packagin: {} })) });
    expect(run.status).toBe(65);
    expect(run.stderr).toContain('packagin: unknown field; did you mean "packaging"?');
  });
});
