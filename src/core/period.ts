/**
 * How often an indicator is reported. `rolling12` is a 12-month total or average ending at each month;
 * `multiYear` is a span of several reporting years ("2012-15", three years), as benchmarking sources
 * publish survey results, compared only with spans of the same length.
 */
export type Frequency = "month" | "quarter" | "year" | "multiYear" | "rolling12";

/** A reporting period with its dates (ISO `YYYY-MM-DD`, inclusive) and the label shown to people. */
export interface Period {
  /** As shown on the dashboard: "Jan 2013", "Q3 2012/13", "2011/12", "2012-15", "12 months to Dec 2012". */
  readonly label: string;
  /** First day of the period. */
  readonly start: string;
  /** Last day of the period. */
  readonly end: string;
}
