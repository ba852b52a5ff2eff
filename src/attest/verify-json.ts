/**
 * The JSON answer of a verification, as `ic3a090 verify --json` prints it and
 * `POST /api/v1/verify` returns it: who signed, what was recomputed, and on a
 * failure the first check that failed with its exit code.
 */
import type { VerifyResult } from "./verify.js";

export function verifyResultJson(result: VerifyResult) {
  if (!result.ok)
    return { ok: false as const, failure: result.failure, exitCode: result.exitCode, message: result.message };
  const r = result.predicate.results;
  return {
    ok: true as const,
    part: result.part,
    designer: result.designer,
    keyid: result.keyid,
    payloadSha256: result.payloadSha256,
    issuedAt: result.predicate.issuedAt,
    rules: result.predicate.rules,
    clause: r.clause,
    eccn: r.eccn,
    tpp: r.tpp,
    performanceDensity: r.performanceDensity,
    performanceDensityExact: r.performanceDensityExact,
    notSpecifiedIn3A090a: r.notSpecifiedIn3A090a,
    boundFilesChecked: result.boundFilesChecked,
    notes: result.notes,
  };
}
