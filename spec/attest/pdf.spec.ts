/** The minimal PDF writer: structure (offsets), escaping, the WinAnsi mapping, and pages. */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pdfString, textPdf, toWinAnsi } from "../../src/attest/pdf.js";

/** Checks every xref entry points at "N 0 obj" and startxref at "xref". */
function checkXref(pdf: Buffer): number {
  const text = pdf.toString("latin1");
  const startxref = Number.parseInt(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]!, 10);
  expect(text.slice(startxref, startxref + 4)).toBe("xref");
  const [, count] = /^xref\n0 (\d+)\n/.exec(text.slice(startxref))!;
  const entries = text
    .slice(startxref)
    .split("\n")
    .slice(3, 2 + Number(count));
  entries.forEach((entry, index) => {
    expect(entry).toMatch(/^\d{10} 00000 n $/);
    const offset = Number.parseInt(entry.slice(0, 10), 10);
    expect(text.slice(offset, offset + `${index + 1} 0 obj`.length)).toBe(`${index + 1} 0 obj`);
  });
  return entries.length;
}

const hasPoppler = spawnSync("pdftotext", ["-v"]).status === 0;

describe("PDF text", () => {
  it("maps ≥ ≤ ≈ to ASCII, keeps × ² (Latin-1) and — (WinAnsi 0x97), and drops nothing silently", () => {
    expect(toWinAnsi("TPP 15832 ≥ 4800, PD ≈ 19.4 ≤ x")).toBe("TPP 15832 >= 4800, PD ~ 19.4 <= x");
    expect(toWinAnsi("2 × 645 mm² — ok")).toBe("2 \xd7 645 mm\xb2 \x97 ok");
    expect(toWinAnsi("汉")).toBe("?");
  });

  it("escapes parentheses and backslashes, and writes bytes above ASCII in octal", () => {
    expect(pdfString("a(b)c\\d")).toBe("(a\\(b\\)c\\\\d)");
    expect(pdfString("\xd7")).toBe("(\\327)");
  });
});

describe("textPdf", () => {
  const lines = Array.from({ length: 150 }, (_, i) => ({
    text: `line ${i} (TPP ≥ 4800) \\ back`,
    font: "regular" as const,
    size: 10,
  }));
  const pdf = textPdf(lines, { title: "Test (one)" });

  it("is PDF 1.4 with a cross-reference table whose every offset is exact", () => {
    expect(pdf.subarray(0, 8).toString("latin1")).toBe("%PDF-1.4");
    expect(checkXref(pdf)).toBeGreaterThan(6);
  });

  it("spreads long text over several pages", () => {
    expect(/\/Count (\d+)/.exec(pdf.toString("latin1"))![1]).toBe("3");
  });

  it.skipIf(!hasPoppler)("reads back with pdftotext, escaped characters and all", () => {
    const dir = mkdtempSync(join(tmpdir(), "ic3a090-pdf-"));
    writeFileSync(join(dir, "t.pdf"), pdf);
    const text = execFileSync("pdftotext", [join(dir, "t.pdf"), "-"], { encoding: "utf8" });
    expect(text).toContain("line 0 (TPP >= 4800) \\ back");
    expect(text).toContain("line 149 (TPP >= 4800) \\ back");
    const info = execFileSync("pdfinfo", [join(dir, "t.pdf")], { encoding: "utf8" });
    expect(info).toMatch(/Pages:\s+3/);
    expect(info).toMatch(/Title:\s+Test \(one\)/);
  });

  it("wraps a line wider than the page instead of running off it", () => {
    const long = textPdf([{ text: "word ".repeat(200), font: "regular", size: 10 }], { title: "wrap" });
    const shown = long.toString("latin1").match(/\(word[^)]*\) Tj/g)!;
    expect(shown.length).toBeGreaterThan(5);
    for (const piece of shown) expect(piece.length).toBeLessThan(130);
  });
});
