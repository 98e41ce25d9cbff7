import { promises as fs } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { a1 } from "../core/a1";
import type { CellValue, Grid } from "../core/grid";

/**
 * Reads an .xlsx file into Grids that match what Office.js gives for each worksheet's
 * `getUsedRange(true)` with `values` and `numberFormat`, so the command line and the add-in feed
 * the core the same data:
 * - the grid starts at the top-left used cell (not always A1) and spans the cells with values;
 * - dates are Excel serials, percentages stay fractions, formulas give their cached result, rich
 *   text and hyperlinks give their text, errors give "#N/A" and the like;
 * - a merged area's value is in its top-left cell only, "" elsewhere;
 * - a worksheet with no values (including one that only has formatting) is the 1x1 grid [[""]]
 *   at A1, which is what Office.js returns for a blank sheet. Chart sheets are not worksheets and
 *   are not returned. Hidden sheets are read like any other.
 */

/** Why a workbook file could not be read, in one line a person understands. */
export class WorkbookReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookReadError";
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const DAY_MS = 86_400_000;
const UNIX_EPOCH_SERIAL = 25_569;
const DATE1904_OFFSET = 1_462;

function startsWith(buffer: Buffer, magic: readonly number[]): boolean {
  return magic.every((byte, i) => buffer[i] === byte);
}

/** Converts a JS date from exceljs (UTC midnight plus time) to an Excel 1900-system serial. */
function dateToSerial(date: Date, date1904: boolean): number | string {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return "#VALUE!";
  let serial = ms / DAY_MS + UNIX_EPOCH_SERIAL;
  // Excel's 1900 system counts a 29 February 1900 that never was.
  if (serial < 61) serial -= 1;
  if (date1904) serial -= DATE1904_OFFSET;
  // exceljs goes through floating-point milliseconds: round to the second to drop the noise.
  return Math.round(serial * 86_400) / 86_400;
}

function richTextToString(value: { richText?: readonly { text?: unknown }[] }): string {
  return (value.richText ?? []).map((run) => (typeof run.text === "string" ? run.text : "")).join("");
}

/** Converts any value exceljs gives for a cell (or a formula's result) to what Office.js `values` shows. */
function toCellValue(value: unknown, date1904: boolean): CellValue {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? value : "#NUM!";
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return dateToSerial(value, date1904);
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (typeof v.error === "string") return v.error;
    if (Array.isArray(v.richText)) return richTextToString(v as { richText: { text?: unknown }[] });
    if ("formula" in v || "sharedFormula" in v) return toCellValue(v.result, date1904);
    if ("hyperlink" in v || "text" in v) {
      const text = v.text;
      if (typeof text === "string") return text;
      if (text && typeof text === "object") return toCellValue(text, date1904);
      return "";
    }
  }
  return "";
}

function blankGrid(sheet: string): Grid {
  return { sheet, origin: "A1", values: [[""]], numberFormat: [["General"]] };
}

function worksheetToGrid(ws: ExcelJS.Worksheet, date1904: boolean): Grid {
  // Two passes over exceljs's cells, the first for the used range and the second to fill the
  // grid's rows, preallocated: with a whole workbook in memory, keeping nothing per cell between
  // the passes (and so giving the garbage collector less to trace) is cheaper than one pass.
  let top = Number.POSITIVE_INFINITY;
  let left = Number.POSITIVE_INFINITY;
  let bottom = -1;
  let right = -1;
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      const type = cell.type;
      if (type === ExcelJS.ValueType.Merge || type === ExcelJS.ValueType.Null) return;
      if (toCellValue(cell.value, date1904) === "") return;
      if (colNumber < left) left = colNumber;
      if (colNumber > right) right = colNumber;
      if (rowNumber < top) top = rowNumber;
      if (rowNumber > bottom) bottom = rowNumber;
    });
  });
  if (bottom < 0) return blankGrid(ws.name);
  const height = bottom - top + 1;
  const width = right - left + 1;
  const values = new Array<CellValue[]>(height);
  const numberFormat = new Array<string[]>(height);
  for (let r = 0; r < height; r++) {
    values[r] = new Array<CellValue>(width).fill("");
    numberFormat[r] = new Array<string>(width).fill("General");
  }
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const valueRow = values[rowNumber - top];
    const formatRow = numberFormat[rowNumber - top];
    if (!valueRow || !formatRow) return;
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      if (colNumber < left || colNumber > right) return;
      // Formats of cells without values still matter inside the used range (Office.js returns them).
      const numFmt = cell.numFmt;
      if (typeof numFmt === "string" && numFmt !== "" && numFmt !== "General") formatRow[colNumber - left] = numFmt;
      const type = cell.type;
      if (type === ExcelJS.ValueType.Merge || type === ExcelJS.ValueType.Null) return;
      valueRow[colNumber - left] = toCellValue(cell.value, date1904);
    });
  });
  return { sheet: ws.name, origin: a1(top - 1, left - 1), values, numberFormat };
}

/** Reads every worksheet of an .xlsx file (hidden ones too) into Grids, in tab order; throws WorkbookReadError with a clear message when it cannot. */
export async function readWorkbookGrids(filePath: string): Promise<Grid[]> {
  const name = path.basename(filePath);
  let buffer: Buffer;
  try {
    buffer = await fs.readFile(filePath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new WorkbookReadError(`The file "${filePath}" was not found.`);
    if (code === "EISDIR") throw new WorkbookReadError(`"${filePath}" is a folder, not an Excel workbook.`);
    if (code === "EACCES" || code === "EPERM") throw new WorkbookReadError(`The file "${name}" could not be opened: permission denied.`);
    throw new WorkbookReadError(`The file "${name}" could not be read (${code ?? "unknown error"}).`);
  }
  if (buffer.length === 0) throw new WorkbookReadError(`The file "${name}" is empty, not an Excel workbook.`);
  if (startsWith(buffer, CFB_MAGIC)) {
    throw new WorkbookReadError(
      `The file "${name}" is password-protected (encrypted) or an old-style .xls workbook: remove the password, or save it as .xlsx in Excel, and try again.`,
    );
  }
  if (!startsWith(buffer, ZIP_MAGIC)) {
    throw new WorkbookReadError(`The file "${name}" is not an Excel workbook (.xlsx): it may be a CSV or text file with the wrong extension.`);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (err) {
    const detail = err instanceof Error ? err.message.split("\n")[0] : String(err);
    throw new WorkbookReadError(`The file "${name}" could not be read as an Excel workbook (${detail}).`);
  }
  const date1904 = Boolean((workbook.properties as { date1904?: boolean } | undefined)?.date1904);
  const grids: Grid[] = [];
  for (const ws of workbook.worksheets) {
    try {
      grids.push(worksheetToGrid(ws, date1904));
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      throw new WorkbookReadError(`The sheet "${ws.name}" in "${name}" could not be read (${detail}).`);
    }
  }
  return grids;
}
