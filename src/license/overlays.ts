/**
 * # Step 2: end-use and end-user overlays (rows E1–E5, AF, GP10)
 *
 * > (a)(1) … if at the time of export … you have "knowledge" that the item is
 * > destined for … a 'supercomputer' … located in or destined to Macau or a
 * > destination specified in Country Group D:5 … (a)(2) … for the
 * > 'development' or 'production' of integrated circuits at a semiconductor
 * > fabrication "facility" located in Macau or … D:5 … (15 CFR 744.23(a))
 *
 * These can require a licence where the destination rows say none. The May
 * 2025 Policy Statement (AI training, E3) and GP10 guidance (PRC 3A090 ICs,
 * E4) are read from secondary reports (confidence medium). An end-use fact
 * not given is read as no knowledge of that end use, with a warning.
 */
import { inMacauOrD5 } from "../presume/country-groups.js";
import type { Evaluation } from "./context.js";
import type { Gp10Check } from "./result.js";

/** Knowledge of a supercomputer end use in or for Macau/D:5 (744.23(a)(1)). */
function knowsSupercomputerEndUse(evaluation: Evaluation): boolean | undefined {
  return evaluation.shipment.endUse?.supercomputer;
}

/** Knowledge of an advanced-node fab end use in Macau/D:5 (744.23(a)(2)). */
function knowsAdvancedNodeFabEndUse(evaluation: Evaluation): boolean | undefined {
  return evaluation.shipment.endUse?.advancedNodeFab;
}

/** The May 2025 Policy Statement reaches .a-tier items (3A090.a, 4A090.a, .z.a). */
function isAiTrainingItem(evaluation: Evaluation): boolean {
  return evaluation.item.kind === "advanced" && evaluation.item.tier === "a";
}

export function applyOverlays(evaluation: Evaluation): Gp10Check | null {
  const { shipment, item } = evaluation;
  const endUse = shipment.endUse ?? {};

  // E1: supercomputer.
  const supercomputer = knowsSupercomputerEndUse(evaluation);
  if (supercomputer === undefined)
    evaluation.warn(
      "endUse.supercomputer not given: read as no knowledge of a supercomputer end use in or for Macau or D:5 (E1)",
    );
  if (supercomputer === true) {
    if (item.kind === "other" && (item.eccn === "EAR99" || item.eccn === "none")) {
      evaluation.require(
        "E1",
        "unknown",
        [],
        `knowledge of a supercomputer end use; whether ${item.eccn} is among the items E1 covers depends on its ECCN`,
      );
      evaluation.need(
        "item.eccn: the item's ECCN outside 3A090 (E1 covers ICs in 3A001, 3A991, 4A994, 5A002, 5A004, 5A992 " +
          "and computers)",
      );
    } else {
      evaluation.require("E1", "required", [], "knowledge of a supercomputer end use in or for Macau or D:5");
    }
  } else
    evaluation.notApplied(
      "E1",
      supercomputer === false ? "no knowledge of a supercomputer end use" : "supercomputer end use not stated",
    );

  // E2: advanced-node fab.
  const fab = knowsAdvancedNodeFabEndUse(evaluation);
  if (fab === undefined)
    evaluation.warn(
      "endUse.advancedNodeFab not given: read as no knowledge of an advanced-node IC fab end use in Macau or D:5 (E2)",
    );
  if (fab === true)
    evaluation.require(
      "E2",
      "required",
      [],
      "knowledge of development or production at an advanced-node IC facility in Macau or D:5 (any item " +
        "subject to the EAR)",
    );
  else
    evaluation.notApplied(
      "E2",
      fab === false ? "no knowledge of an advanced-node fab end use" : "advanced-node fab end use not stated",
    );

  // E3: AI training (May 2025 Policy Statement).
  const training = endUse.aiTraining;
  const e3From = evaluation.row("E3").from;
  if (training === undefined)
    evaluation.warn(
      "endUse.aiTraining not given: read as no knowledge of AI training for D:5/Macau-headquartered parties or " +
        "WMD/military-intelligence end uses (E3)",
    );
  if (evaluation.date < e3From)
    evaluation.step("E3", "not in force", `the Policy Statement dates from ${e3From}`, evaluation.row("E3").citation);
  else if (training === "unknown" && isAiTrainingItem(evaluation)) {
    evaluation.require(
      "E3",
      "unknown",
      [],
      "whether the items will train AI models for D:5/Macau-headquartered parties or WMD/military-intelligence " +
        "end uses is not known",
    );
    evaluation.need(
      "endUse.aiTraining: whether the items will train AI models for D:5/Macau-headquartered parties or " +
        "WMD/military-intelligence end uses",
    );
  } else if (training !== undefined && training !== "none" && training !== "unknown" && isAiTrainingItem(evaluation)) {
    evaluation.require(
      "E3",
      "required",
      [],
      `knowledge of AI training: ${training}, for an .a-tier item (${item.eccn})`,
    );
  } else
    evaluation.notApplied(
      "E3",
      isAiTrainingItem(evaluation)
        ? `AI training: ${training ?? "not stated"}`
        : `${item.eccn} is not an .a-tier item the Policy Statement names`,
    );

  // E4: GP10, PRC 3A090 ICs.
  const gp10 = gp10Check(evaluation);
  if (gp10?.applies === true) {
    if (gp10.technicalEvaluationOnly) {
      evaluation.step(
        "E4",
        "does not apply",
        `PRC 3A090 IC (${gp10.basis}), acquired solely for technical analysis or evaluation: not enforced`,
        evaluation.row("E4").citation,
      );
      evaluation.note(`GP10: ${evaluation.data.file.gp10.carveOut}`);
    } else {
      evaluation.require("E4", "required", [], `PRC 3A090 IC: ${gp10.basis}`);
      evaluation.warn(
        "GP10: the item is a PRC 3A090 IC: do not deal without BIS authorization (guidance of 2025-05-13, as reported)",
      );
    }
  } else evaluation.notApplied("E4", gp10 === null ? "no fact makes the item a PRC 3A090 IC" : gp10.basis);

  // E5 and AF: Entity List screening (user-supplied) and the affiliates rule.
  const listed = shipment.endUser?.entityList;
  if (listed === undefined)
    evaluation.warn(
      "endUser.entityList not given: screen the end user against the Entity List and give the result (E5)",
    );
  if (listed === true)
    evaluation.require("E5", "required", [], "the end user is on the Entity List (screening result given)");
  else
    evaluation.notApplied(
      "E5",
      listed === false
        ? "the end user is not on the Entity List (screening result given)"
        : "screening result not given",
    );
  applyAffiliatesRule(evaluation);
  return gp10;
}

/**
 * GP10 guidance: "an IC that meets the parameters of ECCN 3A090 and was
 * developed or produced by an entity located in, or whose ultimate parent is
 * headquartered in, Country Group D:5 or Macau" (as reported).
 */
function gp10Check(evaluation: Evaluation): Gp10Check | null {
  const { shipment, item, data, date } = evaluation;
  const gp10 = data.file.gp10;
  if (date < gp10.from) return null;
  const base = {
    technicalEvaluationOnly: shipment.endUse?.technicalEvaluationOnly === true,
    text: gp10.text,
    citation: gp10.citation,
    confidence: gp10.confidence,
  };
  if (shipment.endUse?.prc3A090Ic === true) return { applies: true, basis: "endUse.prc3A090Ic is true", ...base };
  const part = shipment.item.part ?? "";
  const named = gp10.namedIcs.find((name) => part.toLowerCase().includes(name.toLowerCase()));
  if (named) return { applies: true, basis: `${named} is named in the GP10 guidance`, ...base };
  const meets3A090 = item.kind === "advanced";
  const parties = [
    ["designer", shipment.item.designer],
    ["producer", shipment.item.producer],
  ] as const;
  for (const [role, party] of parties) {
    if (!party) continue;
    const codes = [
      ...(party.locations ?? []),
      party.headquarters,
      party.ultimateParentHeadquarters ?? undefined,
    ].filter((c): c is string => c !== undefined);
    const hit = codes.find((code) => inMacauOrD5(code, date) === "member");
    if (hit && meets3A090)
      return {
        applies: true,
        basis:
          `the ${role} is located in, or headquartered (or its ultimate parent) in, ${hit} (Macau or D:5) and ` +
          "the IC meets 3A090",
        ...base,
      };
    if (hit)
      return {
        applies: false,
        basis: `the ${role} is tied to ${hit} but the item (${item.eccn}) does not meet 3A090`,
        ...base,
      };
  }
  if (shipment.endUse?.prc3A090Ic === false) return { applies: false, basis: "endUse.prc3A090Ic is false", ...base };
  return null;
}

/** the affiliates (50 %) rule is a configurable overlay; its reimposition after 2026-11-09 is unverified. */
function applyAffiliatesRule(evaluation: Evaluation): void {
  const affiliate = evaluation.shipment.endUser?.affiliateOfListedParty;
  const rule = evaluation.data.file.affiliates;
  if (affiliate !== true) {
    evaluation.notApplied(
      "AF",
      affiliate === false ? "the end user is not a ≥ 50 % affiliate of listed parties" : "affiliate status not given",
    );
    return;
  }
  if (evaluation.date < rule.effective)
    evaluation.step("AF", "not in force", `the affiliates rule takes effect ${rule.effective}`, rule.citation);
  else if (evaluation.date >= rule.suspendedFrom && evaluation.date <= rule.suspendedThrough) {
    evaluation.step(
      "AF",
      "does not apply",
      `suspended ${rule.suspendedFrom} through ${rule.suspendedThrough}`,
      rule.citation,
    );
  } else {
    evaluation.require(
      "AF",
      "required",
      [],
      "the end user is a ≥ 50 % affiliate of Entity List parties; " +
        (evaluation.date > rule.suspendedThrough
          ? "reimposition after the suspension is read as automatic"
          : "the rule is in force"),
    );
    if (evaluation.date > rule.suspendedThrough)
      evaluation.warn(
        `AF (docs/ambiguities.md#a-24): ${rule.reimpositionRemark} This answer reads the rule as reimposed on ` +
          `the day after ${rule.suspendedThrough}.`,
      );
  }
}
