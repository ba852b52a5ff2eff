/**
 * # Licensing rules data (data/rules/licensing.json)
 *
 * The rows of the licence decision table (regulation-update.md §3.5) with their
 * text, citation, the confidence of their source and whether the digest could
 * verify them; the licence exceptions with their conditions; the January 2026
 * China/Macau case-by-case limits; the red-flag checklist. Code names rows by
 * id and never writes a limit as a literal: it asks this module.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";
import { parseDecimal, type Rational } from "../numbers/rational.js";
import { dataUrl, DecimalStringSchema, IsoDateSchema, loadDataFile } from "../rules/dated.js";

export const LICENSING_FILE = "rules/licensing.json";

export const CONFIDENCES = ["high", "medium", "low"] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export const REVIEW_POLICIES = ["presumption of denial", "case-by-case", "presumption of approval"] as const;
export type ReviewPolicy = (typeof REVIEW_POLICIES)[number];

export const MODES = ["enforced", "as-written"] as const;
/**
 * `enforced`: the AI Diffusion rule's new requirements are not enforced (since 2025-05-13); `as-written`: the CFR text
 * literally.
 */
export type Mode = (typeof MODES)[number];

export const ROW_IDS = [
  "N1",
  "D1",
  "D2",
  "D3",
  "D4",
  "D5",
  "D6",
  "D7",
  "D8",
  "H1",
  "H2",
  "C1",
  "C2",
  "Z1",
  "AW",
  "E1",
  "E2",
  "E3",
  "E4",
  "E5",
  "AF",
] as const;
export type RowId = (typeof ROW_IDS)[number];

export const EXCEPTION_IDS = ["NAC", "ACA", "HBM", "AIA", "ACM", "LPP"] as const;
export type ExceptionId = (typeof EXCEPTION_IDS)[number];

const Confidence = z.enum(CONFIDENCES);
const Limit = z.object({ value: DecimalStringSchema, operator: z.literal("<"), wording: z.string().min(1) });

const RowSchema = z.object({
  id: z.enum(ROW_IDS),
  text: z.string().min(1),
  citation: z.string().min(1),
  confidence: Confidence,
  verified: z.boolean(),
  from: IsoDateSchema,
  policy: z.enum(REVIEW_POLICIES).nullable().optional(),
  policyVerified: z.boolean().optional(),
  policyRemark: z.string().optional(),
  remark: z.string().optional(),
  paragraphRemark: z.string().optional(),
});
export type Row = z.infer<typeof RowSchema>;

const ExceptionSchema = z.object({
  id: z.enum(EXCEPTION_IDS),
  row: z.string(),
  text: z.string().min(1),
  conditions: z.array(z.string().min(1)),
  citation: z.string().min(1),
  confidence: Confidence,
  verified: z.boolean(),
  from: IsoDateSchema,
  modes: z.array(z.enum(MODES)).min(1),
  mbd: Limit.optional(),
});
export type ExceptionRow = z.infer<typeof ExceptionSchema>;

const LicensingFileSchema = z.object({
  verifiedThrough: IsoDateSchema,
  verifiedThroughReason: z.string(),
  formalisedFrom: IsoDateSchema,
  formalisedFromReason: z.string(),
  aiDiffusion: z.object({
    effective: IsoDateSchema,
    compliance: IsoDateSchema,
    nonEnforcementFrom: IsoDateSchema,
    banner: z.string(),
    enforcedNote: z.string(),
    beforeNonEnforcementNote: z.string(),
    citation: z.string(),
    confidence: Confidence,
  }),
  tier1: z.object({
    members: z.array(z.string().length(2)),
    text: z.string(),
    citation: z.string(),
    confidence: Confidence,
    verified: z.boolean(),
  }),
  januaryRule: z.object({
    effective: IsoDateSchema,
    commerciallyAvailableOn: IsoDateSchema,
    tpp: Limit,
    dramBandwidthGBps: Limit,
    destinations: z.array(z.string().length(2)),
    exportFrom: z.string().length(2),
    citation: z.string(),
    confidence: Confidence,
  }),
  embargoed: z.object({
    members: z.array(z.string().length(2)),
    text: z.string(),
    citation: z.string(),
    confidence: Confidence,
    verified: z.boolean(),
  }),
  gp10: z.object({
    namedIcs: z.array(z.string()),
    text: z.string(),
    carveOut: z.string(),
    citation: z.string(),
    confidence: Confidence,
    verified: z.boolean(),
    from: IsoDateSchema,
  }),
  affiliates: z.object({
    effective: IsoDateSchema,
    suspendedFrom: IsoDateSchema,
    suspendedThrough: IsoDateSchema,
    text: z.string(),
    citation: z.string(),
    confidence: Confidence,
    reimpositionVerified: z.boolean(),
    reimpositionRemark: z.string(),
  }),
  rows: z.array(RowSchema),
  exceptions: z.array(ExceptionSchema),
  caseByCaseConditions: z.array(z.object({ id: z.string(), text: z.string(), confidence: Confidence })),
  redFlags: z.array(
    z.object({
      id: z.string().min(1),
      text: z.string().min(1),
      source: z.string().min(1),
      modes: z.array(z.enum(MODES)).min(1),
    }),
  ),
  counterDiversionLabel: z.string(),
});
export type LicensingFile = z.infer<typeof LicensingFileSchema>;

export interface LicensingData {
  readonly file: LicensingFile;
  readonly sha256: string;
  row(id: RowId): Row;
  exception(id: ExceptionId): ExceptionRow;
  /** The January 2026 limits as exact values. */
  readonly januaryLimits: { readonly tpp: Rational; readonly dramBandwidthGBps: Rational };
  readonly hbmLimit: Rational;
}

let loaded: LicensingData | undefined;

/** The licensing rules data, validated once; every row and exception the code names must be present exactly once. */
export function licensingData(): LicensingData {
  if (loaded) return loaded;
  const file = loadDataFile(LICENSING_FILE, LicensingFileSchema);
  const rows = new Map(file.rows.map((row) => [row.id, row]));
  const exceptions = new Map(file.exceptions.map((exception) => [exception.id, exception]));
  for (const id of ROW_IDS) if (!rows.has(id)) throw new Error(`data/${LICENSING_FILE}: row ${id} is missing`);
  for (const id of EXCEPTION_IDS)
    if (!exceptions.has(id)) throw new Error(`data/${LICENSING_FILE}: exception ${id} is missing`);
  if (rows.size !== file.rows.length) throw new Error(`data/${LICENSING_FILE}: a row id appears twice`);
  const hbm = exceptions.get("HBM")!.mbd;
  if (!hbm) throw new Error(`data/${LICENSING_FILE}: exception HBM needs its memory bandwidth density limit (mbd)`);
  loaded = {
    file,
    sha256: createHash("sha256")
      .update(readFileSync(dataUrl(LICENSING_FILE)))
      .digest("hex"),
    row: (id) => rows.get(id)!,
    exception: (id) => exceptions.get(id)!,
    januaryLimits: {
      tpp: parseDecimal(file.januaryRule.tpp.value),
      dramBandwidthGBps: parseDecimal(file.januaryRule.dramBandwidthGBps.value),
    },
    hbmLimit: parseDecimal(hbm.value),
  };
  return loaded;
}

/** A row's citation with its confidence, for the trace: "15 CFR 742.6(b)(10) … [confidence high]". */
export function rowCitation(row: Row): string {
  return `${row.citation} [confidence ${row.confidence}${row.verified ? "" : ", unverified"}]`;
}
