import { a1, columnLetters } from "../a1";
import type { CellStyle, ConditionalFormat, PlanValue, StyledRange, TablePlan } from "../sheet-plan";
import { generalFormat, textFormat } from "./number-formats";
import { flowFrom, pageStarts } from "./page-flow";
import type { PageFlow } from "./print-setup";
import { defaultRowHeight } from "./text-fit";

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

/** A table name Excel accepts: letters, digits and underscores, starting with a letter, never like a cell address ("KPI1", "R1C1"). */
export function tableNameFor(title: string): string {
  const words =
    title
      .replace(/[^A-Za-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 200) || "Table";
  return /^[A-Za-z]/.test(words) && !/^[A-Za-z]{1,3}\d+$/.test(words) && !/^[RrCc](\d|$)/.test(words) ? words : `T_${words}`;
}

/**
 * Collects the dashboard sheet row by row: each block appends its rows, styles, tables and
 * rules here, and the builder pads everything to one rectangle at the end. Once told the page
 * (`startPaging`), it can say how much room is left on the page the next row would print on.
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
  readonly conditionalFormats: ConditionalFormat[] = [];
  readonly tables: TablePlan[] = [];
  /** The tables' names, lower case (Excel compares them so), and the next suffix to try for each base name. */
  private readonly tableNames = new Set<string>();
  private readonly nextSuffix = new Map<string, number>();
  /** Runs of rows that should print on the same page where possible (a section, or a part of one, with its heading); one per first row. */
  readonly keeps: { from: number; to: number }[] = [];
  private paging: { readonly titleRows: number; readonly pageHeight: number; readonly titleHeight: number } | null = null;
  /** A row known to start a page (or the first row below the title rows): pages before it are settled. */
  private settledFrom = 0;
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

  /** Asks for rows `from`..`to` to be kept on one page where possible; a second run from the same row widens the first. */
  keepTogether(from: number, to: number): void {
    const same = this.keeps.find((k) => k.from === from);
    if (same) same.to = Math.max(same.to, to);
    else this.keeps.push({ from, to });
  }

  /** Marks `range` (its first row the header) as a table with these column names, under a name of its own made from `title`. */
  addTable(range: string, columns: readonly string[], title: string): void {
    const base = tableNameFor(title);
    // Names taken so far are kept as they are given, not gathered again for each table: a large
    // dashboard has a table per page, and gathering them made adding tables quadratic.
    let name = base;
    for (let n = this.nextSuffix.get(base.toLowerCase()) ?? 2; this.tableNames.has(name.toLowerCase()); n++) {
      name = `${base}_${n}`;
      this.nextSuffix.set(base.toLowerCase(), n + 1);
    }
    this.tableNames.add(name.toLowerCase());
    this.tables.push({ name, range, columns: [...columns] });
  }

  /** From now on, pages hold `pageHeight` points of rows, below the first `titleRows` rows repeated on each. */
  startPaging(titleRows: number, pageHeight: number): void {
    let titleHeight = 0;
    for (let r = 1; r <= titleRows; r++) titleHeight += this.heightOf(r) ?? defaultRowHeight;
    this.paging = { titleRows, pageHeight, titleHeight };
    this.settledFrom = titleRows + 1;
  }

  /** The rows so far as the page estimate sees them. */
  pageFlow(): PageFlow {
    const titleRows = this.paging?.titleRows ?? 0;
    return {
      rows: this.rowCount,
      heightOf: (row) => this.heightOf(row),
      titleRows,
      keeps: this.keeps,
      pageHeight: this.paging?.pageHeight ?? Infinity,
    };
  }

  /** Points a page holds below the repeated title rows; infinite before `startPaging`. */
  get pageRoom(): number {
    return this.paging ? this.paging.pageHeight - this.paging.titleHeight : Infinity;
  }

  /** Points left on the page the next row would print on; infinite before `startPaging`. */
  roomLeft(): number {
    if (!this.paging) return Infinity;
    const { titleRows, pageHeight, titleHeight } = this.paging;
    if (this.rowCount < this.settledFrom) return pageHeight - titleHeight;
    const starts = pageStarts(flowFrom(this.pageFlow(), this.settledFrom));
    const shift = this.settledFrom - titleRows - 1;
    const lastStart = starts.length > 0 ? (starts[starts.length - 1] ?? 0) + shift : this.settledFrom;
    this.settledFrom = lastStart;
    let used = titleHeight;
    for (let r = lastStart; r <= this.rowCount; r++) used += this.heightOf(r) ?? defaultRowHeight;
    return pageHeight - used;
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
