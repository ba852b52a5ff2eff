/**
 * A CSV of shipments: one shipment per row, turned into the same JSON shape
 * the JSON input takes (and so validated by the same schema), and the answer
 * columns appended to each row.
 */
import { InvalidInputError } from "../classify/datasheet.js";
import { readYesNo } from "../catalogue/row.js";
import type { LicenseResult } from "./result.js";

/** The columns a shipments CSV may have (others pass through). */
export const SHIPMENT_COLUMNS = [
  "shipment",
  "date",
  "part",
  "eccn",
  "datacenter",
  "tpp",
  "dram_bandwidth_gbps",
  "memory_bandwidth_density",
  "commercially_available_in_us",
  "destination",
  "transaction",
  "export_from",
  "end_user",
  "end_user_hq",
  "end_user_parent_hq",
  "entity_list",
  "affiliate_of_listed_party",
  "supercomputer",
  "advanced_node_fab",
  "ai_training",
  "prc_3a090_ic",
  "technical_evaluation_only",
] as const;

export const ANSWER_COLUMNS = [
  "license_required",
  "exceptions",
  "review_policy",
  "rows",
  "conditions",
  "missing",
  "warnings",
  "error",
] as const;

const SEPARATOR = "; ";

/** One CSV row (by header name) as a shipment object for `parseShipment`; an empty cell is an absent field. */
export function shipmentFromCsvRow(row: Record<string, string>): Record<string, unknown> {
  const issues: { path: string; message: string }[] = [];
  const text = (column: string) => (row[column] === undefined || row[column] === "" ? undefined : row[column]);
  const yesNo = (column: string) => {
    const cell = row[column] ?? "";
    const answer = readYesNo(cell);
    if (answer === undefined)
      issues.push({ path: column, message: `must be yes or no (or empty), got ${JSON.stringify(cell)}` });
    return answer ?? undefined;
  };
  const parent = text("end_user_parent_hq");
  const shipment = {
    shipment: text("shipment"),
    date: text("date"),
    item: {
      eccn: text("eccn"),
      part: text("part"),
      datacenter: yesNo("datacenter"),
      tpp: text("tpp"),
      dramBandwidthGBps: text("dram_bandwidth_gbps"),
      memoryBandwidthDensity: text("memory_bandwidth_density"),
      commerciallyAvailableInUs: yesNo("commercially_available_in_us"),
    },
    destination: text("destination"),
    transaction: text("transaction"),
    exportFrom: text("export_from"),
    endUser: {
      name: text("end_user"),
      headquarters: text("end_user_hq"),
      ultimateParentHeadquarters: parent === "none" ? null : parent,
      entityList: yesNo("entity_list"),
      affiliateOfListedParty: yesNo("affiliate_of_listed_party"),
    },
    endUse: {
      supercomputer: yesNo("supercomputer"),
      advancedNodeFab: yesNo("advanced_node_fab"),
      aiTraining: text("ai_training"),
      prc3A090Ic: yesNo("prc_3a090_ic"),
      technicalEvaluationOnly: yesNo("technical_evaluation_only"),
    },
  };
  if (issues.length > 0) throw new InvalidInputError(issues);
  return JSON.parse(JSON.stringify(shipment)) as Record<string, unknown>;
}

/** The answer columns of a result, in ANSWER_COLUMNS order. */
export function answerCells(result: LicenseResult): string[] {
  return [
    result.licenseRequired,
    result.exceptions.join(SEPARATOR),
    result.reviewPolicy ?? "",
    result.rows.map((row) => row.id).join(SEPARATOR),
    result.conditions.join(SEPARATOR),
    result.missing.join(SEPARATOR),
    result.warnings.join(SEPARATOR),
    "",
  ];
}
