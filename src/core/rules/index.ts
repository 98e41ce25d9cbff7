import { monthKey, monthLongName, monthNumberOf } from "../calendar";
import type { Dashboard, IndicatorResult, PreviousResult, Rag } from "../dashboard";
import { diagnostic, type Diagnostic } from "../diagnostics";
import { noHistory, ownerOf, type HistoryReading } from "../history";
import type { Indicator, Observation } from "../indicator";
import type { RuleSettings, Settings } from "../settings";
import { describeCoverage } from "./coverage";
import { directionFromPrevious, directionFromTrend } from "./direction";
import { listExceptions } from "./exceptions";
import { compareWithForecast } from "./forecast";
import { guidanceNotes } from "./guidance";
import { alertOf, rateResult } from "./rag";
import { rollingTwelveMonths } from "./rolling";
import { compareWithLastReport } from "./since-last-report";
import { isStale, staleReason } from "./stale";
import { summarise } from "./summary";
import { describeTrend } from "./trend-words";
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
}

function indicatorName(indicator: Indicator): string {
  return indicator.ref ? `${indicator.ref} ${indicator.name}` : indicator.name;
}

function endMonth(o: Observation): number | null {
  return monthNumberOf(o.period.end);
}

/** How often results come, shortest first: rolling figures are monthly. */
const cadence: Readonly<Record<Indicator["frequency"], number>> = { month: 0, rolling12: 0, quarter: 1, year: 2 };

/**
 * The latest month in which an included indicator of the most frequent kind has a result, or null
 * when none has. Only the most frequent kind counts because a quarter or a year ends months after
 * a team records it (a survey for 2012/13 entered in January ends in March): monthly results say
 * best how far the data really run, as the committee reports do ("up to December and, where
 * available, January").
 */
function latestResultMonth(indicators: readonly Indicator[]): number | null {
  let latest: number | null = null;
  let latestCadence = Infinity;
  for (const indicator of indicators) {
    if (indicator.excluded !== null) continue;
    const c = cadence[indicator.frequency];
    if (c > latestCadence) continue;
    for (const o of indicator.series) {
      const month = endMonth(o);
      if (o.actual === null || month === null) continue;
      if (c < latestCadence || latest === null || month > latest) {
        latest = month;
        latestCadence = c;
      }
    }
  }
  return latest;
}

/** The cut-off a dashboard without a chosen period uses ("YYYY-MM"), or null when no indicator has a result. */
export function latestReportingMonth(indicators: readonly Indicator[]): string | null {
  const month = latestResultMonth(indicators);
  return month === null ? null : monthKey(month);
}

function hasMonthly(indicators: readonly Indicator[]): boolean {
  return indicators.some((i) => i.excluded === null && cadence[i.frequency] === 0 && i.series.some((o) => o.actual !== null));
}

function chooseCutoff(indicators: readonly Indicator[], requested: string | null, produced: string, out: Diagnostic[]): number {
  if (requested !== null) {
    const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(requested) ? monthNumberOf(requested) : null;
    if (month !== null) return month;
    out.push(diagnostic("period-not-a-month", null, null, `The reporting period "${requested}" is not a month written as YYYY-MM (for example 2013-01), so the latest month with a result is used instead.`));
  }
  const latest = latestResultMonth(indicators);
  if (latest !== null) {
    out.push(diagnostic("no-period-chosen", null, null, `No reporting period was chosen, so results up to the end of ${monthLongName(latest)} (the latest month with a result${hasMonthly(indicators) ? " for a monthly indicator" : ""}) are used.`));
    return latest;
  }
  const producedMonth = monthNumberOf(produced) ?? 0;
  out.push(diagnostic("workbook-has-no-results", null, null, `No indicator has any result, so the dashboard is dated ${monthLongName(producedMonth)}, the month it was produced.`));
  return producedMonth;
}

/** Copies the cell addresses that are set, for "go to source". */
function cellsOf(o: Observation | null): Record<string, string> {
  const cells: Record<string, string> = {};
  if (!o) return cells;
  for (const [field, address] of Object.entries(o.cells)) if (typeof address === "string") cells[field] = address;
  return cells;
}

function rateObservation(indicator: Indicator, o: Observation, rules: RuleSettings): { rag: Rag; reason: string } {
  return rateResult({ actual: o.actual, target: o.target, floor: o.floor, polarity: indicator.polarity, unit: indicator.unit, tolerance: indicator.tolerance }, rules);
}

/** The previous result's alert alone: its reason is never shown, so it is not put into words. */
function previousAlert(indicator: Indicator, o: Observation, rules: RuleSettings): Rag {
  return alertOf({ actual: o.actual, target: o.target, floor: o.floor, polarity: indicator.polarity, unit: indicator.unit, tolerance: indicator.tolerance }, rules);
}

/** True when a floor standard sits on the wrong side of the target for the polarity (a likely typing error). */
function floorOnWrongSide(indicator: Indicator, o: Observation): boolean {
  if (o.target === null || o.floor === null) return false;
  return (indicator.polarity === "higher" && o.floor > o.target) || (indicator.polarity === "lower" && o.floor < o.target);
}

/** The part of a row that says how its result is rated or placed. */
type Assessment = Pick<IndicatorResult, "rag" | "previous" | "dot" | "position" | "variance" | "ytd" | "stale" | "reason">;
/** The part of a row taken from the indicator and its current observation. */
type RowFigures = Omit<IndicatorResult, keyof Assessment | "sinceLastReport">;

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
  };
}

/** Builds one indicator's row from its series, as at the cut-off month. */
function resultFor(indicator: Indicator, cutoffMonth: number, rules: RuleSettings, out: Diagnostic[]): IndicatorResult {
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
  let previousObservation: Observation | null = null;
  for (let i = currentIndex - 1; i >= 0; i--) {
    const o = upTo[i];
    if (o && o.actual !== null) {
      previousObservation = o;
      break;
    }
  }
  const shown = upTo.slice(-trendLength);
  const trend = shown.map((o) => ({ label: o.period.label, actual: o.actual, target: o.target }));
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
    target: current?.target ?? null,
    floor: current?.floor ?? null,
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
  };
  const name = indicatorName(indicator);

  if (indicator.excluded !== null) {
    return resultRow(base, { rag: null, previous: null, dot: null, position: null, variance: null, ytd: null, stale: false, reason: indicator.excluded });
  }
  if (!current || current.actual === null) {
    const until = monthLongName(cutoffMonth);
    out.push(diagnostic("no-result", indicator.sheet, current?.cells.actual ?? null, `${name} has no result up to the end of ${until}, so it is shown as no data.`));
    return resultRow(base, {
      rag: indicator.kind === "kpi" ? "NO_DATA" : null,
      previous: null,
      dot: null,
      position: null,
      variance: null,
      ytd: null,
      stale: false,
      reason: current ? `No result for ${current.period.label}` : `No result up to the end of ${until}`,
    });
  }

  const previous: PreviousResult | null = previousObservation
    ? {
        period: previousObservation.period,
        actual: previousObservation.actual,
        rag: indicator.kind === "kpi" ? previousAlert(indicator, previousObservation, rules) : null,
      }
    : null;

  if (isStale(current.period, cutoff)) {
    const reason = staleReason(current.period);
    out.push(diagnostic("stale-result", indicator.sheet, current.cells.actual ?? null, `${name}: ${reason.charAt(0).toLowerCase()}${reason.slice(1)} at the end of ${monthLongName(cutoffMonth)}, so it is marked as no data.`));
    return resultRow(base, { rag: indicator.kind === "kpi" ? "NO_DATA" : null, previous, dot: null, position: null, variance: null, ytd: null, stale: true, reason });
  }

  const dot =
    rules.dotMethod === "trend"
      ? directionFromTrend(upTo.slice(0, currentIndex + 1).slice(-rules.trendPoints), indicator.polarity, current.target, rules.deadBand)
      : directionFromPrevious(current.actual, previousObservation?.actual ?? null, indicator.polarity, current.target, rules.deadBand);
  const ytd = yearToDate(indicator, current, rules);

  if (indicator.kind === "activity") {
    const placed = compareWithForecast({ actual: current.actual, expected: current.expected, lower: current.lower, upper: current.upper, unit: indicator.unit }, rules);
    return resultRow(base, { rag: null, previous, dot, position: placed.position, variance: placed.variance, ytd, stale: false, reason: placed.reason });
  }

  const rating = rateObservation(indicator, current, rules);
  if (rating.rag === "NO_TARGET") {
    out.push(diagnostic("no-target", indicator.sheet, current.cells.target ?? current.cells.actual ?? null, `${name} has a result for ${current.period.label} but no target, so it gets no alert.`));
  }
  if (floorOnWrongSide(indicator, current)) {
    const better = indicator.polarity === "higher" ? "above" : "below";
    out.push(
      diagnostic("floor-beyond-target", indicator.sheet, current.cells.floor ?? null, `${name}: the floor standard for ${current.period.label} is ${better} the target, although ${indicator.polarity} is better; please check the two figures.`),
    );
  }
  return resultRow(base, { rag: rating.rag, previous, dot, position: null, variance: null, ytd, stale: false, reason: rating.reason });
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
    own.push(...rolled.diagnostics);
    return { ...indicator, series: rolled.series };
  });

  const cutoffMonth = chooseCutoff(prepared, options.cutoff, options.produced, own);
  const rated = prepared.map((indicator) => resultFor(indicator, cutoffMonth, rules, own));
  const cutoff = monthKey(cutoffMonth);
  const owner = ownerOf(settings);
  const comparison = compareWithLastReport(rated, prepared, { history: options.history ?? noHistory, cutoff, settings, owner });
  const results = comparison.results;
  own.push(...comparison.diagnostics);

  return {
    title: settings.title,
    directorate: settings.directorate,
    cutoff,
    coverage: describeCoverage(results, cutoff, rules.yearStartMonth),
    produced: options.produced,
    indicators: results,
    summary: summarise(results),
    exceptions: listExceptions(results),
    guidance: guidanceNotes(rules),
    diagnostics: [...options.diagnostics, ...own],
    rules,
    changes: comparison.changes,
    revisions: comparison.revisions,
  };
}

/** Numbers in words, by unit, for hosts that write them outside the sheet (the cover report). */
export { formatValue } from "./format-value";
