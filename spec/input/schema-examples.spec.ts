/**
 * Every example in the published schemas is valid for its own field (issue 9
 * §5): the datasheet schema once showed "540672" as the example of
 * denseToSparseRatio, nodeNm and transistorDensityPerMm2.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DatasheetSchema } from "../../src/classify/datasheet.js";
import { AttestationFiguresSchema } from "../../src/presume/attestation.js";
import { OrderSchema } from "../../src/presume/order.js";

type Def = {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  options?: z.ZodType[];
};
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The examples a field's schema carries, through its optional, default, nullable and pipe wrappers. */
function examplesOf(schema: z.ZodType): unknown[] {
  const own = (z.globalRegistry.get(schema)?.examples as unknown[] | undefined) ?? [];
  const def = defOf(schema);
  const inner = def.innerType ?? def.in;
  return inner ? [...own, ...examplesOf(inner)] : own;
}

/** Every field of every object inside `schema`, with its path. */
function fields(
  schema: z.ZodType,
  path: string,
  out: { path: string; schema: z.ZodType }[] = [],
): { path: string; schema: z.ZodType }[] {
  const def = defOf(schema);
  if (def.innerType) fields(def.innerType, path, out);
  if (def.in) fields(def.in, path, out);
  if (def.element) fields(def.element, `${path}[]`, out);
  for (const option of def.options ?? []) fields(option, path, out);
  for (const [key, field] of Object.entries(def.shape ?? {})) {
    out.push({ path: path ? `${path}.${key}` : key, schema: field });
    fields(field, path ? `${path}.${key}` : key, out);
  }
  return out;
}

describe("every schema example validates against its own field", () => {
  const all = [
    ...fields(DatasheetSchema, "datasheet"),
    ...fields(OrderSchema, "order"),
    ...fields(AttestationFiguresSchema, "designerAttestation"),
  ].flatMap(({ path, schema }) => examplesOf(schema).map((example) => ({ path, schema, example })));

  it("there are examples to check", () => {
    expect(all.length).toBeGreaterThan(10);
  });

  it.each(all.map((entry) => [entry.path, JSON.stringify(entry.example), entry] as const))(
    "%s: %s",
    (_, __, { schema, example }) => {
      expect(schema.safeParse(example).success).toBe(true);
    },
  );

  it("regression: denseToSparseRatio, nodeNm and transistorDensityPerMm2 no longer show 540672", () => {
    const wrong = all.filter(
      ({ path, example }) => /denseToSparseRatio|nodeNm|transistorDensityPerMm2/.test(path) && example === "540672",
    );
    expect(wrong).toEqual([]);
    expect(all.find(({ path }) => path.endsWith("denseToSparseRatio"))?.example).toBe("0.5");
  });
});
