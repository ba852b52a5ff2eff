/**
 * `ic3a090 allocations` on a CSV: the JSON shipment's fields as columns, the
 * header read strictly (aliases of writing read, a misspelt column refused
 * naming the nearest field), every row one ledger line or one error record in
 * its place. Property: a CSV gives the same ledger as the same shipments in
 * JSON Lines.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AllocationLedger } from "../../src/diffusion/allocations.js";
import { allocationCsvHeader, allocationShipmentFromCsvRow } from "../../src/diffusion/csv-row.js";
import { parseAllocationShipment } from "../../src/diffusion/shipment.js";
import { InvalidInputError } from "../../src/classify/datasheet.js";
import { runCli } from "../cli.js";

const issuesOf = (header: string[]) => {
  try {
    allocationCsvHeader(header);
    return [];
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
  }
};

describe("the header", () => {
  it("reads case, spaces and the common aliases", () => {
    const columns = allocationCsvHeader(["Date", "Destination Country", "Consignee", "HQ", "Qty", "TPP per item"]);
    expect([...columns.values()]).toEqual(["date", "destination", "consignee", "headquarters", "quantity", "tpp"]);
  });
  it("refuses a misspelt column naming the nearest field, and says which required one is then missing", () => {
    expect(issuesOf(["date", "destination", "consignee", "quantty", "tpp"])).toEqual([
      'quantty: unknown column; did you mean "quantity"?',
      "quantity: column missing; every shipment needs it",
    ]);
  });
  it("refuses a datasheet column (use JSON Lines), a column given twice, and any other column", () => {
    expect(issuesOf(["date", "destination", "consignee", "quantity", "tpp", "datasheet"])).toEqual([
      "datasheet: a CSV row takes tpp (the TPP of one item); give a datasheet in JSON Lines instead",
    ]);
    expect(issuesOf(["date", "destination", "consignee", "quantity", "tpp", "qty"])).toEqual([
      'qty: holds quantity, as the column "quantity" does; keep one',
    ]);
    expect(issuesOf(["date", "destination", "consignee", "quantity", "tpp", "vendor"])[0]).toMatch(
      /^vendor: unknown column; the columns are date, destination/,
    );
  });
});

describe("property: a CSV row gives the ledger line its JSON shipment gives", () => {
  const shipment = fc.record({
    date: fc.constantFrom("2025-02-03", "2025-06-30", "2026-01-01"),
    destination: fc.constantFrom("MY", "IN", "DE", "CN"),
    consignee: fc.constantFrom("A", "B Sdn Bhd"),
    headquarters: fc.constantFrom("", "MY", "DE"),
    quantity: fc.bigInt({ min: 0n, max: 100000n }).map(String),
    tpp: fc.bigInt({ min: 0n, max: 10n ** 9n }).map(String),
  });
  it("holds for lists of shipments", () => {
    const header = ["date", "destination", "consignee", "headquarters", "quantity", "tpp"];
    const columns = allocationCsvHeader(header);
    fc.assert(
      fc.property(fc.array(shipment, { maxLength: 8 }), (list) => {
        const viaCsv = new AllocationLedger();
        const viaJson = new AllocationLedger();
        for (const s of list) {
          const { headquarters, ...rest } = s;
          const json = headquarters === "" ? rest : s;
          const fields = header.map((name) => s[name as keyof typeof s]);
          expect(viaCsv.add(parseAllocationShipment(allocationShipmentFromCsvRow(columns, fields)))).toEqual(
            viaJson.add(parseAllocationShipment(json)),
          );
        }
        expect(viaCsv.total.eq(viaJson.total)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe("ic3a090 allocations SHIPMENTS.csv", () => {
  it("the example CSV gives the JSON Lines example's ledger, crossing the LPP limit", () => {
    const csv = runCli(["allocations", "data/examples/history/allocations.csv"]);
    const jsonl = runCli(["allocations", "data/examples/history/allocations.jsonl"]);
    expect(csv.status).toBe(0);
    expect(csv.stdout).toBe(jsonl.stdout);
    expect(csv.stderr).toBe(jsonl.stderr);
    expect(csv.stdout).toMatch(/"limit":"lpp","key":"Example DC Sdn Bhd 2025".*"crosses":true/);
  });
  it("a bad row is answered in place by an error record, exit 65; the rows after it still count", () => {
    const run = runCli(["allocations", "-", "--format", "csv"], {
      input: "date,destination,consignee,quantity,tpp\n2025-02-03,MY,X,1.5,15832\n2025-02-04,MY,X,2,15832\n",
    });
    expect(run.status).toBe(65);
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines[0].error.message).toBe("stdin:2: quantity: must be a whole number of items");
    expect(lines[1].shipmentTpp).toBe("31664");
    expect(run.stderr).toMatch(/ic3a090: 2 read: 1 tier-2, 1 invalid/);
  });
  it("a misspelt column stops the run before any row (exit 65), naming the nearest", () => {
    const run = runCli(["allocations", "-", "--format", "csv"], {
      input: "date,destination,consigne,quantity,tpp\n2025-02-03,MY,X,1,15832\n",
    });
    expect(run.status).toBe(65);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/consigne: unknown column; did you mean "consignee"\?/);
  });
});
