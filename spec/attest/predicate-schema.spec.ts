/** The published JSON Schema of the predicate is generated from the zod schema; this test sees any drift. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { predicateJsonSchema } from "../../src/attest/statement.js";

describe("data/schema/attestation-predicate.schema.json", () => {
  it("is what the code generates (regenerate: node -e 'import(\"./dist/node.js\").then(m => console.log(JSON.stringify(m.predicateJsonSchema(), null, 2)))')", () => {
    const published = JSON.parse(readFileSync("data/schema/attestation-predicate.schema.json", "utf8"));
    expect(published).toEqual(predicateJsonSchema());
  });

  it("names the predicate type as its $id and requires every fact the issue lists", () => {
    const schema = predicateJsonSchema() as {
      $id: string;
      required: string[];
      properties: Record<string, { required?: string[] }>;
    };
    expect(schema.$id).toBe("https://ic3a090.dev/attestation/datasheet/v1");
    expect(schema.required).toEqual(
      expect.arrayContaining(["designer", "issuedAt", "tool", "rules", "inputs", "results"]),
    );
    expect(schema.properties.rules!.required).toEqual(expect.arrayContaining(["date", "dataSha256"]));
    expect(schema.properties.results!.required).toEqual(
      expect.arrayContaining(["tpp", "performanceDensity", "performanceDensityExact", "clause", "eccn", "trace"]),
    );
  });
});
