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
 *   any Macau or D:5 location fails the test.
 */
import type { TraceStep } from "../classify/result.js";
import { addDays, isoDateBefore } from "../rules/dated.js";
import { type ApprovedList, checkApprovedList, type ListCheck, listCitation } from "./approved-lists.js";
import { canonicalCountry, changeCitation, inMacauOrD5, type Membership, membership } from "./country-groups.js";
import type { Order } from "./order.js";
import type { Note1Parameters } from "./parameters.js";
import { TRI_HOLDS, type Tri, triAnd, triNot, triOf, triOr } from "./tri.js";

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

/** A country-group membership as a three-valued answer to "is it a member?". */
function fromMembership(m: Membership): Tri {
  switch (m) {
    case "member":
      return "yes";
    case "not-member":
      return "no";
    case "unknown":
      return "unknown";
  }
}

/** Status under ¶a(1)–(3) on `date`. */
export function designerStatusOn(
  designer: Designer | undefined,
  date: string,
  params: Note1Parameters,
  approvedList: ApprovedList,
): DesignerFinding {
  const d: Designer = designer ?? {};
  const name = d.name ?? "the designer";
  const a1 = approvedUnderA1(d, name, date, approvedList);
  const a2i = headquartersAndLocationsUnderA2i(d, name, date, params);
  const agreed = triOf(d.agreedToReporting);
  const a2ii: TraceStep = {
    step: "Note 1 ¶a(2)(ii) agreed to § 743.9(b) reporting",
    result: TRI_HOLDS[agreed],
    statement:
      d.agreedToReporting === undefined
        ? "designer.agreedToReporting not given"
        : `designer.agreedToReporting: ${d.agreedToReporting}`,
    citation: params.triggerDate.cites,
  };
  const a2 = triAnd([a2i.holds, agreed]);
  const dated = authorizedOnDate(d, a2, date, params);
  const status = designerStatus(a1.approved, dated.authorized);
  const needs =
    status === "neither" || status === "unknown" ? designerNeeds(d, name, a1, a2i, agreed, a2, dated, params) : [];
  return {
    status,
    approved: a1.approved,
    approvedListCheck: a1.listCheck,
    authorized: dated.authorized,
    period: dated.period,
    trace: [a1.trace, a2i.trace, a2ii, dated.trace],
    needs,
    warnings: [...a1.warnings, ...a2i.warnings, ...dated.warnings],
    notes: [...a1.notes, ...a2i.notes, ...dated.notes],
  };
}

/** Approved when on Supp. 6; else authorized when ¶a(2) or ¶a(3) holds; "neither" only when both surely fail. */
function designerStatus(approved: Tri, authorized: Tri): DesignerStatus {
  if (approved === "yes") return "approved";
  if (authorized === "yes") return "authorized";
  if (approved === "no" && authorized === "no") return "neither";
  return "unknown";
}

interface A1Finding {
  readonly approved: Tri;
  readonly listCheck: ListCheck | "no name";
  readonly trace: TraceStep;
  readonly warnings: string[];
  readonly notes: string[];
}

/**
 * ¶a(1): "Approved integrated circuit designers are listed in supplement no. 6". The list decides when it can
 * tell; when its contents are not known, the order's own `designer.approved` does, and a note says so.
 */
function approvedUnderA1(d: Designer, name: string, date: string, list: ApprovedList): A1Finding {
  const listCheck: ListCheck | "no name" = d.name === undefined ? "no name" : checkApprovedList(list, d.name, date);
  const approved = approvedFrom(listCheck, d.approved);
  const warnings: string[] = [];
  const notes: string[] = [];
  if (listCheck === "not-listed" && d.approved === true)
    warnings.push(
      `designer.approved is true, but ${d.name} is not on ${list.list} (as of ${list.asOf}); the list was followed`,
    );
  if (listCheck === "unknown" && d.approved !== undefined)
    notes.push(
      `approved status of ${name} rests on the order's own statement (designer.approved: ${d.approved}); ` +
        `Supp. 6 could not confirm it (its contents are not known as of ${list.asOf})`,
    );
  return {
    approved,
    listCheck,
    warnings,
    notes,
    trace: {
      step: "Note 1 ¶a(1) approved designer",
      result: TRI_HOLDS[approved],
      statement: approvedListText(d, listCheck, list),
      citation: listCitation(list),
    },
  };
}

function approvedFrom(listCheck: ListCheck | "no name", statedApproved: boolean | undefined): Tri {
  if (listCheck === "listed") return "yes";
  if (listCheck === "not-listed") return "no";
  return triOf(statedApproved);
}

function approvedListText(d: Designer, listCheck: ListCheck | "no name", list: ApprovedList): string {
  switch (listCheck) {
    case "no name":
      return "designer.name not given: cannot be checked against Supp. 6";
    case "unknown": {
      const stated = d.approved === undefined ? "" : `; the order states designer.approved: ${d.approved}`;
      return (
        `${d.name} is not on the list, whose contents are not known (as of ${list.asOf}): the list cannot ` +
        `tell${stated}`
      );
    }
    case "listed":
      return `${d.name} is on ${list.list} as of ${list.asOf}`;
    case "not-listed":
      return `${d.name} is not on ${list.list} as of ${list.asOf}`;
  }
}

interface A2iFinding {
  readonly holds: Tri;
  readonly headquartered: Tri;
  readonly notLocated: Tri;
  readonly parentOk: Tri;
  /** Every location given, headquarters first; undefined when `designer.locations` is not given. */
  readonly locations: readonly string[] | undefined;
  readonly hqText: string;
  readonly locText: string;
  readonly parentText: string;
  readonly trace: TraceStep;
  readonly warnings: string[];
  readonly notes: string[];
}

/**
 * ¶a(2)(i): "Headquartered in Taiwan or a destination specified in Country Group A:1 or A:5, that are neither located
 * in nor have an ultimate parent headquartered in Macau or a destination specified in Country Group D:5". Memberships
 * are those on the completion date; any Macau or D:5 location fails.
 */
function headquartersAndLocationsUnderA2i(
  d: Designer,
  name: string,
  date: string,
  params: Note1Parameters,
): A2iFinding {
  const hqWhere = params.headquarters;
  const headquartered = headquarteredInTaiwanA1OrA5(d.headquarters, date, params);
  const locations =
    d.locations === undefined ? undefined : [...new Set([...(d.headquarters ? [d.headquarters] : []), ...d.locations])];
  const byLocation = (locations ?? []).map((code) => ({ code, m: inMacauOrD5(code, date) }));
  const macauOrD5 = byLocation.filter((l) => l.m === "member").map((l) => l.code);
  const notKnown = byLocation.filter((l) => l.m === "unknown").map((l) => l.code);
  const notLocated = notLocatedInMacauOrD5(locations, macauOrD5, notKnown);
  const parent = d.ultimateParentHeadquarters;
  const parentOk: Tri = parent === undefined ? "unknown" : triNot(fromMembership(inMacauOrD5(parent, date)));
  const notes: string[] = [];
  for (const code of [d.headquarters, parent, ...(d.locations ?? [])]) {
    const note = code === undefined ? undefined : canonicalCountry(code).note;
    if (note && !notes.includes(note)) notes.push(note);
  }
  const warnings: string[] = [];
  if (macauOrD5.length > 0 && d.headquarters !== undefined && inMacauOrD5(d.headquarters, date) !== "member") {
    warnings.push(
      `${name} is located in ${macauOrD5.join(", ")} (Macau or D:5): "located in" is not defined for multi-site ` +
        "companies; any such location fails ¶a(2)(i) here — flag for review (docs/ambiguities.md#a-12)",
    );
  }
  const hqText = headquartersText(d.headquarters, headquartered);
  const locText =
    locations === undefined
      ? "locations not given"
      : `located in ${locations.join(", ")}: ${locatedText(notLocated, macauOrD5, notKnown)}`;
  const parentText =
    parent === undefined
      ? "ultimate parent's headquarters not given"
      : `ultimate parent headquartered in ${parent}: ${PARENT_TEXT[parentOk]}`;
  const holds = triAnd([headquartered, notLocated, parentOk]);
  const gapCitations = [d.headquarters, parent, ...(locations ?? [])]
    .flatMap((code) => (code ? (["A:5", "D:5"] as const).map((g) => changeCitation(code, g)) : []))
    .filter((c): c is string => c !== undefined);
  return {
    holds,
    headquartered,
    notLocated,
    parentOk,
    locations,
    hqText,
    locText,
    parentText,
    warnings,
    notes,
    trace: {
      step: "Note 1 ¶a(2)(i) headquarters and locations",
      result: TRI_HOLDS[holds],
      statement: `${hqText}; ${locText}; ${parentText}`,
      citation: [hqWhere.cites, ...new Set(gapCitations)].join("; "),
    },
  };
}

/** "neither located in … Macau or a destination specified in Country Group D:5": over every location given. */
function notLocatedInMacauOrD5(
  locations: readonly string[] | undefined,
  macauOrD5Locations: readonly string[],
  membershipNotKnown: readonly string[],
): Tri {
  if (locations === undefined) return "unknown";
  if (macauOrD5Locations.length > 0) return "no";
  return membershipNotKnown.length > 0 ? "unknown" : "yes";
}

const HEADQUARTERS_TEXT = {
  yes: "Taiwan, A:1 or A:5",
  no: "not Taiwan, A:1 or A:5",
  unknown: "membership not known on this date",
} as const satisfies Record<Tri, string>;

const PARENT_TEXT = {
  yes: "not Macau or D:5",
  no: "Macau or D:5",
  unknown: "D:5 membership not known on this date",
} as const satisfies Record<Tri, string>;

function headquartersText(headquarters: string | undefined, headquartered: Tri): string {
  if (headquarters === undefined) return "headquarters not given";
  const { code } = canonicalCountry(headquarters);
  const treatedAs = code !== headquarters ? ` (treated as ${code})` : "";
  return `headquartered in ${headquarters}${treatedAs}: ${HEADQUARTERS_TEXT[headquartered]}`;
}

function locatedText(
  notLocated: Tri,
  macauOrD5Locations: readonly string[],
  membershipNotKnown: readonly string[],
): string {
  switch (notLocated) {
    case "yes":
      return "none is Macau or D:5";
    case "no":
      return `${macauOrD5Locations.join(", ")} is Macau or D:5`;
    case "unknown":
      return `D:5 membership of ${membershipNotKnown.join(", ")} not known on this date`;
  }
}

/** "Headquartered in Taiwan or a destination specified in Country Group A:1 or A:5", on the completion date. */
function headquarteredInTaiwanA1OrA5(headquarters: string | undefined, date: string, params: Note1Parameters): Tri {
  if (headquarters === undefined) return "unknown";
  const where = params.headquarters;
  if (where.countries.includes(canonicalCountry(headquarters).code)) return "yes";
  return triOr(where.groups.map((g) => fromMembership(membership(headquarters, g, date))));
}
interface DatedFinding {
  readonly authorized: Tri;
  readonly period: DesignerFinding["period"];
  /** Authorized under ¶a(3): ¶a(2), an application on or before the completion date, and not lapsed. */
  readonly a3: Tri;
  readonly applied: Tri;
  readonly notLapsed: Tri;
  readonly appText: string;
  readonly trace: TraceStep;
  readonly warnings: string[];
  readonly notes: string[];
}

/**
 * ¶a(2) "Prior to" the trigger date, ¶a(3) "After" it: an application to become approved, and the lapse 180 days
 * after it (day 179 authorized, day 180 not). On the trigger date itself both are checked.
 */
function authorizedOnDate(d: Designer, a2: Tri, date: string, params: Note1Parameters): DatedFinding {
  const trigger = params.triggerDate;
  const lapse = params.lapseDays;
  const app = d.approvalApplicationDate;
  const applied = appliedBy(app, date);
  const lapsesOn = app ? addDays(app, lapse.days) : undefined;
  const notLapsed = notLapsedOn(app, lapsesOn, date);
  const a3 = triAnd([a2, applied, notLapsed]);
  const period = periodOf(date, trigger.date);
  const authorized = authorizedIn(period, a2, a3);
  const appText = applicationText(app, lapsesOn, date, lapse.days);
  const warnings: string[] = [];
  const notes: string[] = [];
  if (period === "trigger-date" && a2 !== a3) {
    warnings.push(
      `completed on ${trigger.date}, which Note 1 ¶a(2) ("prior to") and ¶a(3) ("after") both leave out: ` +
        `¶a(2) gives ${a2} and ¶a(3) gives ${a3}, so the designer's authorized status is unknown ` +
        "(docs/ambiguities.md#a-11)",
    );
  }
  if (period !== "prior" && lapsesOn !== undefined && date === lapsesOn) {
    notes.push(`completed on day ${lapse.days} after the application (${app}): ${lapse.reading}`);
  }
  if (!trigger.verified)
    notes.push(
      `the trigger date ${trigger.date} in force on ${date} is not verified against the Federal Register text ` +
        `(${trigger.cites})`,
    );
  return {
    authorized,
    period,
    a3,
    applied,
    notLapsed,
    appText,
    warnings,
    notes,
    trace: {
      step: "Note 1 ¶a(2)/(3) trigger date",
      result: TRI_HOLDS[authorized],
      statement: `${periodText(period, date, trigger.date, a2, a3)}; ${appText}`,
      citation: `${trigger.cites}; ${lapse.cites}`,
    },
  };
}

/** "have submitted an application": on or before the completion date; `null` says the designer has not applied. */
function appliedBy(app: string | null | undefined, date: string): Tri {
  if (app === undefined) return "unknown";
  if (app === null) return "no";
  return app <= date ? "yes" : "no";
}

/** "will cease to be an authorized IC designer 180 days after the submission of its application". */
function notLapsedOn(app: string | null | undefined, lapsesOn: string | undefined, date: string): Tri {
  if (lapsesOn === undefined) return app === null ? "no" : "unknown";
  return isoDateBefore(date, lapsesOn) ? "yes" : "no";
}

function periodOf(date: string, triggerDate: string): DesignerFinding["period"] {
  if (date < triggerDate) return "prior";
  if (date > triggerDate) return "after";
  return "trigger-date";
}

/** ¶a(2) before the trigger date, ¶a(3) after it; on the date itself, known only when the two agree. */
function authorizedIn(period: DesignerFinding["period"], a2: Tri, a3: Tri): Tri {
  switch (period) {
    case "prior":
      return a2;
    case "after":
      return a3;
    case "trigger-date":
      return a2 === a3 ? a2 : "unknown";
  }
}

function applicationText(
  app: string | null | undefined,
  lapsesOn: string | undefined,
  date: string,
  days: number,
): string {
  if (app === undefined) return "designer.approvalApplicationDate not given";
  if (app === null) return "has not applied to become approved";
  if (app > date) return `applied on ${app}, after the completion date ${date}`;
  const runs = isoDateBefore(date, lapsesOn!) ? "runs" : "ran";
  return (
    `applied on ${app}; authorized status ${runs} until ${lapsesOn} ` +
    `(ends on day ${days}: ${date} is day ${daysBetween(app, date)})`
  );
}

function periodText(period: DesignerFinding["period"], date: string, triggerDate: string, a2: Tri, a3: Tri): string {
  switch (period) {
    case "prior":
      return `completed ${date}, prior to ${triggerDate}: ¶a(2) applies`;
    case "after":
      return `completed ${date}, after ${triggerDate}: ¶a(3) applies`;
    case "trigger-date":
      return (
        `completed on ${triggerDate} itself, which is neither "prior to" nor "after" it: ` +
        `checked under ¶a(2) (${a2}) and ¶a(3) (${a3})`
      );
  }
}

/** What would make the designer approved or authorized, in words. */
function designerNeeds(
  d: Designer,
  name: string,
  a1: A1Finding,
  a2i: A2iFinding,
  agreed: Tri,
  a2: Tri,
  dated: DatedFinding,
  params: Note1Parameters,
): string[] {
  const needs: string[] = [];
  if (a1.approved !== "no") {
    needs.push(
      a1.listCheck === "no name"
        ? "designer.name, to check Supp. 6"
        : `whether ${name} is on Supp. 6 (the current list with --approved-designers FILE, or designer.approved)`,
    );
  }
  const { period, applied, notLapsed } = dated;
  const reasons: string[] = [];
  if (a2i.headquartered !== "yes") reasons.push(d.headquarters === undefined ? "designer.headquarters" : a2i.hqText);
  if (a2i.notLocated !== "yes") reasons.push(a2i.locations === undefined ? "designer.locations" : a2i.locText);
  if (a2i.parentOk !== "yes")
    reasons.push(d.ultimateParentHeadquarters === undefined ? "designer.ultimateParentHeadquarters" : a2i.parentText);
  if (agreed !== "yes")
    reasons.push(
      d.agreedToReporting === undefined
        ? "designer.agreedToReporting"
        : "agreement to submit the § 743.9(b) information",
    );
  if (period !== "prior" && applied !== "yes")
    reasons.push(
      d.approvalApplicationDate === undefined
        ? "designer.approvalApplicationDate"
        : "an application to become approved",
    );
  if (period !== "prior" && applied === "yes" && notLapsed !== "yes")
    reasons.push(`an application less than ${params.lapseDays.days} days old (${dated.appText})`);
  if (period === "trigger-date" && a2 !== dated.a3)
    reasons.push(`a reading of the trigger date ${params.triggerDate.date} itself (A-11)`);
  needs.push(`a designer authorized under Note 1 ¶a(${period === "prior" ? "2" : "3"}): ${reasons.join("; ")}`);
  return needs;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD, UTC). */
export function daysBetween(from: string, to: string): number {
  // UTC midnights are whole multiples of a day apart, so the division is exact.
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}
