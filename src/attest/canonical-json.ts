/**
 * Canonical JSON: the one byte string a value signs as. Object keys sorted by
 * UTF-16 code units (as RFC 8785 does), no insignificant whitespace, strings
 * escaped as JSON.stringify escapes them, numbers as ECMAScript prints them.
 *
 * A value with no single JSON reading is refused rather than guessed: NaN and
 * ±Infinity (JSON.stringify would write null), undefined, functions, BigInt,
 * symbols, and objects that are not plain (Date, Map, class instances).
 */

export class CanonicalJsonError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path || "(root)"}: ${reason}`);
    this.name = "CanonicalJsonError";
  }
}

/**
 * The canonical JSON text of `value`.
 *
 * @throws CanonicalJsonError naming the path of a value JSON cannot carry exactly.
 * @example canonicalJson({ b: 1, a: [true, "x"] }) === '{"a":[true,"x"],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return write(value, "");
}

/** The canonical JSON of `value` as UTF-8 bytes. */
export function canonicalJsonBytes(value: unknown): Buffer {
  return Buffer.from(canonicalJson(value), "utf8");
}

function write(value: unknown, path: string): string {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value))
        throw new CanonicalJsonError(path, `${value} is not a finite number and has no JSON form`);
      return JSON.stringify(value);
    case "object": {
      if (value === null) return "null";
      if (Array.isArray(value)) return `[${value.map((item, index) => write(item, `${path}[${index}]`)).join(",")}]`;
      const prototype = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) {
        throw new CanonicalJsonError(path, `a ${prototype?.constructor?.name ?? "non-plain"} object is not plain JSON`);
      }
      const entries = Object.entries(value as Record<string, unknown>);
      for (const [key, item] of entries) {
        if (item === undefined)
          throw new CanonicalJsonError(path ? `${path}.${key}` : key, "undefined has no JSON form");
      }
      entries.sort(([a], [b]) => compareCodeUnits(a, b));
      const members = entries.map(
        ([key, item]) => `${JSON.stringify(key)}:${write(item, path ? `${path}.${key}` : key)}`,
      );
      return `{${members.join(",")}}`;
    }
    default:
      throw new CanonicalJsonError(path, `a ${typeof value} has no JSON form`);
  }
}

/**
 * "not valid JSON (at character 9)": JSON.parse's reason without the excerpt
 * of the text V8 quotes, which could be key material when a key file is given
 * by mistake.
 */
export function jsonSyntaxReason(error: unknown): string {
  const position = /at position (\d+)/.exec(error instanceof Error ? error.message : "");
  return position ? `not valid JSON (at character ${position[1]})` : "not valid JSON";
}

/** True for text that holds a PEM block (a key given where a document was expected). */
export function looksLikePem(text: string): boolean {
  return text.includes("-----BEGIN ");
}

/** Keys in UTF-16 code-unit order, as canonical JSON sorts them. */
function compareCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
