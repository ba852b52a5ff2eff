/**
 * # Step 3: the headquarters rule (row H1; C2 for 3A090.c)
 *
 * > … destined to any destination other than those specified in Country
 * > Groups D:1, D:4, or D:5 (excluding any destination also specified in
 * > Country Groups A:5 or A:6) for an entity that is headquartered in, or
 * > whose ultimate parent company is headquartered in, either Macau or a
 * > destination specified in Country Group D:5 (15 CFR 744.23(a)(3), 2023 text)
 *
 * BIS's guidance of 31 May 2026 says the requirement "continues to apply under
 * § 742.6(a)(6)(iii)(A) … to all destinations outside the United States". So
 * H1 is tested for every destination outside the US, before the destination
 * rows; it keeps the presumption of denial (FR 2026-00789 left it there).
 */
import { anyMember, inMacauOrD5, type Membership } from "../presume/country-groups.js";
import type { Evaluation } from "./context.js";
import type { ExceptionId } from "./data.js";

/** An ultimate parent stated as `null` (none) is not in Macau or D:5; one not given is unknown. */
function parentInMacauOrD5(parentHeadquarters: string | null | undefined, date: string): Membership {
  if (parentHeadquarters === null) return "not-member";
  if (parentHeadquarters === undefined) return "unknown";
  return inMacauOrD5(parentHeadquarters, date);
}

/** "headquartered in, or whose ultimate parent company is headquartered in, either Macau or … D:5". */
export function isHeadquarteredInD5OrMacau(evaluation: Evaluation): Membership {
  const user = evaluation.shipment.endUser;
  const hq = user?.headquarters === undefined ? "unknown" : inMacauOrD5(user.headquarters, evaluation.date);
  const parent = parentInMacauOrD5(user?.ultimateParentHeadquarters, evaluation.date);
  return anyMember([hq, parent]);
}

/** Datacenter items meeting 3A090.a are outside NAC/ACA (§ 740.8). */
export function isDatacenterAItem(evaluation: Evaluation): boolean | undefined {
  return evaluation.item.tier === "a" ? evaluation.item.datacenter : false;
}

/** The exceptions whose scope covers an H1 or D6 requirement: NAC, unless a datacenter .a item (or not known). */
export function nacCover(evaluation: Evaluation): ExceptionId[] {
  return isDatacenterAItem(evaluation) === false ? ["NAC"] : [];
}

export function applyHeadquartersRule(evaluation: Evaluation): Membership {
  const { item, destination, shipment } = evaluation;
  const hq = isHeadquarteredInD5OrMacau(evaluation);
  if (item.kind !== "advanced") {
    evaluation.notApplied("H1", `${item.eccn} is not a 3A090/4A090/.z item`);
    return hq;
  }
  if (destination === "US") {
    evaluation.notApplied("H1", "the destination is the United States (H1 covers destinations outside the US)");
    return hq;
  }
  const parent = shipment.endUser?.ultimateParentHeadquarters;
  const who =
    `end user headquarters ${shipment.endUser?.headquarters ?? "not given"}, ` +
    `ultimate parent ${parent === null ? "none" : (parent ?? "not given")}`;
  if (item.tier === "c") {
    if (hq === "member" && evaluation.destinationInMacauOrD5() !== "member")
      evaluation.require(
        "C2",
        "required",
        [],
        `3A090.c for a D:5/Macau-headquartered party outside Macau/D:5 (${who})`,
      );
    else evaluation.notApplied("C2", hq === "member" ? "destination in Macau/D:5: C1 decides" : who);
    return hq;
  }
  if (hq === "member") {
    evaluation.require(
      "H1",
      "required",
      nacCover(evaluation),
      `${who}: headquartered (or ultimate parent) in D:5 or Macau; destination ${destination} is outside the US`,
    );
    if (evaluation.date >= evaluation.row("H2").from)
      evaluation.note(`H2: ${evaluation.row("H2").text} (${evaluation.row("H2").citation})`);
  } else if (hq === "unknown") {
    evaluation.require(
      "H1",
      "unknown",
      nacCover(evaluation),
      `${who}: whether the end user or its ultimate parent is headquartered in D:5 or Macau is not known`,
    );
    if (shipment.endUser?.headquarters === undefined)
      evaluation.need("endUser.headquarters: where the end user is headquartered (H1)");
    if (shipment.endUser?.ultimateParentHeadquarters === undefined)
      evaluation.need(
        "endUser.ultimateParentHeadquarters: where its ultimate parent is headquartered, or null for none (H1)",
      );
  } else evaluation.notApplied("H1", `${who}: neither in D:5 nor Macau`);
  return hq;
}
