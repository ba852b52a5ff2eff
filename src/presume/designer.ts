/**
 * # Note 1 to 3A090.a ¶a(1)–(3): approved and authorized IC designers
 *
 * > (1) Approved integrated circuit designers are listed in supplement no. 6
 * > to this part of the EAR.
 * > (2) Prior to December 31, 2026, authorized integrated circuit designers
 * > are all integrated circuit designers: (i) Headquartered in Taiwan or a
 * > destination specified in Country Group A:1 or A:5, that are neither
 * > located in nor have an ultimate parent headquartered in Macau or a
 * > destination specified in Country Group D:5 …; and (ii) That have agreed to
 * > submit applicable information described in § 743.9(b) to the 'front-end
 * > fabricator,' which the 'front-end fabricator' must then report to BIS.
 * > (3) After December 31, 2026, authorized integrated circuit designers are
 * > all integrated circuit designers that meet the criteria in paragraph
 * > (a)(2) … and that have submitted an application to become an approved
 * > integrated circuit designer. … will cease to be an authorized IC designer
 * > 180 days after the submission of its application.
 *
 * The trigger date (13 April 2026, moved to 31 December 2026 by a rule in
 * force from 7 April 2026) and the 180 days are dated data. Readings chosen:
 * - the trigger date itself is neither "prior to" nor "after": the order is
 *   checked under ¶a(2) and ¶a(3), and the status is `unknown` only when the
 *   two differ (docs/ambiguities.md#a-11);
 * - the lapse ends authorized status ON day 180 after the application
 *   (day 179 authorized, day 180 not), and runs from the application date,
 *   so it may already have run out on the first day after the trigger date;
 * - "located in" is tested over every location given, headquarters included;
 *   any Macau or D:5 location fails the test (A-12).
 */
import type { TraceStep } from "../classify/result.js";
import { addDays, isoDateBefore } from "../rules/dated.js";
import { type ApprovedList, checkApprovedList, type ListCheck, listCitation } from "./approved-lists.js";
import { canonicalCountry, changeCitation, inMacauOrD5, type Membership, membership } from "./country-groups.js";
import type { Order } from "./order.js";
import type { Note1Parameters } from "./parameters.js";
import { type Tri, triAnd, triOf, triOr } from "./tri.js";

export const DESIGNER_STATUSES = ["approved", "authorized", "neither", "unknown"] as const;
export type DesignerStatus = (typeof DESIGNER_STATUSES)[number];

export interface DesignerFinding {
  readonly status: DesignerStatus;
  /** On Supp. 6 (list check, then the order's own statement when the list cannot tell). */
  readonly approved: Tri;
  readonly approvedListCheck: ListCheck | "no name";
  /** Authorized under ¶a(2) or ¶a(3) as in force on the completion date. */
  readonly authorized: Tri;
  /** Which paragraph was applied: ¶a(2), ¶a(3), or both on the trigger date. */
  readonly period: "prior" | "after" | "trigger-date";
  readonly trace: readonly TraceStep[];
  /** What would make the designer approved or authorized, in words; empty when it is. */
  readonly needs: readonly string[];
  readonly warnings: readonly string[];
  readonly notes: readonly string[];
}

type Designer = NonNullable<Order["designer"]>;

const fromMembership = (m: Membership): Tri => (m === "member" ? "yes" : m === "not-member" ? "no" : "unknown");

/** Status under ¶a(1)–(3) on `date`. */
export function designerStatusOn(
  designer: Designer | undefined,
  date: string,
  params: Note1Parameters,
  approvedList: ApprovedList,
): DesignerFinding {
  const d: Designer = designer ?? {};
  const trace: TraceStep[] = [];
  const warnings: string[] = [];
  const notes: string[] = [];
  const name = d.name ?? "the designer";

  // ¶a(1): Supp. 6.
  const listCheck: ListCheck | "no name" =
    d.name === undefined ? "no name" : checkApprovedList(approvedList, d.name, date);
  let approved: Tri;
  if (listCheck === "listed") approved = "yes";
  else if (listCheck === "not-listed") {
    approved = "no";
    if (d.approved === true)
      warnings.push(
        `designer.approved is true, but ${d.name} is not on ${approvedList.list} (as of ${approvedList.asOf}); the list was followed`,
      );
  } else approved = triOf(d.approved);
  trace.push({
    step: "Note 1 ¶a(1) approved designer",
    result: approved === "yes" ? "holds" : approved === "no" ? "fails" : "unknown",
    statement:
      listCheck === "no name"
        ? "designer.name not given: cannot be checked against Supp. 6"
        : listCheck === "unknown"
          ? `${d.name} is not on the list, whose contents are not known (as of ${approvedList.asOf}): the list cannot tell${d.approved === undefined ? "" : `; the order states designer.approved: ${d.approved}`}`
          : `${d.name} is ${listCheck === "listed" ? "" : "not "}on ${approvedList.list} as of ${approvedList.asOf}`,
    citation: listCitation(approvedList),
  });
  if (listCheck === "unknown" && d.approved !== undefined)
    notes.push(
      `approved status of ${name} rests on the order's own statement (designer.approved: ${d.approved}); Supp. 6 could not confirm it (its contents are not known as of ${approvedList.asOf})`,
    );

  // ¶a(2)(i): headquarters, locations, ultimate parent.
  const hqWhere = params.headquarters;
  const hq: Tri =
    d.headquarters === undefined
      ? "unknown"
      : hqWhere.countries.includes(canonicalCountry(d.headquarters).code)
        ? "yes"
        : triOr(hqWhere.groups.map((g) => fromMembership(membership(d.headquarters!, g, date))));
  const locations =
    d.locations === undefined ? undefined : [...new Set([...(d.headquarters ? [d.headquarters] : []), ...d.locations])];
  const badLocations = (locations ?? []).map((code) => ({ code, m: inMacauOrD5(code, date) }));
  const notLocated: Tri =
    locations === undefined
      ? "unknown"
      : badLocations.some((l) => l.m === "member")
        ? "no"
        : badLocations.some((l) => l.m === "unknown")
          ? "unknown"
          : "yes";
  const parent =
    d.ultimateParentHeadquarters === undefined ? undefined : inMacauOrD5(d.ultimateParentHeadquarters, date);
  const parentOk: Tri =
    parent === undefined ? "unknown" : parent === "member" ? "no" : parent === "unknown" ? "unknown" : "yes";
  const agreed = triOf(d.agreedToReporting);
  for (const code of [d.headquarters, d.ultimateParentHeadquarters, ...(d.locations ?? [])]) {
    const note = code === undefined ? undefined : canonicalCountry(code).note;
    if (note && !notes.includes(note)) notes.push(note);
  }
  if (
    badLocations.some((l) => l.m === "member") &&
    d.headquarters !== undefined &&
    inMacauOrD5(d.headquarters, date) !== "member"
  ) {
    warnings.push(
      `${name} is located in ${badLocations
        .filter((l) => l.m === "member")
        .map((l) => l.code)
        .join(
          ", ",
        )} (Macau or D:5): "located in" is not defined for multi-site companies; any such location fails ¶a(2)(i) here — flag for review (docs/ambiguities.md#a-12)`,
    );
  }
  const hqText =
    d.headquarters === undefined
      ? "headquarters not given"
      : `headquartered in ${d.headquarters}${canonicalCountry(d.headquarters).code !== d.headquarters ? ` (treated as ${canonicalCountry(d.headquarters).code})` : ""}: ${hq === "yes" ? "Taiwan, A:1 or A:5" : hq === "no" ? "not Taiwan, A:1 or A:5" : "membership not known on this date"}`;
  const locText =
    locations === undefined
      ? "locations not given"
      : `located in ${locations.join(", ")}: ${
          notLocated === "yes"
            ? "none is Macau or D:5"
            : notLocated === "no"
              ? `${badLocations
                  .filter((l) => l.m === "member")
                  .map((l) => l.code)
                  .join(", ")} is Macau or D:5`
              : `D:5 membership of ${badLocations
                  .filter((l) => l.m === "unknown")
                  .map((l) => l.code)
                  .join(", ")} not known on this date`
        }`;
  const parentText =
    d.ultimateParentHeadquarters === undefined
      ? "ultimate parent's headquarters not given"
      : `ultimate parent headquartered in ${d.ultimateParentHeadquarters}: ${parentOk === "yes" ? "not Macau or D:5" : parentOk === "no" ? "Macau or D:5" : "D:5 membership not known on this date"}`;
  const criteriaI = triAnd([hq, notLocated, parentOk]);
  const gapCitations = [d.headquarters, d.ultimateParentHeadquarters, ...(locations ?? [])]
    .flatMap((code) => (code ? (["A:5", "D:5"] as const).map((g) => changeCitation(code, g)) : []))
    .filter((c): c is string => c !== undefined);
  trace.push({
    step: "Note 1 ¶a(2)(i) headquarters and locations",
    result: criteriaI === "yes" ? "holds" : criteriaI === "no" ? "fails" : "unknown",
    statement: `${hqText}; ${locText}; ${parentText}`,
    citation: [hqWhere.cites, ...new Set(gapCitations)].join("; "),
  });
  trace.push({
    step: "Note 1 ¶a(2)(ii) agreed to § 743.9(b) reporting",
    result: agreed === "yes" ? "holds" : agreed === "no" ? "fails" : "unknown",
    statement:
      d.agreedToReporting === undefined
        ? "designer.agreedToReporting not given"
        : `designer.agreedToReporting: ${d.agreedToReporting}`,
    citation: params.triggerDate.cites,
  });
  const a2 = triAnd([criteriaI, agreed]);

  // ¶a(3): after the trigger date, an application, and the 180-day lapse.
  const trigger = params.triggerDate;
  const lapse = params.lapseDays;
  const app = d.approvalApplicationDate;
  const applied: Tri = app === undefined ? "unknown" : app === null ? "no" : app <= date ? "yes" : "no";
  const lapsesOn = app ? addDays(app, lapse.days) : undefined;
  const notLapsed: Tri =
    lapsesOn === undefined ? (app === null ? "no" : "unknown") : isoDateBefore(date, lapsesOn) ? "yes" : "no";
  const a3 = triAnd([a2, applied, notLapsed]);
  const period: DesignerFinding["period"] =
    date < trigger.date ? "prior" : date > trigger.date ? "after" : "trigger-date";
  const authorized: Tri = period === "prior" ? a2 : period === "after" ? a3 : a2 === a3 ? a2 : "unknown";

  const appText =
    app === undefined
      ? "designer.approvalApplicationDate not given"
      : app === null
        ? "has not applied to become approved"
        : app > date
          ? `applied on ${app}, after the completion date ${date}`
          : `applied on ${app}; authorized status ${isoDateBefore(date, lapsesOn!) ? "runs" : "ran"} until ${lapsesOn} (ends on day ${lapse.days}: ${date} is day ${daysBetween(app, date)})`;
  const periodText =
    period === "prior"
      ? `completed ${date}, prior to ${trigger.date}: ¶a(2) applies`
      : period === "after"
        ? `completed ${date}, after ${trigger.date}: ¶a(3) applies`
        : `completed on ${trigger.date} itself, which is neither "prior to" nor "after" it: checked under ¶a(2) (${a2}) and ¶a(3) (${a3})`;
  trace.push({
    step: "Note 1 ¶a(2)/(3) trigger date",
    result: authorized === "yes" ? "holds" : authorized === "no" ? "fails" : "unknown",
    statement: `${periodText}; ${appText}`,
    citation: `${trigger.cites}; ${lapse.cites}`,
  });
  if (period === "trigger-date" && a2 !== a3) {
    warnings.push(
      `completed on ${trigger.date}, which Note 1 ¶a(2) ("prior to") and ¶a(3) ("after") both leave out: ¶a(2) gives ${a2} and ¶a(3) gives ${a3}, so the designer's authorized status is unknown (docs/ambiguities.md#a-11)`,
    );
  }
  if (period !== "prior" && lapsesOn !== undefined && date === lapsesOn) {
    notes.push(`completed on day ${lapse.days} after the application (${app}): ${lapse.reading}`);
  }
  if (!trigger.verified)
    notes.push(
      `the trigger date ${trigger.date} in force on ${date} is not verified against the Federal Register text (${trigger.cites})`,
    );

  const status: DesignerStatus =
    approved === "yes"
      ? "approved"
      : authorized === "yes"
        ? "authorized"
        : approved === "no" && authorized === "no"
          ? "neither"
          : "unknown";

  const needs: string[] = [];
  if (status === "neither" || status === "unknown") {
    if (approved !== "no") {
      needs.push(
        listCheck === "no name"
          ? "designer.name, to check Supp. 6"
          : `whether ${name} is on Supp. 6 (the current list with --approved-designers FILE, or designer.approved)`,
      );
    }
    const reasons: string[] = [];
    if (hq !== "yes") reasons.push(d.headquarters === undefined ? "designer.headquarters" : hqText);
    if (notLocated !== "yes") reasons.push(locations === undefined ? "designer.locations" : locText);
    if (parentOk !== "yes")
      reasons.push(d.ultimateParentHeadquarters === undefined ? "designer.ultimateParentHeadquarters" : parentText);
    if (agreed !== "yes")
      reasons.push(
        d.agreedToReporting === undefined
          ? "designer.agreedToReporting"
          : "agreement to submit the § 743.9(b) information",
      );
    if (period !== "prior" && applied !== "yes")
      reasons.push(app === undefined ? "designer.approvalApplicationDate" : "an application to become approved");
    if (period !== "prior" && applied === "yes" && notLapsed !== "yes")
      reasons.push(`an application less than ${lapse.days} days old (${appText})`);
    if (period === "trigger-date" && a2 !== a3)
      reasons.push(`a reading of the trigger date ${trigger.date} itself (A-11)`);
    needs.push(`a designer authorized under Note 1 ¶a(${period === "prior" ? "2" : "3"}): ${reasons.join("; ")}`);
  }
  return { status, approved, approvedListCheck: listCheck, authorized, period, trace, needs, warnings, notes };
}

/** Whole days from `from` to `to` (both YYYY-MM-DD, UTC). */
export function daysBetween(from: string, to: string): number {
  // UTC midnights are whole multiples of a day apart, so the division is exact.
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}
