import { maxOf } from "../append";
import type { IndicatorResult } from "../dashboard";
import type { ChartPlan } from "../sheet-plan";
import { columnWidths, sheetColumns } from "./columns";
import type { TableGroup } from "./grouping";
import { noteItem } from "./note-rows";
import { indicatorFormat } from "./number-formats";
import { palette } from "./palette";
import { addPagedSection } from "./paged-section";
import { numberCell, rangeAddress, textCell, type SheetBuilder } from "./sheet-builder";
import { defaultRowHeight } from "./text-fit";

/**
 * The "Trend charts" block: one small line chart per KPI with at least two results, three to a
 * row across the printed width. Charts float over rows reserved for them, so the page-break
 * estimate sees their height. Their data (periods, results, targets) is a table right of the
 * printed columns, beside the block, where it is not printed but a person can find it.
 */

/** Charts side by side across the printed width. */
export const chartsPerRow = 3;

/** Rows a chart covers (15pt each, so a chart is 150pt tall). */
export const chartRows = 10;

/** Rows a row of charts takes: the charts and one empty row under them. */
export const bandRows = chartRows + 1;

/** Rows of data one chart reads: its periods, results and targets. */
export const rowsPerChart = 3;

/** Most periods a chart shows (the dashboard's trend holds up to 13). */
export const maxTrendPoints = 13;

/** 0-based column of the data block's chart names (P): one empty column (O) after the printed ones. */
export const dataFirstColumn = sheetColumns + 1;

/** 0-based column of the first period in the data block (R). */
export const dataPointColumn = dataFirstColumn + 2;

/** Widths of the columns right of the printed ones: the gap, chart names, series names, then one per period. */
export const dataColumnWidths: readonly number[] = [3, 34, 8, ...Array.from({ length: maxTrendPoints }, () => 10)];

/** Heading of the data block, so a person who scrolls right knows what the cells are for. */
export const dataHeading = "Chart data (used by the trend charts)";

const titleLength = 48;

/** A KPI is charted when its trend has at least two results. */
export function hasTrend(indicator: Pick<IndicatorResult, "trend">): boolean {
  return indicator.trend.filter((p) => p.actual !== null).length >= 2;
}

/** The chart's title: the reference and the name, cut at a word to fit a small chart. */
export function chartTitle(indicator: Pick<IndicatorResult, "ref" | "name">): string {
  const full = [indicator.ref?.trim(), indicator.name.trim()].filter((s) => s).join(" ");
  if (full.length <= titleLength) return full;
  const cut = full.slice(0, titleLength - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > titleLength / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/, "")}…`;
}

/**
 * Splits the printed columns into `count` runs of nearly equal width, one per chart in a row
 * (the columns differ in width, so equal numbers of columns would give unequal charts).
 */
export function chartColumnGroups(widths: readonly number[], count: number): [number, number][] {
  const total = widths.reduce((s, w) => s + w, 0);
  const groups: [number, number][] = [];
  let from = 0;
  let before = 0;
  for (let k = 1; k < count; k++) {
    const target = (total * k) / count;
    let end = from;
    let sum = before + (widths[from] ?? 0);
    // Leave at least one column for each chart still to place.
    while (end + 1 < widths.length - (count - k) && Math.abs(sum + (widths[end + 1] ?? 0) - target) <= Math.abs(sum - target)) {
      end++;
      sum += widths[end] ?? 0;
    }
    groups.push([from, end]);
    from = end + 1;
    before = sum;
  }
  groups.push([from, widths.length - 1]);
  return groups;
}

/** The category axis's title for a frequency: what its labels are. */
export function periodAxisTitle(frequency: IndicatorResult["frequency"]): string {
  switch (frequency) {
    case "month":
      return "Month";
    case "quarter":
      return "Quarter";
    case "year":
      return "Year";
    case "multiYear":
      return "Years";
    case "rolling12":
      return "12 months ending";
  }
}

/** The value axis's title for a unit. */
export function valueAxisTitle(unit: IndicatorResult["unit"]): string {
  switch (unit) {
    case "percentage":
      return "Per cent";
    case "money":
      return "£";
    case "count":
      return "Number";
    case "number":
      return "Value";
  }
}

/**
 * Adds the trend charts block for the KPIs of `groups` (in table order) and returns the charts.
 * Adds nothing when no KPI has two results. A row of charts is never split across pages; the
 * block continues under "Trend charts (continued)" where a page is full.
 */
export function addTrendsBlock(builder: SheetBuilder, groups: readonly TableGroup[]): ChartPlan[] {
  const charted = groups.filter((g) => g.kind === "kpi").flatMap((g) => g.indicators.filter(hasTrend));
  if (charted.length === 0) return [];

  const bandStarts: number[] = [];
  const bands = Math.ceil(charted.length / chartsPerRow);
  const note = `Up to the last ${maxTrendPoints} results of each key performance indicator with at least two, oldest on the left: the solid line with markers is the result, the dashed line the target.`;
  const parts = addPagedSection(builder, {
    title: "Trend charts",
    items: [
      noteItem(builder, note, ""),
      ...Array.from({ length: bands }, () => ({
        heights: Array.from({ length: bandRows }, () => defaultRowHeight),
        add: () => {
          bandStarts.push(builder.nextRow);
          for (let r = 0; r < bandRows; r++) builder.addBlankRow(defaultRowHeight);
        },
      })),
    ],
  });
  const heading = parts[0]?.heading ?? builder.nextRow - 1;

  // The data: a table beside the block, from its heading down, three rows a chart.
  const points = maxOf(charted.map((i) => Math.min(maxTrendPoints, i.trend.length)));
  const lastDataColumn = dataPointColumn + points - 1;
  const header = heading + 1;
  const headings = ["Chart", "Series", ...Array.from({ length: points }, (_, k) => `Point ${k + 1}`)];
  builder.setBeside(heading, dataFirstColumn, textCell(dataHeading));
  builder.style(rangeAddress(heading, dataFirstColumn, heading, dataFirstColumn), { bold: true, size: 11, fontColor: palette.sectionText, vAlign: "bottom" });
  headings.forEach((h, i) => builder.setBeside(header, dataFirstColumn + i, textCell(h)));
  builder.style(rangeAddress(header, dataFirstColumn, header, lastDataColumn), {
    bold: true,
    vAlign: "top",
    borderBottom: "thin",
    borderColor: palette.border,
  });

  const columns = chartColumnGroups(columnWidths, chartsPerRow);
  const charts: ChartPlan[] = charted.map((indicator, i) => {
    const bandStart = bandStarts[Math.floor(i / chartsPerRow)] ?? heading;
    const [fromCol, toCol] = columns[i % chartsPerRow] ?? [0, sheetColumns - 1];
    const trend = indicator.trend.slice(-maxTrendPoints);
    const first = header + 1 + i * rowsPerChart;
    const format = indicatorFormat(indicator);
    const title = chartTitle(indicator);
    const series = ["Period", "Result", "Target"];
    series.forEach((name, k) => {
      // The chart's title on each of its rows, so no cell of the table is blank for layout.
      builder.setBeside(first + k, dataFirstColumn, textCell(title));
      builder.setBeside(first + k, dataFirstColumn + 1, textCell(name));
    });
    trend.forEach((p, k) => {
      builder.setBeside(first, dataPointColumn + k, textCell(p.label));
      builder.setBeside(first + 1, dataPointColumn + k, numberCell(p.actual, format));
      builder.setBeside(first + 2, dataPointColumn + k, numberCell(p.target, format));
    });
    const last = dataPointColumn + trend.length - 1;
    const fullTitle = [indicator.ref?.trim(), indicator.name.trim()].filter((t) => t).join(" ");
    return {
      name: `Trend ${i + 1}`,
      title,
      altText: { title: fullTitle, description: indicator.trendDescription ?? fullTitle },
      axisTitles: { category: periodAxisTitle(indicator.frequency), value: valueAxisTitle(indicator.unit) },
      seriesNames: { actual: "Result", target: "Target" },
      numberFormat: format,
      anchor: rangeAddress(bandStart, fromCol, bandStart + chartRows - 1, toCol),
      categories: rangeAddress(first, dataPointColumn, first, last),
      actual: rangeAddress(first + 1, dataPointColumn, first + 1, last),
      target: trend.some((p) => p.target !== null) ? rangeAddress(first + 2, dataPointColumn, first + 2, last) : null,
    };
  });
  const lastRow = header + rowsPerChart * charted.length;
  builder.style(rangeAddress(header + 1, dataFirstColumn, lastRow, lastDataColumn), { fontColor: palette.subtleText, vAlign: "bottom" });
  builder.style(rangeAddress(header + 1, dataPointColumn, lastRow, lastDataColumn), { hAlign: "right" });
  builder.addTable(rangeAddress(header, dataFirstColumn, lastRow, lastDataColumn), headings, "Chart data");
  return charts;
}
