/**
 * What a designer signs: an in-toto Statement v1 whose subject is the part
 * (and any datasheet files bound to it) and whose predicate is this project's
 * datasheet attestation — the validated inputs exactly as given (every figure
 * a decimal string), the classifier's results with their trace, the rules
 * date and the sha256 of the rules data, the designer, the issue time and the
 * tool. The predicate's JSON Schema is published at
 * data/schema/attestation-predicate.schema.json (generated from here; a test
 * checks it for drift).
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { DatasheetSchema } from "../classify/datasheet.js";
import { type Classification, CLAUSES, ECCNS, type TraceStep } from "../classify/result.js";
import { IsoDateSchema } from "../rules/dated.js";
import { canonicalJsonBytes } from "./canonical-json.js";

export const STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
/** Versioned: a change to the predicate's meaning gets a new URI. */
export const PREDICATE_TYPE = "https://ic3a090.dev/attestation/datasheet/v1";

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, { error: "must be 64 lowercase hex digits (sha256)" });

const TRACE_RESULTS = [
  "value",
  "holds",
  "fails",
  "unknown",
  "applies",
  "does not apply",
  "not in force",
] as const satisfies readonly TraceStep["result"][];
// Fails to compile when TraceStep gains a result this list lacks.
const _allTraceResults: Exclude<TraceStep["result"], (typeof TRACE_RESULTS)[number]> extends never ? true : never =
  true;
void _allTraceResults;

const TraceStepSchema = z.object({
  step: z.string(),
  result: z.enum(TRACE_RESULTS),
  statement: z.string(),
  citation: z.string(),
});

const DecimalText = z.string().regex(/^-?\d+(\.\d+)?$/, { error: "must be an exact decimal string" });
const FractionText = z.string().regex(/^-?\d+(\/\d+)?$/, { error: "must be an exact fraction such as 7916/407" });

export const ResultsSchema = z
  .object({
    part: z.string(),
    kind: z.enum(["ic", "hbm"]),
    tpp: z.string().nullable().meta({ description: "TPP, exact decimal string; null for HBM" }),
    performanceDensity: DecimalText.nullable().meta({ description: "PD truncated (never rounded up) to 6 decimals" }),
    performanceDensityExact: FractionText.nullable().meta({ description: "PD as an exact fraction" }),
    applicableDieAreaMm2: z.string().nullable(),
    memoryBandwidthDensity: z.string().optional(),
    memoryBandwidthDensityExact: z.string().optional(),
    clause: z.enum(CLAUSES as [string, ...string[]]),
    eccn: z.enum(ECCNS as [string, ...string[]]),
    notSpecifiedIn3A090a: z.boolean().meta({
      description:
        "True when the classification is determinate and not 3A090.a (what route a of Note 1 to 3A090.a needs)",
    }),
    matched: z.array(z.enum(CLAUSES as [string, ...string[]])),
    missing: z.array(z.string()),
    warnings: z.array(z.string()),
    notes: z.array(z.string()),
    trace: z.array(TraceStepSchema),
  })
  .meta({ description: "What ic3a090 classify answered for the inputs, with its trace" });

export const PredicateSchema = z
  .object({
    designer: z.object({ name: z.string().min(1) }).meta({
      description: "The integrated circuit designer issuing the attestation; a verifier pins its key to this name",
    }),
    issuedAt: z.iso.datetime().meta({ description: "When it was signed (UTC, ISO 8601)" }),
    tool: z.object({ name: z.string().min(1), version: z.string().min(1) }),
    rules: z.object({
      date: IsoDateSchema.meta({ description: "The date whose rules were applied, YYYY-MM-DD" }),
      dataSha256: Sha256Hex.meta({
        description: "sha256 of the rules data files (data/rules/3A090.json, formats.json)",
      }),
      verifiedThrough: IsoDateSchema,
      beyondVerified: z.boolean(),
    }),
    inputs: DatasheetSchema.meta({
      description: "The datasheet figures exactly as given and validated (every figure a decimal string)",
    }),
    results: ResultsSchema,
  })
  .meta({
    title: "ic3a090 datasheet attestation predicate",
    description:
      `The predicate of an in-toto Statement v1 with predicateType ${PREDICATE_TYPE}, in a DSSE envelope signed ` +
      "with Ed25519.",
  });

export const SubjectSchema = z.object({ name: z.string().min(1), digest: z.object({ sha256: Sha256Hex }) });

export const StatementSchema = z.object({
  _type: z.literal(STATEMENT_TYPE),
  subject: z.array(SubjectSchema).min(1),
  predicateType: z.literal(PREDICATE_TYPE),
  predicate: PredicateSchema,
});

/** The predicate as JSON (the inputs as the designer wrote them). */
export type DatasheetPredicate = z.input<typeof PredicateSchema>;
export type Statement = z.input<typeof StatementSchema>;
export type Subject = z.infer<typeof SubjectSchema>;

/** The JSON Schema of the predicate (data/schema/attestation-predicate.schema.json). */
export function predicateJsonSchema(): object {
  return { $id: PREDICATE_TYPE, ...z.toJSONSchema(PredicateSchema, { io: "input", unrepresentable: "any" }) };
}

export function sha256Hex(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The part's subject digest: sha256 of the canonical JSON of the inputs. */
export function inputsDigest(inputs: unknown): string {
  return sha256Hex(canonicalJsonBytes(inputs));
}

/** The results a predicate carries, taken from a classification. */
export function resultsOf(classification: Classification): z.input<typeof ResultsSchema> {
  const {
    part,
    kind,
    tpp,
    performanceDensity,
    performanceDensityExact,
    applicableDieAreaMm2,
    memoryBandwidthDensity,
    memoryBandwidthDensityExact,
    clause,
    eccn,
    matched,
    missing,
    warnings,
    notes,
    trace,
  } = classification;
  return {
    part,
    kind,
    tpp,
    performanceDensity,
    performanceDensityExact,
    applicableDieAreaMm2,
    ...(memoryBandwidthDensity === undefined ? {} : { memoryBandwidthDensity }),
    ...(memoryBandwidthDensityExact === undefined ? {} : { memoryBandwidthDensityExact }),
    clause,
    eccn,
    notSpecifiedIn3A090a: notSpecifiedIn3A090a(classification),
    matched: [...matched],
    missing: [...missing],
    warnings: [...warnings],
    notes: [...notes],
    trace: trace.map((step) => ({ ...step })),
  };
}

/**
 * Route a needs an attestation "indicating that the IC is not specified in 3A090.a": a determinate answer other than
 * .a.
 */
export function notSpecifiedIn3A090a(classification: Pick<Classification, "eccn">): boolean {
  switch (classification.eccn) {
    case "3A090.a":
    case "indeterminate":
      return false;
    case "3A090.b":
    case "3A090.c":
    case "none":
      return true;
  }
}

export interface StatementFacts {
  readonly inputs: unknown;
  readonly classification: Classification;
  readonly designer: string;
  readonly issuedAt: Date;
  readonly tool: { readonly name: string; readonly version: string };
  /** Files bound to the attestation (a datasheet PDF), by name and sha256. */
  readonly boundFiles: readonly Subject[];
}

/** The in-toto Statement a designer signs. */
export function datasheetStatement(facts: StatementFacts): Statement {
  const { classification } = facts;
  return {
    _type: STATEMENT_TYPE,
    subject: [{ name: classification.part, digest: { sha256: inputsDigest(facts.inputs) } }, ...facts.boundFiles],
    predicateType: PREDICATE_TYPE,
    predicate: {
      designer: { name: facts.designer },
      issuedAt: facts.issuedAt.toISOString(),
      tool: { name: facts.tool.name, version: facts.tool.version },
      rules: {
        date: classification.rules.date,
        dataSha256: classification.rules.dataSha256,
        verifiedThrough: classification.rules.verifiedThrough,
        beyondVerified: classification.rules.beyondVerified,
      },
      inputs: facts.inputs as DatasheetPredicate["inputs"],
      results: resultsOf(classification),
    },
  };
}
