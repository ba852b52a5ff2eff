/**
 * The TPP ledger of the AI Diffusion rule as written (FR 2025-00636; not
 * enforced), regulation-update.md §5:
 *
 * - Tier 2 country allocation, 2025–2027 cumulative: "790,000,000 TPP per
 *   country (not annual)" (CSIS [P]; unverified);
 * - LPP (§ 740.29): "26,900,000 TPP per calendar year per ultimate consignee"
 *   (CSIS [P]; unverified), not counted against the country allocation;
 * - AIA (§ 740.27(c)): reporting at a "cumulative total processing performance
 *   (TPP) of 253,000,000" ([V]).
 *
 * Readings (spec/ambiguities/allocations-ledger.spec.ts): every Tier 2 shipment
 * counts against its country's allocation and, separately, its consignee's LPP
 * allowance for the calendar year (which of the two a shipment would use is the
 * exporter's choice, not stated in the input); Tier 1 shipments count toward
 * the AIA reporting trigger per ultimate consignee; Tier 3 has no allocation
 * (presumption of denial). A limit is reached at exactly its value and crossed
 * by the shipment that takes the total above it. Exact arithmetic throughout.
 */
import { type InputIssue, InvalidInputError } from "../classify/datasheet.js";
import { Rational } from "../numbers/rational.js";
import { aiDiffusionData, type DiffusionFlag, type Figure, type Tier, tierOf } from "./data.js";

export interface Shipment {
  readonly date: string;
  readonly destination: string;
  readonly consignee: string;
  readonly headquarters: string | null;
  readonly quantity: Rational;
  /** TPP of one item. */
  readonly tpp: Rational;
}

export type LimitId = "country-allocation" | "lpp" | "aia-reporting";

export interface LedgerEntry {
  readonly limit: LimitId;
  /** The ledger key: the country, or the consignee (and year for LPP). */
  readonly key: string;
  readonly limitValue: string;
  readonly usedBefore: string;
  readonly usedAfter: string;
  /** True for the shipment that takes the total above the limit. */
  readonly crosses: boolean;
  /** True when the total after this shipment is above the limit. */
  readonly over: boolean;
  readonly citation: string;
  /** True when the figure is secondary-only (not seen in primary text). */
  readonly unverified: boolean;
}

export interface LedgerLine {
  readonly date: string;
  readonly destination: string;
  readonly tier: Tier;
  readonly consignee: string;
  readonly tpp: string;
  readonly quantity: string;
  readonly shipmentTpp: string;
  readonly ledgers: readonly LedgerEntry[];
  readonly notes: readonly string[];
  readonly enforced: false;
  readonly ruleSet: DiffusionFlag;
}

/** The shipment is dated inside the 2025–2027 allocation period. */
function inAllocationPeriod(date: string, figure: { period: { from: string; to: string } }): boolean {
  return date >= figure.period.from && date <= figure.period.to;
}

export class AllocationLedger {
  private readonly used = new Map<string, Rational>();
  private readonly data = aiDiffusionData();

  /** The sum of every shipment's TPP × quantity so far (for the ledger total). */
  total: Rational = Rational.ZERO;

  add(shipment: Shipment): LedgerLine {
    const { flag, file } = this.data;
    if (shipment.date < flag.effective) {
      throw new InvalidInputError([
        { path: "date", message: `${shipment.date} is before the AI Diffusion rule took effect (${flag.effective})` },
      ]);
    }
    const amount = shipment.tpp.mul(shipment.quantity);
    this.total = this.total.add(amount);
    const tier = tierOf(shipment.destination, shipment.date, this.data);
    const ledgers: LedgerEntry[] = [];
    const notes: string[] = [];
    const a = file.allocations;
    if (tier === "tier-2") {
      if (inAllocationPeriod(shipment.date, a.countryAllocation))
        ledgers.push(this.count("country-allocation", shipment.destination, amount, a.countryAllocation));
      else
        notes.push(
          `outside the allocation period ${a.countryAllocation.period.from} to ${a.countryAllocation.period.to}`,
        );
      ledgers.push(this.count("lpp", `${shipment.consignee} ${shipment.date.slice(0, 4)}`, amount, a.lpp));
    } else if (tier === "tier-1") {
      ledgers.push(this.count("aia-reporting", shipment.consignee, amount, a.aiaReporting));
    } else if (tier === "tier-3") {
      notes.push("Tier 3 (D:5 or Macau): no allocation; presumption of denial");
    } else {
      notes.push("tier unknown on this date: D:5 membership not known");
    }
    return {
      date: shipment.date,
      destination: shipment.destination,
      tier,
      consignee: shipment.consignee,
      tpp: shipment.tpp.toExactString(),
      quantity: shipment.quantity.toExactString(),
      shipmentTpp: amount.toExactString(),
      ledgers,
      notes,
      enforced: false,
      ruleSet: flag,
    };
  }

  /** The used amount of a ledger so far. */
  usedOf(limit: LimitId, key: string): Rational {
    return this.used.get(`${limit}\u0000${key}`) ?? Rational.ZERO;
  }

  private count(limit: LimitId, key: string, amount: Rational, figure: Figure): LedgerEntry {
    const before = this.usedOf(limit, key);
    const after = before.add(amount);
    this.used.set(`${limit}\u0000${key}`, after);
    const value = this.data.value(figure);
    return {
      limit,
      key,
      limitValue: value.toExactString(),
      usedBefore: before.toExactString(),
      usedAfter: after.toExactString(),
      crosses: before.lte(value) && after.gt(value),
      over: after.gt(value),
      citation: `${figure.citation}; ${figure.source} [confidence ${figure.confidence}${figure.verified ? "" : ", unverified"}]`,
      unverified: !figure.verified,
    };
  }
}

export type { InputIssue };
