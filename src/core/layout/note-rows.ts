import { sheetColumns, spanWidth } from "./columns";
import type { SectionItem } from "./paged-section";
import { rowRange, textCell, type SheetBuilder } from "./sheet-builder";
import { noteStyle } from "./styles";
import { breakLines, proseCharsFor } from "./text-fit";

/**
 * Notes as rows of text: each note broken into lines that fit the printed width, one line to a
 * row in column A, running over the empty cells to its right. A cell's text wraps only within
 * its own column, and merging the row to widen it is what the accessibility checker forbids.
 */

/** Characters of a note that fit on one line across the printed columns. */
export const noteLineChars = proseCharsFor(spanWidth(0, sheetColumns - 1));

/** The lines of a note as printed: the bullet on the first, the lines after it indented under the text. */
export function noteLines(text: string, bullet = "• "): string[] {
  return breakLines(`${bullet}${text}`, noteLineChars, bullet ? " ".repeat(bullet.length + 1) : "");
}

/** Adds one note's lines and returns the last row added. */
export function addNoteLines(builder: SheetBuilder, lines: readonly string[]): number {
  let last = builder.nextRow - 1;
  for (const line of lines) {
    last = builder.addRow([textCell(line)]);
    builder.style(rowRange(last, builder.cols), noteStyle);
  }
  return last;
}

/** Adds each text as a note (see `noteLines`) and returns the last row added. */
export function addNoteRows(builder: SheetBuilder, texts: readonly string[], bullet = "• "): number {
  let last = builder.nextRow - 1;
  for (const text of texts) last = addNoteLines(builder, noteLines(text, bullet));
  return last;
}

/** A note as an item of a paged section: its lines, kept on one page. */
export function noteItem(builder: SheetBuilder, text: string, bullet = "• "): SectionItem {
  const lines = noteLines(text, bullet);
  return { heights: lines.map(() => undefined), add: () => void addNoteLines(builder, lines) };
}
