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

/**
 * The report built one checked order at a time: it keeps the groups (one per
 * designer and category, with their product names), the undecided orders of
 * the quarter and the gaps, never the orders themselves, so memory grows with
 * those and not with the number of orders read.
 */
export class ReportBuilder {
  private readonly groups = new Map<
    string,
    { row: Omit<ReportRow, "products" | "orders">; products: Set<string>; orders: number }
  >();
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
    const quarter = this.quarter;
    if (!(result.completionDate >= quarter.first && result.completionDate <= quarter.last)) return;
    this.ordersInQuarter++;
    const designer = order.designer?.name ?? NOT_GIVEN;
    if (result.reportable7439 === null) {
      const missingKey = result.missing.join("\u0000");
      let missing = this.missingLists.get(missingKey);
      if (missing === undefined) {
        missing = [...result.missing];
        this.missingLists.set(missingKey, missing);
      }
      this.undecided.push({
        part: this.text(result.part),
        designer: this.text(designer),
        completionDate: this.text(result.completionDate),
        presumption: result.presumption,
        missing,
      });
      return;
    }
    if (!result.reportable7439) return;
    const address = order.designer?.address ?? NOT_GIVEN;
    const pointOfContact = order.designer?.pointOfContact ?? NOT_GIVEN;
    if (address === NOT_GIVEN) this.gaps.add(`${result.part}: designer.address (§ 743.9(b)(1))`);
    if (pointOfContact === NOT_GIVEN) this.gaps.add(`${result.part}: designer.pointOfContact (§ 743.9(b)(1))`);
    const cat = category(result);
    const key = JSON.stringify([designer.toLowerCase(), address, pointOfContact, cat]);
    const group = this.groups.get(key) ?? {
      row: { designer, designerAddress: address, designerPointOfContact: pointOfContact, category: cat },
      products: new Set<string>(),
      orders: 0,
    };
    group.products.add(result.part);
    group.orders++;
    this.groups.set(key, group);
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
      .sort((a, b) => a.designer.localeCompare(b.designer) || a.category.localeCompare(b.category));
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

/**
 * CSV: one row per designer and category, the fabricator on every row (a CSV has no page tops); undecided orders
 * follow, marked.
 */
export function renderReportCsv(report: Report7439): string {
  const data = [
    ...report.rows.map((r) => ({
      quarter: report.quarter.label,
      fabricatorName: report.fabricator.name,
      fabricatorAddress: report.fabricator.address,
      status: "reportable",
      designer: r.designer,
      designerAddress: r.designerAddress,
      designerPointOfContact: r.designerPointOfContact,
      category: r.category,
      productNames: r.products.join("; "),
      orders: String(r.orders),
      missing: "",
    })),
    ...report.undecided.map((u) => ({
      quarter: report.quarter.label,
      fabricatorName: report.fabricator.name,
      fabricatorAddress: report.fabricator.address,
      status: "not decided",
      designer: u.designer,
      designerAddress: "",
      designerPointOfContact: "",
      category: `${u.presumption} (${u.completionDate})`,
      productNames: u.part,
      orders: "1",
      missing: u.missing.join("; "),
    })),
  ];
  const fields = [
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
  ];
  const cells = data.map((d) => fields.map((f) => neutraliseSpreadsheetCell(d[f as keyof typeof d])));
  return `${Papa.unparse({ fields, data: cells }, { newline: "\n" })}\n`;
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function renderReportMarkdown(report: Report7439): string {
  const q = report.quarter;
  const lines = [
    `**${cell(report.fabricator.name)}**, ${cell(report.fabricator.address)}`,
    "",
    `# Report under 15 CFR 743.9, quarter ${q.label} (${q.first} to ${q.last})`,
    "",
    `Orders read: ${report.ordersRead}; completed in the quarter: ${report.ordersInQuarter}; ` +
      `reportable: ${report.rows.reduce((n, r) => n + r.orders, 0)}; not decided: ${report.undecided.length}.`,
    "",
    "## (b)(1), (b)(4): authorized IC designers and the categories of 3A090.a ICs sold to them",
    "",
  ];
  if (report.rows.length === 0) lines.push("No reportable order in the quarter.");
  else {
    lines.push(
      "| Authorized IC designer | Address | Point of contact | Category of 3A090.a IC | Product names | Orders |",
      "|---|---|---|---|---|---|",
    );
    for (const r of report.rows)
      lines.push(
        `| ${cell(r.designer)} | ${cell(r.designerAddress)} | ${cell(r.designerPointOfContact)} ` +
          `| ${cell(r.category)} | ${cell(r.products.join(", "))} | ${r.orders} |`,
      );
  }
  if (report.undecided.length > 0) {
    lines.push("", "## Orders in the quarter whose reportability the facts given do not settle", "");
    for (const u of report.undecided)
      lines.push(
        `- ${cell(u.part)} (${cell(u.designer)}, completed ${u.completionDate}, ` +
          `presumption ${u.presumption}): ${u.missing.map(cell).join("; ") || "see ic3a090 presume --explain"}`,
      );
  }
  if (report.gaps.length > 0) {
    lines.push("", "## Facts the report needs that the orders do not give", "");
    for (const g of report.gaps) lines.push(`- ${cell(g)}`);
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
  return `${lines.join("\n")}\n`;
}
