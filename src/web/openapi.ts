/**
 * The OpenAPI 3.1 document of the HTTP API, generated from the route table
 * (./api.ts) and the zod schemas of the inputs. data/schema/openapi.json is
 * this document, checked for drift by spec/web/openapi.spec.ts.
 */
import { z } from "zod";
import { TOOL_VERSION } from "../version.js";
import { API_ROUTES, type ApiRoute } from "./api.js";

const ERROR_SCHEMA = {
  type: "object",
  required: ["error"],
  properties: { error: { type: "object", required: ["message"], properties: { message: { type: "string" } } } },
};

function parameters(route: ApiRoute) {
  if (!route.query) return [];
  const schema = z.toJSONSchema(route.query, { io: "input" }) as {
    properties?: Record<string, { description?: string }>;
  };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: false,
    ...(property.description ? { description: property.description } : {}),
    schema: { type: "string" },
  }));
}

function operation(route: ApiRoute) {
  const responses: Record<string, object> = {};
  for (const [status, { description, types }] of Object.entries(route.responses)) {
    responses[status] = {
      description,
      content: Object.fromEntries(
        types.map((type) => [type, { schema: status === "200" || type !== "application/json" ? {} : ERROR_SCHEMA }]),
      ),
    };
  }
  responses["4XX"] ??= {
    description: "Usage error (bad date, 404, 405, 413)",
    content: { "application/json": { schema: ERROR_SCHEMA } },
  };
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: route.description + (route.bodyLimit ? ` Body limit: ${route.bodyLimit} bytes.` : ""),
    ...(route.cli ? { "x-cli": `ic3a090 ${route.cli}` } : {}),
    parameters: parameters(route),
    ...(route.requestTypes
      ? {
          requestBody: {
            required: true,
            content: Object.fromEntries(Object.entries(route.requestTypes).map(([type, schema]) => [type, { schema }])),
          },
        }
      : {}),
    responses,
  };
}

export function openApiDocument() {
  const paths: Record<string, Record<string, object>> = {};
  for (const route of API_ROUTES) {
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = operation(route);
  }
  paths["/api/v1/examples"] = {
    get: {
      operationId: "examples",
      summary: "The bundled catalogue's parts as datasheets",
      responses: {
        "200": { description: "[{part, datasheet}]", content: { "application/json": { schema: { type: "array" } } } },
      },
    },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "ic3a090 API",
      version: TOOL_VERSION,
      description:
        "ECCN 3A090 classification and the Note 1 presumption, exactly as the ic3a090 CLI prints them. States what the rule says; not legal advice.",
      license: { name: "MIT", identifier: "MIT" },
    },
    paths,
  };
}
