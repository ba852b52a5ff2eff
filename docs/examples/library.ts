/**
 * Using ic3a090 from TypeScript: classify a datasheet, see what is missing, catch invalid input, check an order
 * under Note 1 to 3A090.a, answer a shipment, and read a threshold with its citation. Needs no @types/node.
 * spec/docs/library-page.spec.ts compiles this file (strict) against the built types and runs it.
 */
import {
  type Classification,
  classify,
  InvalidInputError,
  type LicenseResult,
  license,
  type PresumeResult,
  presume,
  rulesAt,
} from "ic3a090";

const date = "2026-09-01";

// 1. A datasheet: figures are decimal strings; the result is exact, with its trace.
const chip: Classification = classify(
  {
    part: "my-accelerator",
    datacenter: true,
    units: [{ name: "matrix engine", count: 2, rates: [{ format: "INT8", tops: "256.78" }] }],
    dies: [{ name: "compute", areaMm2: "694", logic: true, nonPlanar: true }],
  },
  { date },
);
console.log(chip.eccn, chip.clause, chip.tpp, chip.performanceDensityExact, chip.itemEccn);
for (const step of chip.trace.filter((s) => s.step.startsWith("3A090.a"))) {
  console.log(`  ${step.step}: ${step.result}. ${step.statement}`);
}

// 2. A missing fact gives "indeterminate" and names it; it never gives a silent "none".
const unsure = classify(
  { part: "no-datacenter-flag", units: [{ rates: [{ format: "FP16", tops: "150" }] }], dies: [] },
  { date },
);
console.log(unsure.eccn, unsure.missing);

// 3. Invalid input throws InvalidInputError, one issue per field.
try {
  classify({ part: "typo", units: [{ Count: 8, rates: [{ format: "FP8", tops: "1,979" }] }] }, { date });
} catch (error) {
  if (!(error instanceof InvalidInputError)) throw error;
  for (const issue of error.issues) console.log(`${issue.path}: ${issue.message}`);
}

// 4. An order under Note 1 to 3A090.a (the front-end fabricator's check).
const order: PresumeResult = presume({
  part: "ACME-X1",
  exporter: "front-end-fabricator",
  completionDate: "2027-03-15",
  logic: true,
  containsHbm: false,
  aggregatedApproximatedTransistorCount: "29400000000",
  packaging: { by: "front-end-fabricator", location: "TW" },
  designer: { name: "Acme Semi", headquarters: "US", ultimateParentHeadquarters: "US", locations: ["US", "TW"] },
});
console.log(order.presumption, order.route, order.missing);

// 5. A shipment: is a licence required?
const shipment: LicenseResult = license(
  {
    shipment: "SO-1",
    item: { eccn: "4A090.a", part: "H100 board", datacenter: true, tpp: "15832" },
    destination: "MY",
    transaction: "export",
  },
  { date: "2026-11-29" },
);
console.log(shipment.licenseRequired, shipment.rows.map((row) => row.id), shipment.missing);

// 6. The rules in force on a date, each threshold with its citation.
const pd = rulesAt(date).threshold("3A090.a.2.pd");
console.log(pd?.value.toExactString(), pd?.cites);
