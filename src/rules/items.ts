/**
 * The entries that decide the ECCN of an item as shipped (data/rules/items.json):
 * 3A991.p, 4A090.a/.b, 4A994.l, the .z paragraphs of the entries that describe
 * an item apart from 3A090/4A090, and the notes that tie them together, each
 * dated, cited and with the confidence the digest gives. Code asks this module
 * for a paragraph's citation and for the .z paragraph of a stated base entry;
 * it writes none of them itself.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { parseDecimal, type Rational } from "../numbers/rational.js";
import { dataFilesSha256 } from "./checked-data.js";
import {
  assertIncreasingDates,
  CitationSchema,
  citationText,
  dataUrl,
  DecimalStringSchema,
  entryAt,
  IsoDateSchema,
  loadDataFile,
} from "./dated.js";
import type { Threshold, ThresholdId } from "./rules.js";

/** The item paragraphs and notes this tool applies. A test checks this list against the data file. */
export const ITEM_PARAGRAPH_IDS = [
  "3A991.p",
  "4A090.a",
  "4A090.b",
  "4A994.l",
  "zCarryOver",
  "category5Part2Note1",
] as const;
export type ItemParagraphId = (typeof ITEM_PARAGRAPH_IDS)[number];

/** The entries with a .z paragraph, as in the data file. */
export const Z_ENTRY_IDS = ["3A001", "4A003", "4A004", "4A005", "5A002", "5A004", "5A992"] as const;

export const CONFIDENCES = ["High", "Medium", "Low"] as const;
export type Confidence = (typeof CONFIDENCES)[number];

// The schemas are built on their first use (z.lazy): a run whose data the build validated (checked-data.ts) needs none.
const datedFields = () => ({
  from: IsoDateSchema,
  verified: z.boolean().optional(),
  confidence: z.enum(CONFIDENCES),
  remark: z.string().min(1),
  citation: CitationSchema,
});

const ItemsFileSchema = z.lazy(() =>
  z.object({
    formalisedFrom: IsoDateSchema,
    verifiedThrough: IsoDateSchema,
    paragraphs: z.record(
      z.string(),
      z.object({ wording: z.string().min(1), values: z.array(z.object(datedFields())).min(1) }),
    ),
    thresholds: z.record(
      z.string(),
      z.object({
        paragraph: z.string().min(1),
        description: z.string().min(1),
        unit: z.string().min(1),
        values: z
          .array(
            z.object({
              ...datedFields(),
              value: DecimalStringSchema,
              operator: z.enum([">=", "<", ">"]),
              wording: z.string().min(1),
            }),
          )
          .min(1),
      }),
    ),
    zEntries: z.record(
      z.string(),
      z.union([
        z.string(),
        z.object({
          values: z
            .array(
              z.object({
                ...datedFields(),
                text: z.string().min(1),
                groups: z
                  .array(
                    z.object({
                      paragraphs: z.array(z.string().min(1)).min(1),
                      z: z.string(),
                      caveat: z.string().optional(),
                    }),
                  )
                  .min(1),
                tierA: z.string().min(1),
                tierB: z.string().min(1),
              }),
            )
            .min(1),
        }),
      ]),
    ),
    statedTppTolerance: z.object({ value: DecimalStringSchema, description: z.string().min(1) }),
  }),
);

/** An item paragraph or note as in force on a date, with its citation in words and its confidence. */
export interface ItemParagraph {
  readonly id: ItemParagraphId;
  readonly wording: string;
  readonly from: string;
  readonly verified: boolean;
  readonly confidence: Confidence;
  readonly remark: string;
  /** The citation in words with the dates, the confidence, and "date not verified" where so. */
  readonly cites: string;
}

/** The .z paragraph a stated base entry leads to, for an item meeting the .a or the .b parameters. */
export type ZLookup =
  | {
      readonly kind: "z";
      readonly entry: string;
      readonly tierA: string;
      readonly tierB: string;
      readonly caveat?: string;
      readonly cites: string;
    }
  | { readonly kind: "paragraph needed"; readonly entry: string; readonly cites: string }
  | { readonly kind: "no z"; readonly entry: string };

export interface ItemRules {
  readonly date: string;
  paragraph(id: ItemParagraphId): ItemParagraph;
  /** 3A991.p.2's I/O threshold, as a Threshold usable with meets() and describeComparison(). */
  readonly io3A991p2: Threshold;
  /** The .z paragraph for `baseEccn` (e.g. "5A002.a" gives 5A002.z.1.a / 5A002.z.1.b). */
  zFor(baseEccn: string): ZLookup;
  /** Fraction of the computed TPP a stated TPP may differ by before a warning (a tool setting, not a rule). */
  readonly statedTppTolerance: Rational;
  readonly dataSha256: string;
}

const ITEMS_FILE = "rules/items.json";
let loaded: { data: z.infer<typeof ItemsFileSchema>; sha256: string } | undefined;

function load() {
  if (loaded) return loaded;
  const data = loadDataFile(ITEMS_FILE, ItemsFileSchema);
  for (const [id, p] of Object.entries(data.paragraphs))
    assertIncreasingDates(p.values, `data/${ITEMS_FILE} paragraphs.${id}`);
  for (const [id, t] of Object.entries(data.thresholds))
    assertIncreasingDates(t.values, `data/${ITEMS_FILE} thresholds.${id}`);
  for (const [id, e] of Object.entries(data.zEntries)) {
    if (typeof e !== "string") assertIncreasingDates(e.values, `data/${ITEMS_FILE} zEntries.${id}`);
  }
  loaded = {
    data,
    sha256: dataFilesSha256([{ path: ITEMS_FILE, bytes: readFileSync(dataUrl(ITEMS_FILE)) }]),
  };
  return loaded;
}

/** "15 CFR ... (fr, published ...; in force from ...); confidence High" with "date not verified" where so. */
function cites(entry: {
  from: string;
  verified?: boolean | undefined;
  confidence: Confidence;
  citation: z.infer<typeof CitationSchema>;
}): string {
  const unverified = entry.verified === false ? ", date it took effect not verified" : "";
  return `${citationText(entry.citation, entry.from)}; confidence ${entry.confidence}${unverified}`;
}

const cache = new Map<string, ItemRules>();

/**
 * The item rules in force on `date` (already accepted by `rulesAt`).
 *
 * @throws Error when the data file lacks an entry the code reads.
 */
export function itemRulesAt(date: string): ItemRules {
  const cached = cache.get(date);
  if (cached) return cached;
  const { data, sha256 } = load();
  const paragraphs = new Map<ItemParagraphId, ItemParagraph>();
  for (const id of ITEM_PARAGRAPH_IDS) {
    const p = data.paragraphs[id];
    const entry = p && (entryAt(p.values, date) ?? p.values[0]!);
    if (!p || !entry) throw new Error(`data/${ITEMS_FILE}: paragraph ${id} is missing`);
    paragraphs.set(id, {
      id,
      wording: p.wording,
      from: entry.from,
      verified: entry.verified ?? true,
      confidence: entry.confidence,
      remark: entry.remark,
      cites: cites(entry),
    });
  }
  const io = data.thresholds["3A991.p.2.io"];
  const ioEntry = io && (entryAt(io.values, date) ?? io.values[0]!);
  if (!io || !ioEntry) throw new Error(`data/${ITEMS_FILE}: threshold 3A991.p.2.io is missing`);
  const io3A991p2: Threshold = {
    // Not one of 3A090's thresholds; the id names it for messages only.
    id: "3A991.p.2.io" as ThresholdId,
    paragraph: io.paragraph,
    description: io.description,
    unit: io.unit,
    value: parseDecimal(ioEntry.value),
    operator: ioEntry.operator,
    wording: ioEntry.wording,
    from: ioEntry.from,
    verified: ioEntry.verified ?? true,
    remark: ioEntry.remark,
    citation: ioEntry.citation,
    cites: cites(ioEntry),
  };

  const rules: ItemRules = {
    date,
    paragraph: (id) => paragraphs.get(id)!,
    io3A991p2,
    zFor: (baseEccn) => zFor(data, baseEccn, date),
    statedTppTolerance: parseDecimal(data.statedTppTolerance.value),
    dataSha256: sha256,
  };
  cache.set(date, rules);
  return rules;
}

/** True when `baseEccn` is `paragraph` or one of its sub-paragraphs ("5A002.a.1" is under "5A002.a"). */
function isUnder(baseEccn: string, paragraph: string): boolean {
  return baseEccn === paragraph || baseEccn.startsWith(`${paragraph}.`);
}

function zFor(data: z.infer<typeof ItemsFileSchema>, baseEccn: string, date: string): ZLookup {
  const entry = baseEccn.slice(0, 5);
  const table = data.zEntries[entry];
  const inForce = table && typeof table !== "string" ? entryAt(table.values, date) : undefined;
  if (!inForce) return { kind: "no z", entry };
  const groups = inForce.groups
    .flatMap((group) => group.paragraphs.map((paragraph) => ({ paragraph, group })))
    .sort((a, b) => b.paragraph.length - a.paragraph.length);
  const found = groups.find(({ paragraph }) => isUnder(baseEccn, paragraph));
  const citation = `${cites(inForce)} (${inForce.text})`;
  if (found) {
    const stem = `${entry}.z.${found.group.z}`;
    const caveat = found.group.caveat ? { caveat: found.group.caveat } : {};
    return {
      kind: "z",
      entry,
      tierA: `${stem}${inForce.tierA}`,
      tierB: `${stem}${inForce.tierB}`,
      ...caveat,
      cites: citation,
    };
  }
  // The entry alone ("5A002") or a paragraph above the ones listed: which .z paragraph depends on the paragraph.
  const above = groups.some(({ paragraph }) => paragraph.startsWith(`${baseEccn}.`));
  return above ? { kind: "paragraph needed", entry, cites: citation } : { kind: "no z", entry };
}
