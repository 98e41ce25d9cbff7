import type { CellValue, Grid } from "../core/grid";
import { errorCode } from "./errors";

/**
 * Reads worksheets into Grids (src/core/grid.ts) with as few round trips as possible.
 *
 * Choice: the used ranges are loaded whole and at once (`getUsedRangeOrNullObject(true)`, values
 * and number formats in the same request), without asking for their size first. Indicator
 * workbooks are small (a few thousand cells a sheet), so one round trip reads every sheet. Only
 * when Excel says the answer is too big (Excel on the web caps a response at 5 MB;
 * every platform caps a read at 5 million cells and may return null values beyond it) does the
 * reader fall back to `readGridsInBlocks`: one round trip for the sizes, then row blocks of at most
 * `blockBudgetCells` cells per request. Returns the grids and the round trips it made.
 */

/** A worksheet as listed by the workbook. */
export interface SheetInfo {
  readonly id: string;
  readonly name: string;
  readonly visibility: string;
}

/** Cells per read request in the fallback: ~4 MB at ~40 bytes per cell (value plus format, JSON). */
export const blockBudgetCells = 100_000;

/** The properties loaded for each used range. */
const usedRangeProps = "address,values,numberFormat,rowCount,columnCount";

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
    used.load(usedRangeProps);
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

/**
 * Reads the named sheets' used ranges in row blocks: one round trip for the sizes, then requests
 * of at most `budgetCells` cells each. Used only after a whole read was refused as too large.
 */
export async function readGridsInBlocks(
  context: Excel.RequestContext,
  names: readonly string[],
  budgetCells: number = blockBudgetCells,
): Promise<{ grids: Grid[]; syncs: number }> {
  let syncs = 1;
  const sized = names.map((name) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("address,rowIndex,columnIndex,rowCount,columnCount");
    return { name, ws, used };
  });
  await context.sync();

  interface Block {
    readonly grid: number;
    readonly range: Excel.Range;
  }
  const grids: { sheet: string; origin: string; values: CellValue[][]; numberFormat: string[][] }[] = [];
  const requests: Block[][] = [[]];
  let cellsInRequest = 0;
  for (const { name, ws, used } of sized) {
    if (ws.isNullObject) continue;
    if (used.isNullObject) {
      grids.push({ sheet: name, origin: "A1", values: [], numberFormat: [] });
      continue;
    }
    const index = grids.push({ sheet: name, origin: originOf(used.address), values: [], numberFormat: [] }) - 1;
    const cols = used.columnCount;
    const rowsPerBlock = Math.max(1, Math.floor(budgetCells / Math.max(1, cols)));
    for (let r = 0; r < used.rowCount; r += rowsPerBlock) {
      const rows = Math.min(rowsPerBlock, used.rowCount - r);
      if (cellsInRequest > 0 && cellsInRequest + rows * cols > budgetCells) {
        await context.sync();
        syncs++;
        requests.push([]);
        cellsInRequest = 0;
      }
      const range = ws.getRangeByIndexes(used.rowIndex + r, used.columnIndex, rows, cols);
      range.load("values,numberFormat");
      requests[requests.length - 1]?.push({ grid: index, range });
      cellsInRequest += rows * cols;
    }
  }
  if (cellsInRequest > 0) {
    await context.sync();
    syncs++;
  }
  // Blocks were queued sheet by sheet and top to bottom, so appending keeps the rows in order.
  for (const request of requests) {
    for (const { grid, range } of request) {
      const g = grids[grid];
      if (!g) continue;
      g.values.push(...(range.values as CellValue[][]));
      g.numberFormat.push(...(range.numberFormat as string[][]));
    }
  }
  return { grids, syncs };
}
