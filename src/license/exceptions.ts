/**
 * # Step 5: licence exceptions (NAC, ACA, HBM; as written also AIA, ACM, LPP)
 *
 * > … any item classified in ECCN 3A090, 4A090, 3A001.z, 4A003.z, 4A004.z,
 * > 4A005.z, 5A002.z, 5A004.z, 5A992.z, 5D002.z, or 5D992.z, except for items
 * > designed or marketed for use in a datacenter and meeting the parameters of
 * > 3A090.a … (15 CFR 740.8, eligibility; April 2024 text)
 *
 * An exception is offered only when it covers every licence requirement that
 * applies (an Entity List or end-use requirement is lifted by none of them),
 * and only with its conditions listed in `conditions`.
 */
import type { Membership } from "../presume/country-groups.js";
import { meetsLimit } from "./limits.js";
import type { Evaluation } from "./context.js";
import type { ExceptionId } from "./data.js";
import { isDatacenterAItem } from "./headquarters.js";

interface Eligibility {
  readonly eligible: boolean;
  readonly why: string;
}

/** Whether each exception's own scope fits this shipment (the requirement's row decides whether it is relevant). */
function eligibility(evaluation: Evaluation, id: ExceptionId, hq: Membership): Eligibility {
  const { item, data, date, destination } = evaluation;
  const exception = data.exception(id);
  if (date < exception.from) return { eligible: false, why: `${id} is not in force before ${exception.from}` };
  if (!exception.modes.includes(evaluation.asWritten ? "as-written" : "enforced"))
    return { eligible: false, why: `${id} belongs to the AI Diffusion rule, which is not enforced (mode enforced)` };
  const macauOrD5 = evaluation.destinationInMacauOrD5() === "member";
  const datacenterA = isDatacenterAItem(evaluation);
  switch (id) {
    case "NAC":
      if (item.tier === "c") return { eligible: false, why: "3A090.c is not NAC-eligible (unverified reading, A-17)" };
      if (datacenterA !== false)
        return {
          eligible: false,
          why: datacenterA
            ? "a datacenter item meeting 3A090.a is excluded from NAC"
            : "whether the item is designed or marketed for datacenters is not known",
        };
      return macauOrD5 || hq === "member"
        ? { eligible: true, why: `${destination} is Macau or D:5, or the party is D:5/Macau-headquartered` }
        : { eligible: false, why: "NAC covers Macau, D:5 and D:5/Macau-headquartered entities" };
    case "ACA":
      if (item.tier === "c") return { eligible: false, why: "3A090.c is not ACA-eligible (unverified reading, A-17)" };
      if (datacenterA !== false)
        return {
          eligible: false,
          why: datacenterA
            ? "a datacenter item meeting 3A090.a is excluded from ACA"
            : "whether the item is designed or marketed for datacenters is not known",
        };
      if (macauOrD5 || hq !== "not-member")
        return { eligible: false, why: "ACA excludes Macau, D:5 and D:5/Macau-headquartered entities" };
      return evaluation.destinationInD1D4NotA5A6() === "member"
        ? { eligible: true, why: `${destination} is in D:1 or D:4` }
        : { eligible: false, why: `${destination} is not in D:1 or D:4` };
    case "HBM": {
      const mbd = item.memoryBandwidthDensity;
      if (item.tier !== "c") return { eligible: false, why: "HBM covers 3A090.c only" };
      if (mbd === undefined) {
        evaluation.need(
          "item.memoryBandwidthDensity: the HBM's memory bandwidth density in GB/s/mm² (licence exception HBM: " +
            "less than 3.3)",
        );
        return { eligible: false, why: "memory bandwidth density not given" };
      }
      const below = meetsLimit(mbd, data.hbmLimit);
      return {
        eligible: below,
        why:
          `memory bandwidth density ${mbd.toExactString()} ${below ? "<" : "≥"} ${exception.mbd!.value} ` +
          `(${exception.mbd!.wording})`,
      };
    }
    case "AIA": {
      const tier1 = data.file.tier1.members;
      const hqCode = evaluation.shipment.endUser?.headquarters;
      if (item.tier !== "a") return { eligible: false, why: "AIA covers .a-tier items" };
      if (!tier1.includes(destination))
        return { eligible: false, why: `${destination} is not a Supp. 5 ¶(a) (Tier 1) destination` };
      if (hqCode === undefined)
        return { eligible: false, why: "the end user's headquarters is not given (AIA needs Tier 1 headquarters)" };
      return tier1.includes(hqCode)
        ? { eligible: true, why: `${destination} and headquarters ${hqCode} are Tier 1` }
        : { eligible: false, why: `headquarters ${hqCode} is not Tier 1` };
    }
    case "ACM":
    case "LPP":
      if (macauOrD5 || hq !== "not-member")
        return { eligible: false, why: `${id} excludes Macau, D:5 and D:5/Macau-headquartered parties` };
      if (id === "LPP" && item.tier !== "a") return { eligible: false, why: "LPP covers .a-tier items" };
      if (id === "ACM" && evaluation.shipment.endUser?.privateSector === false)
        return { eligible: false, why: "ACM is for private-sector end users" };
      return { eligible: true, why: `${destination} is outside Macau/D:5` };
  }
}

export function applyExceptions(evaluation: Evaluation, hq: Membership): readonly ExceptionId[] {
  const pending = evaluation.requirements.filter(
    (requirement) => requirement.status === "required" || requirement.status === "unknown",
  );
  if (pending.length === 0) return [];
  const candidates = [...new Set(pending.flatMap((requirement) => requirement.coveredBy))];
  const offered: ExceptionId[] = [];
  for (const id of candidates) {
    const exception = evaluation.data.exception(id);
    const unverified = exception.verified ? "" : ", unverified";
    const cite = `${exception.citation} [confidence ${exception.confidence}${unverified}]`;
    const uncovered = pending
      .filter((requirement) => !requirement.coveredBy.includes(id))
      .map((requirement) => requirement.row);
    const { eligible, why } = eligibility(evaluation, id, hq);
    if (!eligible || uncovered.length > 0) {
      evaluation.step(
        `exception ${id}`,
        "does not apply",
        eligible ? `${why}, but ${id} does not lift ${uncovered.join(", ")}` : why,
        cite,
      );
      continue;
    }
    offered.push(id);
    evaluation.step(
      `exception ${id}`,
      "applies",
      `${exception.text}: ${why}; conditions: ${exception.conditions.join("; ")}`,
      cite,
    );
    evaluation.conditions.push(...exception.conditions);
    if (!exception.verified)
      evaluation.warn(
        `exception ${id} is offered on an unverified reading ` +
          `(confidence ${exception.confidence}): ${exception.citation}`,
      );
    if (id === "AIA" || id === "LPP")
      evaluation.warn(`exception ${id} is part of the AI Diffusion rule, which BIS does not enforce`);
  }
  if (offered.includes("AIA")) evaluation.warn(`AIA: the Tier 1 list is ${evaluation.data.file.tier1.citation}`);
  return offered;
}
