/**
 * The AI Diffusion rule as written (Framework for AI Diffusion, FR 2025-00636,
 * 90 FR 4544) as a flagged what-if rule set. Its dates, banner and Tier 1 list
 * come from the licensing data (data/rules/licensing.json: `aiDiffusion`,
 * `tier1`, `embargoed`), so the licence answers and this set share one copy;
 * the 4E091 and allocation figures are in data/rules/ai-diffusion.json.
 *
 * regulation-update.md §5: "Flag on every output of this set: 'Framework for AI
 * Diffusion, FR 2025-00636 (90 FR 4544), effective 2025-01-13, compliance
 * 2025-05-15; BIS announced rescission and non-enforcement 2025-05-13; still in
 * the CFR at 2026-07-23 …'. Not enforced."
 */
import { z } from "zod";
import { inMacauOrD5 } from "../presume/country-groups.js";
import { licensingData } from "../license/data.js";
import { parseDecimal, type Rational } from "../numbers/rational.js";
import { DecimalStringSchema, IsoDateSchema, loadDataFile } from "../rules/dated.js";

export const AI_DIFFUSION_FILE = "rules/ai-diffusion.json";

const Figure = z.object({
  value: DecimalStringSchema,
  operator: z.enum([">=", ">"]).optional(),
  wording: z.string(),
  citation: z.string(),
  source: z.string(),
  confidence: z.enum(["high", "medium", "low"]),
  verified: z.boolean(),
});
export type Figure = z.infer<typeof Figure>;
const Fact = z.object({ text: z.string(), citation: z.string() });

const FileSchema = z.object({
  ruleSet: z.string(),
  status: z.literal("not-enforced"),
  eccn4E091: z.object({
    trainingOperations: Figure,
    derivedAbsolute: Figure,
    derivedShare: Figure,
    estimatorFactor: Figure,
    published: Fact,
    belowMostCapablePublished: Fact,
    redFlag28: Fact,
  }),
  allocations: z.object({
    countryAllocation: Figure.extend({ period: z.object({ from: IsoDateSchema, to: IsoDateSchema }) }),
    lpp: Figure,
    aiaReporting: Figure,
  }),
});
export type AiDiffusionFile = z.infer<typeof FileSchema>;

/** What every output of this rule set carries. */
export interface DiffusionFlag {
  readonly ruleSet: string;
  readonly enforced: false;
  readonly effective: string;
  readonly compliance: string;
  readonly nonEnforcementAnnounced: string;
  readonly inCfr: true;
  readonly status: string;
}

export interface AiDiffusionData {
  readonly file: AiDiffusionFile;
  readonly flag: DiffusionFlag;
  /** Tier 1 destinations (Supp. 5 ¶(a)), the US as home country. */
  readonly tier1: readonly string[];
  readonly tier1Citation: string;
  value(figure: Figure): Rational;
}

let loaded: AiDiffusionData | undefined;

export function aiDiffusionData(): AiDiffusionData {
  if (loaded) return loaded;
  const file = loadDataFile(AI_DIFFUSION_FILE, FileSchema);
  const licensing = licensingData().file;
  const { effective, compliance, nonEnforcementFrom, banner } = licensing.aiDiffusion;
  loaded = {
    file,
    flag: {
      ruleSet: file.ruleSet,
      enforced: false,
      effective,
      compliance,
      nonEnforcementAnnounced: nonEnforcementFrom,
      inCfr: true,
      status: banner,
    },
    tier1: licensing.tier1.members,
    tier1Citation: `${licensing.tier1.citation}${licensing.tier1.verified ? "" : " [unverified]"}`,
    value: (figure) => parseDecimal(figure.value),
  };
  return loaded;
}

/** The citation of a figure with its source, confidence and, when secondary-only, `unverified`. */
export function figureCitation(figure: Figure): string {
  return `${figure.citation}; ${figure.source} [confidence ${figure.confidence}${figure.verified ? "" : ", unverified"}]`;
}

export type Tier = "tier-1" | "tier-2" | "tier-3" | "unknown";

export const TIER3_CITATION =
  "15 CFR 740 Supp. 5 (FR 2025-00636): arms-embargoed destinations (Country Group D:5) and Macau; CSIS [P]";

/**
 * Supp. 5 to part 740: ¶(a) lists Tier 1; D:5 and Macau are Tier 3 (D:5 as of
 * `date`, from data/country-groups.json); every other destination is Tier 2.
 * `unknown` when D:5 membership is not known on that date.
 */
export function tierOf(country: string, date: string, data: AiDiffusionData = aiDiffusionData()): Tier {
  if (data.tier1.includes(country)) return "tier-1";
  const tier3 = inMacauOrD5(country, date);
  return tier3 === "member" ? "tier-3" : tier3 === "not-member" ? "tier-2" : "unknown";
}
