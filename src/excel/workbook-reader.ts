import { a1 } from "../core/a1";
import type { CellValue, Grid, UnreadSheet } from "../core/grid";
import { errorCode } from "./errors";

/**
 * Reads worksheets into Grids (src/core/grid.ts) with as few round trips as possible.
 *
 * Choice: the used ranges are loaded whole and at once (`getUsedRangeOrNullObject(true)`, values
 * and number formats in the same request), without asking for their size first. Indicator
 * workbooks are small (a few thousand cells a sheet), so one round trip reads every sheet. Only
 * when Excel says the answer is too big (Excel on the web caps a response at 5 MB;
 * every platform caps a read at 5 million cells and may return null values beyond it) does the
 * reader fall back to `readGridsInBlocks`: one round trip for the sizes, then row blocks whose
 * answers stay under `blockBudgetBytes`. Returns the grids and the round trips it made.
 *
 * A used range of more than `maxUsedRangeCells` cells (a stray entry at XFD1048576 stretches a
 * small sheet's to 17 billion) is never read: Excel would refuse it whole, and in blocks it would
 * take hundreds of thousands of requests. Its size is known only in the fallback (the sizes are
 * read there anyway), so a normal build pays nothing for the check; the sheet is reported as not
 * read, with its far cell, and the others are read.
 */

/** A worksheet as listed by the workbook. */
export interface SheetInfo {
  readonly id: string;
  readonly name: string;
  readonly visibility: string;
}

/** The largest used range read, in cells: Excel's own limit for one read (5 million cells), which blocks could pass but no indicator sheet needs. */
export const maxUsedRangeCells = 5_000_000;

/** Cells per read request in the fallback before any block has been seen: ~4 MB at ~42 bytes per cell (value plus format, JSON). */
export const blockBudgetCells = 100_000;

/** Top-left cell of an address such as "'My Sheet'!B2:F20" → "B2". */
export function originOf(address: string): string {
  const local = address.slice(address.lastIndexOf("!") + 1);
  return (local.split(":")[0] ?? "A1").replace(/\$/g, "") || "A1";
}

/** Queues listing the worksheets; call the result after the next sync. */
export function queueSheetList(context: Excel.RequestContext): () => SheetInfo[] {
  const sheets = context.workbook.worksheets;
  sheets.load("items/id,items/name,items/visibility");
  return () => sheets.items.map((ws) => ({ id: ws.id, name: ws.name, visibility: ws.visibility as string }));
}

/** The grids read by `queueUsedRanges`, or null when Excel withheld values (the range was too large). */
export type GridCollector = () => Grid[] | null;

/**
 * Queues reading the used range of each named sheet. After the next sync the collector gives one
 * Grid per sheet that exists (an empty sheet gives an empty grid), in the order asked.
 */
export function queueUsedRanges(context: Excel.RequestContext, names: readonly string[]): GridCollector {
  const reads = names.map((name) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("address,values,numberFormat,rowCount,columnCount");
    return { name, ws, used };
  });
  return () => {
    const grids: Grid[] = [];
    for (const { name, ws, used } of reads) {
      if (ws.isNullObject) continue;
      if (used.isNullObject) {
        grids.push({ sheet: name, origin: "A1", values: [], numberFormat: [] });
        continue;
      }
      const values = used.values as CellValue[][] | null;
      const numberFormat = used.numberFormat as string[][] | null;
      if (!values || !numberFormat) return null;
      grids.push({ sheet: name, origin: originOf(used.address), values, numberFormat });
    }
    return grids;
  };
}

/** True when an error means "too much at once", so a block-by-block read can succeed. */
export function isTooLarge(error: unknown): boolean {
  const code = errorCode(error);
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RangeExceedsLimit" || code === "RequestPayloadSizeLimitExceeded";
}

/** What one read request should stay under: Excel on the web refuses responses over 5 MB. */
export const blockBudgetBytes = 4 * 1024 * 1024;

/** Bytes per cell assumed before any block of a sheet has been seen (value plus format, JSON): generous, so a first block never overflows. */
const assumedBytesPerCell = blockBudgetBytes / blockBudgetCells;

/** Headroom over the bytes per cell seen so far, since later rows may hold longer text. */
const observedMargin = 1.2;

/** Bytes of a block's answer as JSON, the form Excel sends it in. */
function responseBytes(range: Excel.Range): number {
  return JSON.stringify(range.values).length + JSON.stringify(range.numberFormat).length;
}

/** A sheet's used range as sized for block reading. */
export interface SizedSheet {
  readonly name: string;
  readonly ws: Excel.Worksheet;
  readonly used: Excel.Range;
}

/** Queues reading the size of each named sheet's used range, for `readBlocks`; call the result after the sync. */
export function queueUsedRangeSizes(context: Excel.RequestContext, names: readonly string[]): () => SizedSheet[] {
  const sized = names.map((name) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("address,rowIndex,columnIndex,rowCount,columnCount");
    return { name, ws, used };
  });
  return () => sized;
}

/**
 * Reads the named sheets' used ranges in row blocks: one round trip for the sizes, then requests
 * whose answers stay under `budgetBytes` (default `blockBudgetBytes`). Used only after a whole read was refused as too
 * large. Each sheet starts at `assumedBytesPerCell`; after every request its blocks are sized to
 * the bytes per cell actually seen on that sheet (with a margin), so requests fill up instead of
 * assuming the worst for every cell.
 */
export async function readGridsInBlocks(
  context: Excel.RequestContext,
  names: readonly string[],
  budgetBytes: number = blockBudgetBytes,
): Promise<{ grids: Grid[]; syncs: number; tooLarge: UnreadSheet[] }> {
  const sizes = queueUsedRangeSizes(context, names);
  await context.sync();
  const read = await readBlocks(context, sizes(), budgetBytes);
  return { grids: read.grids, syncs: read.syncs + 1, tooLarge: read.tooLarge };
}

/** Reads sheets whose sizes were read (`queueUsedRangeSizes`) in row blocks, leaving out (and listing) those over `maxUsedRangeCells`; see `readGridsInBlocks`. */
export async function readBlocks(
  context: Excel.RequestContext,
  sized: readonly SizedSheet[],
  budgetBytes: number = blockBudgetBytes,
): Promise<{ grids: Grid[]; syncs: number; tooLarge: UnreadSheet[] }> {
  let syncs = 0;
  const tooLarge: UnreadSheet[] = [];
  interface Block {
    readonly grid: number;
    readonly range: Excel.Range;
    readonly cells: number;
  }
  const grids: { sheet: string; origin: string; values: CellValue[][]; numberFormat: string[][] }[] = [];
  const bytesPerCell: number[] = [];
  const requests: Block[][] = [[]];
  let bytesInRequest = 0;
  const send = async (): Promise<void> => {
    await context.sync();
    syncs++;
    const seen = new Map<number, { bytes: number; cells: number }>();
    for (const b of requests[requests.length - 1] ?? []) {
      const s = seen.get(b.grid) ?? { bytes: 0, cells: 0 };
      seen.set(b.grid, { bytes: s.bytes + responseBytes(b.range), cells: s.cells + b.cells });
    }
    for (const [grid, { bytes, cells }] of seen) bytesPerCell[grid] = (bytes / Math.max(1, cells)) * observedMargin;
    requests.push([]);
    bytesInRequest = 0;
  };
  for (const { name, ws, used } of sized) {
    if (ws.isNullObject) continue;
    if (used.isNullObject) {
      grids.push({ sheet: name, origin: "A1", values: [], numberFormat: [] });
      continue;
    }
    const cells = used.rowCount * used.columnCount;
    if (cells > maxUsedRangeCells) {
      // From the indexes: Excel writes a range of whole rows as "1:1048576", with no cell in it.
      const farCell = a1(used.rowIndex + used.rowCount - 1, used.columnIndex + used.columnCount - 1);
      tooLarge.push({ sheet: name, reason: "too-large", farCell, cells, limit: maxUsedRangeCells });
      continue;
    }
    // The origin from the indexes too: an address of whole rows ("1:300") names no cell.
    const index = grids.push({ sheet: name, origin: a1(used.rowIndex, used.columnIndex), values: [], numberFormat: [] }) - 1;
    const cols = Math.max(1, used.columnCount);
    let r = 0;
    while (r < used.rowCount) {
      const rowBytes = cols * (bytesPerCell[index] ?? assumedBytesPerCell);
      if (bytesInRequest > 0 && bytesInRequest + rowBytes > budgetBytes) await send();
      const perRow = cols * (bytesPerCell[index] ?? assumedBytesPerCell);
      const rows = Math.min(Math.max(1, Math.floor((budgetBytes - bytesInRequest) / perRow)), used.rowCount - r);
      const range = ws.getRangeByIndexes(used.rowIndex + r, used.columnIndex, rows, cols);
      range.load("values,numberFormat");
      requests[requests.length - 1]?.push({ grid: index, range, cells: rows * cols });
      bytesInRequest += rows * perRow;
      r += rows;
    }
  }
  if (bytesInRequest > 0) await send();
  // Blocks were queued sheet by sheet and top to bottom, so appending keeps the rows in order.
  for (const request of requests) {
    for (const { grid, range } of request) {
      const g = grids[grid];
      if (!g) continue;
      for (const row of range.values as CellValue[][]) g.values.push(row);
      for (const row of range.numberFormat as string[][]) g.numberFormat.push(row);
    }
  }
  return { grids, syncs, tooLarge };
}
