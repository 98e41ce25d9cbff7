import type { Diagnostic } from "./diagnostics";
import type { Aggregation, Kind, Polarity, Unit } from "./indicator";
import type { Frequency, Period } from "./period";
import type { RuleSettings } from "./settings";

/** A KPI's alert. NO_DATA: no result for the period (never red). NO_TARGET: a result but nothing to rate it against. */
export type Rag = "GREEN" | "AMBER" | "RED" | "NO_DATA" | "NO_TARGET";

/** Direction of travel, judged with the indicator's polarity. */
export type Dot = "IMPROVED" | "WORSENED" | "SAME";

/** Where an activity result sits against its expected range. */
export type Position = "ABOVE" | "WITHIN" | "BELOW";

/** The result before the current one, of the same frequency. */
export interface PreviousResult {
  readonly period: Period;
  readonly actual: number | null;
  readonly rag: Rag | null;
}

/** Year-to-date figures for the reporting year that contains the indicator's period. */
export interface YearToDate {
  /** "2012/13" (financial) or "2012/13 academic year". */
  readonly year: string;
  readonly aggregation: Aggregation;
  /** Why this aggregation: "from the sheet's Aggregation column" or "inferred: counts are summed". */
  readonly aggregationSource: string;
  readonly periods: number;
  readonly actual: number | null;
  readonly target: number | null;
  readonly expected: number | null;
  readonly rag: Rag | null;
}

/** Variance of an activity result from its forecast. */
export interface Variance {
  readonly absolute: number;
  /** Fraction of expected (0.1 = 10% above); null when expected is zero. */
  readonly percent: number | null;
}

/**
 * One indicator as the committee sees it. The first fields are the command line's JSON promise
 * (`kpi-dashboard build --json`): keep their names.
 */
export interface IndicatorResult {
  readonly sheet: string;
  readonly row: number;
  readonly ref: string | null;
  readonly name: string;
  readonly serviceArea: string | null;
  readonly kind: Kind;
  readonly frequency: Frequency;
  readonly polarity: Polarity;
  readonly unit: Unit;
  readonly period: Period | null;
  readonly actual: number | null;
  readonly target: number | null;
  readonly floor: number | null;
  readonly expected: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly rag: Rag | null;
  readonly previous: PreviousResult | null;
  readonly dot: Dot | null;
  readonly position: Position | null;
  readonly commentary: string | null;
  // Beyond the promised fields:
  readonly id: string;
  readonly numberFormat: string | null;
  readonly variance: Variance | null;
  readonly ytd: YearToDate | null;
  /** True when the latest result is older than the reporting year: shown, not rated as current. */
  readonly stale: boolean;
  /** Why the alert or position is what it is, in words ("12% below the floor standard of 70%"). */
  readonly reason: string | null;
  /** Set when the indicator is not included in this iteration, with the sheet's explanation. */
  readonly excluded: string | null;
  /** A1 addresses of the cells behind the current figures, for "go to source". */
  readonly cells: Readonly<Record<string, string>>;
  /** The series shown in a trend chart: up to the last 13 periods up to the cut-off. */
  readonly trend: readonly { readonly label: string; readonly actual: number | null; readonly target: number | null }[];
}

/** Counts of alerts. */
export interface RagCounts {
  readonly GREEN: number;
  readonly AMBER: number;
  readonly RED: number;
  readonly NO_DATA: number;
  readonly NO_TARGET: number;
  /** Activity indicators, which get no alert. */
  readonly activity: number;
  readonly total: number;
}

/** Summary block: counts overall and by service area. */
export interface Summary {
  readonly total: RagCounts;
  readonly byServiceArea: readonly { readonly serviceArea: string; readonly counts: RagCounts }[];
}

/** An entry of the exception list: every RED, every alert that got worse, every activity outside its range. */
export interface Exception {
  readonly id: string;
  readonly ref: string | null;
  readonly name: string;
  readonly kind: "red" | "worsened" | "outside-range";
  readonly reason: string;
}

/** What the committee sees, as data; also the command line's JSON output. */
export interface Dashboard {
  readonly title: string;
  readonly directorate: string;
  /** The reporting cut-off "YYYY-MM". */
  readonly cutoff: string;
  /** "Results up to the end of December 2012 and, where available, January 2013". */
  readonly coverage: string;
  /** Date produced, YYYY-MM-DD. */
  readonly produced: string;
  readonly indicators: readonly IndicatorResult[];
  readonly summary: Summary;
  readonly exceptions: readonly Exception[];
  /** Guidance notes generated from the rules actually used. */
  readonly guidance: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  readonly rules: RuleSettings;
}
