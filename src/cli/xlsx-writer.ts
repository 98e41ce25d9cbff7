import ExcelJS from "exceljs";
import { rangeBounds, withAbsoluteRows } from "../core/a1";
import type { BorderStyle, CellStyle, SheetPlan } from "../core/sheet-plan";
import { finishDashboardPackage, type PackageProperties } from "./xlsx-package";

/**
 * Writes a SheetPlan into an exceljs workbook: the command line's counterpart of the add-in's
 * Office.js writer. Strings are always written as plain strings, so cell text that starts with
 * "=" stays text and never becomes a formula.
 */

/** "#1F3864" → exceljs's "FF1F3864". */
export function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

const defaultBorderColour = "#595959";
/** Columns on an Excel sheet (A to XFD). */
const maxColumns = 16_384;

/** Every cell of an A1 range ("B3:D5" or "B3"), as 1-based row and column. */
export function cellsOfRange(range: string): { row: number; col: number }[] {
  const b = rangeBounds(range);
  if (!b) return [];
  const cells: { row: number; col: number }[] = [];
  for (let r = b.top; r <= b.bottom; r++) {
    for (let c = b.left; c <= b.right; c++) cells.push({ row: r + 1, col: c + 1 });
  }
  return cells;
}

/**
 * The style of each cell after applying the plan's styles in order (later entries win per
 * property), as an index into a list of distinct merged styles: a dashboard has a few dozen
 * distinct combinations over many thousand cells, so each combination is merged once.
 */
function resolvedStyles(plan: SheetPlan): { ids: Int32Array; styles: CellStyle[] } {
  const { rows, cols } = plan;
  // Combination 0 is "no style"; next[combination][styleIndex] is the combination after it.
  const styles: CellStyle[] = [{}];
  const next: Map<number, number>[] = [new Map()];
  const ids = new Int32Array(rows * cols);
  plan.styles.forEach(({ range, style }, index) => {
    const bounds = rangeBounds(range);
    if (!bounds) return;
    const bottom = Math.min(bounds.bottom, rows - 1);
    const right = Math.min(bounds.right, cols - 1);
    for (let r = bounds.top; r <= bottom; r++) {
      for (let c = bounds.left, at = r * cols + c; c <= right; c++, at++) {
        const from = ids[at] ?? 0;
        const transitions = next[from] ?? new Map<number, number>();
        let to = transitions.get(index);
        if (to === undefined) {
          to = styles.length;
          styles.push({ ...styles[from], ...style });
          next.push(new Map());
          transitions.set(index, to);
        }
        ids[at] = to;
      }
    }
  });
  return { ids, styles };
}

function border(style: BorderStyle | undefined, colour: string): Partial<ExcelJS.Border> | undefined {
  return style ? { style, color: { argb: argb(colour) } } : undefined;
}

/** The exceljs style of a cell with this merged style and number format. */
function excelStyle(style: CellStyle, format: string, font: SheetPlan["font"]): Partial<ExcelJS.Style> {
  const result: Partial<ExcelJS.Style> = {};
  if (format !== "General") result.numFmt = format;
  result.font = {
    name: font.name,
    size: style.size ?? font.size,
    ...(style.bold !== undefined ? { bold: style.bold } : {}),
    ...(style.italic !== undefined ? { italic: style.italic } : {}),
    ...(style.fontColor ? { color: { argb: argb(style.fontColor) } } : {}),
  };
  if (style.fill) result.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.wrap !== undefined || style.hAlign || style.vAlign) {
    result.alignment = {
      ...(style.wrap !== undefined ? { wrapText: style.wrap } : {}),
      ...(style.hAlign ? { horizontal: style.hAlign === "centerAcross" ? "centerContinuous" : style.hAlign } : {}),
      ...(style.vAlign ? { vertical: style.vAlign === "center" ? "middle" : style.vAlign } : {}),
    };
  }
  const colour = style.borderColor ?? defaultBorderColour;
  const top = border(style.borderTop, colour);
  const bottom = border(style.borderBottom, colour);
  const left = border(style.borderLeft, colour);
  const right = border(style.borderRight, colour);
  if (top || bottom || left || right) {
    result.border = { ...(top ? { top } : {}), ...(bottom ? { bottom } : {}), ...(left ? { left } : {}), ...(right ? { right } : {}) };
  }
  return result;
}

/**
 * Merges the plan's ranges. exceljs checks each new merge against every merge made before it,
 * which is quadratic in their number (a large dashboard has thousands): the same check is made
 * here once per cell, with exceljs's own error, and exceljs then merges each range against an
 * empty list. Falls back to plain mergeCells if exceljs's merge list is not where expected.
 */
function mergeRanges(ws: ExcelJS.Worksheet, ranges: readonly string[]): void {
  const internal = ws as unknown as { _merges?: unknown };
  const merges = internal._merges;
  const bounds = ranges.map(rangeBounds);
  if (!merges || typeof merges !== "object" || bounds.includes(null)) {
    for (const range of ranges) ws.mergeCells(range);
    return;
  }
  const covered = new Set<number>();
  ranges.forEach((range, i) => {
    const b = bounds[i];
    if (!b) return;
    for (let r = b.top; r <= b.bottom; r++) {
      for (let c = b.left; c <= b.right; c++) {
        const cell = r * maxColumns + c;
        if (covered.has(cell)) throw new Error("Cannot merge already merged cells");
        covered.add(cell);
      }
    }
    internal._merges = {};
    try {
      ws.mergeCells(range);
      Object.assign(merges, internal._merges);
    } finally {
      internal._merges = merges;
    }
  });
}

/**
 * exceljs writes the print area as "$" + each corner ("$A1:$N80"), which leaves the rows
 * relative; LibreOffice then ignores it and prints every used column, chart data included.
 * Giving the rows their "$" here makes the stored name fully absolute ("$A$1:$N$80").
 */
export function printAreaForExcelJs(range: string): string {
  return withAbsoluteRows(range);
}

function headerFooterText(parts: { left: string; center: string; right: string }): string {
  return `${parts.left ? `&L${parts.left}` : ""}${parts.center ? `&C${parts.center}` : ""}${parts.right ? `&R${parts.right}` : ""}`;
}

/**
 * Adds the plan's sheet to the workbook (values, number formats, styles, merges, widths,
 * heights, conditional formats, frozen rows, print setup and page breaks) and returns it.
 * Charts and tables are not written here: exceljs cannot create charts, so both are added to the
 * written package by `writeDashboardWorkbook` (xlsx-package.ts).
 */
export function writeSheetPlan(workbook: ExcelJS.Workbook, plan: SheetPlan): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(plan.name, {
    properties: { tabColor: { argb: argb(plan.tabColor) }, defaultRowHeight: 15 },
    views: [
      plan.freeze && (plan.freeze.rows > 0 || plan.freeze.columns > 0)
        ? { state: "frozen", xSplit: plan.freeze.columns, ySplit: plan.freeze.rows, showGridLines: plan.showGridlines }
        : { state: "normal", showGridLines: plan.showGridlines },
    ],
  });

  plan.columnWidths.forEach((width, c) => {
    ws.getColumn(c + 1).width = width;
  });
  for (const { row, height } of plan.rowHeights) ws.getRow(row).height = height;

  // Cells with the same style share one style object: exceljs then registers each distinct
  // style once when writing (it remembers style objects it has seen) instead of once per cell.
  // The object also depends on whether the cell holds a number, because exceljs gives
  // unformatted numbers an explicit General format and other cells none.
  const { ids, styles } = resolvedStyles(plan);
  const shared = new Map<string, Partial<ExcelJS.Style>>();
  for (let r = 0; r < plan.rows; r++) {
    const row = ws.getRow(r + 1);
    const values = plan.values[r];
    const formats = plan.numberFormats[r];
    for (let c = 0; c < plan.cols; c++) {
      const cell = row.getCell(c + 1);
      const value = values?.[c] ?? null;
      // A plain JS string is stored as a (shared) string, never as a formula.
      if (value !== null) cell.value = value;
      const format = formats?.[c] ?? "General";
      const id = ids[r * plan.cols + c] ?? 0;
      const key = `${id}|${typeof value === "number" ? "n" : ""}|${format}`;
      let style = shared.get(key);
      if (!style) shared.set(key, (style = excelStyle(styles[id] ?? {}, format, plan.font)));
      cell.style = style;
    }
  }
  mergeRanges(ws, plan.merges);

  let priority = 1;
  for (const cf of plan.conditionalFormats) {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: cf.rules.map((rule) => ({
        type: "expression",
        priority: priority++,
        formulae: [rule.formula],
        stopIfTrue: true,
        style: {
          fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(rule.fill) } },
          font: { color: { argb: argb(rule.fontColor) }, ...(rule.bold ? { bold: true } : {}) },
        },
      })),
    });
  }

  const p = plan.print;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: p.orientation,
    fitToPage: true,
    fitToWidth: p.fitToWidth,
    fitToHeight: p.fitToHeight,
    margins: { ...p.margins },
    printArea: printAreaForExcelJs(p.printArea),
    horizontalCentered: p.centerHorizontally,
    ...(p.printTitleRows ? { printTitlesRow: p.printTitleRows.replace(/\$/g, "") } : {}),
  };
  ws.headerFooter = {
    ...ws.headerFooter,
    oddHeader: headerFooterText(p.header),
    oddFooter: headerFooterText(p.footer),
  };
  // exceljs breaks after the row it is called on; the plan lists the row each page starts with.
  for (const row of p.rowBreaks) if (row > 1) ws.getRow(row - 1).addPageBreak();
  return ws;
}

/**
 * The dashboard as a complete .xlsx: the sheet written by exceljs, then its charts, tables and
 * document properties added to the package. Returns the file's bytes.
 */
export async function writeDashboardWorkbook(plan: SheetPlan, props: PackageProperties & { readonly created: Date }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = props.created;
  workbook.modified = props.created;
  writeSheetPlan(workbook, plan);
  const bytes = await workbook.xlsx.writeBuffer();
  return finishDashboardPackage(new Uint8Array(bytes as ArrayBuffer), plan, props);
}
