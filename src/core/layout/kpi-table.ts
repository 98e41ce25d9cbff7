import type { IndicatorResult } from "../dashboard";
import type { RuleSettings } from "../settings";
import { alertColumnFormat } from "./alert-rules";
import { commentaryColumn, kpiAlertColumns, kpiHeadings, sinceColumn, sinceHeading } from "./columns";
import type { TableGroup } from "./grouping";
import { indicatorFormat } from "./number-formats";
import { numberCell, rangeAddress, textCell, type PlanCell, type SheetBuilder } from "./sheet-builder";
import { alertStyle, wrapStyle } from "./styles";
import { addIndicatorRows } from "./tables";
import { alertWord, dotWords, tooEarlyWords } from "./words";

/** 0-based column of the direction of travel (H). */
const dotColumn = 7;

/** How a KPI table shows the direction of travel and its alerts, from the rules the dashboard used. */
export type KpiTableRules = Partial<Pick<RuleSettings, "dotMethod" | "dotBoth" | "exceeded">>;

/** The column headings of a KPI table: the DoT and previous-result headings say when the comparison is with the same period last year. */
export function kpiTableHeadings(rules: KpiTableRules = {}): string[] {
  if (rules.dotMethod !== "lastYear") return [...kpiHeadings];
  return kpiHeadings.map((h) =>
    h === "DoT" ? "DoT on last year" : h === "Previous result" ? "Last year result" : h === "Previous alert" ? "Last year alert" : h,
  );
}

/** The DoT cell: the arrow and word, and with `dotBoth` the other comparison on a second line ("► Same on Nov 2012"). */
function dotCell(indicator: IndicatorResult, rules: KpiTableRules): string {
  const main = dotWords(indicator.dot);
  if (!rules.dotBoth || rules.dotMethod === "trend") return main;
  const lastYear = rules.dotMethod === "lastYear";
  const other = lastYear ? indicator.dotPrevious : indicator.dotLastYear;
  const against = lastYear ? indicator.previous?.period.label : indicator.lastYear?.period.label;
  if (other == null || against === undefined) return main;
  return `${main}\n${dotWords(other)} on ${against}`;
}

/** The cells of one KPI row, in the order of `kpiHeadings` (then "Since last report" when `since`). */
export function kpiRowCells(indicator: IndicatorResult, rules: KpiTableRules = {}, since = false): PlanCell[] {
  const format = indicatorFormat(indicator);
  // With DoT on the same period last year, the figure beside it is last year's, so the arrow can be checked.
  const before = rules.dotMethod === "lastYear" ? indicator.lastYear : indicator.previous;
  const cells = [
    textCell(indicator.ref),
    textCell(indicator.name),
    textCell(indicator.period?.label),
    numberCell(indicator.actual, format),
    numberCell(indicator.target, format),
    numberCell(indicator.floor, format),
    textCell(alertWord(indicator.rag)),
    textCell(dotCell(indicator, rules)),
    numberCell(before?.actual, format),
    textCell(alertWord(before?.rag)),
    numberCell(indicator.ytd?.actual, format),
    numberCell(indicator.ytd?.target, format),
    textCell(indicator.ytd?.tooEarly === true ? tooEarlyWords : alertWord(indicator.ytd?.rag)),
    textCell(indicator.commentary),
  ];
  if (since) cells.push(textCell(indicator.sinceLastReport?.words ?? ""));
  return cells;
}

/**
 * Adds a KPI table, its alerts written as words and coloured by conditional formats; with `since`,
 * a last column says how each row stands against the last report, bold where a figure was revised.
 */
export function addKpiTable(builder: SheetBuilder, group: TableGroup, cutoff: string, rules: KpiTableRules = {}, since = false): void {
  const withExceeded =
    rules.exceeded != null || group.indicators.some((i) => i.rag === "EXCEEDED" || i.previous?.rag === "EXCEEDED" || i.ytd?.rag === "EXCEEDED");
  const headings = since ? [...kpiTableHeadings(rules), sinceHeading] : kpiTableHeadings(rules);
  const parts = addIndicatorRows(
    builder,
    group,
    cutoff,
    headings,
    (i) => kpiRowCells(i, rules, since),
    (tables) => {
      const body = tables.filter((t) => t.last >= t.first);
      for (const t of body) builder.style(rangeAddress(t.first, commentaryColumn, t.last, since ? sinceColumn : commentaryColumn), wrapStyle);
      if (rules.dotBoth) for (const t of body) builder.style(rangeAddress(t.first, dotColumn, t.last, dotColumn), wrapStyle);
      for (const column of kpiAlertColumns) for (const t of body) builder.style(rangeAddress(t.first, column, t.last, column), alertStyle);
    },
  );
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
    for (const column of kpiAlertColumns) builder.conditionalFormats.push(alertColumnFormat(column, first, last, withExceeded));
  }
}
