/** The pane's host inside Excel: the PaneHost interface implemented with the Office.js adapter. */
import {
  buildDashboardInExcel,
  checkSupport,
  clearReportHistory,
  markAsReported,
  inspectWorkbook,
  removeSourceFormatting,
  saveSettingsToWorkbook,
  selectCell,
} from "../excel/build";
import { describeError } from "../excel/errors";
import type { PaneHost } from "./pane-host";

/** Today's date in the analyst's time zone, YYYY-MM-DD. */
export function localDate(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Downloads work where the pane runs in a browser: Excel on the web. Desktop Excel runs the pane
 * in an embedded web view that does not save downloads (Office's platform is then PC or Mac).
 */
export function canDownload(): boolean {
  try {
    return String(Office.context.platform) === "OfficeOnline";
  } catch {
    return false;
  }
}

/** The Excel-backed host. */
export function excelHost(): PaneHost {
  return {
    checkSupport,
    inspectWorkbook,
    async buildDashboard(settings, onProgress) {
      const { dashboard, sheetName, warnings, rows, recorded } = await buildDashboardInExcel(settings, { produced: localDate(), onProgress });
      return { dashboard, sheetName, warnings, rows, recorded };
    },
    markAsReported: async (dashboard, settings) => markAsReported(dashboard, settings),
    clearReportHistory,
    selectCell: async (sheet, cell) => selectCell(sheet, cell ?? "A1"),
    removeSourceFormatting: async () => {
      await removeSourceFormatting();
    },
    saveSettings: saveSettingsToWorkbook,
    describeError,
    today: () => localDate(),
    canDownload,
  };
}
