import type { Exception } from "../dashboard";
import type { CellStyle } from "../sheet-plan";
import { columnWidths, sheetColumns, spanWidth } from "./columns";
import { noteItem } from "./note-rows";
import { addPagedSection } from "./paged-section";
import { rangeAddress, textCell, type SheetBuilder } from "./sheet-builder";
import { bodyStyle, headerRunStyle, headerStyle, leftStyle, reasonStyle, wrapStyle } from "./styles";
import { headerRowHeight } from "./tables";
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
  const tables = parts.map((p) => ({ header: p.header ?? p.heading + 1, first: p.first, last: p.last }));
  const all = (from: (t: (typeof tables)[number]) => number, to: (t: (typeof tables)[number]) => number, c0: number, c1: number, style: CellStyle): void => {
    for (const t of tables) if (to(t) >= from(t)) builder.style(rangeAddress(from(t), c0, to(t), c1), style);
  };
  const header = (t: (typeof tables)[number]): number => t.header;
  const first = (t: (typeof tables)[number]): number => t.first;
  const last = (t: (typeof tables)[number]): number => t.last;
  all(header, header, 0, reasonColumn - 1, headerStyle);
  // The header's fill runs on over the reasons' width, without the lines between its empty cells.
  all(header, header, reasonColumn, lastCol, { ...headerRunStyle, hAlign: "left" });
  all(header, header, reasonColumn, reasonColumn, { borderLeft: "thin" });
  all(header, header, lastCol, lastCol, { borderRight: "thin" });
  all(first, last, 0, reasonColumn - 1, bodyStyle);
  all(first, last, 0, reasonColumn - 1, leftStyle);
  all(first, last, 1, reasonColumn - 1, wrapStyle);
  all(first, last, reasonColumn, lastCol, reasonStyle);
  all(first, last, reasonColumn, reasonColumn, { borderLeft: "thin" });
  all(first, last, lastCol, lastCol, { borderRight: "thin" });
  for (const t of tables) builder.addTable(rangeAddress(t.header, 0, t.last, reasonColumn), headings, "Exceptions");
  for (const row of longRows) builder.style(rangeAddress(row, reasonColumn, row, reasonColumn), { wrap: true });
}
