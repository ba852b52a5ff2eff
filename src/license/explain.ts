/** The licence answer in words for a person (`license --explain`) and as a terminal table row. */
import type { LicenseResult } from "./result.js";

export function renderLicenseExplanation(result: LicenseResult): string {
  const lines = [
    `${result.shipment}: ${result.itemEccn} to ${result.destination} on ${result.rulesDate} (mode ${result.mode})`,
    `  licence required: ${result.licenseRequired}${exceptionsText(result)}${reviewPolicyText(result)}`,
    ...result.rows.map(
      (row) =>
        `  row ${row.id} [${row.confidence}${row.verified ? "" : ", unverified"}]: ${row.text} (${row.citation})`,
    ),
    ...result.conditions.map((condition) => `  condition: ${condition}`),
    ...(result.gp10?.applies ? [`  GP10: ${result.gp10.basis}`] : []),
    ...result.missing.map((field) => `  missing: ${field}`),
    ...result.warnings.map((warning) => `  warning: ${warning}`),
    "  trace:",
    ...result.trace.map((step) => `    ${step.step}: ${step.result}: ${step.statement} [${step.citation}]`),
    ...result.notes.map((note) => `  note: ${note}`),
  ];
  return lines.join("\n");
}

export const TABLE_HEADER = ["shipment", "item", "to", "licence", "exceptions", "review policy", "rows"] as const;

export function tableCells(result: LicenseResult): string[] {
  return [
    result.shipment,
    result.itemEccn,
    result.destination,
    result.licenseRequired,
    result.exceptions.join(",") || "-",
    result.reviewPolicy ?? "-",
    result.rows.map((row) => row.id).join(","),
  ];
}

/** An aligned text table. */
export function alignTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? "")].length)));
  const padded = rows.map((row) =>
    row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join("  "),
  );
  return `${padded.join("\n")}\n`;
}

function exceptionsText(result: LicenseResult): string {
  return result.exceptions.length ? `; exceptions: ${result.exceptions.join(", ")}` : "";
}

function reviewPolicyText(result: LicenseResult): string {
  return result.reviewPolicy ? `; review policy: ${result.reviewPolicy}` : "";
}
