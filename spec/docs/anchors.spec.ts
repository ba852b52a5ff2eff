/**
 * Every citation of a docs section points to a section that exists. Messages and schema descriptions in src/ cite
 * readings as `docs/<page>.md#<anchor>`; the pages link each other as `(<page>.md#<anchor>)`. An anchor exists when
 * the page has a heading whose GitHub slug it is, or an explicit `<a id="…"></a>`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** GitHub's slug of a heading: lower case, punctuation dropped, each space a hyphen. */
function githubSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/<[^>]+>/g, "")
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/** The anchors of a markdown page: heading slugs (numbered when repeated, as GitHub does) and explicit ids. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (/^```/.test(line)) fenced = !fenced;
    if (fenced) continue;
    for (const match of line.matchAll(/<a (?:id|name)="([^"]+)"/g)) anchors.add(match[1]!);
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const slug = githubSlug(heading[1]!);
    const count = seen.get(slug) ?? 0;
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
    seen.set(slug, count + 1);
  }
  return anchors;
}

const pageAnchors = new Map<string, Set<string>>();
function anchorExists(page: string, anchor: string): boolean {
  if (!existsSync(page)) return false;
  if (!pageAnchors.has(page)) pageAnchors.set(page, anchorsOf(readFileSync(page, "utf8")));
  return pageAnchors.get(page)!.has(anchor);
}

describe("citations of docs sections", () => {
  const fromSource = filesUnder("src")
    .filter((path) => /\.(ts|tsx|json)$/.test(path))
    .flatMap((path) =>
      [...readFileSync(path, "utf8").matchAll(/docs\/([a-z-]+\.md)#([a-z0-9-]+)/g)].map((match) => ({
        where: path,
        page: `docs/${match[1]}`,
        anchor: match[2]!,
      })),
    );

  it("src/ cites docs sections", () => {
    expect(fromSource.length).toBeGreaterThan(20);
  });

  it("every docs/<page>.md#<anchor> that src/ cites is a section of that page", () => {
    expect(fromSource.filter(({ page, anchor }) => !anchorExists(page, anchor))).toEqual([]);
  });

  it("every link with an anchor between the README and the docs pages is a section of its page", () => {
    const pages = ["README.md", ...filesUnder("docs").filter((path) => path.endsWith(".md"))];
    const links = pages.flatMap((path) => {
      const folder = path === "README.md" ? "" : "docs/";
      return [...readFileSync(path, "utf8").matchAll(/\]\(((?:docs\/)?[a-z0-9-]*\.md)?#([^)\s]+)\)/g)].map((match) => ({
        where: path,
        page: match[1] === undefined ? path : `${match[1].startsWith("docs/") ? "" : folder}${match[1]}`,
        anchor: match[2]!,
      }));
    });
    expect(links.length).toBeGreaterThan(20);
    expect(links.filter(({ page, anchor }) => !anchorExists(page, anchor))).toEqual([]);
  });

  it("the slug is GitHub's", () => {
    expect(githubSlug("ECCN 4E091: model weights, as written (not enforced)")).toBe(
      "eccn-4e091-model-weights-as-written-not-enforced",
    );
    expect(githubSlug("`license` (also `licence`)")).toBe("license-also-licence");
    expect(githubSlug("Order (Note 1 to 3A090.a)")).toBe("order-note-1-to-3a090a");
    expect([...anchorsOf('## A\n```\n## B\n```\n## A\n<a id="x-1"></a>\n')]).toEqual(["a", "a-1", "x-1"]);
  });
});
