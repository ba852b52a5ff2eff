/**
 * The errors that report bad input are made without a stack trace (costly, and never shown), and leave the
 * stack-trace limit as they found it, even when making the message throws.
 */
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../src/classify/datasheet.js";
import { QuietError } from "../../src/input/quiet-error.js";
import { DecimalSyntaxError } from "../../src/numbers/rational.js";

describe("errors about input", () => {
  it("carry their name and message but no stack frames, and restore the stack-trace limit", () => {
    const limit = Error.stackTraceLimit;
    const decimal = new DecimalSyntaxError("1,979", "has a thousands separator");
    const invalid = new InvalidInputError([{ path: "datacenter", message: "must be yes or no" }]);
    expect(Error.stackTraceLimit).toBe(limit);
    expect(decimal).toBeInstanceOf(Error);
    expect(decimal.message).toBe("has a thousands separator");
    expect(invalid.message).toBe("datacenter: must be yes or no");
    for (const error of [decimal, invalid]) expect(error.stack ?? "").not.toMatch(/\n\s+at /);
    // Any other error still has its frames.
    expect(new Error("defect").stack).toMatch(/\n\s+at /);
  });

  it("restore the limit when the message cannot be made", () => {
    const limit = Error.stackTraceLimit;
    const message = {
      toString(): string {
        throw new Error("no message");
      },
    } as unknown as string;
    expect(() => new QuietError(message)).toThrow("no message");
    expect(Error.stackTraceLimit).toBe(limit);
  });
});
