import { Writable } from "node:stream";
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

/** What exceljs takes, as `addWorksheet` options, for the sheet's properties, view, print setup and header and footer. */
function sheetOptions(plan: SheetPlan): Partial<ExcelJS.AddWorksheetOptions> {
  const p = plan.print;
  return {
    properties: { tabColor: { argb: argb(plan.tabColor) }, defaultRowHeight: 15 },
    views: [
      plan.freeze && (plan.freeze.rows > 0 || plan.freeze.columns > 0)
        ? { state: "frozen", xSplit: plan.freeze.columns, ySplit: plan.freeze.rows, showGridLines: plan.showGridlines }
        : { state: "normal", showGridLines: plan.showGridlines },
    ],
    pageSetup: {
      paperSize: 9,
      orientation: p.orientation,
      fitToPage: true,
      fitToWidth: p.fitToWidth,
      fitToHeight: p.fitToHeight,
      margins: { ...p.margins },
      printArea: printAreaForExcelJs(p.printArea),
      horizontalCentered: p.centerHorizontally,
      ...(p.printTitleRows ? { printTitlesRow: p.printTitleRows.replace(/\$/g, "") } : {}),
    },
    headerFooter: { differentFirst: false, differentOddEven: false, oddHeader: headerFooterText(p.header), oddFooter: headerFooterText(p.footer) },
  };
}

/** The part of a worksheet the rows are written through: exceljs's Worksheet, or its streaming WorksheetWriter. */
interface RowSink {
  getRow(row: number): ExcelJS.Row;
}

/**
 * Writes the plan's cells row by row (values, styles, number formats, heights, page breaks),
 * calling `done` with each finished row: the streaming writer commits it, so only one row is in
 * memory at a time.
 */
function writeRows(ws: RowSink, plan: SheetPlan, done: (row: ExcelJS.Row) => void): void {
  // Cells with the same style share one style object: exceljs then registers each distinct
  // style once when writing (it remembers style objects it has seen) instead of once per cell.
  // The object also depends on whether the cell holds a number, because exceljs gives
  // unformatted numbers an explicit General format and other cells none.
  const { ids, styles } = resolvedStyles(plan);
  const shared = new Map<string, Partial<ExcelJS.Style>>();
  const heights = new Map<number, number>();
  for (const { row, height } of plan.rowHeights) heights.set(row, height);
  // exceljs breaks after the row it is called on; the plan lists the row each page starts with.
  const breakAfter = new Set<number>();
  for (const row of plan.print.rowBreaks) if (row > 1) breakAfter.add(row - 1);
  // A merged area shows its first cell's style throughout, as exceljs's mergeCells gives it.
  const masterOf = new Map<number, number>();
  for (const range of plan.merges) {
    const b = rangeBounds(range);
    if (!b) continue;
    for (let r = b.top; r <= b.bottom; r++)
      for (let c = b.left; c <= b.right; c++) if (r !== b.top || c !== b.left) masterOf.set(r * plan.cols + c, b.top * plan.cols + b.left);
  }
  for (let r = 0; r < plan.rows; r++) {
    const row = ws.getRow(r + 1);
    const height = heights.get(r + 1);
    if (height !== undefined) row.height = height;
    const values = plan.values[r];
    for (let c = 0; c < plan.cols; c++) {
      const cell = row.getCell(c + 1);
      const value = values?.[c] ?? null;
      // A plain JS string is stored as a (shared) string, never as a formula.
      if (value !== null) cell.value = value;
      const at = masterOf.get(r * plan.cols + c) ?? r * plan.cols + c;
      const styleRow = Math.floor(at / plan.cols);
      const styleCol = at % plan.cols;
      const styleValue = at === r * plan.cols + c ? value : (plan.values[styleRow]?.[styleCol] ?? null);
      const format = plan.numberFormats[styleRow]?.[styleCol] ?? "General";
      const id = ids[at] ?? 0;
      const key = `${id}|${typeof styleValue === "number" ? "n" : ""}|${format}`;
      let style = shared.get(key);
      if (!style) shared.set(key, (style = excelStyle(styles[id] ?? {}, format, plan.font)));
      cell.style = style;
    }
    if (breakAfter.has(r + 1)) row.addPageBreak();
    done(row);
  }
}

/** The plan's conditional formats as exceljs takes them, priorities in plan order. */
function conditionalFormattings(plan: SheetPlan): ExcelJS.ConditionalFormattingOptions[] {
  let priority = 1;
  return plan.conditionalFormats.map((cf) => ({
    ref: cf.range,
    rules: cf.rules.map((rule) => ({
      type: "expression" as const,
      priority: priority++,
      formulae: [rule.formula],
      stopIfTrue: true,
      style: {
        fill: { type: "pattern" as const, pattern: "solid" as const, bgColor: { argb: argb(rule.fill) } },
        font: { color: { argb: argb(rule.fontColor) }, ...(rule.bold ? { bold: true } : {}) },
      },
    })),
  }));
}

/** Throws exceljs's own error when two of the plan's merges overlap, checked once per cell rather than merge against merge. */
function checkMerges(ranges: readonly string[]): void {
  const covered = new Set<number>();
  for (const range of ranges) {
    const b = rangeBounds(range);
    if (!b) continue;
    for (let r = b.top; r <= b.bottom; r++) {
      for (let c = b.left; c <= b.right; c++) {
        const cell = r * maxColumns + c;
        if (covered.has(cell)) throw new Error("Cannot merge already merged cells");
        covered.add(cell);
      }
    }
  }
}

/**
 * Adds the plan's sheet to the workbook (values, number formats, styles, merges, widths,
 * heights, conditional formats, frozen rows, print setup and page breaks) and returns it.
 * Charts are not written: exceljs cannot create them.
 */
export function writeSheetPlan(workbook: ExcelJS.Workbook, plan: SheetPlan): ExcelJS.Worksheet {
  const options = sheetOptions(plan);
  const ws = workbook.addWorksheet(plan.name, { properties: options.properties ?? {}, views: options.views ?? [] });
  plan.columnWidths.forEach((width, c) => {
    ws.getColumn(c + 1).width = width;
  });
  writeRows(ws, plan, () => undefined);
  mergeRanges(ws, plan.merges);
  for (const cf of conditionalFormattings(plan)) ws.addConditionalFormatting(cf);
  ws.pageSetup = { ...ws.pageSetup, ...options.pageSetup };
  ws.headerFooter = { ...ws.headerFooter, ...options.headerFooter };
  return ws;
}

/** The streaming worksheet's internals used to write what it otherwise leaves out. */
interface StreamedSheetInternals {
  _write(text: string): void;
  _writePageMargins(): void;
}

/**
 * The streaming writer writes no <printOptions> (where "centre horizontally" lives), so it is
 * written just before the page margins, its place in the sheet's XML; the in-memory writer
 * writes it from pageSetup.horizontalCentered.
 */
function centreWhenPrinted(ws: ExcelJS.Worksheet, centre: boolean): void {
  if (!centre) return;
  const internals = ws as unknown as Partial<StreamedSheetInternals>;
  const margins = internals._writePageMargins;
  const write = internals._write;
  if (typeof margins !== "function" || typeof write !== "function") return;
  internals._writePageMargins = function (this: StreamedSheetInternals): void {
    write.call(this, '<printOptions horizontalCentered="1"/>');
    margins.call(this);
  };
}

/**
 * Writes a workbook holding the plan's sheet with exceljs's streaming writer: each row goes into
 * the package's zip as soon as it is made, so memory follows one row and the compressed package,
 * not exceljs's model of every cell (a 100,000-indicator dashboard took some 2 GB through the
 * in-memory workbook). Gives the same sheet as `writeSheetPlan` (a test compares them cell by
 * cell). Returns the package's bytes.
 */
export async function writeSheetPlanStreamed(plan: SheetPlan, meta: { readonly created: Date }): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done): void {
      chunks.push(chunk);
      done();
    },
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  workbook.created = meta.created;
  workbook.modified = meta.created;
  const ws = workbook.addWorksheet(plan.name, sheetOptions(plan));
  plan.columnWidths.forEach((width, c) => {
    ws.getColumn(c + 1).width = width;
  });
  // Merges are listed before the rows go: the streaming writer writes them at the end, and its
  // own mergeCells would compare each merge with every one before it.
  checkMerges(plan.merges);
  const merges = (ws as unknown as { _merges?: unknown })._merges;
  if (Array.isArray(merges)) for (const range of plan.merges) merges.push(range);
  else for (const range of plan.merges) ws.mergeCells(range);
  for (const cf of conditionalFormattings(plan)) ws.addConditionalFormatting(cf);
  centreWhenPrinted(ws, plan.print.centerHorizontally);
  writeRows(ws, plan, (row) => row.commit());
  ws.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/**
 * The dashboard as a complete .xlsx: the sheet written by exceljs, then its charts, tables and
 * document properties added to the package. Returns the file's bytes. The sheet is streamed
 * (`writeSheetPlanStreamed`) unless `inMemory` asks for exceljs's in-memory workbook, which the
 * tests compare it with: the finished packages hold the same sheet, charts, tables and properties.
 */
export async function writeDashboardWorkbook(
  plan: SheetPlan,
  props: PackageProperties & { readonly created: Date },
  options: { readonly inMemory?: boolean } = {},
): Promise<Buffer> {
  let bytes: Uint8Array;
  if (options.inMemory) {
    const workbook = new ExcelJS.Workbook();
    workbook.created = props.created;
    workbook.modified = props.created;
    writeSheetPlan(workbook, plan);
    bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  } else {
    bytes = await writeSheetPlanStreamed(plan, props);
  }
  return finishDashboardPackage(bytes, plan, props);
}
