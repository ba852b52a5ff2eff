/**
 * # Step 1: classification (the item's ECCN paragraph)
 *
 * > 3A090.a … 3A090.b … 3A090.c …; 4A090.a "Computers, 'electronic
 * > assemblies,' and 'components' containing integrated circuits, any of which
 * > meets or exceeds the limits in 3A090.a"; the .z paragraphs "that also meet
 * > or exceed the performance parameters in 3A090.a or 4A090.a" (.a tier) or
 * > "3A090.b or 4A090.b" (.b tier). (15 CFR 774 Supp. 1)
 *
 * The item is either a stated paragraph or a datasheet classified by the
 * exact classifier. The .z tier follows the paragraph's own .a/.b suffix, or
 * z.1/z.2 for the bases whose z.1 is the .a tier (5A992, 4A004, 4A005, 5D992).
 */
import { classifyDatasheet } from "../classify/classify.js";
import { parseDatasheet, InvalidInputError } from "../classify/datasheet.js";
import type { Classification } from "../classify/result.js";
import { parseDecimal, Rational } from "../numbers/rational.js";
import { rulesAt } from "../rules/rules.js";
import type { Evaluation, ItemFacts, Tier } from "./context.js";
import type { Shipment } from "./shipment.js";

/** Bases whose z.1 is the .a tier and z.2 the .b tier (regulation.md §7). */
const Z1_IS_A_TIER = ["5A992", "4A004", "4A005", "5D992"];

/** The paragraph of the item as shipped (e.g. "4A090.a" or "5A992.z.1"): the licence rows key on it. */
export function itemParagraphOf(classification: Classification): string {
  return classification.itemEccn;
}

/** The tier of an advanced-computing paragraph; null when a .z paragraph does not say which. */
export function tierOf(eccn: string): Tier | null | "other" | "indeterminate" {
  if (eccn === "indeterminate") return "indeterminate";
  if (/^(3A090|4A090)\.[abc]$/.test(eccn)) return eccn.slice(-1) as Tier;
  const z = /^([0-9][A-E][0-9]{3})\.z(?:\.(\d+))?(?:\.([ab]))?$/.exec(eccn);
  if (!z) return "other";
  const [, base, number, suffix] = z;
  if (suffix) return suffix as Tier;
  if (Z1_IS_A_TIER.includes(base!) && (number === "1" || number === "2")) return number === "1" ? "a" : "b";
  return null;
}

/** Step 1: the item's paragraph and the facts the rows need, classifying a datasheet first. */
export function classifyItem(shipment: Shipment, date: string): { facts: ItemFacts; classification?: Classification } {
  const item = shipment.item;
  let eccn = item.eccn;
  let classification: Classification | undefined;
  let datacenter = item.datacenter;
  let tpp = item.tpp;
  if (item.datasheet !== undefined) {
    let datasheet;
    try {
      datasheet = parseDatasheet(item.datasheet);
    } catch (error) {
      if (error instanceof InvalidInputError) {
        throw new InvalidInputError(
          error.issues.map((issue) => ({
            ...issue,
            path: issue.path ? `item.datasheet.${issue.path}` : "item.datasheet",
          })),
        );
      }
      throw error;
    }
    classification = classifyDatasheet(datasheet, rulesAt(date));
    eccn = itemParagraphOf(classification);
    if (datasheet.kind === "ic") datacenter ??= datasheet.datacenter ?? undefined;
    if (tpp === undefined && classification.tpp !== null) tpp = parseTpp(classification.tpp);
  }
  const tier = tierOf(eccn!);
  return {
    classification,
    facts: {
      eccn: eccn!,
      kind: tier === "other" || tier === "indeterminate" ? tier : "advanced",
      tier: tier === "other" || tier === "indeterminate" ? null : tier,
      datacenter,
      tpp,
      dramBandwidthGBps: item.dramBandwidthGBps,
      memoryBandwidthDensity:
        item.memoryBandwidthDensity ??
        (classification?.memoryBandwidthDensityExact
          ? parseFraction(classification.memoryBandwidthDensityExact)
          : undefined),
    },
  };
}

function parseTpp(text: string): Rational {
  return parseDecimal(text);
}

/** An exact value written as a decimal or as a fraction "n/d" (the classifier's exact strings). */
export function parseFraction(text: string): Rational {
  const [num, den] = text.split("/");
  return den === undefined ? parseDecimal(num!) : Rational.of(BigInt(num!), BigInt(den));
}

/** Writes step 1 into the trace. */
export function traceClassification(evaluation: Evaluation, classification: Classification | undefined): void {
  const { item } = evaluation;
  if (classification) {
    evaluation.step(
      "classification",
      "value",
      `datasheet ${classification.part} classified: ${classification.clause} (item paragraph ${item.eccn})`,
      "15 CFR 774 Supp. 1, ECCN 3A090 (ic3a090 classify)",
    );
    for (const field of classification.missing) evaluation.need(`item.datasheet: ${field}`);
    for (const warning of classification.warnings) evaluation.warn(`item.datasheet: ${warning}`);
  } else {
    evaluation.step("classification", "value", `item paragraph as stated: ${item.eccn}`, "15 CFR 774 Supp. 1");
  }
  if (item.kind === "advanced" && item.tier === null) {
    evaluation.need("item.eccn: the .a or .b tier of the .z paragraph (e.g. 5A002.z.1.a)");
  }
  if (item.kind === "indeterminate")
    evaluation.need("item: the item's ECCN paragraph (the classification is indeterminate)");
  if (item.kind === "advanced" && item.tier !== "c") {
    const rowZ1 = evaluation.row("Z1");
    if (!/^(3A090|4A090)/.test(item.eccn))
      evaluation.step(
        "Z1",
        "applies",
        `${item.eccn} follows the matching .${item.tier ?? "?"} row`,
        `${rowZ1.citation} [confidence ${rowZ1.confidence}]`,
      );
  }
}
