import { a1 } from "../a1";
import type { Aggregation, Comparator, Kind, Observation, ObservationField, Polarity, Tolerance, Unit } from "../indicator";
import type { Frequency, Period } from "../period";
import type { SheetMapping } from "../settings";
import type { AmbiguousReading } from "./period-text";

/**
 * The records a table is read into before it becomes Indicators: one observation per period and
 * one draft per indicator, and what a table is read with. The row reader fills them; the
 * indicator maker turns each finished draft into an Indicator.
 */

/** What a table is read with, beyond its header. */
export interface TableContext {
  readonly yearStartMonth: number;
  /** The table's title or sheet name says "rolling 12 months". */
  readonly rollingHint: boolean;
  /** Values from a hand-made mapping for indicators where no column says otherwise. */
  readonly defaults: SheetMapping["defaults"] | undefined;
  /** How a long table's period cells such as "2010-12" are read, from the rest of its period column (period-context.ts). */
  readonly ambiguous?: AmbiguousReading;
}

/** A figure an observation is read into from a cell: its own fields, or a numerator or denominator. */
export type NumericField = ObservationField | "numerator" | "denominator";
/** Every field whose cell an observation records. */
export type CellField = NumericField | "commentary";

/** The fields whose cells are recorded, in the order `cells` lists them; a field's place is its bit. */
const CELL_FIELDS: readonly CellField[] = ["actual", "target", "floor", "expected", "lower", "upper", "numerator", "denominator", "commentary"];
const FIELD_BIT: Readonly<Record<CellField, number>> = {
  actual: 0,
  target: 1,
  floor: 2,
  expected: 3,
  lower: 4,
  upper: 5,
  numerator: 6,
  denominator: 7,
  commentary: 8,
};
const FIELDS = CELL_FIELDS.length;
/** Places in a cell plan: a column per field, a row-wide column per field, then the grid's origin. */
const ROW_WIDE = FIELDS;
const ORIGIN_ROW = 2 * FIELDS;
const ORIGIN_COL = 2 * FIELDS + 1;
/** The cells benchmarking columns give (see benchmark-columns.ts): addresses kept as strings, as few sheets have them. */
export type BenchmarkCells = { rank?: string; rankOf?: string; quartile?: string; midpoint?: string };

/**
 * Where a table's figures can be, shared by every observation of one period slot (or of a long
 * table): for each field the grid column it is read from, and the row-wide column that stands in
 * for it (a target for the whole year beside monthly results), -1 where there is none, with the
 * grid's origin. An observation keeps only its row and which cells it read, so a large sheet
 * keeps numbers, not an A1 string and an object per figure: addresses are made when asked for.
 */
export function newCellPlan(origin: { readonly row: number; readonly col: number }): Int32Array {
  const plan = new Int32Array(2 * FIELDS + 2).fill(-1);
  plan[ORIGIN_ROW] = origin.row;
  plan[ORIGIN_COL] = origin.col;
  return plan;
}

/** Sets the column a field is read from in a cell plan (`rowWide`: the row-wide column standing in for it). */
export function planColumn(plan: Int32Array, field: CellField, col: number, rowWide = false): void {
  plan[FIELD_BIT[field] + (rowWide ? ROW_WIDE : 0)] = col;
}

/**
 * One period's figures as read from a sheet: the Observation it becomes, built once in its final
 * form. Its `cells` are worked out when asked for, from its row and the shared cell plan, rather
 * than stored as strings: reading a large sheet then keeps three numbers per figure instead of an
 * object and an address string, and the garbage collector has that much less to trace. Copy one
 * with `inPeriod`, never by spreading it (the addresses are not own properties).
 */
export class Obs implements Observation {
  actual: number | null = null;
  target: number | null = null;
  floor: number | null = null;
  expected: number | null = null;
  lower: number | null = null;
  upper: number | null = null;
  commentary: string | null = null;
  /** Present, both together and after the others, only once the sheet gives one (see setFigure). */
  declare numerator?: number | null;
  declare denominator?: number | null;
  /** Present only when the sheet gives them (benchmarking columns; see benchmark-columns.ts). */
  declare comparators?: readonly Comparator[];
  declare rank?: number | null;
  declare rankOf?: number | null;
  declare quartile?: number | null;
  declare midpoint?: number | null;
  /** The benchmarking cells' addresses, when the sheet gives them. */
  private benchmarkCells: BenchmarkCells | null = null;
  /** Bit per field whose cell was read; the same bit shifted by the number of fields when it was the row-wide column. */
  private recorded = 0;

  constructor(
    public period: Period,
    /** Shared by the observations of a slot until one records a cell elsewhere (then it gets its own copy). */
    private plan: Int32Array,
    /** Grid row of the cells. */
    private readonly row: number,
  ) {}

  /** Records that a field was read from the cell in `col` of the observation's row (`rowWide`: from the row-wide column). */
  recordCell(field: CellField, col: number, rowWide = false): void {
    const bit = 1 << FIELD_BIT[field];
    this.recorded |= bit;
    if (rowWide) {
      this.recorded |= bit << FIELDS;
      if (this.plan[FIELD_BIT[field] + ROW_WIDE] === col) return;
    } else {
      this.recorded &= ~(bit << FIELDS);
      if (this.plan[FIELD_BIT[field]] === col) return;
    }
    // A column the shared plan does not name (a period given twice): this observation's own plan.
    this.plan = this.plan.slice();
    planColumn(this.plan, field, col, rowWide);
  }

  /** True when the field's cell was read (what `cells[field] !== undefined` says, without building the addresses). */
  hasCell(field: CellField): boolean {
    return (this.recorded & (1 << FIELD_BIT[field])) !== 0;
  }

  /** Records the addresses of benchmarking cells (rare: kept as given). */
  addBenchmarkCells(cells: BenchmarkCells): void {
    this.benchmarkCells = { ...this.benchmarkCells, ...cells };
  }

  /** A1 address (on the indicator's sheet) of the cell each field was read from. */
  get cells(): Observation["cells"] {
    const cells: Partial<Record<CellField, string>> & BenchmarkCells = {};
    for (let i = 0; i < FIELDS; i++) {
      if ((this.recorded & (1 << i)) === 0) continue;
      const col = this.plan[(this.recorded & (1 << (i + FIELDS))) !== 0 ? i + ROW_WIDE : i] ?? 0;
      cells[CELL_FIELDS[i] as CellField] = a1((this.plan[ORIGIN_ROW] ?? 0) + this.row, (this.plan[ORIGIN_COL] ?? 0) + col);
    }
    return this.benchmarkCells ? Object.assign(cells, this.benchmarkCells) : cells;
  }

  /** The same figures and cells under another period (a month's result moved into its quarter). */
  inPeriod(period: Period): Obs {
    const o = new Obs(period, this.plan, this.row);
    o.actual = this.actual;
    o.target = this.target;
    o.floor = this.floor;
    o.expected = this.expected;
    o.lower = this.lower;
    o.upper = this.upper;
    o.commentary = this.commentary;
    if (this.numerator !== undefined) {
      o.numerator = this.numerator;
      o.denominator = this.denominator ?? null;
    }
    if (this.comparators !== undefined) o.comparators = this.comparators;
    if (this.rank !== undefined) o.rank = this.rank;
    if (this.rankOf !== undefined) o.rankOf = this.rankOf;
    if (this.quartile !== undefined) o.quartile = this.quartile;
    if (this.midpoint !== undefined) o.midpoint = this.midpoint;
    o.benchmarkCells = this.benchmarkCells;
    o.recorded = this.recorded;
    return o;
  }
}

/**
 * Sets a figure read from a cell. An Observation has a numerator and denominator only when the
 * sheet gives either, and then both (the one not given is null), in that order.
 */
export function setFigure(o: Obs, field: NumericField, value: number): void {
  if ((field === "numerator" || field === "denominator") && o.numerator === undefined) {
    o.numerator = null;
    o.denominator = null;
  }
  o[field] = value;
}

/**
 * One indicator while its table is read: what its describing columns said (first value wins),
 * its observations, and what its figures say about its unit, until the indicator maker turns it
 * into an Indicator.
 */
export interface Draft {
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
  /** A wide row's commentary and its grid column (on the indicator's row). */
  commentary: { text: string; col: number } | null;
  /** Councils' scheme words (scheme-text.ts): monitored on purpose, already year to date, own green band and stale limit. */
  monitorOnly: boolean;
  cumulative: boolean;
  greenTolerance: Tolerance | null;
  staleAfterMonths: number | null;
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

/** The figures that only an activity indicator has. */
export const ACTIVITY_FIELDS: ReadonlySet<string> = new Set(["expected", "lower", "upper"]);

/** A new draft for the indicator first found on grid row `row`, known by `key`, with every describing field unread. */
export function newDraft(row: number, key: string, name: string): Draft {
  return {
    row,
    key,
    name,
    ref: null,
    serviceArea: null,
    kind: null,
    polarity: null,
    polarityCell: null,
    frequency: null,
    unit: null,
    aggregation: null,
    tolerance: null,
    excluded: null,
    hasActivityFigures: false,
    commentary: null,
    monitorOnly: false,
    cumulative: false,
    greenTolerance: null,
    staleAfterMonths: null,
    obs: [],
    frequencies: [],
    obsBySlot: [],
    formats: [],
    cellUnits: [],
    results: [],
    targetFormats: [],
    targets: [],
  };
}
