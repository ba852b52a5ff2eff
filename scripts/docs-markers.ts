/**
 * Generated sections of a docs page: the text between `<!-- generated:NAME -->` and `<!-- /generated -->` is
 * written by a script (`npm run docs:input`, `npm run docs:cli`); everything outside the markers is hand-written.
 * A spec regenerates each page in memory and fails when the page on disk differs.
 */

const OPEN = /<!-- generated:([a-z0-9-]+) -->\n/g;
const CLOSE = "<!-- /generated -->";

/** Markdown-escapes a table cell: a `|` would end the cell, a newline the row. */
export function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** A markdown table from a header and rows of cells (already escaped where needed). */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/**
 * The page with each generated section replaced by `sections[name]`.
 *
 * @throws Error naming a marker that has no generated text, or a generated text whose marker is not in the page.
 */
export function fillGenerated(page: string, sections: Readonly<Record<string, string>>): string {
  const used = new Set<string>();
  let out = "";
  let from = 0;
  for (const match of page.matchAll(OPEN)) {
    const name = match[1]!;
    const start = match.index + match[0].length;
    const end = page.indexOf(CLOSE, start);
    if (end === -1) throw new Error(`<!-- generated:${name} --> has no ${CLOSE} after it`);
    const text = sections[name];
    if (text === undefined) throw new Error(`<!-- generated:${name} --> names no generated section`);
    used.add(name);
    out += `${page.slice(from, start)}${text.trimEnd()}\n`;
    from = end;
  }
  const unused = Object.keys(sections).filter((name) => !used.has(name));
  if (unused.length > 0) throw new Error(`no <!-- generated:${unused[0]} --> marker in the page`);
  return out + page.slice(from);
}
