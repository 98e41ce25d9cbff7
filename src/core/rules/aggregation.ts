import type { Aggregation, Indicator, Observation } from "../indicator";

/** How figures over several periods are combined, and why. */
export interface AggregationChoice {
  readonly aggregation: Aggregation;
  /** For the dashboard: "from the sheet's Aggregation column" or "inferred: counts are summed". */
  readonly source: string;
}

function hasTotals(observations: readonly Observation[]): boolean {
  return observations.some((o) => o.numerator != null && o.denominator != null);
}

/** Why a cumulative indicator's YTD is its latest figure, as the dashboard says it. */
export const cumulativeSource = "the figures are already year to date (cumulative), so the latest is the year to date";

/**
 * The aggregation for year-to-date and rolling figures: the sheet's own when it gives one;
 * otherwise the ratio of totals when the sheet holds numerators and denominators, a sum for counts
 * and money, and a mean for percentages and other numbers. A sheet asking for a ratio without
 * numerators and denominators falls back to the mean, and says so. Figures that are already year to
 * date (cumulative: the name, frequency or aggregation says so) take the latest as the YTD.
 */
export function chooseAggregation(indicator: Pick<Indicator, "aggregation" | "unit" | "cumulative">, observations: readonly Observation[]): AggregationChoice {
  if (indicator.aggregation === "ratio" && !hasTotals(observations)) {
    return { aggregation: "mean", source: "the sheet asks for a ratio of totals but gives no numerators and denominators, so the results are averaged" };
  }
  if (indicator.aggregation) return { aggregation: indicator.aggregation, source: "from the sheet's Aggregation column" };
  // Summing or averaging figures that already run from the start of the year would count the year over and over.
  if (indicator.cumulative === true) return { aggregation: "latest", source: cumulativeSource };
  if (hasTotals(observations))
    return { aggregation: "ratio", source: "inferred: the sheet gives numerators and denominators, so the rate is taken over the totals" };
  switch (indicator.unit) {
    case "count":
      return { aggregation: "sum", source: "inferred: counts are summed" };
    case "money":
      return { aggregation: "sum", source: "inferred: money is summed" };
    case "percentage":
      return { aggregation: "mean", source: "inferred: percentages are averaged" };
    case "number":
      return { aggregation: "mean", source: "inferred: numbers are averaged" };
  }
}

/** Sum of the figures, or null when any is missing (a total with a hole in it would mislead). */
export function sumOrNull(values: readonly (number | null | undefined)[]): number | null {
  let total = 0;
  for (const v of values) {
    if (v == null) return null;
    total += v;
  }
  return values.length === 0 ? null : total;
}

/** The results that are there, in order (a plain loop: this runs for every indicator's year to date). */
export function presentResults(observations: readonly Observation[]): number[] {
  const results: number[] = [];
  for (const o of observations) if (o.actual !== null) results.push(o.actual);
  return results;
}

/** Mean of the figures, or null when there are none. */
export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** The rate over totals: Σ numerators / Σ denominators, null when the denominators sum to zero or any is missing. */
export function ratioOfTotals(observations: readonly Observation[]): number | null {
  const numerator = sumOrNull(observations.map((o) => o.numerator));
  const denominator = sumOrNull(observations.map((o) => o.denominator));
  return numerator === null || denominator === null || denominator === 0 ? null : numerator / denominator;
}
