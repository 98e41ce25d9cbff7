/** How often an indicator is reported. `rolling12` is a 12-month total or average ending at each month. */
export type Frequency = "month" | "quarter" | "year" | "rolling12";

/** A reporting period with its dates (ISO `YYYY-MM-DD`, inclusive) and the label shown to people. */
export interface Period {
  /** As shown on the dashboard: "Jan 2013", "Q3 2012/13", "2011/12", "12 months to Dec 2012". */
  readonly label: string;
  /** First day of the period. */
  readonly start: string;
  /** Last day of the period. */
  readonly end: string;
}
