import type { IndicatorResult } from "../dashboard";
import { alertColumnFormat } from "./alert-rules";
import { commentaryColumn, kpiAlertColumns, kpiHeadings, sinceColumn, sinceHeading } from "./columns";
import type { TableGroup } from "./grouping";
import { indicatorFormat } from "./number-formats";
import { numberCell, rangeAddress, textCell, type PlanCell, type SheetBuilder } from "./sheet-builder";
import { alertStyle, wrapStyle } from "./styles";
import { addIndicatorRows } from "./tables";
import { alertWord, dotWords } from "./words";

/** The cells of one KPI row, in the order of `kpiHeadings` (then "Since last report" when `since`). */
export function kpiRowCells(indicator: IndicatorResult, since = false): PlanCell[] {
  const format = indicatorFormat(indicator);
  const cells = [
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
  if (since) cells.push(textCell(indicator.sinceLastReport?.words ?? ""));
  return cells;
}

/**
 * Adds a KPI table, its alerts written as words and coloured by conditional formats; with `since`,
 * a last column says how each row stands against the last report, bold where a figure was revised.
 */
export function addKpiTable(builder: SheetBuilder, group: TableGroup, cutoff: string, since = false): void {
  const headings = since ? [...kpiHeadings, sinceHeading] : kpiHeadings;
  const parts = addIndicatorRows(builder, group, cutoff, headings, (i) => kpiRowCells(i, since), (tables) => {
    const body = tables.filter((t) => t.last >= t.first);
    for (const t of body) builder.style(rangeAddress(t.first, commentaryColumn, t.last, since ? sinceColumn : commentaryColumn), wrapStyle);
    for (const column of kpiAlertColumns) for (const t of body) builder.style(rangeAddress(t.first, column, t.last, column), alertStyle);
  });
  if (since) {
    for (const indicator of group.indicators) {
      const row = builder.indicatorRows.get(indicator.id);
      if (indicator.sinceLastReport?.revised && row !== undefined) builder.style(rangeAddress(row, sinceColumn, row, sinceColumn), { bold: true });
    }
  }
  // One rule set per column over every part: the headings between parts ("Alert") never match an alert word.
  const first = parts[0]?.first;
  const last = parts[parts.length - 1]?.last;
  if (first !== undefined && last !== undefined && last >= first) {
    for (const column of kpiAlertColumns) builder.conditionalFormats.push(alertColumnFormat(column, first, last));
  }
}
