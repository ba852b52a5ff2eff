/**
 * The shipment `ic3a090 license` answers: its JSON shape (the CLI contract),
 * validated by zod, with every figure a decimal string parsed once into an
 * exact Rational and every country an assigned ISO 3166-1 alpha-2 code.
 *
 * `item` is either a stated ECCN paragraph with the facts the rows need, or a
 * `datasheet` (as `classify` takes it) that is classified first.
 */
import { z } from "zod";
import { decimalField, InvalidInputError, issuesFromZod } from "../classify/datasheet.js";
import { strictObject } from "../input/strict.js";
import { IsoDateSchema } from "../rules/dated.js";
import { CountryCodeSchema } from "../presume/order.js";
import { licensingData } from "./data.js";

/** The .z bases § 740.8 lists, whose .z paragraphs follow the matching .a or .b row. */
export const Z_BASES = ["3A001", "4A003", "4A004", "4A005", "5A002", "5A004", "5A992", "5D002", "5D992"] as const;

const ECCN_PATTERN = new RegExp(
  `^(3A090\\.[abc]|4A090\\.[ab]|(${Z_BASES.join("|")})\\.z(\\.\\d+)?(\\.[ab])?|3A991\\.p|4A994\\.l|5A992\\.c|EAR99|none|indeterminate)$`,
);
const ECCN_HINT =
  '3A090.a, 3A090.b, 3A090.c, 4A090.a, 4A090.b, a .z paragraph such as "5A992.z.1" or "5A002.z.1.a", 3A991.p, ' +
  "4A994.l, 5A992.c, EAR99, none or indeterminate";

export const TRANSACTIONS = ["export", "reexport", "transfer"] as const;
export type Transaction = (typeof TRANSACTIONS)[number];

export const AI_TRAINING = [
  "none",
  "for-d5-or-macau-headquartered",
  "wmd",
  "military-intelligence",
  "unknown",
] as const;
export type AiTraining = (typeof AI_TRAINING)[number];

const PartySchema = strictObject({
  name: z.string().min(1).optional(),
  headquarters: CountryCodeSchema.optional(),
  ultimateParentHeadquarters: CountryCodeSchema.nullable()
    .optional()
    .meta({ description: "null when the party has no parent other than itself" }),
  locations: z.array(CountryCodeSchema).optional(),
});

export const ItemSchema = strictObject({
  eccn: z
    .string()
    .regex(ECCN_PATTERN, { message: `must be one of ${ECCN_HINT}` })
    .optional()
    .meta({ description: "The item's ECCN paragraph as classified" }),
  datasheet: z
    .unknown()
    .optional()
    .meta({ description: "A datasheet as `classify` takes it, classified first (instead of eccn)" }),
  part: z
    .string()
    .min(1)
    .optional()
    .meta({ description: "Part name (checked against the ICs named in the GP10 guidance)" }),
  datacenter: z.boolean().optional().meta({ description: "Designed or marketed for use in datacenters" }),
  tpp: decimalField("plain", "Total processing performance (Technical Note 2 to 3A090.a/.b)").optional(),
  dramBandwidthGBps: decimalField(
    "bandwidth",
    "'Total DRAM bandwidth' in GB/s (Supp. 2 to part 748 ¶(dd)(1))",
  ).optional(),
  memoryBandwidthDensity: decimalField("plain", "3A090.c: memory bandwidth density in GB/s/mm²").optional(),
  commerciallyAvailableInUs: z
    .boolean()
    .optional()
    .meta({ description: "Commercially available in the United States on 2026-01-15 (FR 2026-00789)" }),
  designer: PartySchema.optional().meta({ description: "Who designed the IC (GP10: PRC 3A090 IC)" }),
  producer: PartySchema.optional().meta({ description: "Who produced the IC (GP10: PRC 3A090 IC)" }),
}).superRefine((item, ctx) => {
  if ((item.eccn === undefined) === (item.datasheet === undefined)) {
    ctx.addIssue({
      code: "custom",
      message: `give either eccn (${ECCN_HINT}) or a datasheet, not ${item.eccn === undefined ? "neither" : "both"}`,
    });
  }
});

export const EndUserSchema = strictObject({
  name: z.string().min(1).optional(),
  headquarters: CountryCodeSchema.optional(),
  ultimateParentHeadquarters: CountryCodeSchema.nullable()
    .optional()
    .meta({ description: "null when the end user has no parent other than itself" }),
  entityList: z.boolean().optional().meta({ description: "Screening result: the end user is on the Entity List" }),
  affiliateOfListedParty: z
    .boolean()
    .optional()
    .meta({ description: "At least 50 % owned by Entity List parties (affiliates rule, A-24)" }),
  privateSector: z.boolean().optional().meta({ description: "A private-sector end user (ACM, as written)" }),
});

export const EndUseSchema = strictObject({
  supercomputer: z
    .boolean()
    .optional()
    .meta({ description: "Knowledge of use in a supercomputer in or for Macau or D:5 (744.23(a)(1))" }),
  advancedNodeFab: z
    .boolean()
    .optional()
    .meta({ description: "Knowledge of use for an advanced-node IC fab in Macau or D:5 (744.23(a)(2))" }),
  aiTraining: z
    .enum(AI_TRAINING)
    .optional()
    .meta({ description: "Knowledge that the items will train AI models (May 2025 Policy Statement)" }),
  prc3A090Ic: z.boolean().optional().meta({ description: "The item is (or contains) a PRC 3A090 IC (GP10)" }),
  technicalEvaluationOnly: z
    .boolean()
    .optional()
    .meta({ description: "Acquired solely for technical analysis or evaluation (GP10 carve-out)" }),
});

export const ShipmentSchema = strictObject({
  shipment: z
    .string()
    .min(1, { error: "name the shipment" })
    .meta({ description: "The shipment's reference, e.g. a sales order" }),
  date: IsoDateSchema.optional().meta({
    description: "The date of the export, reexport or transfer (--date overrides)",
  }),
  item: ItemSchema,
  destination: CountryCodeSchema.meta({
    description: "Country of destination (ISO 3166-1 alpha-2; HK is treated as CN)",
  }),
  endUser: EndUserSchema.optional(),
  transaction: z.enum(TRANSACTIONS, { error: 'must be "export", "reexport" or "transfer" (in-country)' }),
  exportFrom: CountryCodeSchema.optional().meta({ description: "The country shipped from" }),
  endUse: EndUseSchema.optional(),
  answers: strictObject({ redFlags: z.record(z.string(), z.boolean()).optional() }).optional(),
})
  .superRefine((shipment, ctx) => {
    const known = new Set(licensingData().file.redFlags.map((flag) => flag.id));
    for (const id of Object.keys(shipment.answers?.redFlags ?? {})) {
      if (!known.has(id))
        ctx.addIssue({
          code: "custom",
          path: ["answers", "redFlags", id],
          message: `is not a red flag id; use one of ${[...known].join(", ")}`,
        });
    }
  })
  .meta({
    title: "ic3a090 license shipment",
    description: "One shipment to answer: item, destination, parties, end use",
  });

export type Shipment = z.output<typeof ShipmentSchema>;
export type ShipmentInput = z.input<typeof ShipmentSchema>;

/** Validates a shipment; @throws InvalidInputError naming every field that is wrong. */
export function parseShipment(input: unknown): Shipment {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new InvalidInputError([
      {
        path: "",
        message:
          'a shipment must be a JSON object, e.g. {"shipment": "SO-1", "item": {...}, "destination": "DE", ' +
          '"transaction": "export"}',
      },
    ]);
  }
  const parsed = ShipmentSchema.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(issuesFromZod(parsed.error));
  return parsed.data;
}

/** The JSON Schema of the shipment input (`ic3a090 schema license`). */
export function shipmentJsonSchema(): object {
  return z.toJSONSchema(ShipmentSchema, { io: "input", unrepresentable: "any" });
}
