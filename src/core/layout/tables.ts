import type { IndicatorResult } from "../dashboard";
import { columnWidths, nameColumn } from "./columns";
import type { TableGroup } from "./grouping";
import { isLate } from "./late-data";
import { addPagedSection, type SectionPart } from "./paged-section";
import { rangeAddress, textCell, type PlanCell, type SheetBuilder } from "./sheet-builder";
import { bodyStyle, headerRunStyle, headerStyle, leftStyle, numberStyle, reasonStyle, wrapStyle } from "./styles";
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

/** The rows of one part of a table: its column-heading row and its first and last body rows. */
export interface TableRows {
  readonly header: number;
  readonly first: number;
  readonly last: number;
}

/** The table rows of a paged section's parts (a part without repeated headings has its header just under its heading). */
export function tableRowsOf(parts: readonly SectionPart[]): TableRows[] {
  return parts.map((p) => ({ header: p.header ?? p.heading + 1, first: p.first, last: p.last }));
}

/**
 * A table's last column of text (an exception's reason, a comparison's sentence) runs on over the
 * empty cells to its right, to `lastCol`, instead of being merged with them (the accessibility
 * checker flags merged cells). These style its header: the fill across the run, without the lines
 * between its empty cells, and the table's outer border kept.
 */
export function styleRunOnHeader(builder: SheetBuilder, parts: readonly TableRows[], column: number, lastCol: number): void {
  for (const p of parts) builder.style(rangeAddress(p.header, column, p.header, lastCol), { ...headerRunStyle, hAlign: "left" });
  for (const p of parts) builder.style(rangeAddress(p.header, column, p.header, column), { borderLeft: "thin" });
  for (const p of parts) builder.style(rangeAddress(p.header, lastCol, p.header, lastCol), { borderRight: "thin" });
}

/** The body of a run-on column (see styleRunOnHeader); text too long for the run (`longRows`) wraps in its own cell instead. */
export function styleRunOnBody(builder: SheetBuilder, parts: readonly TableRows[], column: number, lastCol: number, longRows: readonly number[]): void {
  const body = parts.filter((p) => p.last >= p.first);
  for (const p of body) builder.style(rangeAddress(p.first, column, p.last, lastCol), reasonStyle);
  for (const p of body) builder.style(rangeAddress(p.first, column, p.last, column), { borderLeft: "thin" });
  for (const p of body) builder.style(rangeAddress(p.first, lastCol, p.last, lastCol), { borderRight: "thin" });
  for (const row of longRows) builder.style(rangeAddress(row, column, row, column), { wrap: true });
}

/**
 * Styles the header and body of a table that spans columns A..`lastCol`, part by part. Each
 * style goes on every part before the next style, so the parts' equal styles sit side by side
 * in the plan and a writer can send them as one call.
 */
export function styleTable(builder: SheetBuilder, parts: readonly TableRows[], lastCol: number): void {
  const each = (style: (p: TableRows) => void, withBody = true): void => parts.filter((p) => !withBody || p.last >= p.first).forEach(style);
  each((p) => builder.style(rangeAddress(p.header, 0, p.header, lastCol), headerStyle), false);
  each((p) => builder.style(rangeAddress(p.first, 0, p.last, lastCol), bodyStyle));
  each((p) => builder.style(rangeAddress(p.first, 0, p.last, lastCol), leftStyle));
  // The period wraps too: "12 months to Dec 2012" is wider than its column.
  each((p) => builder.style(rangeAddress(p.first, nameColumn, p.last, nameColumn + 1), wrapStyle));
  each((p) => builder.style(rangeAddress(p.first, 3, p.last, lastCol), numberStyle));
}

/**
 * Adds what every indicator table has: a heading, the column headings, one row per indicator
 * (a period older than its timetable allows in italics: the data notes say why) and the table's
 * borders, by the page rules: a table longer than a page is split into parts, each under the
 * heading "(continued)" and its own column headings, and each part is a table with a header row.
 * `stylePart` adds the caller's own formats to each part's rows.
 */
export function addIndicatorRows(
  builder: SheetBuilder,
  group: TableGroup,
  cutoff: string,
  headings: readonly string[],
  rowCells: (indicator: IndicatorResult) => PlanCell[],
  styleParts: (parts: readonly TableRows[]) => void = () => undefined,
): SectionPart[] {
  const lastCol = headings.length - 1;
  const late: number[] = [];
  const rows = group.indicators.map((indicator) => {
    const cells = rowCells(indicator);
    return { indicator, cells, height: wrappedRowHeight(cells) };
  });
  const parts = addPagedSection(builder, {
    title: group.title,
    repeat: {
      heights: [headerRowHeight],
      add: () =>
        void builder.addRow(
          headings.map((h) => textCell(h)),
          headerRowHeight,
        ),
    },
    items: rows.map(({ indicator, cells, height }) => ({
      heights: [height],
      add: () => {
        const row = builder.addRow(cells, height);
        builder.indicatorRows.set(indicator.id, row);
        if (isLate(indicator, cutoff)) late.push(row);
      },
    })),
  });
  const tables = tableRowsOf(parts);
  styleTable(builder, tables, lastCol);
  for (const t of tables) if (t.last >= t.first) builder.style(rangeAddress(t.first, 7, t.last, 7), leftStyle);
  styleParts(tables);
  for (const row of late) builder.style(rangeAddress(row, 2, row, 2), { italic: true });
  for (const t of tables) builder.addTable(rangeAddress(t.header, 0, t.last, lastCol), headings, group.title);
  return parts;
}
