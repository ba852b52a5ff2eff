/**
 * The parts of ic3a090 that use Node.js itself (node:crypto keys and Buffers, node:stream): signed datasheet
 * attestations and the streaming CSV catalogue transform. Import from "ic3a090/node"; their types need @types/node.
 * Everything else is in "ic3a090", whose types need nothing from Node.
 */
export { attestDatasheet, AttestRefusal, signStatement, type AttestOptions } from "./attest/attest.js";
export { canonicalJson, CanonicalJsonError } from "./attest/canonical-json.js";
export { type DsseEnvelope, IN_TOTO_PAYLOAD_TYPE, keyIdOf, pae } from "./attest/dsse.js";
export { generateKeyFiles, KeyError, readPrivateKey, readPublicKey } from "./attest/keys.js";
export {
  type DatasheetPredicate,
  PREDICATE_TYPE,
  predicateJsonSchema,
  type Statement,
  STATEMENT_TYPE,
} from "./attest/statement.js";
export { loadTrustFile, TrustFileError, trustFrom, type TrustedDesigners } from "./attest/trust.js";
export {
  VERIFY_EXIT,
  type VerifyFailure,
  type VerifyResult,
  verifyEnvelope,
  verifyEnvelopeBytes,
} from "./attest/verify.js";
export { CatalogueCsvTransform, classifyCatalogueCsv, RESULT_COLUMNS, type RowOutcome } from "./catalogue/classify.js";
export { type AttestationCheck, attestationVerifierFor } from "./attest/order-check.js";
export {
  type ReportCounts,
  type ReportFormat,
  SpilledReport,
  type SpillOptions,
  withSpilledReport,
} from "./presume/report-spill.js";
