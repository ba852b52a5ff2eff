/**
 * # Note 1 to 3A090.a ¶a: the designer's attestation of TPP and PD
 *
 * > If the designer … is an approved or authorized integrated circuit
 * > designer, then a datasheet or other attestation of the 'total processing
 * > performance' and the 'performance density' from the approved or
 * > authorized integrated circuit designer indicating that the IC is not
 * > specified in 3A090.a will overcome the presumption
 *
 * An order's `designerAttestation` is one of:
 * - a plain object (unsigned): `{tpp, performanceDensity}` as decimal
 *   strings, or `{datasheet: {...}}` (a full datasheet, as `classify` reads
 *   it), with an optional `notSpecifiedIn3A090a`. Accepted for route a with a
 *   warning that it is unverified;
 * - a DSSE envelope (an object with `payloadType` and `signatures`) or a
 *   string (a path to one): handed to the injected `verifyAttestation` hook.
 *
 * When the attestation carries figures, they are classified again with the
 * classifier's own clause logic, and route a is refused when the figures
 * themselves say 3A090.a, whatever the attestation states.
 */
import { z } from "zod";
import { classifyDatasheet } from "../classify/classify.js";
import { evaluateClauses } from "../classify/clauses.js";
import {
  decimalField,
  type Datasheet,
  InvalidInputError,
  issuesFromZod,
  parseDatasheet,
} from "../classify/datasheet.js";
import { strictObject } from "../input/strict.js";
import type { DensityValue } from "../classify/density.js";
import type { Rational } from "../numbers/rational.js";
import type { RuleSet } from "../rules/rules.js";

/** What an attestation asserts; figures as decimal strings (the same shape signed or unsigned). */
export const AttestationFiguresSchema = strictObject({
  tpp: decimalField("plain", "Total processing performance the designer attests", { example: "4000" }).optional(),
  performanceDensity: decimalField("plain", "Performance density the designer attests", { example: "3.1" }).optional(),
  datasheet: z
    .unknown()
    .optional()
    .meta({ description: "A full datasheet (as `ic3a090 classify` reads it), classified again" }),
  notSpecifiedIn3A090a: z
    .boolean()
    .optional()
    .meta({ description: "The designer's statement that the IC is not specified in 3A090.a" }),
  datacenter: z
    .boolean()
    .optional()
    .meta({ description: "Designed or marketed for datacenters; the presumption says yes, so it defaults to true" }),
  designer: z
    .string()
    .optional()
    .meta({ description: "The designer the attestation is from; must be the order's designer" }),
  part: z.string().optional().meta({
    description: "The part the attestation is about; must be the order's part (a datasheet's own part counts too)",
  }),
  source: z.string().optional().meta({ description: "The datasheet or document the figures come from" }),
});
export type AttestationFiguresInput = z.input<typeof AttestationFiguresSchema>;

export interface AttestationFigures {
  readonly tpp: Rational | undefined;
  readonly performanceDensity: Rational | undefined;
  readonly datasheet: Datasheet | undefined;
  readonly notSpecifiedIn3A090a: boolean | undefined;
  readonly datacenter: boolean | undefined;
  readonly source: string | undefined;
  /** The designer the attestation names, when it names one. */
  readonly designer?: string | undefined;
  /** The part the attestation names (`part`, else its datasheet's part), when it names one. */
  readonly part?: string | undefined;
}

/**
 * The hook through which a signed attestation is verified (issue 6).
 *
 * `presume` calls it, synchronously, with the order's `designerAttestation`
 * exactly as given when that is a DSSE envelope (an object with `payloadType`
 * and `signatures`) or a string (a path to an envelope file, relative to the
 * working directory). It returns either
 * - `{ ok: true, designer, part, figures, keyFingerprint }`: the signature
 *   verified against a trusted key; `designer` is the name pinned to that key,
 *   `part` the part the statement is about, and `figures` what was signed, in
 *   the same shape as an unsigned attestation (`{tpp, performanceDensity}` or
 *   `{datasheet}`, decimals as strings, optional `notSpecifiedIn3A090a`).
 *   `presume` then requires the designer and part to match the order's
 *   (names compared ignoring case and spacing) and classifies the figures
 *   again; or
 * - `{ ok: false, reason }`: route a is refused, with `reason` in the warnings.
 *
 * With no hook (no `--trust FILE`), a signed attestation leaves route a
 * unavailable, listing "a trust file to verify the signed attestation (--trust)"
 * among the missing facts.
 */
export type AttestationVerifier = (
  envelopeOrPath: unknown,
) => VerifiedAttestation | { readonly ok: false; readonly reason: string };

export interface VerifiedAttestation {
  readonly ok: true;
  readonly designer: string;
  readonly part: string;
  readonly figures: AttestationFiguresInput;
  readonly keyFingerprint: string;
}

export type AttestationInput =
  | { readonly kind: "none" }
  | { readonly kind: "plain"; readonly figures: AttestationFigures }
  | { readonly kind: "signed"; readonly envelopeOrPath: unknown };

/** True for what looks like a DSSE envelope or a path to one. */
export function isSignedAttestation(value: unknown): boolean {
  return (
    typeof value === "string" ||
    (typeof value === "object" && value !== null && "payloadType" in value && "signatures" in value)
  );
}

/**
 * Reads `designerAttestation`. A plain object's figures are validated here.
 *
 * @throws InvalidInputError with paths under `pathPrefix` for a malformed plain attestation.
 */
export function readAttestation(value: unknown, pathPrefix = "designerAttestation"): AttestationInput {
  if (value === undefined || value === null) return { kind: "none" };
  if (isSignedAttestation(value)) return { kind: "signed", envelopeOrPath: value };
  return { kind: "plain", figures: parseFigures(value, pathPrefix) };
}

/** Validates attestation figures; paths in errors start with `pathPrefix`. */
export function parseFigures(value: unknown, pathPrefix: string): AttestationFigures {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InvalidInputError([
      {
        path: pathPrefix,
        message:
          'must be an object such as {"tpp": "4000", "performanceDensity": "3.1"}, a DSSE envelope, or a path to one',
      },
    ]);
  }
  const parsed = AttestationFiguresSchema.safeParse(value);
  if (!parsed.success) {
    throw new InvalidInputError(
      issuesFromZod(parsed.error).map((issue) => ({
        path: issue.path ? `${pathPrefix}.${issue.path}` : pathPrefix,
        message: issue.message,
      })),
    );
  }
  let datasheet: Datasheet | undefined;
  if (parsed.data.datasheet !== undefined) {
    try {
      datasheet = parseDatasheet(parsed.data.datasheet);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      throw new InvalidInputError(
        error.issues.map((issue) => ({
          path: `${pathPrefix}.datasheet${issue.path ? `.${issue.path}` : ""}`,
          message: issue.message,
        })),
      );
    }
  }
  const { tpp, performanceDensity, notSpecifiedIn3A090a, datacenter, source, designer } = parsed.data;
  const part = parsed.data.part ?? datasheet?.part;
  return { tpp, performanceDensity, datasheet, notSpecifiedIn3A090a, datacenter, source, designer, part };
}

/** What the figures themselves say about 3A090.a. */
export interface FiguresFinding {
  readonly says: "3A090.a" | "not 3A090.a" | "unknown";
  /** The controlling clause the figures give ("3A090.b.1", "none", …), when decided. */
  readonly clause: string | null;
  readonly statement: string;
}

const UNDEFINED_PD: DensityValue = { kind: "undefined-pd" };
const UNBOUNDED: DensityValue = { kind: "unbounded" };

/**
 * Classifies the attested figures again: a full datasheet through
 * `classifyDatasheet`; TPP and PD through the same clause tests
 * (`evaluateClauses`), with datacenter true unless the attestation says
 * otherwise (the presumption is "3A090.a and designed or marketed for
 * datacenters"). TPP alone decides when every PD gives the same answer.
 */
/** Whether a classified datasheet's ECCN is 3A090.a, is not, or is not settled by its figures. */
function whatTheEccnSays(eccn: string): FiguresFinding["says"] {
  if (eccn === "3A090.a") return "3A090.a";
  return eccn === "indeterminate" ? "unknown" : "not 3A090.a";
}

export function classifyAttestedFigures(figures: AttestationFigures, rules: RuleSet): FiguresFinding {
  if (figures.datasheet) {
    const result = classifyDatasheet(figures.datasheet, rules);
    const pd = result.performanceDensityExact ? `, PD ${result.performanceDensityExact}` : "";
    return {
      says: whatTheEccnSays(result.eccn),
      clause: result.clause === "indeterminate" ? null : result.clause,
      statement: `datasheet classified again: TPP ${result.tpp ?? "n/a"}${pd}: ${result.clause}`,
    };
  }
  if (figures.tpp === undefined) return { says: "unknown", clause: null, statement: "the attestation gives no TPP" };
  const datacenter = figures.datacenter ?? true;
  const pds: DensityValue[] = figures.performanceDensity
    ? [{ kind: "exact", value: figures.performanceDensity }]
    : [UNDEFINED_PD, UNBOUNDED];
  const outcomes = pds.map((pd) => evaluateClauses(figures.tpp!, pd, datacenter, rules));
  const inA = outcomes.map((o) => o.controlling === "3A090.a.1" || o.controlling === "3A090.a.2");
  const pdText = figures.performanceDensity ? `, PD ${figures.performanceDensity.toExactString()}` : ", PD not given";
  const datacenterText = datacenter ? "" : ", not designed or marketed for datacenters";
  const figuresText = `TPP ${figures.tpp.toExactString()}${pdText}${datacenterText}`;
  if (inA.every(Boolean))
    return {
      says: "3A090.a",
      clause: outcomes[0]!.controlling,
      statement: `${figuresText}: ${outcomes[0]!.controlling}`,
    };
  if (inA.every((x) => !x)) {
    const same = outcomes.every((o) => o.controlling === outcomes[0]!.controlling);
    return {
      says: "not 3A090.a",
      clause: same ? outcomes[0]!.controlling : null,
      statement: `${figuresText}: not 3A090.a${same ? ` (${outcomes[0]!.controlling})` : ""}`,
    };
  }
  return { says: "unknown", clause: null, statement: `${figuresText}: 3A090.a.2 depends on PD, which is not given` };
}
