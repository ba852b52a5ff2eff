/**
 * The order a front-end fabricator or OSAT checks before release: its JSON
 * shape (the CLI contract of `ic3a090 presume`), validated by zod, with every
 * figure a decimal string parsed once into an exact Rational (the same
 * `decimalField` and `DieSchema` as the datasheet).
 *
 * `designerAttestation` is kept as given here and read by ./attestation.ts:
 * a plain object (unsigned), a DSSE envelope, or a path to one.
 */
import { z } from "zod";
import { decimalField, DieSchema, InvalidInputError, issuesFromZod } from "../classify/datasheet.js";
import { IsoDateSchema, isIsoDate, loadDataFile } from "../rules/dated.js";
import { strictObject } from "../input/strict.js";

export const PARTIES = ["front-end-fabricator", "osat", "other"] as const;
export type Party = (typeof PARTIES)[number];

const partyField = (what: string) =>
  z.enum(PARTIES, {
    error: (issue) =>
      'must be "front-end-fabricator", "osat" or ' +
      `"other"${issue.input === undefined ? ` (${what})` : `, got ${JSON.stringify(issue.input)}`}`,
  });

/** The officially assigned ISO 3166-1 alpha-2 codes (data/iso-3166-1-alpha-2.json). */
const ISO_CODES = new Set(
  Object.keys(loadDataFile("iso-3166-1-alpha-2.json", z.object({ codes: z.record(z.string(), z.string()) })).codes),
);

export const CountryCodeSchema = z
  .string({ error: 'must be an ISO 3166-1 alpha-2 code such as "TW" (MO for Macau, HK for Hong Kong)' })
  .regex(/^[A-Z]{2}$/, {
    message: 'must be an ISO 3166-1 alpha-2 code in capitals, such as "TW" (MO for Macau, HK for Hong Kong)',
  })
  .refine((code) => ISO_CODES.has(code), {
    error: (issue) =>
      `${JSON.stringify(issue.input)} is not an assigned ISO 3166-1 alpha-2 code; use one such as "TW" (MO for ` +
      "Macau, HK for Hong Kong)",
  });

export const PackagingSchema = strictObject({
  by: partyField("who packages the die")
    .optional()
    .meta({ description: "Who packages the die: the front-end fabricator, an OSAT, or another party" }),
  location: CountryCodeSchema.optional().meta({ description: "Where the die is packaged (ISO code)" }),
  osat: z
    .string()
    .min(1)
    .optional()
    .meta({ description: 'The OSAT company, when by is "osat" (checked against Supp. 7)' }),
  osatApproved: z.boolean().optional().meta({
    description: "The order's own statement that the OSAT is on Supp. 7, used when the list's contents are not known",
  }),
});

export const DesignerSchema = strictObject({
  name: z.string().min(1).optional(),
  headquarters: CountryCodeSchema.optional(),
  ultimateParentHeadquarters: CountryCodeSchema.optional(),
  locations: z
    .array(CountryCodeSchema)
    .optional()
    .meta({ description: "Every country the designer is located in (docs/ambiguities.md#a-12)" }),
  approved: z.boolean().optional().meta({
    description:
      "The order's own statement that the designer is on Supp. 6, used when the list's contents are not known",
  }),
  agreedToReporting: z
    .boolean()
    .optional()
    .meta({ description: "Agreed to submit the § 743.9(b) information to the front-end fabricator" }),
  approvalApplicationDate: IsoDateSchema.nullable().optional().meta({
    description: "When it applied to become an approved designer; null when it has not applied; absent when not known",
  }),
  address: z.string().min(1).optional().meta({ description: "For the § 743.9(b)(1) report" }),
  pointOfContact: z.string().min(1).optional().meta({ description: "For the § 743.9(b)(1) report" }),
});

export const OrderSchema = strictObject({
  part: z.string().min(1, { error: "name the part" }),
  exporter: partyField("who exports, reexports or transfers the IC"),
  completionDate: z
    .string({
      error: 'give the date the export, reexport or in-country transfer is completed, as YYYY-MM-DD, e.g. "2027-03-15"',
    })
    .refine(isIsoDate, { message: 'must be a calendar date written YYYY-MM-DD, e.g. "2027-03-15"' })
    .meta({ description: "The date the export, reexport or in-country transfer is completed" }),
  logic: z.boolean().optional().meta({ description: "True for a logic IC" }),
  containsHbm: z
    .boolean()
    .optional()
    .meta({ description: "True when the final packaged IC contains high-bandwidth memory (docs/ambiguities.md#a-5)" }),
  nonPlanar: z
    .boolean()
    .optional()
    .meta({ description: "For an order without dies: the IC uses a non-planar transistor architecture" }),
  nodeNm: decimalField("plain", "For an order without dies: the process node in nm", { example: "5" }).optional(),
  dies: z.array(DieSchema).optional(),
  aggregatedApproximatedTransistorCount: decimalField(
    "plain",
    "The attested aggregated approximated transistor count of the final packaged IC",
    { example: "29400000000" },
  ).optional(),
  transistorCountSource: z
    .string()
    .min(1)
    .optional()
    .meta({ description: 'How the attested count was obtained, e.g. "GDS count" (docs/ambiguities.md#a-7)' }),
  packaging: PackagingSchema.optional(),
  designer: DesignerSchema.optional(),
  designerAttestation: z.unknown().optional().meta({
    description: "The designer's attestation of TPP and PD: a plain object, a DSSE envelope, or a path to one",
  }),
  shipTo: CountryCodeSchema.optional().meta({
    description: "Where the foundry ships the IC: adds the licence answer (ic3a090 license)",
  }),
  shipFrom: CountryCodeSchema.optional().meta({ description: "Where it ships from (default: the packaging location)" }),
  endUser: z
    .object({
      headquarters: CountryCodeSchema.optional(),
      ultimateParentHeadquarters: CountryCodeSchema.nullable().optional(),
    })
    .optional()
    .meta({ description: "The consignee's headquarters and ultimate parent's (null: none), for the licence answer" }),
})
  .superRefine((order, ctx) => {
    const stackDie = memoryStackDieContradictingNoHbm(order);
    if (stackDie === undefined) return;
    ctx.addIssue({
      code: "custom",
      path: ["containsHbm"],
      message:
        `is false, but dies[${stackDie}] is part of a memory stack (memoryStack: true): the order contradicts ` +
        "itself on whether the IC contains HBM, which chooses the transistor threshold; correct one of the two",
    });
  })
  .meta({
    title: "ic3a090 order",
    description: "One order checked under Note 1 to 3A090.a. Every figure is a decimal string.",
  });

/**
 * The index of a memory-stack die in an order that says `containsHbm: false`,
 * or undefined. A memory-stack die is an HBM core or base die, so the two facts
 * contradict each other (docs/ambiguities.md#a-5, docs/ambiguities.md#a-6): neither may pick the threshold.
 */
export function memoryStackDieContradictingNoHbm(order: {
  containsHbm?: boolean | undefined;
  dies?: readonly { memoryStack?: boolean | undefined }[] | undefined;
}): number | undefined {
  if (order.containsHbm !== false) return undefined;
  const index = (order.dies ?? []).findIndex((die) => die.memoryStack === true);
  return index === -1 ? undefined : index;
}

export type Order = z.output<typeof OrderSchema>;
export type OrderInput = z.input<typeof OrderSchema>;

/**
 * Validates an order (parsed JSON). A field the order does not know is an
 * error at its path, with the nearest known field (src/input/strict.ts);
 * `unknownFields` is kept for callers and is always empty.
 *
 * @throws InvalidInputError naming every field that is wrong.
 */
export function parseOrder(input: unknown): { order: Order; unknownFields: string[] } {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new InvalidInputError([
      {
        path: "",
        message:
          'an order must be a JSON object, e.g. {"part": "X", "exporter": "front-end-fabricator", ' +
          '"completionDate": "2027-03-15", ...}',
      },
    ]);
  }
  const parsed = OrderSchema.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(issuesFromZod(parsed.error));
  return { order: parsed.data, unknownFields: [] };
}

/** The JSON Schema of an order. */
export function orderJsonSchema(): object {
  return z.toJSONSchema(OrderSchema, { io: "input", unrepresentable: "any" });
}
