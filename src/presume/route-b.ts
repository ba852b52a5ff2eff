/**
 * # Note 1 to 3A090.a ¶b: route b, the front-end fabricator packages the die
 *
 * > b. If the integrated circuit die is packaged by the 'front-end fabricator'
 * > at a location outside of Macau or a destination specified in Country
 * > Group D:5 …, then the attestation of the 'front-end fabricator' that
 * > (a) the 'aggregated approximated transistor count' of the final packaged
 * > IC is below 30 billion transistors, or (b) the final packaged IC does not
 * > contain high-bandwidth memory and that the 'aggregated approximated
 * > transistor count' of the final packaged IC is below (i) 35 billion
 * > transistors for any exports, reexports, or transfers (in-country)
 * > completed in 2027; or (ii) 40 billion transistors for any exports,
 * > reexports, or transfers (in-country) completed in 2029 or thereafter,
 * > then this overcomes the presumption
 *
 * Three conditions, all needed: who packages the die, where, and the transistor
 * count (tested once for ¶b and ¶c in ./transistors.ts, on the dated thresholds).
 * The location is tested against Macau and D:5 on the completion date; a country
 * whose membership on that date is not known leaves the route open.
 */
import {
  canonicalCountry,
  changeCitation,
  countryGroupsCitation,
  countryGroupsData,
  inMacauOrD5,
} from "./country-groups.js";
import type { Order } from "./order.js";
import type { Note1Parameters } from "./parameters.js";
import type { RouteFinding } from "./route.js";
import type { TransistorTest } from "./transistors.js";
import { TRI_HOLDS, type Tri, triAnd } from "./tri.js";

/** ¶b: packaged by the front-end fabricator at a location outside Macau and D:5, and the count below the threshold. */
export function routeBByFabricator(
  order: Order,
  test: TransistorTest,
  date: string,
  params: Note1Parameters,
): RouteFinding {
  const by = order.packaging?.by;
  const location = order.packaging?.location;
  const byFab = packagedByFrontEndFabricator(by);
  const outside = packagedOutsideMacauAndD5(location, date);
  const status = triAnd([byFab, outside, test.below]);
  const needs: string[] = [];
  if (byFab !== "yes") needs.push(packagerNeed(by));
  if (outside !== "yes") needs.push(locationNeed(location, outside, date));
  const note = location ? canonicalCountry(location).note : undefined;
  return {
    status,
    needs: status === "yes" ? [] : needs,
    warnings: [],
    notes: note ? [note] : [],
    trace: {
      step: "Note 1 ¶b route b (front-end fabricator packages)",
      result: TRI_HOLDS[status],
      statement:
        `packaged by ${by ?? "(not given)"}; location ${location ?? "(not given)"}${treatedAs(location)}: ` +
        `${locationText(outside)}; transistor count below the threshold: ${test.below}`,
      citation: `${params.anyPackage.cites.replace(/¶b\(a\), ¶c\(a\)/, "¶b")}; ${countryGroupsCitation()}`,
    },
  };
}

/** "packaged by the 'front-end fabricator'": unknown when the order does not say who packages the die. */
function packagedByFrontEndFabricator(by: string | undefined): Tri {
  if (by === undefined) return "unknown";
  return by === "front-end-fabricator" ? "yes" : "no";
}

/** "at a location outside of Macau or a destination specified in Country Group D:5", on the completion date. */
function packagedOutsideMacauAndD5(location: string | undefined, date: string): Tri {
  if (location === undefined) return "unknown";
  switch (inMacauOrD5(location, date)) {
    case "member":
      return "no";
    case "not-member":
      return "yes";
    case "unknown":
      return "unknown";
  }
}

function packagerNeed(by: string | undefined): string {
  if (by === undefined) return "packaging.by: who packages the die";
  return `packaging by the front-end fabricator (packaging.by is ${by})`;
}

function locationNeed(location: string | undefined, outside: Tri, date: string): string {
  if (location === undefined) return "packaging.location: where the die is packaged";
  if (outside === "no") {
    const isMacau = canonicalCountry(location).code === countryGroupsData().file.macau.code;
    return `packaging at a location outside Macau and D:5 (${location} is ${isMacau ? "Macau" : "in D:5"})`;
  }
  const citation = changeCitation(location, "D:5") ?? "country-group data";
  return `packaging location ${location}: its D:5 membership on ${date} is not known (${citation})`;
}

/** " (treated as XX)" when the location given is an alias of another country code. */
function treatedAs(location: string | undefined): string {
  if (!location) return "";
  const { code } = canonicalCountry(location);
  return code !== location ? ` (treated as ${code})` : "";
}

function locationText(outside: Tri): string {
  switch (outside) {
    case "yes":
      return "outside Macau and D:5";
    case "no":
      return "Macau or D:5";
    case "unknown":
      return "not known to be outside Macau and D:5";
  }
}
