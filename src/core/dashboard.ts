import type { Diagnostic } from "./diagnostics";
import type { Aggregation, Kind, Polarity, Unit } from "./indicator";
import type { Frequency, Period } from "./period";
import type { RuleSettings } from "./settings";

/**
 * A KPI's alert. NO_DATA: no result for the period (never red). NO_TARGET: a result but nothing to
 * rate it against. MONITOR: monitored without a target on purpose (no colour, no alert). EXCEEDED:
 * beyond the target by more than the `exceeded` margin (only when that setting is on).
 */
export type Rag = "GREEN" | "AMBER" | "RED" | "NO_DATA" | "NO_TARGET" | "MONITOR" | "EXCEEDED";

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
  /** How many periods of the indicator's frequency the year has run, to the current one. */
  readonly expectedPeriods: number;
  /** "7 of 9 months", "2 of 2 quarters": the periods with a result out of those the year has run. */
  readonly coverage: string;
  /** False when some periods of the year so far have no result (a cumulative figure is always complete). */
  readonly complete: boolean;
  /** Labels of the periods of the year so far with no result ("Aug 2012"). */
  readonly missing: readonly string[];
  /** True when the year has not yet run the months `ytdMinMonths` asks for: no YTD alert, "TOO EARLY". */
  readonly tooEarly: boolean;
}

/** How a result compares with a comparator, judged with the polarity. */
export type ComparisonPosition = "BETTER" | "WORSE" | "SAME";

/** The result beside an average of other councils or of the nation. */
export interface Comparison {
  /** The comparator column's header ("Scottish average"). */
  readonly label: string;
  readonly value: number;
  /** Null when it cannot be judged (close to a target or midpoint with neither given). */
  readonly position: ComparisonPosition | null;
  /** "better than the Scottish average (70.0%)". */
  readonly words: string;
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
  /** Monitored without a target on purpose (rated MONITOR when it has a current result). */
  readonly monitorOnly: boolean;
  /** The result for the same period one year before, and its alert, whatever `dotMethod` is. */
  readonly lastYear: PreviousResult | null;
  /** Direction of travel against the same period last year, whatever `dotMethod` is. */
  readonly dotLastYear: Dot | null;
  /** Direction of travel against the previous period, whatever `dotMethod` is. */
  readonly dotPrevious: Dot | null;
  /** The comparator a target was taken from (`comparatorAsTarget`), or null when the target is the sheet's own. */
  readonly targetFrom: string | null;
  /** The midpoint of a close-to-a-midpoint indicator, when the sheet gives one. */
  readonly midpoint: number | null;
  /** The result against each average the sheet gives, in its column order. */
  readonly comparisons: readonly Comparison[];
  /** The council's rank among others (1 is best). */
  readonly rank: { readonly rank: number; readonly of: number | null; readonly words: string } | null;
  /** The council's quartile among others (1 is the top). */
  readonly quartile: { readonly quartile: number; readonly words: string } | null;
  /** Months after its period ends that the latest result counts as stale (12 unless the indicator says). */
  readonly staleAfterMonths: number;
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
  readonly counts: {
    readonly fellToRed: number;
    readonly backToGreen: number;
    readonly improved: number;
    readonly worsened: number;
    readonly added: number;
    readonly gone: number;
    readonly revised: number;
  };
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
  /** Monitored without a target on purpose: counted apart. */
  readonly MONITOR: number;
  /** Beyond the target by more than the `exceeded` margin: counted apart from GREEN. */
  readonly EXCEEDED: number;
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

/** A RED or worsened indicator that has no commentary: the analyst should ask its owner for some. */
export interface MissingCommentary {
  readonly id: string;
  readonly ref: string | null;
  readonly name: string;
  /** "RED": its alert is RED; "worsened": its alert or its direction of travel got worse. */
  readonly why: "RED" | "worsened";
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
  /** RED or worsened indicators without commentary (empty when `listMissingCommentary` is off). */
  readonly missingCommentary: readonly MissingCommentary[];
}
