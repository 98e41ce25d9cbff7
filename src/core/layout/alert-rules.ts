import { columnLetters } from "../a1";
import type { ConditionalFormat } from "../sheet-plan";
import { alertColours } from "./palette";
import { rangeAddress } from "./sheet-builder";

/**
 * Conditional formats that colour an alert column by its word, so the colour follows the word
 * if someone edits a cell by hand. One format per column range, rules RED, AMBER, GREEN.
 * Formulas are relative to the range's top-left cell, as Excel expects.
 */
export function alertColumnFormat(column: number, firstRow: number, lastRow: number): ConditionalFormat {
  const topLeft = `${columnLetters(column)}${firstRow}`;
  return {
    range: rangeAddress(firstRow, column, lastRow, column),
    rules: (["RED", "AMBER", "GREEN"] as const).map((rag) => ({
      formula: `${topLeft}="${rag}"`,
      fill: alertColours[rag].fill,
      fontColor: alertColours[rag].text,
      bold: true,
    })),
  };
}
