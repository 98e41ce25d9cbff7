import type { Dashboard, RagCounts } from "../dashboard";
import { columnWidths } from "./columns";
import { alertColours } from "./palette";
import { countFormat } from "./number-formats";
import { addPagedSection } from "./paged-section";
import { numberCell, rangeAddress, textCell, type PlanCell, type SheetBuilder } from "./sheet-builder";
import { bodyStyle, headerStyle, numberStyle, totalStyle, wrapStyle } from "./styles";
import { headerRowHeight, tableRowsOf } from "./tables";
import { heightForLines, wrappedLines } from "./text-fit";

interface CountColumn {
  readonly heading: string;
  readonly count: (c: RagCounts) => number;
  /** The alert whose colours the heading carries, so the table doubles as a key. */
  readonly colour?: keyof typeof alertColours;
}

const exceededColumn: CountColumn = { heading: "EXCEEDED", count: (c) => c.EXCEEDED ?? 0, colour: "EXCEEDED" };
const monitorColumn: CountColumn = { heading: "Monitor", count: (c) => c.MONITOR ?? 0 };

/**
 * Columns of the summary table after the service-area name. EXCEEDED (before GREEN) and Monitor
 * (before Activity) are there only when the dashboard can have them, so a dashboard without them
 * keeps its usual columns.
 */
function countColumnsFor(dashboard: Dashboard): CountColumn[] {
  const total = dashboard.summary.total;
  const exceeded = (dashboard.rules?.exceeded ?? null) !== null || (total.EXCEEDED ?? 0) > 0;
  const monitor = (total.MONITOR ?? 0) > 0;
  return [
    ...(exceeded ? [exceededColumn] : []),
    { heading: "GREEN", count: (c) => c.GREEN, colour: "GREEN" },
    { heading: "AMBER", count: (c) => c.AMBER, colour: "AMBER" },
    { heading: "RED", count: (c) => c.RED, colour: "RED" },
    { heading: "No data", count: (c) => c.NO_DATA },
    { heading: "No target", count: (c) => c.NO_TARGET },
    ...(monitor ? [monitorColumn] : []),
    { heading: "Activity", count: (c) => c.activity },
    { heading: "Total", count: (c) => c.total },
  ];
}

/** The summary's columns start at B, the widest column (A, the references' column, is too narrow). */
const areaColumn = 1;

function countsRow(label: string, counts: RagCounts, countColumns: readonly CountColumn[]): PlanCell[] {
  return [textCell(null), textCell(label), ...countColumns.map((c) => numberCell(c.count(counts), countFormat))];
}

/**
 * Adds the summary: how many indicators are GREEN, AMBER, RED, without data or target, and
 * activity (and EXCEEDED and monitor only, when there are any), for each service area and in total. The alert headings carry the alert colours so
 * the table doubles as a key.
 */
export function addSummaryBlock(builder: SheetBuilder, dashboard: Dashboard): void {
  const countColumns = countColumnsFor(dashboard);
  const lastColumn = areaColumn + countColumns.length;
  const headings = ["Service area", ...countColumns.map((c) => c.heading)];
  const rows = [
    ...dashboard.summary.byServiceArea.map((area) => {
      const lines = wrappedLines(area.serviceArea, columnWidths[areaColumn] ?? 10);
      return { cells: countsRow(area.serviceArea, area.counts, countColumns), height: lines > 1 ? heightForLines(lines) : undefined, total: false };
    }),
    { cells: countsRow("Total", dashboard.summary.total, countColumns), height: undefined, total: true },
  ];
  const parts = addPagedSection(builder, {
    title: "Summary",
    repeat: { heights: [headerRowHeight], add: () => void builder.addRow([textCell(null), ...headings.map((h) => textCell(h))], headerRowHeight) },
    items: rows.map((row) => ({ heights: [row.height], add: () => void builder.addRow(row.cells, row.height) })),
  });
  // Each style on every part before the next, so a writer can send a style's parts as one call.
  const tables = tableRowsOf(parts);
  for (const t of tables) builder.style(rangeAddress(t.header, areaColumn, t.header, lastColumn), headerStyle);
  for (const t of tables) builder.style(rangeAddress(t.header, areaColumn, t.header, areaColumn), { hAlign: "left" });
  countColumns.forEach((c, i) => {
    if (c.colour === undefined) return;
    const colours = alertColours[c.colour];
    for (const t of tables)
      builder.style(rangeAddress(t.header, areaColumn + 1 + i, t.header, areaColumn + 1 + i), { fill: colours.fill, fontColor: colours.text });
  });
  for (const t of tables) builder.style(rangeAddress(t.first, areaColumn, t.last, lastColumn), bodyStyle);
  for (const t of tables) builder.style(rangeAddress(t.first, areaColumn, t.last, areaColumn), wrapStyle);
  for (const t of tables) builder.style(rangeAddress(t.first, areaColumn + 1, t.last, lastColumn), numberStyle);
  const total = tables[tables.length - 1];
  if (total) builder.style(rangeAddress(total.last, areaColumn, total.last, lastColumn), totalStyle);
  for (const t of tables) builder.addTable(rangeAddress(t.header, areaColumn, t.last, lastColumn), headings, "Summary");
}
