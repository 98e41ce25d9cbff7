import type { Dashboard } from "../dashboard";
import type { Settings } from "../settings";
import type { SheetPlan } from "../sheet-plan";
import { addActivityTable } from "./activity-table";
import { columnWidths, sheetColumns, sinceColumn, sinceColumnWidth } from "./columns";
import { addComparisonBlock } from "./comparison-block";
import { addDataNotesBlock } from "./data-notes";
import { addExceptionsBlock } from "./exceptions-block";
import { groupIndicators } from "./grouping";
import { addGuidanceBlock } from "./guidance-block";
import { addSinceReportBlock } from "./since-report-block";
import { addKpiTable } from "./kpi-table";
import { palette } from "./palette";
import { pageStarts } from "./page-flow";
import { pageHeightPoints, printSetup } from "./print-setup";
import { SheetBuilder } from "./sheet-builder";
import { sheetFont } from "./styles";
import { addSummaryBlock } from "./summary-block";
import { addTitleBlock, dashboardHeading } from "./title-block";

export { documentTitle } from "./title-block";
export { hasTrend, periodAxisTitle, valueAxisTitle } from "./trends-block";
export { exceptionWords } from "./exceptions-block";
export { alertWord, dateInWords, dotWords } from "./words";
import { addTrendsBlock, dataColumnWidths } from "./trends-block";

/**
 * Lays out the dashboard sheet as data: title, summary, the KPI and activity tables, the
 * comparison with other councils (when the sheets give averages, quartiles or ranks), the
 * exception list, data notes, trend charts (when the settings ask for them) and guidance, with
 * formats, colours and print setup. Both the add-in and the command line write this same plan,
 * so their sheets cannot differ.
 */
export function layoutDashboard(dashboard: Dashboard, settings: Settings): SheetPlan {
  // Compared with a report, KPI tables get a "Since last report" column and the sheet a column more.
  const since = dashboard.changes.since !== null;
  const builder = new SheetBuilder(since ? sinceColumn + 1 : sheetColumns);
  const titleRows = addTitleBlock(builder, dashboard, settings);
  // Pages hold what fits the printed width: the table columns, and the since column when there is one.
  builder.startPaging(titleRows, pageHeightPoints(since ? [...columnWidths, sinceColumnWidth] : columnWidths));
  addSummaryBlock(builder, dashboard);
  const groups = groupIndicators(dashboard.indicators, settings.grouping);
  for (const group of groups) {
    if (group.kind === "kpi") addKpiTable(builder, group, dashboard.cutoff, dashboard.rules, since);
    else addActivityTable(builder, group, dashboard.cutoff);
  }
  addComparisonBlock(builder, dashboard.indicators);
  addExceptionsBlock(builder, dashboard.exceptions);
  addSinceReportBlock(builder, dashboard.changes);
  addDataNotesBlock(builder, dashboard);
  const charts = settings.charts ? addTrendsBlock(builder, groups) : [];
  addGuidanceBlock(builder, dashboard.guidance);

  const rows = builder.rowCount;
  // A manual break before every page the estimate makes, not only where the rules moved one:
  // the pages then come out the same in Excel and LibreOffice, whose pages hold a little more.
  const rowBreaks = pageStarts(builder.pageFlow());
  return {
    name: settings.dashboardSheet,
    tabColor: palette.heading,
    rows,
    cols: builder.width,
    values: builder.values(),
    numberFormats: builder.numberFormats(),
    // The chart data right of the printed columns gets widths of its own; the print area leaves it out.
    // The "Since last report" column takes the place of the gap before the chart data.
    columnWidths: [...columnWidths, ...(since ? [sinceColumnWidth, ...dataColumnWidths.slice(1)] : dataColumnWidths)].slice(0, builder.width),
    rowHeights: builder.rowHeights(),
    styles: builder.styles,
    // Nothing is merged: titles are centred across the selection, notes run over empty cells.
    merges: [],
    tables: builder.tables,
    conditionalFormats: builder.conditionalFormats,
    freeze: { rows: titleRows, columns: 0 },
    showGridlines: false,
    font: { ...sheetFont },
    print: printSetup({ rows, cols: builder.cols, titleRows, heading: dashboardHeading(settings), rowBreaks, produced: dashboard.produced }),
    charts,
    indicatorRows: Object.fromEntries(builder.indicatorRows),
  };
}
