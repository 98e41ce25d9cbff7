import type { Observation, Polarity, Unit } from "../indicator";
import type { RuleSettings } from "../settings";
import { directionFromPrevious } from "./direction";
import { formatValue } from "./format-value";
import { againstTarget, type Rating } from "./rag";

/**
 * Alerts that depend on the trend (`trendAlerts`), as several councils publish them: a result that
 * misses its target is AMBER when it has improved on the comparison (the previous period, or the
 * same period last year) and RED when it has not; the floor standard then plays no part. A result
 * that meets its target keeps its alert. With nothing to compare with, the usual alert stands and
 * the reason says so. The reason names the comparison: "15.0 percentage points below the target of
 * 80.0%, but better than Q3 2011/12 (60.0%)".
 */

/** The result being rated, as the trend rule needs it. */
export interface TrendAlertInput {
  readonly actual: number;
  readonly target: number;
  readonly polarity: Polarity;
  readonly unit: Unit;
  readonly targetWords?: string | undefined;
}

/** The comparison: the observation with a result to compare with, or the label of the one that is missing. */
export type TrendComparison = { readonly observation: Observation } | { readonly missing: string };

/** The alert under the trend rule; see the module note. */
export function trendAlert(rating: Rating, input: TrendAlertInput, comparison: TrendComparison, rules: Pick<RuleSettings, "deadBand">): Rating {
  if (rating.rag !== "AMBER" && rating.rag !== "RED") return rating;
  if ("missing" in comparison) return { rag: rating.rag, reason: `${rating.reason}; no result for ${comparison.missing} to compare with` };
  const before = comparison.observation;
  if (before.actual === null) return rating;
  const dot = directionFromPrevious(input.actual, before.actual, input.polarity, input.target, rules.deadBand);
  const toTarget = againstTarget(input.actual, input.target, input.unit, input.targetWords);
  const then = `${before.period.label} (${formatValue(before.actual, input.unit)})`;
  return dot === "IMPROVED"
    ? { rag: "AMBER", reason: `${toTarget}, but better than ${then}` }
    : { rag: "RED", reason: `${toTarget}, and no better than ${then}` };
}
