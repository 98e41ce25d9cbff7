import { firstDayOfMonth, lastDayOfMonth, monthNumberOf, monthShortName } from "../calendar";
import { diagnostic, type Diagnostic } from "../diagnostics";
import type { Indicator, Observation } from "../indicator";
import { chooseAggregation, mean, presentResults, ratioOfTotals, sumOrNull } from "./aggregation";

/**
 * Rolling 12-month figures computed from monthly results, for indicators marked rolling 12 months
 * whose sheet holds the months themselves (`rollingInSource` false).
 *
 * For each month with 11 months before it in the series, the figure is the sum (counts, money),
 * mean (percentages, numbers) or ratio of totals (numerators and denominators) of the 12 months
 * ending there, as the indicator's aggregation says ("latest" is read as the mean). A month
 * missing or without a result inside the window makes that rolling figure missing, never a
 * smaller total. The target, floor, expected and thresholds are those on the window's last
 * month: a rolling indicator's target is a 12-month figure. The period is labelled
 * "12 months to Dec 2012" and runs from the window's first day to its last.
 */

/** The rolling series and anything the analyst should know about it. */
export interface RollingSeries {
  readonly series: readonly Observation[];
  readonly diagnostics: readonly Diagnostic[];
}

const windowMonths = 12;

function indicatorName(indicator: Indicator): string {
  return indicator.ref ? `${indicator.ref} ${indicator.name}` : indicator.name;
}

/** Turns an indicator's monthly results into rolling 12-month figures; see the module note. */
export function rollingTwelveMonths(indicator: Indicator): RollingSeries {
  const byMonth = new Map<number, Observation>();
  let firstMonth: number | null = null;
  let lastCell: string | undefined;
  for (const o of indicator.series) {
    const start = monthNumberOf(o.period.start);
    const end = monthNumberOf(o.period.end);
    if (start === null || end === null || start !== end) {
      return {
        series: indicator.series,
        diagnostics: [
          diagnostic(
            "rolling-not-monthly",
            indicator.sheet,
            o.cells.actual ?? null,
            `${indicatorName(indicator)} is marked as rolling 12 months but its period "${o.period.label}" is not a single month, so its figures are shown as they are in the sheet.`,
          ),
        ],
      };
    }
    byMonth.set(end, o);
    if (firstMonth === null || end < firstMonth) firstMonth = end;
    lastCell = o.cells.actual ?? lastCell;
  }
  const choice = chooseAggregation(indicator, indicator.series);
  const aggregation = choice.aggregation === "latest" ? "mean" : choice.aggregation;

  const series: Observation[] = [];
  const months = [...byMonth.keys()].sort((a, b) => a - b);
  for (const end of months) {
    if (firstMonth === null || end - firstMonth < windowMonths - 1) continue;
    const last = byMonth.get(end);
    if (!last) continue;
    const window: Observation[] = [];
    for (let m = end - windowMonths + 1; m <= end; m++) {
      const o = byMonth.get(m);
      if (o) window.push(o);
    }
    const complete = window.length === windowMonths;
    let actual: number | null = null;
    if (complete) {
      if (aggregation === "sum") actual = sumOrNull(window.map((o) => o.actual));
      else if (aggregation === "ratio") actual = ratioOfTotals(window);
      else actual = window.some((o) => o.actual === null) ? null : mean(presentResults(window));
    }
    series.push({
      ...last,
      // Listed, not spread: an observation read from a sheet works its addresses out when asked.
      cells: last.cells,
      period: {
        label: `12 months to ${monthShortName(end)}`,
        start: firstDayOfMonth(end - windowMonths + 1),
        end: lastDayOfMonth(end),
      },
      actual,
    });
  }

  const withResults = [...byMonth.values()].filter((o) => o.actual !== null).length;
  const diagnostics =
    withResults < windowMonths
      ? [
          diagnostic(
            "rolling-too-few-months",
            indicator.sheet,
            lastCell ?? null,
            `${indicatorName(indicator)} has only ${withResults} month${withResults === 1 ? "" : "s"} of results; a rolling 12-month figure needs 12 consecutive months, so there is none until the sheet has them.`,
          ),
        ]
      : [];
  return { series, diagnostics };
}
