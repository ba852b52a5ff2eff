/**
 * Strict input objects: a field the schema does not know is an error, never
 * dropped. A misspelt `Count` silently read as the default count of 1 turns
 * TPP 6400 into 800 and the answer into `none`; so every input schema is built
 * with `strictObject`, and every unknown field is reported at its own path
 * with the nearest known field:
 *
 *     units[0].Count: unknown field; did you mean "count"?
 *
 * Schemas built with `strictObject` give the message through their own error
 * function; `issuesFromZod` (src/classify/datasheet.ts) turns each
 * "unrecognized_keys" issue into one issue per field, so any strict zod object
 * gets the per-field path, and this module's ones the suggestion too.
 */
import { z } from "zod";
import { nearestName } from "./nearest-name.js";

/** The message for one unknown field, with the nearest known field or the list of known ones. */
export function unknownFieldMessage(field: string, known: readonly string[]): string {
  const nearest = nearestName(field, known);
  if (nearest !== undefined) return `unknown field; did you mean ${JSON.stringify(nearest)}?`;
  return `unknown field; the fields here are ${known.map((name) => JSON.stringify(name)).join(", ")}`;
}

/** Marks an "unrecognized_keys" message that carries one message per field, as JSON. */
const PER_FIELD_MARK = "unknown-fields:";

/** An object schema that refuses unknown fields, each named with a suggestion. Use it for every input object. */
export function strictObject<Shape extends z.ZodRawShape>(shape: Shape) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== "unrecognized_keys") return undefined;
      const messages = issue.keys.map((field) => [field, unknownFieldMessage(field, known)]);
      return PER_FIELD_MARK + JSON.stringify(messages);
    },
  });
}

/** One issue per unknown field, at the field's own path, from a zod "unrecognized_keys" issue. */
export function unknownFieldIssues(issue: {
  readonly keys: readonly string[];
  readonly path: readonly PropertyKey[];
  readonly message: string;
}): { path: PropertyKey[]; message: string }[] {
  const messages = new Map<string, string>();
  if (issue.message.startsWith(PER_FIELD_MARK)) {
    for (const [field, message] of JSON.parse(issue.message.slice(PER_FIELD_MARK.length)) as [string, string][]) {
      messages.set(field, message);
    }
  }
  return issue.keys.map((field) => ({ path: [...issue.path, field], message: messages.get(field) ?? "unknown field" }));
}
