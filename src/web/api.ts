/**
 * The HTTP API, as one table of routes: each entry names its method, path,
 * body and query, and answers with exactly what the matching CLI command
 * prints, built by the same library functions (nothing computed twice). The
 * OpenAPI document (./openapi.ts) is generated from this table, and the
 * server (./server.ts) registers it; a new command is one more entry.
 *
 * Status codes follow the CLI's exit codes: 200 where it exits 0 or 1 (the
 * answer is in the body), 400 where it exits 65 (invalid input; the body is
 * the same error objects), 400 with `{error: {message}}` where it exits 2.
 */
import { Readable } from "node:stream";
import { z } from "zod";
import { classifyDatasheet } from "../classify/classify.js";
import { datasheetJsonSchema, parseDatasheet } from "../classify/datasheet.js";
import type { Classification } from "../classify/result.js";
import { orderJsonSchema } from "../presume/order.js";
import { MODES } from "../license/data.js";
import { license, type LicenseOptions } from "../license/license.js";
import type { LicenseResult } from "../license/result.js";
import { shipmentJsonSchema } from "../license/shipment.js";
import { InvalidInputError } from "../classify/datasheet.js";
import { predicateJsonSchema } from "../attest/statement.js";
import { presume, type PresumeOptions } from "../presume/presume.js";
import type { PresumeResult } from "../presume/result.js";
import { isIsoDate, todayIso } from "../rules/dated.js";
import { type RuleSet, RulesDateError, rulesAt } from "../rules/rules.js";
import { rulesTable } from "../rules/table.js";
import { verifyEnvelopeBytes } from "../attest/verify.js";
import { verifyResultJson } from "../attest/verify-json.js";
import { RENDER_FORMATS, type RenderFormat, renderAttestation } from "../attest/render.js";
import type { TrustedDesigners } from "../attest/trust.js";
import { sha256Hex } from "../attest/statement.js";
import { answerJsonDocument, answerJsonLine, outcomeJson, type RecordOutcome } from "../records/json-records.js";
import { catalogueStream, CatalogueRequestError, XLSX_BODY_LIMIT } from "./catalogue-stream.js";
import { XLSX_MEDIA_TYPE } from "../catalogue/xlsx.js";
import { mapSvg } from "./map.js";

/** The name records are given in error objects: a request body is the server's standard input. */
export const BODY_SOURCE = "stdin";

/** Body limits, in bytes; a larger body is answered 413. */
export const BODY_LIMITS = {
  json: 8 * 1024 * 1024,
  verify: 32 * 1024 * 1024,
  /** The catalogue is streamed in constant memory; the limit only bounds how long one request may run. */
  catalogue: 1024 * 1024 * 1024,
} as const;

/** What the server was started with: the only source of trust and approved lists (never the request). */
export interface ServerContext {
  readonly presumeOptions: PresumeOptions;
  readonly trust: TrustedDesigners | undefined;
}

export interface ApiRequest {
  readonly query: Record<string, string | undefined>;
  readonly contentType: string;
  /** The Accept header, as sent ("" when absent). */
  readonly accept: string;
  /** The body as text (JSON, JSON Lines), or the raw stream for a streamed route. */
  readonly body: string | Readable | undefined;
}

export interface ApiResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: string | Readable;
}

export type BodyKind = "text" | "stream" | "none";

export interface ApiRoute {
  readonly method: "GET" | "POST";
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description: string;
  /** The CLI command whose JSON this route returns. */
  readonly cli: string;
  readonly body: BodyKind;
  readonly bodyLimit?: number;
  /** Request media types and the JSON Schema of each (OpenAPI). */
  readonly requestTypes?: Readonly<Record<string, object>>;
  readonly query?: z.ZodObject;
  /** Response media types (OpenAPI), by status. */
  readonly responses: Readonly<Record<string, { description: string; types: readonly string[] }>>;
  handle(request: ApiRequest, context: ServerContext): Promise<ApiResponse> | ApiResponse;
}

/** A usage error: the message the CLI would print after "ic3a090: ", as `{error: {message}}` with status 400. */
export class ApiUsageError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = "ApiUsageError";
  }
}

export function usageErrorBody(message: string): string {
  return `${JSON.stringify({ error: { message } }, null, 2)}\n`;
}

const JSON_TYPE = "application/json; charset=utf-8";
const NDJSON = "application/x-ndjson";

const DateQuery = z.object({
  date: z
    .string()
    .optional()
    .meta({ description: "Apply the rules in force on this date (YYYY-MM-DD; default today, UTC), as --date" }),
});

/** The rules in force on `date`, or a 400 that says what dates are covered (the CLI's --date message). */
export function rulesForQuery(date: string | undefined): RuleSet {
  try {
    return rulesAt(date ?? todayIso(), { history: true });
  } catch (error) {
    if (error instanceof RulesDateError) throw new ApiUsageError(`--date: ${error.message}`);
    throw error;
  }
}

/** True for a JSON Lines request (`Content-Type: application/x-ndjson` or `application/jsonl`). */
function isJsonLines(contentType: string): boolean {
  return contentType === NDJSON || contentType === "application/jsonl";
}

/** JSON Lines split as the CLI's line reader splits them: on LF, CRLF or CR; a final line end starts no new line. */
export function jsonLines(text: string): string[] {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.at(-1) === "") lines.pop();
  if (lines[0] !== undefined && lines[0].charCodeAt(0) === 0xfeff) lines[0] = lines[0].slice(1);
  return lines;
}

/** Answers records as `classify` or `presume` print them: 400 when any record was invalid (the CLI's exit 65). */
export function answerRecords<R>(evaluate: (value: unknown) => R, request: ApiRequest): ApiResponse {
  const text = typeof request.body === "string" ? request.body : "";
  if (isJsonLines(request.contentType)) {
    const outcomes: RecordOutcome<R>[] = jsonLines(text).map((line, index) =>
      answerJsonLine(evaluate, line, BODY_SOURCE, index + 1),
    );
    const invalid = outcomes.some((outcome) => !outcome.ok);
    return {
      status: invalid ? 400 : 200,
      contentType: NDJSON,
      body: outcomes.map((outcome) => `${outcomeJson(outcome, false)}\n`).join(""),
    };
  }
  const answer = answerJsonDocument(evaluate, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, BODY_SOURCE);
  return {
    status: answer.outcomes.some((outcome) => !outcome.ok) ? 400 : 200,
    contentType: JSON_TYPE,
    body: answer.text,
  };
}

function json(value: unknown, status = 200): ApiResponse {
  return { status, contentType: JSON_TYPE, body: `${JSON.stringify(value, null, 2)}\n` };
}

const RECORD_TYPES = (schema: object) => ({
  "application/json": { oneOf: [schema, { type: "array", items: schema }] },
  [NDJSON]: schema,
});
const RECORD_RESPONSES = (what: string) => ({
  "200": {
    description: `${what}: one object, an array in the same order, or one JSON line per input line`,
    types: ["application/json", NDJSON],
  },
  "400": {
    description:
      "Some record was invalid (the CLI's exit 65): the same answer, with an error object in place of each bad record",
    types: ["application/json", NDJSON],
  },
  "413": { description: `The body is larger than ${BODY_LIMITS.json} bytes`, types: ["application/json"] },
});

/** Attestations in server mode: inline only; a path in a request is never opened. */
function inlineOnly(presumeOptions: PresumeOptions): PresumeOptions {
  const verify = presumeOptions.verifyAttestation;
  if (!verify) return presumeOptions;
  return {
    ...presumeOptions,
    verifyAttestation: (envelopeOrPath) =>
      typeof envelopeOrPath === "string"
        ? {
            ok: false,
            reason: `designerAttestation "${envelopeOrPath}" is a path; the server opens no path from a request: give the envelope inline`,
          }
        : verify(envelopeOrPath),
  };
}

const PresumeQuery = z.object({
  date: z
    .string()
    .optional()
    .meta({ description: "Evaluate every order as if completed on this date (YYYY-MM-DD), as presume --date" }),
});

const LicenseQuery = z.object({
  date: z.string().optional().meta({ description: "Answer on this date (YYYY-MM-DD), as license --date" }),
  mode: z.string().optional().meta({ description: "enforced (default) or as-written, as license --mode" }),
});

/** One shipment answered; a date the rules do not cover is a 400 (with --date) or an invalid record (its own date). */
function licenseOrRefuse(value: unknown, options: LicenseOptions): LicenseResult {
  try {
    return license(value, options);
  } catch (error) {
    if (!(error instanceof RulesDateError)) throw error;
    if (options.date !== undefined) throw new ApiUsageError(`--date: ${error.message}`);
    throw new InvalidInputError([{ path: "date", message: error.message }]);
  }
}

const SCHEMAS: Readonly<Record<string, () => object>> = {
  datasheet: datasheetJsonSchema,
  order: orderJsonSchema,
  license: shipmentJsonSchema,
  "attestation-predicate": predicateJsonSchema,
};

/** A verify request: the envelope file's text, and the bound files' contents (base64) to check against its digests. */
export const VerifyRequestSchema = z.strictObject({
  envelope: z.string().meta({ description: "The attestation file's text, exactly as `ic3a090 attest` wrote it" }),
  files: z
    .array(z.strictObject({ name: z.string().min(1), base64: z.string() }))
    .default([])
    .meta({ description: "Files to check against the bound digests, as verify --bind" }),
  part: z.string().optional().meta({ description: "Require the attestation to be for this part, as verify --part" }),
});

function verifyRequest(request: ApiRequest): {
  bytes: Uint8Array;
  files: { name: string; sha256: string }[];
  part?: string;
} {
  const text = typeof request.body === "string" ? request.body : "";
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { bytes: Buffer.from(text, "utf8"), files: [], ...(request.query.part ? { part: request.query.part } : {}) };
  }
  if (typeof value === "object" && value !== null && "envelope" in value) {
    const parsed = VerifyRequestSchema.safeParse(value);
    if (!parsed.success)
      throw new ApiUsageError(
        `body: ${parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`).join("; ")}`,
      );
    const files = parsed.data.files.map((file) => ({
      name: file.name,
      sha256: sha256Hex(Buffer.from(file.base64, "base64")),
    }));
    const part = parsed.data.part ?? request.query.part;
    return { bytes: Buffer.from(parsed.data.envelope, "utf8"), files, ...(part ? { part } : {}) };
  }
  return { bytes: Buffer.from(text, "utf8"), files: [], ...(request.query.part ? { part: request.query.part } : {}) };
}

/** The bodies /api/v1/verify and /api/v1/render take: an envelope, or {envelope, files, part}. */
const VERIFY_REQUEST_TYPES = {
  "application/json": {
    oneOf: [{ type: "object", description: "A DSSE envelope" }, z.toJSONSchema(VerifyRequestSchema, { io: "input" })],
  },
};

function noTrust(): ApiUsageError {
  return new ApiUsageError("the server was started without --trust: it has no designers' keys to verify against", 503);
}

/** The posted envelope verified against the server's trust file (never one the request names). */
function verifyPosted(request: ApiRequest, context: ServerContext): ReturnType<typeof verifyEnvelopeBytes> {
  if (!context.trust) throw noTrust();
  const { bytes, files, part } = verifyRequest(request);
  return verifyEnvelopeBytes(bytes, context.trust, { boundFiles: files, ...(part === undefined ? {} : { part }) });
}

const RENDER_CONTENT_TYPES: Record<RenderFormat, string> = {
  md: "text/markdown; charset=utf-8",
  html: "text/html; charset=utf-8",
  pdf: "application/pdf",
};

export const API_ROUTES: readonly ApiRoute[] = [
  {
    method: "POST",
    path: "/api/v1/classify",
    operationId: "classify",
    summary: "Classify datasheets under ECCN 3A090",
    description:
      "One datasheet, a JSON array, or JSON Lines (Content-Type: application/x-ndjson): the JSON of `ic3a090 classify`.",
    cli: "classify",
    body: "text",
    bodyLimit: BODY_LIMITS.json,
    requestTypes: RECORD_TYPES(datasheetJsonSchema()),
    query: DateQuery,
    responses: RECORD_RESPONSES("The classifications"),
    handle(request) {
      const rules = rulesForQuery(request.query.date);
      return answerRecords<Classification>((value) => classifyDatasheet(parseDatasheet(value), rules), request);
    },
  },
  {
    method: "POST",
    path: "/api/v1/presume",
    operationId: "presume",
    summary: "Check orders under Note 1 to 3A090.a",
    description:
      "One order, a JSON array, or JSON Lines: the JSON of `ic3a090 presume` with the server's approved lists and trust file. " +
      "A designerAttestation must be inline (figures or a DSSE envelope); a path is refused, never opened.",
    cli: "presume",
    body: "text",
    bodyLimit: BODY_LIMITS.json,
    requestTypes: RECORD_TYPES(orderJsonSchema()),
    query: PresumeQuery,
    responses: RECORD_RESPONSES("The presumption checks"),
    handle(request, context) {
      const date = request.query.date;
      if (date !== undefined && !isIsoDate(date))
        throw new ApiUsageError(`--date: "${date}" is not a calendar date written YYYY-MM-DD`);
      const options = { ...inlineOnly(context.presumeOptions), ...(date === undefined ? {} : { date }) };
      return answerRecords<PresumeResult>((value) => presume(value, options), request);
    },
  },
  {
    method: "POST",
    path: "/api/v1/license",
    operationId: "license",
    summary: "Answer whether shipments need a licence",
    description:
      "One shipment, a JSON array, or JSON Lines: the JSON of `ic3a090 license` (item ECCN, licence required, exceptions, " +
      "review policy, rows with their citations and confidence, GP10, red flags). States what the rules say; not legal advice.",
    cli: "license",
    body: "text",
    bodyLimit: BODY_LIMITS.json,
    requestTypes: RECORD_TYPES(shipmentJsonSchema()),
    query: LicenseQuery,
    responses: RECORD_RESPONSES("The licence answers"),
    handle(request) {
      const { date, mode } = request.query;
      if (date !== undefined && !isIsoDate(date))
        throw new ApiUsageError(`--date: "${date}" is not a calendar date written YYYY-MM-DD`);
      if (mode !== undefined && !(MODES as readonly string[]).includes(mode)) {
        throw new ApiUsageError(`--mode must be one of ${MODES.join(", ")}, got "${mode}"`);
      }
      const options: LicenseOptions = {
        ...(date === undefined ? {} : { date }),
        mode: (mode ?? "enforced") as LicenseOptions["mode"],
      };
      return answerRecords<LicenseResult>((value) => licenseOrRefuse(value, options), request);
    },
  },
  {
    method: "POST",
    path: "/api/v1/verify",
    operationId: "verify",
    summary: "Verify a signed datasheet attestation against the server's trust file",
    description:
      "The envelope as the body, or {envelope, files, part}: the JSON of `ic3a090 verify --json`. The trust comes from the " +
      "server's --trust, never from the request. 200 with ok false names the first check that failed.",
    cli: "verify --json",
    body: "text",
    bodyLimit: BODY_LIMITS.verify,
    requestTypes: VERIFY_REQUEST_TYPES,
    query: z.object({
      part: z.string().optional().meta({ description: "Require the attestation to be for this part" }),
    }),
    responses: {
      "200": {
        description: "The outcome: ok true with who signed and what was recomputed, or ok false with the failed check",
        types: ["application/json"],
      },
      "503": { description: "The server was started without --trust", types: ["application/json"] },
    },
    handle(request, context) {
      return json(verifyResultJson(verifyPosted(request, context)));
    },
  },
  {
    method: "POST",
    path: "/api/v1/render",
    operationId: "render",
    summary: "A verified attestation as a document for people (Markdown, HTML or PDF)",
    description:
      "The body of /api/v1/verify: the document of `ic3a090 render --format F`, only from an envelope that verifies " +
      "against the server's trust file; otherwise 422 with the verify JSON naming the failed check.",
    cli: "render",
    body: "text",
    bodyLimit: BODY_LIMITS.verify,
    requestTypes: VERIFY_REQUEST_TYPES,
    query: z.object({
      format: z
        .enum(RENDER_FORMATS as [RenderFormat, ...RenderFormat[]])
        .optional()
        .meta({ description: "md (default), html or pdf" }),
      part: z.string().optional().meta({ description: "Require the attestation to be for this part" }),
    }),
    responses: {
      "200": { description: "The document", types: ["text/markdown", "text/html", "application/pdf"] },
      "422": { description: "The envelope did not verify: the verify JSON", types: ["application/json"] },
      "503": { description: "The server was started without --trust", types: ["application/json"] },
    },
    handle(request, context) {
      if (!context.trust) throw noTrust();
      const format = (request.query.format ?? "md") as RenderFormat;
      if (!RENDER_FORMATS.includes(format))
        throw new ApiUsageError(`--format must be one of ${RENDER_FORMATS.join(", ")}, got "${format}"`);
      const result = verifyPosted(request, context);
      if (!result.ok) return json(verifyResultJson(result), 422);
      const document = renderAttestation(result, format, {
        envelopeFile: "attestation.json",
        trustFile: "trusted-designers.json",
      });
      return {
        status: 200,
        contentType: RENDER_CONTENT_TYPES[format],
        body: typeof document === "string" ? document : (Readable.from([document]) as Readable),
      };
    },
  },
  {
    method: "POST",
    path: "/api/v1/catalogue",
    operationId: "catalogue",
    summary: "Classify a parts catalogue (CSV or an Excel workbook), streamed",
    description:
      "A CSV catalogue (streamed, in constant memory) or an Excel workbook (read in memory, at most " +
      `${XLSX_BODY_LIMIT} bytes; its first sheet, or ?sheet=NAME), with the columns and row rules of \`ic3a090 classify FILE.csv\`: ` +
      "each row with the result columns, as CSV, or as a workbook with ?format=xlsx (or Accept: the xlsx media type); " +
      "by default in the format sent. A catalogue that cannot be read at all (no header, no part column) is a 400 before any row is sent.",
    cli: "classify FILE.csv",
    body: "stream",
    bodyLimit: BODY_LIMITS.catalogue,
    requestTypes: {
      "text/csv": { type: "string" },
      [XLSX_MEDIA_TYPE]: { type: "string", contentMediaType: XLSX_MEDIA_TYPE },
    },
    query: z.object({
      ...DateQuery.shape,
      format: z
        .enum(["csv", "xlsx"])
        .optional()
        .meta({ description: "The answer's format (default: the format sent)" }),
      sheet: z.string().optional().meta({ description: "The workbook's sheet to read (default: the first)" }),
    }),
    responses: {
      "200": {
        description: "Each input row with tpp, performance_density, clause, eccn, missing, warnings and error appended",
        types: ["text/csv", XLSX_MEDIA_TYPE],
      },
      "400": {
        description: "The catalogue cannot be read (no header, no part column, a record too long, not a workbook)",
        types: ["application/json"],
      },
    },
    async handle(request) {
      const rules = rulesForQuery(request.query.date);
      const workbookIn = request.contentType === XLSX_MEDIA_TYPE;
      const format =
        request.query.format ??
        (request.accept.includes(XLSX_MEDIA_TYPE)
          ? "xlsx"
          : request.accept.includes("text/csv")
            ? "csv"
            : workbookIn
              ? "xlsx"
              : "csv");
      if (format !== "csv" && format !== "xlsx") throw new ApiUsageError(`format: "${format}" is not csv or xlsx`);
      try {
        const body = await catalogueStream(request.body as Readable, rules, {
          workbookIn,
          workbookOut: format === "xlsx",
          sheet: request.query.sheet,
        });
        return { status: 200, contentType: format === "xlsx" ? XLSX_MEDIA_TYPE : "text/csv; charset=utf-8", body };
      } catch (error) {
        if (error instanceof CatalogueRequestError)
          throw new ApiUsageError(`${BODY_SOURCE}: ${error.message}`, error.status);
        throw error;
      }
    },
  },
  {
    method: "POST",
    path: "/api/v1/plot",
    operationId: "plot",
    summary: "Draw parts on the TPP × performance density map, as SVG",
    description:
      "A CSV catalogue, JSON Lines or JSON datasheets: the SVG of `ic3a090 plot`, over the thresholds of the date.",
    cli: "plot",
    body: "text",
    bodyLimit: BODY_LIMITS.json * 8,
    requestTypes: {
      "text/csv": { type: "string" },
      "application/json": { type: "object" },
      [NDJSON]: { type: "object" },
    },
    query: DateQuery,
    responses: { "200": { description: "The map", types: ["image/svg+xml"] } },
    async handle(request) {
      const rules = rulesForQuery(request.query.date);
      const format = request.contentType === "text/csv" ? "csv" : isJsonLines(request.contentType) ? "jsonl" : "json";
      return {
        status: 200,
        contentType: "image/svg+xml; charset=utf-8",
        body: await mapSvg(String(request.body ?? ""), format, rules),
      };
    },
  },
  {
    method: "GET",
    path: "/api/v1/rules",
    operationId: "rules",
    summary: "The thresholds in force on a date, with operators and citations",
    description: "The JSON of `ic3a090 rules --json --date DATE`.",
    cli: "rules --json",
    body: "none",
    query: DateQuery,
    responses: {
      "200": { description: "The rules table", types: ["application/json"] },
      "400": { description: "A date the rules do not cover", types: ["application/json"] },
    },
    handle(request) {
      return json(rulesTable(rulesForQuery(request.query.date)));
    },
  },
  ...Object.entries(SCHEMAS).map(
    ([name, schema]): ApiRoute => ({
      method: "GET",
      path: `/api/v1/schema/${name}`,
      operationId: `schema-${name}`,
      summary: `The JSON Schema of the ${name} input`,
      description:
        name === "datasheet"
          ? "The JSON of `ic3a090 schema`."
          : `The JSON Schema of the ${name}, as published under data/schema.`,
      cli: name === "datasheet" ? "schema" : "",
      body: "none",
      responses: { "200": { description: "A JSON Schema (draft 2020-12)", types: ["application/json"] } },
      handle: () => json(schema()),
    }),
  ),
];

/** The route at `path` for any method, to tell 405 from 404. */
export function routesAt(path: string): ApiRoute[] {
  return API_ROUTES.filter((route) => route.path === path);
}
