/**
 * The exit codes and the CLI's own error. Library modules throw their own
 * typed errors; main.ts maps every one of them to a message and an exit code
 * in one place (`exitFor`).
 */

/** The documented exit codes (README "Exit codes and errors"; docs/errors.md). */
export const EXIT = {
  /** Ran; whatever the classification. */
  ok: 0,
  /** --fail-on matched (or a check failed, for commands that check). */
  failOn: 1,
  /** Usage error: a bad option, a file that cannot be read, a date the rules do not cover. */
  usage: 2,
  /** Invalid input data (EX_DATAERR): the error names file, line and field. */
  invalidInput: 65,
  /** An internal error (EX_SOFTWARE): a defect to report. */
  internal: 70,
  /** Output could not be written (EX_IOERR): "cannot write FILE: ENOSPC (no space left on device)". */
  ioError: 74,
  /** Interrupted by Ctrl-C (SIGINT); 143 for SIGTERM. */
  interrupted: 130,
} as const;

/** An error the user can fix; printed as one line, without a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
    this.name = "UserError";
  }
}
