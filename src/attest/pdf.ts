/**
 * A minimal PDF 1.4 writer for text documents: the standard Type 1 fonts
 * (Helvetica, Helvetica-Bold, Courier) in WinAnsiEncoding, lines wrapped to
 * the page width by the fonts' metrics, as many A4 pages as the text needs,
 * and a cross-reference table with exact byte offsets. No dependency.
 */

export type PdfFont = "regular" | "bold" | "mono";

export interface PdfLine {
  readonly text: string;
  readonly font: PdfFont;
  /** Font size in points. */
  readonly size: number;
  /** Left indent in points. */
  readonly indent?: number;
  /** Extra space above, in points. */
  readonly spaceBefore?: number;
}

const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;
const MARGIN = 56;
const FOOTER_SIZE = 8;

const FONT_RESOURCE: Record<PdfFont, { name: string; base: string }> = {
  regular: { name: "F1", base: "Helvetica" },
  bold: { name: "F2", base: "Helvetica-Bold" },
  mono: { name: "F3", base: "Courier" },
};

// Helvetica advance widths (1/1000 em) for codes 32..126, from the standard AFM.
const HELVETICA_ASCII = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];

/** Width of a WinAnsi byte string in points. Bold is taken a little wider than regular, to wrap safely. */
function textWidth(bytes: string, font: PdfFont, size: number): number {
  if (font === "mono") return bytes.length * 600 * (size / 1000);
  let units = 0;
  for (let i = 0; i < bytes.length; i++) {
    const code = bytes.charCodeAt(i);
    units += code >= 32 && code <= 126 ? HELVETICA_ASCII[code - 32]! : 600;
  }
  return units * (font === "bold" ? 1.06 : 1) * (size / 1000);
}

// The WinAnsiEncoding codes 0x80-0x9F that differ from Latin-1.
const WIN_ANSI_EXTRA: Record<string, number> = {
  "€": 0x80,
  "‚": 0x82,
  ƒ: 0x83,
  "„": 0x84,
  "…": 0x85,
  "†": 0x86,
  "‡": 0x87,
  ˆ: 0x88,
  "‰": 0x89,
  Š: 0x8a,
  "‹": 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  "‘": 0x91,
  "’": 0x92,
  "“": 0x93,
  "”": 0x94,
  "•": 0x95,
  "–": 0x96,
  "—": 0x97,
  "˜": 0x98,
  "™": 0x99,
  š: 0x9a,
  "›": 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

// Characters the standard fonts lack, written the way a reader would type them.
const ASCII_FALLBACK: Record<string, string> = {
  "≥": ">=",
  "≤": "<=",
  "≈": "~",
  "≠": "!=",
  "→": "->",
  "←": "<-",
  "↔": "<->",
  "−": "-",
  "∑": "sum",
  "∞": "inf",
  "√": "sqrt",
  "\u2009": " ",
  "\u202f": " ",
  "\u2011": "-",
};

/**
 * Text as a WinAnsi byte string (one char per byte): Latin-1 and the
 * WinAnsi extras kept, ≥ ≤ ≈ and friends spelled in ASCII, anything else "?".
 */
export function toWinAnsi(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === "\t") out += " ";
    else if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) out += char;
    else if (WIN_ANSI_EXTRA[char] !== undefined) out += String.fromCharCode(WIN_ANSI_EXTRA[char]);
    else if (ASCII_FALLBACK[char] !== undefined) out += ASCII_FALLBACK[char];
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
    else out += "?";
  }
  return out;
}

/** A PDF literal string: parentheses and backslashes escaped, bytes outside printable ASCII as octal. */
export function pdfString(bytes: string): string {
  let out = "(";
  for (let i = 0; i < bytes.length; i++) {
    const code = bytes.charCodeAt(i);
    const char = bytes[i]!;
    if (char === "(" || char === ")" || char === "\\") out += `\\${char}`;
    else if (code < 0x20 || code > 0x7e) out += `\\${code.toString(8).padStart(3, "0")}`;
    else out += char;
  }
  return `${out})`;
}

/** Splits a WinAnsi line into pieces no wider than `width`, at spaces where possible. */
function wrap(bytes: string, font: PdfFont, size: number, width: number): string[] {
  if (textWidth(bytes, font, size) <= width) return [bytes];
  const lines: string[] = [];
  let rest = bytes;
  while (textWidth(rest, font, size) > width) {
    let end = 1;
    while (end < rest.length && textWidth(rest.slice(0, end + 1), font, size) <= width) end++;
    const space = rest.lastIndexOf(" ", end);
    const cut = space > end / 3 ? space : end;
    lines.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) lines.push(rest);
  return lines;
}

interface Placed {
  readonly bytes: string;
  readonly font: PdfFont;
  readonly size: number;
  readonly x: number;
  readonly y: number;
}

function layout(lines: readonly PdfLine[]): Placed[][] {
  const pages: Placed[][] = [[]];
  let y = PAGE_HEIGHT - MARGIN;
  for (const line of lines) {
    const indent = line.indent ?? 0;
    const leading = line.size * 1.35;
    const pieces = wrap(toWinAnsi(line.text), line.font, line.size, PAGE_WIDTH - 2 * MARGIN - indent);
    y -= line.spaceBefore ?? 0;
    pieces.forEach((bytes, index) => {
      if (y - leading < MARGIN + FOOTER_SIZE * 2) {
        pages.push([]);
        y = PAGE_HEIGHT - MARGIN;
      }
      y -= leading;
      pages[pages.length - 1]!.push({
        bytes,
        font: line.font,
        size: line.size,
        x: MARGIN + indent + (index > 0 ? 12 : 0),
        y,
      });
    });
  }
  return pages;
}

/**
 * A PDF 1.4 document of text lines.
 *
 * @example textPdf([{ text: "TPP 15832 ≥ 4800", font: "regular", size: 10 }], { title: "x" }) // "TPP 15832 >= 4800"
 */
export function textPdf(lines: readonly PdfLine[], info: { title: string; footer?: string }): Buffer {
  const pages = layout(lines);
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body); // the object number: its 1-based position
  const catalog = add("");
  const pagesRoot = add("");
  const fonts = (Object.keys(FONT_RESOURCE) as PdfFont[]).map((font) =>
    add(`<< /Type /Font /Subtype /Type1 /BaseFont /${FONT_RESOURCE[font].base} /Encoding /WinAnsiEncoding >>`),
  );
  const fontDict = (Object.keys(FONT_RESOURCE) as PdfFont[])
    .map((font, i) => `/${FONT_RESOURCE[font].name} ${fonts[i]} 0 R`)
    .join(" ");
  const infoObject = add(`<< /Title ${pdfString(toWinAnsi(info.title))} /Producer ${pdfString("ic3a090")} >>`);
  const pageObjects: number[] = [];
  pages.forEach((placed, index) => {
    const footer = toWinAnsi(`${info.footer ? `${info.footer} - ` : ""}page ${index + 1} of ${pages.length}`);
    const all = [
      ...placed,
      { bytes: footer, font: "regular" as const, size: FOOTER_SIZE, x: MARGIN, y: MARGIN - FOOTER_SIZE },
    ];
    const stream = all
      .map(
        (p) =>
          `BT /${FONT_RESOURCE[p.font].name} ${p.size} Tf ${p.x.toFixed(2)} ${p.y.toFixed(2)} ` +
          `Td ${pdfString(p.bytes)} Tj ET`,
      )
      .join("\n");
    const content = add(`<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}\nendstream`);
    pageObjects.push(
      add(
        `<< /Type /Page /Parent ${pagesRoot} 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << ` +
          `/Font << ${fontDict} >> >> /Contents ${content} 0 R >>`,
      ),
    );
  });
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesRoot} 0 R >>`;
  objects[pagesRoot - 1] =
    `<< /Type /Pages /Kids [${pageObjects.map((n) => `${n} 0 R`).join(" ")}] /Count ${pageObjects.length} >>`;

  // Latin-1 throughout, so string length is byte length and offsets are exact.
  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(out.length);
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, "0")} 00000 n \n`;
  out +=
    `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${infoObject} 0 R ` +
    `>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}
