/**
 * ic3a090: exact ECCN 3A090 classification from datasheet figures, on dated
 * and cited rules. States what the rule says; not legal advice.
 *
 * This entry needs no Node.js types. Signed attestations (keys, DSSE envelopes, verification) and the streaming
 * CSV catalogue transform use Node's crypto and streams: import them from "ic3a090/node".
 */
export { classify, classifyDatasheet, type ClassifyOptions } from "./classify/classify.js";
export {
  datasheetJsonSchema,
  DatasheetSchema,
  type Datasheet,
  type DatasheetInput,
  type HbmDatasheet,
  type IcDatasheet,
  type InputIssue,
  InvalidInputError,
  parseDatasheet,
} from "./classify/datasheet.js";
export {
  type Classification,
  type Clause,
  CLAUSES,
  type Eccn,
  ECCNS,
  eccnOf,
  type TraceStep,
} from "./classify/result.js";
export { totalProcessingPerformance, type TotalProcessingPerformance } from "./classify/tpp.js";
export { applicableDieArea } from "./classify/density.js";
export { parseDecimal, Rational, DecimalSyntaxError } from "./numbers/rational.js";
export { parseQuantity, type Dimension } from "./numbers/quantity.js";
export {
  rulesAt,
  RulesDateError,
  meets,
  type RuleSet,
  type Threshold,
  type ThresholdId,
  THRESHOLD_IDS,
} from "./rules/rules.js";
export { todayIso, isIsoDate } from "./rules/dated.js";
export { presume, presumeOrder, type PresumeOptions } from "./presume/presume.js";
export { type PresumeResult, type Presumption, PRESUMPTIONS, type Route, ROUTES } from "./presume/result.js";
export { OrderSchema, parseOrder, orderJsonSchema, type Order, type OrderInput } from "./presume/order.js";
export {
  type AttestationVerifier,
  type VerifiedAttestation,
  type AttestationFiguresInput,
  readAttestation,
} from "./presume/attestation.js";
export {
  type ApprovedList,
  ApprovedListSchema,
  readApprovedList,
  shippedApprovedList,
} from "./presume/approved-lists.js";
export { type DesignerStatus, DESIGNER_STATUSES } from "./presume/designer.js";
export { type Gap2028Reading, GAP_2028_READINGS } from "./presume/transistors.js";
export { buildReport, parseQuarter, renderReportCsv, renderReportMarkdown, type Report7439 } from "./presume/report.js";
export { renderPresumeExplanation } from "./presume/explain.js";
export { catalogueRowToDatasheet, CatalogueRowError } from "./catalogue/row.js";
export { renderMap } from "./plot/map.js";
export { license, licenseShipment, type LicenseOptions } from "./license/license.js";
export {
  ShipmentSchema,
  parseShipment,
  shipmentJsonSchema,
  type Shipment,
  type ShipmentInput,
} from "./license/shipment.js";
export {
  type LicenseResult,
  type LicenseAnswer,
  LICENSE_ANSWERS,
  type AppliedRow,
  type RedFlagCheck,
  type Gp10Check,
} from "./license/result.js";
export {
  licensingData,
  MODES,
  type Mode,
  REVIEW_POLICIES,
  type ReviewPolicy,
  EXCEPTION_IDS,
  type ExceptionId,
  ROW_IDS,
  type RowId,
} from "./license/data.js";
export { itemParagraphOf } from "./license/classification.js";
export { matrixCell, type MatrixCell } from "./license/matrix.js";
export { licenseForPresumption, presumedItem, withLicense } from "./license/presumed-shipment.js";
