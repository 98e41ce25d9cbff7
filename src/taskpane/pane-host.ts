/**
 * What the pane needs from Excel, as one small interface. The pane's views are written against
 * it; src/taskpane/excel-host.ts implements it with the Office.js adapter in src/excel.
 */
import type { Dashboard } from "../core/dashboard";
import type { Grid } from "../core/grid";
import type { WorkbookReading } from "../core/reading";
import type { Settings } from "../core/settings";
import type { BuildStep } from "../excel/build-steps";

export { buildSteps, type BuildStep } from "../excel/build-steps";

/** What the pane knows about the open workbook when it opens. */
export interface Inspection {
  readonly settings: Settings;
  /** Why the saved settings were not used (the defaults are used, and the saved value is kept until the analyst replaces it), or null. */
  readonly settingsProblem: string | null;
  readonly sheetNames: readonly string[];
  readonly grids: readonly Grid[];
  readonly reading: WorkbookReading;
}

/** The Excel operations the pane calls. */
export interface PaneHost {
  /** Whether this Excel can run the add-in; when not, a sentence saying what is needed. */
  checkSupport(): { supported: boolean; message: string | null };
  /** Reads the workbook's sheets and saved settings. */
  inspectWorkbook(): Promise<Inspection>;
  /** Builds the dashboard sheet, reporting each step as it starts; gives the dashboard, the sheet it is on and what did not go as asked. */
  buildDashboard(
    settings: Settings,
    onProgress: (step: BuildStep) => void,
  ): Promise<{ dashboard: Dashboard; sheetName: string; warnings: readonly string[]; rows: Readonly<Record<string, number>>; recorded: string | null }>;
  /** Records a dashboard just built as reported, in the workbook's report history; gives what recording said. */
  markAsReported(dashboard: Dashboard, settings: Settings): Promise<string>;
  /** Deletes the workbook's report history; false when there was none. */
  clearReportHistory(): Promise<boolean>;
  /** Selects a cell (or the sheet's A1 when cell is null) and brings its sheet to the front. */
  selectCell(sheet: string, cell: string | null): Promise<void>;
  /** Removes the RAG conditional formatting the add-in added to the source sheets. */
  removeSourceFormatting(): Promise<void>;
  /** Saves the settings in the workbook, so next month is one click. */
  saveSettings(settings: Settings): Promise<void>;
  /** A sentence saying what went wrong, for any error thrown by the calls above. */
  describeError(error: unknown): string;
  /** Today's date, YYYY-MM-DD, as the dashboard's "produced" date. */
  today(): string;
  /** Whether the pane can hand the analyst a file to save: in Excel on the web (a browser) it can; desktop Excel's pane cannot save downloads. */
  canDownload(): boolean;
}
