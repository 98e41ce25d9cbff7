import { a1, columnLetters } from "../a1";
import type { CellStyle, ConditionalFormat, PlanValue, StyledRange } from "../sheet-plan";
import { generalFormat, textFormat } from "./number-formats";

/** One cell to place: its value and number format. */
export interface PlanCell {
  readonly value: PlanValue;
  readonly format: string;
}

/** A text cell: always literal text, whatever it starts with. */
export function textCell(value: string | null | undefined): PlanCell {
  return { value: value === null || value === undefined || value === "" ? null : value, format: textFormat };
}

/** A number cell in the given format; null stays empty (missing is never zero). */
export function numberCell(value: number | null | undefined, format: string): PlanCell {
  return { value: value === null || value === undefined || !Number.isFinite(value) ? null : value, format };
}

/** An empty cell. */
export const emptyCell: PlanCell = { value: null, format: generalFormat };

/** A1 range of columns `fromCol`..`toCol` (0-based) over rows `fromRow`..`toRow` (1-based). */
export function rangeAddress(fromRow: number, fromCol: number, toRow: number, toCol: number): string {
  const start = a1(fromRow - 1, fromCol);
  const end = a1(toRow - 1, toCol);
  return start === end ? start : `${start}:${end}`;
}

/** A whole-width range of one row, "A5:N5". */
export function rowRange(row: number, cols: number): string {
  return `A${row}:${columnLetters(cols - 1)}${row}`;
}

/**
 * Collects the dashboard sheet row by row: each block appends its rows, styles, merges and
 * rules here, and the builder pads everything to one rectangle at the end.
 */
export class SheetBuilder {
  private readonly valueRows: PlanValue[][] = [];
  private readonly formatRows: string[][] = [];
  private readonly heights = new Map<number, number>();
  /** Cells right of the printed columns, by row then column (0-based). */
  private readonly beside = new Map<number, Map<number, PlanCell>>();
  private besideWidth = 0;
  /** Styles in the order given; later entries win. */
  readonly styles: StyledRange[] = [];
  readonly merges: string[] = [];
  readonly conditionalFormats: ConditionalFormat[] = [];
  /** Runs of rows that should print on the same page where possible (a table's heading and first rows). */
  readonly keeps: { readonly from: number; readonly to: number }[] = [];
  /** The row of each indicator in the tables, by its id (so the pane can take the analyst to it). */
  readonly indicatorRows = new Map<string, number>();

  /** @param cols - the sheet's width in columns; rows are cut or padded to it */
  constructor(readonly cols: number) {}

  /** The 1-based number of the next row to be added. */
  get nextRow(): number {
    return this.valueRows.length + 1;
  }

  /** Number of rows added so far. */
  get rowCount(): number {
    return this.valueRows.length;
  }

  /** Appends a row of cells starting at column A and returns its 1-based number. */
  addRow(cells: readonly PlanCell[], height?: number): number {
    const values: PlanValue[] = [];
    const formats: string[] = [];
    for (let c = 0; c < this.cols; c++) {
      const cell = cells[c] ?? emptyCell;
      values.push(cell.value);
      formats.push(cell.value === null && cell.format === textFormat ? textFormat : cell.format);
    }
    this.valueRows.push(values);
    this.formatRows.push(formats);
    const row = this.valueRows.length;
    if (height !== undefined) this.heights.set(row, height);
    return row;
  }

  /** Appends an empty row, optionally of a given height, and returns its number. */
  addBlankRow(height?: number): number {
    return this.addRow([], height);
  }

  /** Sets a row's height in points. */
  setHeight(row: number, height: number): void {
    this.heights.set(row, height);
  }

  /** Height in points of a row, if one was set. */
  heightOf(row: number): number | undefined {
    return this.heights.get(row);
  }

  /** Styles a range. */
  style(range: string, style: CellStyle): void {
    this.styles.push({ range, style });
  }

  /** Merges a range. */
  merge(range: string): void {
    this.merges.push(range);
  }

  /** Asks for rows `from`..`to` to be kept on one page where possible. */
  keepTogether(from: number, to: number): void {
    this.keeps.push({ from, to });
  }

  /**
   * Puts a cell to the right of the printed columns (column `col` >= `cols`, 0-based) on a row
   * already added: helper data that charts read but the page does not print.
   */
  setBeside(row: number, col: number, cell: PlanCell): void {
    if (col < this.cols || row < 1 || row > this.valueRows.length) return;
    let cells = this.beside.get(row);
    if (!cells) this.beside.set(row, (cells = new Map()));
    cells.set(col, cell);
    this.besideWidth = Math.max(this.besideWidth, col + 1);
  }

  /** Width of the whole sheet in columns: the printed columns, plus any cells put beside them. */
  get width(): number {
    return Math.max(this.cols, this.besideWidth);
  }

  /** Values row by row, padded to the sheet's width. */
  values(): PlanValue[][] {
    return this.valueRows.map((r, i) => this.widen(r, i + 1, (cell) => cell?.value ?? null));
  }

  /** Number formats row by row. */
  numberFormats(): string[][] {
    return this.formatRows.map((r, i) => this.widen(r, i + 1, (cell) => cell?.format ?? emptyCell.format));
  }

  private widen<T>(printed: readonly T[], row: number, pick: (cell: PlanCell | undefined) => T): T[] {
    const out = [...printed];
    const cells = this.beside.get(row);
    for (let c = this.cols; c < this.width; c++) out.push(pick(cells?.get(c)));
    return out;
  }

  /** Row heights that were set, by row. */
  rowHeights(): { row: number; height: number }[] {
    return [...this.heights.entries()].sort((a, b) => a[0] - b[0]).map(([row, height]) => ({ row, height }));
  }
}
