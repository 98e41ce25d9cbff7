import { appendAll } from "../append";
import { monthKey, monthLongName, monthNumberOf } from "../calendar";
import type { Dashboard, Dot, IndicatorResult, PreviousResult, Rag } from "../dashboard";
import { diagnostic, type Diagnostic } from "../diagnostics";
import { noHistory, ownerOf, type HistoryReading } from "../history";
import type { Indicator, Observation } from "../indicator";
import type { RuleSettings, Settings } from "../settings";
import { describeCoverage } from "./coverage";
import { directionFromPrevious, directionFromTrend } from "./direction";
import { listExceptions } from "./exceptions";
import { cumulativeSource } from "./aggregation";
import { missingCommentary } from "./commentary";
import { compareWithOthers, comparatorWords } from "./comparison";
import { chooseCutoff } from "./cutoff";
import { compareWithForecast } from "./forecast";
import { guidanceNotes, type GuidanceUsage } from "./guidance";
import { labelYearBefore, periodLength, sameTimeLastYear } from "./last-year";
import { monitorReason, monitorTest } from "./monitor";
import { alertOf, rateResult, usesRelativeBandAtZero, type RateInput } from "./rag";
import { rollingTwelveMonths } from "./rolling";
import { compareWithLastReport } from "./since-last-report";
import { isStale, staleAfterMonths, staleReason } from "./stale";
import { summarise } from "./summary";
import { describeTrend } from "./trend-words";
import { trendAlert, type TrendComparison } from "./trend-alert";
import { yearToDate } from "./ytd";

/**
 * Rating: the stage that turns the indicators read into the Dashboard. The rules themselves live
 * beside this door, one module each (RAG, direction, YTD, rolling, forecast, stale, summary,
 * exceptions, guidance); this module applies them to every indicator as at the cut-off month.
 */

/** How many periods a trend chart shows. */
const trendLength = 13;

/** Everything a dashboard build needs beside the indicators. */
export interface BuildOptions {
  readonly settings: Settings;
  /** Reporting cut-off "YYYY-MM", or null for the latest month in which any indicator has a result. */
  readonly cutoff: string | null;
  /** Date produced, YYYY-MM-DD (passed in so the core stays pure). */
  readonly produced: string;
  /** What reading found, passed through ahead of the rules' own. */
  readonly diagnostics: readonly Diagnostic[];
  /** The reports recorded so far, to say what changed since the last one; none when absent. */
  readonly history?: HistoryReading;
  /** Whether to give each row its trend (the series a chart shows); default yes. A host that draws no chart (the command line without charts or a cover report) leaves it out. */
  readonly trends?: boolean;
}

function indicatorName(indicator: Indicator): string {
  return indicator.ref ? `${indicator.ref} ${indicator.name}` : indicator.name;
}

function endMonth(o: Observation): number | null {
  return monthNumberOf(o.period.end);
}

/** The cut-off a dashboard without a chosen period uses ("YYYY-MM"), or null when no indicator has a result. */
export { latestReportingMonth } from "./cutoff";
export { monitorTest } from "./monitor";

/** Copies the cell addresses that are set, for "go to source". */
function cellsOf(o: Observation | null): Record<string, string> {
  const cells: Record<string, string> = {};
  if (!o) return cells;
  for (const [field, address] of Object.entries(o.cells)) if (typeof address === "string") cells[field] = address;
  return cells;
}

/** What rating one build needs beyond the rule settings: who is monitor only, and what was used, for the guidance. */
interface BuildContext {
  readonly rules: RuleSettings;
  readonly monitored: (indicator: Indicator) => boolean;
  /** Whether rows get their trend (the series a chart shows). */
  readonly trends: boolean;
  readonly usage: {
    comparatorTargets: string[];
    ratedKpis: number;
    comparatorRated: number;
    monitored: boolean;
    ownStaleLimits: boolean;
    comparisons: boolean;
    spans: boolean;
    cumulative: boolean;
  };
}

/** An observation's target and where it came from: null, the sheet's own; a comparator's header, with `comparatorAsTarget`. */
interface TargetSource {
  readonly target: number | null;
  readonly from: string | null;
}

/** An observation's target, or (with `comparatorAsTarget`, where the sheet gives none) its first comparator, with where it came from. */
function targetOf(indicator: Indicator, o: Observation, rules: RuleSettings): TargetSource {
  if (o.target !== null || !rules.comparatorAsTarget || indicator.polarity === "target") return ownTarget(o);
  const first = o.comparators?.[0];
  return first ? { target: first.value, from: first.label } : ownTarget(o);
}

/** The sheet's own target. */
function ownTarget(o: Observation): TargetSource {
  return { target: o.target, from: null };
}

function rateInput(indicator: Indicator, o: Observation, target: { target: number | null; from: string | null }): RateInput {
  return {
    actual: o.actual,
    target: target.target,
    floor: target.from === null ? o.floor : null,
    polarity: indicator.polarity,
    unit: indicator.unit,
    tolerance: indicator.tolerance,
    greenTolerance: indicator.greenTolerance ?? null,
    targetWords: target.from === null ? undefined : comparatorWords(target.from),
  };
}

/** The observation before the one at `index` with a result (for a span of years, a span of the same length), or null. */
function previousWithResult(indicator: Indicator, upTo: readonly Observation[], index: number): Observation | null {
  const current = upTo[index];
  const length = indicator.frequency === "multiYear" && current ? periodLength(current.period) : null;
  for (let i = index - 1; i >= 0; i--) {
    const o = upTo[i];
    if (o && o.actual !== null && (length === null || periodLength(o.period) === length)) return o;
  }
  return null;
}

/** What the trend rule compares the observation at `index` with, or null when the rule is off. */
function trendComparison(indicator: Indicator, upTo: readonly Observation[], index: number, rules: RuleSettings): TrendComparison | null {
  if (!rules.trendAlerts) return null;
  const o = upTo[index];
  if (!o) return null;
  if (rules.trendAlerts === "lastYear") {
    const before = sameTimeLastYear(upTo, index);
    return before ? { observation: before } : { missing: labelYearBefore(o.period, indicator.frequency, rules.yearStartMonth) };
  }
  const before = previousWithResult(indicator, upTo, index);
  return before ? { observation: before } : { missing: "an earlier period" };
}

/**
 * The alert of the observation at `index`, with its reason when asked: MONITOR for a monitor-only
 * indicator, else the RAG rules, with the target from a comparator and the trend rule when the
 * settings say so.
 */
function rateAt(
  indicator: Indicator,
  monitored: boolean,
  upTo: readonly Observation[],
  index: number,
  ctx: BuildContext,
  withReason: boolean,
): { rag: Rag; reason: string; target: number | null; from: string | null } {
  const o = upTo[index] as Observation;
  const target = targetOf(indicator, o, ctx.rules);
  if (monitored) return { rag: o.actual === null ? "NO_DATA" : "MONITOR", reason: monitorReason, target: target.target, from: target.from };
  const input = rateInput(indicator, o, target);
  let rating = withReason ? rateResult(input, ctx.rules) : { rag: alertOf(input, ctx.rules), reason: "" };
  if (target.from !== null && withReason) rating = { rag: rating.rag, reason: `${rating.reason} (used as the target, as there is none)` };
  const comparison = o.actual !== null && target.target !== null ? trendComparison(indicator, upTo, index, ctx.rules) : null;
  if (comparison && o.actual !== null && target.target !== null) {
    rating = trendAlert(
      rating,
      { actual: o.actual, target: target.target, polarity: indicator.polarity, unit: indicator.unit, targetWords: input.targetWords },
      comparison,
      ctx.rules,
    );
  }
  return { rag: rating.rag, reason: rating.reason, target: target.target, from: target.from };
}

/** An earlier result shown beside the current one (the previous period's, last year's), with its alert. */
function earlierResult(
  indicator: Indicator,
  monitored: boolean,
  upTo: readonly Observation[],
  currentIndex: number,
  o: Observation | null,
  ctx: BuildContext,
): PreviousResult | null {
  if (!o) return null;
  // The observation is near the current one: look back from there rather than from the start.
  let index = currentIndex - 1;
  while (index > 0 && upTo[index] !== o) index--;
  const rag = indicator.kind === "kpi" ? rateAt(indicator, monitored, upTo, index, ctx, false).rag : null;
  return { period: o.period, actual: o.actual, rag };
}

/** True when a floor standard sits on the wrong side of the target for the polarity (a likely typing error). */
function floorOnWrongSide(indicator: Indicator, o: Observation): boolean {
  if (o.target === null || o.floor === null) return false;
  return (indicator.polarity === "higher" && o.floor > o.target) || (indicator.polarity === "lower" && o.floor < o.target);
}

/** The part of a row that says how its result is rated or placed. */
type Assessment = Pick<
  IndicatorResult,
  "rag" | "previous" | "dot" | "position" | "variance" | "ytd" | "stale" | "reason" | "lastYear" | "dotLastYear" | "dotPrevious"
>;
/** The part of a row taken from the indicator and its current observation. */
type RowFigures = Omit<IndicatorResult, keyof Assessment | "sinceLastReport">;

/** An assessment with nothing rated: for excluded indicators and those without a result. */
function unrated(rag: Rag | null, reason: string, previous: PreviousResult | null = null, stale = false): Assessment {
  return { rag, previous, dot: null, position: null, variance: null, ytd: null, stale, reason, lastYear: null, dotLastYear: null, dotPrevious: null };
}

/**
 * Joins a row's figures and its assessment, figures first. Written out field by field because
 * spreading the figures into every row was the slowest step of rating a large workbook.
 */
function resultRow(f: RowFigures, a: Assessment): IndicatorResult {
  return {
    sheet: f.sheet,
    row: f.row,
    ref: f.ref,
    name: f.name,
    serviceArea: f.serviceArea,
    kind: f.kind,
    frequency: f.frequency,
    polarity: f.polarity,
    unit: f.unit,
    period: f.period,
    actual: f.actual,
    target: f.target,
    floor: f.floor,
    expected: f.expected,
    lower: f.lower,
    upper: f.upper,
    commentary: f.commentary,
    id: f.id,
    numberFormat: f.numberFormat,
    excluded: f.excluded,
    cells: f.cells,
    trend: f.trend,
    trendDescription: f.trendDescription,
    rag: a.rag,
    previous: a.previous,
    dot: a.dot,
    position: a.position,
    variance: a.variance,
    ytd: a.ytd,
    stale: a.stale,
    reason: a.reason,
    sinceLastReport: null,
    monitorOnly: f.monitorOnly,
    lastYear: a.lastYear,
    dotLastYear: a.dotLastYear,
    dotPrevious: a.dotPrevious,
    targetFrom: f.targetFrom,
    midpoint: f.midpoint,
    comparisons: f.comparisons,
    rank: f.rank,
    quartile: f.quartile,
    staleAfterMonths: f.staleAfterMonths,
  };
}

/** Builds one indicator's row from its series, as at the cut-off month. */
function resultFor(indicator: Indicator, cutoffMonth: number, ctx: BuildContext, out: Diagnostic[]): IndicatorResult {
  const { rules } = ctx;
  const cutoff = monthKey(cutoffMonth);
  const upTo = indicator.series.filter((o) => {
    const month = endMonth(o);
    return month !== null && month <= cutoffMonth;
  });
  let currentIndex = -1;
  for (let i = upTo.length - 1; i >= 0; i--) {
    if (upTo[i]?.actual !== null) {
      currentIndex = i;
      break;
    }
  }
  const current = currentIndex >= 0 ? (upTo[currentIndex] ?? null) : (upTo[upTo.length - 1] ?? null);
  const previousObservation = currentIndex >= 0 ? previousWithResult(indicator, upTo, currentIndex) : null;
  const lastYearObservation = currentIndex >= 0 ? sameTimeLastYear(upTo, currentIndex) : null;
  const shown = upTo.slice(-trendLength);
  // What a trend chart shows (on the sheet or in the cover report); a caller that draws none can leave it out.
  const trend: IndicatorResult["trend"] = ctx.trends ? shown.map((o) => ({ label: o.period.label, actual: o.actual, target: o.target })) : [];
  const monitored = ctx.monitored(indicator);
  const limit = indicator.staleAfterMonths ?? staleAfterMonths;
  const benchmarks = compareWithOthers(current, indicator.polarity, indicator.unit);
  const targetNow = current && indicator.kind === "kpi" && !monitored ? targetOf(indicator, current, rules) : { target: current?.target ?? null, from: null };
  const trendDescription = describeTrend({ name: indicator.name, unit: indicator.unit, frequency: indicator.frequency, points: shown });

  const base: RowFigures = {
    sheet: indicator.sheet,
    row: indicator.row,
    ref: indicator.ref,
    name: indicator.name,
    serviceArea: indicator.serviceArea,
    kind: indicator.kind,
    frequency: indicator.frequency,
    polarity: indicator.polarity,
    unit: indicator.unit,
    period: current?.period ?? null,
    actual: current?.actual ?? null,
    target: targetNow.target,
    floor: targetNow.from === null ? (current?.floor ?? null) : null,
    expected: current?.expected ?? null,
    lower: current?.lower ?? null,
    upper: current?.upper ?? null,
    commentary: current?.commentary ?? null,
    id: indicator.id,
    numberFormat: indicator.numberFormat,
    excluded: indicator.excluded,
    cells: cellsOf(current),
    trend,
    trendDescription,
    monitorOnly: monitored,
    targetFrom: current?.actual != null ? targetNow.from : null,
    midpoint: current?.midpoint ?? null,
    comparisons: benchmarks.comparisons,
    rank: benchmarks.rank,
    quartile: benchmarks.quartile,
    staleAfterMonths: limit,
  };
  const name = indicatorName(indicator);

  if (indicator.excluded !== null) return resultRow(base, unrated(null, indicator.excluded));
  if (benchmarks.comparisons.length > 0 || benchmarks.rank || benchmarks.quartile) ctx.usage.comparisons = true;
  if (!current || current.actual === null) {
    const until = monthLongName(cutoffMonth);
    out.push(
      diagnostic("no-result", indicator.sheet, current?.cells.actual ?? null, `${name} has no result up to the end of ${until}, so it is shown as no data.`),
    );
    return resultRow(
      base,
      unrated(indicator.kind === "kpi" ? "NO_DATA" : null, current ? `No result for ${current.period.label}` : `No result up to the end of ${until}`),
    );
  }
  if (monitored) ctx.usage.monitored = true;
  if (indicator.frequency === "multiYear") ctx.usage.spans = true;
  if (limit !== staleAfterMonths) ctx.usage.ownStaleLimits = true;

  const previous = earlierResult(indicator, monitored, upTo, currentIndex, previousObservation, ctx);

  if (isStale(current.period, cutoff, limit)) {
    const reason = staleReason(current.period, limit);
    out.push(
      diagnostic(
        "stale-result",
        indicator.sheet,
        current.cells.actual ?? null,
        `${name}: ${reason.charAt(0).toLowerCase()}${reason.slice(1)} at the end of ${monthLongName(cutoffMonth)}, so it is marked as no data.`,
      ),
    );
    return resultRow(base, unrated(indicator.kind === "kpi" ? "NO_DATA" : null, reason, previous, true));
  }

  // The polarity's best point: a close-to-target indicator with no target is judged by its midpoint.
  const best = current.target ?? current.midpoint ?? null;
  const dotPrevious = directionFromPrevious(current.actual, previousObservation?.actual ?? null, indicator.polarity, best, rules.deadBand);
  const dotLastYear = directionFromPrevious(current.actual, lastYearObservation?.actual ?? null, indicator.polarity, best, rules.deadBand);
  let dot: Dot | null;
  if (rules.dotMethod === "trend") {
    const points = upTo
      .slice(0, currentIndex + 1)
      .slice(-rules.trendPoints)
      .map((o) => ({ actual: o.actual, target: o.target ?? o.midpoint ?? null }));
    dot = directionFromTrend(points, indicator.polarity, best, rules.deadBand);
  } else dot = rules.dotMethod === "lastYear" ? dotLastYear : dotPrevious;
  const lastYear = earlierResult(indicator, monitored, upTo, currentIndex, lastYearObservation, ctx);
  const ytd = yearToDate(indicator, current, rules, { monitored });
  // Said in the guidance only where it decided a YTD (a sheet's own Aggregation column wins over a name).
  if (ytd?.aggregationSource === cumulativeSource) ctx.usage.cumulative = true;
  // Warned when the sheet has a period of the year with no result (a cell left empty); a series that
  // simply starts later in the year is noted on the dashboard, as every incomplete YTD is.
  if (ytd && !ytd.complete && indicator.series.some((o) => o.actual === null && ytd.missing.includes(o.period.label))) {
    out.push(
      diagnostic(
        "ytd-incomplete",
        indicator.sheet,
        current.cells.actual ?? null,
        `${name}: the year to date for ${ytd.year} covers ${ytd.coverage} (no result for ${ytd.missing.join(", ")}), so it is not complete.`,
      ),
    );
  }
  if (indicator.kind === "activity") {
    const placed = compareWithForecast(
      { actual: current.actual, expected: current.expected, lower: current.lower, upper: current.upper, unit: indicator.unit },
      rules,
    );
    return resultRow(base, {
      rag: null,
      previous,
      dot,
      position: placed.position,
      variance: placed.variance,
      ytd,
      stale: false,
      reason: placed.reason,
      lastYear,
      dotLastYear,
      dotPrevious,
    });
  }

  const rating = rateAt(indicator, monitored, upTo, currentIndex, ctx, true);
  if (!monitored) {
    ctx.usage.ratedKpis++;
    if (rating.from !== null) {
      ctx.usage.comparatorRated++;
      if (!ctx.usage.comparatorTargets.includes(rating.from)) ctx.usage.comparatorTargets.push(rating.from);
    }
  }
  if (rating.rag === "NO_TARGET") {
    out.push(
      diagnostic(
        "no-target",
        indicator.sheet,
        current.cells.target ?? current.cells.actual ?? null,
        `${name} has a result for ${current.period.label} but no target, so it gets no alert.`,
      ),
    );
  }
  // Checked only for a target of (nearly) 0, which few indicators have.
  if (
    !monitored &&
    rating.target !== null &&
    Math.abs(rating.target) <= 1e-12 &&
    usesRelativeBandAtZero(rateInput(indicator, current, targetOf(indicator, current, rules)), rules)
  ) {
    const instead = rules.zeroTargetBand
      ? `the absolute band of ${rules.zeroTargetBand.value} set for a target of 0 is used instead`
      : "set zeroTargetBand (an absolute band) in the rules to give it one";
    out.push(
      diagnostic(
        "relative-band-zero-target",
        indicator.sheet,
        current.cells.target ?? current.cells.actual ?? null,
        `${name} has a target of 0 for ${current.period.label}, so a band that is a percentage of the target is no band at all: ${instead}.`,
      ),
    );
  }
  if (floorOnWrongSide(indicator, current)) {
    const better = indicator.polarity === "higher" ? "above" : "below";
    out.push(
      diagnostic(
        "floor-beyond-target",
        indicator.sheet,
        current.cells.floor ?? null,
        `${name}: the floor standard for ${current.period.label} is ${better} the target, although ${indicator.polarity} is better; please check the two figures.`,
      ),
    );
  }
  return resultRow(base, {
    rag: rating.rag,
    previous,
    dot,
    position: null,
    variance: null,
    ytd,
    stale: false,
    reason: rating.reason,
    lastYear,
    dotLastYear,
    dotPrevious,
  });
}

/**
 * Rates every indicator and assembles what the committee sees. Each indicator shows its latest
 * period that ends on or before the end of the cut-off month and has a result; rolling 12-month
 * indicators held as monthly figures are rolled first. Never throws on bad data: problems are
 * added to the diagnostics, after those passed in.
 */
export function buildDashboard(indicators: readonly Indicator[], options: BuildOptions): Dashboard {
  const { settings } = options;
  const rules = settings.rules;
  const own: Diagnostic[] = [];

  const prepared = indicators.map((indicator) => {
    if (indicator.frequency !== "rolling12" || indicator.rollingInSource || indicator.excluded !== null) return indicator;
    const rolled = rollingTwelveMonths(indicator);
    appendAll(own, rolled.diagnostics);
    return { ...indicator, series: rolled.series };
  });

  const cutoffMonth = chooseCutoff(prepared, options.cutoff, options.produced, own);
  const ctx: BuildContext = {
    rules,
    monitored: monitorTest(rules),
    trends: options.trends ?? true,
    usage: {
      comparatorTargets: [],
      ratedKpis: 0,
      comparatorRated: 0,
      monitored: false,
      ownStaleLimits: false,
      comparisons: false,
      spans: false,
      cumulative: false,
    },
  };
  const rated = prepared.map((indicator) => resultFor(indicator, cutoffMonth, ctx, own));
  const cutoff = monthKey(cutoffMonth);
  const owner = ownerOf(settings);
  const comparison = compareWithLastReport(rated, prepared, { history: options.history ?? noHistory, cutoff, settings, owner });
  const results = comparison.results;
  appendAll(own, comparison.diagnostics);
  const u = ctx.usage;
  const usage: GuidanceUsage = {
    comparatorTargets: u.comparatorTargets,
    onlyComparatorTargets: u.comparatorRated > 0 && u.comparatorRated === u.ratedKpis,
    monitored: u.monitored,
    ownStaleLimits: u.ownStaleLimits,
    comparisons: u.comparisons,
    spans: u.spans,
    cumulative: u.cumulative,
  };

  return {
    title: settings.title,
    directorate: settings.directorate,
    cutoff,
    coverage: describeCoverage(results, cutoff, rules.yearStartMonth),
    produced: options.produced,
    indicators: results,
    summary: summarise(results),
    exceptions: listExceptions(results),
    guidance: guidanceNotes(rules, usage),
    diagnostics: [...options.diagnostics, ...own],
    rules,
    changes: comparison.changes,
    revisions: comparison.revisions,
    missingCommentary: missingCommentary(results, rules),
  };
}

/** Numbers in words, by unit, for hosts that write them outside the sheet (the cover report). */
export { formatValue } from "./format-value";
