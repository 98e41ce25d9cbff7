import type { Aggregation, Comparator, Kind, ObservationField, Polarity, Tolerance, Unit } from "../indicator";
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
type CellKey = NumericField | "commentary" | "midpoint" | "rank" | "rankOf" | "quartile";

/**
 * One period's figures while a table is read, already the Observation it becomes (a figure not
 * read is null). A long table keeps every observation until the table ends; building each one
 * once, in its final form, rather than as a draft copied at the end, halves the objects a large
 * sheet keeps alive and so most of the garbage collector's work. The period's frequency, needed
 * only until the indicator is made, is kept beside it (Draft.frequencies).
 */
export interface Obs {
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
  /** Present only when the sheet gives them (benchmarking columns; see benchmark-columns.ts). */
  comparators?: readonly Comparator[];
  rank?: number | null;
  rankOf?: number | null;
  quartile?: number | null;
  midpoint?: number | null;
}

/** A new observation with every figure unread; every observation starts with the same shape. */
export function newObs(period: Period): Obs {
  return { period, actual: null, target: null, floor: null, expected: null, lower: null, upper: null, commentary: null, cells: {} };
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
 * Records the cell a figure was read from. Written as one plain assignment per field: adding a
 * property under a computed name is a slow path in the JavaScript engine, and this runs for
 * every figure of a large sheet. Fields are added in the order first set, as before.
 */
export function setCell(cells: Obs["cells"], field: NumericField, address: string): void {
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
  commentary: { text: string; cell: string } | null;
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
    row, key, name, ref: null, serviceArea: null, kind: null, polarity: null, polarityCell: null, frequency: null,
    unit: null, aggregation: null, tolerance: null, excluded: null, hasActivityFigures: false, commentary: null,
    monitorOnly: false, cumulative: false, greenTolerance: null, staleAfterMonths: null,
    obs: [], frequencies: [], obsBySlot: [], formats: [], cellUnits: [], results: [], targetFormats: [], targets: [],
  };
}
