import { columnLetters, parseAddress } from "../a1";
import type { CellValue, Grid } from "../grid";

/**
 * A safe window on a Grid: reads never fail, whatever the grid holds (ragged rows, missing
 * formats, values of the wrong type), and addresses are worksheet A1 addresses, origin-aware.
 */
export interface SheetView {
  readonly sheet: string;
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
    rows: valueRows.length,
    width,
    value(row, col) {
      const r = valueRows[row];
      if (!Array.isArray(r)) return "";
      const v: unknown = r[col];
      if (typeof v === "string" || typeof v === "boolean") return v;
      if (typeof v === "number") return v;
      return "";
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
