/**
 * # 15 CFR 743.9: the front-end fabricator's quarterly report
 *
 * > 'Front-end fabricators' producing any integrated circuit specified under
 * > ECCN 3A090.a or presumed to be specified under ECCN 3A090.a by Note 1 to
 * > 3A090 for any authorized integrated circuit designer must submit reports
 * > to BIS … (b) … (1) name, address and point of contact of the authorized
 * > designer; (2) the fabricator's name and address at the top of each page;
 * > (3) The end-user Know Your Customer (KYC) vetting form included in
 * > supplement no. 2 of this part; (4) a description of each category of
 * > 3A090.a IC sold to the authorized designer during the reporting quarter,
 * > including (i) the designer and (ii) product names.
 *
 * The report collects the orders `presume` found reportable (`reportable7439`)
 * whose completion date falls in the quarter, grouped by designer and
 * category. Orders in the quarter whose reportability the facts cannot
 * settle are listed apart, never dropped. The KYC form's questions were not
 * visible (regulation.md §6) and are not generated; nor are due dates or the
 * submission address.
 */
import Papa from "papaparse";
import { neutraliseSpreadsheetCell } from "../render/escape.js";
import { TOOL_NAME, TOOL_VERSION } from "../version.js";
import type { Order } from "./order.js";
import type { PresumeResult } from "./result.js";

export interface Fabricator {
  readonly name: string;
  readonly address: string;
}

export interface Quarter {
  readonly label: string;
  /** First day, YYYY-MM-DD. */
  readonly first: string;
  /** Last day, YYYY-MM-DD. */
  readonly last: string;
}

const LAST_DAY = ["03-31", "06-30", "09-30", "12-31"] as const;

/** "2027Q1" → 2027-01-01 to 2027-03-31; undefined when malformed. */
export function parseQuarter(text: string): Quarter | undefined {
  const match = /^(\d{4})-?Q([1-4])$/i.exec(text.trim());
  if (!match) return undefined;
  const year = match[1]!;
  const q = Number.parseInt(match[2]!, 10);
  const firstMonth = String((q - 1) * 3 + 1).padStart(2, "0");
  return { label: `${year}Q${q}`, first: `${year}-${firstMonth}-01`, last: `${year}-${LAST_DAY[q - 1]}` };
}

export interface ReportRow {
  readonly designer: string;
  readonly designerAddress: string;
  readonly designerPointOfContact: string;
  /** "presumed 3A090.a (Note 1 to 3A090.a)" or "3A090.a (3A090.a.1 by the designer's figures)". */
  readonly category: string;
  readonly products: readonly string[];
  readonly orders: number;
}

export interface UndecidedOrder {
  readonly part: string;
  readonly designer: string;
  readonly completionDate: string;
  readonly presumption: PresumeResult["presumption"];
  readonly missing: readonly string[];
}

export interface Report7439 {
  readonly quarter: Quarter;
  readonly fabricator: Fabricator;
  readonly rows: readonly ReportRow[];
  readonly undecided: readonly UndecidedOrder[];
  readonly ordersRead: number;
  readonly ordersInQuarter: number;
  /** Designer facts the report needs and the orders do not give. */
  readonly gaps: readonly string[];
}

const NOT_GIVEN = "(not given)";

function category(result: PresumeResult): string {
  return result.attestedClause?.startsWith("3A090.a")
    ? `3A090.a (${result.attestedClause} by the designer's figures)`
    : "presumed 3A090.a (Note 1 to 3A090.a)";
}

/** A report row without its product names and order count: what one group of orders shares. */
export type ReportRowHead = Omit<ReportRow, "products" | "orders">;

/**
 * Where one checked order goes in the report: outside the quarter, undecided, not reportable, or into the group
 * `key` (one per designer and category) with its product and the designer facts it lacks. Both builders (in memory,
 * and spilled to disk: report-spill.ts) place orders by this one function.
 */
export type Placement =
  | { readonly kind: "outside the quarter" }
  | { readonly kind: "not reportable" }
  | { readonly kind: "undecided"; readonly undecided: UndecidedOrder }
  | {
      readonly kind: "reportable";
      readonly key: string;
      readonly row: ReportRowHead;
      readonly product: string;
      readonly gaps: readonly string[];
    };

export function placeOrder(order: Order, result: PresumeResult, quarter: Quarter): Placement {
  if (!(result.completionDate >= quarter.first && result.completionDate <= quarter.last))
    return { kind: "outside the quarter" };
  const designer = order.designer?.name ?? NOT_GIVEN;
  if (result.reportable7439 === null) {
    const { part, completionDate, presumption, missing } = result;
    return { kind: "undecided", undecided: { part, designer, completionDate, presumption, missing } };
  }
  if (!result.reportable7439) return { kind: "not reportable" };
  const address = order.designer?.address ?? NOT_GIVEN;
  const pointOfContact = order.designer?.pointOfContact ?? NOT_GIVEN;
  const gaps: string[] = [];
  if (address === NOT_GIVEN) gaps.push(`${result.part}: designer.address (§ 743.9(b)(1))`);
  if (pointOfContact === NOT_GIVEN) gaps.push(`${result.part}: designer.pointOfContact (§ 743.9(b)(1))`);
  const cat = category(result);
  return {
    kind: "reportable",
    key: JSON.stringify([designer.toLowerCase(), address, pointOfContact, cat]),
    row: { designer, designerAddress: address, designerPointOfContact: pointOfContact, category: cat },
    product: result.part,
    gaps,
  };
}

/** The order of the report's rows: by designer, then category; groups that tie keep the order they were first met. */
export function compareRows(a: ReportRowHead, b: ReportRowHead): number {
  return a.designer.localeCompare(b.designer) || a.category.localeCompare(b.category);
}

/**
 * The report built one checked order at a time: it keeps the groups (one per
 * designer and category, with their product names), the undecided orders of
 * the quarter and the gaps, never the orders themselves. The undecided orders
 * grow with the orders read: for a large batch, {@link SpilledReport}
 * (report-spill.ts) keeps them, and the product names, on disk instead.
 */
export class ReportBuilder {
  private readonly groups = new Map<string, { row: ReportRowHead; products: Set<string>; orders: number }>();
  private readonly gaps = new Set<string>();
  private readonly undecided: UndecidedOrder[] = [];
  private ordersRead = 0;
  private ordersInQuarter = 0;
  /** One copy of each text and list of missing facts: undecided orders repeat them by the thousand. */
  private readonly texts = new Map<string, string>();
  private readonly missingLists = new Map<string, readonly string[]>();

  constructor(
    private readonly quarter: Quarter,
    private readonly fabricator: Fabricator,
  ) {}

  add(order: Order, result: PresumeResult): void {
    this.ordersRead++;
    const placement = placeOrder(order, result, this.quarter);
    if (placement.kind === "outside the quarter") return;
    this.ordersInQuarter++;
    if (placement.kind === "undecided") {
      const u = placement.undecided;
      const missingKey = u.missing.join("\u0000");
      let missing = this.missingLists.get(missingKey);
      if (missing === undefined) {
        missing = [...u.missing];
        this.missingLists.set(missingKey, missing);
      }
      this.undecided.push({
        part: this.text(u.part),
        designer: this.text(u.designer),
        completionDate: this.text(u.completionDate),
        presumption: u.presumption,
        missing,
      });
      return;
    }
    if (placement.kind === "not reportable") return;
    for (const gap of placement.gaps) this.gaps.add(gap);
    const group = this.groups.get(placement.key) ?? { row: placement.row, products: new Set<string>(), orders: 0 };
    group.products.add(placement.product);
    group.orders++;
    this.groups.set(placement.key, group);
  }

  private text(value: string): string {
    const known = this.texts.get(value);
    if (known !== undefined) return known;
    this.texts.set(value, value);
    return value;
  }

  build(): Report7439 {
    const rows = [...this.groups.values()]
      .map((g) => ({ ...g.row, products: [...g.products].sort(), orders: g.orders }))
      .sort(compareRows);
    return {
      quarter: this.quarter,
      fabricator: this.fabricator,
      rows,
      undecided: this.undecided,
      ordersRead: this.ordersRead,
      ordersInQuarter: this.ordersInQuarter,
      gaps: [...this.gaps],
    };
  }
}

/** Groups the quarter's reportable orders by designer and category. */
export function buildReport(
  checked: readonly { order: Order; result: PresumeResult }[],
  quarter: Quarter,
  fabricator: Fabricator,
): Report7439 {
  const builder = new ReportBuilder(quarter, fabricator);
  for (const { order, result } of checked) builder.add(order, result);
  return builder.build();
}

// ------------------------------------------------------------ rendering, line by line

/** What the report's opening and section headings say: the counts, known before any row is written. */
export interface ReportOutline {
  readonly quarter: Quarter;
  readonly fabricator: Fabricator;
  readonly ordersRead: number;
  readonly ordersInQuarter: number;
  readonly reportable: number;
  readonly undecided: number;
  readonly rows: number;
}

export function outlineOf(report: Report7439): ReportOutline {
  return {
    quarter: report.quarter,
    fabricator: report.fabricator,
    ordersRead: report.ordersRead,
    ordersInQuarter: report.ordersInQuarter,
    reportable: report.rows.reduce((n, r) => n + r.orders, 0),
    undecided: report.undecided.length,
    rows: report.rows.length,
  };
}

/** A row's line around its product names cell, which a streamed report writes in pieces between the two. */
export interface LineAround {
  readonly before: string;
  readonly after: string;
}

export const REPORT_CSV_FIELDS = [
  "quarter",
  "fabricatorName",
  "fabricatorAddress",
  "status",
  "designer",
  "designerAddress",
  "designerPointOfContact",
  "category",
  "productNames",
  "orders",
  "missing",
] as const;

/** Cells as one CSV line (no line break), each neutralised for spreadsheets and quoted by papaparse's rules. */
function csvCells(cells: readonly string[]): string {
  return Papa.unparse([cells.map(neutraliseSpreadsheetCell)], { newline: "\n" });
}

/**
 * The header line. A report with no line under it (nothing reportable, nothing undecided) has always been written
 * as the header and an empty line (papaparse's header of no data ends with a line break): kept, byte for byte.
 */
export function reportCsvHeader(outline: ReportOutline): string {
  return `${csvCells(REPORT_CSV_FIELDS)}${outline.rows + outline.undecided === 0 ? "\n" : ""}`;
}

/** Separates product names in the CSV cell. */
export const CSV_PRODUCT_SEPARATOR = "; ";

/** A reportable row's CSV line without its productNames cell. */
export function reportCsvRow(outline: ReportOutline, row: ReportRowHead & { readonly orders: number }): LineAround {
  const { quarter, fabricator } = outline;
  return {
    before: `${csvCells([
      quarter.label,
      fabricator.name,
      fabricator.address,
      "reportable",
      row.designer,
      row.designerAddress,
      row.designerPointOfContact,
      row.category,
    ])},`,
    after: `,${csvCells([String(row.orders), ""])}`,
  };
}

/** The productNames cell of a reportable row, from its sorted product names. */
export function reportCsvProducts(products: readonly string[]): string {
  return csvCells([products.join(CSV_PRODUCT_SEPARATOR)]);
}

export function reportCsvUndecided(outline: ReportOutline, u: UndecidedOrder): string {
  return csvCells([
    outline.quarter.label,
    outline.fabricator.name,
    outline.fabricator.address,
    "not decided",
    u.designer,
    "",
    "",
    `${u.presumption} (${u.completionDate})`,
    u.part,
    "1",
    u.missing.join("; "),
  ]);
}

/**
 * CSV: one row per designer and category, the fabricator on every row (a CSV has no page tops); undecided orders
 * follow, marked.
 */
export function renderReportCsv(report: Report7439): string {
  const outline = outlineOf(report);
  const lines = [reportCsvHeader(outline)];
  for (const r of report.rows) {
    const { before, after } = reportCsvRow(outline, r);
    lines.push(`${before}${reportCsvProducts(r.products)}${after}`);
  }
  for (const u of report.undecided) lines.push(reportCsvUndecided(outline, u));
  return `${lines.join("\n")}\n`;
}

/** A Markdown table cell or list item: `|` escaped, a line break turned into a space. */
export const markdownCell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
const cell = markdownCell;

/** Separates product names in the Markdown cell. */
export const MARKDOWN_PRODUCT_SEPARATOR = ", ";

/** The Markdown report's lines up to its table (or the line saying there is no reportable order). */
export function reportMarkdownOpening(outline: ReportOutline): string[] {
  const q = outline.quarter;
  const lines = [
    `**${cell(outline.fabricator.name)}**, ${cell(outline.fabricator.address)}`,
    "",
    `# Report under 15 CFR 743.9, quarter ${q.label} (${q.first} to ${q.last})`,
    "",
    `Orders read: ${outline.ordersRead}; completed in the quarter: ${outline.ordersInQuarter}; ` +
      `reportable: ${outline.reportable}; not decided: ${outline.undecided}.`,
    "",
    "## (b)(1), (b)(4): authorized IC designers and the categories of 3A090.a ICs sold to them",
    "",
  ];
  if (outline.rows === 0) lines.push("No reportable order in the quarter.");
  else
    lines.push(
      "| Authorized IC designer | Address | Point of contact | Category of 3A090.a IC | Product names | Orders |",
      "|---|---|---|---|---|---|",
    );
  return lines;
}

/** A table row's line without its product names (each written as `markdownCell(name)`, separated by ", "). */
export function reportMarkdownRow(row: ReportRowHead & { readonly orders: number }): LineAround {
  return {
    before: `| ${cell(row.designer)} | ${cell(row.designerAddress)} | ${cell(row.designerPointOfContact)} | ${cell(row.category)} | `,
    after: ` | ${row.orders} |`,
  };
}

/** The heading of the undecided orders, when there are any. */
export function reportMarkdownUndecidedHeading(outline: ReportOutline): string[] {
  return outline.undecided > 0
    ? ["", "## Orders in the quarter whose reportability the facts given do not settle", ""]
    : [];
}

export function reportMarkdownUndecided(u: UndecidedOrder): string {
  return (
    `- ${cell(u.part)} (${cell(u.designer)}, completed ${u.completionDate}, ` +
    `presumption ${u.presumption}): ${u.missing.map(cell).join("; ") || "see ic3a090 presume --explain"}`
  );
}

/** The gaps section and the closing (the KYC form, the notice), from the end of the undecided orders on. */
export function reportMarkdownClosing(gaps: readonly string[]): string[] {
  const lines: string[] = [];
  if (gaps.length > 0) {
    lines.push("", "## Facts the report needs that the orders do not give", "");
    for (const g of gaps) lines.push(`- ${cell(g)}`);
  }
  lines.push(
    "",
    "## (b)(3) KYC vetting form",
    "",
    "The end-user KYC vetting form of Supplement No. 2 to part 743 is to be attached for each authorized " +
      "designer; its questions were not visible in the sources of this tool and are not generated here. Due " +
      "dates and the submission address of § 743.9 are not in its data either.",
    "",
    `Generated by ${TOOL_NAME} ${TOOL_VERSION} from the Note 1 to 3A090.a checks of the orders. This states ` +
      "what the rule says on the facts given; it is not legal advice.",
  );
  return lines;
}

export function renderReportMarkdown(report: Report7439): string {
  const outline = outlineOf(report);
  const lines = reportMarkdownOpening(outline);
  for (const r of report.rows) {
    const { before, after } = reportMarkdownRow(r);
    lines.push(`${before}${r.products.map(cell).join(MARKDOWN_PRODUCT_SEPARATOR)}${after}`);
  }
  lines.push(...reportMarkdownUndecidedHeading(outline));
  for (const u of report.undecided) lines.push(reportMarkdownUndecided(u));
  lines.push(...reportMarkdownClosing(report.gaps));
  return `${lines.join("\n")}\n`;
}
