import type { Dot } from "../dashboard";
import type { Polarity } from "../indicator";
import { compareFigures } from "./compare";

/**
 * Direction of travel, judged with the indicator's polarity: a rise is IMPROVED when higher is
 * better, a fall is IMPROVED when lower is better, and moving closer to the target is IMPROVED
 * for close-to-target indicators.
 *
 * The dead band (`deadBand`, a fraction of the previous value) absorbs small changes: a change of
 * at most `deadBand × |previous|` is SAME. With 0 only an unchanged figure (allowing for
 * floating-point noise) is SAME.
 */

/** A figure's "goodness": higher is better whatever the polarity. Null when it cannot be judged. */
function goodness(value: number, polarity: Polarity, target: number | null): number | null {
  if (polarity === "higher") return value;
  if (polarity === "lower") return -value;
  return target === null ? null : -Math.abs(value - target);
}

function judge(change: number, before: number, after: number, allowance: number): Dot {
  if (compareFigures(after, before) === 0 || Math.abs(change) <= allowance) return "SAME";
  return change > 0 ? "IMPROVED" : "WORSENED";
}

/**
 * Compares the current result with the previous one of the same frequency. Null when either is
 * missing, or when a close-to-target indicator has no target to be close to.
 */
export function directionFromPrevious(
  current: number | null,
  previous: number | null,
  polarity: Polarity,
  target: number | null,
  deadBand: number,
): Dot | null {
  if (current === null || previous === null) return null;
  const now = goodness(current, polarity, target);
  const before = goodness(previous, polarity, target);
  if (now === null || before === null) return null;
  return judge(now - before, before, now, deadBand * Math.abs(previous));
}

/** One point of a series for a trend. */
export interface TrendPoint {
  readonly actual: number | null;
  /** The period's own target (close-to-target polarity measures the distance from it). */
  readonly target: number | null;
}

/**
 * Fits a least-squares line through the results given (missing results are skipped; at least 3
 * are needed, else null) and judges its slope with the polarity. The change over the fitted line,
 * slope × (n − 1), is SAME when at most `deadBand × |mean of the results|`. Close-to-target
 * indicators fit the distance from each period's target (or `fallbackTarget` where a period has none).
 */
export function directionFromTrend(points: readonly TrendPoint[], polarity: Polarity, fallbackTarget: number | null, deadBand: number): Dot | null {
  const values: number[] = [];
  const scores: number[] = [];
  for (const point of points) {
    if (point.actual === null) continue;
    const score = goodness(point.actual, polarity, point.target ?? fallbackTarget);
    if (score === null) return null;
    values.push(point.actual);
    scores.push(score);
  }
  const n = scores.length;
  if (n < 3) return null;
  const meanX = (n - 1) / 2;
  const meanScore = scores.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  scores.forEach((y, x) => {
    sxy += (x - meanX) * (y - meanScore);
    sxx += (x - meanX) ** 2;
  });
  const change = (sxy / sxx) * (n - 1);
  const meanValue = values.reduce((a, b) => a + b, 0) / n;
  return judge(change, meanScore, meanScore + change, deadBand * Math.abs(meanValue));
}
