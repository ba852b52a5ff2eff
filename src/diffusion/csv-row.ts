/**
 * Shipments for the allocation ledger as a CSV: one shipment per row, with
 * the JSON shipment's fields as columns (`date`, `destination`, `consignee`,
 * `headquarters`, `quantity`, `tpp`), turned into the JSON shape and validated
 * by the same schema (./shipment.ts). The header is read once, strictly, as a
 * catalogue's is (src/catalogue/columns.ts): case, spaces, hyphens and
 * underscores are aliases (`Destination`, `TPP`, `Quantity `), and a few
 * common names are too (`qty`, `hq`, `item_tpp`); any other column is refused,
 * naming the nearest field, since a lost `quantity` or `tpp` would change the
 * ledger without a word. A datasheet does not fit in a cell: give `tpp`, or
 * use JSON Lines.
 */
import { InvalidInputError, type InputIssue } from "../classify/datasheet.js";
import { nearestName, normaliseName } from "../input/nearest-name.js";

/** The columns, in the JSON shipment's field names. */
export const ALLOCATION_CSV_FIELDS = ["date", "destination", "consignee", "headquarters", "quantity", "tpp"] as const;
export type AllocationCsvField = (typeof ALLOCATION_CSV_FIELDS)[number];
const REQUIRED: readonly AllocationCsvField[] = ["date", "destination", "consignee", "quantity", "tpp"];

/** Other names a spreadsheet gives the same columns (compared normalised). */
const ALIASES: Readonly<Record<string, AllocationCsvField>> = {
  shipdate: "date",
  shipmentdate: "date",
  destinationcountry: "destination",
  ultimateconsignee: "consignee",
  hq: "headquarters",
  consigneehq: "headquarters",
  consigneeheadquarters: "headquarters",
  qty: "quantity",
  itemtpp: "tpp",
  tppperitem: "tpp",
};

/** Which field each column holds, by column index. */
export type AllocationCsvHeader = ReadonlyMap<number, AllocationCsvField>;

function fieldOf(name: string): AllocationCsvField | undefined {
  const compact = normaliseName(name);
  return ALLOCATION_CSV_FIELDS.find((field) => normaliseName(field) === compact) ?? ALIASES[compact];
}

/** Reads the header; @throws InvalidInputError naming every unknown, repeated or missing column. */
export function allocationCsvHeader(header: readonly string[]): AllocationCsvHeader {
  const issues: InputIssue[] = [];
  const columns = new Map<number, AllocationCsvField>();
  const seen = new Map<AllocationCsvField, string>();
  header.forEach((name, index) => {
    const field = fieldOf(name);
    if (field === undefined) {
      const nearest = normaliseName(name) === "datasheet" ? undefined : nearestName(name, ALLOCATION_CSV_FIELDS);
      issues.push({
        path: name,
        message:
          normaliseName(name) === "datasheet"
            ? "a CSV row takes tpp (the TPP of one item); give a datasheet in JSON Lines instead"
            : nearest !== undefined
              ? `unknown column; did you mean "${nearest}"?`
              : `unknown column; the columns are ${ALLOCATION_CSV_FIELDS.join(", ")}`,
      });
      return;
    }
    const earlier = seen.get(field);
    if (earlier !== undefined) {
      issues.push({ path: name, message: `holds ${field}, as the column "${earlier}" does; keep one` });
      return;
    }
    seen.set(field, name);
    columns.set(index, field);
  });
  for (const field of REQUIRED)
    if (!seen.has(field)) issues.push({ path: field, message: "column missing; every shipment needs it" });
  if (issues.length > 0) throw new InvalidInputError(issues);
  return columns;
}

/** One row as the JSON shipment `parseAllocationShipment` takes; an empty cell is an absent field. */
export function allocationShipmentFromCsvRow(
  columns: AllocationCsvHeader,
  fields: readonly string[],
): Record<string, string> {
  const shipment: Record<string, string> = {};
  for (const [index, field] of columns) {
    const cell = (fields[index] ?? "").trim();
    if (cell !== "") shipment[field] = cell;
  }
  return shipment;
}
