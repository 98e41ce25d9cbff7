import { monthNumberOf, monthShortName, quarterPeriodOf, reportingYearFirstMonth, reportingYearInWords, reportingYearStartYear } from "../calendar";
import type { Rag, YearToDate } from "../dashboard";
import type { Indicator, Observation } from "../indicator";
import type { RuleSettings } from "../settings";
import { chooseAggregation, mean, presentResults, ratioOfTotals, sumOrNull } from "./aggregation";
import { alertOf } from "./rag";

/**
 * Year-to-date figures for the reporting year (from `yearStartMonth`: April = financial,
 * September = academic) that contains the current period, for monthly and quarterly indicators
 * only (annual and rolling figures have no year-to-date).
 *
 * The periods counted are those of the year, up to and including the current one, that have a
 * result; targets are taken over the same periods so the comparison is like for like.
 * - sum: YTD actual = sum of the results; YTD target = sum of those periods' targets (a monthly
 *   sheet's target for a count is a monthly target), null when any of them has no target.
 *   Floor and expected likewise.
 * - mean: the mean of the results; ratio: Σ numerators / Σ denominators; latest: the current
 *   result (and so for figures that are already cumulative). For these the YTD target, floor and
 *   expected are the current period's.
 * A KPI's YTD figure is rated with the same rules as a single result; activities get no YTD alert.
 *
 * How much of the year is in: the periods with a result out of those the year has run ("7 of 9
 * months"), and which are missing; a sum or mean over missing periods is never complete. A latest
 * (or cumulative) figure covers the year by itself. With `ytdMinMonths`, a YTD alert is held back
 * ("too early") until the year has run that many months to the end of the current period.
 */

/** Shared by every complete year to date, rather than a new empty list for each. */
const noneMissing: string[] = [];

/** What the caller knows about the indicator beyond its series. */
export interface YtdOptions {
  /** Monitored without a target: the YTD is shown, its alert is MONITOR. */
  readonly monitored?: boolean;
}

/**
 * The labels of the periods of the year so far (first months `yearStart`, then every `step`
 * months, to `currentEnd`) that have no result. Labels are made only for those: most years to date
 * are complete, and this runs for every indicator.
 */
function missingPeriods(
  frequency: "month" | "quarter",
  yearStart: number,
  currentEnd: number,
  yearStartMonth: number,
  withResult: ReadonlySet<number>,
): string[] {
  const missing: string[] = [];
  const step = frequency === "month" ? 1 : 3;
  for (let m = yearStart; m <= currentEnd; m += step) {
    if (!withResult.has(m)) missing.push(frequency === "month" ? monthShortName(m) : quarterPeriodOf(m, yearStartMonth).label);
  }
  return missing;
}

/** Builds an indicator's year to date at its current observation; see the module note. */
export function yearToDate(indicator: Indicator, current: Observation, rules: RuleSettings, options: YtdOptions = {}): YearToDate | null {
  if (indicator.frequency !== "month" && indicator.frequency !== "quarter") return null;
  const currentStart = monthNumberOf(current.period.start);
  const currentEnd = monthNumberOf(current.period.end);
  if (currentStart === null || currentEnd === null) return null;
  const yearStart = reportingYearFirstMonth(currentStart, rules.yearStartMonth);

  const inYear = indicator.series.filter((o) => {
    const start = monthNumberOf(o.period.start);
    const end = monthNumberOf(o.period.end);
    return start !== null && end !== null && start >= yearStart && end <= currentEnd;
  });
  const choice = chooseAggregation(indicator, inYear);
  const counted = inYear.filter((o) => (choice.aggregation === "ratio" ? o.numerator != null && o.denominator != null : o.actual !== null));

  let actual: number | null;
  let target: number | null = current.target;
  let floor: number | null = current.floor;
  let expected: number | null = current.expected;
  switch (choice.aggregation) {
    case "sum":
      actual = sumOrNull(counted.map((o) => o.actual));
      target = sumOrNull(counted.map((o) => o.target));
      floor = sumOrNull(counted.map((o) => o.floor));
      expected = sumOrNull(counted.map((o) => o.expected));
      break;
    case "mean":
      actual = mean(presentResults(counted));
      break;
    case "ratio":
      actual = ratioOfTotals(counted);
      break;
    case "latest":
      actual = current.actual;
      break;
  }

  const step = indicator.frequency === "month" ? 1 : 3;
  const expectedPeriods = Math.floor((currentEnd - yearStart) / step) + 1;
  let missing: string[] = noneMissing;
  if (choice.aggregation !== "latest" && counted.length < expectedPeriods) {
    const withResult = new Set<number>();
    for (const o of counted) {
      const start = monthNumberOf(o.period.start);
      if (start !== null) withResult.add(start);
    }
    missing = missingPeriods(indicator.frequency, yearStart, currentEnd, rules.yearStartMonth, withResult);
  }
  const noun = indicator.frequency === "month" ? "month" : "quarter";
  const tooEarly = indicator.kind === "kpi" && !options.monitored && currentEnd - yearStart + 1 < rules.ytdMinMonths;

  let rag: Rag | null = null;
  if (indicator.kind === "kpi" && !tooEarly) {
    rag = options.monitored
      ? "MONITOR"
      : alertOf(
          {
            actual,
            target,
            floor,
            polarity: indicator.polarity,
            unit: indicator.unit,
            tolerance: indicator.tolerance,
            greenTolerance: indicator.greenTolerance ?? null,
          },
          rules,
        );
  }
  return {
    year: reportingYearInWords(reportingYearStartYear(currentStart, rules.yearStartMonth), rules.yearStartMonth),
    aggregation: choice.aggregation,
    aggregationSource: choice.source,
    periods: counted.length,
    actual,
    target,
    expected,
    rag,
    expectedPeriods,
    coverage: `${counted.length} of ${expectedPeriods} ${noun}${expectedPeriods === 1 ? "" : "s"}`,
    complete: missing.length === 0,
    missing,
    tooEarly,
  };
}
