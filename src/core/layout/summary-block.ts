import type { Dashboard, RagCounts } from "../dashboard";
import { spanWidth } from "./columns";
import { alertColours } from "./palette";
import { countFormat } from "./number-formats";
import { addSectionHeading } from "./section-heading";
import { numberCell, rangeAddress, textCell, type PlanCell, type SheetBuilder } from "./sheet-builder";
import { bodyStyle, headerStyle, numberStyle, totalStyle, wrapStyle } from "./styles";
import { headerRowHeight } from "./tables";
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
 * Columns of the summary table after the service-area name (which spans A:B). EXCEEDED (before
 * GREEN) and Monitor (before Activity) are there only when the dashboard can have them, so a
 * dashboard without them keeps its usual columns.
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

function countsRow(label: string, counts: RagCounts, countColumns: readonly CountColumn[]): PlanCell[] {
  return [textCell(label), textCell(null), ...countColumns.map((c) => numberCell(c.count(counts), countFormat))];
}

/**
 * Adds the summary: how many indicators are GREEN, AMBER, RED, without data or target, and
 * activity (and EXCEEDED and monitor only, when there are any), for each service area and in total. The alert headings carry the alert colours so
 * the table doubles as a key.
 */
export function addSummaryBlock(builder: SheetBuilder, dashboard: Dashboard): void {
  const heading = addSectionHeading(builder, "Summary");
  const countColumns = countColumnsFor(dashboard);
  const lastCol = 1 + countColumns.length;
  const header = builder.addRow([textCell("Service area"), textCell(null), ...countColumns.map((c) => textCell(c.heading))], headerRowHeight);
  builder.merge(rangeAddress(header, 0, header, 1));
  builder.style(rangeAddress(header, 0, header, lastCol), headerStyle);
  builder.style(rangeAddress(header, 0, header, 1), { hAlign: "left" });
  countColumns.forEach((c, i) => {
    if (c.colour === undefined) return;
    const colours = alertColours[c.colour];
    builder.style(rangeAddress(header, 2 + i, header, 2 + i), { fill: colours.fill, fontColor: colours.text });
  });

  const first = builder.nextRow;
  for (const area of dashboard.summary.byServiceArea) {
    const lines = wrappedLines(area.serviceArea, spanWidth(0, 1));
    const row = builder.addRow(countsRow(area.serviceArea, area.counts, countColumns), lines > 1 ? heightForLines(lines) : undefined);
    builder.merge(rangeAddress(row, 0, row, 1));
  }
  const total = builder.addRow(countsRow("Total", dashboard.summary.total, countColumns));
  builder.merge(rangeAddress(total, 0, total, 1));
  builder.style(rangeAddress(first, 0, total, lastCol), bodyStyle);
  builder.style(rangeAddress(first, 0, total, 1), wrapStyle);
  builder.style(rangeAddress(first, 2, total, lastCol), numberStyle);
  builder.style(rangeAddress(total, 0, total, lastCol), totalStyle);
  builder.keepTogether(heading - 1, total);
}
