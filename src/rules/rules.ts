/**
 * The 3A090 rules in force on a date: thresholds with their operators and
 * citations (data/rules/3A090.json) and the bit-length table
 * (data/rules/formats.json). Code never writes a threshold as a literal; it
 * asks the rule set for it.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { parseDecimal, Rational } from "../numbers/rational.js";
import { dataFilesSha256 } from "./checked-data.js";
import {
  assertIncreasingDates,
  type Citation,
  CitationSchema,
  citationText,
  dataUrl,
  DecimalStringSchema,
  entryAt,
  IsoDateSchema,
  isIsoDate,
  loadDataFile,
} from "./dated.js";

/** The thresholds the classifier reads. A test checks this list against the data file. */
export const THRESHOLD_IDS = [
  "3A090.a.1.tpp",
  "3A090.a.2.tpp",
  "3A090.a.2.pd",
  "3A090.b.1.tpp.min",
  "3A090.b.1.tpp.max",
  "3A090.b.1.pd.min",
  "3A090.b.1.pd.max",
  "3A090.b.2.tpp",
  "3A090.b.2.pd.min",
  "3A090.b.2.pd.max",
  "3A090.nonDatacenter.tpp",
  "3A090.c.mbd",
  "3A991.p.1.tops",
] as const;
export type ThresholdId = (typeof THRESHOLD_IDS)[number];

/** ">=" for "or more", "<" for "less than" and "below", ">" for "greater than". */
export type Operator = ">=" | "<" | ">";

// The schemas are built on their first use (z.lazy): a run whose data the build validated (checked-data.ts) needs none.
const ThresholdValueSchema = z.lazy(() =>
  z.object({
    from: IsoDateSchema,
    value: DecimalStringSchema,
    operator: z.enum([">=", "<", ">"]),
    wording: z.string().min(1),
    verified: z.boolean().optional(),
    remark: z.string().optional(),
    citation: CitationSchema,
  }),
);

const Text2022Figure = z.lazy(() =>
  z.object({
    value: DecimalStringSchema,
    operator: z.enum([">="]).optional(),
    wording: z.string().min(1),
    citation: CitationSchema,
  }),
);
const Text2022Schema = z.lazy(() =>
  z.object({
    id: z.literal("2022-10"),
    from: IsoDateSchema,
    fromReason: z.string().min(1),
    through: IsoDateSchema,
    citation: CitationSchema,
    tpp: Text2022Figure,
    transferRate: Text2022Figure,
    analogMultiplier: Text2022Figure,
    /** 4A090 as added by the same rule: the item containing a 3A090 IC (its 2022 wording is not quoted; see remark). */
    item4A090: z.object({
      paragraph: z.string().min(1),
      wording: z.string().min(1),
      confidence: z.enum(["High", "Medium", "Low"]),
      verified: z.boolean(),
      remark: z.string().min(1),
      citation: CitationSchema,
    }),
  }),
);
/** The Oct 2022 text of 3A090 (87 FR 62186), in force until the day before `formalisedFrom`. */
export type Text2022 = z.infer<typeof Text2022Schema>;

const ThresholdsFileSchema = z.lazy(() =>
  z.object({
    formalisedFrom: IsoDateSchema,
    text2022: Text2022Schema,
    formalisedFromReason: z.string(),
    verifiedThrough: IsoDateSchema,
    verifiedThroughReason: z.string(),
    thresholds: z.record(
      z.string(),
      z.object({
        paragraph: z.string().min(1),
        description: z.string().min(1),
        unit: z.string().min(1),
        values: z.array(ThresholdValueSchema).min(1),
      }),
    ),
    definitions: z.object({
      tpp: z.object({ values: z.array(z.object({ from: IsoDateSchema, citation: CitationSchema })).min(1) }),
      performanceDensity: z.object({
        values: z.array(z.object({ from: IsoDateSchema, citation: CitationSchema })).min(1),
      }),
    }),
  }),
);

const FormatSchema = z.lazy(() =>
  z.object({
    bitLength: z.number().int().positive(),
    aliases: z.array(z.string()).default([]),
    alternatives: z.array(z.object({ bitLength: z.number().int().positive(), reading: z.string() })).default([]),
  }),
);

const FormatsFileSchema = z.lazy(() =>
  z.object({
    citation: CitationSchema,
    versions: z.array(z.object({ from: IsoDateSchema, formats: z.record(z.string(), FormatSchema) })).min(1),
  }),
);

/** One threshold as in force on a date. */
export interface Threshold {
  readonly id: ThresholdId;
  readonly paragraph: string;
  readonly description: string;
  readonly unit: string;
  readonly value: Rational;
  readonly operator: Operator;
  /** The operator as the regulation words it: "of 4800 or more". */
  readonly wording: string;
  /** The date this value took effect. */
  readonly from: string;
  /** False where the source could not be verified; such values only produce hints. */
  readonly verified: boolean;
  readonly remark?: string;
  readonly citation: Citation;
  /** The citation in words, with the dates. */
  readonly cites: string;
}

export interface NumberFormat {
  readonly name: string;
  readonly bitLength: Rational;
  readonly alternatives: readonly { bitLength: Rational; reading: string }[];
}

/** The rules in force on one date. */
export interface RuleSet {
  readonly date: string;
  readonly formalisedFrom: string;
  readonly verifiedThrough: string;
  /** True when `date` is after the last date the data was checked against the Federal Register. */
  readonly beyondVerified: boolean;
  /** sha256 of the rules data files, so a result can name exactly what it was computed with. */
  readonly dataSha256: string;
  /** The threshold in force, or undefined when that paragraph was not yet in force. */
  threshold(id: ThresholdId): Threshold | undefined;
  /** The threshold as it first took effect, whatever the date: to say when a paragraph not yet in force begins. */
  firstThreshold(id: ThresholdId): Threshold;
  /** The number format named `name` (case-insensitive, aliases included), or undefined. */
  format(name: string): NumberFormat | undefined;
  /** Citation of the bit-length rule (Technical Note 2, 1.c). */
  readonly formatCitation: string;
  /** Citations of the definitions of TPP and performance density in force. */
  readonly definitionCitation: { readonly tpp: string; readonly performanceDensity: string };
  /**
   * Set when `date` falls under the Oct 2022 text (only from `rulesAt(date, { history: true })`):
   * no threshold of the 2023 text is then in force, and src/classify/clauses-2022.ts applies.
   */
  readonly text2022?: Text2022;
}

/** The Oct 2022 text as in the data, whatever the date (for `rules --history` and the docs). */
export function text2022(): Text2022 {
  return load().thresholds.text2022;
}

/** Thrown for a date the rules data does not cover. */
export class RulesDateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RulesDateError";
  }
}

const THRESHOLDS_FILE = "rules/3A090.json";
const FORMATS_FILE = "rules/formats.json";

let loaded:
  | { thresholds: z.infer<typeof ThresholdsFileSchema>; formats: z.infer<typeof FormatsFileSchema>; sha256: string }
  | undefined;

function load() {
  if (loaded) return loaded;
  const thresholds = loadDataFile(THRESHOLDS_FILE, ThresholdsFileSchema);
  const formats = loadDataFile(FORMATS_FILE, FormatsFileSchema);
  for (const [id, t] of Object.entries(thresholds.thresholds))
    assertIncreasingDates(t.values, `data/${THRESHOLDS_FILE} ${id}`);
  for (const [id, d] of Object.entries(thresholds.definitions))
    assertIncreasingDates(d.values, `data/${THRESHOLDS_FILE} definitions.${id}`);
  assertIncreasingDates(formats.versions, `data/${FORMATS_FILE}`);
  const files = [THRESHOLDS_FILE, FORMATS_FILE].map((path) => ({ path, bytes: readFileSync(dataUrl(path)) }));
  loaded = { thresholds, formats, sha256: dataFilesSha256(files) };
  return loaded;
}

const cache = new Map<string, RuleSet>();

/**
 * The rules in force on `date` (YYYY-MM-DD).
 *
 * @throws RulesDateError for a malformed date, or one before the first
 * formalised text (17 Nov 2023): the Oct 2022 text also needs the aggregate
 * bidirectional transfer rate and is refused rather than guessed.
 */
export function rulesAt(date: string, options: { history?: boolean } = {}): RuleSet {
  const cached = cache.get(date);
  if (cached) return cached;
  if (!isIsoDate(date)) throw new RulesDateError(`date "${date}" is not a calendar date written YYYY-MM-DD`);
  const { thresholds, formats, sha256 } = load();
  if (date < thresholds.formalisedFrom && options.history === true) return rules2022At(date);
  if (date < thresholds.formalisedFrom) {
    throw new RulesDateError(
      `no rules are formalised for ${date}: the first formalised text is in force ` +
        `from ${thresholds.formalisedFrom}. ${thresholds.formalisedFromReason}`,
    );
  }

  const thresholdsInForce = new Map<ThresholdId, Threshold>();
  const firstThresholds = new Map<ThresholdId, Threshold>();
  for (const id of THRESHOLD_IDS) {
    const parameter = thresholds.thresholds[id];
    if (!parameter) throw new Error(`data/${THRESHOLDS_FILE}: threshold ${id} is missing`);
    const inForce = entryAt(parameter.values, date);
    if (inForce) thresholdsInForce.set(id, toThreshold(id, parameter, inForce));
    firstThresholds.set(id, toThreshold(id, parameter, parameter.values[0]!));
  }

  const formatVersion = entryAt(formats.versions, date);
  if (!formatVersion) throw new RulesDateError(`no number-format table is in force on ${date}`);
  const formatsByName = new Map<string, NumberFormat>();
  for (const [name, format] of Object.entries(formatVersion.formats)) {
    const numberFormat: NumberFormat = {
      name,
      bitLength: Rational.integer(format.bitLength),
      alternatives: format.alternatives.map((alt) => ({
        bitLength: Rational.integer(alt.bitLength),
        reading: alt.reading,
      })),
    };
    for (const key of [name, ...format.aliases]) formatsByName.set(normaliseFormatName(key), numberFormat);
  }

  /** Names as callers spell them, looked up once (a catalogue asks for the same few millions of times). */
  const formatByGivenName = new Map<string, NumberFormat | undefined>();
  const rules: RuleSet = {
    date,
    formalisedFrom: thresholds.formalisedFrom,
    verifiedThrough: thresholds.verifiedThrough,
    beyondVerified: date > thresholds.verifiedThrough,
    dataSha256: sha256,
    threshold: (id) => thresholdsInForce.get(id),
    firstThreshold: (id) => firstThresholds.get(id)!,
    format: (name) => {
      let found = formatByGivenName.get(name);
      if (found === undefined && !formatByGivenName.has(name)) {
        found = formatsByName.get(normaliseFormatName(name));
        if (formatByGivenName.size < 1000) formatByGivenName.set(name, found);
      }
      return found;
    },
    formatCitation: citationText(formats.citation, formatVersion.from),
    definitionCitation: {
      tpp: definitionCitation(thresholds.definitions.tpp.values, date),
      performanceDensity: definitionCitation(thresholds.definitions.performanceDensity.values, date),
    },
  };
  cache.set(date, rules);
  return rules;
}

/**
 * The rule set of a date under the Oct 2022 text: no 2023 threshold is in
 * force; the number-format table is the first one in the data (the bit
 * lengths of the formats are the same under both texts), cited to 87 FR 62186.
 */
function rules2022At(date: string): RuleSet {
  const { thresholds, formats, sha256 } = load();
  const text = thresholds.text2022;
  if (date < text.from) {
    throw new RulesDateError(
      `no text of 3A090 is in force on ${date}: ECCN 3A090 was added by ${text.citation.fr} (FR ` +
        `Doc ${text.citation.frDoc}) with effect from ${text.from}`,
    );
  }
  const formatsByName = new Map<string, NumberFormat>();
  for (const [name, format] of Object.entries(formats.versions[0]!.formats)) {
    const numberFormat: NumberFormat = {
      name,
      bitLength: Rational.integer(format.bitLength),
      alternatives: format.alternatives.map((alt) => ({
        bitLength: Rational.integer(alt.bitLength),
        reading: alt.reading,
      })),
    };
    for (const key of [name, ...format.aliases]) formatsByName.set(normaliseFormatName(key), numberFormat);
  }
  const cites = citationText(text.citation, text.from);
  return {
    date,
    formalisedFrom: text.from,
    verifiedThrough: thresholds.verifiedThrough,
    beyondVerified: false,
    dataSha256: sha256,
    threshold: () => undefined,
    firstThreshold: (id) => rulesAt(thresholds.formalisedFrom).firstThreshold(id),
    format: (name) => formatsByName.get(normaliseFormatName(name)),
    formatCitation: cites,
    definitionCitation: { tpp: cites, performanceDensity: cites },
    text2022: text,
  };
}

type ThresholdParameter = z.infer<typeof ThresholdsFileSchema>["thresholds"][string];

function toThreshold(
  id: ThresholdId,
  parameter: ThresholdParameter,
  entry: ThresholdParameter["values"][number],
): Threshold {
  return {
    id,
    paragraph: parameter.paragraph,
    description: parameter.description,
    unit: parameter.unit,
    value: parseDecimal(entry.value),
    operator: entry.operator,
    wording: entry.wording,
    from: entry.from,
    verified: entry.verified ?? true,
    ...(entry.remark === undefined ? {} : { remark: entry.remark }),
    citation: entry.citation,
    cites: citationText(entry.citation, entry.from),
  };
}

function definitionCitation(values: readonly { from: string; citation: Citation }[], date: string): string {
  const entry = entryAt(values, date);
  if (!entry) throw new RulesDateError(`no definition is in force on ${date}`);
  return citationText(entry.citation, entry.from);
}

function normaliseFormatName(name: string): string {
  return name.toUpperCase().replace(/[\s_]/g, "");
}

/** Whether `value` meets the threshold, by its operator. Exact. */
export function meets(value: Rational, threshold: Threshold): boolean {
  return orderMeets(value.cmp(threshold.value), threshold.operator);
}

/** Whether a value that compares to the threshold as `order` (-1, 0, 1) meets it. */
export function orderMeets(order: -1 | 0 | 1, operator: Operator): boolean {
  switch (operator) {
    case ">=":
      return order >= 0;
    case "<":
      return order < 0;
    case ">":
      return order > 0;
  }
}

const SYMBOL: Record<Operator, { holds: string; fails: string }> = {
  ">=": { holds: "≥", fails: "<" },
  "<": { holds: "<", fails: "≥" },
  ">": { holds: ">", fails: "≤" },
};

/**
 * The comparison in words, e.g. "TPP 15832 ≥ 4800" or "PD 7916/407 ≈ 19.45 ≥ 5.92",
 * with the symbol that is true of the two numbers.
 */
export function describeComparison(label: string, value: Rational, threshold: Threshold): string {
  const symbol = meets(value, threshold) ? SYMBOL[threshold.operator].holds : SYMBOL[threshold.operator].fails;
  return `${label} ${formatForTrace(value)} ${symbol} ${threshold.value.toExactString()}`;
}

/** An exact value for a trace: "15832", "989.4", or "7916/407 ≈ 19.449631" (truncated, never rounded up). */
export function formatForTrace(value: Rational): string {
  const exact = value.toExactString();
  return exact.includes("/") ? `${exact} ≈ ${value.toTruncatedDecimal(6)}` : exact;
}
