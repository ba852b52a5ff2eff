/**
 * Dated, cited parameters, after OpenFisca: every value is keyed by the date
 * it took effect and carries the citation that set it. Rules are looked up at
 * the date of the transaction.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { parseDecimal } from "../numbers/rational.js";
import { checkedData, noteChecked } from "./checked-data.js";

/** Where a value comes from: the CFR paragraph and the Federal Register rule that set it. */
export const CitationSchema = z.object({
  cfr: z.string().min(1),
  fr: z.string().min(1),
  frDoc: z.string().min(1),
  published: z.string().min(1),
});
export type Citation = z.infer<typeof CitationSchema>;

/**
 * A citation in words: "15 CFR 774 Supp. 1, ECCN 3A090.a.1 (88 FR 73458, published 2023-10-25; in force from
 * 2023-11-17)".
 */
export function citationText(citation: Citation, from: string): string {
  const published =
    citation.published === "not verified" ? "publication not verified" : `published ${citation.published}`;
  return `${citation.cfr} (${citation.fr}, ${published}; in force from ${from})`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD ("2026-02-30" is false). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map((part) => Number.parseInt(part, 10)) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const IsoDateSchema = z.string().refine(isIsoDate, { message: "must be a calendar date written YYYY-MM-DD" });

/**
 * A decimal string in the one grammar (`parseDecimal`), kept as text; `example` goes into the message, as
 * `must be a decimal string such as "15832"`.
 */
export function decimalStringSchema(example?: string) {
  const isDecimal = (text: string) => {
    try {
      parseDecimal(text);
      return true;
    } catch {
      return false;
    }
  };
  const message = example === undefined ? "must be a decimal string" : `must be a decimal string such as "${example}"`;
  return z.string().refine(isDecimal, { message });
}

/** A value in a data file: a decimal string in the one grammar (`parseDecimal`). */
export const DecimalStringSchema = decimalStringSchema();

/**
 * A UTC date as YYYY-MM-DD, with the year as it is (a year after 9999 has five
 * digits: "10000-03-29"), never `toISOString`'s "+010000-03-29".
 */
export function formatIsoDate(date: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${String(date.getUTCFullYear()).padStart(4, "0")}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}`;
}

/** Today's date in UTC, YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  return formatIsoDate(now);
}

/** The date `days` after `isoDate` (negative for before). */
export function addDays(isoDate: string, days: number): string {
  const [year, month, day] = isoDate.split("-").map((part) => Number.parseInt(part, 10)) as [number, number, number];
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  date.setUTCDate(date.getUTCDate() + days);
  return formatIsoDate(date);
}

/**
 * True when date `a` is before date `b` (YYYY-MM-DD, years of four digits or
 * more): "9999-12-31" is before "10000-03-29", which text order would deny.
 */
export function isoDateBefore(a: string, b: string): boolean {
  const padded = (date: string) => date.padStart(12, "0");
  return padded(a) < padded(b);
}

/**
 * The entry in force on `date`: the last whose `from` is on or before it.
 * `entries` must be in increasing `from` order (checked when data is loaded).
 * Undefined when `date` is before the first entry.
 */
export function entryAt<T extends { from: string }>(entries: readonly T[], date: string): T | undefined {
  let found: T | undefined;
  for (const entry of entries) {
    if (entry.from <= date) found = entry;
    else break;
  }
  return found;
}

/** Throws unless the entries' `from` dates strictly increase. */
export function assertIncreasingDates(entries: readonly { from: string }[], where: string): void {
  for (let i = 1; i < entries.length; i++) {
    if (!(entries[i - 1]!.from < entries[i]!.from)) {
      throw new Error(`${where}: dates must increase, but ${entries[i - 1]!.from} is followed by ${entries[i]!.from}`);
    }
  }
}

/** A file under the package's `data/` folder (works from `src/` under tsx and from `dist/` once built). */
export function dataUrl(relativePath: string): URL {
  return new URL(`../../data/${relativePath}`, import.meta.url);
}

/** Reads and validates a JSON data file; errors name the file and the field. */
export function loadDataFile<T>(relativePath: string, schema: z.ZodType<T>): T {
  const url = dataUrl(relativePath);
  const text = readFileSync(url, "utf8");
  // The same bytes, validated by the same schema when the CLI was built: see checked-data.ts.
  const checked = checkedData(relativePath, text);
  if (checked !== undefined) return checked as T;
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`data/${relativePath}: ${issue.path.join(".")}: ${issue.message}`);
  }
  noteChecked(relativePath, text, parsed.data);
  return parsed.data;
}
