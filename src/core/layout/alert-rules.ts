import { columnLetters } from "../a1";
import type { ConditionalFormat } from "../sheet-plan";
import { alertColours } from "./palette";
import { rangeAddress } from "./sheet-builder";

/**
 * Conditional formats that colour an alert column by its word, so the colour follows the word
 * if someone edits a cell by hand. One format per column range, rules RED, AMBER, GREEN, and
 * EXCEEDED when the dashboard can have it. MONITOR and the no-data words have no colour.
 * Formulas are relative to the range's top-left cell, as Excel expects.
 */
export function alertColumnFormat(column: number, firstRow: number, lastRow: number, withExceeded = false): ConditionalFormat {
  const topLeft = `${columnLetters(column)}${firstRow}`;
  const alerts = withExceeded ? (["RED", "AMBER", "GREEN", "EXCEEDED"] as const) : (["RED", "AMBER", "GREEN"] as const);
  return {
    range: rangeAddress(firstRow, column, lastRow, column),
    rules: alerts.map((rag) => ({
      formula: `${topLeft}="${rag}"`,
      fill: alertColours[rag].fill,
      fontColor: alertColours[rag].text,
      bold: true,
    })),
  };
}
