/**
 * The base of the errors that report bad input, an answer rather than a defect (`DecimalSyntaxError`,
 * `InvalidInputError`): made without a stack trace, which is never shown for them and cost more to capture than the
 * rest of an invalid catalogue row.
 */
export class QuietError extends Error {
  constructor(message: string) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(message);
    } finally {
      Error.stackTraceLimit = limit;
    }
  }
}
