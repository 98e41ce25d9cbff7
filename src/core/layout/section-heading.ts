import { rowRange, textCell, type SheetBuilder } from "./sheet-builder";
import { sectionStyle } from "./styles";

/** Height of the gap row before a block, and of a block's heading row, in points. */
export const gapHeight = 9;
export const sectionHeight = 21;

/** Adds a gap and a block heading ("Summary", "Monthly key performance indicators") and returns the heading's row. */
export function addSectionHeading(builder: SheetBuilder, title: string): number {
  builder.addBlankRow(gapHeight);
  const row = builder.addRow([textCell(title)], sectionHeight);
  builder.style(rowRange(row, builder.cols), sectionStyle);
  return row;
}
