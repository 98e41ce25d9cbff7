/**
 * Excel's object model as the test host serves it: one class per Excel class the add-in reaches,
 * each answering the members Microsoft's office.js client sends in a request (PascalCase names:
 * a navigation property, a method, a scalar property to read or set, an indexer). Every member
 * works on the workbook model and applies Excel's documented rules and refusals, each with its
 * source beside it. A member the host does not model is refused with ApiNotFound, as Excel refuses
 * one it does not have, so a request the adapter starts sending is noticed, never answered wrongly.
 * Browser-safe (no Node imports).
 */
import { boxA1, cellCount, intersects, MAX_COLS, MAX_ROWS, parseBox, quoteSheet, type Box } from "./addresses";
import {
  cellAt,
  cellKey,
  forEachCell,
  HostError,
  jsonCopy,
  usedBox,
  writeCellValue,
  type FakeCellFormat,
  type FakeChart,
  type FakeChartSeries,
  type FakeConditionalFormat,
  type FakePageLayout,
  type FakeSheet,
  type FakeTable,
  type WorkbookModel,
} from "./workbook-model";

/** A scalar property: how it is read and, when writable, set. */
interface Scalar {
  readonly get?: () => unknown;
  readonly set?: (value: unknown) => void;
}

/** What a class answers. Names are the client's PascalCase ones ("Values", "GetRange"). */
interface Members {
  readonly scalars?: Record<string, Scalar>;
  readonly navs?: Record<string, () => HostObject | null>;
  readonly methods?: Record<string, (...args: unknown[]) => unknown>;
}

/** Everything a host object needs from the host. */
export interface HostState {
  readonly model: WorkbookModel;
  /** Counts a use of "Class.member" in the statistics. */
  readonly record: (api: string) => void;
}

/** An object of Excel's object model, as resolved from one object path of a request. */
export abstract class HostObject {
  private cached: Members | null = null;
  constructor(
    readonly className: string,
    protected readonly state: HostState,
  ) {}

  protected get model(): WorkbookModel {
    return this.state.model;
  }

  /** The members; built on first use. */
  protected abstract members(): Members;

  private spec(): Members {
    return (this.cached ??= this.members());
  }

  /** Scalar properties a `load()` without names reads. */
  defaultScalars(): string[] {
    return Object.keys(this.spec().scalars ?? {});
  }

  /** Whether `name` is a navigation property. */
  hasNav(name: string): boolean {
    return name in (this.spec().navs ?? {});
  }

  /** The object a navigation property leads to (null for a null object). */
  nav(name: string): HostObject | null {
    const f = this.spec().navs?.[name];
    if (!f) throw notModelled(this.className, name);
    return f();
  }

  /** Reads a scalar property. */
  get(name: string): unknown {
    const s = this.spec().scalars?.[name];
    if (!s) throw new HostError("InvalidArgument", `The property '${name}' does not exist on ${this.className}.`);
    if (!s.get) throw notModelled(this.className, name);
    return s.get();
  }

  /** Sets a scalar property. */
  set(name: string, value: unknown): void {
    const s = this.spec().scalars?.[name];
    if (!s) throw new HostError("InvalidArgument", `The property '${name}' does not exist on ${this.className}.`);
    if (!s.set) throw new HostError("InvalidArgument", `The property '${name}' of ${this.className} is read-only.`);
    s.set(value);
  }

  /** Calls a method; an object it returns becomes the object of a path. */
  call(name: string, args: readonly unknown[]): unknown {
    const m = this.spec().methods?.[name];
    if (!m) throw notModelled(this.className, name);
    return m(...args);
  }

  /** The item an indexer (`collection.getItem(key)`) names. */
  index(_args: readonly unknown[]): HostObject | null {
    throw notModelled(this.className, "(indexer)");
  }

  /** A collection's items, in order; null when this is not a collection. */
  items(): HostObject[] | null {
    return null;
  }

  /**
   * The keys Excel returns when the object is instantiated, which the client then uses to address
   * it in later requests (a worksheet by its Id, a setting by its key, a rule by its index).
   */
  identity(): Record<string, unknown> {
    return {};
  }
}

/**
 * Excel answers a member it does not have with ApiNotFound. The client's own requirement-set check
 * never fires in this office.js build (its `_doApiNotSupportedCheck` is switched on for
 * `Utility`, but `CommonUtility.throwIfApiNotSupported` reads its own, still false), so the host
 * is what refuses an API above its version. The host models ExcelApi 1.9 and what the add-in
 * uses; anything else is refused the same way, naming the test host so a gap is obvious.
 */
function notModelled(cls: string, member: string): HostError {
  return new HostError("ApiNotFound", `${cls}.${member} is not available in this Excel (the test host models ExcelApi 1.9 and what the add-in uses).`);
}

// ---------------------------------------------------------------------------------------------
// Argument checks
// ---------------------------------------------------------------------------------------------

function str(v: unknown, what: string): string {
  if (typeof v !== "string") throw new HostError("InvalidArgument", `${what} must be text.`);
  return v;
}

function bool(v: unknown, what: string): boolean {
  if (typeof v !== "boolean") throw new HostError("InvalidArgument", `${what} must be true or false.`);
  return v;
}

function num(v: unknown, what: string): number {
  if (typeof v !== "number" || !Number.isFinite(v)) throw new HostError("InvalidArgument", `${what} must be a number.`);
  return v;
}

function oneOf(v: unknown, allowed: readonly string[], what: string): string {
  if (typeof v !== "string" || !allowed.some((a) => a.toLowerCase() === v.toLowerCase())) {
    throw new HostError("InvalidArgument", `${what} must be one of ${allowed.join(", ")}.`);
  }
  return allowed.find((a) => a.toLowerCase() === v.toLowerCase()) ?? v;
}

/** A colour as Excel takes it: "#RRGGBB", "" (none) or a named colour. */
function colour(v: unknown, what: string): string {
  const s = str(v, what);
  if (s !== "" && !/^#[0-9a-f]{6}$/i.test(s) && !/^[a-z]+$/i.test(s)) throw new HostError("InvalidArgument", `${what} "${s}" is not a colour.`);
  return s;
}

/** A range given as an address on this sheet or as a Range object (as methods such as freezeAt take). */
function rangeArg(v: unknown, sheet: FakeSheet, what: string): Box {
  if (v instanceof RangeObject) {
    if (v.sheetModel() !== sheet) throw new HostError("InvalidArgument", `${what} must be on the same worksheet.`);
    return v.box;
  }
  const b = typeof v === "string" ? parseBox(v) : null;
  if (!b) throw new HostError("InvalidArgument", `${what} is not a valid range.`);
  return b;
}

// ---------------------------------------------------------------------------------------------
// Workbook, application, worksheets, settings
// ---------------------------------------------------------------------------------------------

/** The root object of every request (`context.workbook`). */
export class WorkbookObject extends HostObject {
  constructor(state: HostState) {
    super("Workbook", state);
  }
  protected members(): Members {
    return {
      navs: {
        Worksheets: () => new WorksheetCollectionObject(this.state),
        Settings: () => new SettingCollectionObject(this.state),
        Application: () => new ApplicationObject(this.state),
      },
    };
  }
}

class ApplicationObject extends HostObject {
  constructor(state: HostState) {
    super("Application", state);
  }
  protected members(): Members {
    return {
      methods: {
        SuspendScreenUpdatingUntilNextSync: () => null,
        SuspendApiCalculationUntilNextSync: () => null,
      },
    };
  }
}

class WorksheetCollectionObject extends HostObject {
  constructor(state: HostState) {
    super("WorksheetCollection", state);
  }
  override items(): HostObject[] {
    return this.model.live().map((s) => new WorksheetObject(this.state, s));
  }
  override index(args: readonly unknown[]): HostObject {
    const key = str(args[0], "The worksheet's name or id");
    const s = this.model.findSheet(key);
    if (!s) throw new HostError("ItemNotFound", `The worksheet "${key}" does not exist.`);
    return new WorksheetObject(this.state, s);
  }
  protected members(): Members {
    return {
      methods: {
        GetItem: (key) => this.index([key]),
        GetItemOrNullObject: (key) => {
          const s = this.model.findSheet(str(key, "The worksheet's name or id"));
          return s ? new WorksheetObject(this.state, s) : null;
        },
        Add: (name) => new WorksheetObject(this.state, this.model.addSheet(name === undefined || name === null ? undefined : str(name, "The name"))),
        GetActiveWorksheet: () => {
          const s = this.model.activeSheet ?? this.model.live()[0];
          if (!s) throw new HostError("ItemNotFound", "There is no active worksheet.");
          return new WorksheetObject(this.state, s);
        },
        GetCount: (visibleOnly) => this.model.live().filter((s) => visibleOnly !== true || s.visibility === "Visible").length,
      },
    };
  }
}

/** Refuses changes to a protected sheet, as Excel does (AccessDenied). */
function writable(s: FakeSheet): FakeSheet {
  if (s.protected) throw new HostError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
  return s;
}

class WorksheetObject extends HostObject {
  constructor(
    state: HostState,
    private readonly s: FakeSheet,
  ) {
    super("Worksheet", state);
  }
  /** The sheet, or ItemNotFound once it has been deleted. */
  sheet(): FakeSheet {
    if (this.s.deleted) throw new HostError("ItemNotFound", `The worksheet "${this.s.name}" was deleted.`);
    return this.s;
  }
  override identity(): Record<string, unknown> {
    return { Id: this.sheet().id };
  }
  private range(b: Box): RangeObject {
    return new RangeObject(this.state, this, b);
  }
  protected members(): Members {
    const model = this.model;
    return {
      scalars: {
        Id: { get: () => this.sheet().id },
        Name: {
          get: () => this.sheet().name,
          set: (v) => {
            const s = this.sheet();
            s.name = model.checkName(v, s);
          },
        },
        Position: {
          get: () => model.live().indexOf(this.sheet()),
          set: (v) => model.moveSheet(this.sheet(), num(v, "The position")),
        },
        Visibility: {
          get: () => this.sheet().visibility,
          set: (v) => {
            const s = this.sheet();
            const to = oneOf(v, ["Visible", "Hidden", "VeryHidden"], "The visibility");
            if (to !== "Visible" && !model.live().some((x) => x !== s && x.visibility === "Visible")) {
              throw new HostError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
            }
            s.visibility = to;
          },
        },
        TabColor: { get: () => this.sheet().tabColor, set: (v) => (writable(this.sheet()).tabColor = colour(v, "The tab colour")) },
        // The client reads "ShowGridlines" but sets "Gridlines" (its Worksheet_ShowGridlines_Set).
        ShowGridlines: { get: () => this.sheet().showGridlines },
        Gridlines: { get: () => this.sheet().showGridlines, set: (v) => (writable(this.sheet()).showGridlines = bool(v, "showGridlines")) },
      },
      navs: {
        Protection: () => new ProtectionObject(this.state, this),
        FreezePanes: () => new FreezePanesObject(this.state, this),
        PageLayout: () => new PageLayoutObject(this.state, this),
        HorizontalPageBreaks: () => new PageBreakCollectionObject(this.state, this),
        Charts: () => new ChartCollectionObject(this.state, this),
        Tables: () => new TableCollectionObject(this.state, this),
        Shapes: () => new ShapeCollectionObject(this.state, this),
      },
      methods: {
        Activate: () => {
          const s = this.sheet();
          if (s.visibility !== "Visible") throw new HostError("InvalidOperation", "A hidden worksheet cannot be activated.");
          model.activeSheet = s;
          return null;
        },
        Delete: () => {
          model.deleteSheet(this.sheet());
          return null;
        },
        GetRange: (address) => {
          this.sheet();
          if (address === undefined || address === null || address === "") return this.range({ r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 });
          const b = parseBox(str(address, "The address"));
          if (!b) throw new HostError("InvalidArgument", `"${String(address)}" is not a valid range address.`);
          return this.range(b);
        },
        GetRanges: (address) => {
          this.sheet();
          const list = str(address, "The address list");
          // People report that getRanges refuses address lists past 255 characters (the limit of
          // Excel's Range("…") in VBA); the writer keeps within it, so the host holds it to that.
          if (list.length > 255) throw new HostError("InvalidArgument", `The address list is ${list.length} characters; at most 255 are accepted.`);
          const boxes = list.split(",").map((part) => parseBox(part.trim()));
          if (boxes.some((b) => b === null)) throw new HostError("InvalidArgument", `"${list}" is not a valid list of ranges.`);
          return new RangeAreasObject(this.state, this, boxes as Box[]);
        },
        GetRangeByIndexes: (row, col, rows, cols) => {
          this.sheet();
          const [r, c, n, m] = [num(row, "startRow"), num(col, "startColumn"), num(rows, "rowCount"), num(cols, "columnCount")];
          if (n < 1 || m < 1 || r < 0 || c < 0 || r + n > MAX_ROWS || c + m > MAX_COLS)
            throw new HostError("InvalidArgument", "The range indexes are not valid.");
          return this.range({ r0: r, c0: c, r1: r + n - 1, c1: c + m - 1 });
        },
        GetCell: (row, col) => this.range({ r0: num(row, "row"), c0: num(col, "column"), r1: num(row, "row"), c1: num(col, "column") }),
        // On a sheet with nothing in it Excel gives A1 for getUsedRange, and a null object for the OrNullObject form.
        GetUsedRange: (valuesOnly) => this.range(usedBox(this.sheet(), valuesOnly === true) ?? { r0: 0, c0: 0, r1: 0, c1: 0 }),
        GetUsedRangeOrNullObject: (valuesOnly) => {
          const b = usedBox(this.sheet(), valuesOnly === true);
          return b ? this.range(b) : null;
        },
      },
    };
  }
}

class ProtectionObject extends HostObject {
  constructor(
    state: HostState,
    private readonly ws: WorksheetObject,
  ) {
    super("WorksheetProtection", state);
  }
  protected members(): Members {
    return { scalars: { Protected: { get: () => this.ws.sheet().protected } } };
  }
}

class SettingCollectionObject extends HostObject {
  constructor(state: HostState) {
    super("SettingCollection", state);
  }
  override items(): HostObject[] {
    return [...this.model.settings.keys()].map((k) => new SettingObject(this.state, k));
  }
  override index(args: readonly unknown[]): HostObject {
    const key = str(args[0], "The setting's key");
    if (!this.model.settings.has(key)) throw new HostError("ItemNotFound", `The setting "${key}" does not exist.`);
    return new SettingObject(this.state, key);
  }
  protected members(): Members {
    return {
      methods: {
        Add: (key, value) => {
          const k = str(key, "The key");
          this.model.settings.set(k, jsonCopy(value));
          return new SettingObject(this.state, k);
        },
        GetItem: (key) => this.index([key]),
        GetItemOrNullObject: (key) => (this.model.settings.has(str(key, "The key")) ? new SettingObject(this.state, key as string) : null),
        GetCount: () => this.model.settings.size,
      },
    };
  }
}

class SettingObject extends HostObject {
  constructor(
    state: HostState,
    private readonly key: string,
  ) {
    super("Setting", state);
  }
  private present(): string {
    if (!this.model.settings.has(this.key)) throw new HostError("ItemNotFound", `The setting "${this.key}" was deleted.`);
    return this.key;
  }
  override identity(): Record<string, unknown> {
    return { _Id: this.key };
  }
  protected members(): Members {
    return {
      scalars: {
        Key: { get: () => this.present() },
        Value: {
          get: () => jsonCopy(this.model.settings.get(this.present())) ?? null,
          set: (v) => this.model.settings.set(this.present(), jsonCopy(v)),
        },
      },
      methods: {
        Delete: () => {
          this.model.settings.delete(this.present());
          return null;
        },
      },
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges and their formats
// ---------------------------------------------------------------------------------------------

/**
 * Reads of more than this many cells come back as null for cell-level properties: Excel's
 * documented answer for unbounded ranges (excel-add-ins-ranges-unbounded) and its resource limit
 * of 5 million cells for a read (resource-limits-and-performance-optimization).
 */
const READ_CELL_LIMIT = 5_000_000;
/** Characters a cell can hold (Excel specifications and limits). */
export const CELL_TEXT_LIMIT = 32_767;

function checkShape(b: Box, v: unknown, what: string): unknown[][] {
  const rows = b.r1 - b.r0 + 1;
  const cols = b.c1 - b.c0 + 1;
  if (!Array.isArray(v) || v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw new HostError("InvalidArgument", `The number of rows or columns in the input array for ${what} doesn't match the size or dimensions of the range.`);
  }
  return v as unknown[][];
}

export class RangeObject extends HostObject {
  constructor(
    state: HostState,
    readonly worksheet: WorksheetObject,
    readonly box: Box,
  ) {
    super("Range", state);
  }
  sheetModel(): FakeSheet {
    return this.worksheet.sheet();
  }
  /** "D5:F9" without the sheet. */
  a1(): string {
    return boxA1(this.box);
  }
  private grid(f: (r: number, c: number) => unknown): unknown[][] | null {
    if (cellCount(this.box) > READ_CELL_LIMIT) return null;
    const out: unknown[][] = [];
    for (let r = this.box.r0; r <= this.box.r1; r++) {
      const row: unknown[] = [];
      for (let c = this.box.c0; c <= this.box.c1; c++) row.push(f(r, c));
      out.push(row);
    }
    return out;
  }
  protected members(): Members {
    const b = this.box;
    const sheet = (): FakeSheet => this.sheetModel();
    const cell = (r: number, c: number) => sheet().cells.get(cellKey(r, c));
    return {
      scalars: {
        Address: { get: () => `${quoteSheet(sheet().name)}!${boxA1(b)}` },
        RowCount: { get: () => b.r1 - b.r0 + 1 },
        ColumnCount: { get: () => b.c1 - b.c0 + 1 },
        RowIndex: { get: () => b.r0 },
        ColumnIndex: { get: () => b.c0 },
        Values: {
          get: () => this.grid((r, c) => cell(r, c)?.value ?? ""),
          set: (v) => {
            const s = writable(sheet());
            const rows = checkShape(b, v, "values");
            // A cell holds at most 32,767 characters ("Excel specifications and limits", Microsoft
            // Support); Excel refuses a longer text rather than cutting it.
            if (rows.some((row) => Array.isArray(row) && row.some((x) => typeof x === "string" && x.length > CELL_TEXT_LIMIT))) {
              throw new HostError("InvalidArgument", `A cell can hold at most ${CELL_TEXT_LIMIT} characters.`);
            }
            forEachCell(b, (r, c) => {
              const x = rows[r - b.r0]?.[c - b.c0];
              if (x === null || x === undefined) return;
              if (x === "" && !s.cells.has(cellKey(r, c))) return;
              writeCellValue(cellAt(s, r, c), x, false);
            });
          },
        },
        Formulas: {
          get: () => this.grid((r, c) => cell(r, c)?.formula ?? cell(r, c)?.value ?? ""),
          set: (v) => {
            const s = writable(sheet());
            const rows = checkShape(b, v, "formulas");
            forEachCell(b, (r, c) => writeCellValue(cellAt(s, r, c), rows[r - b.r0]?.[c - b.c0], true));
          },
        },
        NumberFormat: {
          get: () => this.grid((r, c) => cell(r, c)?.numberFormat ?? "General"),
          set: (v) => {
            const s = writable(sheet());
            // A 1×1 format is broadcast over the range (office-js-docs-pr#5400); other shapes must match.
            const one = Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1 ? (v[0] as unknown[])[0] : undefined;
            const rows = one === undefined ? checkShape(b, v, "numberFormat") : null;
            forEachCell(b, (r, c) => {
              const f = rows ? rows[r - b.r0]?.[c - b.c0] : one;
              if (f === null || f === undefined) return;
              cellAt(s, r, c).numberFormat = String(f) === "" ? "General" : String(f);
            });
          },
        },
      },
      navs: {
        Format: () => new RangeFormatObject(this.state, this.worksheet, [b]),
        ConditionalFormats: () => new ConditionalFormatCollectionObject(this.state, this),
        Worksheet: () => this.worksheet,
      },
      methods: {
        Select: () => {
          const s = sheet();
          if (this.model.activeSheet !== s) throw new HostError("InvalidOperation", "Only a range on the active worksheet can be selected.");
          this.model.selection = { sheet: s, box: b };
          return null;
        },
        Merge: (across) => {
          const s = writable(sheet());
          const boxes: Box[] = across === true ? Array.from({ length: b.r1 - b.r0 + 1 }, (_, i) => ({ ...b, r0: b.r0 + i, r1: b.r0 + i })) : [b];
          for (const m of boxes) {
            if (m.r0 === m.r1 && m.c0 === m.c1) continue;
            for (const existing of s.merges) {
              const e = parseBox(existing);
              if (e && intersects(e, m)) throw new HostError("MergedRangeConflict", `The range ${boxA1(m)} overlaps merged cells ${existing}.`);
            }
            s.merges.push(boxA1(m));
          }
          return null;
        },
        Unmerge: () => {
          const s = writable(sheet());
          s.merges = s.merges.filter((m) => {
            const e = parseBox(m);
            return !(e && intersects(e, b));
          });
          return null;
        },
        GetCell: (row, col) => {
          const r = b.r0 + num(row, "row");
          const c = b.c0 + num(col, "column");
          return new RangeObject(this.state, this.worksheet, { r0: r, c0: c, r1: r, c1: c });
        },
        GetRow: (row) => {
          const r = b.r0 + num(row, "row");
          if (r > b.r1) throw new HostError("InvalidArgument", `Row ${String(row)} is outside the range.`);
          return new RangeObject(this.state, this.worksheet, { ...b, r0: r, r1: r });
        },
        GetColumn: (col) => {
          const c = b.c0 + num(col, "column");
          if (c > b.c1) throw new HostError("InvalidArgument", `Column ${String(col)} is outside the range.`);
          return new RangeObject(this.state, this.worksheet, { ...b, c0: c, c1: c });
        },
        GetBoundingRect: (other) => {
          const o = rangeArg(other, sheet(), "The other range");
          return new RangeObject(this.state, this.worksheet, {
            r0: Math.min(b.r0, o.r0),
            c0: Math.min(b.c0, o.c0),
            r1: Math.max(b.r1, o.r1),
            c1: Math.max(b.c1, o.c1),
          });
        },
        // The client sends this before it splits a large values or numberFormat array into row
        // chunks of about 1,500 cells (its setRangePropertiesInBulk): the whole array must fit.
        _ValidateArraySize: (rows, cols) => {
          if (rows !== b.r1 - b.r0 + 1 || cols !== b.c1 - b.c0 + 1) {
            throw new HostError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
          }
          return null;
        },
      },
    };
  }
}

/** Several ranges of one worksheet (`getRanges`, ExcelApi 1.9). */
class RangeAreasObject extends HostObject {
  constructor(
    state: HostState,
    private readonly worksheet: WorksheetObject,
    private readonly boxes: readonly Box[],
  ) {
    super("RangeAreas", state);
  }
  protected members(): Members {
    return {
      scalars: { Address: { get: () => this.boxes.map((b) => `${quoteSheet(this.worksheet.sheet().name)}!${boxA1(b)}`).join(",") } },
      navs: { Format: () => new RangeFormatObject(this.state, this.worksheet, this.boxes) },
    };
  }
}

/** Sets one format field on every cell of the boxes. */
function setEach(ws: WorksheetObject, boxes: readonly Box[], apply: (f: FakeCellFormat) => void): void {
  const s = writable(ws.sheet());
  for (const b of boxes) forEachCell(b, (r, c) => apply(cellAt(s, r, c).format));
}

/** The first cell's format, which Excel reports when a property is read over a range. */
function firstFormat(ws: WorksheetObject, boxes: readonly Box[]): FakeCellFormat | undefined {
  const b = boxes[0];
  return b ? ws.sheet().cells.get(cellKey(b.r0, b.c0))?.format : undefined;
}

class RangeFormatObject extends HostObject {
  constructor(
    state: HostState,
    private readonly ws: WorksheetObject,
    private readonly boxes: readonly Box[],
  ) {
    super("RangeFormat", state);
  }
  protected members(): Members {
    const ws = this.ws;
    const boxes = this.boxes;
    const first = (): FakeCellFormat | undefined => firstFormat(ws, boxes);
    const field = <K extends keyof FakeCellFormat>(k: K, check: (v: unknown) => FakeCellFormat[K]): Scalar => ({
      get: () => first()?.[k] ?? null,
      set: (v) => {
        const value = check(v);
        setEach(ws, boxes, (f) => (f[k] = value));
      },
    });
    return {
      scalars: {
        // Points, as Office.js uses (office-js#187).
        ColumnWidth: {
          get: () => ws.sheet().columnWidths.get(boxes[0]?.c0 ?? 0) ?? 48,
          set: (v) => {
            const w = num(v, "columnWidth");
            const s = writable(ws.sheet());
            for (const b of boxes) for (let c = b.c0; c <= b.c1; c++) s.columnWidths.set(c, w);
          },
        },
        RowHeight: {
          get: () => ws.sheet().rowHeights.get(boxes[0]?.r0 ?? 0) ?? 15,
          set: (v) => {
            const h = num(v, "rowHeight");
            // Excel's row heights run from 0 to 409 points (Excel specifications and limits).
            if (h < 0 || h > 409) throw new HostError("InvalidArgument", `A row height of ${h} points is outside 0 to 409.`);
            const s = writable(ws.sheet());
            for (const b of boxes) for (let r = b.r0; r <= b.r1; r++) s.rowHeights.set(r, h);
          },
        },
        HorizontalAlignment: field("hAlign", (v) =>
          oneOf(v, ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"], "horizontalAlignment"),
        ),
        VerticalAlignment: field("vAlign", (v) => oneOf(v, ["Top", "Center", "Bottom", "Justify", "Distributed"], "verticalAlignment")),
        WrapText: field("wrap", (v) => bool(v, "wrapText")),
      },
      navs: {
        Fill: () => new FormatPartObject(this.state, "RangeFill", ws, boxes, { Color: ["fill", (v) => colour(v, "The fill colour")] }),
        Font: () =>
          new FormatPartObject(this.state, "RangeFont", ws, boxes, {
            Color: ["fontColor", (v) => colour(v, "The font colour")],
            Bold: ["bold", (v) => bool(v, "bold")],
            Italic: ["italic", (v) => bool(v, "italic")],
            Size: ["size", (v) => num(v, "size")],
            Name: ["fontName", (v) => str(v, "The font name")],
          }),
        Borders: () => new BorderCollectionObject(this.state, ws, boxes),
      },
    };
  }
}

type FieldMap = Record<string, [keyof FakeCellFormat, (v: unknown) => unknown]>;

/** A range's fill or font: each property maps onto a cell-format field. */
class FormatPartObject extends HostObject {
  constructor(
    state: HostState,
    className: string,
    private readonly ws: WorksheetObject,
    private readonly boxes: readonly Box[],
    private readonly fields: FieldMap,
  ) {
    super(className, state);
  }
  protected members(): Members {
    const scalars: Record<string, Scalar> = {};
    for (const [prop, [field, check]] of Object.entries(this.fields)) {
      scalars[prop] = {
        get: () => firstFormat(this.ws, this.boxes)?.[field] ?? null,
        set: (v) => {
          const value = check(v);
          setEach(this.ws, this.boxes, (f) => ((f as Record<string, unknown>)[field] = value));
        },
      };
    }
    return { scalars };
  }
}

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical", "DiagonalDown", "DiagonalUp"];

class BorderCollectionObject extends HostObject {
  constructor(
    state: HostState,
    private readonly ws: WorksheetObject,
    private readonly boxes: readonly Box[],
  ) {
    super("RangeBorderCollection", state);
  }
  override index(args: readonly unknown[]): HostObject {
    return new BorderObject(this.state, this.ws, this.boxes, oneOf(args[0], EDGES, "The border"));
  }
  protected members(): Members {
    return { methods: { GetItem: (edge) => this.index([edge]) } };
  }
}

class BorderObject extends HostObject {
  constructor(
    state: HostState,
    private readonly ws: WorksheetObject,
    private readonly boxes: readonly Box[],
    private readonly edge: string,
  ) {
    super("RangeBorder", state);
  }
  private setPart(part: "style" | "color" | "weight", v: string): void {
    const s = writable(this.ws.sheet());
    const edge = this.edge;
    for (const b of this.boxes) {
      // An outer edge of a range lands on the cells along that edge only.
      forEachCell(b, (r, c) => {
        const onEdge =
          (edge === "EdgeTop" && r === b.r0) ||
          (edge === "EdgeBottom" && r === b.r1) ||
          (edge === "EdgeLeft" && c === b.c0) ||
          (edge === "EdgeRight" && c === b.c1) ||
          (edge === "InsideHorizontal" && r < b.r1) ||
          (edge === "InsideVertical" && c < b.c1);
        if (!onEdge) return;
        const name = edge === "InsideHorizontal" ? "EdgeBottom" : edge === "InsideVertical" ? "EdgeRight" : edge;
        const f = cellAt(s, r, c).format;
        f.borders ??= {};
        f.borders[name] = { ...f.borders[name], [part]: v };
      });
    }
  }
  protected members(): Members {
    const read = (part: "style" | "color" | "weight") => () => {
      const b = this.boxes[0];
      return b ? (this.ws.sheet().cells.get(cellKey(b.r0, b.c0))?.format.borders?.[this.edge]?.[part] ?? null) : null;
    };
    return {
      scalars: {
        Style: {
          get: read("style"),
          set: (v) =>
            this.setPart("style", oneOf(v, ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"], "The border style")),
        },
        Color: { get: read("color"), set: (v) => this.setPart("color", colour(v, "The border colour")) },
        Weight: { get: read("weight"), set: (v) => this.setPart("weight", oneOf(v, ["Hairline", "Thin", "Medium", "Thick"], "The border weight")) },
      },
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Conditional formats
// ---------------------------------------------------------------------------------------------

/**
 * The rules that meet a range, in priority order. A rule is addressed by its place in this list:
 * `ConditionalFormat.id` is "the priority of the conditional format in the current
 * ConditionalFormatCollection" (d.ts), and `getItem(id)` / `getItemAt(index)` look it up when
 * the request runs. So after a rule is deleted, the ones below move up, and an object loaded
 * before the deletion now names another rule (d.ts `priority`: "you have to re-fetch").
 */
class ConditionalFormatCollectionObject extends HostObject {
  constructor(
    state: HostState,
    private readonly range: RangeObject,
  ) {
    super("ConditionalFormatCollection", state);
  }
  private matching(): FakeConditionalFormat[] {
    const b = this.range.box;
    return this.range.sheetModel().conditionalFormats.filter((cf) => {
      const cb = parseBox(cf.range);
      return cb !== null && intersects(cb, b);
    });
  }
  private at(index: number): ConditionalFormatObject {
    const cf = this.matching()[index];
    if (!cf) throw new HostError("ItemNotFound", `No conditional format has the priority ${index}.`);
    return new ConditionalFormatObject(this.state, this.range, cf);
  }
  override items(): HostObject[] {
    return this.matching().map((cf) => new ConditionalFormatObject(this.state, this.range, cf));
  }
  override index(args: readonly unknown[]): HostObject {
    const id = args[0];
    const n = typeof id === "string" && /^\d+$/.test(id) ? Number(id) : typeof id === "number" ? id : NaN;
    if (!Number.isInteger(n)) throw new HostError("ItemNotFound", `No conditional format has the id ${String(id)}.`);
    return this.at(n);
  }
  protected members(): Members {
    return {
      methods: {
        Add: (type) => {
          const t = oneOf(
            type,
            ["Custom", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"],
            "The conditional format type",
          );
          const s = writable(this.range.sheetModel());
          const cf: FakeConditionalFormat = {
            type: t,
            range: this.range.a1(),
            formula: null,
            fill: null,
            fontColor: null,
            bold: null,
            italic: null,
            stopIfTrue: t === "DataBar" || t === "ColorScale" || t === "IconSet" ? null : false,
          };
          // "Adds a new conditional format to the collection at the first/top priority." (d.ts)
          s.conditionalFormats.unshift(cf);
          return new ConditionalFormatObject(this.state, this.range, cf);
        },
        GetItemAt: (index) => this.at(num(index, "The index")),
        GetCount: () => this.matching().length,
        ClearAll: () => {
          const s = writable(this.range.sheetModel());
          const gone = new Set(this.matching());
          s.conditionalFormats = s.conditionalFormats.filter((cf) => !gone.has(cf));
          return null;
        },
      },
    };
  }
}

class ConditionalFormatObject extends HostObject {
  constructor(
    state: HostState,
    private readonly range: RangeObject,
    private readonly cf: FakeConditionalFormat,
  ) {
    super("ConditionalFormat", state);
  }
  /** The rule, or ItemNotFound once it has been deleted. */
  rule(): FakeConditionalFormat {
    if (!this.range.sheetModel().conditionalFormats.includes(this.cf)) throw new HostError("ItemNotFound", "The conditional format was deleted.");
    return this.cf;
  }
  /** The rule's properties; a rule Excel cannot describe fails to read (office-js#6835, #6827). */
  readable(): FakeConditionalFormat {
    const cf = this.rule();
    if (cf.unreadable) throw new HostError("GeneralException", "There was an internal error while processing the request.");
    return cf;
  }
  private priority(): number {
    const b = this.range.box;
    return this.range
      .sheetModel()
      .conditionalFormats.filter((x) => {
        const cb = parseBox(x.range);
        return cb !== null && intersects(cb, b);
      })
      .indexOf(this.rule());
  }
  override identity(): Record<string, unknown> {
    return { Id: String(this.priority()) };
  }
  protected members(): Members {
    const s = (): FakeSheet => this.range.sheetModel();
    const typed = (type: string, what: string) => (): HostObject | null => {
      // Reading another type's part is refused: "This operation is not permitted for the current
      // object." (office-js#2180, loading items/custom/rule/formula with other rule types present).
      if (this.readable().type !== type)
        throw new HostError("InvalidOperation", `This operation is not permitted for the current object (${what} of a ${this.cf.type} rule).`);
      return customParts(this.state, this);
    };
    return {
      scalars: {
        Id: { get: () => String(this.priority()) },
        Type: { get: () => this.readable().type },
        Priority: {
          get: () => this.priority(),
          set: (v) => {
            const sheet = writable(s());
            const cf = this.rule();
            sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => x !== cf);
            const n = num(v, "The priority");
            sheet.conditionalFormats.splice(Math.max(0, Math.min(n, sheet.conditionalFormats.length)), 0, cf);
          },
        },
        StopIfTrue: {
          get: () => this.readable().stopIfTrue,
          set: (v) => {
            writable(s());
            const cf = this.rule();
            // stopIfTrue "is null on data bars, icon sets and colour scales" (d.ts): setting it there is refused.
            if (cf.stopIfTrue === null) throw new HostError("InvalidOperation", "This rule type has no stopIfTrue.");
            cf.stopIfTrue = bool(v, "stopIfTrue");
          },
        },
      },
      navs: {
        Custom: typed("Custom", "custom"),
        CustomOrNullObject: () => (this.readable().type === "Custom" ? customParts(this.state, this) : null),
      },
      methods: {
        Delete: () => {
          const sheet = writable(s());
          const cf = this.rule();
          sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => x !== cf);
          return null;
        },
        GetRange: () => {
          const b = parseBox(this.rule().range);
          if (!b) throw new HostError("GeneralException", "The rule has no range.");
          return new RangeObject(this.state, this.range.worksheet, b);
        },
      },
    };
  }
  /** For the rule's parts: the sheet, refusing changes when protected. */
  writableRule(): FakeConditionalFormat {
    writable(this.range.sheetModel());
    return this.readable();
  }
}

/** A custom rule's parts: its rule (the formula) and its format (fill and font). */
function customParts(state: HostState, o: ConditionalFormatObject): HostObject {
  return new SimpleObject(state, "CustomConditionalFormat", {
    navs: {
      Rule: () => new RulePartObject(state, "ConditionalFormatRule", o, { Formula: ["formula", (v) => str(v, "The formula")] }),
      Format: () =>
        new SimpleObject(state, "ConditionalRangeFormat", {
          navs: {
            Fill: () => new RulePartObject(state, "ConditionalRangeFill", o, { Color: ["fill", (v) => colour(v, "The fill colour")] }),
            Font: () =>
              new RulePartObject(state, "ConditionalRangeFont", o, {
                Color: ["fontColor", (v) => colour(v, "The font colour")],
                Bold: ["bold", (v) => bool(v, "bold")],
                Italic: ["italic", (v) => bool(v, "italic")],
              }),
          },
        }),
    },
  });
}

type RuleFields = Record<string, [keyof FakeConditionalFormat, (v: unknown) => unknown]>;

/** A part of a custom rule (its formula, fill or font): properties map onto the rule's fields. */
class RulePartObject extends HostObject {
  constructor(
    state: HostState,
    className: string,
    private readonly owner: ConditionalFormatObject,
    private readonly fields: RuleFields,
  ) {
    super(className, state);
  }
  protected members(): Members {
    const scalars: Record<string, Scalar> = {};
    for (const [prop, [field, check]] of Object.entries(this.fields)) {
      scalars[prop] = {
        get: () => this.owner.readable()[field] ?? null,
        set: (v) => {
          const value = check(v);
          (this.owner.writableRule() as unknown as Record<string, unknown>)[field] = value;
        },
      };
    }
    return { scalars };
  }
}

// ---------------------------------------------------------------------------------------------
// View and printing
// ---------------------------------------------------------------------------------------------

class FreezePanesObject extends HostObject {
  constructor(
    state: HostState,
    private readonly ws: WorksheetObject,
  ) {
    super("WorksheetFreezePanes", state);
  }
  /**
   * Frozen panes belong to a sheet's window view, so Excel freezes through the sheet's view: on
   * Windows and Mac freezing a sheet that is not active makes it the active one (office-js#3148,
   * "it will trigger the WorksheetActivated event"). The host does the same.
   */
  private freeze(rows: number, columns: number): null {
    const s = this.ws.sheet();
    if (rows < 0 || columns < 0 || rows >= MAX_ROWS || columns >= MAX_COLS)
      throw new HostError("InvalidArgument", "The number of rows or columns to freeze is not valid.");
    s.freeze = rows === 0 && columns === 0 ? null : { rows, columns };
    if (s.visibility === "Visible") this.model.activeSheet = s;
    return null;
  }
  protected members(): Members {
    const current = (): { rows: number; columns: number } => this.ws.sheet().freeze ?? { rows: 0, columns: 0 };
    return {
      methods: {
        FreezeRows: (n) => this.freeze(n === undefined || n === null ? 1 : num(n, "count"), current().columns),
        FreezeColumns: (n) => this.freeze(current().rows, n === undefined || n === null ? 1 : num(n, "count")),
        FreezeAt: (at) => {
          const b = rangeArg(at, this.ws.sheet(), "The range to freeze at");
          return this.freeze(b.r1 + 1, b.c1 + 1);
        },
        Unfreeze: () => this.freeze(0, 0),
      },
    };
  }
}

const PAPER_SIZES = [
  "Letter",
  "LetterSmall",
  "Tabloid",
  "Ledger",
  "Legal",
  "Statement",
  "Executive",
  "A3",
  "A4",
  "A4Small",
  "A5",
  "B4",
  "B5",
  "Folio",
  "Quatro",
];

/** Checks a zoom as `PageLayoutZoomOptions` documents it: a scale of 10 to 400, or fit-to-pages counts. */
function zoomOptions(v: unknown): FakePageLayout["zoom"] {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new HostError("InvalidArgument", "The zoom must be an object.");
  const z = v as Record<string, unknown>;
  const out: FakePageLayout["zoom"] = {};
  for (const [k, x] of Object.entries(z)) {
    if (x === null || x === undefined) continue;
    if (k === "scale") {
      // "Print page scale value can be between 10 and 400." (d.ts PageLayoutZoomOptions.scale)
      if (typeof x !== "number" || x < 10 || x > 400) throw new HostError("InvalidArgument", `A print scale of ${String(x)} is outside 10 to 400.`);
      out.scale = x;
    } else if (k === "horizontalFitToPages" || k === "verticalFitToPages") {
      if (typeof x !== "number" || !Number.isInteger(x) || x < 0 || x > 32767)
        throw new HostError("InvalidArgument", `${k} of ${String(x)} is not a page count.`);
      out[k] = x;
    } else throw new HostError("InvalidArgument", `The zoom has no option "${k}".`);
  }
  return out;
}

class PageLayoutObject extends HostObject {
  constructor(
    state: HostState,
    private readonly ws: WorksheetObject,
  ) {
    super("PageLayout", state);
  }
  protected members(): Members {
    const pl = (): FakePageLayout => this.ws.sheet().pageLayout;
    const w = (): FakePageLayout => writable(this.ws.sheet()).pageLayout;
    const flag = (k: "centerHorizontally" | "centerVertically" | "printGridlines" | "blackAndWhite"): Scalar => ({
      get: () => pl()[k],
      set: (v) => (w()[k] = bool(v, k)),
    });
    return {
      scalars: {
        Orientation: { get: () => pl().orientation, set: (v) => (w().orientation = oneOf(v, ["Portrait", "Landscape"], "The orientation")) },
        PaperSize: { get: () => pl().paperSize, set: (v) => (w().paperSize = oneOf(v, PAPER_SIZES, "The paper size")) },
        CenterHorizontally: flag("centerHorizontally"),
        CenterVertically: flag("centerVertically"),
        PrintGridlines: flag("printGridlines"),
        BlackAndWhite: flag("blackAndWhite"),
        // The zoom is assigned whole; `pageLayout.zoom.scale = …` is refused by the client itself.
        Zoom: { get: () => jsonCopy(pl().zoom), set: (v) => (w().zoom = zoomOptions(v)) },
      },
      navs: { HeadersFooters: () => new HeadersFootersObject(this.state, this.ws) },
      methods: {
        SetPrintArea: (area) => {
          w().printArea = boxA1(rangeArg(area, this.ws.sheet(), "The print area"));
          return null;
        },
        SetPrintTitleRows: (rows) => {
          const b = rangeArg(rows, this.ws.sheet(), "The print title rows");
          w().printTitleRows = `$${b.r0 + 1}:$${b.r1 + 1}`;
          return null;
        },
        SetPrintMargins: (unit, m) => {
          const per = { Points: 72, Inches: 1, Centimeters: 2.54 }[
            oneOf(unit, ["Points", "Inches", "Centimeters"], "The unit") as "Points" | "Inches" | "Centimeters"
          ];
          if (typeof m !== "object" || m === null) throw new HostError("InvalidArgument", "The margins must be an object.");
          const layout = w();
          const old = layout.margins ?? { top: 0.75, bottom: 0.75, left: 0.7, right: 0.7, header: 0.3, footer: 0.3 };
          const next = { ...old };
          for (const [k, v] of Object.entries(m as Record<string, unknown>)) {
            if (!(k in old)) throw new HostError("InvalidArgument", `There is no "${k}" margin.`);
            const x = num(v, `The ${k} margin`);
            if (x < 0) throw new HostError("InvalidArgument", `A margin of ${x} is negative.`);
            next[k as keyof typeof old] = x / per;
          }
          layout.margins = next;
          return null;
        },
      },
    };
  }
}

class HeadersFootersObject extends HostObject {
  constructor(
    state: HostState,
    private readonly ws: WorksheetObject,
  ) {
    super("HeaderFooterGroup", state);
  }
  protected members(): Members {
    return { navs: { DefaultForAllPages: () => new HeaderFooterObject(this.state, this.ws) } };
  }
}

class HeaderFooterObject extends HostObject {
  constructor(
    state: HostState,
    private readonly ws: WorksheetObject,
  ) {
    super("HeaderFooter", state);
  }
  protected members(): Members {
    const scalars: Record<string, Scalar> = {};
    for (const part of ["header", "footer"] as const) {
      for (const side of ["left", "center", "right"] as const) {
        const name = `${side[0]?.toUpperCase()}${side.slice(1)}${part[0]?.toUpperCase()}${part.slice(1)}`;
        scalars[name] = {
          get: () => this.ws.sheet().pageLayout[part][side],
          set: (v) => (writable(this.ws.sheet()).pageLayout[part][side] = str(v, name)),
        };
      }
    }
    return { scalars };
  }
}

class PageBreakCollectionObject extends HostObject {
  constructor(
    state: HostState,
    private readonly ws: WorksheetObject,
  ) {
    super("PageBreakCollection", state);
  }
  protected members(): Members {
    return {
      methods: {
        Add: (at) => {
          const s = writable(this.ws.sheet());
          const b = rangeArg(at, s, "The page break");
          if (b.r0 === 0) throw new HostError("InvalidArgument", "A page break cannot sit above the first row.");
          if (!s.pageBreaks.includes(b.r0 + 1)) s.pageBreaks.push(b.r0 + 1);
          s.pageBreaks.sort((x, y) => x - y);
          return null;
        },
      },
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Charts
// ---------------------------------------------------------------------------------------------

class ChartCollectionObject extends HostObject {
  constructor(
    state: HostState,
    private readonly ws: WorksheetObject,
  ) {
    super("ChartCollection", state);
  }
  override items(): HostObject[] {
    return this.ws.sheet().charts.map((c) => new ChartObject(this.state, this.ws, c));
  }
  override index(args: readonly unknown[]): HostObject {
    const key = str(args[0], "The chart's name or id");
    const c = this.ws.sheet().charts.find((x) => x.id === key || x.name === key);
    if (!c) throw new HostError("ItemNotFound", `The chart "${key}" does not exist.`);
    return new ChartObject(this.state, this.ws, c);
  }
  protected members(): Members {
    return {
      methods: {
        Add: (type, source, seriesBy) => {
          const s = writable(this.ws.sheet());
          if (!(source instanceof RangeObject)) throw new HostError("InvalidArgument", "The chart's source data must be a range.");
          const by = seriesBy === undefined || seriesBy === null ? "Auto" : oneOf(seriesBy, ["Auto", "Columns", "Rows"], "seriesBy");
          const c: FakeChart = {
            id: this.model.newId("C4A7"),
            name: `Chart ${s.charts.length + 1}`,
            type: str(type, "The chart type"),
            source: source.a1(),
            seriesBy: by,
            title: null,
            titleSize: null,
            legendVisible: true,
            position: null,
            series: [{ name: "Series1", values: source.a1(), xValues: null, lineStyle: null, color: null, weight: null, markerStyle: null, markerSize: null }],
            altText: null,
            axisTitles: { category: null, value: null },
          };
          s.charts.push(c);
          return new ChartObject(this.state, this.ws, c);
        },
        GetItem: (key) => this.index([key]),
        GetCount: () => this.ws.sheet().charts.length,
      },
    };
  }
}

class ChartObject extends HostObject {
  constructor(
    state: HostState,
    private readonly ws: WorksheetObject,
    private readonly chart: FakeChart,
  ) {
    super("Chart", state);
  }
  private c(): FakeChart {
    if (!this.ws.sheet().charts.includes(this.chart)) throw new HostError("ItemNotFound", "The chart was deleted.");
    return this.chart;
  }
  /** The chart, refusing changes when its sheet is protected. */
  writableChart(): FakeChart {
    writable(this.ws.sheet());
    return this.c();
  }
  override identity(): Record<string, unknown> {
    return { Id: this.c().id };
  }
  /** An axis of the chart (ChartAxes.categoryAxis / valueAxis, ExcelApi 1.1): its title's text. */
  private axis(which: "category" | "value"): HostObject {
    const title = new SimpleObject(this.state, "ChartAxisTitle", {
      scalars: {
        Text: {
          get: () => this.c().axisTitles[which],
          set: (v) => (this.writableChart().axisTitles[which] = str(v, "The axis title")),
        },
      },
    });
    return new SimpleObject(this.state, "ChartAxis", { navs: { Title: () => title } });
  }
  protected members(): Members {
    const ws = this.ws;
    const part = (cls: string, scalars: Record<string, Scalar>, navs: Record<string, () => HostObject | null> = {}): HostObject =>
      new SimpleObject(this.state, cls, { scalars, navs });
    return {
      scalars: {
        Id: { get: () => this.c().id },
        Name: { get: () => this.c().name, set: (v) => (this.writableChart().name = str(v, "The chart name")) },
      },
      navs: {
        Title: () =>
          part(
            "ChartTitle",
            { Text: { get: () => this.c().title, set: (v) => (this.writableChart().title = str(v, "The title")) } },
            {
              Format: () =>
                part(
                  "ChartTitleFormat",
                  {},
                  {
                    Font: () =>
                      part("ChartFont", { Size: { get: () => this.c().titleSize, set: (v) => (this.writableChart().titleSize = num(v, "The font size")) } }),
                  },
                ),
            },
          ),
        Legend: () =>
          part("ChartLegend", {
            Visible: { get: () => this.c().legendVisible, set: (v) => (this.writableChart().legendVisible = bool(v, "visible")) },
            Position: {
              set: (v) => {
                this.writableChart();
                oneOf(v, ["Invalid", "Top", "Bottom", "Left", "Right", "Corner", "Custom"], "The legend position");
              },
            },
          }),
        Series: () => new SeriesCollectionObject(this.state, this),
        Axes: () =>
          part(
            "ChartAxes",
            {},
            {
              CategoryAxis: () => this.axis("category"),
              ValueAxis: () => this.axis("value"),
            },
          ),
      },
      methods: {
        SetPosition: (start, end) => {
          const s = ws.sheet();
          const a = (x: unknown): string | null => (x === undefined || x === null ? null : boxA1(rangeArg(x, s, "The chart position")));
          this.writableChart().position = { start: a(start) ?? "", end: a(end) };
          return null;
        },
      },
    };
  }
}

/** A small object whose members are given whole (chart titles, legends, fonts, line formats). */
class SimpleObject extends HostObject {
  constructor(
    state: HostState,
    className: string,
    private readonly given: Members,
  ) {
    super(className, state);
  }
  protected members(): Members {
    return this.given;
  }
}

class SeriesCollectionObject extends HostObject {
  constructor(
    state: HostState,
    private readonly chart: ChartObject,
  ) {
    super("ChartSeriesCollection", state);
  }
  override items(): HostObject[] {
    return this.chart.writableChart().series.map((s) => new SeriesObject(this.state, this.chart, s));
  }
  protected members(): Members {
    return {
      methods: {
        Add: (name) => {
          const s: FakeChartSeries = {
            name: name === undefined || name === null ? "" : str(name, "The series name"),
            values: null,
            xValues: null,
            lineStyle: null,
            color: null,
            weight: null,
            markerStyle: null,
            markerSize: null,
          };
          this.chart.writableChart().series.push(s);
          return new SeriesObject(this.state, this.chart, s);
        },
        GetItemAt: (index) => {
          const s = this.chart.writableChart().series[num(index, "The index")];
          if (!s) throw new HostError("ItemNotFound", `No series at ${String(index)}.`);
          return new SeriesObject(this.state, this.chart, s);
        },
        GetCount: () => this.chart.writableChart().series.length,
      },
    };
  }
}

class SeriesObject extends HostObject {
  constructor(
    state: HostState,
    private readonly chart: ChartObject,
    private readonly series: FakeChartSeries,
  ) {
    super("ChartSeries", state);
  }
  private w(): FakeChartSeries {
    this.chart.writableChart();
    return this.series;
  }
  protected members(): Members {
    const source = (v: unknown): string => {
      if (!(v instanceof RangeObject)) throw new HostError("InvalidArgument", "Series values must be a range.");
      return v.a1();
    };
    return {
      scalars: {
        Name: { get: () => this.series.name, set: (v) => (this.w().name = str(v, "The series name")) },
        MarkerStyle: {
          get: () => this.series.markerStyle,
          set: (v) =>
            (this.w().markerStyle = oneOf(
              v,
              ["Invalid", "Automatic", "None", "Square", "Diamond", "Triangle", "X", "Star", "Dot", "Dash", "Circle", "Plus", "Picture"],
              "The marker style",
            )),
        },
        MarkerSize: {
          get: () => this.series.markerSize,
          set: (v) => {
            const n = num(v, "The marker size");
            // "The marker size of a chart series. The supported size range is 2 to 72." (d.ts ChartSeries.markerSize)
            if (n < 2 || n > 72) throw new HostError("InvalidArgument", `A marker size of ${n} is outside 2 to 72.`);
            this.w().markerSize = n;
          },
        },
      },
      navs: {
        Format: () =>
          new SimpleObject(this.state, "ChartSeriesFormat", {
            navs: {
              Line: () =>
                new SimpleObject(this.state, "ChartLineFormat", {
                  scalars: {
                    Color: { get: () => this.series.color, set: (v) => (this.w().color = colour(v, "The line colour")) },
                    LineStyle: {
                      get: () => this.series.lineStyle,
                      set: (v) =>
                        (this.w().lineStyle = oneOf(
                          v,
                          ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Grey25", "Grey50", "Grey75", "Automatic", "RoundDot"],
                          "The line style",
                        )),
                    },
                    Weight: { get: () => this.series.weight, set: (v) => (this.w().weight = num(v, "The line weight")) },
                  },
                }),
            },
          }),
      },
      methods: {
        SetValues: (range) => {
          this.w().values = source(range);
          return null;
        },
        SetXAxisValues: (range) => {
          this.w().xValues = source(range);
          return null;
        },
      },
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

/** Every table style name TableCollection.add's tables may take (d.ts Table.style). */
const tableStyles = [
  ...Array.from({ length: 21 }, (_, i) => `TableStyleLight${i + 1}`),
  ...Array.from({ length: 28 }, (_, i) => `TableStyleMedium${i + 1}`),
  ...Array.from({ length: 11 }, (_, i) => `TableStyleDark${i + 1}`),
];

class TableCollectionObject extends HostObject {
  constructor(
    state: HostState,
    private readonly ws: WorksheetObject,
  ) {
    super("TableCollection", state);
  }
  override items(): HostObject[] {
    return this.ws.sheet().tables.map((t) => new TableObject(this.state, this.ws, t));
  }
  protected members(): Members {
    return {
      methods: {
        Add: (address, hasHeaders) => {
          const s = writable(this.ws.sheet());
          // "If the table cannot be added (e.g., because the address is invalid, or the table would
          // overlap with another table), an error will be thrown." (d.ts TableCollection.add)
          const b = address instanceof RangeObject ? rangeArg(address, s, "The table's range") : parseBox(str(address, "The table's address"));
          if (!b) throw new HostError("InvalidArgument", `"${String(address)}" is not a valid range for a table.`);
          for (const other of this.model.live().flatMap((x) => (x === s ? x.tables : []))) {
            const o = parseBox(other.range);
            if (o && intersects(o, b)) throw new HostError("InvalidOperation", `A table cannot overlap the table "${other.name}" (${other.range}).`);
          }
          const headers = hasHeaders === true ? this.headerTexts(s, b) : [];
          // Excel names a new table TableN with the first N no table in the workbook has.
          const taken = new Set(this.model.live().flatMap((x) => x.tables.map((t) => t.name.toLowerCase())));
          let n = 1;
          while (taken.has(`table${n}`)) n++;
          const t: FakeTable = {
            id: this.model.newId("7AB1"),
            name: `Table${n}`,
            range: boxA1(b),
            showHeaders: hasHeaders === true,
            showFilterButton: hasHeaders === true,
            showBandedRows: true,
            style: "TableStyleMedium2",
            headers,
          };
          s.tables.push(t);
          return new TableObject(this.state, this.ws, t);
        },
        GetCount: () => this.ws.sheet().tables.length,
      },
    };
  }
  /**
   * The header row's texts as Excel makes them: a blank header becomes "ColumnN" and a repeated
   * one gets a number ("Overview of Excel tables": Excel gives each column a unique header).
   */
  private headerTexts(s: FakeSheet, b: Box): string[] {
    const out: string[] = [];
    for (let c = b.c0; c <= b.c1; c++) {
      const v = s.cells.get(cellKey(b.r0, c))?.value;
      let text = v === undefined || v === null || v === "" ? `Column${c - b.c0 + 1}` : String(v);
      const base = text;
      for (let k = 2; out.some((h) => h.toLowerCase() === text.toLowerCase()); k++) text = `${base}${k}`;
      out.push(text);
    }
    return out;
  }
}

class TableObject extends HostObject {
  constructor(
    state: HostState,
    private readonly ws: WorksheetObject,
    private readonly table: FakeTable,
  ) {
    super("Table", state);
  }
  override identity(): Record<string, unknown> {
    return { Id: this.table.id };
  }
  private w(): FakeTable {
    writable(this.ws.sheet());
    if (!this.ws.sheet().tables.includes(this.table)) throw new HostError("ItemNotFound", "The table was deleted.");
    return this.table;
  }
  protected members(): Members {
    return {
      scalars: {
        Name: { get: () => this.table.name },
        ShowHeaders: { get: () => this.table.showHeaders },
        ShowBandedRows: { get: () => this.table.showBandedRows, set: (v) => (this.w().showBandedRows = bool(v, "showBandedRows")) },
        ShowFilterButton: {
          get: () => this.table.showFilterButton,
          set: (v) => {
            // "Setting this is only allowed if the table contains a header row." (d.ts Table.showFilterButton)
            if (!this.table.showHeaders) throw new HostError("InvalidOperation", "The table has no header row, so it has no filter buttons.");
            this.w().showFilterButton = bool(v, "showFilterButton");
          },
        },
        Style: { get: () => this.table.style, set: (v) => (this.w().style = oneOf(v, tableStyles, "The table style")) },
      },
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Shapes: Excel's drawing layer, where charts sit too
// ---------------------------------------------------------------------------------------------

/**
 * The sheet's shapes. "Excel defines shapes as any object that sits on the drawing layer of
 * Excel. That means anything outside of a cell is a shape." (office-js-docs-pr,
 * docs/excel/excel-add-ins-shapes.md): a chart is one, under the chart's name, and its
 * alternative text (Shape.altTextTitle / altTextDescription, ExcelApi 1.9) is the chart's. Only
 * a real Excel can confirm that a chart is found this way (TESTING.md).
 */
class ShapeCollectionObject extends HostObject {
  constructor(
    state: HostState,
    private readonly ws: WorksheetObject,
  ) {
    super("ShapeCollection", state);
  }
  protected members(): Members {
    return {
      methods: {
        GetItem: (key) => {
          const k = str(key, "The shape's name or id");
          const chart = this.ws.sheet().charts.find((c) => c.id === k || c.name.toLowerCase() === k.toLowerCase());
          if (!chart) throw new HostError("ItemNotFound", `The shape "${k}" does not exist.`);
          return new ShapeObject(this.state, this.ws, chart);
        },
      },
    };
  }
}

class ShapeObject extends HostObject {
  constructor(
    state: HostState,
    private readonly ws: WorksheetObject,
    private readonly chart: FakeChart,
  ) {
    super("Shape", state);
  }
  override identity(): Record<string, unknown> {
    return { Id: this.chart.id };
  }
  private alt(): { title: string; description: string } {
    writable(this.ws.sheet());
    if (!this.ws.sheet().charts.includes(this.chart)) throw new HostError("ItemNotFound", "The shape was deleted.");
    return (this.chart.altText ??= { title: "", description: "" });
  }
  protected members(): Members {
    return {
      scalars: {
        Name: { get: () => this.chart.name },
        AltTextTitle: { get: () => this.chart.altText?.title ?? "", set: (v) => (this.alt().title = str(v, "The alternative title")) },
        AltTextDescription: { get: () => this.chart.altText?.description ?? "", set: (v) => (this.alt().description = str(v, "The alternative description")) },
      },
    };
  }
}
