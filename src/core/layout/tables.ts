import type { IndicatorResult } from "../dashboard";
import { columnWidths, nameColumn } from "./columns";
import type { TableGroup } from "./grouping";
import { isLate } from "./late-data";
import { addSectionHeading } from "./section-heading";
import { rangeAddress, textCell, type PlanCell, type SheetBuilder } from "./sheet-builder";
import { bodyStyle, headerStyle, leftStyle, numberStyle, wrapStyle } from "./styles";
import { heightForLines, wrappedLines } from "./text-fit";

/**
 * What the dashboard's tables share, so that no block reaches into another for it: the height of
 * a column-heading row, and the skeleton of an indicator table (heading, column headings, rows,
 * borders) that the KPI and activity tables fill with their own columns.
 */

/** Height of a table's two-line column-heading row, in points. */
export const headerRowHeight = 27;

/** Height a row needs for its wrapped cells, or undefined when one line is enough. */
export function wrappedRowHeight(cells: readonly PlanCell[]): number | undefined {
  let lines = 1;
  cells.forEach((cell, c) => {
    if (typeof cell.value === "string") lines = Math.max(lines, wrappedLines(cell.value, columnWidths[c] ?? 10));
  });
  return lines > 1 ? heightForLines(lines) : undefined;
}

/** Styles the header and body of a table that spans columns A..`lastCol`, rows `header`..`last`. */
export function styleTable(builder: SheetBuilder, header: number, first: number, last: number, lastCol: number): void {
  builder.style(rangeAddress(header, 0, header, lastCol), headerStyle);
  if (last < first) return;
  builder.style(rangeAddress(first, 0, last, lastCol), bodyStyle);
  builder.style(rangeAddress(first, 0, last, lastCol), leftStyle);
  // The period wraps too: "12 months to Dec 2012" is wider than its column.
  builder.style(rangeAddress(first, nameColumn, last, nameColumn + 1), wrapStyle);
  builder.style(rangeAddress(first, 3, last, lastCol), numberStyle);
}

/**
 * Adds what every indicator table has: a heading, the column headings, one row per indicator
 * (a period older than its timetable allows in italics: the data notes say why) and the table's
 * borders. Returns the rows for the caller's own columns; the caller then keeps the heading with
 * the first rows.
 */
export function addIndicatorRows(
  builder: SheetBuilder,
  group: TableGroup,
  cutoff: string,
  headings: readonly string[],
  rowCells: (indicator: IndicatorResult) => PlanCell[],
): { heading: number; first: number; last: number } {
  const heading = addSectionHeading(builder, group.title);
  const header = builder.addRow(headings.map((h) => textCell(h)), headerRowHeight);
  const first = builder.nextRow;
  for (const indicator of group.indicators) {
    const cells = rowCells(indicator);
    const row = builder.addRow(cells, wrappedRowHeight(cells));
    builder.indicatorRows.set(indicator.id, row);
    if (isLate(indicator, cutoff)) builder.style(rangeAddress(row, 2, row, 2), { italic: true });
  }
  const last = builder.nextRow - 1;
  styleTable(builder, header, first, last, headings.length - 1);
  builder.style(rangeAddress(first, 7, last, 7), leftStyle);
  return { heading, first, last };
}
