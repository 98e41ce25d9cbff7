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
  /**
   * Cell values, row by row. Office.js gives every row at the same length; a reader of a sparse
   * sheet may leave a row shorter than the widest, or missing (a hole or undefined), and a long
   * row with holes, so the grid costs memory in proportion to the cells it holds: a missing cell
   * is empty. The core visits only the cells a row holds (see detection/sheet-view.ts). Reads
   * (`values[r]?.[c]`) are typed as possibly undefined, which covers the holes.
   */
  readonly values: readonly (readonly CellValue[])[];
  /** Number format code per cell ("General", "0.0%", "mmm-yy", ...); the shape of `values`, and a missing one is "General". */
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

/**
 * A worksheet the host did not read, and why. "hidden": hidden or very hidden in the workbook and
 * not named in the settings' sheets (both hosts read only the sheets a person can see, unless
 * told otherwise). "too-large": its used range, or the cells it holds, are more than the host can
 * read; `farCell` is the used range's bottom-right cell, `cells` how many it spans or holds, and
 * `limit` what the host reads at most.
 */
export type UnreadSheet =
  | { readonly sheet: string; readonly reason: "hidden" }
  | { readonly sheet: string; readonly reason: "too-large"; readonly farCell: string; readonly cells: number; readonly limit: number };

/** Formulas on a sheet saved without their results (the file was never recalculated): how many, and the first one's A1 address. */
export interface UncalculatedFormulas {
  readonly sheet: string;
  readonly cells: number;
  readonly first: string;
}

/** What a host noticed while reading a workbook that its grids cannot show; the core turns each into a diagnostic, in the same words for both hosts. */
export interface ReadingNotes {
  readonly unread?: readonly UnreadSheet[];
  readonly uncalculated?: readonly UncalculatedFormulas[];
}
