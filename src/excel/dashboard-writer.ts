import { a1, columnLetters, rangeBounds } from "../core/a1";
import type { BorderStyle, CellStyle, ChartPlan, PlanValue, SheetPlan } from "../core/sheet-plan";
import { bulkSetCost, requestBaseBytes, requestCost } from "./request-size";

/**
 * Writes a SheetPlan into a worksheet with Office.js: whole 2-D arrays for number formats (first)
 * and values, one format call per style block, never one call per cell.
 *
 * Round trips: the writer only queues; the caller's next `sync()` sends everything. It syncs by
 * itself only when the queued request would pass `maxRequestBytes` (Excel on the web rejects
 * requests over 5 MB; 4 MB leaves room for what the caller queues beside it): before each call it
 * adds that call's size, estimated as the client will serialize it (request-size.ts), and sends
 * what is queued first when the call would not fit. A normal dashboard is far below it, so a
 * build's write stays one request until the sheet itself nears 4 MB.
 */

/** Largest request the writer queues before syncing on Excel on the web, which refuses requests over 5 MB (office-js-docs-pr#5333). */
export const maxRequestBytes = 4_000_000;

/**
 * Largest request elsewhere. Desktop Excel documents no request cap, so a dashboard of any real
 * size goes in one request; the bound only keeps a single request's memory in proportion.
 */
export const maxDesktopRequestBytes = 32_000_000;

/** The request budget for the Excel the add-in runs in: the web's unless Office says otherwise. */
export function requestBudgetForHost(): number {
  try {
    const platform = typeof Office === "undefined" ? undefined : Office.context?.platform;
    return platform === undefined || platform === null || String(platform) === "OfficeOnline" ? maxRequestBytes : maxDesktopRequestBytes;
  } catch {
    return maxRequestBytes;
  }
}

/**
 * Column width: the plan gives Excel's unit (characters of the default font), Office.js wants
 * points. Excel's own rule for Calibri 11 at 96 dpi is pixels = chars × 7 + 5 (padding), and a
 * pixel is 0.75 pt, so points = chars × 5.25 + 3.75. Used for every column, always.
 */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** The inverse of `columnWidthPoints`, for comparing with a workbook that stores characters. */
export function columnWidthChars(points: number): number {
  return Math.round(((points / 0.75 - 5) / 7) * 100) / 100;
}

/**
 * What to assign to `range.values` for a plan cell so that text stays text. Excel parses assigned
 * strings as if typed: "=1+1", "+44 20", "-5%", "@SUM(A1)" would become formulas or numbers, and
 * "Jan 2013" a date. Text cells carry the "@" number format (set before values); on top of that a
 * string is written with Excel's quote prefix (a leading apostrophe, which Excel stores as a cell
 * flag, not as text) whenever it starts with = + - @ or ', or sits in a cell not formatted as text.
 */
export function cellInput(value: PlanValue, numberFormat: string): string | number {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  if (value === "") return "";
  if (numberFormat !== "@" || /^[=+\-@']/.test(value)) return `'${value}`;
  return value;
}

/** Counts the bytes queued in the current request and syncs before a call would pass the budget. */
class RequestBudget {
  private bytes = requestBaseBytes;
  syncs = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly max: number,
  ) {}
  /** Call before queuing `bytes` of request: sends what is queued first when they would not fit. */
  async spend(bytes: number): Promise<void> {
    if (this.bytes > requestBaseBytes && this.bytes + bytes > this.max) {
      await this.context.sync();
      this.syncs++;
      this.bytes = requestBaseBytes;
    }
    this.bytes += bytes;
  }
}

const hAlign = { left: "Left", center: "Center", right: "Right", centerAcross: "CenterAcrossSelection" } as const;
const vAlign = { top: "Top", center: "Center", bottom: "Bottom" } as const;
const borderWeight: Record<BorderStyle, "Thin" | "Medium"> = { thin: "Thin", medium: "Medium" };
/** Same default as the command line's writer. */
const defaultBorderColour = "#595959";

/** The border edges the writer uses (string literals, so no runtime enum is needed). */
type BorderEdge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";

function applyBorder(range: Excel.Range | Excel.RangeAreas, edges: readonly BorderEdge[], style: BorderStyle, colour: string): void {
  for (const edge of edges) {
    const b = range.format.borders.getItem(edge);
    b.style = "Continuous";
    b.weight = borderWeight[style];
    b.color = colour;
  }
}

/** Queues one style block. A plan border applies to every cell of its range, so inner lines are drawn too. */
function applyStyle(range: Excel.Range | Excel.RangeAreas, style: CellStyle): void {
  const f = range.format;
  if (style.fill !== undefined) f.fill.color = style.fill ?? "";
  if (style.fontColor !== undefined) f.font.color = style.fontColor ?? "";
  if (style.bold !== undefined) f.font.bold = style.bold ?? false;
  if (style.italic !== undefined) f.font.italic = style.italic ?? false;
  if (style.size !== undefined) f.font.size = style.size ?? 11;
  if (style.wrap !== undefined) f.wrapText = style.wrap ?? false;
  if (style.hAlign !== undefined) f.horizontalAlignment = hAlign[style.hAlign ?? "left"];
  if (style.vAlign !== undefined) f.verticalAlignment = vAlign[style.vAlign ?? "bottom"];
  const colour = style.borderColor ?? defaultBorderColour;
  for (const [b, which] of borderEdges(style)) applyBorder(range, which, b, colour);
}

/** The border edges a style draws, with the plan's style for each. */
function borderEdges(style: CellStyle): [BorderStyle, BorderEdge[]][] {
  const edges: [BorderStyle | undefined, BorderEdge[]][] = [
    [style.borderTop, ["EdgeTop", "InsideHorizontal"]],
    [style.borderBottom, ["EdgeBottom", "InsideHorizontal"]],
    [style.borderLeft, ["EdgeLeft", "InsideVertical"]],
    [style.borderRight, ["EdgeRight", "InsideVertical"]],
  ];
  return edges.filter((e): e is [BorderStyle, BorderEdge[]] => e[0] !== undefined);
}

/** Request bytes of `applyStyle` on a new range: the range, its format and each part set. */
function styleCost(style: CellStyle): number {
  const fontSets = [style.fontColor, style.bold, style.italic, style.size].filter((v) => v !== undefined).length;
  const formatSets = [style.wrap, style.hAlign, style.vAlign].filter((v) => v !== undefined).length;
  const fill = style.fill !== undefined ? 1 : 0;
  const edges = borderEdges(style).reduce((n, [, which]) => n + which.length, 0);
  const objects = 1 + fill + (fontSets > 0 ? 1 : 0) + (edges > 0 ? 1 + edges : 0);
  return requestCost(1, objects, fill + fontSets + formatSets + 3 * edges, 16 * (fill + fontSets + formatSets + 3 * edges));
}

/** Consecutive runs of equal numbers: [[start, end, value]]. */
function runs(values: readonly { index: number; value: number }[]): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (const { index, value } of values) {
    const last = out[out.length - 1];
    if (last && last[1] === index - 1 && last[2] === value) last[1] = index;
    else out.push([index, index, value]);
  }
  return out;
}

/**
 * Merges as few calls as the plan allows: consecutive one-row merges over the same columns (a
 * list whose every row spans "D:N") become one `merge(true)` ("across": each row merged on its
 * own), so a long exception list costs one call, not one per row.
 */
export function mergeBlocks(merges: readonly string[]): { range: string; across: boolean }[] {
  const blocks: { range: string; span: string | null; row: number; last: number }[] = [];
  // Sorted by columns then row, so the rows of one list sit together whatever order the plan used.
  const parsed = merges.map((range) => {
    const b = range.includes(":") ? rangeBounds(range) : null;
    const oneRow = b !== null && b.top === b.bottom;
    return { range, span: oneRow ? `${columnLetters(b.left)}:${columnLetters(b.right)}` : null, row: oneRow ? b.top + 1 : 0 };
  });
  parsed.sort((x, y) => (x.span ?? "").localeCompare(y.span ?? "") || x.row - y.row);
  for (const { range, span, row } of parsed) {
    const prev = blocks[blocks.length - 1];
    if (span !== null && prev?.span === span && prev.last === row - 1) prev.last = row;
    else blocks.push({ range, span, row, last: row });
  }
  return blocks.map(({ range, span, row, last }) => {
    if (span === null || last === row) return { range, across: false };
    const [c0, c1] = span.split(":");
    return { range: `${c0}${row}:${c1}${last}`, across: true };
  });
}

/** Longest address list given to `getRanges`: Excel is reported to refuse longer ones. */
const rowListMaxChars = 250;

/**
 * The plan's styles in as few calls as give the same cells: an entry joins the last earlier one
 * with the same style (as one `getRanges` list, up to 250 characters) when no entry between them
 * touches its cells, so applying it earlier changes nothing. A table split over many pages
 * repeats the same few styles on each part; they then cost a call each, not one per part.
 */
export function styleBlocks(styles: SheetPlan["styles"]): { ranges: string; style: CellStyle }[] {
  type Block = { key: string; ranges: string[]; bounds: NonNullable<ReturnType<typeof rangeBounds>>[]; chars: number; style: CellStyle };
  const blocks: Block[] = [];
  const overlaps = (a: NonNullable<ReturnType<typeof rangeBounds>>, b: NonNullable<ReturnType<typeof rangeBounds>>): boolean =>
    a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
  for (const { range, style } of styles) {
    const key = JSON.stringify(style);
    const bounds = rangeBounds(range);
    let target: Block | null = null;
    if (bounds) {
      for (let i = blocks.length - 1; i >= 0; i--) {
        const block = blocks[i];
        if (!block) continue;
        if (block.key === key) {
          if (block.chars + 1 + range.length <= rowListMaxChars) target = block;
          break;
        }
        if (block.bounds.some((b) => overlaps(b, bounds))) break;
      }
    }
    if (target && bounds) {
      target.ranges.push(range);
      target.bounds.push(bounds);
      target.chars += 1 + range.length;
    } else {
      blocks.push({ key, ranges: [range], bounds: bounds ? [bounds] : [], chars: range.length, style });
    }
  }
  return blocks.map((b) => ({ ranges: b.ranges.join(","), style: b.style }));
}

/**
 * Row heights as few calls as the plan allows: runs of consecutive rows with one height, then
 * the runs of each height joined into address lists ("5:7,9:9,12:30") for `getRanges`, each list
 * short enough for Excel. Wrapped rows scattered through long tables would otherwise cost a call
 * per run.
 */
export function rowHeightBlocks(heights: SheetPlan["rowHeights"]): { rows: string; height: number }[] {
  const sorted = [...heights].sort((x, y) => x.row - y.row).map((h) => ({ index: h.row, value: h.height }));
  const byHeight = new Map<number, string[]>();
  for (const [first, last, height] of runs(sorted)) {
    const list = byHeight.get(height) ?? [];
    list.push(`${first}:${last}`);
    byHeight.set(height, list);
  }
  const out: { rows: string; height: number }[] = [];
  for (const [height, areas] of byHeight) {
    let rows = "";
    for (const area of areas) {
      if (rows.length > 0 && rows.length + 1 + area.length > rowListMaxChars) {
        out.push({ rows, height });
        rows = "";
      }
      rows = rows.length > 0 ? `${rows},${area}` : area;
    }
    if (rows.length > 0) out.push({ rows, height });
  }
  return out;
}

/** Chart colours: the dashboard's dark blue for results, grey for the target, so both read in black and white. */
const chartColours = { actual: "#1F3864", target: "#7F7F7F" } as const;

/**
 * Queues one trend chart: a line chart of the results (with markers) over the plan's data row,
 * the target as a second, dashed series, the periods as categories, and no legend (the sheet's
 * note under "Trend charts" says which line is which). The data block holds each series in a
 * row, so the chart reads by rows.
 */
function queueChart(ws: Excel.Worksheet, chart: ChartPlan): void {
  const c = ws.charts.add("Line", ws.getRange(chart.actual), "Rows");
  c.name = chart.name;
  c.title.text = chart.title;
  c.title.format.font.size = 10;
  c.legend.visible = false;
  c.axes.categoryAxis.title.text = chart.axisTitles.category;
  c.axes.valueAxis.title.text = chart.axisTitles.value;
  const categories = ws.getRange(chart.categories);
  const actual = c.series.getItemAt(0);
  actual.name = chart.seriesNames.actual;
  actual.setXAxisValues(categories);
  actual.markerStyle = "Circle";
  actual.markerSize = 5;
  actual.format.line.color = chartColours.actual;
  if (chart.target) {
    const target = c.series.add(chart.seriesNames.target);
    target.setValues(ws.getRange(chart.target));
    target.setXAxisValues(categories);
    target.markerStyle = "None";
    target.format.line.color = chartColours.target;
    target.format.line.lineStyle = "Dash";
  }
  const [start, end] = chart.anchor.split(":");
  c.setPosition(start ?? "A1", end ?? start ?? "A1");
  // Charts have no alternative-text property of their own up to ExcelApi 1.9; a chart is a shape
  // on the sheet's drawing layer under the chart's name, and the shape's alternative text is it.
  const shape = ws.shapes.getItem(chart.name);
  shape.altTextTitle = chart.altText.title;
  shape.altTextDescription = chart.altText.description;
}

/** Request bytes of `queueChart`: its three ranges, twenty-two objects and actions, and its text. */
function chartCost(chart: ChartPlan): number {
  return requestCost(3, 22, 22, JSON.stringify(chart).length);
}

/** The style given to the dashboard's tables: the lightest, so the plan's own formats show; no banding or filter buttons. */
export const tableStyle = "TableStyleLight1";

/** Marks a planned table as an Excel table with its header row. */
function queueTable(ws: Excel.Worksheet, range: string): void {
  const table = ws.tables.add(ws.getRange(range), true);
  table.style = tableStyle;
  table.showBandedRows = false;
  table.showFilterButton = false;
}

/** Options of `writeSheetPlan`. */
export interface WriteOptions {
  /** Request budget in bytes; the host's (`requestBudgetForHost`) unless given (tests pass less to exercise splitting). */
  readonly maxRequestBytes?: number;
}

/**
 * Queues the whole plan on `ws` (values, formats, styles, merges, sizes, conditional formats,
 * view, page layout, charts). Returns the number of syncs it had to make itself (0 unless the
 * payload passed the request budget); the caller's next sync sends the rest.
 */
export async function writeSheetPlan(context: Excel.RequestContext, ws: Excel.Worksheet, plan: SheetPlan, options: WriteOptions = {}): Promise<number> {
  const budgetBytes = options.maxRequestBytes ?? requestBudgetForHost();
  const budget = new RequestBudget(context, budgetBytes);
  const lastCol = columnLetters(Math.max(plan.cols, 1) - 1);

  if (plan.rows > 0 && plan.cols > 0) {
    // The default font first, so style blocks that set a size win.
    await budget.spend(requestCost(1, 2, 2, plan.font.name.length + 20));
    const all = ws.getRange(`A1:${a1(plan.rows - 1, plan.cols - 1)}`);
    all.format.font.name = plan.font.name;
    all.format.font.size = plan.font.size;

    // Values in row blocks: one block unless the sheet's payload passes the budget.
    const rowPayload: { formats: string[]; values: (string | number)[]; bytes: number }[] = [];
    for (let r = 0; r < plan.rows; r++) {
      const formats = Array.from({ length: plan.cols }, (_, c) => plan.numberFormats[r]?.[c] ?? "General");
      const values = Array.from({ length: plan.cols }, (_, c) => cellInput(plan.values[r]?.[c] ?? null, formats[c] ?? "General"));
      rowPayload.push({ formats, values, bytes: JSON.stringify(formats).length + JSON.stringify(values).length + 2 });
    }
    const blockCost = (rows: number, bytes: number): number => requestCost(1, 0, 0) + 2 * bulkSetCost(rows, plan.cols, bytes / 2);
    const blockLimit = (budgetBytes - requestBaseBytes) / 2;
    let start = 0;
    while (start < plan.rows) {
      let end = start;
      let bytes = rowPayload[start]?.bytes ?? 0;
      while (end + 1 < plan.rows && blockCost(end + 2 - start, bytes + (rowPayload[end + 1]?.bytes ?? 0)) <= blockLimit) {
        end++;
        bytes += rowPayload[end]?.bytes ?? 0;
      }
      await budget.spend(blockCost(end + 1 - start, bytes));
      const block = ws.getRange(`A${start + 1}:${lastCol}${end + 1}`);
      const rows = rowPayload.slice(start, end + 1);
      block.numberFormat = rows.map((p) => p.formats);
      block.values = rows.map((p) => p.values);
      start = end + 1;
    }
  }

  for (const { ranges, style } of styleBlocks(plan.styles)) {
    await budget.spend(styleCost(style) + ranges.length);
    applyStyle(ranges.includes(",") ? ws.getRanges(ranges) : ws.getRange(ranges), style);
  }
  for (const { range, across } of mergeBlocks(plan.merges)) {
    await budget.spend(requestCost(1, 0, 1, range.length + 8));
    ws.getRange(range).merge(across);
  }
  for (const [first, last, width] of runs(plan.columnWidths.map((value, index) => ({ index, value })))) {
    await budget.spend(requestCost(1, 1, 1, 24));
    ws.getRange(`${columnLetters(first)}:${columnLetters(last)}`).format.columnWidth = columnWidthPoints(width);
  }
  for (const { rows, height } of rowHeightBlocks(plan.rowHeights)) {
    await budget.spend(requestCost(1, 1, 1, rows.length + 8));
    (rows.includes(",") ? ws.getRanges(rows) : ws.getRange(rows)).format.rowHeight = height;
  }

  // Excel adds each rule at the top priority, so adding them last-first leaves the plan's order.
  for (const { range, rules } of [...plan.conditionalFormats].reverse()) {
    const text = (rule: (typeof rules)[number]): number => rule.formula.length + rule.fill.length + rule.fontColor.length + 24;
    await budget.spend(requestCost(1, 1, 0, range.length) + rules.reduce((n, rule) => n + requestCost(0, 6, rule.bold ? 5 : 4, text(rule)), 0));
    const target = ws.getRange(range).conditionalFormats;
    for (const rule of [...rules].reverse()) {
      const cf = target.add("Custom");
      cf.custom.rule.formula = `=${rule.formula}`;
      cf.custom.format.fill.color = rule.fill;
      cf.custom.format.font.color = rule.fontColor;
      if (rule.bold) cf.custom.format.font.bold = true;
      cf.stopIfTrue = true;
    }
  }

  if (plan.freeze && plan.freeze.rows > 0 && plan.freeze.columns > 0) {
    ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, plan.freeze.rows, plan.freeze.columns));
  } else if (plan.freeze && plan.freeze.rows > 0) {
    ws.freezePanes.freezeRows(plan.freeze.rows);
  } else if (plan.freeze && plan.freeze.columns > 0) {
    ws.freezePanes.freezeColumns(plan.freeze.columns);
  }
  ws.showGridlines = plan.showGridlines;
  ws.tabColor = plan.tabColor;

  const p = plan.print;
  await budget.spend(requestCost(1 + p.rowBreaks.length, 4, 20 + p.rowBreaks.length, JSON.stringify(p).length));
  const layout = ws.pageLayout;
  layout.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = "A4";
  // zoom must be assigned as a whole object; 0 pages tall means "as many as needed".
  layout.zoom = { horizontalFitToPages: p.fitToWidth, verticalFitToPages: p.fitToHeight };
  layout.centerHorizontally = p.centerHorizontally;
  layout.setPrintArea(p.printArea);
  if (p.printTitleRows) layout.setPrintTitleRows(p.printTitleRows);
  layout.setPrintMargins("Inches", { ...p.margins });
  const hf = layout.headersFooters.defaultForAllPages;
  hf.leftHeader = p.header.left;
  hf.centerHeader = p.header.center;
  hf.rightHeader = p.header.right;
  hf.leftFooter = p.footer.left;
  hf.centerFooter = p.footer.center;
  hf.rightFooter = p.footer.right;
  for (const row of p.rowBreaks) if (row > 1) ws.horizontalPageBreaks.add(`A${row}`);

  for (const { range } of plan.tables) {
    await budget.spend(requestCost(2, 4, 3, range.length + 60));
    queueTable(ws, range);
  }
  for (const chart of plan.charts) {
    await budget.spend(chartCost(chart));
    queueChart(ws, chart);
  }
  return budget.syncs;
}
