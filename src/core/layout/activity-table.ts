import type { IndicatorResult } from "../dashboard";
import { activityHeadings } from "./columns";
import type { TableGroup } from "./grouping";
import { indicatorFormat, variancePercentFormat, varianceFormat } from "./number-formats";
import { numberCell, textCell, type PlanCell, type SheetBuilder } from "./sheet-builder";
import { addIndicatorRows } from "./tables";
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
  addIndicatorRows(builder, group, cutoff, activityHeadings, activityRowCells);
}
