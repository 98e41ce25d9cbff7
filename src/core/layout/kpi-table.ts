import type { IndicatorResult } from "../dashboard";
import { alertColumnFormat } from "./alert-rules";
import { commentaryColumn, kpiAlertColumns, kpiHeadings } from "./columns";
import type { TableGroup } from "./grouping";
import { indicatorFormat } from "./number-formats";
import { numberCell, rangeAddress, textCell, type PlanCell, type SheetBuilder } from "./sheet-builder";
import { alertStyle, wrapStyle } from "./styles";
import { addIndicatorRows } from "./tables";
import { alertWord, dotWords } from "./words";

/** The cells of one KPI row, in the order of `kpiHeadings`. */
export function kpiRowCells(indicator: IndicatorResult): PlanCell[] {
  const format = indicatorFormat(indicator);
  return [
    textCell(indicator.ref),
    textCell(indicator.name),
    textCell(indicator.period?.label),
    numberCell(indicator.actual, format),
    numberCell(indicator.target, format),
    numberCell(indicator.floor, format),
    textCell(alertWord(indicator.rag)),
    textCell(dotWords(indicator.dot)),
    numberCell(indicator.previous?.actual, format),
    textCell(alertWord(indicator.previous?.rag)),
    numberCell(indicator.ytd?.actual, format),
    numberCell(indicator.ytd?.target, format),
    textCell(alertWord(indicator.ytd?.rag)),
    textCell(indicator.commentary),
  ];
}

/** Adds a KPI table, its alerts written as words and coloured by conditional formats. */
export function addKpiTable(builder: SheetBuilder, group: TableGroup, cutoff: string): void {
  const { heading, first, last } = addIndicatorRows(builder, group, cutoff, kpiHeadings, kpiRowCells);
  builder.style(rangeAddress(first, commentaryColumn, last, commentaryColumn), wrapStyle);
  for (const column of kpiAlertColumns) {
    builder.style(rangeAddress(first, column, last, column), alertStyle);
    builder.conditionalFormats.push(alertColumnFormat(column, first, last));
  }
  builder.keepTogether(heading - 1, Math.min(last, first + 2));
}
