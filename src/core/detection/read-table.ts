import { monthNumberFrom, monthPeriod, quarterPeriodOf, reportingYearStartYear, yearPeriod } from "../calendar";
import { diagnostic, type Diagnostic } from "../diagnostics";
import type { CellValue } from "../grid";
import type { Aggregation, Indicator, Kind, Observation, ObservationField, Polarity, Tolerance, Unit } from "../indicator";
import type { Frequency, Period } from "../period";
import type { ColumnRole, SheetMapping } from "../settings";
import { cellText, parseAggregation, parseExcluded, parseFrequency, parseKind, parsePolarity, parseTolerance } from "./field-text";
import type { PeriodField, TableHeader } from "./find-tables";
import { isDateFormat, parsePeriod, type ParsedPeriod } from "./period-text";
import { isBlank, type SheetView } from "./sheet-view";
import { inferUnit, parseUnit, readNumberAt, unitFromFormat } from "./values";

/**
 * Reading the rows of one indicator table into Indicators: one row per indicator (wide) or one
 * row per indicator per period (long, grouped by reference or name). Every figure keeps the A1
 * address of its cell; anything that cannot be read becomes a diagnostic naming the cell.
 */

/** What a table is read with, beyond its header. */
export interface TableContext {
  readonly yearStartMonth: number;
  /** The table's title or sheet name says "rolling 12 months". */
  readonly rollingHint: boolean;
  /** Values from a hand-made mapping for indicators where no column says otherwise. */
  readonly defaults: SheetMapping["defaults"] | undefined;
}

/** What one table gave. */
export interface TableResult {
  readonly indicators: Indicator[];
  readonly diagnostics: Diagnostic[];
  /** Grid row of the last row read as (part of) an indicator, or the header row when none. */
  readonly lastRow: number;
  readonly kpis: number;
  readonly activities: number;
  /** The earliest and latest periods with results, for the sheet's note. */
  readonly first: Period | null;
  readonly last: Period | null;
  /** Number of indicators with no polarity given, defaulted to higher is better. */
  readonly polarityDefaulted: number;
}

type NumericField = ObservationField | "numerator" | "denominator";
type CellKey = NumericField | "commentary";

/**
 * One period's figures while a table is read, already the Observation it becomes (a figure not
 * read is null). A long table keeps every observation until the table ends; building each one
 * once, in its final form, rather than as a draft copied at the end, halves the objects a large
 * sheet keeps alive and so most of the garbage collector's work. The period's frequency, needed
 * only until the indicator is made, is kept beside it (Draft.frequencies).
 */
interface Obs {
  period: Period;
  actual: number | null;
  target: number | null;
  floor: number | null;
  expected: number | null;
  lower: number | null;
  upper: number | null;
  commentary: string | null;
  cells: Partial<Record<CellKey, string>>;
  /** Present, both together and after the others, only once the sheet gives one (see setFigure). */
  numerator?: number | null;
  denominator?: number | null;
}

/** A new observation with every figure unread; every observation starts with the same shape. */
function newObs(period: Period): Obs {
  return { period, actual: null, target: null, floor: null, expected: null, lower: null, upper: null, commentary: null, cells: {} };
}

/**
 * Sets a figure read from a cell. An Observation has a numerator and denominator only when the
 * sheet gives either, and then both (the one not given is null), in that order.
 */
function setFigure(o: Obs, field: NumericField, value: number): void {
  if ((field === "numerator" || field === "denominator") && o.numerator === undefined) {
    o.numerator = null;
    o.denominator = null;
  }
  o[field] = value;
}

/**
 * Records the cell a figure was read from. Written as one plain assignment per field: adding a
 * property under a computed name is a slow path in the JavaScript engine, and this runs for
 * every figure of a large sheet. Fields are added in the order first set, as before.
 */
function setCell(cells: Obs["cells"], field: NumericField, address: string): void {
  switch (field) {
    case "actual":
      cells.actual = address;
      break;
    case "target":
      cells.target = address;
      break;
    case "floor":
      cells.floor = address;
      break;
    case "expected":
      cells.expected = address;
      break;
    case "lower":
      cells.lower = address;
      break;
    case "upper":
      cells.upper = address;
      break;
    case "numerator":
      cells.numerator = address;
      break;
    case "denominator":
      cells.denominator = address;
      break;
  }
}

interface Draft {
  readonly row: number;
  readonly key: string;
  ref: string | null;
  name: string;
  serviceArea: string | null;
  kind: Kind | null;
  polarity: Polarity | null;
  polarityCell: string | null;
  frequency: Frequency | null;
  unit: Unit | null;
  aggregation: Aggregation | null;
  tolerance: Tolerance | null;
  excluded: string | null;
  hasActivityFigures: boolean;
  commentary: { text: string; cell: string } | null;
  readonly obs: Obs[];
  /** The frequency of each observation's period, in step with obs. */
  readonly frequencies: Frequency[];
  /** A long table's observations by period slot (see TableReader.slotOf). */
  readonly obsBySlot: (Obs | undefined)[];
  readonly formats: string[];
  readonly cellUnits: (Unit | null)[];
  readonly results: number[];
  readonly targetFormats: string[];
  readonly targets: number[];
}

const ACTIVITY_FIELDS: ReadonlySet<string> = new Set(["expected", "lower", "upper"]);
const NUMERIC_FIELDS: readonly NumericField[] = ["actual", "target", "floor", "expected", "lower", "upper", "numerator", "denominator"];
const ROW_FIELDS: readonly ObservationField[] = ["target", "floor", "expected", "lower", "upper"];
/** Period of the throwaway observation a row-wide figure is read into; never shown. Built once, not per row. */
const PROBE_PERIOD: Period = monthPeriod(2000, 1);
const ROLLING_WORDS = /rolling\s*(?:12|twelve)|(?:12|twelve)[\s-]*months?\s*rolling|rolling\s*year|\br12\b/i;

/** True when text (a title or sheet name) says the figures are rolling 12-month ones. */
export function saysRolling(text: string): boolean {
  return ROLLING_WORDS.test(text);
}

function newDraft(row: number, key: string, name: string): Draft {
  return {
    row, key, name, ref: null, serviceArea: null, kind: null, polarity: null, polarityCell: null, frequency: null,
    unit: null, aggregation: null, tolerance: null, excluded: null, hasActivityFigures: false, commentary: null,
    obs: [], frequencies: [], obsBySlot: [], formats: [], cellUnits: [], results: [], targetFormats: [], targets: [],
  };
}

class TableReader {
  readonly diagnostics: Diagnostic[] = [];
  /** A long table's indicators, gathered from rows until the table ends. */
  readonly drafts: Draft[] = [];
  private readonly byKey = new Map<string, Draft>();
  private readonly rowColumns: { role: ColumnRole; col: number }[] = [];
  private readonly periodColumns: { col: number; period: ParsedPeriod; field: PeriodField }[] = [];
  /**
   * For each period column of a wide table, which of the row's observations it fills: columns
   * sharing a period (its result and its target) share one. Worked out once from the header,
   * rather than looking the period up for every cell of every row.
   */
  private readonly columnSlots: number[] = [];
  private slotCount = 0;
  /**
   * Slot numbers: one per distinct period (periods written differently but the same, such as a
   * date and "Apr-12", share one). Observations are found by slot in an array, by the period
   * object's identity first, rather than by building and hashing a key for every cell.
   */
  private readonly slotOfKey = new Map<string, number>();
  private readonly slotOfPeriod = new Map<ParsedPeriod, number>();
  /** Grid column of each role the header has, looked up for every row (by name, which is quicker than a Map). */
  private readonly cols: Partial<Record<ColumnRole, number>> = {};
  /** A long table's figure columns, in the order they are read. */
  private readonly figureColumns: { field: NumericField; col: number }[] = [];
  /** The draft of the last long-table row read, with the name and reference that found it. */
  private lastDraft: { name: string; ref: string; draft: Draft } | null = null;
  /** Periods read from a long table's period cells, by number format and cell value: a long table repeats the same few periods on every row. */
  private readonly periodCells = new Map<string, Map<CellValue, ParsedPeriod | null>>();
  private section: string | null = null;
  private lastServiceArea: string | null = null;
  private lastName = "";
  private lastRef = "";
  lastRow: number;

  constructor(
    private readonly view: SheetView,
    private readonly header: TableHeader,
    private readonly ctx: TableContext,
  ) {
    this.lastRow = header.row;
    for (const c of header.columns) {
      if (c.role === "period" && c.period && c.field) this.periodColumns.push({ col: c.col, period: c.period, field: c.field });
    }
    for (const [role, col] of header.roles) {
      this.rowColumns.push({ role, col });
      this.cols[role] = col;
    }
    for (const field of NUMERIC_FIELDS) {
      const col = this.cols[field];
      if (col !== undefined) this.figureColumns.push({ field, col });
    }
    for (const p of this.periodColumns) this.columnSlots.push(this.slotOf(p.period));
  }

  /** The slot of a period; see slotOfKey. */
  private slotOf(parsed: ParsedPeriod): number {
    let slot = this.slotOfPeriod.get(parsed);
    if (slot === undefined) {
      const key = `${parsed.frequency}|${parsed.period.start}`;
      slot = this.slotOfKey.get(key);
      if (slot === undefined) {
        slot = this.slotCount++;
        this.slotOfKey.set(key, slot);
      }
      this.slotOfPeriod.set(parsed, slot);
    }
    return slot;
  }

  private col(role: ColumnRole): number | undefined {
    return this.cols[role];
  }

  /** The trimmed text of a row's cell in a column the table may not have. */
  private textAt(row: number, col: number | undefined): string {
    return col === undefined ? "" : cellText(this.view.value(row, col));
  }

  private warn(row: number, col: number, message: string): void {
    this.diagnostics.push(diagnostic("warning", this.view.sheet, this.view.address(row, col), message));
  }

  /** Counts non-blank cells in a row, stopping at two (all callers need is "one" or "more"). */
  private nonBlankCount(row: number): { count: number; onlyText: string | null } {
    let count = 0;
    let onlyText: string | null = null;
    for (let c = 0; c < this.view.width; c++) {
      const v = this.view.value(row, c);
      if (isBlank(v)) continue;
      count++;
      if (count > 1) return { count, onlyText: null };
      onlyText = typeof v === "string" ? v.trim() : null;
    }
    return { count, onlyText };
  }

  /** Reads one number into an observation draft, tracking the cell and what it says about the unit. */
  private readInto(draft: Draft, obs: Obs, field: NumericField, row: number, col: number): void {
    const value = this.view.value(row, col);
    const format = this.view.format(row, col);
    const address = this.view.address(row, col);
    if (field === "actual") obs.cells.actual = address;
    if (isBlank(value)) return;
    setCell(obs.cells, field, address);
    let number: number | null;
    let unit: Unit | null;
    if (typeof value === "number" && Number.isFinite(value)) {
      // Most cells hold a plain number: take it as readNumber would (the value, and the unit its
      // format shows) without building a reading object for every figure of a large sheet.
      number = value;
      unit = unitFromFormat(format);
    } else {
      const { reading, diagnostic: d } = readNumberAt(value, format, this.view.sheet, address);
      if (d) this.diagnostics.push(d);
      number = reading.value;
      unit = reading.unit;
    }
    if (number === null) return;
    setFigure(obs, field, number);
    if (field === "actual") {
      draft.results.push(number);
      draft.cellUnits.push(unit);
      draft.formats.push(format);
    } else if (field === "target") {
      draft.targets.push(number);
      draft.targetFormats.push(format);
    }
    if (ACTIVITY_FIELDS.has(field)) draft.hasActivityFigures = true;
  }

  /** Reads the describing columns (polarity, frequency, ...) of a row into a draft, first value wins. */
  private readDescribing(draft: Draft, row: number): void {
    const v = this.view;
    const ref = this.textAt(row, this.cols.ref);
    if (draft.ref === null && ref !== "") draft.ref = ref;
    const area = this.textAt(row, this.cols.serviceArea);
    if (draft.serviceArea === null) {
      if (area !== "") draft.serviceArea = area;
      else if (this.cols.serviceArea !== undefined && this.lastServiceArea !== null) draft.serviceArea = this.lastServiceArea;
      else if (this.section !== null) draft.serviceArea = this.section;
    }
    if (area !== "") this.lastServiceArea = area;

    const polCol = this.cols.polarity;
    if (polCol !== undefined && draft.polarity === null) {
      const value = v.value(row, polCol);
      draft.polarityCell = v.address(row, polCol);
      if (!isBlank(value)) {
        const p = parsePolarity(value);
        if (p) draft.polarity = p;
        else this.warn(row, polCol, `Cell ${v.address(row, polCol)} on sheet "${v.sheet}" gives the polarity "${cellText(value)}", which is not one of Higher, Lower or Target: higher is better is assumed.`);
      }
    }
    const freqCol = this.cols.frequency;
    if (freqCol !== undefined && draft.frequency === null) {
      const value = v.value(row, freqCol);
      if (!isBlank(value)) {
        const f = parseFrequency(value);
        if (f) draft.frequency = f;
        else this.warn(row, freqCol, `Cell ${v.address(row, freqCol)} on sheet "${v.sheet}" gives the frequency "${cellText(value)}", which is not Monthly, Quarterly, Annual or Rolling 12 months: the frequency of the period headers is used.`);
      }
    }
    const kindCol = this.cols.kind;
    if (kindCol !== undefined && draft.kind === null) draft.kind = parseKind(v.value(row, kindCol));
    const unitCol = this.cols.unit;
    if (unitCol !== undefined && draft.unit === null) draft.unit = parseUnit(cellText(v.value(row, unitCol)));
    const aggCol = this.cols.aggregation;
    if (aggCol !== undefined && draft.aggregation === null) {
      const value = v.value(row, aggCol);
      if (!isBlank(value)) {
        draft.aggregation = parseAggregation(value);
        if (draft.aggregation === null) this.warn(row, aggCol, `Cell ${v.address(row, aggCol)} on sheet "${v.sheet}" gives the YTD method "${cellText(value)}", which is not Sum, Mean, Ratio or Latest: it is inferred from the unit instead.`);
      }
    }
    const tolCol = this.cols.tolerance;
    if (tolCol !== undefined && draft.tolerance === null) {
      const value = v.value(row, tolCol);
      if (!isBlank(value)) {
        draft.tolerance = parseTolerance(value, v.format(row, tolCol));
        if (draft.tolerance === null) this.warn(row, tolCol, `Cell ${v.address(row, tolCol)} on sheet "${v.sheet}" gives the tolerance "${cellText(value)}", which is not a number or a percentage: the workbook's tolerance is used.`);
      }
    }
    const incCol = this.cols.included;
    if (incCol !== undefined && draft.excluded === null) draft.excluded = parseExcluded(v.value(row, incCol));
  }

  /** parsePeriod for a period cell, remembered per distinct value and format (and so the same object for the same period). */
  private periodOfCell(value: CellValue, format: string): ParsedPeriod | null {
    let byValue = this.periodCells.get(format);
    if (byValue === undefined) {
      byValue = new Map();
      this.periodCells.set(format, byValue);
    }
    let parsed = byValue.get(value);
    if (parsed === undefined) {
      parsed = parsePeriod(value, format, this.ctx.yearStartMonth);
      byValue.set(value, parsed);
    }
    return parsed;
  }

  private obsFor(draft: Draft, parsed: ParsedPeriod): Obs {
    const slot = this.slotOf(parsed);
    const existing = draft.obsBySlot[slot];
    if (existing) return existing;
    const o = newObs(parsed.period);
    draft.obs.push(o);
    draft.frequencies.push(parsed.frequency);
    draft.obsBySlot[slot] = o;
    return o;
  }

  /**
   * Starts a repeated period of a long table afresh (the later row is used): a new observation
   * in the old one's place, so one with a numerator does not keep it. Rare, so the search is fine.
   */
  private restartObs(draft: Draft, parsed: ParsedPeriod, old: Obs): Obs {
    const o = newObs(old.period);
    draft.obs[draft.obs.indexOf(old)] = o;
    draft.obsBySlot[this.slotOf(parsed)] = o;
    return o;
  }

  /** True when the row is a section heading (one text cell alone), which then names the service area of the rows below. */
  private takeHeading(row: number): boolean {
    const { count, onlyText } = this.nonBlankCount(row);
    if (count === 1 && onlyText !== null && onlyText.length <= 120) {
      this.section = onlyText;
      return true;
    }
    return false;
  }

  /** Reads one row of a wide table: the indicator it holds (complete, as a wide row is), or null when it holds none. */
  readWideRow(row: number): Draft | null {
    const v = this.view;
    const nameCol = this.cols.name;
    let name = this.textAt(row, this.cols.name);
    const ref = this.textAt(row, this.cols.ref);
    if (name === "" && ref === "") {
      this.takeHeading(row);
      return null;
    }
    if (this.takeHeading(row)) return null;
    let hasFigures = false;
    for (const p of this.periodColumns) {
      if (!isBlank(v.value(row, p.col))) {
        hasFigures = true;
        break;
      }
    }
    if (!hasFigures) {
      for (const f of ROW_FIELDS) {
        const c = this.col(f);
        if (c !== undefined && !isBlank(v.value(row, c))) {
          hasFigures = true;
          break;
        }
      }
    }
    if (!hasFigures && (ref === "" || nameCol === undefined)) return null;
    if (name === "") {
      name = ref;
      if (nameCol !== undefined) this.warn(row, nameCol, `Row ${v.rowNumber(row)} on sheet "${v.sheet}" has figures but no indicator name: the reference ${ref} is used as its name.`);
    }
    const draft = newDraft(row, `${row}`, name);
    this.readDescribing(draft, row);
    // The same observations, in the same order, as looking each column's period up would give.
    const slots: (Obs | undefined)[] = new Array<Obs | undefined>(this.slotCount);
    this.periodColumns.forEach((p, i) => {
      const slot = this.columnSlots[i] ?? 0;
      let obs = slots[slot];
      if (obs === undefined) {
        obs = newObs(p.period.period);
        slots[slot] = obs;
        draft.obs.push(obs);
        draft.frequencies.push(p.period.frequency);
      }
      this.readInto(draft, obs, p.field, row, p.col);
    });
    // Row-wide figures (an annual target beside monthly results) apply to every period without its own.
    for (const f of ROW_FIELDS) {
      const c = this.col(f);
      if (c === undefined || isBlank(v.value(row, c))) continue;
      const probe = newObs(PROBE_PERIOD);
      this.readInto(draft, probe, f, row, c);
      const value = probe[f];
      const cell = probe.cells[f];
      for (const o of draft.obs) {
        if (o[f] !== null) continue;
        if (value !== null) o[f] = value;
        if (cell !== undefined) setCell(o.cells, f, cell);
      }
    }
    const commentCol = this.cols.commentary;
    if (commentCol !== undefined) {
      const text = cellText(v.value(row, commentCol));
      if (text !== "") draft.commentary = { text, cell: v.address(row, commentCol) };
    }
    this.lastRow = row;
    return draft;
  }

  /** The indicator a long-table row belongs to, by its reference or else its name; a new one when it is the first row. */
  private draftFor(row: number, name: string, ref: string): Draft {
    // Rows of one indicator usually come together: the same name and reference as the last row
    // is the same indicator, found without building and hashing its key again.
    const last = this.lastDraft;
    if (last !== null && last.name === name && last.ref === ref) {
      if (last.draft.name === last.draft.ref && name !== "") last.draft.name = name;
      return last.draft;
    }
    const key = ref !== "" ? `ref:${ref.toLowerCase()}` : `name:${name.toLowerCase().replace(/\s+/g, " ")}`;
    let draft = this.byKey.get(key);
    if (!draft) {
      draft = newDraft(row, key, name === "" ? ref : name);
      this.byKey.set(key, draft);
      this.drafts.push(draft);
    } else if (draft.name === draft.ref && name !== "") {
      draft.name = name;
    }
    this.lastDraft = { name, ref, draft };
    return draft;
  }

  readLongRow(row: number): void {
    const v = this.view;
    const periodCol = this.cols.period;
    if (periodCol === undefined) return;
    const periodValue = v.value(row, periodCol);
    let name = this.textAt(row, this.cols.name);
    let ref = this.textAt(row, this.cols.ref);
    if (isBlank(periodValue)) {
      this.takeHeading(row);
      return;
    }
    const parsed = this.periodOfCell(periodValue, v.format(row, periodCol));
    if (!parsed) {
      if (this.takeHeading(row)) return;
      this.warn(row, periodCol, `Cell ${v.address(row, periodCol)} on sheet "${v.sheet}" gives the period "${cellText(periodValue)}", which was not recognised (try "Apr 2012", "Q1 2012/13" or "2012/13"): the row is skipped.`);
      return;
    }
    // Blank name and reference under a filled one: the cells were merged, or left blank to group rows.
    if (name === "" && ref === "") {
      name = this.lastName;
      ref = this.lastRef;
      if (name === "" && ref === "") return;
    }
    this.lastName = name;
    this.lastRef = ref;
    const draft = this.draftFor(row, name, ref);
    this.readDescribing(draft, row);
    let obs = this.obsFor(draft, parsed);
    if (obs.cells.actual !== undefined) {
      this.warn(row, periodCol, `Row ${v.rowNumber(row)} on sheet "${v.sheet}" repeats ${parsed.period.label} for "${draft.name}": the later row is used.`);
      obs = this.restartObs(draft, parsed, obs);
    }
    for (const { field, col } of this.figureColumns) this.readInto(draft, obs, field, row, col);
    const commentCol = this.cols.commentary;
    if (commentCol !== undefined) {
      const text = cellText(v.value(row, commentCol));
      if (text !== "") {
        obs.commentary = text;
        obs.cells.commentary = v.address(row, commentCol);
      }
    }
    this.lastRow = row;
  }
}

const FREQUENCY_ORDER: readonly Frequency[] = ["month", "quarter", "year", "rolling12"];

/** The frequency the results come in: the one with the most results, months first on a tie; null when there are no observations. Counted in one pass, as it runs for every indicator. */
function resultFrequency(d: Draft): Frequency | null {
  const present = new Set<Frequency>();
  const results = new Map<Frequency, number>();
  d.obs.forEach((o, i) => {
    const frequency = d.frequencies[i] as Frequency;
    present.add(frequency);
    if (o.actual !== null) results.set(frequency, (results.get(frequency) ?? 0) + 1);
  });
  let periodFrequency: Frequency | null = null;
  let best = -1;
  for (const f of FREQUENCY_ORDER) {
    if (!present.has(f)) continue;
    const n = results.get(f) ?? 0;
    if (n > best) {
      best = n;
      periodFrequency = f;
    }
  }
  return periodFrequency;
}

/** Sorts observations by period start (stable); most series arrive in order already, so check before sorting. */
function sortByStart(obs: Obs[]): void {
  let sorted = true;
  for (let i = 1; i < obs.length && sorted; i++) sorted = (obs[i - 1] as Obs).period.start <= (obs[i] as Obs).period.start;
  if (!sorted) obs.sort((a, b) => (a.period.start < b.period.start ? -1 : a.period.start > b.period.start ? 1 : 0));
}

/** Moves monthly observations into the quarter or year that contains them (a quarterly indicator kept under month headers). */
function regroup(obs: readonly Obs[], to: "quarter" | "year", yearStartMonth: number): { merged: Obs[]; clashes: number } {
  const byStart = new Map<string, Obs>();
  let clashes = 0;
  for (const o of obs) {
    const month = monthNumberFrom(Number(o.period.start.slice(0, 4)), Number(o.period.start.slice(5, 7)));
    const period = to === "quarter" ? quarterPeriodOf(month, yearStartMonth) : yearPeriod(reportingYearStartYear(month, yearStartMonth), yearStartMonth);
    const existing = byStart.get(period.start);
    const moved: Obs = { ...o, period };
    if (!existing) {
      byStart.set(period.start, moved);
    } else if (o.actual !== null) {
      if (existing.actual !== null) clashes++;
      byStart.set(period.start, moved);
    }
  }
  return { merged: [...byStart.values()], clashes };
}

function firstUsefulFormat(formats: readonly string[]): string | null {
  for (const f of formats) if (f !== "General" && f !== "@" && !isDateFormat(f)) return f;
  return null;
}

/**
 * Turns finished drafts into Indicators, counting what the sheet's note reports. Its diagnostics
 * follow all of the rows' own, as they always have.
 */
class IndicatorMaker {
  readonly indicators: Indicator[] = [];
  readonly diagnostics: Diagnostic[] = [];
  kpis = 0;
  activities = 0;
  polarityDefaulted = 0;
  first: Period | null = null;
  last: Period | null = null;
  private readonly hasTargetColumns: boolean;
  private readonly hasActivityColumns: boolean;

  constructor(
    private readonly view: SheetView,
    private readonly header: TableHeader,
    private readonly ctx: TableContext,
  ) {
    this.hasTargetColumns = header.roles.has("target") || header.roles.has("floor") || header.columns.some((c) => c.field === "target" || c.field === "floor");
    this.hasActivityColumns = ["expected", "lower", "upper"].some((r) => header.roles.has(r as ColumnRole)) || header.columns.some((c) => c.field !== undefined && ACTIVITY_FIELDS.has(c.field));
  }

  make(d: Draft): void {
    const { view, header, ctx, diagnostics } = this;
    const defaults = ctx.defaults;
    const sheet = view.sheet;
    const where = view.address(d.row, header.roles.get("name") ?? header.roles.get("ref") ?? 0);
    const periodFrequency = resultFrequency(d);
    const ofOtherFrequency = (i: number): boolean => d.frequencies[i] !== periodFrequency;
    let obs = d.obs.filter((_, i) => !ofOtherFrequency(i));
    const dropped = d.obs.length - obs.length === 0 ? 0 : d.obs.filter((o, i) => ofOtherFrequency(i) && o.actual !== null).length;
    if (dropped > 0) {
      diagnostics.push(diagnostic("warning", sheet, where, `"${d.name}" on sheet "${sheet}" has results under ${periodFrequency ?? "mixed"} and other period headers: only the ${periodFrequency ?? ""} ones are used.`));
    }
    const stated = d.frequency ?? defaults?.frequency ?? null;
    let frequency: Frequency = periodFrequency ?? stated ?? "month";
    let rollingInSource = false;
    if (periodFrequency === "rolling12") {
      rollingInSource = true;
    } else if (periodFrequency === "month" && (stated === "rolling12" || (stated === null && ctx.rollingHint))) {
      frequency = "rolling12";
    } else if (periodFrequency === "month" && (stated === "quarter" || stated === "year")) {
      const { merged, clashes } = regroup(obs, stated, ctx.yearStartMonth);
      obs = merged;
      frequency = stated;
      if (clashes > 0) {
        diagnostics.push(diagnostic("warning", sheet, where, `"${d.name}" on sheet "${sheet}" is ${stated === "quarter" ? "quarterly" : "annual"} but has more than one monthly result in the same ${stated}: the latest month's result is used.`));
      }
    } else if (stated !== null && periodFrequency !== null && stated !== periodFrequency) {
      diagnostics.push(diagnostic("warning", sheet, where, `"${d.name}" on sheet "${sheet}" is marked ${stated === "rolling12" ? "rolling 12 months" : stated} but its periods are ${periodFrequency}s: the periods' frequency is used.`));
    }
    sortByStart(obs);
    if (d.commentary && obs.length > 0) {
      let target = obs[obs.length - 1];
      for (let i = obs.length - 1; i >= 0; i--) {
        const o = obs[i];
        if (o !== undefined && o.actual !== null) {
          target = o;
          break;
        }
      }
      if (target) {
        target.commentary = d.commentary.text;
        target.cells = { ...target.cells, commentary: d.commentary.cell };
      }
    }
    const series: readonly Observation[] = obs;

    const kind: Kind = d.kind ?? defaults?.kind ?? (d.hasActivityFigures || (this.hasActivityColumns && !this.hasTargetColumns) ? "activity" : "kpi");
    let polarity: Polarity = d.polarity ?? defaults?.polarity ?? "higher";
    if (d.polarity === null && defaults?.polarity === undefined && kind === "kpi") {
      this.polarityDefaulted++;
      if (d.polarityCell !== null) {
        diagnostics.push(diagnostic("info", sheet, d.polarityCell, `"${d.name}" on sheet "${sheet}" has no polarity in ${d.polarityCell}: higher is better is assumed.`));
      }
    }
    if (kind === "activity" && d.polarity === null) polarity = "higher";
    const useTargets = d.results.length === 0;
    const unit =
      d.unit ??
      inferUnit({
        formats: useTargets ? d.targetFormats : d.formats,
        cellUnits: d.cellUnits,
        values: useTargets ? d.targets : d.results,
        name: d.name,
      });
    const numberFormat = firstUsefulFormat(d.formats) ?? firstUsefulFormat(d.targetFormats);
    const serviceArea = d.serviceArea ?? defaults?.serviceArea ?? null;

    this.indicators.push({
      id: `${sheet}!${view.rowNumber(d.row)}`,
      sheet,
      row: view.rowNumber(d.row),
      ref: d.ref,
      name: d.name,
      serviceArea,
      kind,
      polarity,
      frequency,
      unit,
      numberFormat,
      aggregation: d.aggregation,
      tolerance: d.tolerance,
      rollingInSource,
      excluded: d.excluded,
      series,
    });
    if (kind === "kpi") this.kpis++;
    else this.activities++;
    for (const o of series) {
      if (o.actual === null) continue;
      if (this.first === null || o.period.start < this.first.start) this.first = o.period;
      if (this.last === null || o.period.end > this.last.end) this.last = o.period;
    }
  }
}

/** Reads the rows from `header.row + 1` up to (not including) `endRow` into indicators. */
export function readTable(view: SheetView, header: TableHeader, endRow: number, ctx: TableContext): TableResult {
  const reader = new TableReader(view, header, ctx);
  const maker = new IndicatorMaker(view, header, ctx);
  for (let r = header.row + 1; r < endRow; r++) {
    if (header.layout === "wide") {
      // A wide row is a whole indicator: finishing it at once lets its drafts die young, which
      // spares the garbage collector most of the work on a large sheet.
      const draft = reader.readWideRow(r);
      if (draft) maker.make(draft);
    } else {
      reader.readLongRow(r);
    }
  }
  for (const d of reader.drafts) maker.make(d);
  const diagnostics = reader.diagnostics.concat(maker.diagnostics);
  return { indicators: maker.indicators, diagnostics, lastRow: reader.lastRow, kpis: maker.kpis, activities: maker.activities, first: maker.first, last: maker.last, polarityDefaulted: maker.polarityDefaulted };
}
