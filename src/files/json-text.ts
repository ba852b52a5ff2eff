/**
 * Strict JSON text → value, for every JSON the CLI reads.
 *
 * `JSON.parse` keeps the last of two equal keys without a word
 * (`"datacenter": true, "datacenter": false` reads as `false`) and says where
 * a syntax error is only as a character offset. This parser refuses a
 * duplicate key, naming its path, and gives every syntax error as line and
 * column. It never quotes the text it failed on (the text could be a key file
 * given by mistake). Values are what `JSON.parse` returns for the same text,
 * but for one case it refuses: a number that reads as a whole number without
 * being one (`2.0000000000000001`, `9007199254740993`, `1e23`). Inputs take
 * JSON numbers only for whole counts and bit lengths (every figure is a
 * string), and such a number would be rounded into one without a word.
 */

/** A syntax error or duplicate key: where (1-based line and column) and what. */
export class JsonTextError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly reason: string,
    /** The path of the value, for a duplicate key ("units[0].count"). */
    readonly path: string = "",
  ) {
    super(`${reason} (line ${line}, column ${column})`);
    this.name = "JsonTextError";
  }
}

/** Where `text` starts in a bigger document, so positions are the document's. */
export interface JsonOrigin {
  readonly line: number;
  readonly column: number;
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** Parses one JSON value; throws JsonTextError. */
export function parseJsonText(text: string, origin: JsonOrigin = { line: 1, column: 1 }): unknown {
  return new JsonTextParser(text, origin).document();
}

function pathOf(parent: string, key: string | number): string {
  if (typeof key === "number") return `${parent}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? (parent ? `${parent}.${key}` : key) : `${parent}[${JSON.stringify(key)}]`;
}

class JsonTextParser {
  private at = 0;

  constructor(
    private readonly text: string,
    private readonly origin: JsonOrigin,
  ) {}

  document(): unknown {
    this.space();
    if (this.at >= this.text.length) this.fail("no JSON value: the text is empty");
    const value = this.value("");
    this.space();
    if (this.at < this.text.length) this.fail("unexpected text after the JSON value");
    return value;
  }

  /** Line and column of a character offset. */
  private position(offset: number): { line: number; column: number } {
    let line = this.origin.line;
    let lineStart = -1;
    for (let i = 0; i < offset && i < this.text.length; i++) {
      if (this.text.charCodeAt(i) === 0x0a) {
        line++;
        lineStart = i;
      }
    }
    const column = line === this.origin.line ? this.origin.column + offset : offset - lineStart;
    return { line, column };
  }

  private fail(reason: string, offset = this.at, path = ""): never {
    const { line, column } = this.position(offset);
    throw new JsonTextError(line, column, reason, path);
  }

  private space(): void {
    while (this.at < this.text.length && WHITESPACE.has(this.text.charCodeAt(this.at))) this.at++;
  }

  private describe(): string {
    if (this.at >= this.text.length) return "the text ends";
    const code = this.text.charCodeAt(this.at);
    const char = this.text[this.at]!;
    if (code < 0x20 || code === 0x7f) return `unexpected control character U+${code.toString(16).padStart(4, "0")}`;
    // Only JSON's own punctuation is shown: the text could be a key file given by mistake.
    return /^[{}[\]:,"']$/.test(char) ? `unexpected ${JSON.stringify(char)}` : "unexpected character";
  }

  private value(path: string): unknown {
    const code = this.text.charCodeAt(this.at);
    if (code === 0x7b) return this.object(path);
    if (code === 0x5b) return this.array(path);
    if (code === 0x22) return this.string();
    if (code === 0x2d || (code >= 0x30 && code <= 0x39)) return this.number();
    for (const [word, value] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return value;
      }
    }
    this.fail(`${this.describe()}; expected a JSON value`);
  }

  private object(path: string): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    const seen = new Set<string>();
    this.at++;
    this.space();
    if (this.text.charCodeAt(this.at) === 0x7d) {
      this.at++;
      return result;
    }
    for (;;) {
      this.space();
      if (this.text.charCodeAt(this.at) !== 0x22) this.fail(`${this.describe()}; expected a key in double quotes`);
      const keyAt = this.at;
      const key = this.string();
      const keyPath = pathOf(path, key);
      if (seen.has(key)) this.fail(`duplicate key "${key}": a key may appear once in an object`, keyAt, keyPath);
      seen.add(key);
      this.space();
      if (this.text.charCodeAt(this.at) !== 0x3a) this.fail(`${this.describe()}; expected ":" after a key`);
      this.at++;
      this.space();
      const value = this.value(keyPath);
      if (key === "__proto__")
        Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
      else result[key] = value;
      this.space();
      const next = this.text.charCodeAt(this.at);
      this.at++;
      if (next === 0x7d) return result;
      if (next !== 0x2c) {
        this.at--;
        this.fail(`${this.describe()}; expected "," or "}"`);
      }
    }
  }

  private array(path: string): unknown[] {
    const result: unknown[] = [];
    this.at++;
    this.space();
    if (this.text.charCodeAt(this.at) === 0x5d) {
      this.at++;
      return result;
    }
    for (;;) {
      this.space();
      result.push(this.value(pathOf(path, result.length)));
      this.space();
      const next = this.text.charCodeAt(this.at);
      this.at++;
      if (next === 0x5d) return result;
      if (next !== 0x2c) {
        this.at--;
        this.fail(`${this.describe()}; expected "," or "]"`);
      }
    }
  }

  private string(): string {
    const start = this.at;
    this.at++;
    let plain = true;
    for (;;) {
      if (this.at >= this.text.length) this.fail("a string is not closed: expected '\"'", start);
      const code = this.text.charCodeAt(this.at);
      if (code === 0x22) break;
      if (code < 0x20) this.fail(`${this.describe()} inside a string (escape it, e.g. \\n)`);
      if (code === 0x5c) {
        plain = false;
        const escaped = this.text[this.at + 1];
        if (escaped === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.at + 2, this.at + 6)))
            this.fail("a \\u escape needs four hexadecimal digits");
          this.at += 6;
          continue;
        }
        if (escaped === undefined || !'"\\/bfnrt'.includes(escaped)) this.fail("an unknown escape in a string");
        this.at += 2;
        continue;
      }
      this.at++;
    }
    this.at++;
    const raw = this.text.slice(start, this.at);
    return plain ? raw.slice(1, -1) : (JSON.parse(raw) as string);
  }

  private number(): number {
    const match = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    match.lastIndex = this.at;
    const found = match.exec(this.text);
    if (!found || found[0] === "-") this.fail(`${this.describe()}; expected a number`);
    this.at += found[0].length;
    const next = this.text.charCodeAt(this.at);
    if ((next >= 0x30 && next <= 0x39) || next === 0x2e)
      this.fail('a malformed number (a leading zero, or a stray ".")');
    const value = Number(found[0]);
    if (Number.isInteger(value) && !isExactly(found[0], value))
      this.fail(
        "a number with more digits than a binary float holds: it would be read as a nearby whole number; " +
          "give it as a string",
        this.at - found[0].length,
      );
    return value;
  }
}

/** True when the JSON number `text` denotes exactly the whole number `value` (what `Number(text)` gave). */
function isExactly(text: string, value: number): boolean {
  const [, sign, whole, fraction = "", exponent = "0"] = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text)!;
  // text = ±digits × 10^shift, digits being the whole and fraction parts run together.
  let digits = BigInt(whole! + fraction);
  if (digits === 0n) return true;
  const shift = Number.parseInt(exponent, 10) - fraction.length;
  // Fewer digits than places after the point: between 0 and 1, never whole (and 10^shift could be vast).
  if (-shift > whole!.length + fraction.length) return false;
  if (shift >= 0) digits *= 10n ** BigInt(shift);
  else {
    const unit = 10n ** BigInt(-shift);
    if (digits % unit !== 0n) return false;
    digits /= unit;
  }
  return (sign === "-" ? -digits : digits) === BigInt(value);
}
