/**
 * # Country Groups (15 CFR part 740, Supplement No. 1), as Note 1 to 3A090.a uses them
 *
 * > (i) Headquartered in Taiwan or a destination specified in Country Group
 * > A:1 or A:5, that are neither located in nor have an ultimate parent
 * > headquartered in Macau or a destination specified in Country Group D:5
 * > (Note 1 to 3A090.a ¶a(2)(i))
 *
 * > If the integrated circuit die is packaged by the 'front-end fabricator' at
 * > a location outside of Macau or a destination specified in Country Group
 * > D:5 … (Note 1 ¶b)
 *
 * Membership is dated data (data/country-groups.json): the list as of the
 * eCFR of 2026-07-23, and the dated moves the Federal Register scans found,
 * applied backwards to earlier dates. A move whose date was not captured
 * (Cambodia out of D:5) is a written-down gap: membership is `unknown` inside
 * it, and only a check whose outcome depends on it is indeterminate.
 *
 * Hong Kong is treated as China (CN), with a note. Macau is not in D:5; the
 * EAR names it beside D:5, and so does `inMacauOrD5`.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";
import { CitationSchema, citationText, dataUrl, IsoDateSchema, loadDataFile } from "../rules/dated.js";

export const GROUPS = ["A:1", "A:5", "A:6", "D:1", "D:4", "D:5"] as const;
export type CountryGroup = (typeof GROUPS)[number];

/** Whether a country is in a group on a date: `unknown` inside a written-down gap. */
export type Membership = "member" | "not-member" | "unknown";

const Code = z.string().regex(/^[A-Z]{2}$/, { message: "must be an ISO 3166-1 alpha-2 code in capitals" });

const CountryGroupsFileSchema = z.object({
  asOf: IsoDateSchema,
  source: z.string().min(1),
  changesScannedThrough: IsoDateSchema,
  formalisedFrom: IsoDateSchema,
  formalisedFromReason: z.string(),
  groups: z.object(
    Object.fromEntries(
      GROUPS.map((g) => [
        g,
        z.object({ name: z.string(), members: z.array(Code), citation: CitationSchema, remark: z.string().optional() }),
      ]),
    ) as Record<
      CountryGroup,
      z.ZodObject<{
        name: z.ZodString;
        members: z.ZodArray<typeof Code>;
        citation: typeof CitationSchema;
        remark: z.ZodOptional<z.ZodString>;
      }>
    >,
  ),
  macau: z.object({ code: Code, wording: z.string(), remark: z.string(), citation: CitationSchema }),
  aliases: z.record(Code, z.object({ treatAs: Code, note: z.string().min(1) })),
  changes: z.array(
    z.object({
      group: z.enum(GROUPS),
      country: Code,
      change: z.enum(["added", "removed"]),
      from: IsoDateSchema.nullable(),
      gap: z
        .object({ unknownFrom: IsoDateSchema, unknownThrough: IsoDateSchema, reason: z.string().min(1) })
        .optional(),
      citation: CitationSchema,
    }),
  ),
});
export type CountryGroupsFile = z.infer<typeof CountryGroupsFileSchema>;

export const COUNTRY_GROUPS_FILE = "country-groups.json";

let loaded: { file: CountryGroupsFile; sha256: string } | undefined;

export function countryGroupsData(): { file: CountryGroupsFile; sha256: string } {
  if (loaded) return loaded;
  const file = loadDataFile(COUNTRY_GROUPS_FILE, CountryGroupsFileSchema);
  for (const change of file.changes) {
    if ((change.from === null) === (change.gap === undefined)) {
      throw new Error(
        `data/${COUNTRY_GROUPS_FILE}: the change of ${change.country} in ${change.group} needs either a date ` +
          '("from") or a gap, not both',
      );
    }
    if (change.gap && !(change.gap.unknownFrom <= change.gap.unknownThrough && change.gap.unknownThrough < file.asOf)) {
      throw new Error(
        `data/${COUNTRY_GROUPS_FILE}: the gap of ${change.country} in ${change.group} must end before asOf`,
      );
    }
  }
  loaded = {
    file,
    sha256: createHash("sha256")
      .update(readFileSync(dataUrl(COUNTRY_GROUPS_FILE)))
      .digest("hex"),
  };
  return loaded;
}

/** The code a country is looked up under ("HK" → "CN"), and the note saying so. */
export function canonicalCountry(code: string): { code: string; note?: string } {
  const alias = countryGroupsData().file.aliases[code];
  return alias ? { code: alias.treatAs, note: `${code}: ${alias.note}` } : { code };
}

/**
 * Whether `code` is in `group` on `date`. Before a dated addition the country
 * was not a member; before a dated removal it was; inside a gap, `unknown`.
 *
 * @example membership("AE", "A:5", "2026-07-09") === "not-member"; membership("AE", "A:5", "2026-07-10") === "member"
 */
export function membership(code: string, group: CountryGroup, date: string): Membership {
  const { file } = countryGroupsData();
  const country = canonicalCountry(code).code;
  let member = file.groups[group].members.includes(country);
  // Undo, latest first, each move that had not yet happened on `date`.
  for (const change of file.changes.filter((c) => c.group === group && c.country === country)) {
    if (change.gap) {
      if (date < change.gap.unknownFrom) member = change.change === "removed";
      else if (date <= change.gap.unknownThrough) return "unknown";
    } else if (change.from !== null && date < change.from) {
      member = change.change === "removed";
    }
  }
  return member ? "member" : "not-member";
}

/** Three-valued "or": member if any is, unknown if none is but some are unknown. */
export function anyMember(values: readonly Membership[]): Membership {
  if (values.includes("member")) return "member";
  return values.includes("unknown") ? "unknown" : "not-member";
}

/** Whether `code` is Macau or a D:5 destination on `date` ("Macau or a destination specified in Country Group D:5"). */
export function inMacauOrD5(code: string, date: string): Membership {
  const country = canonicalCountry(code).code;
  if (country === countryGroupsData().file.macau.code) return "member";
  return membership(country, "D:5", date);
}

/** Citation of the country-group data in words. */
export function countryGroupsCitation(): string {
  const { file } = countryGroupsData();
  return (
    `15 CFR 740 Supp. 1 (Country Groups) as of ${file.asOf}; moves from the Federal Register scanned ` +
    `through ${file.changesScannedThrough}`
  );
}

/** The citation of the dated move, if any, that decides `code` in `group` around `date` (for the trace). */
export function changeCitation(code: string, group: CountryGroup): string | undefined {
  const country = canonicalCountry(code).code;
  const change = countryGroupsData().file.changes.find((c) => c.group === group && c.country === country);
  if (!change) return undefined;
  if (!change.from) {
    return (
      `${change.country} ${change.change} from ${change.group} on a date not captured ` +
      `(${change.citation.frDoc}): ${change.gap!.reason}`
    );
  }
  const toOrFrom = change.change === "added" ? "to" : "from";
  return `${change.country} ${change.change} ${toOrFrom} ${change.group}: ${citationText(change.citation, change.from)}`;
}

/** The gap windows of the data (for properties and the explanation). */
export function membershipGaps(): readonly {
  group: CountryGroup;
  country: string;
  unknownFrom: string;
  unknownThrough: string;
}[] {
  return countryGroupsData().file.changes.flatMap((c) =>
    c.gap
      ? [{ group: c.group, country: c.country, unknownFrom: c.gap.unknownFrom, unknownThrough: c.gap.unknownThrough }]
      : [],
  );
}
