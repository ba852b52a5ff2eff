/**
 * ECCN 4E091 (model weights) as written by the AI Diffusion rule (FR 2025-00636).
 * The rule is still in the CFR but not enforced (BIS, 2025-05-13): every answer
 * carries `enforced: false` and the rule set's flag.
 *
 * 4E091 heading (ECFR774-R [V]): "parameters" of a model "trained with 10^26 or
 * more 'operations'"; weights published under § 734.7 are not subject to it.
 *
 * Note 1 to 4E091 [V]: a model derived from published weights is controlled only
 * where the additional training would "constitute more than 2.5 × 10^25
 * 'operations' or more than 25 percent of the training 'operations' … whichever
 * is higher". Reading (spec/ambiguities/model-derived-threshold.spec.ts): the
 * limit is max(2.5 × 10^25, 25 % × base operations), compared strictly (`>`);
 * the model's own total (base + additional, or a larger stated count) must also
 * reach 10^26.
 *
 * The exclusion for models less capable than the most capable published model
 * is a fact only the user can supply (`belowMostCapablePublished: true`).
 */
import { z } from "zod";
import { decimalStringSchema } from "../rules/dated.js";
import { strictObject } from "../input/strict.js";
import { InvalidInputError, type InputIssue, formatPath } from "../classify/datasheet.js";
import { parseDecimal, Rational } from "../numbers/rational.js";
import type { TraceStep } from "../classify/result.js";
import { aiDiffusionData, type DiffusionFlag, figureCitation } from "../diffusion/data.js";

export type ModelEccn = "4E091" | "none" | "indeterminate";
export const MODEL_ECCNS: readonly ModelEccn[] = ["4E091", "none", "indeterminate"];

const Count = decimalStringSchema("1.2e26");

export const ModelInputSchema = strictObject({
  model: z.string().min(1),
  trainingOperations: Count.nullable().optional(),
  published: z.boolean().nullable().optional(),
  derivedFrom: strictObject({
    published: z.boolean(),
    trainingOperations: Count.nullable().optional(),
    model: z.string().optional(),
  })
    .nullable()
    .optional(),
  additionalOperations: Count.nullable().optional(),
  parameters: Count.nullable().optional(),
  trainingTokens: Count.nullable().optional(),
  belowMostCapablePublished: z.boolean().nullable().optional(),
  iaas: z.boolean().nullable().optional(),
});
export type ModelInput = z.infer<typeof ModelInputSchema>;

export interface ModelResult {
  readonly model: string;
  readonly eccn: ModelEccn;
  readonly enforced: false;
  /** The operations counted, exact; null when not known. */
  readonly trainingOperations: string | null;
  /** True when the count is the 6 × N × D estimate rather than a stated count. */
  readonly estimated: boolean;
  readonly missing: readonly string[];
  readonly notes: readonly string[];
  readonly trace: readonly TraceStep[];
  readonly ruleSet: DiffusionFlag;
}

/** Validates a model record; the issues name each bad field. */
export function parseModel(value: unknown): ModelInput {
  const parsed = ModelInputSchema.safeParse(value);
  if (!parsed.success) {
    const issues: InputIssue[] = parsed.error.issues.map((issue) => ({
      path: formatPath(issue.path),
      message: issue.message,
    }));
    throw new InvalidInputError(issues);
  }
  return parsed.data;
}

const count = (text: string | null | undefined) =>
  text === null || text === undefined ? undefined : parseDecimal(text);

/** The weights are published (§ 734.7) and so not subject to the EAR's 4E091. */
function isPublished(input: ModelInput): boolean {
  return input.published === true;
}

/** Note 1 to 4E091: the derived-model limit, the higher of the absolute figure and the share of the base. */
export function derivedLimit(baseOperations: Rational): Rational {
  const rules = aiDiffusionData();
  const e = rules.file.eccn4E091;
  return Rational.max(rules.value(e.derivedAbsolute), rules.value(e.derivedShare).mul(baseOperations));
}

/** Note 1 to 4E091: the additional training makes a derived model a new controlled model. */
export function additionalTrainingControls(additional: Rational, baseOperations: Rational): boolean {
  return additional.gt(derivedLimit(baseOperations));
}

/** 4E091 heading: trained with 10^26 or more operations. */
export function meetsTrainingThreshold(operations: Rational): boolean {
  const rules = aiDiffusionData();
  return operations.gte(rules.value(rules.file.eccn4E091.trainingOperations));
}

export function classifyModel(input: ModelInput): ModelResult {
  const rules = aiDiffusionData();
  const e = rules.file.eccn4E091;
  const trace: TraceStep[] = [];
  const notes: string[] = [];
  const missing: string[] = [];
  const headingCitation = figureCitation(e.trainingOperations);
  trace.push({ step: "rule set", result: "applies", statement: rules.flag.status, citation: rules.flag.ruleSet });

  // The operations: a stated count wins; else base + additional; else 6 × N × D.
  let operations = count(input.trainingOperations);
  let estimated = false;
  const derived = input.derivedFrom ?? null;
  const base = count(derived?.trainingOperations);
  const additional = count(input.additionalOperations);
  if (operations !== undefined) {
    trace.push({
      step: "operations",
      result: "value",
      statement: `stated: ${operations.toExactString()} operations`,
      citation: headingCitation,
    });
    if (base !== undefined && additional !== undefined && operations.lt(base.add(additional))) {
      throw new InvalidInputError([
        {
          path: "trainingOperations",
          message: `${operations.toExactString()} is less than derivedFrom.trainingOperations + additionalOperations (${base.add(additional).toExactString()})`,
        },
      ]);
    }
  } else if (base !== undefined && additional !== undefined) {
    operations = base.add(additional);
    trace.push({
      step: "operations",
      result: "value",
      statement: `base ${base.toExactString()} + additional ${additional.toExactString()} = ${operations.toExactString()}`,
      citation: headingCitation,
    });
  } else if (input.parameters != null && input.trainingTokens != null) {
    const factor = rules.value(e.estimatorFactor);
    operations = factor.mul(parseDecimal(input.parameters)).mul(parseDecimal(input.trainingTokens));
    estimated = true;
    trace.push({
      step: "operations",
      result: "value",
      statement:
        `ESTIMATE: ${factor.toExactString()} × ${input.parameters} parameters × ${input.trainingTokens} tokens ` +
        `= ${operations.toExactString()} (a stated count would win)`,
      citation: figureCitation(e.estimatorFactor),
    });
  }

  const result = (eccn: ModelEccn): ModelResult => {
    if (eccn !== "none" && input.iaas !== false) notes.push(`${e.redFlag28.text} (${e.redFlag28.citation})`);
    return {
      model: input.model,
      eccn,
      enforced: false,
      trainingOperations: operations === undefined ? null : operations.toExactString(),
      estimated,
      missing,
      notes,
      trace,
      ruleSet: rules.flag,
    };
  };

  // § 734.7: published weights are not subject to 4E091.
  if (isPublished(input)) {
    trace.push({
      step: "published",
      result: "applies",
      statement: "the weights are published (§ 734.7): not controlled",
      citation: e.published.citation,
    });
    return result("none");
  }
  if (input.published == null) missing.push("published: whether the weights are published (§ 734.7)");
  else
    trace.push({
      step: "published",
      result: "does not apply",
      statement: "the weights are not published",
      citation: e.published.citation,
    });

  // The heading: 10^26 or more operations.
  const limit = rules.value(e.trainingOperations);
  if (operations === undefined) {
    missing.push(
      "trainingOperations: the operations used to train the model (or parameters and trainingTokens for an estimate)",
    );
    trace.push({ step: "4E091", result: "unknown", statement: "operations not known", citation: headingCitation });
    return result("indeterminate");
  }
  const meets = meetsTrainingThreshold(operations);
  trace.push({
    step: "4E091",
    result: meets ? "holds" : "fails",
    statement: `${operations.toExactString()} operations ${meets ? "≥" : "<"} ${limit.toExactString()} (${e.trainingOperations.wording})`,
    citation: headingCitation,
  });
  if (!meets) return result("none");
  if (estimated) notes.push("The operation count is a 6 × N × D estimate; a stated count decides near the threshold.");

  // Note 1 to 4E091: a model derived from published weights.
  if (derived?.published) {
    const noteCitation = figureCitation(e.derivedAbsolute);
    if (base === undefined || additional === undefined) {
      if (base === undefined)
        missing.push("derivedFrom.trainingOperations: the operations used to train the published base model");
      if (additional === undefined) missing.push("additionalOperations: the operations of the additional training");
      trace.push({
        step: "Note 1 to 4E091",
        result: "unknown",
        statement: "derived from published weights; base or additional operations not known",
        citation: noteCitation,
      });
      return result("indeterminate");
    }
    const derivedCap = derivedLimit(base);
    const controls = additionalTrainingControls(additional, base);
    trace.push({
      step: "Note 1 to 4E091",
      result: controls ? "holds" : "fails",
      statement:
        `additional ${additional.toExactString()} ${controls ? ">" : "≤"} ` +
        `max(${rules.value(e.derivedAbsolute).toExactString()}, ${rules.value(e.derivedShare).toExactString()} ` +
        `× ${base.toExactString()}) = ${derivedCap.toExactString()} ` +
        `(${e.derivedAbsolute.wording}; ${e.derivedShare.wording})`,
      citation: noteCitation,
    });
    if (!controls) return result("none");
  } else if (derived !== null) {
    trace.push({
      step: "Note 1 to 4E091",
      result: "does not apply",
      statement: "the base model's weights are not published",
      citation: figureCitation(e.derivedAbsolute),
    });
  }

  // The exclusion for models less capable than the most capable published model: a user-supplied fact.
  if (input.belowMostCapablePublished === true) {
    trace.push({
      step: "less capable than published",
      result: "applies",
      statement: "stated: less capable than the most capable published model",
      citation: e.belowMostCapablePublished.citation,
    });
    return result("none");
  }
  trace.push({
    step: "less capable than published",
    result: input.belowMostCapablePublished === false ? "does not apply" : "unknown",
    statement:
      input.belowMostCapablePublished === false
        ? "stated: not less capable than the most capable published model"
        : "not claimed (belowMostCapablePublished not given); never guessed",
    citation: e.belowMostCapablePublished.citation,
  });
  if (input.belowMostCapablePublished == null)
    notes.push(`${e.belowMostCapablePublished.text}; set belowMostCapablePublished: true if so.`);
  return result(missing.length > 0 ? "indeterminate" : "4E091");
}

export function evaluateModel(value: unknown): ModelResult {
  return classifyModel(parseModel(value));
}
