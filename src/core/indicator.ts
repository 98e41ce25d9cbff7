import type { Frequency, Period } from "./period";

/** A key performance indicator (rated RAG against target and floor) or an activity indicator (compared with a forecast). */
export type Kind = "kpi" | "activity";

/** Which way is good: higher, lower, or as close to the target as possible. */
export type Polarity = "higher" | "lower" | "target";

/** What the numbers measure; decides number formats and how year-to-date is aggregated by default. */
export type Unit = "percentage" | "count" | "money" | "number";

/** How a year-to-date figure is formed from the periods of the year. */
export type Aggregation = "sum" | "mean" | "ratio" | "latest";

/** A band around the target: a percentage of the target (0.05 = 5%) or an absolute margin in the indicator's unit. */
export interface Tolerance {
  readonly kind: "percent" | "absolute";
  readonly value: number;
}

/** The numeric fields an observation can carry. */
export type ObservationField = "actual" | "target" | "floor" | "expected" | "lower" | "upper";

/** A figure another body publishes for the same indicator (a national or family group average), named by its column's header. */
export interface Comparator {
  /** The column's header, as the sheet writes it ("Scottish average", "Family group average"). */
  readonly label: string;
  readonly value: number;
  /** A1 address of its cell. */
  readonly cell: string;
}

/** One period's figures for one indicator; every value is traceable to its cell. Missing is null, never zero. */
export interface Observation {
  readonly period: Period;
  readonly actual: number | null;
  readonly target: number | null;
  readonly floor: number | null;
  readonly expected: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** Numerator and denominator, when the sheet holds them (lets YTD use the ratio of totals). */
  readonly numerator?: number | null;
  readonly denominator?: number | null;
  readonly commentary: string | null;
  /** A1 address (on the indicator's sheet) of the cell each field was read from. */
  readonly cells: Readonly<
    Partial<Record<ObservationField | "commentary" | "numerator" | "denominator" | "midpoint" | "rank" | "rankOf" | "quartile", string>>
  >;
  /** Averages of other councils or of the nation for the period, in the sheet's column order, when the sheet gives them. */
  readonly comparators?: readonly Comparator[];
  /** The council's rank among others (1 is best) and how many were ranked, when the sheet gives them. */
  readonly rank?: number | null;
  readonly rankOf?: number | null;
  /** The council's quartile among others, 1 (top, best) to 4 (bottom), when the sheet gives it. */
  readonly quartile?: number | null;
  /** For close-to-a-midpoint ("Goldilocks") indicators: the midpoint closest to which is best, when the sheet gives one. */
  readonly midpoint?: number | null;
}

/** One KPI or activity indicator as read from a worksheet. */
export interface Indicator {
  /** Unique within a workbook: `${sheet}!${row}` of its first row. */
  readonly id: string;
  readonly sheet: string;
  /** 1-based worksheet row of the indicator's (first) row. */
  readonly row: number;
  readonly ref: string | null;
  readonly name: string;
  readonly serviceArea: string | null;
  readonly kind: Kind;
  readonly polarity: Polarity;
  readonly frequency: Frequency;
  readonly unit: Unit;
  /** Number format of the indicator's results in the source sheet, when there is one worth keeping ("0.0%", "#,##0"). */
  readonly numberFormat: string | null;
  /** YTD aggregation from the sheet, or null to infer it from the unit. */
  readonly aggregation: Aggregation | null;
  /** A per-indicator amber/green tolerance from the sheet, overriding the workbook setting. */
  readonly tolerance: Tolerance | null;
  /** True when the sheet's figures are already rolling 12-month values (no need to compute them). */
  readonly rollingInSource: boolean;
  /** Set when the sheet marks the indicator as not included in this iteration; the text says why. */
  readonly excluded: string | null;
  /** Observations sorted by period start, one per period. */
  readonly series: readonly Observation[];
  /** Monitored without a target on purpose ("Data only"): rated MONITOR, never NO_TARGET. Absent: false. */
  readonly monitorOnly?: boolean;
  /** The figures are already year to date (cumulative): the YTD is the latest figure. Absent: false. */
  readonly cumulative?: boolean;
  /** A per-indicator green tolerance from the sheet, overriding the workbook's `greenTolerance`. */
  readonly greenTolerance?: Tolerance | null;
  /** Months after its period ends that a result becomes stale, when the indicator's frequency or its own column says (24 for every two years). Absent: 12. */
  readonly staleAfterMonths?: number | null;
}
