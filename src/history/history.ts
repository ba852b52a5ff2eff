/**
 * Every dated change of the rules data, in order: each value, paragraph, row
 * or text that took effect on a date, with the citation that set it
 * (regulation.md §2.6, "Amendment history"). The entries come from the data
 * files themselves (every object with a `from` date and a citation), so the
 * history cannot drift from the rules that are applied.
 */
import { readFileSync } from "node:fs";
import { dataUrl } from "../rules/dated.js";

/** The data files whose dated entries make up the history. */
export const HISTORY_FILES = [
  "rules/3A090.json",
  "rules/formats.json",
  "rules/items.json",
  "rules/licensing.json",
  "rules/note1-3A090a.json",
] as const;

export interface RuleChange {
  /** The date the change took effect. */
  readonly from: string;
  /** The Federal Register rule (or other source) that made it. */
  readonly source: string;
  /** The citation in words. */
  readonly citation: string;
  /** What changed: the data paths (paragraphs, thresholds, rows) that took effect on that date. */
  readonly what: readonly string[];
  readonly file: string;
  /** "change", or "formalised from" when the date is where the file's formalised data begins (not necessarily a change). */
  readonly kind: "change" | "formalised from";
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function citationOf(value: Json | undefined): { source: string; citation: string } | undefined {
  if (typeof value === "string") return { source: value, citation: value };
  if (value && typeof value === "object" && !Array.isArray(value) && typeof value.cfr === "string") {
    const fr = typeof value.fr === "string" ? value.fr : "source not stated";
    const doc = typeof value.frDoc === "string" && value.frDoc !== "not verified" ? `, FR Doc ${value.frDoc}` : "";
    return { source: `${fr}${doc}`, citation: `${value.cfr} (${fr}${doc})` };
  }
  return undefined;
}

/** The label of an entry: its id, else its path in the file. */
function labelOf(node: { [key: string]: Json }, path: string): string {
  if (typeof node.id === "string") return `${path.replace(/\[\d+\]$/, "")} ${node.id}`;
  return path.replace(/\.values\[\d+\]$/, "");
}

const starts = new Map<string, string | undefined>();

/** The date a data file's formalised data begins (its `formalisedFrom`), if it says. */
function formalisedFrom(file: string): string | undefined {
  if (!starts.has(file)) {
    const json = JSON.parse(readFileSync(dataUrl(file), "utf8")) as { formalisedFrom?: unknown };
    starts.set(file, typeof json.formalisedFrom === "string" ? json.formalisedFrom : undefined);
  }
  return starts.get(file);
}

function collect(
  node: Json,
  path: string,
  file: string,
  found: RuleChange[],
  inherited?: { source: string; citation: string },
): void {
  if (Array.isArray(node)) {
    for (const [index, child] of node.entries()) collect(child, `${path}[${index}]`, file, found, inherited);
    return;
  }
  if (!node || typeof node !== "object") return;
  const own = citationOf(node.citation) ?? inherited;
  if (typeof node.from === "string" && /^\d{4}-\d{2}-\d{2}$/.test(node.from) && own) {
    const kind = node.from === formalisedFrom(file) ? "formalised from" : "change";
    found.push({
      from: node.from,
      source: own.source,
      citation: own.citation,
      what: [labelOf(node, path)],
      file,
      kind,
    });
  }
  for (const [key, child] of Object.entries(node)) {
    if (key === "citation" || key === "$comment") continue;
    collect(child, path ? `${path}.${key}` : key, file, found, own);
  }
}

/** Every dated change in the rules data, merged per (date, source, file), in date order. */
export function rulesHistory(): RuleChange[] {
  const found: RuleChange[] = [];
  for (const file of HISTORY_FILES) {
    const json = JSON.parse(readFileSync(dataUrl(file), "utf8")) as Json;
    collect(json, "", file, found);
  }
  const merged = new Map<string, RuleChange>();
  for (const change of found) {
    const key = `${change.from}\u0000${change.source}\u0000${change.file}`;
    const seen = merged.get(key);
    merged.set(key, seen ? { ...seen, what: [...seen.what, ...change.what] } : change);
  }
  const order = (a: RuleChange, b: RuleChange) =>
    a.from < b.from ? -1 : a.from > b.from ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
  return [...merged.values()].sort(order);
}

/** The changes that took effect after the earlier date and on or before the later one. */
export function changesBetween(from: string, to: string): RuleChange[] {
  const [low, high] = from <= to ? [from, to] : [to, from];
  return rulesHistory().filter((change) => change.from > low && change.from <= high);
}
