import { promises as fs } from "node:fs";
import path from "node:path";
import { a1 } from "../core/a1";
import type { CellValue, Grid, ReadingNotes, UncalculatedFormulas, UnreadSheet } from "../core/grid";
import { openWorkbookParts, readSheetCells, WorkbookReadError, type WorkbookParts } from "./xlsx-parts";

export { WorkbookReadError } from "./xlsx-parts";

/**
 * Reads an .xlsx file into Grids that match what Office.js gives for each worksheet's
 * `getUsedRange(true)` with `values` and `numberFormat`, so the command line and the add-in feed
 * the core the same data:
 * - the grid starts at the top-left used cell (not always A1) and spans the cells with values;
 * - dates are Excel serials, percentages stay fractions, formulas give their saved result, rich
 *   text and hyperlinks give their text, errors give "#N/A" and the like;
 * - a merged area's value is in its top-left cell only, "" elsewhere;
 * - a worksheet with no values (including one that only has formatting) is the 1x1 grid [[""]]
 *   at A1, which is what Office.js returns for a blank sheet. Chart sheets are not worksheets and
 *   are not returned.
 *
 * Memory follows the cells a sheet holds, never its used range: the parts are streamed
 * (xlsx-parts.ts), and a sheet whose cells are few for its range (one stray entry at XFD1048576)
 * gives a sparse grid, with missing rows and rows kept as the cells they hold (see grid.ts).
 * Past `maxCells` cells in the workbook, the sheet that would pass it is not read, and the notes
 * say so with its far cell. Hidden sheets are read only when asked for (both hosts read only the
 * sheets a person sees, unless the settings name others); the notes list those left out, and the
 * formulas saved without results (a file no program ever recalculated).
 */

/** The most cells (with a value or a number format) read from one workbook by default: about 1 GB of grids. */
export const defaultMaxCells = 20_000_000;

/** Columns a dense grid may span; beyond it (a stray cell far to the right) rows stay sparse. */
const DENSE_WIDTH = 1024;

/** How to read a workbook. */
export interface ReadOptions {
  /** Sheets the settings name: hidden ones among them are read too. Null or absent: the visible sheets. */
  readonly sheets?: readonly string[] | null;
  /** Read hidden sheets as well, whatever the settings say (for tools and tests). */
  readonly includeHidden?: boolean;
  /** The most cells to read from the workbook (default `defaultMaxCells`). */
  readonly maxCells?: number;
  /** Called with each sheet's grid as soon as it is read, instead of keeping them all: a caller that is done with a grid lets it go before the next sheet is read. */
  readonly onSheet?: (grid: Grid) => void;
}

/** What reading a workbook gives: the grids in tab order (none when they went to `onSheet`), and what could not be read or was noticed. */
export interface WorkbookRead {
  readonly grids: Grid[];
  readonly notes: Required<ReadingNotes>;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(buffer: Buffer, magic: readonly number[]): boolean {
  return magic.every((byte, i) => buffer[i] === byte);
}

function blankGrid(sheet: string): Grid {
  return { sheet, origin: "A1", values: [[""]], numberFormat: [["General"]] };
}

/** One worksheet's cells as they stream in, kept by absolute row and column until the used range is known. */
class SheetCells {
  /** Values and non-General formats by absolute row, each row by absolute column (holes where a row has no cell). */
  private values: CellValue[][] | null = [];
  private formats: string[][] | null = [];
  /** Absolute rows that hold anything, in the order first seen. */
  private readonly rows: number[] = [];
  private readonly merges: string[] = [];
  top = Number.POSITIVE_INFINITY;
  left = Number.POSITIVE_INFINITY;
  bottom = -1;
  right = -1;
  /** Cells kept (a value or a number format). */
  kept = 0;
  uncalculated = 0;
  firstUncalculated: string | null = null;

  constructor(private readonly budget: number) {}

  /** True once the sheet holds more than the budget: its cells are then only counted. */
  get overBudget(): boolean {
    return this.values === null;
  }

  cell(row: number, col: number, value: CellValue, format: string, uncalculated: boolean): void {
    if (row < 0 || col < 0 || row >= 1_048_576 || col >= 16_384) return;
    if (uncalculated) {
      this.uncalculated++;
      if (this.firstUncalculated === null) this.firstUncalculated = a1(row, col);
    }
    const hasFormat = format !== "General" && format !== "";
    if (value === "" && !hasFormat) return;
    if (value !== "") {
      if (row < this.top) this.top = row;
      if (row > this.bottom) this.bottom = row;
      if (col < this.left) this.left = col;
      if (col > this.right) this.right = col;
    }
    this.kept++;
    if (this.values === null || this.formats === null) return;
    if (this.kept > this.budget) {
      // Past the budget: let the cells go and keep only counting, for the message.
      this.values = null;
      this.formats = null;
      return;
    }
    let values = this.values[row];
    if (values === undefined) {
      values = [];
      this.values[row] = values;
      this.rows.push(row);
    }
    if (value !== "") values[col] = value;
    if (hasFormat) {
      let formats = this.formats[row];
      if (formats === undefined) {
        formats = [];
        this.formats[row] = formats;
      }
      formats[col] = format;
    }
  }

  merge(range: string): void {
    this.merges.push(range);
  }

  /** Clears every cell a merged range covers but its top-left one, as Excel shows a merge. */
  private clearMerged(values: CellValue[][]): void {
    for (const range of this.merges) {
      const [from, to] = range.split(":");
      const start = from ? parseCell(from) : null;
      const end = to ? parseCell(to) : start;
      if (!start || !end) continue;
      for (const row of this.rows) {
        if (row < start.row || row > end.row) continue;
        const cells = values[row];
        if (!cells) continue;
        forEachKept(cells, start.col, end.col, (c) => {
          if (row !== start.row || c !== start.col) delete cells[c];
        });
      }
    }
  }

  /** The grid, its rows shifted to the used range's top-left cell and made whole where the sheet is dense. */
  toGrid(sheet: string): Grid {
    const values = this.values;
    const formats = this.formats;
    if (values === null || formats === null || this.bottom < 0) return blankGrid(sheet);
    this.clearMerged(values);
    const { top, left, bottom, right } = this;
    const height = bottom - top + 1;
    const width = right - left + 1;
    // Whole rows of equal width, as Office.js gives them, when that costs little more than the cells.
    const dense = width <= DENSE_WIDTH && height * width <= 4 * this.kept + 1_000_000;
    const general = dense ? new Array<string>(width).fill("General") : [];
    const outValues: CellValue[][] = [];
    const outFormats: string[][] = [];
    if (dense) {
      let previousFormats: string[] | null = null;
      for (let r = 0; r < height; r++) {
        outValues.push(wholeRow(values[top + r], left, width, ""));
        const f = formats[top + r];
        let row = f ? wholeRow(f, left, width, "General") : general;
        // Consecutive rows usually share their formats (a long table's columns): keep one array for them.
        if (previousFormats !== null && row !== previousFormats && sameItems(row, previousFormats)) row = previousFormats;
        outFormats.push(row);
        previousFormats = row;
      }
    } else {
      for (const row of this.rows) {
        if (row < top || row > bottom) continue;
        const v = values[row];
        if (v) outValues[row - top] = left === 0 ? v : shifted(v, left, right);
        const f = formats[row];
        if (f) outFormats[row - top] = left === 0 ? f : shifted(f, left, right);
      }
      // The last row always holds a value, so the arrays have the used range's height.
      outFormats.length = outValues.length;
    }
    this.values = null;
    this.formats = null;
    return { sheet, origin: a1(top, left), values: outValues, numberFormat: outFormats };
  }

  /** The used range's bottom-right cell. */
  farCell(): string {
    return this.bottom < 0 ? "A1" : a1(this.bottom, this.right);
  }
}

/** Parses "B3" (0-based), or null. */
function parseCell(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Calls `visit` for each column from `from` to `to` that a row holds, visiting a long or sparse row by its keys rather than every column. */
function forEachKept(cells: readonly unknown[], from: number, to: number, visit: (col: number) => void): void {
  const last = Math.min(to, cells.length - 1);
  if (last - from <= 256) {
    for (let c = from; c <= last; c++) if (c in cells) visit(c);
    return;
  }
  const keys: number[] = [];
  for (const key in cells) {
    const c = Number(key);
    if (c >= from && c <= last) keys.push(c);
  }
  for (const c of keys) visit(c);
}

/**
 * A row's cells from column `left`, `width` of them, holes filled with `blank`. A row read from
 * column A is filled in place (no second copy of a large sheet); one starting further right is
 * copied.
 */
function wholeRow<T>(cells: T[] | undefined, left: number, width: number, blank: T): T[] {
  if (cells && left === 0 && cells.length <= width) {
    for (let c = 0; c < width; c++) if (cells[c] === undefined) cells[c] = blank;
    return cells;
  }
  const out = new Array<T>(width).fill(blank);
  if (!cells) return out;
  forEachKept(cells, left, left + width - 1, (c) => {
    const v = cells[c];
    if (v !== undefined) out[c - left] = v;
  });
  return out;
}

/** True when two rows hold the same items. */
function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A sparse row moved so column `left` is its first, keeping only the cells it holds up to `right`. */
function shifted<T>(cells: readonly T[], left: number, right: number): T[] {
  const out: T[] = [];
  forEachKept(cells, left, right, (c) => {
    const v = cells[c];
    if (v !== undefined) out[c - left] = v;
  });
  return out;
}

/** Checks the file is there and looks like an .xlsx (a zip), with a clear message when it is not. */
async function checkFile(filePath: string, name: string): Promise<void> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(filePath, "r");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new WorkbookReadError(`The file "${filePath}" was not found.`);
    if (code === "EISDIR") throw new WorkbookReadError(`"${filePath}" is a folder, not an Excel workbook.`);
    if (code === "EACCES" || code === "EPERM") throw new WorkbookReadError(`The file "${name}" could not be opened: permission denied.`);
    throw new WorkbookReadError(`The file "${name}" could not be read (${code ?? "unknown error"}).`);
  }
  try {
    const head = Buffer.alloc(8);
    let read = 0;
    try {
      ({ bytesRead: read } = await handle.read(head, 0, 8, 0));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "EISDIR") throw new WorkbookReadError(`"${filePath}" is a folder, not an Excel workbook.`);
      throw new WorkbookReadError(`The file "${name}" could not be read (${code ?? "unknown error"}).`);
    }
    if (read === 0) throw new WorkbookReadError(`The file "${name}" is empty, not an Excel workbook.`);
    if (startsWith(head, CFB_MAGIC)) {
      throw new WorkbookReadError(
        `The file "${name}" is password-protected (encrypted) or an old-style .xls workbook: remove the password, or save it as .xlsx in Excel, and try again.`,
      );
    }
    if (!startsWith(head, ZIP_MAGIC)) {
      throw new WorkbookReadError(`The file "${name}" is not an Excel workbook (.xlsx): it may be a CSV or text file with the wrong extension.`);
    }
  } finally {
    await handle.close();
  }
}

async function readSheet(parts: WorkbookParts, part: string, sheet: string, budget: number, fileName: string): Promise<SheetCells> {
  const cells = new SheetCells(budget);
  try {
    await readSheetCells(parts, part, cells);
  } catch (err) {
    if (err instanceof WorkbookReadError) throw err;
    const detail = err instanceof Error ? err.message.split("\n")[0] : String(err);
    throw new WorkbookReadError(`The sheet "${sheet}" in "${fileName}" could not be read (${detail}).`);
  }
  return cells;
}

/** Reads the worksheets of an .xlsx file into Grids, in tab order (see the module's comment); throws WorkbookReadError with a clear message when it cannot. */
export async function readWorkbook(filePath: string, options: ReadOptions = {}): Promise<WorkbookRead> {
  const name = path.basename(filePath);
  await checkFile(filePath, name);
  const maxCells = options.maxCells ?? defaultMaxCells;
  // A workbook has no use for more different texts than cells; a file with more was built to exhaust memory.
  const parts = await openWorkbookParts(filePath, name, Math.max(maxCells, defaultMaxCells));
  const named = new Set(options.sheets ?? []);
  const grids: Grid[] = [];
  const unread: UnreadSheet[] = [];
  const uncalculated: UncalculatedFormulas[] = [];
  let used = 0;
  for (const entry of parts.sheets) {
    if (entry.part === null) continue;
    if (entry.state !== "visible" && !options.includeHidden && !named.has(entry.name)) {
      unread.push({ sheet: entry.name, reason: "hidden" });
      continue;
    }
    const cells = await readSheet(parts, entry.part, entry.name, maxCells - used, name);
    if (cells.uncalculated > 0 && cells.firstUncalculated !== null)
      uncalculated.push({ sheet: entry.name, cells: cells.uncalculated, first: cells.firstUncalculated });
    if (cells.overBudget) {
      unread.push({ sheet: entry.name, reason: "too-large", farCell: cells.farCell(), cells: cells.kept, limit: maxCells });
      continue;
    }
    used += cells.kept;
    if (options.onSheet) options.onSheet(cells.toGrid(entry.name));
    else grids.push(cells.toGrid(entry.name));
  }
  return { grids, notes: { unread, uncalculated } };
}

/** Reads every worksheet of an .xlsx file (hidden ones too) into Grids, in tab order; throws WorkbookReadError with a clear message when it cannot. */
export async function readWorkbookGrids(filePath: string): Promise<Grid[]> {
  return (await readWorkbook(filePath, { includeHidden: true })).grids;
}
