/**
 * The rules data (data/rules/3A090.json, data/rules/formats.json): every
 * threshold is dated and cited, the code reads exactly the thresholds the data
 * holds, the operators are the wording's, and the decision code carries no
 * threshold and no float arithmetic of its own.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { addDays, entryAt, isIsoDate } from "../../src/rules/dated.js";
import { meets, rulesAt, RulesDateError, THRESHOLD_IDS } from "../../src/rules/rules.js";
import { parseDecimal } from "../../src/numbers/rational.js";
import { runCli } from "../cli.js";

interface ThresholdValue {
  from: string;
  value: string;
  operator: string;
  wording: string;
  citation: { cfr: string; fr: string; frDoc: string; published: string };
}
const data = JSON.parse(readFileSync("data/rules/3A090.json", "utf8")) as {
  formalisedFrom: string;
  verifiedThrough: string;
  thresholds: Record<string, { paragraph: string; values: ThresholdValue[] }>;
};
const formats = JSON.parse(readFileSync("data/rules/formats.json", "utf8")) as { versions: { from: string }[] };

const allValues = Object.entries(data.thresholds).flatMap(([id, t]) => t.values.map((v) => ({ id, ...v })));

describe("data/rules/3A090.json", () => {
  it("THRESHOLD_IDS and the data file's keys are the same set", () => {
    expect([...THRESHOLD_IDS].sort()).toEqual(Object.keys(data.thresholds).sort());
  });

  it.each(allValues.map((v) => [`${v.id} from ${v.from}`, v] as const))(
    "%s has a full citation and a decimal value",
    (_, v) => {
      expect(v.citation.cfr).toMatch(/^15 CFR 774 Supp\. 1, ECCN 3A(090|991)/);
      for (const field of ["fr", "frDoc", "published"] as const) expect(v.citation[field].length).toBeGreaterThan(0);
      expect(isIsoDate(v.from)).toBe(true);
      expect(() => parseDecimal(v.value)).not.toThrow();
    },
  );

  it("each threshold's dates strictly increase, and none starts before the formalised text", () => {
    for (const [id, t] of Object.entries(data.thresholds)) {
      const dates = t.values.map((v) => v.from);
      expect([...dates].sort(), id).toEqual(dates);
      expect(new Set(dates).size, id).toBe(dates.length);
      expect(dates[0]! >= data.formalisedFrom, id).toBe(true);
    }
    const formatDates = formats.versions.map((v) => v.from);
    expect([...formatDates].sort()).toEqual(formatDates);
  });

  it('each operator is the mapping of its wording: "or more" ≥, "less than" <, "greater than" >', () => {
    const operatorOf = (wording: string) =>
      /greater than/.test(wording) ? ">" : /less than|below/.test(wording) ? "<" : /or more/.test(wording) ? ">=" : "?";
    for (const v of allValues) {
      // The non-datacenter note is worded as the negation ("do not have ... of 4800 or more"): below, <.
      const expected = /^do not have/.test(v.wording) ? "<" : operatorOf(v.wording);
      expect(v.operator, `${v.id}: "${v.wording}"`).toBe(expected);
      expect(v.wording, v.id).toContain(v.value);
    }
  });

  it("holds the values of the regulation (regulation.md table 1.1)", () => {
    const at = (id: string) => entryAt(data.thresholds[id]!.values, "2025-06-02")!;
    expect(Object.fromEntries(THRESHOLD_IDS.map((id) => [id, `${at(id).operator} ${at(id).value}`]))).toEqual({
      "3A090.a.1.tpp": ">= 4800",
      "3A090.a.2.tpp": ">= 1600",
      "3A090.a.2.pd": ">= 5.92",
      "3A090.b.1.tpp.min": ">= 2400",
      "3A090.b.1.tpp.max": "< 4800",
      "3A090.b.1.pd.min": ">= 1.6",
      "3A090.b.1.pd.max": "< 5.92",
      "3A090.b.2.tpp": ">= 1600",
      "3A090.b.2.pd.min": ">= 3.2",
      "3A090.b.2.pd.max": "< 5.92",
      "3A090.nonDatacenter.tpp": "< 4800",
      "3A090.c.mbd": "> 2",
      "3A991.p.1.tops": ">= 8",
    });
  });
});

describe("rulesAt(date)", () => {
  const first = data.formalisedFrom;

  it(`refuses ${addDays(first, -1)}, the day before the first formalised text, and accepts ${first}`, () => {
    expect(first).toBe("2023-11-17");
    expect(() => rulesAt(addDays(first, -1))).toThrow(RulesDateError);
    expect(() => rulesAt(addDays(first, -1))).toThrow(
      /first formalised text is in force from 2023-11-17.*transfer rate/,
    );
    expect(rulesAt(first).threshold("3A090.a.1.tpp")?.value.toExactString()).toBe("4800");
  });

  it("refuses dates that are not calendar dates", () => {
    for (const bad of ["2025-02-30", "2025-6-1", "20250601", "", "yesterday"]) {
      expect(() => rulesAt(bad), bad).toThrow(RulesDateError);
    }
  });

  it("3A090.c is absent on 2024-12-01 and present from 2024-12-02", () => {
    expect(rulesAt("2024-12-01").threshold("3A090.c.mbd")).toBeUndefined();
    const c = rulesAt("2024-12-02").threshold("3A090.c.mbd");
    expect(c?.operator).toBe(">");
    expect(c?.value.toExactString()).toBe("2");
    expect(c?.cites).toMatch(/89 FR 96790.*in force from 2024-12-02/);
  });

  it("flags a date after the rules data was last verified", () => {
    expect(rulesAt(data.verifiedThrough).beyondVerified).toBe(false);
    expect(rulesAt(addDays(data.verifiedThrough, 1)).beyondVerified).toBe(true);
  });

  it("meets() applies each operator exactly at the edge", () => {
    const rules = rulesAt("2025-06-02");
    const at = (id: (typeof THRESHOLD_IDS)[number], value: string) => meets(parseDecimal(value), rules.threshold(id)!);
    expect([at("3A090.a.1.tpp", "4800"), at("3A090.a.1.tpp", "4799.999999999999")]).toEqual([true, false]);
    expect([at("3A090.b.1.tpp.max", "4800"), at("3A090.b.1.tpp.max", "4799.999999999999")]).toEqual([false, true]);
    expect([at("3A090.c.mbd", "2"), at("3A090.c.mbd", "2.000000000001")]).toEqual([false, true]);
  });

  it("the format table gives the container widths, aliases included", () => {
    const rules = rulesAt("2025-06-02");
    const bits = (name: string) => rules.format(name)?.bitLength.toExactString();
    expect([
      bits("INT4"),
      bits("fp4"),
      bits("FP6"),
      bits("INT8"),
      bits("e4m3"),
      bits("FP16"),
      bits("bfloat16"),
      bits("TF32"),
      bits("FP32"),
      bits("FP64"),
    ]).toEqual(["4", "4", "6", "8", "8", "16", "16", "32", "32", "64"]);
    expect(rules.format("TF32")?.alternatives.map((a) => a.bitLength.toExactString())).toEqual(["19"]);
    expect(rules.format("FP9000")).toBeUndefined();
  });
});

describe("ic3a090 rules", () => {
  it("prints the thresholds in force on a date with their wording and citations", () => {
    const run = runCli(["rules", "--date", "2025-06-02"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Thresholds of ECCN 3A090 in force on 2025-06-02");
    expect(run.stdout).toMatch(/3A090\.a\.1\.tpp\s+≥ 4800 TPP\s+"of 4800 or more"/);
    expect(run.stdout).toMatch(
      /3A090\.c\.mbd\s+> 2 GB\/s\/mm²\s+"greater than 2 gigabytes per second per square millimeter"/,
    );
    expect(run.stdout).toContain(
      "15 CFR 774 Supp. 1, ECCN 3A090.a.2 (88 FR 73458, published 2023-10-25; in force from 2023-11-17)",
    );
    expect(run.stdout).toMatch(/TF32 32 \(or 19\)/);
    expect(run.stderr).toBe("");
  });

  it("says 3A090.c is not in force before 2024-12-02", () => {
    const run = runCli(["rules", "--date", "2024-12-01"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/3A090\.c\.mbd\s+not in force on 2024-12-01/);
  });

  it("--json gives the same thresholds as data", () => {
    const run = runCli(["rules", "--date", "2025-06-02", "--json"]);
    const table = JSON.parse(run.stdout) as {
      thresholds: { id: string; operator: string; value: string }[];
      notInForce: string[];
    };
    expect(table.thresholds.map((t) => t.id)).toEqual([...THRESHOLD_IDS]);
    expect(table.thresholds.find((t) => t.id === "3A090.a.2.pd")).toMatchObject({ operator: ">=", value: "5.92" });
    expect(table.notInForce).toEqual([]);
  });
});

describe("the decision code (src/classify, src/rules) has no float arithmetic and no threshold literal", () => {
  const files = ["src/classify", "src/rules"].flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith(".ts"))
      .map((f) => `${dir}/${f}`),
  );

  /** The source with comments removed, and (for `code`) string and template literals emptied. */
  function strip(source: string): { code: string; strings: string[] } {
    const strings: string[] = [];
    let code = "";
    const re =
      /\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`|\/(?![*/])(?:\\.|\[(?:\\.|[^\]\\])*\]|[^/\\\n[])+\/[gimsuy]*/g;
    let last = 0;
    for (const match of source.matchAll(re)) {
      code += source.slice(last, match.index);
      const token = match[0];
      if (token.startsWith('"') || token.startsWith("'") || token.startsWith("`")) {
        strings.push(token);
        code += '""';
      } else if (!token.startsWith("/*") && !token.startsWith("//")) code += token; // a regex literal
      last = match.index! + token.length;
    }
    return { code: code + source.slice(last), strings };
  }

  it("finds the files to check", () => {
    expect(files).toContain("src/classify/classify.ts");
    expect(files).toContain("src/rules/rules.ts");
  });

  it.each(files)("%s calls no parseFloat(, Number(, .toFixed( or Math.round(", (file) => {
    const { code } = strip(readFileSync(file, "utf8"));
    for (const banned of ["parseFloat(", "Number(", ".toFixed(", "Math.round("]) {
      // Number.parseInt on a date's digits (dated.ts) is not a figure; Number( on anything is banned.
      expect(code.includes(banned), `${file} contains ${banned}`).toBe(false);
    }
  });

  it.each(files)("%s has no threshold (4800, 5.92, 1600, 2400, 3.2, 1.6) as a number literal", (file) => {
    const { code } = strip(readFileSync(file, "utf8"));
    const literals = code.match(/(?<![\w.])\d+(?:\.\d+)?(?:e[+-]?\d+)?n?(?![\w.])/gi) ?? [];
    const thresholds = literals.filter((literal) =>
      ["4800", "5.92", "1600", "2400", "3.2", "1.6"].includes(literal.replace(/n$/, "")),
    );
    expect(thresholds, file).toEqual([]);
  });

  it.each(files)("%s writes no TPP or PD threshold inside a message string", (file) => {
    const { strings } = strip(readFileSync(file, "utf8"));
    const offending = strings.filter((s) => /(?<![\d.])(4800|5\.92|1600|2400|3\.2|1\.6)(?![\d.])/.test(s));
    expect(offending, file).toEqual([]);
  });

  it("the checker itself sees a literal when there is one", () => {
    const { code, strings } = strip('const a = 4800; // 5.92\nconst b = "TPP 1600";\n/* 2400 */');
    expect(code).toContain("4800");
    expect(code).not.toContain("5.92");
    expect(strings).toEqual(['"TPP 1600"']);
  });
});
