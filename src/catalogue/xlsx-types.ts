/** What callers of ./xlsx.ts need without loading the workbook library (kept light for the CLI's start-up). */
export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The workbook cannot be read as a catalogue: not a workbook, or no such sheet. */
export class WorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookError";
  }
}
