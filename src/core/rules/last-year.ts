import { monthNumberOf, monthShortName, quarterPeriodOf, reportingYearStartYear, spanPeriod, yearPeriod } from "../calendar";
import type { Frequency, Period } from "../period";
import type { Observation } from "../indicator";

/**
 * The same period one year before: month with month, quarter with quarter, the year before for an
 * annual figure, the window twelve months earlier for a rolling figure, the span starting a year
 * earlier (of the same length) for a multi-year one. Councils compare seasonal indicators this way.
 */

/** Months from a period's first month to its last, plus one: 1 for a month, 12 for a year, 36 for a three-year span. */
export function periodLength(period: Period): number | null {
  const start = monthNumberOf(period.start);
  const end = monthNumberOf(period.end);
  return start === null || end === null ? null : end - start + 1;
}

/** True when `o` is the period `start`..`end` (month numbers). */
function isPeriod(o: Observation | undefined, start: number, end: number): o is Observation {
  return o !== undefined && monthNumberOf(o.period.start) === start && monthNumberOf(o.period.end) === end;
}

/**
 * The observation with a result for the same period one year before the one at `index`, or null.
 * Series are usually one observation per period without gaps, so the places a year back holds in a
 * monthly, quarterly or annual series are looked at first; otherwise the year is searched.
 */
export function sameTimeLastYear(series: readonly Observation[], index: number): Observation | null {
  const current = series[index];
  if (!current) return null;
  const start = monthNumberOf(current.period.start);
  const end = monthNumberOf(current.period.end);
  if (start === null || end === null) return null;
  const wantStart = start - 12;
  const wantEnd = end - 12;
  for (const back of [12, 4, 1]) {
    const o = series[index - back];
    if (isPeriod(o, wantStart, wantEnd)) return o.actual === null ? null : o;
  }
  for (let i = index - 1; i >= 0; i--) {
    const o = series[i];
    if (!o) continue;
    const s = monthNumberOf(o.period.start);
    if (s === null) continue;
    if (s < wantStart) break;
    if (s === wantStart && monthNumberOf(o.period.end) === wantEnd) return o.actual === null ? null : o;
  }
  return null;
}

/** The label of the period one year before, as the sheet would write it ("Q3 2011/12"), for a reason that has no result to name. */
export function labelYearBefore(period: Period, frequency: Frequency, yearStartMonth: number): string {
  const start = monthNumberOf(period.start);
  const length = periodLength(period);
  if (start === null || length === null) return "the same period last year";
  const before = start - 12;
  switch (frequency) {
    case "month":
      return monthShortName(before);
    case "quarter":
      return quarterPeriodOf(before, yearStartMonth).label;
    case "year":
      return yearPeriod(reportingYearStartYear(before, yearStartMonth), yearStartMonth).label;
    case "multiYear":
      return spanPeriod(reportingYearStartYear(before, yearStartMonth), Math.round(length / 12), yearStartMonth).label;
    case "rolling12":
      return `12 months to ${monthShortName(before + length - 1)}`;
  }
}
