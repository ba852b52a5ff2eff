/**
 * The OpenAPI 3.1 document: served at /openapi.json, equal to the committed
 * data/schema/openapi.json (no drift), valid in the parts a client relies
 * on, and covering every route the server answers.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { API_ROUTES } from "../../src/web/api.js";
import { openApiDocument } from "../../src/web/openapi.js";
import { buildServer } from "../../src/web/server.js";

const committed = "data/schema/openapi.json";

/** The OpenAPI 3.1 structure this document uses: strict where a client reads it. */
const MediaType = z.object({ schema: z.record(z.string(), z.unknown()) });
const Operation = z.object({
  operationId: z.string().regex(/^[a-z][a-z0-9-]*$/),
  summary: z.string().min(1),
  parameters: z
    .array(
      z.object({
        name: z.string(),
        in: z.enum(["query", "path", "header"]),
        required: z.boolean(),
        schema: z.object({ type: z.string() }),
      }),
    )
    .optional(),
  requestBody: z
    .object({ required: z.boolean(), content: z.record(z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/), MediaType) })
    .optional(),
  responses: z.record(
    z.string().regex(/^([1-5]\d\d|[1-5]XX)$/),
    z.object({ description: z.string().min(1), content: z.record(z.string(), MediaType).optional() }),
  ),
});
const OpenApi31 = z.object({
  openapi: z.string().regex(/^3\.1\.\d+$/),
  info: z.object({ title: z.string(), version: z.string(), license: z.object({ name: z.string() }).optional() }),
  paths: z.record(
    z.string().regex(/^\//),
    z.partialRecord(z.enum(["get", "post", "put", "delete", "patch"]), Operation),
  ),
});

describe("GET /openapi.json", () => {
  it(`is ${committed} byte for byte (regenerate: node dist/cli/bin.js serve, then save /openapi.json there)`, async () => {
    const server = buildServer({ context: { presumeOptions: {}, trust: undefined } });
    const response = await server.inject({ method: "GET", url: "/openapi.json" });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(readFileSync(committed, "utf8"));
    await server.close();
  });

  it("is an OpenAPI 3.1 document whose operation ids are unique", () => {
    const document = OpenApi31.parse(openApiDocument());
    const ids = Object.values(document.paths).flatMap((operations) =>
      Object.values(operations).map((operation) => operation.operationId),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("has every route of the table, with the datasheet schema the CLI publishes as the classify body", () => {
    const document = openApiDocument() as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: { oneOf?: unknown[] } }> } }>
      >;
    };
    for (const route of API_ROUTES)
      expect(document.paths[route.path]?.[route.method.toLowerCase()], `${route.method} ${route.path}`).toBeDefined();
    const datasheet = JSON.parse(readFileSync("data/schema/datasheet.schema.json", "utf8"));
    expect(
      document.paths["/api/v1/classify"]?.post?.requestBody?.content["application/json"]?.schema.oneOf?.[0],
    ).toEqual(datasheet);
  });
});
