import { monthNumberOf, reportingYearFirstMonth, reportingYearInWords, reportingYearStartYear } from "../calendar";
import type { YearToDate } from "../dashboard";
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
 *   result. For these the YTD target, floor and expected are the current period's.
 * A KPI's YTD figure is rated with the same rules as a single result; activities get no YTD alert.
 */
export function yearToDate(indicator: Indicator, current: Observation, rules: RuleSettings): YearToDate | null {
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
  const counted = inYear.filter((o) =>
    choice.aggregation === "ratio" ? o.numerator != null && o.denominator != null : o.actual !== null,
  );

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

  const rag =
    indicator.kind === "kpi"
      ? alertOf({ actual, target, floor, polarity: indicator.polarity, unit: indicator.unit, tolerance: indicator.tolerance }, rules)
      : null;
  return {
    year: reportingYearInWords(reportingYearStartYear(currentStart, rules.yearStartMonth), rules.yearStartMonth),
    aggregation: choice.aggregation,
    aggregationSource: choice.source,
    periods: counted.length,
    actual,
    target,
    expected,
    rag,
  };
}
