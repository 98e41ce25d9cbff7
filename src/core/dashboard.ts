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
  /** How the row compares with the last report the committee was given; null when there is none to compare with. */
  readonly sinceLastReport: SinceLastReport | null;
  /**
   * The trend in one sentence, for the chart's alternative text and the cover report: "Percentage
   * of calls answered, April 2012 to January 2013, against a target of 85.0%; latest result 84.5%
   * in January 2013." Null when the trend has no result.
   */
  readonly trendDescription: string | null;
}

/** How an alert moved since the last report: to RED, back to GREEN, better (RED to AMBER) or worse (GREEN to AMBER). */
export type AlertChange = "fell-to-red" | "back-to-green" | "improved" | "worsened";

/** One row against the last report. */
export interface SinceLastReport {
  /** The last report's cut-off "YYYY-MM". */
  readonly cutoff: string;
  /** The alert the report showed, or null when it showed none (or the indicator was not in it). */
  readonly rag: Rag | null;
  /** How the alert moved, "new" when the indicator was not in the report, or null when the alert is unchanged. */
  readonly change: AlertChange | "new" | null;
  /** True when a figure the report showed has been revised since. */
  readonly revised: boolean;
  /** In words, as the dashboard's column shows it: "Fell to red (was AMBER)", "New", "Unchanged; figures revised". */
  readonly words: string;
}

/** A figure the last report showed that differs today (beyond the rounding shown). */
export interface Revision {
  readonly id: string;
  readonly ref: string | null;
  readonly name: string;
  /** Label of the period whose figure changed. */
  readonly period: string;
  /** Which figure: "result", "target", "floor", "expected", "YTD result" or "YTD target". */
  readonly field: string;
  readonly reported: number | null;
  readonly now: number | null;
  /** "Q2 2012/13 result revised from 71.2% to 69.8% since the report of September 2012". */
  readonly text: string;
}

/** An indicator whose standing changed since the last report. */
export interface ChangeEntry {
  /** The row's id on this dashboard, or null for an indicator that is gone. */
  readonly id: string | null;
  readonly ref: string | null;
  readonly name: string;
  readonly change: AlertChange | "new" | "gone";
  readonly before: Rag | null;
  readonly now: Rag | null;
  /** "CS01 Calls answered: fell to red (was AMBER)". */
  readonly text: string;
}

/** What changed since the last report: the section of the dashboard and the pane's summary. */
export interface Changes {
  /** The report compared with, or null when there is none (no history, none before this cut-off, or it could not be used). */
  readonly since: { readonly cutoff: string; readonly produced: string; readonly recorded: string } | null;
  readonly entries: readonly ChangeEntry[];
  /** Counts for the summary line. */
  readonly counts: { readonly fellToRed: number; readonly backToGreen: number; readonly improved: number; readonly worsened: number; readonly added: number; readonly gone: number; readonly revised: number };
  /** Notes that explain the comparison: renamed indicators, changed references, changed settings, why there is no comparison. */
  readonly notes: readonly string[];
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
  /** What changed since the last report the committee was given. */
  readonly changes: Changes;
  /** Figures the last report showed that have been revised since. */
  readonly revisions: readonly Revision[];
}
