import { maxOf, minOf } from "../append";
import { monthLongName, monthNumberOf } from "../calendar";
import type { Unit } from "../indicator";
import type { Frequency, Period } from "../period";
import { formatValue } from "./format-value";

/**
 * A trend in one sentence: what its chart shows, for a person who cannot see the chart. The
 * chart's alternative text and the cover report both use this sentence, so it is written once,
 * here, from the dashboard's own figures.
 */

/** One point of a trend, with its period's dates (so months can be named in full). */
export interface TrendPoint {
  readonly period: Period;
  readonly actual: number | null;
  readonly target: number | null;
}

/** A period as a person says it: "April 2012", "12 months to December 2012"; quarters and years as labelled. */
export function periodInWords(period: Period, frequency: Frequency): string {
  const month = (iso: string): string | null => {
    const n = monthNumberOf(iso);
    return n === null ? null : monthLongName(n);
  };
  if (frequency === "month") return month(period.start) ?? period.label;
  if (frequency === "rolling12") {
    const end = month(period.end);
    return end ? `12 months to ${end}` : period.label;
  }
  return period.label;
}

/**
 * "Percentage of calls answered, April 2012 to January 2013, against a target of 85.0%; latest
 * result 84.5% in January 2013." Targets that change are given as their range; a trend without
 * a target says so. Null when no point has a result.
 */
export function describeTrend(trend: {
  readonly name: string;
  readonly unit: Unit;
  readonly frequency: Frequency;
  readonly points: readonly TrendPoint[];
}): string | null {
  const withResult = trend.points.filter((p) => p.actual !== null);
  const first = trend.points[0];
  const lastPoint = trend.points[trend.points.length - 1];
  const latest = withResult[withResult.length - 1];
  if (!first || !lastPoint || !latest || latest.actual === null) return null;
  const words = (p: TrendPoint): string => periodInWords(p.period, trend.frequency);
  const targets = trend.points.map((p) => p.target).filter((t): t is number => t !== null);
  const low = minOf(targets);
  const high = maxOf(targets);
  const against =
    targets.length === 0
      ? "with no target set"
      : formatValue(low, trend.unit) === formatValue(high, trend.unit)
        ? `against a target of ${formatValue(high, trend.unit)}`
        : `against targets from ${formatValue(low, trend.unit)} to ${formatValue(high, trend.unit)}`;
  const span = first === lastPoint ? words(first) : `${words(first)} to ${words(lastPoint)}`;
  return `${trend.name.trim()}, ${span}, ${against}; latest result ${formatValue(latest.actual, trend.unit)} in ${words(latest)}.`;
}
