/**
 * Writes the field tables of docs/input.md from the zod schemas the inputs are validated with, so the reference
 * cannot say what the code does not do:
 *
 *   npm run docs:input
 *
 * Each object of an input gets a table: field, type and allowed values, required or not, default, description.
 * Structure, required, defaults, enums, patterns and descriptions come from zod 4's `z.toJSONSchema` (input side);
 * what a JSON Schema cannot say (a string that must be a decimal or a date, the units a figure may carry) is found
 * by asking the field's own zod schema to parse sample values. A field whose schema has no description takes the
 * one in FALLBACK_DESCRIPTIONS below. spec/docs/input-page.spec.ts fails when the page differs from this output.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { HbmDatasheetSchema, IcDatasheetSchema } from "../src/classify/datasheet.js";
import { OrderSchema } from "../src/presume/order.js";
import { ShipmentSchema } from "../src/license/shipment.js";
import { ModelInputSchema } from "../src/model/model.js";
import { AllocationShipmentSchema } from "../src/diffusion/shipment.js";
import { CATALOGUE_COLUMNS, type CatalogueColumn, readColumnName } from "../src/catalogue/columns.js";
import { cell, fillGenerated, table } from "./docs-markers.js";

export const INPUT_PAGE = "docs/input.md";

/** Descriptions for fields whose schema carries none, by input and field path. */
const FALLBACK_DESCRIPTIONS: Readonly<Record<string, string>> = {
  "datasheet:part": "The part's name, as you want it in the output",
  "datasheet:kind": '"ic" for an integrated circuit (default); an HBM stack is "hbm" (below)',
  "datasheet:units": "The IC's processing units, each with its rates",
  "datasheet:dies": "The IC's dies: they give the applicable die area, hence performance density",
  "datasheet:units[].name": "The unit's name, for the trace",
  "datasheet:units[].rates": "The unit's peak rates, one per number format",
  "datasheet:dies[].name": "The die's name, for the trace",
  "datasheet:contains[].part": "The contained IC's name",
  "datasheet:contains[].kind": '"ic"',
  "datasheet:contains[].units": "Its processing units (as units[] above)",
  "datasheet:contains[].dies": "Its dies (as dies[] above)",
  "hbm:part": "The part's name",
  "hbm:kind": 'Must be "hbm"',
  "order:part": "The part's name",
  "order:exporter": "Who exports, reexports or transfers the IC",
  "order:dies": "The IC's dies, as in a datasheet (dies[] above); each with nodeNm and transistorDensityPerMm2",
  "order:packaging": "Who packages the die, and where",
  "order:designer": "The IC's designer",
  "order:designer.name": "The designer company (checked against Supp. 6)",
  "order:designer.headquarters": "Country of the designer's headquarters",
  "order:designer.ultimateParentHeadquarters": "Country of the headquarters of its ultimate parent",
  "order:endUser.headquarters": "Country of the consignee's headquarters",
  "order:endUser.ultimateParentHeadquarters": "Country of its ultimate parent's headquarters; null: none",
  "shipment:transaction": "Export, reexport or in-country transfer",
  "shipment:item": "What is shipped",
  "shipment:endUser": "The end user, as screened",
  "shipment:endUse": "What you know of the end use",
  "shipment:answers": "Your answers to the red-flag questions",
  "shipment:answers.redFlags": "Red flag id → true when the flag is present (ids: `ic3a090 license --help`)",
  "shipment:item.designer.name": "Company name",
  "shipment:item.designer.headquarters": "Country of its headquarters",
  "shipment:item.designer.locations": "Every country it is located in",
  "shipment:item.producer.name": "Company name",
  "shipment:item.producer.headquarters": "Country of its headquarters",
  "shipment:item.producer.locations": "Every country it is located in",
  "shipment:endUser.name": "Company name",
  "shipment:endUser.headquarters": "Country of its headquarters",
  "model:model": "The model's name",
  "model:trainingOperations": "Operations used to train it, stated (null: not known)",
  "model:published": "The weights are published (§ 734.7), so not subject to 4E091",
  "model:derivedFrom": "The model it was derived from by further training",
  "model:derivedFrom.published": "The base model's weights are published",
  "model:derivedFrom.trainingOperations": "Operations used to train the base model",
  "model:derivedFrom.model": "The base model's name",
  "model:additionalOperations": "Operations of the additional training (Note 1 to 4E091)",
  "model:parameters": "Parameter count N, for the 6 × N × D estimate when operations are not stated",
  "model:trainingTokens": "Training tokens D, for the 6 × N × D estimate",
  "model:belowMostCapablePublished": "Less capable than the most capable published model (the exclusion)",
  "model:iaas": "Offered by infrastructure as a service",
  "allocation:date": "Date of the shipment",
  "allocation:destination": "Country of destination",
  "allocation:consignee": "The consignee's name",
  "allocation:headquarters": "Country of the consignee's headquarters; null: none",
  "allocation:quantity": "How many items, a whole number",
  "allocation:tpp": "TPP of one item",
  "allocation:datasheet": "Instead of tpp: a datasheet as `classify` takes it",
};

/** Unit suffixes tried on each decimal field; the ones its schema accepts are listed as its units. */
const UNIT_PROBES = ["TOPS", "TFLOPS", "PFLOPS", "mm^2", "cm^2", "GB/s", "TB/s", "MHz", "GHz"] as const;

type Zod = z.ZodType;
type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  examples?: unknown[];
  pattern?: string;
  minLength?: number;
  minItems?: number;
  minimum?: number;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
};

function jsonSchemaOf(schema: Zod): JsonSchema {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
}

/** The schema inside optional, nullable, default, pipe (transform) and readonly wrappers. */
function core(schema: Zod): Zod {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  if (["optional", "nullable", "default", "prefault", "readonly", "nonoptional"].includes(def.type)) {
    return core(def.innerType as Zod);
  }
  if (def.type === "pipe") return core(def.in as Zod);
  return schema;
}

function defType(schema: Zod): string {
  return (core(schema) as unknown as { _zod: { def: { type: string } } })._zod.def.type;
}

/** The object schema a field holds, directly, as the elements of a list, or as one member of a union. */
function objectWithin(schema: Zod): { object: z.ZodObject; list: boolean } | undefined {
  const inner = core(schema);
  const def = (inner as unknown as { _zod: { def: { type: string; element?: Zod; options?: Zod[] } } })._zod.def;
  if (def.type === "object") return { object: inner as z.ZodObject, list: false };
  if (def.type === "array" && def.element) {
    const element = objectWithin(def.element);
    return element && { object: element.object, list: true };
  }
  if (def.type === "union" && def.options) {
    for (const option of def.options) {
      const found = objectWithin(option);
      if (found) return found;
    }
  }
  return undefined;
}

const accepts = (schema: Zod, value: unknown) => schema.safeParse(value).success;

/** What a string field takes, found by parsing sample values with its own schema. */
function stringKind(field: Zod): string | undefined {
  const inner = field;
  if (accepts(inner, "2027-03-15") && !accepts(inner, "2027-02-30") && !accepts(inner, "12")) {
    return "date, YYYY-MM-DD";
  }
  if (accepts(inner, "12") && accepts(inner, "0.5") && !accepts(inner, "x")) {
    const units = UNIT_PROBES.filter((unit) => accepts(inner, `1 ${unit}`));
    const positive = accepts(inner, "0") ? "" : " greater than 0";
    return `decimal string${positive}${units.length > 0 ? `; or with a unit: ${units.join(", ")}` : ""}`;
  }
  return undefined;
}

function typeOf(json: JsonSchema, field: Zod, nested: string | undefined): string {
  const parts: string[] = [];
  if (json.anyOf) {
    const members = json.anyOf.map((member) => typeOf(member, field, nested));
    return [...new Set(members)].join(" or ");
  }
  if (json.const !== undefined) return `\`${JSON.stringify(json.const)}\``;
  if (json.enum) return `one of ${json.enum.map((value) => `\`${JSON.stringify(value)}\``).join(", ")}`;
  const types = json.type === undefined ? [] : Array.isArray(json.type) ? json.type : [json.type];
  for (const type of types) {
    if (type === "string") {
      const kind = defType(field) === "string" || defType(field) === "union" ? stringKind(field) : undefined;
      if (json.pattern === "^[A-Z]{2}$") parts.push('ISO 3166-1 alpha-2 country code, e.g. `"TW"`');
      else if (json.pattern) parts.push(`string matching \`${json.pattern}\``);
      else parts.push(kind ?? (json.minLength ? "non-empty string" : "string"));
    } else if (type === "integer") {
      parts.push(json.minimum !== undefined ? `whole number ≥ ${json.minimum}` : "whole number");
    } else if (type === "array") {
      const items = json.items ?? {};
      const what = nested ? `objects (${nested})` : typeOf(items, field, nested) || "values";
      parts.push(`list of ${what}${json.minItems ? `, at least ${json.minItems}` : ""}`);
    } else if (type === "object") {
      if (nested) parts.push(`object (${nested})`);
      else if (typeof json.additionalProperties === "object")
        parts.push(`object: name → ${typeOf(json.additionalProperties, field, undefined)}`);
      else parts.push("object");
    } else parts.push(type);
  }
  return parts.length > 0 ? parts.join(" or ") : "any JSON value";
}

interface Table {
  path: string;
  rows: string[][];
}

/** Tables already written, by the JSON of their object: where they are, in which input. */
type Seen = Map<string, { path: string; title: string }>;

/**
 * One table per object of an input, the top first and each nested object after the table that names it. An object
 * whose fields repeat a table already written (the dies of an order, the ICs an item contains) points to it.
 */
function tablesOf(input: string, title: string, object: z.ZodObject, seen: Seen, path = ""): Table[] {
  const json = jsonSchemaOf(object);
  const rows: string[][] = [];
  const after: Table[] = [];
  for (const [name, field] of Object.entries(object.shape as Record<string, Zod>)) {
    const fieldJson = json.properties?.[name] ?? {};
    const within = objectWithin(field);
    const fieldPath = `${path}${name}`;
    let nested: string | undefined;
    if (within) {
      const nestedPath = `${fieldPath}${within.list ? "[]" : ""}`;
      const key = JSON.stringify(jsonSchemaOf(within.object));
      const earlier = seen.get(key);
      if (earlier === undefined) {
        seen.set(key, { path: nestedPath, title });
        nested = `\`${nestedPath}\` below`;
        after.push(...tablesOf(input, title, within.object, seen, `${nestedPath}.`));
      } else {
        nested = `\`${earlier.path}\`${earlier.title === title ? " above" : ` of the ${earlier.title}`}`;
      }
    }
    const description = fieldJson.description ?? FALLBACK_DESCRIPTIONS[`${input}:${fieldPath.replace(/\[\]/g, "[]")}`];
    const examples = fieldJson.examples?.length ? ` (e.g. \`${JSON.stringify(fieldJson.examples[0])}\`)` : "";
    rows.push([
      `\`${name}\``,
      cell(typeOf(fieldJson, field, nested)),
      json.required?.includes(name) ? "yes" : "",
      fieldJson.default === undefined ? "" : `\`${JSON.stringify(fieldJson.default)}\``,
      cell(`${description ?? ""}${examples}`),
    ]);
  }
  return [{ path: path.replace(/\.$/, ""), rows }, ...after];
}

function render(input: string, object: z.ZodObject, title: string, seen: Seen): string {
  return tablesOf(input, title, object, seen)
    .map(({ path, rows }) => {
      const heading = path === "" ? `**${title}**` : `**\`${path}\`**`;
      return `${heading}\n\n${table(["field", "type", "required", "default", "description"], rows)}`;
    })
    .join("\n\n");
}

/** What each catalogue column holds; a column added to CATALOGUE_COLUMNS without one is listed with an empty cell. */
const COLUMN_MEANINGS: Readonly<Record<string, string>> = {
  part: "The part's name (required)",
  kind: "`ic` (default when empty) or `hbm`",
  datacenter: "`yes` / `no` / `true` / `false` (any case); empty: not known",
  tops_format:
    "Peak **dense** TOPS or TFLOPS of the whole IC in that format (`tops_fp8`, `tops_int8`, …); a unit may follow (`1.979 PFLOPS`); empty: not supported",
  die_area_mm2: "Applicable die area: the non-planar logic dies, mm²",
  logic_die_area_mm2: "Instead of `die_area_mm2`: the logic die's area, mm², with `non_planar`",
  non_planar: "`yes` / `no` / empty: whether the logic die is non-planar",
  hbm_bandwidth_gbps: "HBM rows: memory bandwidth, GB/s",
  hbm_area_mm2: "HBM rows: package or stack area, mm²",
  form: "`ic` (default when empty), `assembly` or `computer`: the item shipped",
  base_eccn: "The entry describing the item apart from 3A090/4A090, e.g. `5A992.c`",
  io_bandwidth_gbps: "Aggregate bidirectional I/O rate, GB/s (3A991.p.2); empty: not known",
  interconnect_gbps:
    "Aggregate bidirectional transfer rate, GB/s, tested by the Oct 2022 text of 3A090.a (dates before 2023-11-17); empty: not known",
};

const ACRONYMS = new Set(["hbm", "io", "eccn"]);

/** Spellings of a column name a spreadsheet might use: the ones the catalogue reads are listed as aliases. */
function spellings(column: string): string[] {
  const words = column.split("_");
  const unit = words.at(-1) === "mm2" ? "mm2" : words.at(-1) === "gbps" ? "GB/s" : undefined;
  const stem = unit ? words.slice(0, -1) : words;
  const title = (list: string[]) =>
    list.map((word) => (ACRONYMS.has(word) ? word.toUpperCase() : word[0]!.toUpperCase() + word.slice(1))).join(" ");
  const candidates = [title(words), words.join("-")];
  if (unit) candidates.push(`${title(stem)} (${unit})`, `${title(stem)} [${unit === "mm2" ? "mm²" : unit}]`);
  return candidates.filter((name) => {
    const reading = readColumnName(name);
    return reading.kind === "column" && reading.column === column;
  });
}

const TOPS_SPELLINGS = ["tflops_fp8", "tops-fp8", "FP8 TFLOPS", "TOPS FP8", "FP8 (TFLOPS)", "tops_fp8 (dense)"];
const LOOK_ALIKE_SAMPLES = [
  "flops_fp8",
  "pflops_fp8",
  "FP8 TOPS (sparse)",
  "fp8",
  "Die area (cm2)",
  "die_area",
  "hbm_bw",
  "datacentre",
  "planar",
];

function renderColumns(): string {
  const rows = CATALOGUE_COLUMNS.map((column: CatalogueColumn) => [
    `\`${column}\``,
    spellings(column)
      .map((name) => `\`${cell(name)}\``)
      .join(", "),
    cell(COLUMN_MEANINGS[column] ?? ""),
  ]);
  const tops = TOPS_SPELLINGS.filter((name) => readColumnName(name).kind === "tops");
  rows.splice(3, 0, [
    "`tops_<format>`",
    tops.map((name) => `\`${name}\``).join(", "),
    cell(COLUMN_MEANINGS.tops_format!),
  ]);
  const refused = LOOK_ALIKE_SAMPLES.map((name) => {
    const reading = readColumnName(name);
    const answer = reading.kind === "look-alike" ? `refused; did you mean \`${reading.nearest}\`?` : reading.kind;
    return [`\`${cell(name)}\``, cell(answer)];
  });
  return [
    table(["column", "also read as", "meaning"], rows),
    "Columns that look like a figure but are none of these are refused (exit 65), each with the column it probably means:",
    table(["header", "read as"], refused),
  ].join("\n\n");
}

/** Every generated section of docs/input.md, by marker name. */
export function inputSections(): Record<string, string> {
  const seen: Seen = new Map();
  return {
    datasheet: render("datasheet", IcDatasheetSchema as unknown as z.ZodObject, "IC datasheet", seen),
    hbm: render("hbm", HbmDatasheetSchema, "HBM datasheet", seen),
    order: render("order", OrderSchema as unknown as z.ZodObject, "Order", seen),
    shipment: render("shipment", ShipmentSchema as unknown as z.ZodObject, "Shipment", seen),
    model: render("model", ModelInputSchema, "Model", seen),
    allocation: render("allocation", AllocationShipmentSchema, "Allocation shipment", seen),
    columns: renderColumns(),
  };
}

/** docs/input.md as it should be: the page with its generated sections written anew. */
export function generatedInputPage(page: string): string {
  return fillGenerated(page, inputSections());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const page = readFileSync(INPUT_PAGE, "utf8");
  const next = generatedInputPage(page);
  if (next !== page) writeFileSync(INPUT_PAGE, next);
  process.stdout.write(`${INPUT_PAGE}: ${next === page ? "up to date" : "written"}\n`);
}
