import { monthLongName } from "../calendar";
import type { RuleSettings } from "../settings";
import { comparatorWords } from "./comparison";
import { formatPercent } from "./format-value";
import { staleAfterMonths } from "./stale";

/**
 * Guidance notes printed with the dashboard, written from the rule settings actually used so the
 * notes always match how the alerts, arrows and positions were worked out.
 */

function band(tolerance: { readonly kind: "percent" | "absolute"; readonly value: number }, of: string): string {
  return tolerance.kind === "percent"
    ? `${formatPercent(tolerance.value)} of ${of}`
    : `${tolerance.value} (in the indicator's own unit; for percentages 0.01 is one percentage point)`;
}

function yearKind(yearStartMonth: number): string {
  if (yearStartMonth === 4) return "the financial year";
  if (yearStartMonth === 9) return "the academic year";
  if (yearStartMonth === 1) return "the calendar year";
  return "the reporting year";
}

/**
 * What a build used beyond its settings, so the notes describe the targets and statuses actually on
 * the dashboard (and say nothing of features no indicator uses).
 */
export interface GuidanceUsage {
  /** Comparator columns used as targets (`comparatorAsTarget`), by header, first use first. */
  readonly comparatorTargets?: readonly string[];
  /** True when every rated KPI's target came from a comparator: there is no business plan target to speak of. */
  readonly onlyComparatorTargets?: boolean;
  /** True when some indicator is monitor only. */
  readonly monitored?: boolean;
  /** True when some indicator has a stale limit of its own (published every two years). */
  readonly ownStaleLimits?: boolean;
  /** True when some indicator is compared with other councils. */
  readonly comparisons?: boolean;
  /** True when some indicator's figures are spans of several years. */
  readonly spans?: boolean;
  /** True when some indicator's figures are already year to date. */
  readonly cumulative?: boolean;
}

function tolerancePhrase(t: { readonly kind: "percent" | "absolute"; readonly value: number }): string {
  return band(t, "the target");
}

/** The guidance notes for a dashboard built with these rules, one paragraph each. */
export function guidanceNotes(rules: RuleSettings, usage: GuidanceUsage = {}): string[] {
  const notes: string[] = [];
  const comparators = usage.comparatorTargets ?? [];
  const comparatorNames = comparators.map(comparatorWords).join(" or ");
  if (usage.onlyComparatorTargets && comparators.length > 0) {
    notes.push(
      `Key Performance Indicators (KPIs) are compared with ${comparatorNames}, as they have no target of their own: the average is used as the target. Each result is given a RAG alert.`,
    );
  } else {
    notes.push(
      "Key Performance Indicators (KPIs) have a business plan target and, usually, a floor standard: the minimum acceptable level, below which management action is needed. Each result is given a RAG alert.",
    );
    if (comparators.length > 0)
      notes.push(`Indicators with no target of their own are compared with ${comparatorNames} instead, which is used as their target.`);
  }
  if (rules.exceeded) notes.push(`EXCEEDED: the target has been beaten by more than ${tolerancePhrase(rules.exceeded)}; it is counted apart from GREEN.`);
  const green = rules.greenTolerance
    ? `GREEN: the target has been met, or the result is within ${band(rules.greenTolerance, "the target")}.`
    : "GREEN: the target has been met.";
  notes.push(`${green} A result exactly equal to the target is ${rules.atTarget === "GREEN" ? "GREEN" : "AMBER"}.`);
  const amberWithoutFloor = rules.amberTolerance
    ? `Where an indicator has no floor standard it is AMBER when within ${band(rules.amberTolerance, "the target")} (or the indicator's own tolerance) and RED beyond.`
    : "Where an indicator has no floor standard (and no tolerance of its own) it goes straight from GREEN to RED.";
  notes.push(
    `AMBER: the target has not been met but the floor standard has. A result exactly equal to the floor standard is ${rules.atFloor}. ${amberWithoutFloor}`,
  );
  notes.push("RED: the floor standard has not been met; management action is needed. A result below the floor standard is never GREEN.");
  notes.push(
    `Indicators where being close to the target is best are GREEN within ${band(rules.targetBand, "the target")} either side of it, AMBER when no further from it than the floor standard, and RED beyond.`,
  );
  if (rules.trendAlerts) {
    const against = rules.trendAlerts === "lastYear" ? "the same period last year" : "the previous period";
    notes.push(
      `Where a result misses its target, its alert follows the trend: AMBER when it is better than ${against}, RED when it is not; the floor standard plays no part.`,
    );
  }
  if (rules.zeroTargetBand) {
    notes.push(
      `Where the target is 0, a band that is a percentage of the target would be no band at all, so a band of ${rules.zeroTargetBand.value} (in the indicator's own unit; for percentages 0.01 is one percentage point) is used instead.`,
    );
  }
  notes.push("NO DATA: there is no result for the period yet; this is not a RED. NO TARGET: there is a result but no target, so no alert is given.");
  if (usage.monitored || rules.monitorOnly.length > 0) {
    notes.push(
      "MONITOR: the indicator is monitored without a target (data only), so it has no alert or colour; its figures and direction of travel are shown, and it is counted apart.",
    );
  }
  notes.push(
    `A latest result whose period ended more than ${staleAfterMonths} months${usage.ownStaleLimits ? " (or the indicator's own limit, such as 24 months for one published every two years)" : ""} before the end of the reporting month is shown with its figures but marked NO DATA, as it does not describe current performance.`,
  );
  const deadBand = rules.deadBand > 0 ? `; a change of no more than ${formatPercent(rules.deadBand)} of the previous figure counts as no change` : "";
  const both =
    rules.dotBoth && rules.dotMethod !== "trend"
      ? ` The DoT column also shows the comparison with ${rules.dotMethod === "lastYear" ? "the previous result" : "the same period a year before"}.`
      : "";
  const method =
    rules.dotMethod === "trend"
      ? `Direction of travel is the trend of the last ${rules.trendPoints} results (a least-squares line; at least 3 results are needed)${rules.deadBand > 0 ? `; a change along the line of no more than ${formatPercent(rules.deadBand)} of the average result counts as no change` : ""}.`
      : rules.dotMethod === "lastYear"
        ? `Direction of travel compares the latest result with the same period a year before (month with month, quarter with quarter)${deadBand}.${both}`
        : `Direction of travel compares the latest result with the previous result of the same frequency${deadBand}.${both}`;
  notes.push(
    `${method} ▲ performance has improved, ▼ performance has worsened, ► performance is the same. Whether a rise is an improvement depends on the indicator: for recorded crime or first-time entrants, fewer is better.`,
  );
  const activity = rules.activityTolerance.kind === "percent" ? formatPercent(rules.activityTolerance.value) : String(rules.activityTolerance.value);
  notes.push(
    `Activity indicators measure demand and have no RAG alert. Their results are compared with the business plan forecast of expected activity and shown as ABOVE, WITHIN or BELOW the expected range between the lower and upper thresholds (a result equal to a threshold is WITHIN). Where there are no thresholds the range is ${activity} either side of the forecast. The variance is the difference from the forecast.`,
  );
  const yearStart = monthLongName(2000 * 12 + rules.yearStartMonth - 1).replace(" 2000", "");
  notes.push(
    `Year to date (YTD) figures run from ${yearStart} (${yearKind(rules.yearStartMonth)}) to the latest period shown. Counts and money are summed, with the targets of the same periods summed; rates are averaged, or taken over the year's totals where the sheet gives numerators and denominators, and compared with the latest target.`,
  );
  if (usage.cumulative)
    notes.push("Indicators whose figures are already year to date (cumulative) take their latest figure as the YTD; they are never added up again.");
  if (rules.ytdMinMonths > 1) notes.push(`YTD alerts are given once the year has run ${rules.ytdMinMonths} months; before that they show TOO EARLY.`);
  notes.push(
    "Rolling 12 month figures are the total (or average, for rates) of the 12 months to the month shown, which removes seasonal variation; a figure is shown only when all 12 months have results.",
  );
  if (usage.spans) notes.push("Figures for a span of several years (such as 2012-15) are compared only with spans of the same length.");
  if (usage.comparisons) {
    notes.push(
      "Comparison with other councils: a result is better or worse than an average as its polarity says (for a measure where being close to a midpoint is best, nearer the midpoint is better); quartile 1 (the top quartile) and rank 1 are the best.",
    );
  }
  notes.push("Each indicator shows its own latest period, as results arrive on different timetables.");
  return notes;
}
