/**
 * Excel both ways: `classify parts.xlsx` reads the first sheet (or --sheet)
 * with the CSV catalogue's columns and row rules; `--format xlsx --output`
 * writes the rows with the result columns, header frozen, invalid rows
 * highlighted; the API's catalogue endpoint takes and gives both.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { XLSX_MEDIA_TYPE } from "../../src/catalogue/xlsx.js";
import { buildServer } from "../../src/web/server.js";
import { runCli } from "../cli.js";

const DATE = "2026-09-01";
const dir = mkdtempSync(join(tmpdir(), "ic3a090-xlsx-"));
const at = (name: string) => join(dir, name);

/** A workbook as a team keeps it: a notes sheet first, figures typed as numbers and booleans. */
async function writeTeamWorkbook(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Notes").addRow(["parts list, rev 3"]);
  const parts = workbook.addWorksheet("Parts");
  parts.addRow(["Part", "kind", "datacenter", "tops_fp8", "die_area_mm2"]);
  parts.addRow(["Edge-a1", "ic", true, 600, null]);
  parts.addRow(["Below", "ic", true, 599.999, 1000]);
  parts.addRow(["Broken", "ic", "maybe", "1,979", 814]);
  await workbook.xlsx.writeFile(path);
}

let csvAnswer: string;

beforeAll(async () => {
  await writeTeamWorkbook(at("team.xlsx"));
  csvAnswer = runCli(["classify", "data/catalogue/chips.csv", "--date", DATE]).stdout;
});

describe("ic3a090 classify parts.xlsx", () => {
  it("--sheet NAME: numbers and booleans read as the CSV reader reads their text; TPP exactly 4800 is 3A090.a.1", () => {
    const run = runCli(["classify", at("team.xlsx"), "--sheet", "Parts", "--date", DATE]);
    expect(run.status).toBe(65);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(
      "Part,kind,datacenter,tops_fp8,die_area_mm2,tpp,performance_density,clause,eccn,item_eccn,missing,warnings,error",
    );
    expect(lines[1]).toMatch(/^Edge-a1,ic,true,600,,4800,,3A090\.a\.1,3A090\.a,3A090\.a,/);
    expect(lines[2]).toMatch(/^Below,ic,true,599\.999,1000,4799\.992,/);
    expect(lines[2]).not.toMatch(/3A090\.a\.1/);
    expect(lines[3]).toMatch(/thousands separator/);
  });

  it("the first sheet by default; a sheet that is not there is invalid input (65) naming the sheets there are", () => {
    const first = runCli(["classify", at("team.xlsx"), "--date", DATE]);
    expect(first.stderr).toMatch(/no "part" column/);
    expect(first.status).toBe(65);
    const missing = runCli(["classify", at("team.xlsx"), "--sheet", "Chips", "--date", DATE]);
    expect(missing.status).toBe(65);
    expect(missing.stderr).toMatch(/the workbook has no sheet named "Chips"; it has: "Notes", "Parts"/);
  });

  it("--format xlsx --output: header frozen and bold, invalid rows filled; read back, the same CSV as from the CSV file", async () => {
    const written = runCli([
      "classify",
      "data/catalogue/chips.csv",
      "--date",
      DATE,
      "--format",
      "xlsx",
      "--output",
      at("chips.xlsx"),
    ]);
    expect(written.status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(at("chips.xlsx"));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.rowCount).toBe(49);
    expect(runCli(["classify", at("chips.xlsx"), "--date", DATE]).stdout).toBe(csvAnswer);

    expect(
      runCli([
        "classify",
        at("team.xlsx"),
        "--sheet",
        "Parts",
        "--date",
        DATE,
        "--format",
        "xlsx",
        "--output",
        at("team-out.xlsx"),
      ]).status,
    ).toBe(65);
    const team = new ExcelJS.Workbook();
    await team.xlsx.readFile(at("team-out.xlsx"));
    const rows = team.worksheets[0]!;
    const fill = (row: number) => (rows.getRow(row).getCell(1).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect(fill(4)).toBe("FFFDE2E0");
    expect(fill(2)).toBeUndefined();
  });
});

describe("POST /api/v1/catalogue with workbooks", () => {
  const server = buildServer({ context: { presumeOptions: {}, trust: undefined } });
  afterAll(() => server.close());

  it("a workbook in, CSV out (?format=csv): the CLI's CSV for the same workbook", async () => {
    const response = await server.inject({
      method: "POST",
      url: `/api/v1/catalogue?date=${DATE}&sheet=Parts&format=csv`,
      payload: readFileSync(at("team.xlsx")),
      headers: { "content-type": XLSX_MEDIA_TYPE },
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(runCli(["classify", at("team.xlsx"), "--sheet", "Parts", "--date", DATE]).stdout);
  });

  it("CSV in, a workbook out (?format=xlsx) whose rows are the CSV answer's", async () => {
    const response = await server.inject({
      method: "POST",
      url: `/api/v1/catalogue?date=${DATE}&format=xlsx`,
      payload: readFileSync("data/catalogue/chips.csv"),
      headers: { "content-type": "text/csv" },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe(XLSX_MEDIA_TYPE);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.rowCount).toBe(49);
    expect(workbook.worksheets[0]!.getRow(2).getCell(1).text).toBe("NVIDIA A100 SXM4 80GB");
  });

  it("bytes that are not a workbook: 400 before any row", async () => {
    const response = await server.inject({
      method: "POST",
      url: "/api/v1/catalogue",
      payload: "not a zip",
      headers: { "content-type": XLSX_MEDIA_TYPE },
    });
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body).error.message).toMatch(/^stdin: not a readable \.xlsx workbook/);
  });
});
