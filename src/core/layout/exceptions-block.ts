import type { Exception } from "../dashboard";
import { columnWidths, sheetColumns, spanWidth } from "./columns";
import { addNoteRows } from "./note-rows";
import { addSectionHeading } from "./section-heading";
import { rangeAddress, textCell, type SheetBuilder } from "./sheet-builder";
import { bodyStyle, headerStyle, leftStyle, wrapStyle } from "./styles";
import { headerRowHeight } from "./tables";
import { heightForLines, wrappedLines } from "./text-fit";

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

/** First column of the merged reason cell (D), through the last column. */
const reasonFrom = 3;

/**
 * Adds the exception list: every RED, every alert that got worse and every activity outside its
 * expected range, with the reason in words. Says so plainly when there are none.
 */
export function addExceptionsBlock(builder: SheetBuilder, exceptions: readonly Exception[]): void {
  const heading = addSectionHeading(builder, "Exceptions");
  if (exceptions.length === 0) {
    const last = addNoteRows(builder, ["No indicator is RED, has a worse alert than last time or is outside its expected range."], "");
    builder.keepTogether(heading - 1, last);
    return;
  }
  const lastCol = sheetColumns - 1;
  const header = builder.addRow([textCell("Ref"), textCell("Indicator"), textCell("Exception"), textCell("Reason")], headerRowHeight);
  builder.merge(rangeAddress(header, reasonFrom, header, lastCol));
  builder.style(rangeAddress(header, 0, header, lastCol), headerStyle);
  const first = builder.nextRow;
  const reasonWidth = spanWidth(reasonFrom, lastCol);
  for (const exception of exceptions) {
    const lines = Math.max(
      wrappedLines(exception.name, columnWidths[1] ?? 10),
      wrappedLines(exception.reason, reasonWidth),
      wrappedLines(exceptionWords(exception.kind), columnWidths[2] ?? 10),
    );
    const row = builder.addRow(
      [textCell(exception.ref), textCell(exception.name), textCell(exceptionWords(exception.kind)), textCell(exception.reason)],
      lines > 1 ? heightForLines(lines) : undefined,
    );
    builder.merge(rangeAddress(row, reasonFrom, row, lastCol));
  }
  const last = builder.nextRow - 1;
  builder.style(rangeAddress(first, 0, last, lastCol), bodyStyle);
  builder.style(rangeAddress(first, 0, last, lastCol), leftStyle);
  builder.style(rangeAddress(first, 1, last, lastCol), wrapStyle);
  builder.keepTogether(heading - 1, Math.min(last, first + 2));
}
