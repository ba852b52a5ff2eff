/**
 * The licence answer for a foundry's or OSAT's shipment of the IC an order
 * describes (`presume --ship-to`): the item is what Note 1 to 3A090.a makes
 * of it.
 *
 * > … there is a presumption that the item is 3A090.a and designed or
 * > marketed for datacenters. … If the 'front-end fabricator' or 'OSAT'
 * > company cannot overcome this presumption, then it must comply with all
 * > license requirements applicable to items specified in 3A090.a.
 *
 * Presumption applies: a datacenter 3A090.a IC. Overcome by route a with the
 * designer's figures: the clause they give (datacenter design not known).
 * Otherwise the item's paragraph is not known, so the answer cannot be
 * a silent `no`.
 */
import { eccnOf, type Clause, CLAUSES } from "../classify/result.js";
import { InvalidInputError } from "../classify/datasheet.js";
import { type Order, parseOrder } from "../presume/order.js";
import { RulesDateError } from "../rules/rules.js";
import type { PresumeResult } from "../presume/result.js";
import { licenseShipment, type LicenseOptions } from "./license.js";
import type { LicenseResult } from "./result.js";
import { parseShipment } from "./shipment.js";

export interface ShipTo {
  readonly destination: string;
  readonly exportFrom?: string;
  readonly headquarters?: string;
  readonly ultimateParentHeadquarters?: string | null;
}

/**
 * The item paragraph the presumption leaves: 3A090.a (datacenter) when it applies; the attested clause's paragraph
 * when overcome by route a.
 */
export function presumedItem(result: PresumeResult): { eccn: string; datacenter?: boolean } {
  if (result.presumption === "applies") return { eccn: "3A090.a", datacenter: true };
  if (
    result.presumption === "overcome" &&
    result.attestedClause !== null &&
    (CLAUSES as readonly string[]).includes(result.attestedClause)
  ) {
    return { eccn: eccnOf(result.attestedClause as Clause) };
  }
  return { eccn: "indeterminate" };
}

/** The ship-to of an order: the options win over the order's own fields. */
export function shipToOf(
  order: Pick<Order, "shipTo" | "shipFrom" | "endUser" | "packaging">,
  options: Partial<ShipTo>,
): ShipTo | undefined {
  const destination = options.destination ?? order.shipTo;
  if (destination === undefined) return undefined;
  const exportFrom = options.exportFrom ?? order.shipFrom ?? order.packaging?.location;
  const headquarters = options.headquarters ?? order.endUser?.headquarters;
  const parent =
    options.ultimateParentHeadquarters !== undefined
      ? options.ultimateParentHeadquarters
      : order.endUser?.ultimateParentHeadquarters;
  return {
    destination,
    ...(exportFrom === undefined ? {} : { exportFrom }),
    ...(headquarters === undefined ? {} : { headquarters }),
    ...(parent === undefined ? {} : { ultimateParentHeadquarters: parent }),
  };
}

/** The licence answer for the shipment of the presumed item, on the order's completion date. */
export function licenseForPresumption(
  result: PresumeResult,
  shipTo: ShipTo,
  options: Pick<LicenseOptions, "mode"> = {},
): LicenseResult {
  const shipment = parseShipment({
    shipment: result.part,
    item: { ...presumedItem(result), part: result.part },
    destination: shipTo.destination,
    transaction: shipTo.exportFrom === undefined || shipTo.exportFrom !== shipTo.destination ? "export" : "transfer",
    ...(shipTo.exportFrom === undefined ? {} : { exportFrom: shipTo.exportFrom }),
    endUser: {
      ...(shipTo.headquarters === undefined ? {} : { headquarters: shipTo.headquarters }),
      ...(shipTo.ultimateParentHeadquarters === undefined
        ? {}
        : { ultimateParentHeadquarters: shipTo.ultimateParentHeadquarters }),
    },
  });
  return licenseShipment(shipment, { date: result.completionDate, ...(options.mode ? { mode: options.mode } : {}) });
}

/** A presume result with the licence answer attached when the order or the options give a ship-to. */
export function withLicense(
  result: PresumeResult,
  input: unknown,
  options: Partial<ShipTo> & Pick<LicenseOptions, "mode">,
): PresumeResult {
  const { order } = parseOrder(input);
  const shipTo = shipToOf(order, options);
  if (shipTo === undefined) return result;
  try {
    return { ...result, license: licenseForPresumption(result, shipTo, options) };
  } catch (error) {
    if (error instanceof RulesDateError)
      throw new InvalidInputError([{ path: "completionDate", message: `licence answer: ${error.message}` }]);
    throw error;
  }
}
