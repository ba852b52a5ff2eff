/**
 * The AI Diffusion TPP ledger as written (not enforced): each limit reached
 * exactly and exceeded by one; secondary-only figures flagged unverified; the
 * ledger total equals the sum of TPP × quantity computed independently; adding
 * a shipment never lowers a country's used allocation.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AllocationLedger } from "../../src/diffusion/allocations.js";
import { parseAllocationShipment } from "../../src/diffusion/shipment.js";
import { tierOf } from "../../src/diffusion/data.js";

const ship = (destination: string, tpp: string, quantity = "1", consignee = "C", date = "2025-06-01") =>
  parseAllocationShipment({ date, destination, consignee, quantity, tpp });

describe("limits: reached exactly, and exceeded by one", () => {
  it("LPP 26,900,000 per consignee per year (unverified)", () => {
    const ledger = new AllocationLedger();
    const at = ledger.add(ship("MY", "26900000")).ledgers.find((l) => l.limit === "lpp")!;
    expect([at.crosses, at.over, at.unverified]).toEqual([false, false, true]);
    const beyond = ledger.add(ship("MY", "1")).ledgers.find((l) => l.limit === "lpp")!;
    expect([beyond.crosses, beyond.over]).toEqual([true, true]);
    expect(ledger.add(ship("MY", "1", "1", "C", "2026-01-01")).ledgers.find((l) => l.limit === "lpp")!.usedAfter).toBe(
      "1",
    );
  });
  it("country allocation 790,000,000 for 2025–2027 (unverified)", () => {
    const ledger = new AllocationLedger();
    const at = ledger.add(ship("MY", "790000000", "1", "A")).ledgers.find((l) => l.limit === "country-allocation")!;
    expect([at.crosses, at.unverified]).toEqual([false, true]);
    const beyond = ledger
      .add(ship("MY", "1", "1", "B", "2027-12-31"))
      .ledgers.find((l) => l.limit === "country-allocation")!;
    expect(beyond.crosses).toBe(true);
    expect(
      ledger.add(ship("MY", "1", "1", "B", "2028-01-01")).ledgers.some((l) => l.limit === "country-allocation"),
    ).toBe(false);
  });
  it("AIA reporting at 253,000,000 for Tier 1 (verified)", () => {
    const ledger = new AllocationLedger();
    const at = ledger.add(ship("DE", "253000000")).ledgers[0]!;
    expect([at.limit, at.crosses, at.unverified]).toEqual(["aia-reporting", false, false]);
    expect(ledger.add(ship("DE", "1")).ledgers[0]!.crosses).toBe(true);
  });
  it("Tier 3 has no allocation; dates before 2025-01-13 are refused", () => {
    expect(new AllocationLedger().add(ship("CN", "15832")).ledgers).toEqual([]);
    expect(() => new AllocationLedger().add(ship("MY", "1", "1", "C", "2025-01-12"))).toThrow(
      /before the AI Diffusion rule/,
    );
  });
  it("tiers: Tier 1 from the licensing data, Tier 3 D:5 and Macau", () => {
    expect(["US", "TW", "DE", "MY", "IN", "CN", "MO"].map((c) => tierOf(c, "2025-06-01"))).toEqual([
      "tier-1",
      "tier-1",
      "tier-1",
      "tier-2",
      "tier-2",
      "tier-3",
      "tier-3",
    ]);
  });
  it("every line says not enforced", () => {
    const line = new AllocationLedger().add(ship("MY", "1"));
    expect(line.enforced).toBe(false);
    expect(line.ruleSet).toMatchObject({
      effective: "2025-01-13",
      compliance: "2025-05-15",
      nonEnforcementAnnounced: "2025-05-13",
    });
  });
});

const shipments = fc.array(
  fc.record({
    destination: fc.constantFrom("MY", "IN", "DE", "CN"),
    tpp: fc.bigInt({ min: 0n, max: 10n ** 9n }),
    quantity: fc.bigInt({ min: 0n, max: 10000n }),
  }),
  { maxLength: 30 },
);

describe("properties", () => {
  it("the ledger total equals the sum of TPP × quantity", () => {
    fc.assert(
      fc.property(shipments, (list) => {
        const ledger = new AllocationLedger();
        for (const s of list) ledger.add(ship(s.destination, s.tpp.toString(), s.quantity.toString()));
        const expected = list.reduce((sum, s) => sum + s.tpp * s.quantity, 0n);
        expect(ledger.total.toExactString()).toBe(expected.toString());
      }),
    );
  });
  it("adding a shipment never lowers a country's used allocation", () => {
    fc.assert(
      fc.property(shipments, (list) => {
        const ledger = new AllocationLedger();
        for (const s of list) {
          const before = ledger.usedOf("country-allocation", "MY");
          ledger.add(ship(s.destination, s.tpp.toString(), s.quantity.toString()));
          expect(ledger.usedOf("country-allocation", "MY").gte(before)).toBe(true);
        }
      }),
    );
  });
});
