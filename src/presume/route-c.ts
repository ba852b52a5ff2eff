/**
 * # Note 1 to 3A090.a ¶c: route c, an approved OSAT packages the IC
 *
 * > c. If the integrated circuit is packaged by an approved 'OSAT' company
 * > listed in supplement no. 7 to part 740 of the EAR, then the attestation of
 * > the approved 'OSAT' company that (a) the 'aggregated approximated
 * > transistor count' of the final packaged IC is below 30 billion
 * > transistors, or (b) [the same no-HBM thresholds as ¶b] …
 *
 * Unlike ¶b, ¶c sets no location condition. Supp. 7 is checked on the
 * completion date in data/approved-osats.json (or the list given); when the
 * list's contents are not known, the order's own `packaging.osatApproved`
 * decides, and a list that says "not listed" wins over the order (A-15).
 */
import { type ApprovedList, checkApprovedList, type ListCheck, listCitation } from "./approved-lists.js";
import type { Order } from "./order.js";
import type { RouteFinding } from "./route.js";
import type { TransistorTest } from "./transistors.js";
import { TRI_HOLDS, type Tri, triAnd, triOf } from "./tri.js";

/** ¶c: packaged by an approved OSAT (Supp. 7), and the count below the threshold. No location condition. */
export function routeCByApprovedOsat(
  order: Order,
  test: TransistorTest,
  date: string,
  list: ApprovedList,
): RouteFinding {
  const by = order.packaging?.by;
  const osat = order.packaging?.osat;
  const statedApproved = order.packaging?.osatApproved;
  const byOsat = packagedByOsat(by);
  const check = osat === undefined ? undefined : checkApprovedList(list, osat, date);
  const approved = osatOnSupp7(check, statedApproved);
  const warnings: string[] = [];
  if (check === "not-listed" && statedApproved === true)
    warnings.push(
      `packaging.osatApproved is true, but ${osat} is not on ${list.list} (as of ${list.asOf}); the list was followed`,
    );
  const status = triAnd([byOsat, approved, test.below]);
  const needs: string[] = [];
  if (byOsat === "no") needs.push(`packaging by an approved OSAT (Supp. 7) (packaging.by is ${by})`);
  else if (byOsat === "unknown") needs.push("packaging.by: who packages the die");
  if (approved !== "yes" && byOsat !== "no") needs.push(approvedOsatNeed(osat, check, list));
  return {
    status,
    needs: status === "yes" ? [] : needs,
    warnings,
    notes: [],
    trace: {
      step: "Note 1 ¶c route c (approved OSAT packages)",
      result: TRI_HOLDS[status],
      statement:
        `packaged by ${by ?? "(not given)"}${osat ? ` (${osat})` : ""}; ` +
        `Supp. 7: ${supp7Text(check, list, statedApproved)}; transistor count below the threshold: ${test.below}`,
      citation: listCitation(list),
    },
  };
}

/** "packaged by an approved 'OSAT' company": unknown when the order does not say who packages the IC. */
function packagedByOsat(by: string | undefined): Tri {
  if (by === undefined) return "unknown";
  return by === "osat" ? "yes" : "no";
}

/** "listed in supplement no. 7": the list when it can tell, else what the order states. */
function osatOnSupp7(check: ListCheck | undefined, statedApproved: boolean | undefined): Tri {
  if (check === "listed") return "yes";
  if (check === "not-listed") return "no";
  return triOf(statedApproved);
}

function approvedOsatNeed(osat: string | undefined, check: ListCheck | undefined, list: ApprovedList): string {
  if (osat === undefined) return "packaging.osat: the OSAT's name, to check Supp. 7";
  if (check === "not-listed") return `an approved OSAT: ${osat} is not on Supp. 7 as of ${list.asOf}`;
  return `whether ${osat} is on Supp. 7 (the current list with --approved-osats FILE, or packaging.osatApproved)`;
}

function supp7Text(check: ListCheck | undefined, list: ApprovedList, statedApproved: boolean | undefined): string {
  if (check === undefined) return "no OSAT named";
  if (check !== "unknown") return check;
  const stated = statedApproved === undefined ? "" : `; the order states packaging.osatApproved: ${statedApproved}`;
  return `not on the list, whose contents are not known (as of ${list.asOf})${stated}`;
}
