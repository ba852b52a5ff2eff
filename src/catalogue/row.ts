/**
 * # The flat CSV catalogue row (issue 5, part 1)
 *
 * One row describes one IC (or one HBM item) by its whole-chip dense rates:
 *
 * | column                  | meaning                                                             |
 * |-------------------------|---------------------------------------------------------------------|
 * | `part`                  | required                                                            |
 * | `kind`                  | `ic` (default when empty) or `hbm`                                  |
 * | `datacenter`            | `yes`/`no`/`true`/`false`; empty = not known                        |
 * | `tops_<format>`         | peak dense TOPS/TFLOPS of the whole IC in that format; empty = unsupported |
 * | `die_area_mm2`          | applicable die area (non-planar logic dies), mm²                    |
 * | `logic_die_area_mm2`    | logic die area, with `non_planar` (`yes`/`no`/empty)                |
 * | `hbm_bandwidth_gbps`    | HBM rows: memory bandwidth, GB/s                                    |
 * | `hbm_area_mm2`          | HBM rows: package or stack area, mm²                                |
 * | `form`                  | `ic` (default when empty), `assembly` or `computer`: the item shipped |
 * | `base_eccn`             | the entry describing the item apart from 3A090/4A090, e.g. `5A992.c` |
 * | `io_bandwidth_gbps`     | aggregate bidirectional I/O rate, GB/s (3A991.p.2); empty = not known |
 * | `interconnect_gbps`     | aggregate bidirectional transfer rate, GB/s (Oct 2022 text of 3A090.a); empty = not known |
 *
 * Header names are read once, up front (./columns.ts): case, spaces, hyphens,
 * `tflops_` for `tops_` and a unit in brackets are aliases; a column that looks
 * like a figure but is not one the catalogue reads is refused; other columns
 * are passed through untouched. A cell is read with its surrounding spaces
 * trimmed; figures then go through the one decimal grammar (`parseQuantity`),
 * so "1,979" or "989,4" are refused with the same reasons as in JSON.
 *
 * The row becomes the same `Datasheet` the JSON form gives: one processing
 * unit whose rates are the `tops_<format>` figures (Technical Note 2, 2: the
 * highest TPP of a multi-format unit counts), and one die.
 */
import { type Dimension, parseQuantity } from "../numbers/quantity.js";
import { DecimalSyntaxError, type Rational } from "../numbers/rational.js";
import type { RuleSet } from "../rules/rules.js";
import type { Datasheet, Die, InputIssue, Rate } from "../classify/datasheet.js";
import { InvalidInputError, isEccnParagraph, ITEM_FORMS, type ItemForm } from "../classify/datasheet.js";
import {
  type CatalogueColumn,
  lookAlikeMessage,
  readColumnName,
  RECOGNISED_COLUMNS_ISSUE,
  TOPS_PREFIX,
} from "./columns.js";

export { CATALOGUE_COLUMNS, type CatalogueColumn, TOPS_PREFIX } from "./columns.js";

/** An invalid catalogue row; issue paths are CSV column names, the message names the row. */
export class CatalogueRowError extends InvalidInputError {
  constructor(
    readonly row: number,
    issues: InputIssue[],
  ) {
    super(issues);
    this.name = "CatalogueRowError";
    this.message = `row ${row}: ${this.message}`;
  }
}

/**
 * Where each known column sits in a header: built once per file, so a row is
 * read by index without a per-row object.
 */
export interface CataloguePlan {
  /** The header as given (original spelling). */
  readonly header: readonly string[];
  readonly index: Readonly<Partial<Record<CatalogueColumn, number>>>;
  /** `tops_<format>` columns: the column name as given, its index, and the format name. */
  readonly tops: readonly { readonly column: string; readonly index: number; readonly format: string }[];
  /** The spelling of each known column as it appears in the header, for messages. */
  readonly names: Readonly<Partial<Record<CatalogueColumn, string>>>;
}

/**
 * Reads a header row, once. Throws InvalidInputError when `part` is missing, a
 * known column appears twice (under any of its aliases), or a column looks
 * like a figure but is not one the catalogue reads (./columns.ts).
 *
 * @param passThrough lower-case names always passed through (the result columns of a file classified before)
 */
export function cataloguePlan(header: readonly string[], passThrough: readonly string[] = []): CataloguePlan {
  const index: Partial<Record<CatalogueColumn, number>> = {};
  const names: Partial<Record<CatalogueColumn, string>> = {};
  const tops: { column: string; index: number; format: string }[] = [];
  const seen = new Map<string, string>();
  const issues: InputIssue[] = [];
  header.forEach((name, i) => {
    if (passThrough.includes(name.trim().toLowerCase())) return;
    const reading = readColumnName(name);
    if (reading.kind === "other") return;
    if (reading.kind === "look-alike") {
      issues.push({ path: name, message: lookAlikeMessage(reading) });
      return;
    }
    const key = reading.kind === "tops" ? `${TOPS_PREFIX}${reading.format}` : reading.column;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      issues.push({
        path: name,
        message: `appears twice in the header (also as "${earlier}"); header names are read without case, spaces or hyphens`,
      });
      return;
    }
    seen.set(key, name);
    if (reading.kind === "tops") tops.push({ column: name, index: i, format: reading.format });
    else {
      index[key as CatalogueColumn] = i;
      names[key as CatalogueColumn] = name;
    }
  });
  if (issues.some((issue) => issue.message.startsWith("looks like a figure")))
    issues.push({ ...RECOGNISED_COLUMNS_ISSUE });
  if (index.part === undefined)
    issues.push({
      path: "part",
      message: `the header has no "part" column; it has: ${header.map((h) => JSON.stringify(h)).join(", ")}`,
    });
  if (issues.length > 0) throw new InvalidInputError(issues);
  return { header, index, tops, names };
}

/** A yes/no cell: true for yes/true, false for no/false (any case), null when empty, undefined for anything else. */
export function readYesNo(text: string): boolean | null | undefined {
  const answer = text.toLowerCase();
  if (answer === "") return null;
  if (answer === "yes" || answer === "true") return true;
  if (answer === "no" || answer === "false") return false;
  return undefined;
}

/**
 * A catalogue row (fields in header order) as a validated Datasheet.
 * With `rules`, `tops_<format>` names are checked against the format table in
 * force, so the error names the column; without, an unknown format is caught
 * later by the classifier (at `units[0].rates[i].format`).
 *
 * @throws CatalogueRowError naming the row and every column that is wrong.
 */
export function rowToDatasheet(
  plan: CataloguePlan,
  fields: readonly string[],
  rowNumber: number,
  rules?: RuleSet,
): Datasheet {
  const issues: InputIssue[] = [];
  const cell = (column: CatalogueColumn): string => {
    const i = plan.index[column];
    return i === undefined ? "" : (fields[i] ?? "").trim();
  };
  const name = (column: CatalogueColumn): string => plan.names[column] ?? column;
  const figure = (column: string, text: string, dimension: Dimension, positive: boolean): Rational | undefined => {
    try {
      const value = parseQuantity(text, dimension);
      if (positive && value.isZero()) {
        issues.push({ path: column, message: `must be greater than zero, got "${text}"` });
        return undefined;
      }
      return value;
    } catch (error) {
      if (!(error instanceof DecimalSyntaxError)) throw error;
      issues.push({ path: column, message: error.reason });
      return undefined;
    }
  };
  const yesNo = (column: CatalogueColumn): boolean | undefined => {
    const answer = readYesNo(cell(column));
    if (answer !== undefined) return answer ?? undefined;
    issues.push({
      path: name(column),
      message: `must be yes, no, true or false (or empty when not known), got ${JSON.stringify(cell(column))}`,
    });
    return undefined;
  };

  const part = cell("part");
  if (part === "") issues.push({ path: name("part"), message: "is empty; name the part" });
  const kindText = cell("kind").toLowerCase();
  if (kindText !== "" && kindText !== "ic" && kindText !== "hbm") {
    issues.push({
      path: name("kind"),
      message: `must be ic or hbm (or empty for ic), got ${JSON.stringify(cell("kind"))}`,
    });
  }

  if (kindText === "hbm") {
    for (const column of ["form", "base_eccn", "io_bandwidth_gbps", "interconnect_gbps"] as const) {
      if (cell(column) !== "")
        issues.push({
          path: name(column),
          message: "is for an IC row (a chip, card or system); leave it empty on an HBM row",
        });
    }
    const bandwidthText = cell("hbm_bandwidth_gbps");
    const areaText = cell("hbm_area_mm2");
    if (bandwidthText === "")
      issues.push({
        path: name("hbm_bandwidth_gbps"),
        message: 'is needed for an HBM row: the memory bandwidth in GB/s, e.g. "1229" or "1.229 TB/s"',
      });
    if (areaText === "")
      issues.push({
        path: name("hbm_area_mm2"),
        message: 'is needed for an HBM row: the package or stack area in mm², e.g. "110"',
      });
    const bandwidthGBps =
      bandwidthText === "" ? undefined : figure(name("hbm_bandwidth_gbps"), bandwidthText, "bandwidth", false);
    const areaMm2 = areaText === "" ? undefined : figure(name("hbm_area_mm2"), areaText, "area", true);
    for (const column of plan.tops) {
      if ((fields[column.index] ?? "").trim() !== "")
        issues.push({
          path: column.column,
          message:
            "an HBM row takes hbm_bandwidth_gbps and hbm_area_mm2, not TOPS; leave it empty, or classify the logic IC on its own row",
        });
    }
    if (issues.length > 0 || !bandwidthGBps || !areaMm2) throw new CatalogueRowError(rowNumber, issues);
    return { part, kind: "hbm", bandwidthGBps, areaMm2 };
  }

  const datacenter = yesNo("datacenter");
  const formText = cell("form").toLowerCase();
  if (formText !== "" && !(ITEM_FORMS as readonly string[]).includes(formText)) {
    issues.push({
      path: name("form"),
      message: `must be ic, assembly or computer (or empty for ic), got ${JSON.stringify(cell("form"))}`,
    });
  }
  const baseEccn = cell("base_eccn");
  if (baseEccn !== "" && !isEccnParagraph(baseEccn)) {
    issues.push({
      path: name("base_eccn"),
      message: `must be an ECCN paragraph such as 5A992.c, 5A002.a or 4A003.b (or empty), got ${JSON.stringify(baseEccn)}`,
    });
  }
  const ioText = cell("io_bandwidth_gbps");
  const ioBandwidthGBps = ioText === "" ? undefined : figure(name("io_bandwidth_gbps"), ioText, "bandwidth", false);
  const interconnectText = cell("interconnect_gbps");
  const interconnectGBps =
    interconnectText === "" ? undefined : figure(name("interconnect_gbps"), interconnectText, "bandwidth", false);

  const rates: Rate[] = [];
  for (const column of plan.tops) {
    const text = (fields[column.index] ?? "").trim();
    if (text === "") continue;
    if (rules && !rules.format(column.format)) {
      issues.push({
        path: column.column,
        message: `"${column.format}" is not in the format table in force on ${rules.date}; use a listed format such as tops_fp8 (ic3a090 rules)`,
      });
      continue;
    }
    const tops = figure(column.column, text, "throughput", false);
    if (tops) rates.push({ format: column.format.toUpperCase(), tops });
  }
  if (rates.length === 0 && !issues.some((issue) => issue.path.toLowerCase().startsWith(TOPS_PREFIX))) {
    issues.push({
      path: plan.tops.length > 0 ? plan.tops.map((t) => t.column).join(", ") : "tops_<format>",
      message: "give at least one dense TOPS figure of the whole IC in a tops_<format> column, e.g. tops_fp8",
    });
  }

  const dies: Die[] = [];
  const applicable = cell("die_area_mm2");
  const logicArea = cell("logic_die_area_mm2");
  const nonPlanar = yesNo("non_planar");
  if (applicable !== "" && logicArea !== "") {
    issues.push({
      path: name("die_area_mm2"),
      message: `give either die_area_mm2 (the applicable area) or logic_die_area_mm2 with non_planar, not both`,
    });
  } else if (applicable !== "") {
    if (nonPlanar === false) {
      issues.push({
        path: name("non_planar"),
        message:
          "is no, but die_area_mm2 is the area of non-planar logic dies; give the planar die's area as logic_die_area_mm2",
      });
    }
    const areaMm2 = figure(name("die_area_mm2"), applicable, "area", true);
    if (areaMm2) dies.push({ count: 1n, areaMm2, logic: true, nonPlanar: true });
  } else if (logicArea !== "" || nonPlanar !== undefined) {
    const areaMm2 = logicArea === "" ? undefined : figure(name("logic_die_area_mm2"), logicArea, "area", true);
    dies.push({
      count: 1n,
      ...(areaMm2 ? { areaMm2 } : {}),
      logic: true,
      ...(nonPlanar === undefined ? {} : { nonPlanar }),
    });
  }

  if (issues.length > 0) throw new CatalogueRowError(rowNumber, issues);
  return {
    part,
    kind: "ic",
    datacenter: datacenter ?? null,
    units: [{ count: 1n, rates }],
    ...(applicable !== "" || logicArea !== "" || nonPlanar !== undefined ? { dies } : {}),
    ...(formText === "" ? {} : { form: formText as ItemForm }),
    ...(baseEccn === "" ? {} : { baseEccn }),
    ...(ioBandwidthGBps === undefined ? {} : { ioBandwidthGBps }),
    ...(interconnectGBps === undefined ? {} : { interconnectGBps }),
  };
}

/**
 * A catalogue row given as column → cell (header names as written, any case)
 * as a validated Datasheet.
 *
 * @throws CatalogueRowError (an InvalidInputError) whose issue paths are the
 * CSV column names, e.g. `tops_fp8`; its message names `rowNumber`.
 */
export function catalogueRowToDatasheet(row: Record<string, string>, rowNumber: number, rules?: RuleSet): Datasheet {
  const header = Object.keys(row);
  let plan: CataloguePlan;
  try {
    plan = cataloguePlan(header);
  } catch (error) {
    if (error instanceof InvalidInputError) throw new CatalogueRowError(rowNumber, error.issues);
    throw error;
  }
  return rowToDatasheet(
    plan,
    header.map((key) => row[key] ?? ""),
    rowNumber,
    rules,
  );
}
