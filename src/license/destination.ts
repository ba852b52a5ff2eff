/**
 * # Step 4: destination rows (D1–D8, C1, N1, AW)
 *
 * > RS applies to 3A090.b … "To or within the United Arab Emirates or
 * > destinations specified in Country Groups D:1, D:4, and D:5 …, excluding any
 * > destination also specified in Country Groups A:5 or A:6. See
 * > § 742.6(a)(6)(iii)(B)". RS applies to 3A090.a … "To or within any
 * > destination worldwide … § 742.6(a)(6)(iii)(A)". RS applies to 3A090.c "To
 * > or within Macau or a destination specified in Country Group D:5".
 * > (15 CFR 774 Supp. 1, ECCN 3A090, License Requirements)
 *
 * In mode `enforced` (from 2025-05-13) the .a items follow the .b scope, as law
 * firms read BIS's non-enforcement of the AI Diffusion rule; as written, they
 * need a licence worldwide (row AW). D8 (FR 2026-00789) moves exports from the
 * US to China or Macau of items below both limits to case-by-case review.
 */
import type { Rational } from "../numbers/rational.js";
import { meetsLimit } from "./limits.js";
import type { Evaluation } from "./context.js";
import type { ExceptionId } from "./data.js";
import { isDatacenterAItem, nacCover } from "./headquarters.js";

/** D:5/Macau scope rows (D6/D7), then D:1/D:4 (D2–D4), the UAE (D5), else D1. */
export function applyDestinationRows(evaluation: Evaluation): void {
  const { item, destination } = evaluation;
  if (item.kind === "other") {
    applyAtOnly(evaluation);
    return;
  }
  if (item.kind === "indeterminate") {
    evaluation.requirements.push({ row: "N1", status: "unknown", coveredBy: [], policy: null });
    evaluation.step("destination rows", "unknown", "the item's paragraph is not known", "15 CFR 774 Supp. 1");
    return;
  }
  if (item.tier === "c") {
    applyHbmRow(evaluation);
    return;
  }
  const asWritten = evaluation.asWritten;
  const tier = item.tier; // null: a .z paragraph whose tier is missing
  const macauOrD5 = evaluation.destinationInMacauOrD5();
  if (macauOrD5 !== "not-member") {
    const status = macauOrD5 === "member" ? "required" : "unknown";
    if (status === "unknown")
      evaluation.need(
        `destination: whether ${destination} was in D:5 on ${evaluation.date} (a dated move whose date was not ` +
          "captured)",
      );
    const datacenterA = isDatacenterAItem(evaluation);
    if (tier === "b" || datacenterA === false) {
      evaluation.require(
        "D6",
        status,
        ["NAC"],
        `${item.eccn}${tier === "a" ? " (not designed or marketed for datacenters)" : ""} to ${destination} ` +
          "(Macau or D:5)",
      );
    } else {
      evaluation.require(
        "D7",
        status,
        [],
        `${item.eccn}${datacenterA ? " (designed or marketed for datacenters)" : ""} to ${destination} (Macau or D:5)`,
      );
      if (datacenterA === undefined && tier === "a")
        evaluation.need(
          "item.datacenter: whether the item is designed or marketed for datacenters (NAC is not available for " +
            "datacenter .a items)",
        );
    }
    if (tier === null) evaluation.need("item.eccn: the .a or .b tier of the .z paragraph");
    testJanuaryRule(evaluation);
    return;
  }
  const d1d4 = evaluation.destinationInD1D4NotA5A6();
  if (d1d4 !== "not-member") {
    const status = d1d4 === "member" ? "required" : "unknown";
    // ACA for most parties; NAC where the party is D:5/Macau-headquartered (step 5 checks which fits).
    const aca: ExceptionId[] = ["ACA", "NAC"];
    if (tier === "b")
      evaluation.require("D2", status, aca, `${item.eccn} to ${destination} (D:1 or D:4, not A:5/A:6, not Macau/D:5)`);
    else if (isDatacenterAItem(evaluation) === false)
      evaluation.require(
        "D3",
        status,
        aca,
        `${item.eccn} not designed or marketed for datacenters to ${destination} (D:1 or D:4, not A:5/A:6)`,
      );
    else {
      evaluation.require(
        "D4",
        status,
        [],
        `${item.eccn} to ${destination} (D:1 or D:4, not ` +
          `A:5/A:6)${isDatacenterAItem(evaluation) === undefined ? "; datacenter design not stated" : ""}`,
      );
      if (isDatacenterAItem(evaluation) === undefined)
        evaluation.need(
          "item.datacenter: whether the item is designed or marketed for datacenters (ACA is not available for " +
            "datacenter .a items)",
        );
    }
    return;
  }
  if (destination === "AE") {
    evaluation.require("D5", "required", [], `${item.eccn} to the United Arab Emirates, named in the .b RS line`);
    evaluation.conditions.push(`D5 (docs/ambiguities.md#a-22): ${evaluation.row("D5").remark}`);
    return;
  }
  if (asWritten && item.tier !== "b") {
    // As written, the worldwide line reaches the destinations no other row covers (those rows keep their own policy).
    const status = item.tier === "a" ? "required" : "unknown";
    evaluation.require(
      "AW",
      status,
      ["AIA", "ACM", "LPP", ...nacCover(evaluation)],
      `as written, ${item.eccn} needs a licence to or within any destination worldwide ` +
        `(${destination})${status === "unknown" ? " if it is an .a-tier item" : ""}`,
    );
  } else {
    evaluation.notApplied(
      "D1",
      `${destination} is in A:5/A:6 or outside D:1/D:4/D:5, and not the UAE: no destination row requires a licence`,
    );
    // D1 is listed as the deciding row only when nothing else requires a licence.
    if (evaluation.requirements.length === 0) evaluation.applied.push(evaluation.row("D1"));
  }
}

/** N1: outside 3A090/4A090/.z: AT-only (embargoed destinations need a licence). */
function applyAtOnly(evaluation: Evaluation): void {
  const { embargoed } = evaluation.data.file;
  const row = evaluation.row("N1");
  evaluation.applied.push(row);
  if (embargoed.members.includes(evaluation.destination)) {
    evaluation.requirements.push({ row: "N1", status: "required", coveredBy: [], policy: null });
    evaluation.step(
      "N1",
      "applies",
      `${evaluation.item.eccn} to ${evaluation.destination}: ${embargoed.text}`,
      `${embargoed.citation} [confidence ${embargoed.confidence}, unverified]`,
    );
    evaluation.warn(`N1: ${embargoed.text}; review policy not evaluated`);
  } else {
    evaluation.step(
      "N1",
      "applies",
      `${evaluation.item.eccn} is not a 3A090/4A090/.z item: no advanced-computing row applies ` +
        `to ${evaluation.destination}`,
      row.citation,
    );
  }
  if (evaluation.destination === "RU" || evaluation.destination === "BY")
    evaluation.warn(
      "N1: Part 746 sanctions on Russia and Belarus can require a licence for AT-only items; they are not " +
        "evaluated here",
    );
}

/** C1: 3A090.c to or within Macau or D:5; exception HBM. */
function applyHbmRow(evaluation: Evaluation): void {
  const macauOrD5 = evaluation.destinationInMacauOrD5();
  if (macauOrD5 === "not-member") {
    evaluation.notApplied("C1", `${evaluation.destination} is neither Macau nor in D:5`);
    return;
  }
  evaluation.require(
    "C1",
    macauOrD5 === "member" ? "required" : "unknown",
    ["HBM"],
    `3A090.c to ${evaluation.destination} (Macau or D:5)`,
  );
}

/**
 * D8, FR 2026-00789: "for advanced computing commodities with a TPP less than
 * 21,000 … and a 'total DRAM bandwidth' less than 6,500 GB/s … for exports
 * from the United States destined to China or Macau". Both limits are strict:
 * 21,000 or 6,500 exactly is outside the zone.
 */
export function testJanuaryRule(evaluation: Evaluation): void {
  const { data, date, shipment, item, destination } = evaluation;
  const rule = data.file.januaryRule;
  const row = evaluation.row("D8");
  const cite = `${row.citation} [confidence ${row.confidence}]`;
  if (date < rule.effective) {
    evaluation.step("D8", "not in force", `FR 2026-00789 takes effect ${rule.effective}`, cite);
    return;
  }
  if (!rule.destinations.includes(destination)) {
    evaluation.step("D8", "does not apply", `${destination} is not China or Macau`, cite);
    evaluation.caseByCase = "fails";
    return;
  }
  const tests: { name: string; holds: boolean | undefined; statement: string; missing?: string }[] = [
    {
      name: "C1 export from the US",
      holds: exportedFrom(shipment.transaction, shipment.exportFrom, rule.exportFrom),
      statement:
        `transaction ${shipment.transaction}${shipment.exportFrom ? ` from ${shipment.exportFrom}` : ""} ` +
        "(reexports and in-country transfers stay at presumption of denial)",
      missing: "exportFrom: the country the item is exported from (D8 covers exports from the United States)",
    },
    {
      name: "C2 TPP",
      holds: item.tpp === undefined ? undefined : meetsLimit(item.tpp, data.januaryLimits.tpp),
      statement:
        item.tpp === undefined
          ? "TPP not given"
          : `TPP ${item.tpp.toExactString()} ${limitSign(item.tpp, data.januaryLimits.tpp)} ` +
            `${rule.tpp.value} (${rule.tpp.wording})`,
      missing: "item.tpp: the item's total processing performance (D8: less than 21,000)",
    },
    {
      name: "C3 total DRAM bandwidth",
      holds:
        item.dramBandwidthGBps === undefined
          ? undefined
          : meetsLimit(item.dramBandwidthGBps, data.januaryLimits.dramBandwidthGBps),
      statement:
        item.dramBandwidthGBps === undefined
          ? "total DRAM bandwidth not given"
          : `total DRAM bandwidth ${item.dramBandwidthGBps.toExactString()} GB/s ` +
            `${limitSign(item.dramBandwidthGBps, data.januaryLimits.dramBandwidthGBps)} ` +
            `${rule.dramBandwidthGBps.value} GB/s (${rule.dramBandwidthGBps.wording})`,
      missing: "item.dramBandwidthGBps: the item's total DRAM bandwidth in GB/s (D8: less than 6,500)",
    },
    {
      name: "C4 commercially available in the US",
      holds: shipment.item.commerciallyAvailableInUs,
      statement:
        "commercially available in the United States " +
        `on ${rule.commerciallyAvailableOn}: ${shipment.item.commerciallyAvailableInUs ?? "not given"}`,
      missing:
        "item.commerciallyAvailableInUs: whether the item was commercially available in the United States " +
        `on ${rule.commerciallyAvailableOn} (D8)`,
    },
  ];
  for (const test of tests) evaluation.step(`D8 ${test.name}`, holdsResult(test.holds), test.statement, cite);
  if (tests.some((test) => test.holds === false)) {
    evaluation.caseByCase = "fails";
    evaluation.step(
      "D8",
      "does not apply",
      "a condition of the case-by-case zone fails: presumption of denial stays",
      cite,
    );
    return;
  }
  if (tests.some((test) => test.holds === undefined)) {
    evaluation.caseByCase = "unknown";
    for (const test of tests) if (test.holds === undefined && test.missing) evaluation.need(test.missing);
    evaluation.step(
      "D8",
      "unknown",
      "case-by-case (D8) or presumption of denial (D7/D6): a condition is not known",
      cite,
    );
    return;
  }
  evaluation.caseByCase = "applies";
  evaluation.applied.push(row);
  evaluation.step(
    "D8",
    "applies",
    `export from the US to ${destination}, below both limits, commercially available ` +
      `on ${rule.commerciallyAvailableOn}: case-by-case if the certifications are made`,
    cite,
  );
  for (const condition of data.file.caseByCaseConditions.filter((c) => c.id !== "C4")) {
    const confidence = condition.confidence === "high" ? "" : ` [confidence ${condition.confidence}]`;
    evaluation.conditions.push(`D8 ${condition.id}: ${condition.text}${confidence}`);
  }
  if (row.paragraphRemark) evaluation.note(`D8: ${row.paragraphRemark}`);
}

/** D8's "less than" a limit, as the trace writes it: "<" below the limit, "≥" at or above it. */
function limitSign(value: Rational, limit: Rational): string {
  return meetsLimit(value, limit) ? "<" : "≥";
}

/** D8 C1: an export (not a reexport or in-country transfer) from the country D8 names; unknown when not given. */
function exportedFrom(transaction: string, exportFrom: string | undefined, required: string): boolean | undefined {
  if (transaction !== "export") return false;
  return exportFrom === undefined ? undefined : exportFrom === required;
}

/** A condition that may not be settled (undefined) as a trace step's result. */
function holdsResult(holds: boolean | undefined): "holds" | "fails" | "unknown" {
  if (holds === undefined) return "unknown";
  return holds ? "holds" : "fails";
}
