/** How much a diagnostic matters: an error loses data, a warning may mislead, info explains. */
export type Severity = "error" | "warning" | "info";

/**
 * Every kind of diagnostic, by its stable code: its severity and what it means, in one line. Codes
 * are kebab-case and never change meaning once released, so `--json` users can filter on them,
 * the pane can group by them and tests can assert them; the messages are for people and may be
 * reworded. The README's table of codes is kept equal to this one by a test.
 */
export const diagnosticCodes = {
  // Reading the workbook.
  "sheet-unreadable": { severity: "error", meaning: "A sheet could not be read because of an unexpected problem; the other sheets were read." },
  "selected-sheet-missing": { severity: "warning", meaning: "A sheet chosen in the settings is not in the workbook." },
  "sheet-hidden": { severity: "info", meaning: "A hidden or very hidden sheet was not read; name it in the settings' sheets to read it." },
  "sheet-too-large": {
    severity: "error",
    meaning: "A sheet's used range or cells are more than can be read (often a stray entry far below or right of the data); the sheet is not read.",
  },
  "formulas-not-calculated": {
    severity: "warning",
    meaning:
      "A sheet's formulas were saved without their results (the file was never recalculated); they are read as empty until it is opened and saved in Excel.",
  },
  "mapping-sheet-missing": { severity: "warning", meaning: "A hand-made mapping names a sheet that is not in the workbook; the mapping is not used." },
  "mapping-header-outside-data": {
    severity: "error",
    meaning: "A hand-made mapping puts the header on a row outside the sheet's data; the sheet is not read.",
  },
  "mapping-column-outside-data": { severity: "warning", meaning: "A hand-made mapping names a column outside the sheet's data; that column is ignored." },
  "mapping-period-not-a-period": {
    severity: "warning",
    meaning: "A hand-made mapping makes a column a period, but its header is not one; the column is ignored.",
  },
  "mapping-unusable": {
    severity: "error",
    meaning: "A hand-made mapping lacks an indicator name (or reference) column or a period column; the sheet is not read.",
  },
  "guessed-header-row": { severity: "warning", meaning: "No header was recognised, so a row was taken as the header; check the mapping." },
  "two-row-header": {
    severity: "info",
    meaning: "A table's header spans two rows (names above, periods below, often merged cells); the two rows are read as one header.",
  },
  "duplicate-column": { severity: "warning", meaning: "A second column claims a role another column already has; only the first is read." },
  "no-polarity-column": { severity: "info", meaning: "A table has no Polarity column, so its KPIs are taken as higher is better." },
  "no-polarity": { severity: "info", meaning: "A KPI's polarity cell is blank, so higher is better is assumed." },
  "unknown-polarity": { severity: "warning", meaning: "A polarity cell says something other than Higher, Lower or Target; higher is better is assumed." },
  "unknown-frequency": {
    severity: "warning",
    meaning: "A frequency cell is not Monthly, Quarterly, Annual or Rolling 12 months; the periods' frequency is used.",
  },
  "unknown-ytd-method": { severity: "warning", meaning: "A YTD method cell is not Sum, Mean, Ratio or Latest; the method is inferred from the unit." },
  "unknown-tolerance": { severity: "warning", meaning: "A tolerance cell is not a number or a percentage; the workbook's tolerance is used." },
  "unknown-rank": { severity: "warning", meaning: "A rank cell is not a whole number such as 4 or 4 of 32; the indicator is shown without a rank." },
  "unknown-quartile": {
    severity: "warning",
    meaning: "A quartile cell is not 1 to 4 or a word such as Top or Bottom; the indicator is shown without a quartile.",
  },
  "unknown-stale-limit": { severity: "warning", meaning: "A stale-after cell is not a whole number of months; the usual limit of 12 months is used." },
  "reference-used-as-name": { severity: "warning", meaning: "A row has figures but no indicator name; its reference is used as the name." },
  "duplicate-indicator": {
    severity: "warning",
    meaning: "Two rows, on one sheet or on two, give the same indicator (the same reference); both are shown, so check which is right.",
  },
  "hidden-characters-removed": {
    severity: "warning",
    meaning:
      "Text in a cell held characters that do not show (zero-width, direction-changing, a leading tab or line break); they were removed from what the dashboard shows.",
  },
  "ambiguous-period": {
    severity: "warning",
    meaning: "A period such as 2010-12 could be a month or a span of years and nothing beside it says which; it is read as a month.",
  },
  "unused-columns": {
    severity: "info",
    meaning: "A sheet has columns the reader did not take (a description, a RAG the dashboard works out, an unknown header); they are listed once per sheet.",
  },
  "unknown-period": { severity: "warning", meaning: "A long table's period cell is not a period that is recognised; the row is skipped." },
  "repeated-period": { severity: "warning", meaning: "A long table gives one indicator the same period twice; the later row is used." },
  "mixed-frequencies": { severity: "warning", meaning: "An indicator has results under periods of more than one frequency; only one frequency's are used." },
  "several-months-in-period": {
    severity: "warning",
    meaning: "A quarterly or annual indicator has more than one monthly result in one quarter or year; the latest month's is used.",
  },
  "frequency-mismatch": { severity: "warning", meaning: "An indicator's stated frequency differs from its periods'; the periods' frequency is used." },
  "error-value": { severity: "warning", meaning: "A figure's cell holds an Excel error such as #N/A or #DIV/0!; it is read as no data." },
  "text-not-a-number": { severity: "warning", meaning: "A figure's cell holds text that is not a number; it is read as no data." },
  "not-a-figure": { severity: "warning", meaning: "A figure's cell holds TRUE or FALSE, or a number that is not finite; it is read as no data." },
  "date-in-figure": { severity: "warning", meaning: "A figure's cell holds a date (a number shown as a date); it is read as no data." },
  // Rating the indicators.
  "period-not-a-month": {
    severity: "warning",
    meaning: "The reporting period asked for is not a month written as YYYY-MM; the latest month with a result is used.",
  },
  "no-period-chosen": {
    severity: "info",
    meaning: "No reporting period was chosen, so results up to the latest month with a result are used; the message says which frequency's results decided it.",
  },
  "workbook-has-no-results": { severity: "warning", meaning: "No indicator has any result, so the dashboard is dated the month it was produced." },
  "no-result": { severity: "warning", meaning: "An indicator has no result up to the end of the reporting period; it is shown as no data." },
  "stale-result": { severity: "warning", meaning: "An indicator's latest result is more than a year old at the reporting period; it is marked as no data." },
  "no-target": { severity: "warning", meaning: "A KPI has a result but no target, so it gets no alert." },
  "relative-band-zero-target": {
    severity: "warning",
    meaning: "A band that is a percentage of the target meets a target of 0, so it is no band at all; the absolute zeroTargetBand is used when it is set.",
  },
  "ytd-incomplete": {
    severity: "warning",
    meaning: "Some periods of the year so far have no result, so the year to date covers fewer periods than the year has run.",
  },
  "floor-beyond-target": {
    severity: "warning",
    meaning: "A KPI's floor standard is on the better side of its target for its polarity; the two figures should be checked.",
  },
  "rolling-not-monthly": {
    severity: "warning",
    meaning: "An indicator marked rolling 12 months has a period that is not a single month; its figures are shown as they are.",
  },
  "rolling-too-few-months": {
    severity: "warning",
    meaning: "An indicator marked rolling 12 months has fewer than 12 months of results, so it has no rolling figure yet.",
  },
  // Comparing with the last report.
  "history-unreadable": {
    severity: "warning",
    meaning: "The report history cannot be read (damaged, hand-edited or from a newer version); it is kept as it is, not compared and not recorded over.",
  },
  "history-of-another-dashboard": {
    severity: "warning",
    meaning:
      "The report history was recorded for another dashboard (another title or directorate), so it is not compared; recording starts this workbook's own.",
  },
  "history-settings-changed": {
    severity: "info",
    meaning: "The settings changed since the last report, so changes of alert (or, when the reading changed, figures) are not all down to the data.",
  },
} as const satisfies Readonly<Record<string, { readonly severity: Severity; readonly meaning: string }>>;

/** The stable code of a kind of diagnostic: one of the keys of `diagnosticCodes`. */
export type DiagnosticCode = keyof typeof diagnosticCodes;

/**
 * Something a person should know about what was read or computed. The core never throws on
 * bad data: it returns these beside whatever it could read.
 */
export interface Diagnostic {
  /** What kind of diagnostic this is, stable across releases (see `diagnosticCodes`); the message may be reworded, the code is not. */
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  /** Worksheet name, or null when the diagnostic is about the workbook as a whole. */
  readonly sheet: string | null;
  /** A1 address of the cell concerned, or null when it is about a whole sheet. */
  readonly cell: string | null;
  /** A sentence a performance analyst understands, naming what was found and what was done with it. */
  readonly message: string;
}

/** Builds a diagnostic of a kind; its severity is the one `diagnosticCodes` gives that kind. */
export function diagnostic(code: DiagnosticCode, sheet: string | null, cell: string | null, message: string): Diagnostic {
  return { code, severity: diagnosticCodes[code].severity, sheet, cell, message };
}
