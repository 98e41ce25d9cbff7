import { columnLetters, parseAddress } from "../a1";
import type { CellValue, Grid } from "../grid";

/**
 * A safe window on a Grid: reads never fail, whatever the grid holds (ragged rows, missing
 * formats, values of the wrong type), and addresses are worksheet A1 addresses, origin-aware.
 * A sparse grid (short, missing or holey rows, see grid.ts) is walked by the cells it holds
 * (`forEachValue`), never by its width, so a stray cell at XFD1048576 costs nothing per row.
 */

/** Rows longer than this are walked by their keys (the cells they hold) rather than by index. */
const INDEXED_ROW_LENGTH = 512;
export interface SheetView {
  readonly sheet: string;
  /** The worksheet row and column (0-based) of the grid's first cell. */
  readonly origin: { readonly row: number; readonly col: number };
  /** Rows in the grid. */
  readonly rows: number;
  /** Columns in the widest row. */
  readonly width: number;
  /** The cell's value; "" outside the grid or when the grid holds something that is not a cell value. */
  value(row: number, col: number): CellValue;
  /** The cell's number format; "General" when the grid has none. */
  format(row: number, col: number): string;
  /** Worksheet A1 address of a grid position. */
  address(row: number, col: number): string;
  /** Worksheet column letters of a grid column. */
  letters(col: number): string;
  /** 1-based worksheet row number of a grid row. */
  rowNumber(row: number): number;
  /** Grid column of worksheet column letters, or null when outside the grid. */
  colOfLetters(letters: string): number | null;
  /** Grid row of a 1-based worksheet row, or null when outside the grid. */
  rowOfNumber(rowNumber: number): number | null;
  /**
   * Calls `visit` with each cell of a row that holds something (not "" or a hole), left to right;
   * `visit` returning true stops the walk. Costs the cells the row holds, not the sheet's width.
   */
  forEachValue(row: number, visit: (col: number, value: CellValue) => boolean | void): void;
}

function cellValueOf(v: unknown): CellValue {
  if (typeof v === "string" || typeof v === "boolean" || typeof v === "number") return v;
  return "";
}

/** Wraps a grid (possibly malformed) in a SheetView. */
export function sheetView(grid: Grid): SheetView {
  const values: unknown = grid.values;
  const formats: unknown = grid.numberFormat;
  const valueRows: readonly unknown[] = Array.isArray(values) ? values : [];
  const formatRows: readonly unknown[] = Array.isArray(formats) ? formats : [];
  let width = 0;
  for (const row of valueRows) if (Array.isArray(row) && row.length > width) width = row.length;
  const origin = (typeof grid.origin === "string" ? parseAddress(grid.origin) : null) ?? { row: 0, col: 0 };
  const letterCache: string[] = [];
  const letters = (col: number): string => {
    let l = letterCache[col];
    if (l === undefined) {
      l = columnLetters(origin.col + col);
      letterCache[col] = l;
    }
    return l;
  };
  return {
    sheet: typeof grid.sheet === "string" ? grid.sheet : String(grid.sheet),
    origin,
    rows: valueRows.length,
    width,
    value(row, col) {
      const r = valueRows[row];
      if (!Array.isArray(r)) return "";
      return cellValueOf(r[col]);
    },
    forEachValue(row, visit) {
      const r: unknown = valueRows[row];
      if (!Array.isArray(r)) return;
      const cells = r as readonly unknown[];
      if (cells.length <= INDEXED_ROW_LENGTH) {
        for (let c = 0; c < cells.length; c++) {
          const v = cellValueOf(cells[c]);
          if (v !== "" && visit(c, v) === true) return;
        }
        return;
      }
      // A long row may be a sparse one (a few cells, one of them far to the right): its keys are
      // the cells it holds, visited in ascending order as integer keys always are.
      for (const key in cells) {
        const c = Number(key);
        if (!Number.isInteger(c)) continue;
        const v = cellValueOf(cells[c]);
        if (v !== "" && visit(c, v) === true) return;
      }
    },
    format(row, col) {
      const r = formatRows[row];
      if (!Array.isArray(r)) return "General";
      const f: unknown = r[col];
      return typeof f === "string" && f !== "" ? f : "General";
    },
    address(row, col) {
      return `${letters(col)}${origin.row + row + 1}`;
    },
    letters,
    rowNumber(row) {
      return origin.row + row + 1;
    },
    colOfLetters(text) {
      const p = parseAddress(`${text}1`);
      if (!p) return null;
      const col = p.col - origin.col;
      return col >= 0 && col < width ? col : null;
    },
    rowOfNumber(rowNumber) {
      const row = rowNumber - 1 - origin.row;
      return row >= 0 && row < valueRows.length ? row : null;
    },
  };
}

/** True when a cell holds nothing. */
export function isBlank(value: CellValue): boolean {
  return value === "" || (typeof value === "string" && value.trim() === "");
}
