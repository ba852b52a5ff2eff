import { readRegularFile } from "../files/regular-file.js";
import { parseJsonText } from "../files/json-text.js";
import { z } from "zod";
import { CitationSchema, citationText, IsoDateSchema, loadDataFile } from "../rules/dated.js";
import { issuesFromZod } from "../classify/datasheet.js";
import { strictObject } from "../input/strict.js";

export const ApprovedListSchema = strictObject({
  $comment: z.string().optional(),
  list: z.string().min(1),
  asOf: IsoDateSchema,
  source: z.string().min(1),
  contentsKnown: z.boolean(),
  citation: strictObject(CitationSchema.shape),
  entries: z.array(
    strictObject({
      name: z.string().min(1),
      aliases: z.array(z.string().min(1)).default([]),
      address: z.string().optional(),
      listedFrom: IsoDateSchema.optional(),
    }),
  ),
});
export type ApprovedList = z.infer<typeof ApprovedListSchema>;

/** The answer of a list check: on the list, known not to be on it, or not knowable from this list. */
export type ListCheck = "listed" | "not-listed" | "unknown";

export const APPROVED_DESIGNERS_FILE = "approved-designers.json";
export const APPROVED_OSATS_FILE = "approved-osats.json";

/** The shipped Supp. 6 (designers) or Supp. 7 (OSATs) list. */
export function shippedApprovedList(which: "designers" | "osats"): ApprovedList {
  return loadDataFile(which === "designers" ? APPROVED_DESIGNERS_FILE : APPROVED_OSATS_FILE, ApprovedListSchema);
}

/** Thrown for a list file that cannot be used; the message names the file and field. */
export class ApprovedListError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ApprovedListError";
  }
}

/** Reads a replacement list (same format as data/approved-designers.json). */
export function readApprovedList(path: string): ApprovedList {
  let text: string;
  try {
    text = readRegularFile(path, "list").toString("utf8");
  } catch (error) {
    throw new ApprovedListError(error instanceof Error ? error.message : String(error));
  }
  let json: unknown;
  try {
    json = parseJsonText(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new ApprovedListError(`${path}: not valid JSON: ${(error as Error).message}`);
  }
  const parsed = ApprovedListSchema.safeParse(json);
  if (!parsed.success) {
    const issue = issuesFromZod(parsed.error)[0]!;
    throw new ApprovedListError(
      `${path}: ${issue.path ? `${issue.path}: ` : ""}${issue.message} (format: see data/approved-designers.json)`,
    );
  }
  return parsed.data;
}

function normaliseName(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(/[.,]/g, "").replace(/\s+/g, " ").trim();
}

/**
 * Whether `name` is on the list on `date`: `listed` when it (or an alias)
 * matches an entry in force, `not-listed` only when the list's contents are
 * known, otherwise `unknown`. Names match ignoring case, punctuation and spacing.
 */
export function checkApprovedList(list: ApprovedList, name: string, date: string): ListCheck {
  const wanted = normaliseName(name);
  const found = list.entries.some(
    (entry) =>
      (entry.listedFrom === undefined || entry.listedFrom <= date) &&
      [entry.name, ...entry.aliases].some((n) => normaliseName(n) === wanted),
  );
  if (found) return "listed";
  return list.contentsKnown ? "not-listed" : "unknown";
}

/** "15 CFR 740 Supp. 6, list as of 2026-09-25 (contents not known: …)". */
export function describeList(list: ApprovedList): string {
  return `${list.list}, as of ${list.asOf}${list.contentsKnown ? "" : " (contents not known)"}; source: ${list.source}`;
}

export function listCitation(list: ApprovedList): string {
  return citationText(list.citation, list.asOf).replace(/in force from/, "list as of");
}
