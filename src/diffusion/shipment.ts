/** A shipment for the allocation ledger: date, destination, consignee, headquarters, quantity, and the item's TPP or a datasheet. */
import { z } from "zod";
import { classify } from "../classify/classify.js";
import { InvalidInputError, issuesFromZod } from "../classify/datasheet.js";
import { strictObject } from "../input/strict.js";
import { CountryCodeSchema } from "../presume/order.js";
import { parseDecimal, type Rational } from "../numbers/rational.js";
import { IsoDateSchema, decimalStringSchema } from "../rules/dated.js";
import type { Shipment } from "./allocations.js";

const Decimal = decimalStringSchema("15832");

export const AllocationShipmentSchema = strictObject({
  date: IsoDateSchema,
  destination: CountryCodeSchema,
  consignee: z.string().min(1),
  headquarters: CountryCodeSchema.nullable().optional(),
  quantity: Decimal,
  tpp: Decimal.optional(),
  datasheet: z.unknown().optional(),
});

export function parseAllocationShipment(value: unknown): Shipment {
  const parsed = AllocationShipmentSchema.safeParse(value);
  if (!parsed.success) throw new InvalidInputError(issuesFromZod(parsed.error));
  const s = parsed.data;
  const quantity = parseDecimal(s.quantity);
  if (!quantity.isInteger())
    throw new InvalidInputError([{ path: "quantity", message: "must be a whole number of items" }]);
  let tpp: Rational;
  if (s.tpp !== undefined) tpp = parseDecimal(s.tpp);
  else if (s.datasheet !== undefined) {
    const result = classify(s.datasheet, { date: s.date });
    if (result.tpp === null) throw new InvalidInputError([{ path: "datasheet", message: "gives no TPP" }]);
    tpp = parseDecimal(result.tpp);
  } else throw new InvalidInputError([{ path: "tpp", message: "give the item's TPP, or a datasheet" }]);
  return {
    date: s.date,
    destination: s.destination,
    consignee: s.consignee,
    headquarters: s.headquarters ?? null,
    quantity,
    tpp,
  };
}
