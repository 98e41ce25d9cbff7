import type { IndicatorResult } from "../dashboard";
import { alertColumnFormat } from "./alert-rules";
import { columnWidths, commentaryColumn, kpiAlertColumns, kpiHeadings, nameColumn } from "./columns";
import type { TableGroup } from "./grouping";
import { isLate } from "./late-data";
import { indicatorFormat } from "./number-formats";
import { addSectionHeading } from "./section-heading";
import { numberCell, rangeAddress, textCell, type PlanCell, type SheetBuilder } from "./sheet-builder";
import { headerRowHeight } from "./summary-block";
import { alertStyle, bodyStyle, headerStyle, leftStyle, numberStyle, wrapStyle } from "./styles";
import { heightForLines, wrappedLines } from "./text-fit";
import { alertWord, dotWords } from "./words";

/** The cells of one KPI row, in the order of `kpiHeadings`. */
export function kpiRowCells(indicator: IndicatorResult): PlanCell[] {
  const format = indicatorFormat(indicator);
  return [
    textCell(indicator.ref),
    textCell(indicator.name),
    textCell(indicator.period?.label),
    numberCell(indicator.actual, format),
    numberCell(indicator.target, format),
    numberCell(indicator.floor, format),
    textCell(alertWord(indicator.rag)),
    textCell(dotWords(indicator.dot)),
    numberCell(indicator.previous?.actual, format),
    textCell(alertWord(indicator.previous?.rag)),
    numberCell(indicator.ytd?.actual, format),
    numberCell(indicator.ytd?.target, format),
    textCell(alertWord(indicator.ytd?.rag)),
    textCell(indicator.commentary),
  ];
}

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
    if (isLate(indicator, cutoff)) builder.style(rangeAddress(row, 2, row, 2), { italic: true });
  }
  const last = builder.nextRow - 1;
  styleTable(builder, header, first, last, headings.length - 1);
  builder.style(rangeAddress(first, 7, last, 7), leftStyle);
  return { heading, first, last };
}

/** Adds a KPI table, its alerts written as words and coloured by conditional formats. */
export function addKpiTable(builder: SheetBuilder, group: TableGroup, cutoff: string): void {
  const { heading, first, last } = addIndicatorRows(builder, group, cutoff, kpiHeadings, kpiRowCells);
  builder.style(rangeAddress(first, commentaryColumn, last, commentaryColumn), wrapStyle);
  for (const column of kpiAlertColumns) {
    builder.style(rangeAddress(first, column, last, column), alertStyle);
    builder.conditionalFormats.push(alertColumnFormat(column, first, last));
  }
  builder.keepTogether(heading - 1, Math.min(last, first + 2));
}
