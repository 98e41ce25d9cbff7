import type { IndicatorResult } from "../dashboard";
import { activityHeadings } from "./columns";
import type { TableGroup } from "./grouping";
import { isLate } from "./late-data";
import { indicatorFormat, variancePercentFormat, varianceFormat } from "./number-formats";
import { addSectionHeading } from "./section-heading";
import { numberCell, rangeAddress, textCell, type PlanCell, type SheetBuilder } from "./sheet-builder";
import { headerRowHeight } from "./summary-block";
import { styleTable, wrappedRowHeight } from "./kpi-table";
import { leftStyle } from "./styles";
import { positionWords } from "./words";

/** The cells of one activity row, in the order of `activityHeadings`. */
export function activityRowCells(indicator: IndicatorResult): PlanCell[] {
  const format = indicatorFormat(indicator);
  return [
    textCell(indicator.ref),
    textCell(indicator.name),
    textCell(indicator.period?.label),
    numberCell(indicator.actual, format),
    numberCell(indicator.expected, format),
    numberCell(indicator.lower, format),
    numberCell(indicator.upper, format),
    textCell(positionWords(indicator.position)),
    numberCell(indicator.variance?.absolute, varianceFormat(indicator)),
    numberCell(indicator.variance?.percent, variancePercentFormat),
    numberCell(indicator.ytd?.actual, format),
    numberCell(indicator.ytd?.expected, format),
  ];
}

/**
 * Adds an activity table: result against the forecast of expected activity and its thresholds,
 * where the result sits, and the variance. Activity gets no alert, so no colours.
 */
export function addActivityTable(builder: SheetBuilder, group: TableGroup, cutoff: string): void {
  const heading = addSectionHeading(builder, group.title);
  const lastCol = activityHeadings.length - 1;
  const header = builder.addRow(activityHeadings.map((h) => textCell(h)), headerRowHeight);
  const first = builder.nextRow;
  for (const indicator of group.indicators) {
    const cells = activityRowCells(indicator);
    const row = builder.addRow(cells, wrappedRowHeight(cells));
    if (isLate(indicator, cutoff)) builder.style(rangeAddress(row, 2, row, 2), { italic: true });
  }
  const last = builder.nextRow - 1;
  styleTable(builder, header, first, last, lastCol);
  builder.style(rangeAddress(first, 7, last, 7), leftStyle);
  builder.keepTogether(heading - 1, Math.min(last, first + 2));
}
