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

/** Converts a 0-based column index to its letters: 0 → "A", 27 → "AB". */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Converts column letters to a 0-based index: "A" → 0, "AB" → 27. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Splits an A1 address ("$C$7" or "C7") into 0-based row and column; null when it is not one. */
export function parseAddress(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m || !m[1] || !m[2]) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** A1 address of a 0-based (row, col) position on the worksheet. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
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
