/**
 * The map from every typed error to its message and exit code. program.ts loads it only when a run fails, so that a
 * command does not load the modules of the others' errors (the thrown error's own module is loaded already).
 */
import { EXIT, UserError } from "./errors.js";
import { OutputError } from "./output.js";
import { CatalogueFileError } from "../catalogue/classify.js";
import { CsvRecordTooLongError } from "../catalogue/csv.js";
import { InvalidInputError } from "../classify/datasheet.js";
import { NamedFileError } from "../files/regular-file.js";
import { KeyError, KeyWriteError } from "../attest/keys.js";
import { TrustFileError } from "../attest/trust.js";
import { BoundFileError } from "../attest/files.js";
import { AttestRefusal } from "../attest/attest.js";
import { ApprovedListError } from "../presume/approved-lists.js";
import { RulesDateError } from "../rules/rules.js";

/**
 * The one place where errors become messages and exit codes: the CLI's own
 * UserError, a failed write, and every typed error of the library. Anything
 * else is a defect (exit 70, from bin.ts).
 */
export function exitFor(error: unknown): { message: string; code: number } | undefined {
  if (error instanceof UserError) return { message: error.message, code: error.exitCode };
  if (error instanceof OutputError || error instanceof KeyWriteError)
    return { message: error.message, code: EXIT.ioError };
  if (error instanceof CatalogueFileError || error instanceof CsvRecordTooLongError)
    return { message: error.message, code: EXIT.invalidInput };
  if (error instanceof NamedFileError || error instanceof InvalidInputError)
    return { message: error.message, code: EXIT.invalidInput };
  if (error instanceof KeyError || error instanceof TrustFileError || error instanceof BoundFileError)
    return { message: error.message, code: EXIT.usage };
  if (error instanceof ApprovedListError || error instanceof RulesDateError)
    return { message: error.message, code: EXIT.usage };
  if (error instanceof AttestRefusal) return { message: error.message, code: EXIT.failOn };
  return undefined;
}
