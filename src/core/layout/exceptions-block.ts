import type { Exception } from "../dashboard";
import { columnWidths, sheetColumns, spanWidth } from "./columns";
import { noteItem } from "./note-rows";
import { addPagedSection } from "./paged-section";
import { rangeAddress, textCell, type SheetBuilder } from "./sheet-builder";
import { bodyStyle, headerStyle, leftStyle, wrapStyle } from "./styles";
import { headerRowHeight, styleRunOnBody, styleRunOnHeader, tableRowsOf } from "./tables";
import { heightForLines, proseCharsFor, wrappedLines } from "./text-fit";

/** The kind of an exception in words. */
export function exceptionWords(kind: Exception["kind"]): string {
  switch (kind) {
    case "red":
      return "RED alert";
    case "worsened":
      return "Alert worsened";
    case "outside-range":
      return "Outside expected range";
  }
}

/** The reason's column (D): its text runs over the empty cells to the right, to the last printed column. */
const reasonColumn = 3;
const headings = ["Ref", "Indicator", "Exception", "Reason"];

/**
 * Adds the exception list: every RED, every alert that got worse and every activity outside its
 * expected range, with the reason in words. Says so plainly when there are none. The table is
 * Ref, Indicator, Exception and Reason: a reason is one line of text that runs on over the empty
 * cells to its right (no merged cells), drawn without the lines between them; a reason too long
 * for that line wraps in its own cell instead, so nothing is cut off.
 */
export function addExceptionsBlock(builder: SheetBuilder, exceptions: readonly Exception[]): void {
  if (exceptions.length === 0) {
    addPagedSection(builder, {
      title: "Exceptions",
      items: [noteItem(builder, "No indicator is RED, has a worse alert than last time or is outside its expected range.", "")],
    });
    return;
  }
  const lastCol = sheetColumns - 1;
  const reasonChars = proseCharsFor(spanWidth(reasonColumn, lastCol));
  const rows = exceptions.map((exception) => {
    const long = exception.reason.length > reasonChars;
    const lines = Math.max(
      wrappedLines(exception.name, columnWidths[1] ?? 10),
      long ? wrappedLines(exception.reason, columnWidths[reasonColumn] ?? 10) : 1,
      wrappedLines(exceptionWords(exception.kind), columnWidths[2] ?? 10),
    );
    return {
      long,
      height: lines > 1 ? heightForLines(lines) : undefined,
      cells: [textCell(exception.ref), textCell(exception.name), textCell(exceptionWords(exception.kind)), textCell(exception.reason)],
    };
  });
  const longRows: number[] = [];
  const parts = addPagedSection(builder, {
    title: "Exceptions",
    repeat: {
      heights: [headerRowHeight],
      add: () =>
        void builder.addRow(
          headings.map((h) => textCell(h)),
          headerRowHeight,
        ),
    },
    items: rows.map((r) => ({
      heights: [r.height],
      add: () => {
        const row = builder.addRow(r.cells, r.height);
        if (r.long) longRows.push(row);
      },
    })),
  });
  // Each style on every part before the next, so a writer can send a style's parts as one call.
  const tables = tableRowsOf(parts);
  const body = tables.filter((t) => t.last >= t.first);
  for (const t of tables) builder.style(rangeAddress(t.header, 0, t.header, reasonColumn - 1), headerStyle);
  styleRunOnHeader(builder, tables, reasonColumn, lastCol);
  for (const t of body) builder.style(rangeAddress(t.first, 0, t.last, reasonColumn - 1), bodyStyle);
  for (const t of body) builder.style(rangeAddress(t.first, 0, t.last, reasonColumn - 1), leftStyle);
  for (const t of body) builder.style(rangeAddress(t.first, 1, t.last, reasonColumn - 1), wrapStyle);
  styleRunOnBody(builder, tables, reasonColumn, lastCol, longRows);
  for (const t of tables) builder.addTable(rangeAddress(t.header, 0, t.last, reasonColumn), headings, "Exceptions");
}
