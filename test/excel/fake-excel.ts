/**
 * A fake Excel object model for tests: enough of Office.js (ExcelApi 1.1–1.9) to run the add-in's
 * reader, writer and build use cases without Excel, with Excel's semantics where they matter:
 * - commands are queued on proxies and applied in order at `context.sync()`; a failure stops the
 *   batch with an Office.js-like `code`, the commands before it stay applied (as in Excel);
 * - reading a property before `load` + `sync` throws `PropertyNotLoaded`;
 * - `getItem` throws `ItemNotFound`, `*OrNullObject` gives `isNullObject`; ranges and rule
 *   collections reached from a null object are null objects too (loads on them read nothing);
 * - `values` strings starting with = + - @ become formulas unless quote-prefixed or the cell is "@";
 * - protected sheets refuse writes with `AccessDenied`; cell-edit mode refuses every batch;
 * - round trips, API calls and request bytes are counted.
 *
 * Browser-safe on purpose (no Node imports): the task pane's browser tests bundle it as the host.
 */
import type { CellValue } from "../../src/core/grid";

// ---------------------------------------------------------------------------------------------
// Public state types
// ---------------------------------------------------------------------------------------------

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

/** One cell of a fake worksheet. */
export interface FakeCell {
  value: CellValue;
  /** The formula when the cell holds one ("=1+1"); null for constants. */
  formula: string | null;
  numberFormat: string;
  /** True when the value was written with a leading apostrophe (Excel's quote prefix). */
  quotePrefix: boolean;
  format: FakeCellFormat;
}

/** A conditional-format rule as the fake keeps it. */
export interface FakeConditionalFormat {
  id: string;
  type: string;
  /** A1 range without the sheet, "D5:D40". */
  range: string;
  formula: string | null;
  fill: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  stopIfTrue: boolean | null;
}

/** A chart series as the fake keeps it. */
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

/** A chart as the fake keeps it. */
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
}

/** Page layout of a fake worksheet; margins in inches. */
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

/** A worksheet of the fake workbook. Rows and columns are 0-based. */
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
}

/** One request sent to the fake host: one `context.sync()`. */
export interface FakeRequest {
  /** 0-based round-trip number since the last `resetStats`. */
  readonly sync: number;
  readonly calls: number;
  readonly bytes: number;
  readonly responseBytes: number;
  readonly failed: string | null;
}

/** Counters of what the code under test asked of the host. */
export interface FakeStats {
  syncs: number;
  apiCalls: number;
  largestRequestBytes: number;
  largestResponseBytes: number;
  requests: FakeRequest[];
  /** "Class.member" → times used (method calls, property sets and loaded properties). */
  apis: Record<string, number>;
}

/** A queued API call, as `failAt` predicates see it. */
export interface FakeCall {
  /** 0-based index of the call among all calls since the last `resetStats`. */
  readonly index: number;
  /** "Range.values", "WorksheetCollection.add", "Range.load", ... */
  readonly api: string;
  /** 0-based round trip in which the call is executed. */
  readonly sync: number;
  readonly args: unknown;
}

/** A worksheet to start the fake workbook with. */
export interface FakeSheetInit {
  readonly name: string;
  readonly values: readonly (readonly CellValue[])[];
  readonly numberFormat?: readonly (readonly string[])[];
  /** Top-left cell of `values`, "A1" unless given. */
  readonly origin?: string;
  readonly protected?: boolean;
  readonly visibility?: "Visible" | "Hidden" | "VeryHidden";
  /** Conditional formats the user made before the add-in came along. */
  readonly conditionalFormats?: readonly Omit<FakeConditionalFormat, "id">[];
}

/** How to start the fake host. */
export interface FakeExcelInit {
  readonly sheets: readonly FakeSheetInit[];
  /** Workbook settings (`context.workbook.settings`), key → value. */
  readonly settings?: Record<string, unknown>;
  /** Highest ExcelApi set supported, "1.9" unless given. */
  readonly apiVersion?: string;
  /** Start with a cell being edited: every batch fails until `setCellEditMode(false)`. */
  readonly cellEditMode?: boolean;
  /** Request and response cap in bytes (Excel on the web: 5 MB). */
  readonly payloadLimitBytes?: number;
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
  readonly conditionalFormats: readonly Omit<FakeConditionalFormat, "id">[];
  readonly columnWidths: Record<string, number>;
  readonly rowHeights: Record<number, number>;
  readonly pageLayout: FakePageLayout;
  readonly pageBreaks: readonly number[];
  readonly charts: readonly Omit<FakeChart, "id">[];
}

/** The fake host and its controls. */
export interface FakeExcel {
  /** Stand-in for the `Excel` global (only `run` and a few enums). */
  readonly Excel: { run: (...args: unknown[]) => Promise<unknown>; [key: string]: unknown };
  /** Stand-in for the `Office` global. */
  readonly Office: {
    context: { requirements: { isSetSupported: (name: string, version?: string) => boolean } };
    onReady: (callback?: (info: { host: string; platform: string }) => void) => Promise<{ host: string; platform: string }>;
    HostType: Record<string, string>;
    PlatformType: Record<string, string>;
  };
  readonly stats: FakeStats;
  /** Makes the call matching `target` (its index, or a predicate) fail with `code` at its sync; once. */
  failAt(target: number | ((call: FakeCall) => boolean), code?: string): void;
  setCellEditMode(on: boolean): void;
  /** Zeroes the counters (call indexes restart at 0). */
  resetStats(): void;
  /** Worksheet names in tab order (deleted sheets excluded). */
  sheetNames(): string[];
  sheet(name: string): FakeSheet | undefined;
  describeSheet(name: string): SheetDescription;
  activeSheetName(): string | null;
  /** The selected range "Sheet!A1" or null. */
  selection(): string | null;
  /** The workbook settings as stored (values are JSON copies). */
  settings(): Record<string, unknown>;
  /** Puts `Excel` and `Office` on `target` (globalThis by default); returns the undo. */
  install(target?: Record<string, unknown>): () => void;
}

// ---------------------------------------------------------------------------------------------
// Errors and addresses
// ---------------------------------------------------------------------------------------------

/** An error shaped like OfficeExtension.Error: switch on `code`. */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = errorLocation === undefined ? { code, message } : { code, message, errorLocation };
  }
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

function letters(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colIndex(l: string): number {
  let n = 0;
  for (const ch of l.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function cellA1(r: number, c: number): string {
  return `${letters(c)}${r + 1}`;
}

function boxA1(b: Box): string {
  if (b.c0 === 0 && b.c1 === MAX_COLS - 1) return `${b.r0 + 1}:${b.r1 + 1}`;
  if (b.r0 === 0 && b.r1 === MAX_ROWS - 1) return `${letters(b.c0)}:${letters(b.c1)}`;
  const a = cellA1(b.r0, b.c0);
  return b.r0 === b.r1 && b.c0 === b.c1 ? a : `${a}:${cellA1(b.r1, b.c1)}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Parses "A1", "$A$1:$C$3", "A:C", "3:5" (optionally "Sheet!…") into a 0-based box; null when invalid. */
export function parseBox(address: string): Box | null {
  const bang = address.lastIndexOf("!");
  const a = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "").trim().toUpperCase();
  const parts = a.split(":");
  if (parts.length > 2 || !parts[0]) return null;
  const first = parts[0];
  const second = parts[1] ?? first;
  const cell = /^([A-Z]{1,3})(\d{1,7})$/;
  const col = /^([A-Z]{1,3})$/;
  const row = /^(\d{1,7})$/;
  let box: Box | null = null;
  const m1 = cell.exec(first);
  const m2 = cell.exec(second);
  if (m1 && m2) {
    box = { r0: Number(m1[2]) - 1, c0: colIndex(m1[1] ?? "A"), r1: Number(m2[2]) - 1, c1: colIndex(m2[1] ?? "A") };
  } else if (col.test(first) && col.test(second) && parts.length === 2) {
    box = { r0: 0, c0: colIndex(first), r1: MAX_ROWS - 1, c1: colIndex(second) };
  } else if (row.test(first) && row.test(second) && parts.length === 2) {
    box = { r0: Number(first) - 1, c0: 0, r1: Number(second) - 1, c1: MAX_COLS - 1 };
  }
  if (!box) return null;
  const n: Box = {
    r0: Math.min(box.r0, box.r1),
    r1: Math.max(box.r0, box.r1),
    c0: Math.min(box.c0, box.c1),
    c1: Math.max(box.c0, box.c1),
  };
  if (n.r0 < 0 || n.c0 < 0 || n.r1 >= MAX_ROWS || n.c1 >= MAX_COLS) return null;
  return n;
}

function intersects(a: Box, b: Box): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

function key(r: number, c: number): number {
  return r * MAX_COLS + c;
}

function notLoaded(cls: string, prop: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object (${cls}) and call "context.sync()" on the associated request context.`,
  );
}

function jsonCopy<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function versionAtLeast(have: string, want: string): boolean {
  const h = have.split(".").map(Number);
  const w = want.split(".").map(Number);
  for (let i = 0; i < Math.max(h.length, w.length); i++) {
    const a = h[i] ?? 0;
    const b = w[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// The host: state, counters and batches
// ---------------------------------------------------------------------------------------------

interface Command {
  readonly index: number;
  readonly api: string;
  readonly args: unknown;
  readonly bytes: number;
  readonly run: () => void;
}

class Host {
  sheets: FakeSheet[] = [];
  settings = new Map<string, unknown>();
  activeSheet: FakeSheet | null = null;
  selection: { sheet: FakeSheet; box: Box } | null = null;
  cellEditMode = false;
  apiVersion = "1.9";
  payloadLimit = 5 * 1024 * 1024;
  nextId = 1;
  nextCall = 0;
  stats: FakeStats = { syncs: 0, apiCalls: 0, largestRequestBytes: 0, largestResponseBytes: 0, requests: [], apis: {} };
  failure: { target: number | ((call: FakeCall) => boolean); code: string } | null = null;

  newId(prefix: string): string {
    const n = this.nextId++;
    return `{${prefix}-0000-4000-8000-${String(n).padStart(12, "0")}}`;
  }

  live(): FakeSheet[] {
    return this.sheets.filter((s) => !s.deleted);
  }

  findSheet(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this.live().find((s) => s.name.toLowerCase() === lower);
  }

  newSheet(name: string): FakeSheet {
    return {
      id: this.newId("5EE7"),
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
    };
  }

  record(api: string): void {
    this.stats.apis[api] = (this.stats.apis[api] ?? 0) + 1;
  }
}

const SHEET_NAME_INVALID = /[[\]:*?/\\]/;

function checkSheetName(name: unknown): string {
  if (typeof name !== "string" || name.length === 0 || name.length > 31 || SHEET_NAME_INVALID.test(name) || /^'|'$/.test(name)) {
    throw new FakeOfficeError("InvalidArgument", `The sheet name "${String(name)}" is not valid.`);
  }
  return name;
}

/** The `RequestContext` handed to `Excel.run` callbacks. */
class FakeContext {
  readonly workbook: FakeWorkbook;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  private queue: Command[] = [];
  private onSuccess: (() => void)[] = [];
  private responseBytes = 0;

  constructor(readonly host: Host) {
    this.workbook = new FakeWorkbook(this);
  }

  enqueue(api: string, args: unknown, run: () => void): void {
    const index = this.host.nextCall++;
    let bytes = api.length + 4;
    try {
      bytes += args === undefined ? 0 : JSON.stringify(args).length;
    } catch {
      bytes += 16;
    }
    this.host.stats.apiCalls++;
    this.host.record(api);
    this.queue.push({ index, api, args, bytes, run });
  }

  /** Runs after the current batch succeeds: makes loaded values visible to the caller. */
  deliver(fn: () => void, bytes: number): void {
    this.onSuccess.push(fn);
    this.responseBytes += bytes;
  }

  pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    this.onSuccess = [];
    this.responseBytes = 0;
    const host = this.host;
    const sync = host.stats.syncs++;
    const bytes = batch.reduce((n, c) => n + c.bytes + 1, 2);
    host.stats.largestRequestBytes = Math.max(host.stats.largestRequestBytes, bytes);
    const finish = (failed: string | null): void => {
      host.stats.requests.push({ sync, calls: batch.length, bytes, responseBytes: this.responseBytes, failed });
      host.stats.largestResponseBytes = Math.max(host.stats.largestResponseBytes, this.responseBytes);
    };
    await Promise.resolve();
    try {
      if (bytes > host.payloadLimit) {
        throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
      }
      if (host.cellEditMode && batch.length > 0) {
        throw new FakeOfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
      }
      for (const command of batch) {
        const f = host.failure;
        if (f) {
          const call: FakeCall = { index: command.index, api: command.api, sync, args: command.args };
          if (typeof f.target === "number" ? f.target === command.index : f.target(call)) {
            host.failure = null;
            throw new FakeOfficeError(f.code, `Injected failure at ${command.api}.`, command.api);
          }
        }
        command.run();
      }
      if (this.responseBytes > host.payloadLimit) {
        throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
      }
    } catch (error) {
      finish(error instanceof FakeOfficeError ? error.code : "Error");
      this.onSuccess = [];
      throw error;
    }
    for (const fn of this.onSuccess) fn();
    this.onSuccess = [];
    finish(null);
  }
}

/** Where a proxy's object is found once the command that made it has run. */
class Ref<T> {
  value: T | null | undefined = undefined;
  constructor(value?: T | null) {
    this.value = value;
  }
  get(what: string): T {
    if (this.value === undefined || this.value === null) throw new FakeOfficeError("ItemNotFound", `The requested ${what} does not exist.`);
    return this.value;
  }
}

type LoadSpec = string | string[] | { select?: string | string[]; expand?: string | string[] } | Record<string, unknown> | undefined;

function loadPaths(spec: LoadSpec, defaults: string[]): string[][] {
  let list: string[];
  if (spec === undefined) list = defaults;
  else if (typeof spec === "string") list = spec.split(",");
  else if (Array.isArray(spec)) list = spec;
  else if ("select" in spec || "expand" in spec) {
    const s = (spec as { select?: string | string[] }).select;
    list = s === undefined ? defaults : typeof s === "string" ? s.split(",") : s;
  } else list = Object.keys(spec).filter((k) => (spec as Record<string, unknown>)[k]);
  return list.map((p) => p.trim()).filter((p) => p.length > 0).map((p) => p.split("/"));
}

/** Base of every proxy: loading, property reads, queued sets and calls. */
abstract class Proxy {
  protected readonly loaded = new Map<string, unknown>();
  constructor(
    readonly ctx: FakeContext,
    readonly className: string,
  ) {}

  /** Scalar properties `load()` with no argument fetches. */
  protected scalars(): string[] {
    return [];
  }
  /** Reads a scalar at execution time; undefined when the name is not a scalar of this class. */
  protected read(_name: string): unknown {
    return undefined;
  }
  /** A navigation property's proxy, for load paths such as "format/fill/color". */
  protected nav(_name: string): Proxy | undefined {
    return undefined;
  }
  /** Whether the object is a null object (then loads read nothing). */
  protected isNull(): boolean {
    return false;
  }

  protected get<T>(name: string): T {
    if (!this.loaded.has(name)) throw notLoaded(this.className, name);
    return this.loaded.get(name) as T;
  }

  protected queueSet(name: string, value: unknown, apply: () => void): void {
    this.ctx.enqueue(`${this.className}.${name}`, value, apply);
  }

  protected queueCall(name: string, args: unknown, run: () => void): void {
    this.ctx.enqueue(`${this.className}.${name}`, args, run);
  }

  /** Snapshot of `paths` taken during the sync; delivered when the sync succeeds. */
  snapshot(paths: string[][]): void {
    if (this.isNull()) return;
    for (const path of paths) {
      const [head, ...rest] = path;
      if (head === undefined) continue;
      if (rest.length > 0) {
        const child = this.nav(head);
        if (!child) throw new FakeOfficeError("InvalidArgument", `Cannot load "${path.join("/")}" on ${this.className}.`);
        child.snapshot([rest]);
        continue;
      }
      const child = this.nav(head);
      if (child) {
        child.snapshot(child.scalars().map((s) => [s]));
        continue;
      }
      const value = this.read(head);
      if (value === undefined) throw new FakeOfficeError("InvalidArgument", `${this.className} has no property "${head}" to load.`);
      let bytes: number;
      try {
        bytes = JSON.stringify(value)?.length ?? 0;
      } catch {
        bytes = 16;
      }
      this.ctx.deliver(() => this.loaded.set(head, value), bytes);
    }
  }

  load(spec?: LoadSpec): this {
    const paths = loadPaths(spec, this.scalars());
    for (const p of paths) this.ctx.host.record(`${this.className}.${p.join("/")}`);
    this.ctx.enqueue(`${this.className}.load`, paths.map((p) => p.join("/")), () => this.snapshot(paths));
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** A proxy that may be a null object (`*OrNullObject`). */
abstract class Nullable<T> extends Proxy {
  constructor(
    ctx: FakeContext,
    className: string,
    readonly ref: Ref<T>,
    private readonly nullable = false,
  ) {
    super(ctx, className);
  }
  protected override isNull(): boolean {
    return this.ref.value === null;
  }
  get isNullObject(): boolean {
    if (!this.nullable) return false;
    return this.get<boolean>("isNullObject");
  }
  /** Called when the proxy's command ran. */
  markResolved(): void {
    if (this.nullable) this.loaded.set("isNullObject", this.ref.value === null || this.ref.value === undefined);
  }
}

// isNullObject becomes readable once the command that looked the object up has run and its sync succeeded.
function resolveInto<T>(ctx: FakeContext, proxy: Nullable<T>, value: T | null): void {
  proxy.ref.value = value;
  ctx.deliver(() => proxy.markResolved(), 20);
}

// ---------------------------------------------------------------------------------------------
// Workbook, worksheets, settings
// ---------------------------------------------------------------------------------------------

class FakeWorkbook extends Proxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly settings: FakeSettingCollection;
  readonly application: FakeApplication;
  constructor(ctx: FakeContext) {
    super(ctx, "Workbook");
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.settings = new FakeSettingCollection(ctx);
    this.application = new FakeApplication(ctx);
  }
  protected override nav(name: string): Proxy | undefined {
    return name === "worksheets" ? this.worksheets : name === "settings" ? this.settings : undefined;
  }
}

class FakeApplication extends Proxy {
  constructor(ctx: FakeContext) {
    super(ctx, "Application");
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.queueCall("suspendScreenUpdatingUntilNextSync", undefined, () => undefined);
  }
  suspendApiCalculationUntilNextSync(): void {
    this.queueCall("suspendApiCalculationUntilNextSync", undefined, () => undefined);
  }
}

class FakeWorksheetCollection extends Proxy {
  constructor(ctx: FakeContext) {
    super(ctx, "WorksheetCollection");
  }
  get items(): FakeWorksheet[] {
    return this.get<FakeWorksheet[]>("items");
  }
  override snapshot(paths: string[][]): void {
    const sheets = this.ctx.host.live();
    const items = sheets.map((s) => new FakeWorksheet(this.ctx, new Ref(s)));
    const sub = paths.map((p) => (p[0] === "items" ? p.slice(1) : p)).filter((p) => p.length > 0);
    for (const item of items) item.snapshot(sub.length > 0 ? sub : [["name"], ["id"], ["position"], ["visibility"]]);
    this.ctx.deliver(() => this.loaded.set("items", items), 2);
  }
  getItem(name: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx, new Ref<FakeSheet>());
    this.queueCall("getItem", [name], () => {
      const s = this.ctx.host.findSheet(name);
      if (!s) throw new FakeOfficeError("ItemNotFound", `The worksheet "${name}" does not exist.`, "WorksheetCollection.getItem");
      ws.ref.value = s;
    });
    return ws;
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx, new Ref<FakeSheet>(), true);
    this.queueCall("getItemOrNullObject", [name], () => resolveInto(this.ctx, ws, this.ctx.host.findSheet(name) ?? null));
    return ws;
  }
  getActiveWorksheet(): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx, new Ref<FakeSheet>());
    this.queueCall("getActiveWorksheet", [], () => {
      ws.ref.value = this.ctx.host.activeSheet ?? this.ctx.host.live()[0] ?? null;
    });
    return ws;
  }
  add(name?: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx, new Ref<FakeSheet>());
    this.queueCall("add", [name], () => {
      const host = this.ctx.host;
      let n = name;
      if (n === undefined) {
        let i = host.live().length + 1;
        while (host.findSheet(`Sheet${i}`)) i++;
        n = `Sheet${i}`;
      }
      checkSheetName(n);
      if (host.findSheet(n)) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named "${n}" already exists.`, "WorksheetCollection.add");
      const s = host.newSheet(n);
      host.sheets.push(s);
      ws.ref.value = s;
    });
    return ws;
  }
  getCount(): FakeClientResult<number> {
    const r = new FakeClientResult<number>();
    this.queueCall("getCount", [], () => {
      const n = this.ctx.host.live().length;
      this.ctx.deliver(() => r.set(n), 4);
    });
    return r;
  }
}

/** A value returned by a method, readable after sync. */
class FakeClientResult<T> {
  private has = false;
  private v: T | undefined;
  set(v: T): void {
    this.v = v;
    this.has = true;
  }
  get value(): T {
    if (!this.has) throw notLoaded("ClientResult", "value");
    return this.v as T;
  }
}

class FakeWorksheet extends Nullable<FakeSheet> {
  private _protection?: FakeWorksheetProtection;
  private _pageLayout?: FakePageLayoutProxy;
  private _freeze?: FakeFreezePanes;
  private _charts?: FakeChartCollection;
  private _breaks?: FakePageBreakCollection;
  constructor(ctx: FakeContext, ref: Ref<FakeSheet>, nullable = false) {
    super(ctx, "Worksheet", ref, nullable);
  }
  private sheet(): FakeSheet {
    const s = this.ref.get("worksheet");
    if (s.deleted) throw new FakeOfficeError("ItemNotFound", `The worksheet "${s.name}" was deleted.`);
    return s;
  }
  /** The sheet, refusing writes when protected. */
  writable(): FakeSheet {
    const s = this.sheet();
    if (s.protected) throw new FakeOfficeError("AccessDenied", `The worksheet "${s.name}" is protected.`);
    return s;
  }
  protected override scalars(): string[] {
    return ["id", "name", "position", "visibility", "tabColor", "showGridlines"];
  }
  protected override read(name: string): unknown {
    const s = this.sheet();
    switch (name) {
      case "id":
        return s.id;
      case "name":
        return s.name;
      case "position":
        return this.ctx.host.live().indexOf(s);
      case "visibility":
        return s.visibility;
      case "tabColor":
        return s.tabColor;
      case "showGridlines":
        return s.showGridlines;
      default:
        return undefined;
    }
  }
  protected override nav(name: string): Proxy | undefined {
    if (name === "protection") return this.protection;
    if (name === "pageLayout") return this.pageLayout;
    if (name === "charts") return this.charts;
    return undefined;
  }
  get id(): string {
    return this.get("id");
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.loaded.set("name", v);
    this.queueSet("name", v, () => {
      const s = this.sheet();
      checkSheetName(v);
      const other = this.ctx.host.findSheet(v);
      if (other && other !== s) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named "${v}" already exists.`, "Worksheet.name");
      s.name = v;
    });
  }
  get position(): number {
    return this.get("position");
  }
  set position(v: number) {
    this.queueSet("position", v, () => {
      const s = this.sheet();
      const host = this.ctx.host;
      host.sheets = host.sheets.filter((x) => x !== s);
      const live = host.live();
      const before = live[v];
      const at = before ? host.sheets.indexOf(before) : host.sheets.length;
      host.sheets.splice(at, 0, s);
    });
  }
  get visibility(): string {
    return this.get("visibility");
  }
  get tabColor(): string {
    return this.get("tabColor");
  }
  set tabColor(v: string) {
    this.queueSet("tabColor", v, () => {
      this.writable().tabColor = v;
    });
  }
  get showGridlines(): boolean {
    return this.get("showGridlines");
  }
  set showGridlines(v: boolean) {
    this.queueSet("showGridlines", v, () => {
      this.writable().showGridlines = v;
    });
  }
  get protection(): FakeWorksheetProtection {
    return (this._protection ??= new FakeWorksheetProtection(this.ctx, () => this.sheet()));
  }
  get pageLayout(): FakePageLayoutProxy {
    return (this._pageLayout ??= new FakePageLayoutProxy(this.ctx, this));
  }
  get freezePanes(): FakeFreezePanes {
    return (this._freeze ??= new FakeFreezePanes(this.ctx, this));
  }
  get charts(): FakeChartCollection {
    return (this._charts ??= new FakeChartCollection(this.ctx, this));
  }
  get horizontalPageBreaks(): FakePageBreakCollection {
    return (this._breaks ??= new FakePageBreakCollection(this.ctx, this));
  }
  activate(): void {
    this.queueCall("activate", [], () => {
      const s = this.sheet();
      this.ctx.host.activeSheet = s;
    });
  }
  delete(): void {
    this.queueCall("delete", [], () => {
      const s = this.sheet();
      const host = this.ctx.host;
      if (host.live().filter((x) => x.visibility === "Visible" && x !== s).length === 0) {
        throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      s.deleted = true;
      if (host.activeSheet === s) host.activeSheet = host.live()[0] ?? null;
      if (host.selection?.sheet === s) host.selection = null;
    });
  }
  getRange(address?: string): FakeRange {
    const r = new FakeRange(this.ctx, this, new Ref<Box>());
    this.queueCall("getRange", [address ?? null], () => {
      if (this.ref.value === null) return void (r.ref.value = null);
      this.sheet();
      if (address === undefined || address === "") {
        r.ref.value = { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 };
        return;
      }
      const b = parseBox(address);
      if (!b) throw new FakeOfficeError("InvalidArgument", `"${address}" is not a valid range address.`, "Worksheet.getRange");
      r.ref.value = b;
    });
    return r;
  }
  /**
   * Several areas at once (ExcelApi 1.9), e.g. "5:7,9:9". Only `format.rowHeight` is modelled.
   * Address lists are refused past 255 characters: the limit people report for getRanges, so the
   * writer is made to keep within it.
   */
  getRanges(address: string): FakeRangeAreas {
    const areas = new FakeRangeAreas(this.ctx, this, new Ref<Box[]>());
    this.queueCall("getRanges", [address], () => {
      this.sheet();
      if (address.length > GET_RANGES_MAX_CHARS) {
        throw new FakeOfficeError("InvalidArgument", `The address list is ${address.length} characters; at most ${GET_RANGES_MAX_CHARS} are accepted.`, "Worksheet.getRanges");
      }
      const boxes = address.split(",").map((part) => parseBox(part.trim()));
      if (boxes.some((b) => b === null)) throw new FakeOfficeError("InvalidArgument", `"${address}" is not a valid list of ranges.`, "Worksheet.getRanges");
      areas.ref.value = boxes as Box[];
    });
    return areas;
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    const r = new FakeRange(this.ctx, this, new Ref<Box>());
    this.queueCall("getRangeByIndexes", [row, col, rows, cols], () => {
      this.sheet();
      if (rows < 1 || cols < 1 || row < 0 || col < 0 || row + rows > MAX_ROWS || col + cols > MAX_COLS) {
        throw new FakeOfficeError("InvalidArgument", "The range indexes are not valid.", "Worksheet.getRangeByIndexes");
      }
      r.ref.value = { r0: row, c0: col, r1: row + rows - 1, c1: col + cols - 1 };
    });
    return r;
  }
  private usedBox(valuesOnly: boolean): Box | null {
    const s = this.sheet();
    let box: Box | null = null;
    for (const [k, cell] of s.cells) {
      const hasValue = cell.value !== "" || cell.formula !== null;
      const hasFormat = cell.numberFormat !== "General" || Object.keys(cell.format).length > 0;
      if (!hasValue && (valuesOnly || !hasFormat)) continue;
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      box = box ? { r0: Math.min(box.r0, r), c0: Math.min(box.c0, c), r1: Math.max(box.r1, r), c1: Math.max(box.c1, c) } : { r0: r, c0: c, r1: r, c1: c };
    }
    return box;
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    const r = new FakeRange(this.ctx, this, new Ref<Box>());
    this.queueCall("getUsedRange", [valuesOnly ?? false], () => {
      r.ref.value = this.usedBox(valuesOnly ?? false) ?? { r0: 0, c0: 0, r1: 0, c1: 0 };
    });
    return r;
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    const r = new FakeRange(this.ctx, this, new Ref<Box>(), true);
    this.queueCall("getUsedRangeOrNullObject", [valuesOnly ?? false], () =>
      resolveInto(this.ctx, r, this.ref.value === null ? null : this.usedBox(valuesOnly ?? false)),
    );
    return r;
  }
  /** The fake sheet behind the proxy, once resolved (for the fake's own classes). */
  state(): FakeSheet {
    return this.sheet();
  }
}

class FakeWorksheetProtection extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx, "WorksheetProtection");
  }
  protected override scalars(): string[] {
    return ["protected"];
  }
  protected override read(name: string): unknown {
    return name === "protected" ? this.sheet().protected : undefined;
  }
  get protected(): boolean {
    return this.get("protected");
  }
}

class FakeSettingCollection extends Proxy {
  constructor(ctx: FakeContext) {
    super(ctx, "SettingCollection");
  }
  get items(): FakeSetting[] {
    return this.get("items");
  }
  override snapshot(paths: string[][]): void {
    const items = [...this.ctx.host.settings.keys()].map((k) => {
      const s = new FakeSetting(this.ctx, new Ref(k));
      return s;
    });
    const sub = paths.map((p) => (p[0] === "items" ? p.slice(1) : p)).filter((p) => p.length > 0);
    for (const item of items) item.snapshot(sub.length > 0 ? sub : [["key"], ["value"]]);
    this.ctx.deliver(() => this.loaded.set("items", items), 2);
  }
  add(key: string, value: unknown): FakeSetting {
    const s = new FakeSetting(this.ctx, new Ref<string>());
    this.queueCall("add", [key, value], () => {
      this.ctx.host.settings.set(key, jsonCopy(value));
      s.ref.value = key;
    });
    return s;
  }
  getItem(key: string): FakeSetting {
    const s = new FakeSetting(this.ctx, new Ref<string>());
    this.queueCall("getItem", [key], () => {
      if (!this.ctx.host.settings.has(key)) throw new FakeOfficeError("ItemNotFound", `The setting "${key}" does not exist.`);
      s.ref.value = key;
    });
    return s;
  }
  getItemOrNullObject(key: string): FakeSetting {
    const s = new FakeSetting(this.ctx, new Ref<string>(), true);
    this.queueCall("getItemOrNullObject", [key], () => resolveInto(this.ctx, s, this.ctx.host.settings.has(key) ? key : null));
    return s;
  }
}

class FakeSetting extends Nullable<string> {
  constructor(ctx: FakeContext, ref: Ref<string>, nullable = false) {
    super(ctx, "Setting", ref, nullable);
  }
  protected override scalars(): string[] {
    return ["key", "value"];
  }
  protected override read(name: string): unknown {
    const k = this.ref.get("setting");
    if (name === "key") return k;
    if (name === "value") return jsonCopy(this.ctx.host.settings.get(k)) ?? null;
    return undefined;
  }
  get key(): string {
    return this.get("key");
  }
  get value(): unknown {
    return this.get("value");
  }
  set value(v: unknown) {
    this.queueSet("value", v, () => {
      this.ctx.host.settings.set(this.ref.get("setting"), jsonCopy(v));
    });
  }
  delete(): void {
    this.queueCall("delete", [], () => {
      this.ctx.host.settings.delete(this.ref.get("setting"));
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges and their formats
// ---------------------------------------------------------------------------------------------

function cellAt(s: FakeSheet, r: number, c: number): FakeCell {
  const k = key(r, c);
  let cell = s.cells.get(k);
  if (!cell) {
    cell = { value: "", formula: null, numberFormat: "General", quotePrefix: false, format: {} };
    s.cells.set(k, cell);
  }
  return cell;
}

function forEachCell(b: Box, fn: (r: number, c: number) => void): void {
  for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) fn(r, c);
}

function checkShape(b: Box, v: unknown, what: string): unknown[][] {
  const rows = b.r1 - b.r0 + 1;
  const cols = b.c1 - b.c0 + 1;
  if (!Array.isArray(v) || v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw new FakeOfficeError(
      "InvalidArgument",
      `The number of rows or columns in the input array for ${what} doesn't match the size or dimensions of the range.`,
    );
  }
  return v as unknown[][];
}

/** Writes one value as Excel does when a string is typed or assigned to `values`. */
function writeCellValue(cell: FakeCell, v: unknown, asFormula: boolean): void {
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

class FakeRange extends Nullable<Box> {
  private _format?: FakeRangeFormat;
  private _cfs?: FakeConditionalFormatCollection;
  constructor(
    ctx: FakeContext,
    readonly worksheet: FakeWorksheet,
    ref: Ref<Box>,
    nullable = false,
  ) {
    super(ctx, "Range", ref, nullable);
  }
  box(): Box {
    return this.ref.get("range");
  }
  protected override scalars(): string[] {
    return ["address", "values", "numberFormat", "formulas", "rowCount", "columnCount", "rowIndex", "columnIndex"];
  }
  protected override read(name: string): unknown {
    const b = this.box();
    const s = this.worksheet.state();
    const cells = (b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1);
    const grid = (f: (cell: FakeCell | undefined) => unknown): unknown[][] => {
      if (cells > 5_000_000) throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "The range is too large to read in one request.");
      const out: unknown[][] = [];
      for (let r = b.r0; r <= b.r1; r++) {
        const row: unknown[] = [];
        for (let c = b.c0; c <= b.c1; c++) row.push(f(s.cells.get(key(r, c))));
        out.push(row);
      }
      return out;
    };
    switch (name) {
      case "address":
        return `${quoteSheet(s.name)}!${boxA1(b)}`;
      case "rowCount":
        return b.r1 - b.r0 + 1;
      case "columnCount":
        return b.c1 - b.c0 + 1;
      case "rowIndex":
        return b.r0;
      case "columnIndex":
        return b.c0;
      case "values":
        return grid((cell) => cell?.value ?? "");
      case "numberFormat":
        return grid((cell) => cell?.numberFormat ?? "General");
      case "formulas":
        return grid((cell) => cell?.formula ?? cell?.value ?? "");
      default:
        return undefined;
    }
  }
  protected override nav(name: string): Proxy | undefined {
    if (name === "format") return this.format;
    if (name === "conditionalFormats") return this.conditionalFormats;
    return undefined;
  }
  get address(): string {
    return this.get("address");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get values(): CellValue[][] {
    return this.get("values");
  }
  set values(v: CellValue[][]) {
    this.queueSet("values", v, () => {
      const s = this.worksheet.writable();
      const b = this.box();
      const rows = checkShape(b, v, "values");
      forEachCell(b, (r, c) => {
        const x = rows[r - b.r0]?.[c - b.c0];
        if (x === null || x === undefined) return;
        if (x === "" && !s.cells.has(key(r, c))) return;
        writeCellValue(cellAt(s, r, c), x, false);
      });
    });
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  set formulas(v: unknown[][]) {
    this.queueSet("formulas", v, () => {
      const s = this.worksheet.writable();
      const b = this.box();
      const rows = checkShape(b, v, "formulas");
      forEachCell(b, (r, c) => writeCellValue(cellAt(s, r, c), rows[r - b.r0]?.[c - b.c0], true));
    });
  }
  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }
  set numberFormat(v: string[][]) {
    this.queueSet("numberFormat", v, () => {
      const s = this.worksheet.writable();
      const b = this.box();
      const one = Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1 ? v[0][0] : undefined;
      const rows = one === undefined ? checkShape(b, v, "numberFormat") : null;
      forEachCell(b, (r, c) => {
        const f = rows ? rows[r - b.r0]?.[c - b.c0] : one;
        if (f === null || f === undefined) return;
        cellAt(s, r, c).numberFormat = String(f) === "" ? "General" : String(f);
      });
    });
  }
  get format(): FakeRangeFormat {
    return (this._format ??= new FakeRangeFormat(this.ctx, this));
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return (this._cfs ??= new FakeConditionalFormatCollection(this.ctx, this));
  }
  merge(across?: boolean): void {
    this.queueCall("merge", [across ?? false], () => {
      const s = this.worksheet.writable();
      const b = this.box();
      const boxes: Box[] = across ? Array.from({ length: b.r1 - b.r0 + 1 }, (_, i) => ({ ...b, r0: b.r0 + i, r1: b.r0 + i })) : [b];
      for (const m of boxes) {
        if (m.r0 === m.r1 && m.c0 === m.c1) continue;
        for (const existing of s.merges) {
          const e = parseBox(existing);
          if (e && intersects(e, m)) throw new FakeOfficeError("MergedRangeConflict", `The range ${boxA1(m)} overlaps merged cells ${existing}.`);
        }
        s.merges.push(boxA1(m));
      }
    });
  }
  unmerge(): void {
    this.queueCall("unmerge", [], () => {
      const s = this.worksheet.writable();
      const b = this.box();
      s.merges = s.merges.filter((m) => {
        const e = parseBox(m);
        return !(e && intersects(e, b));
      });
    });
  }
  select(): void {
    this.queueCall("select", [], () => {
      const s = this.worksheet.state();
      if (this.ctx.host.activeSheet !== s) throw new FakeOfficeError("InvalidOperation", "Only a range on the active worksheet can be selected.");
      this.ctx.host.selection = { sheet: s, box: this.box() };
    });
  }
  getCell(row: number, col: number): FakeRange {
    const r = new FakeRange(this.ctx, this.worksheet, new Ref<Box>());
    this.queueCall("getCell", [row, col], () => {
      const b = this.box();
      r.ref.value = { r0: b.r0 + row, c0: b.c0 + col, r1: b.r0 + row, c1: b.c0 + col };
    });
    return r;
  }
  /** For the fake's own classes: the range's A1 address without the sheet. */
  a1(): string {
    return boxA1(this.box());
  }
}

class FakeRangeFormat extends Proxy {
  readonly fill: FakeFormatPart;
  readonly font: FakeFormatPart;
  readonly borders: FakeBorderCollection;
  constructor(
    ctx: FakeContext,
    readonly range: FakeRange,
  ) {
    super(ctx, "RangeFormat");
    this.fill = new FakeFormatPart(ctx, "RangeFill", range, { color: "fill" });
    this.font = new FakeFormatPart(ctx, "RangeFont", range, { color: "fontColor", bold: "bold", italic: "italic", size: "size", name: "fontName" });
    this.borders = new FakeBorderCollection(ctx, range);
  }
  protected override scalars(): string[] {
    return ["columnWidth", "rowHeight", "horizontalAlignment", "verticalAlignment", "wrapText"];
  }
  protected override read(name: string): unknown {
    const b = this.range.box();
    const s = this.range.worksheet.state();
    const first = s.cells.get(key(b.r0, b.c0))?.format;
    switch (name) {
      case "columnWidth":
        return s.columnWidths.get(b.c0) ?? 48;
      case "rowHeight":
        return s.rowHeights.get(b.r0) ?? 15;
      case "horizontalAlignment":
        return first?.hAlign ?? "General";
      case "verticalAlignment":
        return first?.vAlign ?? "Bottom";
      case "wrapText":
        return first?.wrap ?? false;
      default:
        return undefined;
    }
  }
  protected override nav(name: string): Proxy | undefined {
    return name === "fill" ? this.fill : name === "font" ? this.font : undefined;
  }
  private setEach(name: string, v: unknown, apply: (f: FakeCellFormat) => void): void {
    this.queueSet(name, v, () => {
      const s = this.range.worksheet.writable();
      forEachCell(this.range.box(), (r, c) => apply(cellAt(s, r, c).format));
    });
  }
  set horizontalAlignment(v: string) {
    this.setEach("horizontalAlignment", v, (f) => (f.hAlign = v));
  }
  get horizontalAlignment(): string {
    return this.get("horizontalAlignment");
  }
  set verticalAlignment(v: string) {
    this.setEach("verticalAlignment", v, (f) => (f.vAlign = v));
  }
  get verticalAlignment(): string {
    return this.get("verticalAlignment");
  }
  set wrapText(v: boolean) {
    this.setEach("wrapText", v, (f) => (f.wrap = v));
  }
  get wrapText(): boolean {
    return this.get("wrapText");
  }
  set columnWidth(v: number) {
    this.queueSet("columnWidth", v, () => {
      const s = this.range.worksheet.writable();
      const b = this.range.box();
      for (let c = b.c0; c <= b.c1; c++) s.columnWidths.set(c, v);
    });
  }
  get columnWidth(): number {
    return this.get("columnWidth");
  }
  set rowHeight(v: number) {
    this.queueSet("rowHeight", v, () => setRowHeights(this.range.worksheet.writable(), [this.range.box()], v));
  }
  get rowHeight(): number {
    return this.get("rowHeight");
  }
}

/** Sets the height of every row the boxes cover. */
function setRowHeights(sheet: { rowHeights: Map<number, number> }, boxes: readonly Box[], height: number): void {
  for (const b of boxes) for (let r = b.r0; r <= b.r1; r++) sheet.rowHeights.set(r, height);
}

/** Longest address list `Worksheet.getRanges` accepts in the fake. */
const GET_RANGES_MAX_CHARS = 255;

/** Several ranges of one worksheet (RangeAreas); only what the writer uses is modelled. */
class FakeRangeAreas extends Nullable<Box[]> {
  private _format?: FakeRangeAreasFormat;
  constructor(
    ctx: FakeContext,
    readonly worksheet: FakeWorksheet,
    ref: Ref<Box[]>,
  ) {
    super(ctx, "RangeAreas", ref);
  }
  get format(): FakeRangeAreasFormat {
    return (this._format ??= new FakeRangeAreasFormat(this.ctx, this));
  }
}

/** The format of several ranges: row heights only. */
class FakeRangeAreasFormat extends Proxy {
  constructor(
    ctx: FakeContext,
    readonly areas: FakeRangeAreas,
  ) {
    super(ctx, "RangeFormat");
  }
  set rowHeight(v: number) {
    this.queueSet("rowHeight", v, () => setRowHeights(this.areas.worksheet.writable(), this.areas.ref.get("range areas"), v));
  }
}

/** Fill or font of a range: each property maps onto a FakeCellFormat field. */
class FakeFormatPart extends Proxy {
  constructor(
    ctx: FakeContext,
    className: string,
    private readonly range: FakeRange,
    private readonly fields: Record<string, keyof FakeCellFormat>,
  ) {
    super(ctx, className);
    for (const [prop, field] of Object.entries(fields)) {
      Object.defineProperty(this, prop, {
        get: () => this.get(prop),
        set: (v: unknown) =>
          this.queueSet(prop, v, () => {
            const s = this.range.worksheet.writable();
            forEachCell(this.range.box(), (r, c) => {
              (cellAt(s, r, c).format as Record<string, unknown>)[field] = v;
            });
          }),
        enumerable: true,
      });
    }
  }
  protected override scalars(): string[] {
    return Object.keys(this.fields);
  }
  protected override read(name: string): unknown {
    const field = this.fields[name];
    if (!field) return undefined;
    const b = this.range.box();
    return this.range.worksheet.state().cells.get(key(b.r0, b.c0))?.format[field] ?? null;
  }
  [prop: string]: unknown;
}

class FakeBorderCollection extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx, "RangeBorderCollection");
  }
  getItem(index: string): FakeBorder {
    this.queueCall("getItem", [index], () => undefined);
    return new FakeBorder(this.ctx, this.range, index);
  }
}

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical", "DiagonalDown", "DiagonalUp"];

class FakeBorder extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
    private readonly edge: string,
  ) {
    super(ctx, "RangeBorder");
  }
  private setPart(part: "style" | "color" | "weight", v: string): void {
    this.queueSet(part, v, () => {
      if (!EDGES.includes(this.edge)) throw new FakeOfficeError("InvalidArgument", `Unknown border "${this.edge}".`);
      const s = this.range.worksheet.writable();
      const b = this.range.box();
      // An outer edge of a range lands on the cells along that edge only.
      forEachCell(b, (r, c) => {
        const onEdge =
          (this.edge === "EdgeTop" && r === b.r0) ||
          (this.edge === "EdgeBottom" && r === b.r1) ||
          (this.edge === "EdgeLeft" && c === b.c0) ||
          (this.edge === "EdgeRight" && c === b.c1) ||
          (this.edge === "InsideHorizontal" && r < b.r1) ||
          (this.edge === "InsideVertical" && c < b.c1);
        if (!onEdge) return;
        const name = this.edge === "InsideHorizontal" ? "EdgeBottom" : this.edge === "InsideVertical" ? "EdgeRight" : this.edge;
        const f = cellAt(s, r, c).format;
        f.borders ??= {};
        f.borders[name] = { ...f.borders[name], [part]: v };
      });
    });
  }
  set style(v: string) {
    this.setPart("style", v);
  }
  set color(v: string) {
    this.setPart("color", v);
  }
  set weight(v: string) {
    this.setPart("weight", v);
  }
}

// ---------------------------------------------------------------------------------------------
// Conditional formats
// ---------------------------------------------------------------------------------------------

class FakeConditionalFormatCollection extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx, "ConditionalFormatCollection");
  }
  /** Rules whose range meets this range, in priority order. */
  private matching(): FakeConditionalFormat[] {
    const b = this.range.box();
    return this.range.worksheet.state().conditionalFormats.filter((cf) => {
      const cb = parseBox(cf.range);
      return cb !== null && intersects(cb, b);
    });
  }
  get items(): FakeConditionalFormatProxy[] {
    return this.get("items");
  }
  override snapshot(paths: string[][]): void {
    // On a null object (a missing sheet) the collection is empty.
    const items = (this.range.ref.value === null ? [] : this.matching()).map((cf) => new FakeConditionalFormatProxy(this.ctx, this.range.worksheet, new Ref(cf)));
    const sub = paths.map((p) => (p[0] === "items" ? p.slice(1) : p)).filter((p) => p.length > 0);
    for (const item of items) item.snapshot(sub.length > 0 ? sub : [["id"], ["type"], ["priority"], ["stopIfTrue"]]);
    this.ctx.deliver(() => this.loaded.set("items", items), 2);
  }
  add(type: string): FakeConditionalFormatProxy {
    const p = new FakeConditionalFormatProxy(this.ctx, this.range.worksheet, new Ref<FakeConditionalFormat>());
    this.queueCall("add", [type], () => {
      const s = this.range.worksheet.writable();
      const cf: FakeConditionalFormat = {
        id: this.ctx.host.newId("CF00"),
        type,
        range: this.range.a1(),
        formula: null,
        fill: null,
        fontColor: null,
        bold: null,
        italic: null,
        stopIfTrue: type === "Custom" || type === "CellValue" ? false : null,
      };
      // Excel adds a new rule at the first (top) priority.
      s.conditionalFormats.unshift(cf);
      p.ref.value = cf;
    });
    return p;
  }
  getCount(): FakeClientResult<number> {
    const r = new FakeClientResult<number>();
    this.queueCall("getCount", [], () => {
      const n = this.matching().length;
      this.ctx.deliver(() => r.set(n), 4);
    });
    return r;
  }
  getItem(id: string): FakeConditionalFormatProxy {
    const p = new FakeConditionalFormatProxy(this.ctx, this.range.worksheet, new Ref<FakeConditionalFormat>());
    this.queueCall("getItem", [id], () => {
      const cf = this.matching().find((x) => x.id === id);
      if (!cf) throw new FakeOfficeError("ItemNotFound", `No conditional format has the id ${id}.`);
      p.ref.value = cf;
    });
    return p;
  }
  getItemAt(index: number): FakeConditionalFormatProxy {
    const p = new FakeConditionalFormatProxy(this.ctx, this.range.worksheet, new Ref<FakeConditionalFormat>());
    this.queueCall("getItemAt", [index], () => {
      const cf = this.matching()[index];
      if (!cf) throw new FakeOfficeError("ItemNotFound", `No conditional format at ${index}.`);
      p.ref.value = cf;
    });
    return p;
  }
  clearAll(): void {
    this.queueCall("clearAll", [], () => {
      const s = this.range.worksheet.writable();
      const gone = new Set(this.matching());
      s.conditionalFormats = s.conditionalFormats.filter((cf) => !gone.has(cf));
    });
  }
}

class FakeConditionalFormatProxy extends Nullable<FakeConditionalFormat> {
  readonly custom: FakeCustomConditionalFormat;
  constructor(
    ctx: FakeContext,
    private readonly worksheet: FakeWorksheet,
    ref: Ref<FakeConditionalFormat>,
  ) {
    super(ctx, "ConditionalFormat", ref);
    this.custom = new FakeCustomConditionalFormat(ctx, this);
  }
  cf(): FakeConditionalFormat {
    const cf = this.ref.get("conditional format");
    if (!this.worksheet.state().conditionalFormats.includes(cf)) throw new FakeOfficeError("ItemNotFound", "The conditional format was deleted.");
    return cf;
  }
  writableCf(): FakeConditionalFormat {
    this.worksheet.writable();
    return this.cf();
  }
  protected override scalars(): string[] {
    return ["id", "type", "priority", "stopIfTrue"];
  }
  protected override read(name: string): unknown {
    const cf = this.cf();
    switch (name) {
      case "id":
        return cf.id;
      case "type":
        return cf.type;
      case "priority":
        return this.worksheet.state().conditionalFormats.indexOf(cf);
      case "stopIfTrue":
        return cf.stopIfTrue;
      default:
        return undefined;
    }
  }
  protected override nav(name: string): Proxy | undefined {
    return name === "custom" ? this.custom : undefined;
  }
  get id(): string {
    return this.get("id");
  }
  get type(): string {
    return this.get("type");
  }
  get priority(): number {
    return this.get("priority");
  }
  set priority(v: number) {
    this.queueSet("priority", v, () => {
      const s = this.worksheet.writable();
      const cf = this.cf();
      s.conditionalFormats = s.conditionalFormats.filter((x) => x !== cf);
      s.conditionalFormats.splice(Math.max(0, Math.min(v, s.conditionalFormats.length)), 0, cf);
    });
  }
  get stopIfTrue(): boolean {
    return this.get("stopIfTrue");
  }
  set stopIfTrue(v: boolean) {
    this.queueSet("stopIfTrue", v, () => {
      this.writableCf().stopIfTrue = v;
    });
  }
  delete(): void {
    this.queueCall("delete", [], () => {
      const s = this.worksheet.writable();
      const cf = this.cf();
      s.conditionalFormats = s.conditionalFormats.filter((x) => x !== cf);
    });
  }
  getRange(): FakeRange {
    const r = new FakeRange(this.ctx, this.worksheet, new Ref<Box>());
    this.queueCall("getRange", [], () => {
      r.ref.value = parseBox(this.cf().range);
    });
    return r;
  }
}

class FakeCustomConditionalFormat extends Proxy {
  readonly rule: FakeCfPart;
  readonly format: FakeCfFormat;
  constructor(ctx: FakeContext, owner: FakeConditionalFormatProxy) {
    super(ctx, "CustomConditionalFormat");
    const custom = (): FakeConditionalFormat => {
      const cf = owner.cf();
      if (cf.type !== "Custom") throw new FakeOfficeError("InvalidOperation", "The conditional format is not a custom one.");
      return cf;
    };
    const writable = (): FakeConditionalFormat => {
      owner.writableCf();
      return custom();
    };
    this.rule = new FakeCfPart(ctx, "ConditionalFormatRule", { formula: "formula" }, custom, writable);
    this.format = new FakeCfFormat(ctx, custom, writable);
  }
  protected override nav(name: string): Proxy | undefined {
    return name === "rule" ? this.rule : name === "format" ? this.format : undefined;
  }
}

class FakeCfFormat extends Proxy {
  readonly fill: FakeCfPart;
  readonly font: FakeCfPart;
  constructor(ctx: FakeContext, read: () => FakeConditionalFormat, write: () => FakeConditionalFormat) {
    super(ctx, "ConditionalRangeFormat");
    this.fill = new FakeCfPart(ctx, "ConditionalRangeFill", { color: "fill" }, read, write);
    this.font = new FakeCfPart(ctx, "ConditionalRangeFont", { color: "fontColor", bold: "bold", italic: "italic" }, read, write);
  }
  protected override nav(name: string): Proxy | undefined {
    return name === "fill" ? this.fill : name === "font" ? this.font : undefined;
  }
}

/** A small part of a rule (its formula, fill or font): properties map onto FakeConditionalFormat fields. */
class FakeCfPart extends Proxy {
  constructor(
    ctx: FakeContext,
    className: string,
    private readonly fields: Record<string, keyof FakeConditionalFormat>,
    private readonly cfRead: () => FakeConditionalFormat,
    cfWrite: () => FakeConditionalFormat,
  ) {
    super(ctx, className);
    for (const [prop, field] of Object.entries(fields)) {
      Object.defineProperty(this, prop, {
        get: () => this.get(prop),
        set: (v: unknown) =>
          this.queueSet(prop, v, () => {
            (cfWrite() as unknown as Record<string, unknown>)[field] = v;
          }),
        enumerable: true,
      });
    }
  }
  protected override scalars(): string[] {
    return Object.keys(this.fields);
  }
  protected override read(name: string): unknown {
    const field = this.fields[name];
    return field ? (this.cfRead()[field] ?? null) : undefined;
  }
  [prop: string]: unknown;
}

// ---------------------------------------------------------------------------------------------
// Sheet view, page layout, charts
// ---------------------------------------------------------------------------------------------

class FakeFreezePanes extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx, "WorksheetFreezePanes");
  }
  freezeRows(count?: number): void {
    this.queueCall("freezeRows", [count ?? 1], () => {
      this.ws.writable().freeze = { rows: count ?? 1, columns: 0 };
    });
  }
  freezeColumns(count?: number): void {
    this.queueCall("freezeColumns", [count ?? 1], () => {
      this.ws.writable().freeze = { rows: 0, columns: count ?? 1 };
    });
  }
  freezeAt(frozen: string | FakeRange): void {
    const address = typeof frozen === "string" ? frozen : null;
    this.queueCall("freezeAt", [address ?? "(range)"], () => {
      const b = typeof frozen === "string" ? parseBox(frozen) : frozen.box();
      if (!b) throw new FakeOfficeError("InvalidArgument", "Not a valid range to freeze.");
      this.ws.writable().freeze = { rows: b.r1 + 1, columns: b.c1 + 1 };
    });
  }
  unfreeze(): void {
    this.queueCall("unfreeze", [], () => {
      this.ws.writable().freeze = null;
    });
  }
}

const PAGE_LAYOUT_SCALARS = ["orientation", "paperSize", "centerHorizontally", "centerVertically", "printGridlines", "blackAndWhite", "zoom"] as const;

class FakePageLayoutProxy extends Proxy {
  readonly headersFooters: FakeHeadersFooters;
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx, "PageLayout");
    this.headersFooters = new FakeHeadersFooters(ctx, ws);
    for (const prop of PAGE_LAYOUT_SCALARS) {
      Object.defineProperty(this, prop, {
        get: () => {
          const v = this.get(prop);
          // A copy: assigning to zoom.scale on it changes nothing, as in Excel (zoom is set whole).
          return prop === "zoom" ? Object.freeze({ ...(v as object) }) : v;
        },
        set: (v: unknown) =>
          this.queueSet(prop, v, () => {
            const pl = this.ws.writable().pageLayout as unknown as Record<string, unknown>;
            pl[prop] = prop === "zoom" ? { ...(v as object) } : v;
          }),
        enumerable: true,
      });
    }
  }
  protected override scalars(): string[] {
    return [...PAGE_LAYOUT_SCALARS];
  }
  protected override read(name: string): unknown {
    const pl = this.ws.state().pageLayout as unknown as Record<string, unknown>;
    return (PAGE_LAYOUT_SCALARS as readonly string[]).includes(name) ? jsonCopy(pl[name]) : undefined;
  }
  setPrintArea(area: string | FakeRange): void {
    this.queueCall("setPrintArea", [typeof area === "string" ? area : "(range)"], () => {
      const b = typeof area === "string" ? parseBox(area) : area.box();
      if (!b) throw new FakeOfficeError("InvalidArgument", "Not a valid print area.");
      this.ws.writable().pageLayout.printArea = boxA1(b);
    });
  }
  setPrintTitleRows(rows: string | FakeRange): void {
    this.queueCall("setPrintTitleRows", [typeof rows === "string" ? rows : "(range)"], () => {
      const b = typeof rows === "string" ? parseBox(rows) : rows.box();
      if (!b) throw new FakeOfficeError("InvalidArgument", "Not valid print title rows.");
      this.ws.writable().pageLayout.printTitleRows = `$${b.r0 + 1}:$${b.r1 + 1}`;
    });
  }
  setPrintMargins(unit: string, m: Partial<Record<"top" | "bottom" | "left" | "right" | "header" | "footer", number>>): void {
    this.queueCall("setPrintMargins", [unit, m], () => {
      const per = unit === "Inches" ? 1 : unit === "Centimeters" ? 2.54 : unit === "Points" ? 72 : NaN;
      if (Number.isNaN(per)) throw new FakeOfficeError("InvalidArgument", `Unknown unit ${unit}.`);
      const pl = this.ws.writable().pageLayout;
      const old = pl.margins ?? { top: 0.75, bottom: 0.75, left: 0.7, right: 0.7, header: 0.3, footer: 0.3 };
      const conv = (v: number | undefined, d: number): number => (v === undefined ? d : v / per);
      pl.margins = {
        top: conv(m.top, old.top),
        bottom: conv(m.bottom, old.bottom),
        left: conv(m.left, old.left),
        right: conv(m.right, old.right),
        header: conv(m.header, old.header),
        footer: conv(m.footer, old.footer),
      };
    });
  }
  [prop: string]: unknown;
}

class FakeHeadersFooters extends Proxy {
  readonly defaultForAllPages: FakeHeaderFooter;
  constructor(ctx: FakeContext, ws: FakeWorksheet) {
    super(ctx, "HeaderFooterGroup");
    this.defaultForAllPages = new FakeHeaderFooter(ctx, ws);
  }
}

const HF: Record<string, ["header" | "footer", "left" | "center" | "right"]> = {
  leftHeader: ["header", "left"],
  centerHeader: ["header", "center"],
  rightHeader: ["header", "right"],
  leftFooter: ["footer", "left"],
  centerFooter: ["footer", "center"],
  rightFooter: ["footer", "right"],
};

class FakeHeaderFooter extends Proxy {
  constructor(ctx: FakeContext, ws: FakeWorksheet) {
    super(ctx, "HeaderFooter");
    for (const [prop, [part, side]] of Object.entries(HF)) {
      Object.defineProperty(this, prop, {
        get: () => this.get(prop),
        set: (v: string) =>
          this.queueSet(prop, v, () => {
            ws.writable().pageLayout[part][side] = v;
          }),
        enumerable: true,
      });
    }
  }
  [prop: string]: unknown;
}

class FakePageBreakCollection extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx, "PageBreakCollection");
  }
  add(at: string | FakeRange): void {
    this.queueCall("add", [typeof at === "string" ? at : "(range)"], () => {
      const b = typeof at === "string" ? parseBox(at) : at.box();
      if (!b) throw new FakeOfficeError("InvalidArgument", "Not a valid page break.");
      const s = this.ws.writable();
      if (!s.pageBreaks.includes(b.r0 + 1)) s.pageBreaks.push(b.r0 + 1);
      s.pageBreaks.sort((x, y) => x - y);
    });
  }
}

class FakeChartCollection extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx, "ChartCollection");
  }
  add(type: string, source: FakeRange, seriesBy?: string): FakeChartProxy {
    const chart = new FakeChartProxy(this.ctx, this.ws, new Ref<FakeChart>());
    this.queueCall("add", [type, "(range)", seriesBy ?? "Auto"], () => {
      const s = this.ws.writable();
      const id = this.ctx.host.newId("C4A7");
      const c: FakeChart = {
        id,
        name: `Chart ${s.charts.length + 1}`,
        type,
        source: source.a1(),
        seriesBy: seriesBy ?? "Auto",
        title: null,
        titleSize: null,
        legendVisible: true,
        position: null,
        series: [{ name: "Series1", values: source.a1(), xValues: null, lineStyle: null, color: null, weight: null, markerStyle: null, markerSize: null }],
      };
      s.charts.push(c);
      chart.ref.value = c;
    });
    return chart;
  }
  getCount(): FakeClientResult<number> {
    const r = new FakeClientResult<number>();
    this.queueCall("getCount", [], () => {
      const n = this.ws.state().charts.length;
      this.ctx.deliver(() => r.set(n), 4);
    });
    return r;
  }
}

class FakeChartProxy extends Nullable<FakeChart> {
  readonly title: FakeSimple;
  readonly legend: FakeSimple;
  readonly series: FakeSeriesCollection;
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
    ref: Ref<FakeChart>,
  ) {
    super(ctx, "Chart", ref);
    const chart = (): FakeChart => ref.get("chart");
    this.title = new FakeSimple(ctx, "ChartTitle", {
      text: (v) => {
        ws.writable();
        chart().title = String(v);
      },
    });
    this.title.format = {
      font: new FakeSimple(ctx, "ChartFont", {
        size: (v) => {
          ws.writable();
          chart().titleSize = Number(v);
        },
      }),
    };
    this.legend = new FakeSimple(ctx, "ChartLegend", {
      visible: (v) => {
        ws.writable();
        chart().legendVisible = Boolean(v);
      },
      position: () => {
        ws.writable();
      },
    });
    this.series = new FakeSeriesCollection(ctx, ws, chart);
  }
  set name(v: string) {
    this.queueSet("name", v, () => {
      this.ws.writable();
      this.ref.get("chart").name = v;
    });
  }
  setPosition(start: string | FakeRange, end?: string | FakeRange): void {
    const a = (x: string | FakeRange | undefined): string | null => (x === undefined ? null : typeof x === "string" ? x : x.a1());
    this.queueCall("setPosition", [typeof start === "string" ? start : "(range)", typeof end === "string" ? end : end ? "(range)" : null], () => {
      this.ws.writable();
      this.ref.get("chart").position = { start: a(start) ?? "", end: a(end) };
    });
  }
}

/** A proxy whose settable properties run the given setters at sync. */
class FakeSimple extends Proxy {
  constructor(ctx: FakeContext, className: string, setters: Record<string, (v: unknown) => void>) {
    super(ctx, className);
    for (const [prop, apply] of Object.entries(setters)) {
      Object.defineProperty(this, prop, {
        get: () => this.get(prop),
        set: (v: unknown) => this.queueSet(prop, v, () => apply(v)),
        enumerable: true,
      });
    }
  }
  [prop: string]: unknown;
}

class FakeSeriesCollection extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
    private readonly chart: () => FakeChart,
  ) {
    super(ctx, "ChartSeriesCollection");
  }
  add(name?: string): FakeSeries {
    const ref = new Ref<FakeChartSeries>();
    this.queueCall("add", [name ?? null], () => {
      this.ws.writable();
      const s: FakeChartSeries = { name: name ?? "", values: null, xValues: null, lineStyle: null, color: null, weight: null, markerStyle: null, markerSize: null };
      this.chart().series.push(s);
      ref.value = s;
    });
    return new FakeSeries(this.ctx, this.ws, ref);
  }
  getItemAt(index: number): FakeSeries {
    const ref = new Ref<FakeChartSeries>();
    this.queueCall("getItemAt", [index], () => {
      const s = this.chart().series[index];
      if (!s) throw new FakeOfficeError("ItemNotFound", `No series at ${index}.`);
      ref.value = s;
    });
    return new FakeSeries(this.ctx, this.ws, ref);
  }
}

class FakeSeries extends Proxy {
  readonly format: { line: FakeSimple };
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
    private readonly ref: Ref<FakeChartSeries>,
  ) {
    super(ctx, "ChartSeries");
    const w = (): FakeChartSeries => {
      ws.writable();
      return ref.get("series");
    };
    this.format = {
      line: new FakeSimple(ctx, "ChartLineFormat", {
        color: (v) => (w().color = String(v)),
        lineStyle: (v) => (w().lineStyle = String(v)),
        weight: (v) => (w().weight = Number(v)),
      }),
    };
  }
  set name(v: string) {
    this.queueSet("name", v, () => {
      this.ws.writable();
      this.ref.get("series").name = v;
    });
  }
  set markerStyle(v: string) {
    this.queueSet("markerStyle", v, () => {
      this.ws.writable();
      this.ref.get("series").markerStyle = v;
    });
  }
  set markerSize(v: number) {
    this.queueSet("markerSize", v, () => {
      this.ws.writable();
      this.ref.get("series").markerSize = v;
    });
  }
  setValues(source: FakeRange): void {
    this.queueCall("setValues", ["(range)"], () => {
      this.ws.writable();
      this.ref.get("series").values = source.a1();
    });
  }
  setXAxisValues(source: FakeRange): void {
    this.queueCall("setXAxisValues", ["(range)"], () => {
      this.ws.writable();
      this.ref.get("series").xValues = source.a1();
    });
  }
}

// ---------------------------------------------------------------------------------------------
// The factory
// ---------------------------------------------------------------------------------------------

function describe(host: Host, s: FakeSheet): SheetDescription {
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
    position: host.live().indexOf(s),
    visibility: s.visibility,
    tabColor: s.tabColor,
    showGridlines: s.showGridlines,
    freeze: s.freeze ? { ...s.freeze } : null,
    cells,
    numberFormats,
    formats,
    merges: [...s.merges].sort(),
    conditionalFormats: s.conditionalFormats.map(({ id: _id, ...rest }) => ({ ...rest })),
    columnWidths: Object.fromEntries([...s.columnWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [letters(c), w])),
    rowHeights: Object.fromEntries([...s.rowHeights].sort((a, b) => a[0] - b[0]).map(([r, h]) => [r + 1, h])),
    pageLayout: jsonCopy(s.pageLayout),
    pageBreaks: [...s.pageBreaks],
    charts: s.charts.map(({ id: _id, ...rest }) => jsonCopy(rest)),
  };
}

/** Makes a fake Excel host holding the given sheets and settings. */
export function createFakeExcel(init: FakeExcelInit): FakeExcel {
  const host = new Host();
  host.apiVersion = init.apiVersion ?? "1.9";
  host.cellEditMode = init.cellEditMode ?? false;
  if (init.payloadLimitBytes !== undefined) host.payloadLimit = init.payloadLimitBytes;
  for (const sheetInit of init.sheets) {
    const s = host.newSheet(sheetInit.name);
    s.protected = sheetInit.protected ?? false;
    s.visibility = sheetInit.visibility ?? "Visible";
    const origin = parseBox(sheetInit.origin ?? "A1") ?? { r0: 0, c0: 0, r1: 0, c1: 0 };
    sheetInit.values.forEach((row, i) =>
      row.forEach((v, j) => {
        const nf = sheetInit.numberFormat?.[i]?.[j] ?? "General";
        if (v === "" && nf === "General") return;
        const cell = cellAt(s, origin.r0 + i, origin.c0 + j);
        cell.value = v;
        cell.numberFormat = nf;
      }),
    );
    for (const cf of sheetInit.conditionalFormats ?? []) s.conditionalFormats.push({ ...cf, id: host.newId("CF00") });
    host.sheets.push(s);
  }
  host.activeSheet = host.live()[0] ?? null;
  for (const [k, v] of Object.entries(init.settings ?? {})) host.settings.set(k, jsonCopy(v));

  const run = async (...args: unknown[]): Promise<unknown> => {
    const batch = args.find((a): a is (ctx: FakeContext) => Promise<unknown> => typeof a === "function");
    if (!batch) throw new FakeOfficeError("InvalidArgument", "Excel.run needs a batch function.");
    const ctx = new FakeContext(host);
    const result = await batch(ctx);
    if (ctx.pending() > 0) await ctx.sync();
    return result;
  };

  const Office: FakeExcel["Office"] = {
    context: {
      requirements: {
        isSetSupported: (name: string, version?: string) => name === "ExcelApi" && versionAtLeast(host.apiVersion, version ?? "1.1"),
      },
    },
    onReady: async (callback) => {
      const info = { host: "Excel", platform: "PC" };
      callback?.(info);
      return info;
    },
    HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
  };

  const fake: FakeExcel = {
    Excel: {
      run,
      ConditionalFormatType: { custom: "Custom" },
      ChartType: { line: "Line" },
      ErrorCodes: { accessDenied: "AccessDenied", itemNotFound: "ItemNotFound", generalException: "GeneralException" },
    },
    Office,
    get stats() {
      return host.stats;
    },
    failAt(target, code = "GeneralException") {
      host.failure = { target, code };
    },
    setCellEditMode(on) {
      host.cellEditMode = on;
    },
    resetStats() {
      host.stats = { syncs: 0, apiCalls: 0, largestRequestBytes: 0, largestResponseBytes: 0, requests: [], apis: {} };
      host.nextCall = 0;
    },
    sheetNames: () => host.live().map((s) => s.name),
    sheet: (name) => host.findSheet(name),
    describeSheet(name) {
      const s = host.findSheet(name);
      if (!s) throw new Error(`No sheet named ${name}`);
      return describe(host, s);
    },
    activeSheetName: () => host.activeSheet?.name ?? null,
    selection: () => (host.selection ? `${host.selection.sheet.name}!${boxA1(host.selection.box)}` : null),
    settings: () => Object.fromEntries([...host.settings].map(([k, v]) => [k, jsonCopy(v)])),
    install(target = globalThis as unknown as Record<string, unknown>) {
      const before = { Excel: target["Excel"], Office: target["Office"] };
      target["Excel"] = fake.Excel;
      target["Office"] = fake.Office;
      return () => {
        target["Excel"] = before.Excel;
        target["Office"] = before.Office;
      };
    },
  };
  return fake;
}
