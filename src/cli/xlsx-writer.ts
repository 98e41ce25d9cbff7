import type ExcelJS from "exceljs";
import { parseAddress } from "../core/grid";
import type { BorderStyle, CellStyle, SheetPlan } from "../core/sheet-plan";

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

/** Every cell of an A1 range ("B3:D5" or "B3"), as 1-based row and column. */
export function cellsOfRange(range: string): { row: number; col: number }[] {
  const [from, to] = range.split(":");
  const a = parseAddress(from ?? "");
  const b = parseAddress(to ?? from ?? "");
  if (!a || !b) return [];
  const cells: { row: number; col: number }[] = [];
  for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) {
    for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) cells.push({ row: r + 1, col: c + 1 });
  }
  return cells;
}

/** The style of each cell after applying the plan's styles in order (later entries win per property). */
function resolvedStyles(plan: SheetPlan): Map<string, CellStyle> {
  const byCell = new Map<string, CellStyle>();
  for (const { range, style } of plan.styles) {
    for (const { row, col } of cellsOfRange(range)) {
      const key = `${row},${col}`;
      byCell.set(key, { ...byCell.get(key), ...style });
    }
  }
  return byCell;
}

function border(style: BorderStyle | undefined, colour: string): Partial<ExcelJS.Border> | undefined {
  return style ? { style, color: { argb: argb(colour) } } : undefined;
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle, font: SheetPlan["font"]): void {
  cell.font = {
    name: font.name,
    size: style.size ?? font.size,
    ...(style.bold !== undefined ? { bold: style.bold } : {}),
    ...(style.italic !== undefined ? { italic: style.italic } : {}),
    ...(style.fontColor ? { color: { argb: argb(style.fontColor) } } : {}),
  };
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.wrap !== undefined || style.hAlign || style.vAlign) {
    cell.alignment = {
      ...(style.wrap !== undefined ? { wrapText: style.wrap } : {}),
      ...(style.hAlign ? { horizontal: style.hAlign } : {}),
      ...(style.vAlign ? { vertical: style.vAlign === "center" ? "middle" : style.vAlign } : {}),
    };
  }
  const colour = style.borderColor ?? defaultBorderColour;
  const top = border(style.borderTop, colour);
  const bottom = border(style.borderBottom, colour);
  const left = border(style.borderLeft, colour);
  const right = border(style.borderRight, colour);
  if (top || bottom || left || right) {
    cell.border = { ...(top ? { top } : {}), ...(bottom ? { bottom } : {}), ...(left ? { left } : {}), ...(right ? { right } : {}) };
  }
}

/**
 * exceljs writes the print area as "$" + each corner ("$A1:$N80"), which leaves the rows
 * relative; LibreOffice then ignores it and prints every used column, chart data included.
 * Giving the rows their "$" here makes the stored name fully absolute ("$A$1:$N$80").
 */
export function printAreaForExcelJs(range: string): string {
  return range.replace(/\$/g, "").replace(/([A-Z]+)(\d+)/gi, "$1$$$2");
}

function headerFooterText(parts: { left: string; center: string; right: string }): string {
  return `${parts.left ? `&L${parts.left}` : ""}${parts.center ? `&C${parts.center}` : ""}${parts.right ? `&R${parts.right}` : ""}`;
}

/**
 * Adds the plan's sheet to the workbook (values, number formats, styles, merges, widths,
 * heights, conditional formats, frozen rows, print setup and page breaks) and returns it.
 * Charts are not written: exceljs cannot create them.
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

  const styles = resolvedStyles(plan);
  for (let r = 0; r < plan.rows; r++) {
    for (let c = 0; c < plan.cols; c++) {
      const cell = ws.getCell(r + 1, c + 1);
      const value = plan.values[r]?.[c] ?? null;
      // A plain JS string is stored as a (shared) string, never as a formula.
      if (value !== null) cell.value = value;
      const format = plan.numberFormats[r]?.[c] ?? "General";
      if (format !== "General") cell.numFmt = format;
      applyStyle(cell, styles.get(`${r + 1},${c + 1}`) ?? {}, plan.font);
    }
  }
  for (const range of plan.merges) ws.mergeCells(range);

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
