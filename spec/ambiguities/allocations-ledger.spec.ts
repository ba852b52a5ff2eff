/**
 * Allocation ledger readings (regulation-update.md §5; the Supp. 5 and § 740.29
 * texts were not read, the figures are CSIS [P]):
 * - a Tier 2 shipment counts against its country's 2025–2027 allocation and,
 *   separately, its consignee's LPP allowance for the calendar year: which one
 *   it would use is the exporter's choice and not in the input, so both are shown;
 * - the AIA reporting trigger is counted per ultimate consignee for Tier 1;
 * - a limit is reached at exactly its value and crossed above it.
 */
import { describe, expect, it } from "vitest";
import { AllocationLedger } from "../../src/diffusion/allocations.js";
import { parseAllocationShipment } from "../../src/diffusion/shipment.js";

describe("allocations: one Tier 2 shipment shows both the country and the LPP ledger", () => {
  it("both ledgers, both flagged unverified", () => {
    const line = new AllocationLedger().add(
      parseAllocationShipment({ date: "2025-06-01", destination: "MY", consignee: "C", quantity: "2", tpp: "15832" }),
    );
    expect(line.ledgers.map((l) => [l.limit, l.usedAfter, l.unverified])).toEqual([
      ["country-allocation", "31664", true],
      ["lpp", "31664", true],
    ]);
  });
});
