/**
 * # 15 CFR 743.9(a): is this order one the front-end fabricator reports?
 *
 * > 'Front-end fabricators' producing any integrated circuit specified under
 * > ECCN 3A090.a or presumed to be specified under ECCN 3A090.a by Note 1 to
 * > 3A090 for any authorized integrated circuit designer must submit reports
 * > to BIS …
 *
 * Reports need not cover an entity that is both an approved designer (Supp. 6)
 * and an authorized one. So an order is reportable when the exporter is the
 * front-end fabricator, the designer is authorized and not approved, and the
 * IC is 3A090.a by the designer's own figures or presumed so by Note 1. The
 * quarterly report that collects these orders is ./report.ts.
 */
import type { TraceStep } from "../classify/result.js";
import type { FiguresFinding } from "./attestation.js";
import type { DesignerFinding } from "./designer.js";
import type { Order } from "./order.js";
import type { Note1Parameters } from "./parameters.js";
import type { Presumption } from "./result.js";
import { TRI_APPLIES, type Tri, triAnd, triNot, triOr } from "./tri.js";

export interface ReportableFinding {
  readonly reportable: Tri;
  readonly trace: TraceStep;
}

/** § 743.9(a): a front-end fabricator producing a 3A090.a IC, or one presumed so, for an authorized designer. */
export function reportableUnder7439(
  order: Order,
  designer: DesignerFinding,
  presumption: Presumption,
  attestedFigures: FiguresFinding | undefined,
  params: Note1Parameters,
): ReportableFinding {
  const icIsA = triOr([presumedToBe3A090a(presumption), attestedFigures?.says === "3A090.a" ? "yes" : "no"]);
  const byFabricator: Tri = order.exporter === "front-end-fabricator" ? "yes" : "no";
  const reportable = triAnd([byFabricator, designer.authorized, triNot(designer.approved), icIsA]);
  const reports = reportable === "yes" ? ": the front-end fabricator reports it in the quarter (ic3a090 report)" : "";
  return {
    reportable,
    trace: {
      step: "15 CFR 743.9 report",
      result: TRI_APPLIES[reportable],
      statement:
        `exporter ${order.exporter}; designer authorized: ${designer.authorized}, approved: ${designer.approved}; ` +
        `IC specified or presumed 3A090.a: ${icIsA}${reports}`,
      citation: params.report7439.cites,
    },
  };
}

/** "presumed to be specified under ECCN 3A090.a by Note 1": unknown while the presumption is not settled. */
function presumedToBe3A090a(presumption: Presumption): Tri {
  switch (presumption) {
    case "applies":
      return "yes";
    case "overcome":
      return "no";
    case "not-applicable":
    case "indeterminate":
      return "unknown";
  }
}
