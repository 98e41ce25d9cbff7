/**
 * The dashboard's column grid. Every table shares it, so the sheet has one set of widths and
 * prints one page wide: KPI tables use all fourteen columns, activity tables the first twelve,
 * and the other blocks merge across them.
 */

/** Number of columns on the dashboard sheet (A to N). */
export const sheetColumns = 14;

/** 0-based column of the indicator name (B): wide and wrapped. */
export const nameColumn = 1;

/** 0-based column of the commentary (N): wide and wrapped. */
export const commentaryColumn = 13;

/** Column widths in characters, A to N: sized for the KPI table, whose headers wrap onto two lines; the
 * alert columns fit "NO TARGET" in bold. */
export const columnWidths: readonly number[] = [
  8, // A Ref
  34, // B Indicator
  13, // C Period
  10, // D Result
  10, // E Target / Expected
  10, // F Floor / Lower
  11, // G Alert / Upper
  13, // H DoT / Position
  10, // I Previous result / Variance
  11, // J Previous alert / Variance %
  10, // K YTD result
  10, // L YTD target / YTD expected
  11, // M YTD alert
  36, // N Commentary
];

/** Column headings of a KPI table. */
export const kpiHeadings: readonly string[] = [
  "Ref",
  "Indicator",
  "Period",
  "Result",
  "Target",
  "Floor",
  "Alert",
  "DoT",
  "Previous result",
  "Previous alert",
  "YTD result",
  "YTD target",
  "YTD alert",
  "Commentary",
];

/**
 * 0-based column of "Since last report" (O): added right of the commentary, and only when the
 * dashboard is compared with a report, so a workbook without a report history keeps its 14 columns.
 */
export const sinceColumn = 14;

/** Width of the "Since last report" column in characters: fits "Back to green (was RED)" on two lines. */
export const sinceColumnWidth = 16;

/** Heading of the "Since last report" column. */
export const sinceHeading = "Since last report";

/** 0-based columns of a KPI table that hold alert words (Alert, Previous alert, YTD alert). */
export const kpiAlertColumns: readonly number[] = [6, 9, 12];

/** Column headings of an activity table. */
export const activityHeadings: readonly string[] = [
  "Ref",
  "Indicator",
  "Period",
  "Result",
  "Expected",
  "Lower",
  "Upper",
  "Position",
  "Variance",
  "Variance %",
  "YTD result",
  "YTD expected",
];

/** Total width of columns `from`..`to` (0-based, inclusive) in characters. */
export function spanWidth(from: number, to: number): number {
  let total = 0;
  for (let c = from; c <= to; c++) total += columnWidths[c] ?? 0;
  return total;
}
