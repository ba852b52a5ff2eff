/**
 * # An item with several kinds of IC (`contains`), and HBM as shipped
 *
 * > 4A090.a. Computers, 'electronic assemblies,' and 'components' containing
 * > integrated circuits, any of which meets or exceeds the limits in 3A090.a.
 *
 * "Any of which": each IC the item lists is classified on its own, with the
 * item's datacenter marketing (the non-datacenter note follows how the item is
 * designed or marketed), and the item takes the paragraph of its most
 * controlled IC (./item.ts). The IC fields of the result (tpp, clause, eccn …)
 * are those of that IC; each IC's own result is in `contained`.
 */
import type { RuleSet } from "../rules/rules.js";
import { itemRulesAt } from "../rules/items.js";
import type { IcDatasheet } from "./datasheet.js";
import { decideItem, type IcStanding, type ItemAnswer } from "./item.js";
import type { Classification, TraceStep } from "./result.js";

/** How controlled an IC's own paragraph is, for choosing whose figures the item's result shows. */
const CONTROL = ["none", "3A090.c", "indeterminate", "3A090.b", "3A090.a"];

/** Field paths of a contained IC, named from the item: "dies[0].nonPlanar" → "contains[1].dies[0].nonPlanar". */
function prefixed(index: number, missing: string): string {
  return missing.startsWith("datacenter") ? missing : `contains[${index}].${missing}`;
}

/**
 * Classifies an assembly or computer that lists its ICs in `contains`.
 * `classifyOne` classifies one IC datasheet (the classifier's single-IC path).
 */
export function classifyAssembly(
  item: IcDatasheet,
  rules: RuleSet,
  withTrace: boolean,
  classifyOne: (ic: IcDatasheet) => { classification: Classification; standing: IcStanding },
): Classification {
  const contents = item.contains!;
  const warnings: string[] = [];
  const results = contents.map((ic, index) => {
    if (ic.datacenter !== undefined && ic.datacenter !== null && ic.datacenter !== item.datacenter) {
      warnings.push(
        `contains[${index}].datacenter is ${ic.datacenter}, but the non-datacenter note follows how the item ` +
          "is designed" +
          ` or marketed: classified with the item's datacenter (${item.datacenter ?? "not given"})`,
      );
    }
    return classifyOne({ ...ic, kind: "ic", form: "ic", datacenter: item.datacenter ?? null });
  });
  const standings = results.map(({ classification, standing }, index) => ({
    ...standing,
    label: `contains[${index}] (${classification.part})`,
    missing: standing.missing.map((m) => prefixed(index, m)),
  }));
  const answer = decideItem(standings, item.form ?? "assembly", item.baseEccn, item.datacenter, rules);

  const classifications = results.map((r) => r.classification);
  const shown = classifications.reduce((best, c) => (CONTROL.indexOf(c.eccn) > CONTROL.indexOf(best.eccn) ? c : best));
  const label = (index: number) => `contains[${index}] (${classifications[index]!.part})`;
  const trace: TraceStep[] = withTrace
    ? [
        ...classifications.flatMap((c, index) =>
          c.trace.filter((s) => !c.itemBasis.includes(s)).map((s) => ({ ...s, step: `${label(index)}: ${s.step}` })),
        ),
        ...answer.itemBasis,
      ]
    : [];
  const shownIndex = classifications.indexOf(shown);
  const shownMissing = shown.eccn === "indeterminate" ? shown.missing.map((m) => prefixed(shownIndex, m)) : [];
  return {
    part: item.part,
    rulesDate: rules.date,
    tpp: shown.tpp,
    performanceDensity: shown.performanceDensity,
    performanceDensityExact: shown.performanceDensityExact,
    clause: shown.clause,
    eccn: shown.eccn,
    matched: shown.matched,
    missing: [...new Set([...shownMissing, ...answer.missing])],
    warnings: [
      ...warnings,
      ...classifications.flatMap((c, index) => c.warnings.map((w) => `${label(index)}: ${w}`)),
      ...answer.warnings,
    ],
    notes: [
      ...classifications.flatMap((c, index) =>
        c.notes.filter((n) => !n.startsWith("baseEccn not given")).map((n) => `${label(index)}: ${n}`),
      ),
      ...answer.notes,
    ],
    trace,
    itemEccn: answer.itemEccn,
    itemBasis: answer.itemBasis,
    kind: "ic",
    applicableDieAreaMm2: shown.applicableDieAreaMm2,
    contained: classifications,
    rules: shown.rules,
  };
}

/** HBM as shipped: its own paragraph; 3A090.c parameters never make an item 4A090 or a .z paragraph. */
export function hbmItem(eccn: string, rules: RuleSet): ItemAnswer {
  const items = itemRulesAt(rules.date);
  return {
    itemEccn: eccn,
    itemBasis: [
      {
        step: "item ECCN",
        result: "value",
        statement:
          `${eccn}: the HBM as shipped; the 3A090.c parameters are not used to decide 4A090 or a .z paragraph` +
          " for an item that contains it",
        citation: items.paragraph("zCarryOver").cites,
      },
    ],
    missing: [],
    warnings: [],
    notes:
      eccn === "none"
        ? [
            "item ECCN none: none of the entries this tool evaluates applies; other entries (e.g. 3A991, " +
              "EAR99) were not checked",
          ]
        : [],
  };
}
