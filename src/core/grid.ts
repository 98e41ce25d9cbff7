import { a1, parseAddress } from "./a1";

/**
 * The seam between a host (Excel via Office.js, or an .xlsx file via exceljs) and the pure core:
 * a worksheet's used range as plain data, exactly as Office.js returns it from
 * `range.values` and `range.numberFormat`.
 */

/** One cell's raw value: a number (dates as serials, percentages as fractions), text, a boolean, or `""` when empty. Error cells arrive as text such as `"#N/A"`. */
export type CellValue = string | number | boolean;

/** A worksheet's used range: values and number formats per cell, anchored at `origin`. */
export interface Grid {
  /** The worksheet's name, as the user sees it on its tab. */
  readonly sheet: string;
  /** A1 address of the top-left cell of `values` (usually "A1"). */
  readonly origin: string;
  /** Cell values, row by row; every row has the same length. */
  readonly values: readonly (readonly CellValue[])[];
  /** Number format code per cell ("General", "0.0%", "mmm-yy", ...); same shape as `values`. */
  readonly numberFormat: readonly (readonly string[])[];
}

/** A1 address of the cell at (row, col) inside the grid, offset by the grid's origin. */
export function gridCellAddress(grid: Grid, row: number, col: number): string {
  const o = parseAddress(grid.origin) ?? { row: 0, col: 0 };
  return a1(o.row + row, o.col + col);
}

/** 1-based worksheet row number of the grid's row index. */
export function gridRowNumber(grid: Grid, row: number): number {
  const o = parseAddress(grid.origin) ?? { row: 0, col: 0 };
  return o.row + row + 1;
}
