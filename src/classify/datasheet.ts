/**
 * The datasheet a user gives: its JSON shape (the CLI contract), validated by
 * zod, with every figure parsed once from a decimal string into an exact
 * Rational. `ic3a090 schema` prints the JSON Schema generated from here.
 */
import { z } from "zod";
import { QuietError } from "../input/quiet-error.js";
import { type Dimension, parseQuantity } from "../numbers/quantity.js";
import { DecimalSyntaxError, Rational } from "../numbers/rational.js";
import { strictObject, unknownFieldIssues } from "../input/strict.js";

const EXAMPLES: Record<Dimension, string> = {
  throughput: '"989.4" or "989.4 TFLOPS"',
  area: '"814" or "8.14 cm^2"',
  bandwidth: '"1229" or "1.229 TB/s"',
  clock: '"1.83" or "1830 MHz"',
  plain: '"540672"',
};

/**
 * The string to suggest for a figure given as a JSON number: the number itself
 * only when it is a whole number the float holds exactly; otherwise (1e400 is
 * Infinity, 0.1 is not 1/10) no value, as the float may already have lost digits.
 */
function figureExample(input: number): string {
  return Number.isSafeInteger(input) ? `"${input}"` : `"989.4" with the datasheet's own digits`;
}

/**
 * A decimal figure written as a JSON string, parsed into an exact Rational.
 * A JSON number is refused: JSON.parse has already rounded it to a float.
 * `example` is the field's own example (the schema's `examples`); without it,
 * the dimension's example. spec/input/schema-examples.spec.ts checks that
 * every example is valid for its field.
 */
export function decimalField(
  dimension: Dimension,
  description: string,
  { positive = false, example }: { positive?: boolean; example?: string } = {},
) {
  const examples = example === undefined ? EXAMPLES[dimension] : JSON.stringify(example);
  return z
    .string({
      error: (issue) =>
        typeof issue.input === "number"
          ? `give the figure as a string, e.g. ${figureExample(issue.input as number)}: JSON numbers are read as ` +
            "binary floats and can lose the datasheet's digits"
          : `must be a decimal string such as ${examples}`,
    })
    .meta({ description, examples: [example ?? EXAMPLES[dimension].split(" or ")[0]!.replace(/"/g, "")] })
    .transform((text, ctx): Rational => {
      try {
        const value = parseQuantity(text, dimension);
        if (positive && value.isZero()) {
          ctx.addIssue({ code: "custom", message: `must be greater than zero, got "${text}"` });
          return z.NEVER;
        }
        return value;
      } catch (error) {
        if (!(error instanceof DecimalSyntaxError)) throw error;
        ctx.addIssue({ code: "custom", message: error.reason });
        return z.NEVER;
      }
    });
}

/** A whole number of at least 1, as a JSON integer or a string of digits. */
const countField = z
  .union([z.number().int().min(1).max(Number.MAX_SAFE_INTEGER), z.string().regex(/^[1-9]\d{0,15}$/)], {
    error: "must be a whole number of at least 1, e.g. 2",
  })
  .transform((value) => BigInt(value))
  .meta({ description: "How many identical copies" });

const bitLengthField = z
  .union([z.number().int().min(1).max(1024), z.string().regex(/^[1-9]\d{0,3}$/)], {
    error: "must be a whole number of bits, e.g. 8",
  })
  .transform((value) => BigInt(value));

export const RateSchema = strictObject({
  format: z
    .string()
    .min(1)
    .meta({ description: "Number format, e.g. FP8, INT8, FP16, BF16, TF32, FP4 (see `ic3a090 rules`)" }),
  tops: decimalField(
    "throughput",
    "Peak dense throughput as the datasheet gives it (TOPS or TFLOPS, which is 2 × MacTOPS)",
  ).optional(),
  macsPerCycle: decimalField("plain", "MAC units per clock cycle (with clockGHz, instead of tops)").optional(),
  clockGHz: decimalField("clock", "Clock in GHz for macsPerCycle").optional(),
  bitLength: bitLengthField
    .optional()
    .meta({ description: "Bit length of the operation, for a format not in the table or to override it" }),
  sparse: z
    .boolean()
    .optional()
    .meta({ description: "True when the figure is with sparsity; TPP counts dense throughput" }),
  denseToSparseRatio: decimalField(
    "plain",
    "Dense ÷ sparse throughput, stated by the caller (e.g. 0.5 for 2:4 sparsity)",
    { positive: true, example: "0.5" },
  ).optional(),
  source: z.string().optional().meta({ description: "Where the figure comes from (datasheet, page)" }),
}).superRefine((rate, ctx) => {
  const byMacs = rate.macsPerCycle !== undefined || rate.clockGHz !== undefined;
  if (rate.tops !== undefined && byMacs) {
    ctx.addIssue({ code: "custom", message: "give either tops or macsPerCycle with clockGHz, not both" });
  } else if (rate.tops === undefined && !byMacs) {
    ctx.addIssue({ code: "custom", message: 'give tops (e.g. "989.4"), or macsPerCycle with clockGHz' });
  } else if (byMacs && (rate.macsPerCycle === undefined || rate.clockGHz === undefined)) {
    ctx.addIssue({
      code: "custom",
      path: [rate.macsPerCycle === undefined ? "macsPerCycle" : "clockGHz"],
      message: "macsPerCycle and clockGHz go together",
    });
  }
  if (rate.denseToSparseRatio?.gt(Rational.ONE)) {
    ctx.addIssue({
      code: "custom",
      path: ["denseToSparseRatio"],
      message:
        'must be greater than 0 and at most 1 (dense throughput ÷ sparse throughput, e.g. "0.5" for 2:4 ' +
        `sparsity), got ${rate.denseToSparseRatio.toExactString()}`,
    });
  }
  if (rate.denseToSparseRatio !== undefined && rate.sparse !== true) {
    ctx.addIssue({
      code: "custom",
      path: ["denseToSparseRatio"],
      message: 'denseToSparseRatio only goes with "sparse": true',
    });
  }
});

export const UnitSchema = strictObject({
  name: z.string().optional(),
  count: countField.default(1n),
  rates: z.array(RateSchema).min(1, { error: "list at least one rate" }),
}).superRefine((unit, ctx) => {
  unit.rates.forEach((rate, index) => {
    if (rate.sparse !== true || rate.denseToSparseRatio !== undefined) return;
    const denseGiven = unit.rates.some(
      (other) => other.sparse !== true && other.format.toUpperCase() === rate.format.toUpperCase(),
    );
    if (!denseGiven) {
      ctx.addIssue({
        code: "custom",
        path: ["rates", index],
        message:
          "is a sparse-only figure, and TPP counts dense throughput (Technical Note 2 to 3A090.a and .b, 3); " +
          'give the dense figure, or state denseToSparseRatio (e.g. "0.5" for 2:4 sparsity) — it is never ' +
          "halved silently",
      });
    }
  });
});

export const DieSchema = strictObject({
  name: z.string().optional(),
  count: countField.default(1n),
  areaMm2: decimalField("area", "Die area in mm²", { positive: true }).optional(),
  logic: z.boolean().optional().meta({ description: "True for a logic die; false for memory (DRAM, HBM core dies)" }),
  nonPlanar: z
    .boolean()
    .optional()
    .meta({ description: "True when made with a non-planar transistor architecture (FinFET, GAA)" }),
  memoryStack: z.boolean().optional().meta({
    description:
      "True for a die that is part of a memory stack (HBM core or base die): excluded from the applicable die area",
  }),
  nodeNm: decimalField("plain", "Process node in nm, as the foundry names it", { example: "5" }).optional(),
  transistorDensityPerMm2: decimalField(
    "plain",
    "Transistors per mm² for the die's process node (for Note 1 to 3A090.a)",
    { example: "98000000" },
  ).optional(),
});

/** The fields of one IC's datasheet (also of each IC an item `contains`). */
const icFields = {
  part: z.string().min(1, { error: "name the part" }),
  kind: z.literal("ic").default("ic"),
  datacenter: z
    .boolean()
    .nullable()
    .optional()
    .meta({
      description:
        "Designed or marketed for use in datacenters; null or absent when not known (then the answer may be " +
        "indeterminate)",
    }),
  datacenterRationale: z
    .string()
    .optional()
    .meta({ description: "Why datacenter is true or false (marketing, features): docs/ambiguities.md#a-10" }),
  units: z.array(UnitSchema).min(1, { error: "list at least one processing unit with its rates" }),
  dies: z.array(DieSchema).optional(),
  ioBandwidthGBps: decimalField(
    "bandwidth",
    "Aggregate bidirectional transfer rate over all inputs and outputs, GB/s, to or from ICs other than " +
      "volatile memories (3A991.p.2); absent when not known",
  ).optional(),
  interconnectGBps: decimalField(
    "bandwidth",
    "Aggregate bidirectional transfer rate, GB/s, as tested by the Oct 2022 text of 3A090.a (600 Gbyte/s or " +
      "more; e.g. NVLink); used only for dates before 2023-11-17",
  ).optional(),
  statedTpp: decimalField(
    "plain",
    "TPP per IC as the vendor states it: compared with the computed TPP, never used instead of it",
  ).optional(),
};

/**
 * Forms of the item as shipped: the IC itself, an electronic assembly (card, module, baseboard), or a computer or
 * system.
 */
export const ITEM_FORMS = ["ic", "assembly", "computer"] as const;
export type ItemForm = (typeof ITEM_FORMS)[number];

/** An ECCN paragraph as a user states it: "5A992.c", "3A001.a.5.a", "4A003.b". */
const ECCN_PATTERN = /^\d[A-E]\d{3}(\.[a-z0-9]+)*$/;

/** True for an ECCN paragraph written as `baseEccn` takes it ("5A992.c", "3A001.a.5.a"). */
export function isEccnParagraph(text: string): boolean {
  return ECCN_PATTERN.test(text);
}

/** One IC on an item (an element of `contains`): the figures of an IC datasheet. */
export const ContainedIcSchema = strictObject(icFields).meta({ title: "Integrated circuit contained in an item" });

export const IcDatasheetSchema = strictObject({
  ...icFields,
  units: icFields.units
    .optional()
    .meta({ description: "The IC's processing units; leave out when the item lists its ICs in contains" }),
  form: z
    .enum(ITEM_FORMS)
    .optional()
    .meta({
      description:
        'What is shipped: "ic" (default), "assembly" (card, module, baseboard) or "computer" (computer or ' +
        "system). The figures stay those of the IC the item contains; units[].count stays per IC",
    }),
  baseEccn: z
    .string()
    .regex(ECCN_PATTERN, { error: 'must be an ECCN paragraph such as "5A992.c", "5A002.a" or "4A003.b"' })
    .optional()
    .meta({
      description:
        "The entry that describes the item apart from 3A090/4A090, as you determined it (never inferred), e.g. " +
        '"5A992.c"',
    }),
  contains: z
    .array(ContainedIcSchema)
    .min(1)
    .optional()
    .meta({
      description:
        "An assembly or computer with several kinds of IC: each IC's datasheet; the item's datacenter flag " +
        "applies to all of them",
    }),
})
  .superRefine((item, ctx) => {
    if (item.contains !== undefined) {
      if (item.form !== "assembly" && item.form !== "computer") {
        ctx.addIssue({
          code: "custom",
          path: ["contains"],
          message: 'only an item with form "assembly" or "computer" contains ICs; add "form"',
        });
      }
      for (const field of ["units", "dies", "ioBandwidthGBps", "statedTpp"] as const) {
        if (item[field] !== undefined) {
          ctx.addIssue({
            code: "custom",
            path: [field],
            message: "an item that lists its ICs in contains gives this on each IC in contains, not on the item",
          });
        }
      }
    } else if (item.units === undefined) {
      ctx.addIssue({ code: "custom", path: ["units"], message: "list at least one processing unit with its rates" });
    }
  })
  .meta({ title: "Integrated circuit datasheet" });

export const HbmDatasheetSchema = strictObject({
  part: z.string().min(1, { error: "name the part" }),
  kind: z.literal("hbm"),
  bandwidthGBps: decimalField("bandwidth", "Memory bandwidth of the stack or packaged device, GB/s"),
  areaMm2: decimalField("area", "Area of the package or stack, mm²", { positive: true }),
  coPackagedWithLogic: z.boolean().optional().meta({ description: "True when co-packaged with a logic IC" }),
  dominantFunctionIsProcessing: z
    .boolean()
    .optional()
    .meta({ description: "For a co-packaged IC: true when its dominant function is processing" }),
}).meta({ title: "High bandwidth memory datasheet" });

/** Either kind of datasheet; `kind` defaults to "ic". */
export const DatasheetSchema = z.union([IcDatasheetSchema, HbmDatasheetSchema]).meta({
  title: "ic3a090 datasheet",
  description: "One IC or HBM item's datasheet figures. Every figure is a decimal string.",
});

/** An IC datasheet as parsed: `units` is empty only on an item that lists its ICs in `contains`. */
export type IcDatasheet = Omit<z.output<typeof IcDatasheetSchema>, "units"> & { units: Unit[] };
export type ContainedIc = z.output<typeof ContainedIcSchema>;
export type HbmDatasheet = z.output<typeof HbmDatasheetSchema>;
export type Datasheet = IcDatasheet | HbmDatasheet;
/** The JSON a caller writes: figures as decimal strings. */
export type DatasheetInput = z.input<typeof IcDatasheetSchema> | z.input<typeof HbmDatasheetSchema>;
export type Die = z.output<typeof DieSchema>;
export type Unit = z.output<typeof UnitSchema>;
export type Rate = z.output<typeof RateSchema>;

/** One thing wrong with an input, at a JSON path such as `units[0].rates[1].tops`. */
export interface InputIssue {
  path: string;
  message: string;
}

/** Thrown for input that cannot be classified; every issue names its field. */
export class InvalidInputError extends QuietError {
  constructor(readonly issues: InputIssue[]) {
    super(issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join("; "));
    this.name = "InvalidInputError";
  }
}

/** `units[0].rates[1].tops` from zod's path array. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === "number") return `${text}[${key}]`;
    return text ? `${text}.${String(key)}` : String(key);
  }, "");
}

/**
 * Every issue at its path. An unknown field is one issue at the field's own
 * path (see src/input/strict.ts), listed first: a misspelt field usually
 * explains the missing one reported beside it.
 */
export function issuesFromZod(error: z.ZodError): InputIssue[] {
  const unknown = error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys" ? unknownFieldIssues(issue) : [],
  );
  const others = error.issues.filter((issue) => issue.code !== "unrecognized_keys");
  return [...unknown, ...others].map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/**
 * Validates a datasheet (parsed JSON) and turns its figures into exact
 * Rationals. Chooses the schema by `kind` so errors speak of the right fields.
 *
 * @throws InvalidInputError naming every field that is wrong.
 */
export function parseDatasheet(input: unknown): Datasheet {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new InvalidInputError([
      { path: "", message: 'a datasheet must be a JSON object, e.g. {"part": "X", "units": [...]}' },
    ]);
  }
  const kind = (input as { kind?: unknown }).kind;
  if (kind !== undefined && kind !== "ic" && kind !== "hbm") {
    throw new InvalidInputError([{ path: "kind", message: `must be "ic" or "hbm", got ${JSON.stringify(kind)}` }]);
  }
  const parsed = (kind === "hbm" ? HbmDatasheetSchema : IcDatasheetSchema).safeParse(input);
  if (!parsed.success) throw new InvalidInputError(issuesFromZod(parsed.error));
  if (parsed.data.kind === "ic") return { ...parsed.data, units: parsed.data.units ?? [] };
  return parsed.data;
}

/** The JSON Schema of the datasheet input (what `ic3a090 schema` prints). */
export function datasheetJsonSchema(): object {
  return z.toJSONSchema(DatasheetSchema, { io: "input", unrepresentable: "any" });
}
