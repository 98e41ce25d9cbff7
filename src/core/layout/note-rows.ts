import { columnLetters } from "../a1";
import { sheetColumns, spanWidth } from "./columns";
import { rowRange, textCell, type SheetBuilder } from "./sheet-builder";
import { noteStyle } from "./styles";
import { heightForLines, wrappedLines } from "./text-fit";

/**
 * Adds each text as one row merged across the sheet and wrapped, tall enough for its lines
 * (Excel does not grow merged rows by itself). Returns the last row added.
 */
export function addNoteRows(builder: SheetBuilder, texts: readonly string[], bullet = "• "): number {
  let last = builder.nextRow - 1;
  const width = spanWidth(0, sheetColumns - 1);
  for (const text of texts) {
    const line = `${bullet}${text}`;
    last = builder.addRow([textCell(line)], heightForLines(wrappedLines(line, width)));
    builder.merge(`A${last}:${columnLetters(builder.cols - 1)}${last}`);
    builder.style(rowRange(last, builder.cols), noteStyle);
  }
  return last;
}
