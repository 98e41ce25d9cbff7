import type { Position, Variance } from "../dashboard";
import type { Unit } from "../indicator";
import type { RuleSettings } from "../settings";
import { compareFigures } from "./compare";
import { formatDifference, formatPercent, formatTolerance, formatValue } from "./format-value";

/**
 * Activity against forecast. Activity indicators measure demand and get no alert; their result is
 * ABOVE, WITHIN or BELOW the expected range. The range is the sheet's lower and upper thresholds;
 * a missing threshold is `activityTolerance` either side of the expected figure. A result exactly
 * on a threshold is WITHIN (the thresholds belong to the range). The variance is the result minus
 * the expected figure, absolute and as a fraction of expected (null when expected is 0).
 */

/** The figures needed to place one activity result. */
export interface ForecastInput {
  readonly actual: number | null;
  readonly expected: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly unit: Unit;
}

/** Where the result sits, by how much it differs from expected, and why, in words. */
export interface ForecastComparison {
  readonly position: Position | null;
  readonly variance: Variance | null;
  readonly reason: string;
}

/** Places an activity result against its expected range; see the module note. */
export function compareWithForecast(input: ForecastInput, rules: Pick<RuleSettings, "activityTolerance">): ForecastComparison {
  const { actual, expected, unit } = input;
  if (actual === null) return { position: null, variance: null, reason: "No result for this period" };

  const margin =
    expected === null ? null : rules.activityTolerance.kind === "percent" ? rules.activityTolerance.value * Math.abs(expected) : rules.activityTolerance.value;
  const lower = input.lower ?? (expected !== null && margin !== null ? expected - margin : null);
  const upper = input.upper ?? (expected !== null && margin !== null ? expected + margin : null);
  const variance: Variance | null =
    expected === null ? null : { absolute: actual - expected, percent: expected === 0 ? null : (actual - expected) / Math.abs(expected) };

  if (lower === null && upper === null) {
    return { position: null, variance, reason: "No expected activity (forecast) or thresholds to compare with" };
  }

  const fromExpected =
    expected === null
      ? ""
      : compareFigures(actual, expected) === 0
        ? "Equal to the expected "
        : `${formatDifference(actual - expected, unit)}${variance?.percent == null ? "" : ` (${formatPercent(Math.abs(variance.percent), 1)})`} ${actual > expected ? "above" : "below"} the expected `;
  const expectedText = expected === null ? "" : `${fromExpected}${formatValue(expected, unit)}`;
  const tolerance =
    input.lower === null || input.upper === null
      ? ` (thresholds of ${formatTolerance(rules.activityTolerance, unit, "the forecast")} where the sheet gives none)`
      : "";
  const range =
    lower !== null && upper !== null
      ? `the expected range of ${formatValue(lower, unit)} to ${formatValue(upper, unit)}${tolerance}`
      : lower !== null
        ? `the lower threshold of ${formatValue(lower, unit)}`
        : upper !== null
          ? `the upper threshold of ${formatValue(upper, unit)}`
          : "";
  const lead = expectedText ? `${expectedText}, ` : "";

  if (lower !== null && compareFigures(actual, lower) < 0) {
    return { position: "BELOW", variance, reason: `${lead}under ${range}` };
  }
  if (upper !== null && compareFigures(actual, upper) > 0) {
    return { position: "ABOVE", variance, reason: `${lead}over ${range}` };
  }
  return { position: "WITHIN", variance, reason: `${lead}within ${range}` };
}
