import type { CellStyle } from "../sheet-plan";
import { palette } from "./palette";

/** Named styles shared by the blocks, so every table looks the same. */

/** Font of the whole sheet: Arial prints the same in Excel and in LibreOffice (as Liberation Sans). */
export const sheetFont = { name: "Arial", size: 10 } as const;

/** The dashboard's main heading. */
export const titleStyle: CellStyle = { bold: true, size: 16, fontColor: palette.heading, vAlign: "center" };

/** "Performance Dashboard" under the main heading. */
export const subtitleStyle: CellStyle = { bold: true, size: 13, fontColor: palette.heading, vAlign: "center" };

/** Coverage and date lines of the title block. */
export const titleNoteStyle: CellStyle = { size: 10, fontColor: palette.subtleText, vAlign: "center" };

/** A block's heading ("Monthly key performance indicators"). */
export const sectionStyle: CellStyle = {
  bold: true,
  size: 12,
  fontColor: palette.sectionText,
  vAlign: "bottom",
  borderBottom: "medium",
  borderColor: palette.heading,
};

/** A table's column-heading row. */
export const headerStyle: CellStyle = {
  bold: true,
  fill: palette.headerFill,
  fontColor: palette.headerText,
  wrap: true,
  vAlign: "center",
  hAlign: "center",
  borderTop: "thin",
  borderBottom: "thin",
  borderLeft: "thin",
  borderRight: "thin",
  borderColor: palette.border,
};

/** Body cells of a table: thin light borders, text at the top so wrapped rows line up. */
export const bodyStyle: CellStyle = {
  vAlign: "top",
  borderTop: "thin",
  borderBottom: "thin",
  borderLeft: "thin",
  borderRight: "thin",
  borderColor: palette.border,
};

/** Text columns that wrap (indicator names, commentary, reasons, notes). */
export const wrapStyle: CellStyle = { wrap: true, hAlign: "left" };

/** Number columns: right-aligned so digits line up. */
export const numberStyle: CellStyle = { hAlign: "right" };

/** Short text columns (period, ref). */
export const leftStyle: CellStyle = { hAlign: "left" };

/** Alert words: bold and centred; their colours come from conditional formats. */
export const alertStyle: CellStyle = { bold: true, hAlign: "center" };

/** A total row: bold with a firmer line above. */
export const totalStyle: CellStyle = { bold: true, borderTop: "medium" };

/** A line of running notes (data notes, guidance): left-aligned and not wrapped, so it runs over the empty cells to its right. */
export const noteStyle: CellStyle = { wrap: false, vAlign: "top", hAlign: "left" };

/** Cells a line of text runs over (an exception's reason): lines above and below, none between them, not wrapped. */
export const reasonStyle: CellStyle = {
  vAlign: "top",
  hAlign: "left",
  wrap: false,
  borderTop: "thin",
  borderBottom: "thin",
  borderColor: palette.border,
};

/** A column-heading row's look over cells a heading runs across: as `headerStyle`, without the lines between them. */
export const headerRunStyle: CellStyle = {
  bold: true,
  fill: palette.headerFill,
  fontColor: palette.headerText,
  vAlign: "center",
  borderTop: "thin",
  borderBottom: "thin",
  borderColor: palette.border,
};
