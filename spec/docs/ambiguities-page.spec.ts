/**
 * docs/ambiguities.md: every anchor a message cites exists in the page, and
 * every spec the page links exists (issue 9 §5). Messages once cited
 * `regulation.md A-1`, a file that is not in the repository.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const PAGE = "docs/ambiguities.md";
const page = readFileSync(PAGE, "utf8");
const anchors = new Set([...page.matchAll(/<a id="([^"]+)"><\/a>/g)].map((match) => match[1]!));

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe("docs/ambiguities.md", () => {
  const sources = [
    ...filesUnder("src"),
    "README.md",
    ...filesUnder("docs"),
    ...filesUnder("data").filter((path) => path.endsWith(".json")),
  ];
  const cited = sources.flatMap((path) =>
    [...readFileSync(path, "utf8").matchAll(/docs\/ambiguities\.md#([a-z0-9-]+)/g)].map((match) => ({
      path,
      anchor: match[1]!,
    })),
  );

  it("messages cite it", () => {
    expect(cited.length).toBeGreaterThan(10);
  });

  it("every anchor cited exists in the page", () => {
    expect(cited.filter(({ anchor }) => !anchors.has(anchor))).toEqual([]);
  });

  it("no message cites regulation.md A-N, which is not in the repository", () => {
    const stale = filesUnder("src").filter((path) =>
      /["`][^"`\n]*regulation\.md A-\d/.test(readFileSync(path, "utf8")),
    );
    expect(stale).toEqual([]);
  });

  it("has a section for A-1 to A-20 and pd-undefined, each with its anchor and a heading after it", () => {
    for (const id of [...Array.from({ length: 20 }, (_, i) => `a-${i + 1}`), "pd-undefined"]) {
      expect(anchors.has(id), id).toBe(true);
      expect(page).toMatch(
        new RegExp(`<a id="${id}"></a>\\n## ${id.toUpperCase().replace("PD-UNDEFINED", "pd-undefined")}: `),
      );
    }
  });

  it("every spec it links exists", () => {
    const links = [...page.matchAll(/\]\((\.\.\/spec\/[^)]+)\)/g)].map((match) => resolve(dirname(PAGE), match[1]!));
    expect(links.length).toBeGreaterThan(15);
    expect(links.filter((path) => !existsSync(path))).toEqual([]);
  });

  it("every spec in spec/ambiguities is linked from the page", () => {
    const unlinked = readdirSync("spec/ambiguities").filter((name) => !page.includes(`spec/ambiguities/${name}`));
    expect(unlinked).toEqual([]);
  });
});
