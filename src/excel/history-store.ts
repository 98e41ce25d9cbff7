import { historySheetName, noHistory, parseHistory, serialiseHistory, type History, type HistoryReading } from "../core/history";

/**
 * The report history inside the workbook: the history's JSON text (src/core/history.ts) down
 * column A of a VeryHidden worksheet, `kpiDashboard.history`, in pieces that fit a cell.
 *
 * Why a VeryHidden sheet and not a custom XML part (`workbook.customXmlParts`, ExcelApi 1.5):
 * Office on the web is reported to refuse a custom XML part over 1 MB (office-js#2408, exactly
 * 1 MB in Word on the web; office-js#394, large parts failing in Word and Excel on the web in
 * every browser but Firefox), while 36 reports of 1,000 indicators take about 2 MB (the bench
 * prints the figure);
 * a sheet's cells have no such cap, and reading and writing them are the calls the build already
 * makes (used range, values, visibility), within ExcelApi 1.9. A VeryHidden sheet is not in
 * Excel's Unhide list, travels with the workbook, and is still a worksheet: the build never reads
 * it as indicator data (`isHistorySheet`), and Excel refuses to delete it until it is made
 * visible (office-js#365), which the add-in never needs to do.
 *
 * Each cell holds "|" and up to 30,000 characters (a cell holds at most 32,767, Excel's
 * specifications and limits), written with the text format first so that Excel stores the text
 * as it is: the "|" keeps a piece that starts with "=" or a digit from being read as a formula or
 * a number. A sheet with that name whose cells do not have this form was not written by the
 * add-in: it is reported and never written over.
 */

/** Characters of history text per cell. */
export const historyChunkLength = 30_000;

/** Marks each piece of history text, so no piece can be taken for a formula, number or date. */
const piecePrefix = "|";

/** True for the worksheet that holds the history: never a source of indicators. */
export function isHistorySheet(name: string): boolean {
  return name.toLowerCase() === historySheetName.toLowerCase();
}

/** The history store as found: what it holds, and how much of the sheet it used (for a rewrite). */
export interface StoredHistory {
  readonly reading: HistoryReading;
  /** True when the sheet exists. */
  readonly exists: boolean;
  /** Rows of column A in use, so a shorter history can blank the rest. */
  readonly rows: number;
}

/** Reads the pieces back into the history's text; a problem when the cells are not the add-in's. */
export function historyFromCells(values: readonly (readonly unknown[])[]): HistoryReading {
  let text = "";
  for (const [i, row] of values.entries()) {
    const v = row[0];
    if (v === "" || v === undefined || v === null) continue;
    if (typeof v !== "string" || !v.startsWith(piecePrefix) || row.slice(1).some((x) => x !== "" && x !== null && x !== undefined)) {
      return {
        history: null,
        problem: `The sheet "${historySheetName}" holds something the add-in did not write (cell A${i + 1}), so it is not used as the report history; it is kept as it is and nothing is recorded over it.`,
      };
    }
    text += v.slice(piecePrefix.length);
  }
  return text === "" ? noHistory : parseHistory(text);
}

/** The history's text in pieces for column A. */
export function historyToCells(history: History): string[][] {
  const text = serialiseHistory(history);
  const rows: string[][] = [];
  for (let i = 0; i < text.length; i += historyChunkLength) rows.push([`${piecePrefix}${text.slice(i, i + historyChunkLength)}`]);
  return rows;
}

/** Queues reading the history sheet; call the result after the caller's sync. */
export function queueReadHistory(context: Excel.RequestContext): () => StoredHistory {
  const ws = context.workbook.worksheets.getItemOrNullObject(historySheetName);
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("values,rowCount");
  // Held in an object and read only after the caller's sync, as the sources' reads are.
  const read = { ws, used };
  return () => {
    if (read.ws.isNullObject) return { reading: noHistory, exists: false, rows: 0 };
    if (read.used.isNullObject) return { reading: noHistory, exists: true, rows: 0 };
    return { reading: historyFromCells(read.used.values), exists: true, rows: read.used.rowCount };
  };
}

/**
 * Queues writing the history over what `stored` found: a new VeryHidden sheet when there is none,
 * else column A rewritten (rows the shorter history no longer needs are blanked). The caller must
 * not write over a store whose reading has a problem.
 */
export function queueWriteHistory(context: Excel.RequestContext, stored: StoredHistory, history: History): void {
  let ws: Excel.Worksheet;
  if (stored.exists) {
    ws = context.workbook.worksheets.getItem(historySheetName);
  } else {
    ws = context.workbook.worksheets.add(historySheetName);
    ws.visibility = "VeryHidden";
  }
  const cells = historyToCells(history);
  const rows = Math.max(cells.length, stored.rows);
  const range = ws.getRangeByIndexes(0, 0, rows, 1);
  range.numberFormat = Array.from({ length: rows }, () => ["@"]);
  range.values = Array.from({ length: rows }, (_, i) => cells[i] ?? [""]);
}
