/**
 * The test host's workbook: sheets, cells, formats, conditional formats, charts, page layout and
 * settings as plain data, with the rules Excel applies when they change (sheet names, the last
 * visible sheet, typed text turning into formulas). The object model (object-model.ts) exposes it
 * to Microsoft's office.js client; tests read it back through `describeSheet`.
 * Browser-safe (no Node imports): the task pane's browser tests bundle it as the host.
 */
import type { CellValue } from "../../../src/core/grid";
import { boxA1, cellA1, letters, MAX_COLS, parseBox, type Box } from "./addresses";

/** Formatting held per cell. */
export interface FakeCellFormat {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontName?: string;
  hAlign?: string;
  vAlign?: string;
  wrap?: boolean;
  borders?: Record<string, { style?: string; color?: string; weight?: string }>;
}

/** One cell of a worksheet. */
export interface FakeCell {
  value: CellValue;
  /** The formula when the cell holds one ("=1+1"); null for constants. */
  formula: string | null;
  numberFormat: string;
  /** True when the value was written with a leading apostrophe (Excel's quote prefix). */
  quotePrefix: boolean;
  format: FakeCellFormat;
}

/** A conditional-format rule as the host keeps it (its priority is its place in the sheet's list). */
export interface FakeConditionalFormat {
  type: string;
  /** A1 range without the sheet, "D5:D40". */
  range: string;
  formula: string | null;
  fill: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  stopIfTrue: boolean | null;
  /**
   * A rule whose properties Excel fails to read (office-js#6835: a rule duplicated in the UI;
   * office-js#6827: two cellValue rules on one table column). Reading its type, rule or format
   * throws GeneralException; deleting it still works.
   */
  unreadable?: boolean;
}

/** A chart series as the host keeps it. */
export interface FakeChartSeries {
  name: string;
  values: string | null;
  xValues: string | null;
  lineStyle: string | null;
  color: string | null;
  weight: number | null;
  markerStyle: string | null;
  markerSize: number | null;
}

/** A chart as the host keeps it. */
export interface FakeChart {
  id: string;
  name: string;
  type: string;
  source: string;
  /** How the source range was read into series: "Auto", "Rows" or "Columns". */
  seriesBy: string;
  title: string | null;
  titleSize: number | null;
  legendVisible: boolean | null;
  position: { start: string; end: string | null } | null;
  series: FakeChartSeries[];
  /** Alternative text, set through the chart's shape. */
  altText: { title: string; description: string } | null;
  axisTitles: { category: string | null; value: string | null };
}

/** An Excel table ("Format as Table") as the host keeps it. */
export interface FakeTable {
  id: string;
  name: string;
  /** A1 range without the sheet, header row included. */
  range: string;
  showHeaders: boolean;
  showFilterButton: boolean;
  showBandedRows: boolean;
  style: string;
  /** The header row's texts when the table was made. */
  headers: string[];
}

/** Page layout of a worksheet; margins in inches. */
export interface FakePageLayout {
  orientation: string;
  paperSize: string;
  centerHorizontally: boolean;
  centerVertically: boolean;
  printGridlines: boolean;
  blackAndWhite: boolean;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printArea: string | null;
  printTitleRows: string | null;
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number } | null;
  header: { left: string; center: string; right: string };
  footer: { left: string; center: string; right: string };
}

/** A worksheet. Rows and columns are 0-based. */
export interface FakeSheet {
  id: string;
  name: string;
  visibility: string;
  deleted: boolean;
  protected: boolean;
  cells: Map<number, FakeCell>;
  merges: string[];
  conditionalFormats: FakeConditionalFormat[];
  freeze: { rows: number; columns: number } | null;
  showGridlines: boolean;
  tabColor: string;
  /** Column index → width in points. */
  columnWidths: Map<number, number>;
  /** Row index → height in points. */
  rowHeights: Map<number, number>;
  pageLayout: FakePageLayout;
  /** 1-based rows before which a manual page break sits. */
  pageBreaks: number[];
  charts: FakeChart[];
  tables: FakeTable[];
}

/** A worksheet to start the workbook with. */
export interface FakeSheetInit {
  readonly name: string;
  readonly values: readonly (readonly CellValue[])[];
  readonly numberFormat?: readonly (readonly string[])[];
  /** Top-left cell of `values`, "A1" unless given. */
  readonly origin?: string;
  readonly protected?: boolean;
  readonly visibility?: "Visible" | "Hidden" | "VeryHidden";
  /** Single cells beyond `values`, by A1 address ("XFD1048576": a stray entry far from the data), kept sparse as Excel keeps them. */
  readonly cells?: Readonly<Record<string, CellValue>>;
  /** Conditional formats the user made before the add-in came along, highest priority first. */
  readonly conditionalFormats?: readonly FakeConditionalFormat[];
}

/** A worksheet's final state as plain data, for comparisons. */
export interface SheetDescription {
  readonly name: string;
  readonly position: number;
  readonly visibility: string;
  readonly tabColor: string;
  readonly showGridlines: boolean;
  readonly freeze: { rows: number; columns: number } | null;
  /** Non-empty cells by A1 address. */
  readonly cells: Record<string, { value: CellValue; formula: string | null; numberFormat: string; quotePrefix: boolean }>;
  /** Number formats other than "General" by A1 address, including empty cells. */
  readonly numberFormats: Record<string, string>;
  /** Non-empty formats by A1 address. */
  readonly formats: Record<string, FakeCellFormat>;
  readonly merges: readonly string[];
  readonly conditionalFormats: readonly FakeConditionalFormat[];
  readonly columnWidths: Record<string, number>;
  readonly rowHeights: Record<number, number>;
  readonly pageLayout: FakePageLayout;
  readonly pageBreaks: readonly number[];
  readonly charts: readonly Omit<FakeChart, "id">[];
  readonly tables: readonly Omit<FakeTable, "id">[];
}

/** An error Excel reports, by its code (the client turns it into OfficeExtension.Error). */
export class HostError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "HostError";
  }
}

/** The map key of a cell. */
export function cellKey(r: number, c: number): number {
  return r * MAX_COLS + c;
}

/** A JSON copy, so the host never shares objects with the code under test. */
export function jsonCopy<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/**
 * Excel's rules for sheet names (support.microsoft.com, "Rename a worksheet"): not blank, at most
 * 31 characters, none of : \ / ? * [ ], not beginning or ending with an apostrophe, and not
 * "History", which Excel reserves. The API refuses them with InvalidArgument (Microsoft Graph's
 * worksheets/add reports InvalidArgument for a name that is too long, microsoft-graph-docs#13159).
 */
export function sheetNameProblem(name: unknown): string | null {
  if (typeof name !== "string" || name.trim().length === 0) return "The sheet name is blank.";
  if (name.length > 31) return `The sheet name "${name}" is longer than 31 characters.`;
  if (/[[\]:*?/\\]/.test(name)) return `The sheet name "${name}" contains one of : \\ / ? * [ ].`;
  if (/^'|'$/.test(name)) return `The sheet name "${name}" begins or ends with an apostrophe.`;
  if (name.toLowerCase() === "history") return `"History" is a name Excel reserves.`;
  return null;
}

function newSheet(id: string, name: string): FakeSheet {
  return {
    id,
    name,
    visibility: "Visible",
    deleted: false,
    protected: false,
    cells: new Map(),
    merges: [],
    conditionalFormats: [],
    freeze: null,
    showGridlines: true,
    tabColor: "",
    columnWidths: new Map(),
    rowHeights: new Map(),
    pageLayout: {
      orientation: "Portrait",
      paperSize: "Letter",
      centerHorizontally: false,
      centerVertically: false,
      printGridlines: false,
      blackAndWhite: false,
      zoom: { scale: 100 },
      printArea: null,
      printTitleRows: null,
      margins: null,
      header: { left: "", center: "", right: "" },
      footer: { left: "", center: "", right: "" },
    },
    pageBreaks: [],
    charts: [],
    tables: [],
  };
}

/** The workbook the host serves. */
export class WorkbookModel {
  sheets: FakeSheet[] = [];
  settings = new Map<string, unknown>();
  activeSheet: FakeSheet | null = null;
  selection: { sheet: FakeSheet; box: Box } | null = null;
  private nextId = 1;

  /** A new id in Excel's brace-GUID form. */
  newId(prefix: string): string {
    const n = this.nextId++;
    return `{${prefix}-0000-4000-8000-${String(n).padStart(12, "0")}}`;
  }

  /** Worksheets in tab order. */
  live(): FakeSheet[] {
    return this.sheets.filter((s) => !s.deleted);
  }

  /** A worksheet by name (ignoring case, as Excel does) or by id. */
  findSheet(key: string): FakeSheet | undefined {
    const lower = key.toLowerCase();
    return this.live().find((s) => s.id === key || s.name.toLowerCase() === lower);
  }

  /** Refuses a name Excel refuses, or one another sheet has (ignoring case). */
  checkName(name: unknown, self: FakeSheet | null): string {
    const problem = sheetNameProblem(name);
    if (problem) throw new HostError("InvalidArgument", problem);
    const n = name as string;
    const other = this.findSheet(n);
    if (other && other !== self) throw new HostError("ItemAlreadyExists", `A sheet named "${n}" already exists.`);
    return n;
  }

  /** Adds a worksheet at the end (a default name when none is given). */
  addSheet(name?: string): FakeSheet {
    let n = name;
    if (n === undefined || n === null) {
      let i = this.live().length + 1;
      while (this.findSheet(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    const s = newSheet(this.newId("5EE7"), this.checkName(n, null));
    this.sheets.push(s);
    return s;
  }

  /**
   * Deletes a worksheet. Excel refuses to delete a VeryHidden sheet ("by design", office-js#365;
   * reported as GeneralException; office-js-docs-pr#754 documents it) and the last visible one
   * (a workbook keeps at least one visible sheet).
   */
  deleteSheet(s: FakeSheet): void {
    if (s.visibility === "VeryHidden") {
      throw new HostError("GeneralException", "There was an internal error while processing the request.");
    }
    if (!this.live().some((x) => x !== s && x.visibility === "Visible")) {
      throw new HostError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    }
    s.deleted = true;
    if (this.activeSheet === s) this.activeSheet = this.live().find((x) => x.visibility === "Visible") ?? null;
    if (this.selection?.sheet === s) this.selection = null;
  }

  /** Moves a worksheet to a 0-based tab position. */
  moveSheet(s: FakeSheet, position: number): void {
    this.sheets = this.sheets.filter((x) => x !== s);
    const live = this.live();
    const before = live[position];
    const at = before ? this.sheets.indexOf(before) : this.sheets.length;
    this.sheets.splice(at, 0, s);
  }

  /** Adds a sheet from test data, with its cells and the user's rules. */
  seed(init: FakeSheetInit): FakeSheet {
    const s = newSheet(this.newId("5EE7"), init.name);
    s.protected = init.protected ?? false;
    s.visibility = init.visibility ?? "Visible";
    const origin = parseBox(init.origin ?? "A1") ?? { r0: 0, c0: 0, r1: 0, c1: 0 };
    init.values.forEach((row, i) =>
      row.forEach((v, j) => {
        const nf = init.numberFormat?.[i]?.[j] ?? "General";
        if (v === "" && nf === "General") return;
        const cell = cellAt(s, origin.r0 + i, origin.c0 + j);
        cell.value = v;
        cell.numberFormat = nf;
      }),
    );
    for (const [address, v] of Object.entries(init.cells ?? {})) {
      const at = parseBox(address);
      if (at) cellAt(s, at.r0, at.c0).value = v;
    }
    for (const cf of init.conditionalFormats ?? []) s.conditionalFormats.push(jsonCopy(cf));
    this.sheets.push(s);
    return s;
  }
}

/** The cell at (r, c), created empty when it does not exist yet. */
export function cellAt(s: FakeSheet, r: number, c: number): FakeCell {
  const k = cellKey(r, c);
  let cell = s.cells.get(k);
  if (!cell) {
    cell = { value: "", formula: null, numberFormat: "General", quotePrefix: false, format: {} };
    s.cells.set(k, cell);
  }
  return cell;
}

/** Calls `fn` for every cell of a box, row by row. */
export function forEachCell(b: Box, fn: (r: number, c: number) => void): void {
  for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) fn(r, c);
}

/**
 * Writes one value as Excel does when a string is assigned to `values`: it is parsed as if typed
 * (d.ts Range.values: a value starting with "=", "+" or "-" is a formula), unless it carries the
 * quote prefix or the cell is formatted as text ("@").
 */
export function writeCellValue(cell: FakeCell, v: unknown, asFormula: boolean): void {
  if (v === null || v === undefined) return;
  cell.quotePrefix = false;
  cell.formula = null;
  if (typeof v === "number" || typeof v === "boolean") {
    cell.value = v;
    return;
  }
  const s = String(v);
  if (s.startsWith("'")) {
    cell.value = s.slice(1);
    cell.quotePrefix = true;
    return;
  }
  if (cell.numberFormat === "@") {
    cell.value = s;
    return;
  }
  if ((asFormula && s.startsWith("=")) || (s.length > 1 && /^[=+\-@]/.test(s))) {
    cell.formula = s.startsWith("=") ? s : `=${s}`;
    cell.value = "#FORMULA!";
    return;
  }
  if (/^\d+(\.\d+)?$/.test(s)) {
    cell.value = Number(s);
    return;
  }
  cell.value = s;
}

/** The used range's box: cells with a value (and, unless valuesOnly, with a format); null when none. */
export function usedBox(s: FakeSheet, valuesOnly: boolean): Box | null {
  let box: { r0: number; c0: number; r1: number; c1: number } | null = null;
  for (const [k, cell] of s.cells) {
    const hasValue = cell.value !== "" || cell.formula !== null;
    const hasFormat = cell.numberFormat !== "General" || Object.keys(cell.format).length > 0;
    if (!hasValue && (valuesOnly || !hasFormat)) continue;
    const r = Math.floor(k / MAX_COLS);
    const c = k % MAX_COLS;
    if (!box) box = { r0: r, c0: c, r1: r, c1: c };
    else {
      box.r0 = Math.min(box.r0, r);
      box.c0 = Math.min(box.c0, c);
      box.r1 = Math.max(box.r1, r);
      box.c1 = Math.max(box.c1, c);
    }
  }
  return box;
}

/** A worksheet as plain data. */
export function describeSheet(model: WorkbookModel, s: FakeSheet): SheetDescription {
  const cells: SheetDescription["cells"] = {};
  const numberFormats: Record<string, string> = {};
  const formats: Record<string, FakeCellFormat> = {};
  const keys = [...s.cells.keys()].sort((a, b) => a - b);
  for (const k of keys) {
    const cell = s.cells.get(k);
    if (!cell) continue;
    const addr = cellA1(Math.floor(k / MAX_COLS), k % MAX_COLS);
    if (cell.value !== "" || cell.formula !== null) {
      cells[addr] = { value: cell.value, formula: cell.formula, numberFormat: cell.numberFormat, quotePrefix: cell.quotePrefix };
    }
    if (cell.numberFormat !== "General") numberFormats[addr] = cell.numberFormat;
    if (Object.keys(cell.format).length > 0) formats[addr] = jsonCopy(cell.format);
  }
  return {
    name: s.name,
    position: model.live().indexOf(s),
    visibility: s.visibility,
    tabColor: s.tabColor,
    showGridlines: s.showGridlines,
    freeze: s.freeze ? { ...s.freeze } : null,
    cells,
    numberFormats,
    formats,
    merges: [...s.merges].sort(),
    conditionalFormats: jsonCopy(s.conditionalFormats),
    columnWidths: Object.fromEntries([...s.columnWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [letters(c), w])),
    rowHeights: Object.fromEntries([...s.rowHeights].sort((a, b) => a[0] - b[0]).map(([r, h]) => [r + 1, h])),
    pageLayout: jsonCopy(s.pageLayout),
    pageBreaks: [...s.pageBreaks],
    charts: s.charts.map(({ id: _id, ...rest }) => jsonCopy(rest)),
    tables: s.tables.map(({ id: _id, ...rest }) => jsonCopy(rest)),
  };
}

/** "Sheet!A1:B2" of a box on a sheet, for selections. */
export function sheetAddress(s: FakeSheet, b: Box): string {
  return `${s.name}!${boxA1(b)}`;
}
