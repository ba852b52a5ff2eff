/** Shipments for the licence specs: a base shipment with every fact stated, and small changes to it. */
import { license } from "../../src/license/license.js";
import type { Mode } from "../../src/license/data.js";
import type { LicenseResult } from "../../src/license/result.js";

export const DATE = "2026-11-29";

export interface ShipmentSketch {
  shipment?: string;
  item?: Record<string, unknown>;
  destination?: string;
  endUser?: Record<string, unknown>;
  transaction?: string;
  exportFrom?: string;
  endUse?: Record<string, unknown>;
  answers?: Record<string, unknown>;
  date?: string;
}

/** An H100-class datacenter 3A090.a IC exported from the US to an end user headquartered in Germany (no parent), located in the destination; every end use denied. */
export function shipment(changes: ShipmentSketch = {}): Record<string, unknown> {
  return {
    shipment: changes.shipment ?? "S-1",
    item: {
      eccn: "3A090.a",
      datacenter: true,
      tpp: "15832",
      dramBandwidthGBps: "3350",
      commerciallyAvailableInUs: true,
      ...changes.item,
    },
    destination: changes.destination ?? "DE",
    endUser: { headquarters: "DE", ultimateParentHeadquarters: null, entityList: false, ...changes.endUser },
    transaction: changes.transaction ?? "export",
    exportFrom: changes.exportFrom ?? "US",
    endUse: { supercomputer: false, advancedNodeFab: false, aiTraining: "none", prc3A090Ic: false, ...changes.endUse },
    ...(changes.answers ? { answers: changes.answers } : {}),
    ...(changes.date ? { date: changes.date } : {}),
  };
}

export function answer(changes: ShipmentSketch = {}, date: string = DATE, mode: Mode = "enforced"): LicenseResult {
  return license(shipment(changes), { date, mode });
}

export const rowIds = (result: LicenseResult) => result.rows.map((row) => row.id);
