import type { Dashboard, IndicatorResult } from "../../../src/core/dashboard";
import type { Indicator, Observation } from "../../../src/core/indicator";
import type { RuleSettings } from "../../../src/core/settings";
import { defaultSettings } from "../../../src/core/settings";
import { buildDashboard } from "../../../src/core/rules";

/** Test helpers that build indicators and observations with plain defaults. */

const monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The period of one month: month("2012-12") → Dec 2012, 2012-12-01 to 2012-12-31. */
export function month(key: string): Observation["period"] {
  const [y, m] = key.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { label: `${monthAbbreviations[m - 1]} ${y}`, start: `${key}-01`, end: `${key}-${String(last).padStart(2, "0")}` };
}

/** A period from explicit dates. */
export function period(label: string, start: string, end: string): Observation["period"] {
  return { label, start, end };
}

/** An observation: only the period is required; every other figure defaults to missing. */
export function obs(p: Observation["period"], fields: Partial<Omit<Observation, "period">> = {}): Observation {
  return {
    period: p,
    actual: null,
    target: null,
    floor: null,
    expected: null,
    lower: null,
    upper: null,
    commentary: null,
    cells: {},
    ...fields,
  };
}

/** An indicator with a monthly, higher-is-better KPI percentage by default. */
export function indicator(fields: Partial<Indicator> = {}): Indicator {
  const sheet = fields.sheet ?? "KPIs";
  const row = fields.row ?? 5;
  return {
    id: `${sheet}!${row}`,
    sheet,
    row,
    ref: "X01",
    name: "Test indicator",
    serviceArea: null,
    kind: "kpi",
    polarity: "higher",
    frequency: "month",
    unit: "percentage",
    numberFormat: null,
    aggregation: null,
    tolerance: null,
    rollingInSource: false,
    excluded: null,
    series: [],
    ...fields,
  };
}

/** The dashboard of `indicators` at December 2012, with some rule settings changed from the defaults. */
export function buildWith(indicators: readonly Indicator[], ruleChanges: Partial<RuleSettings> = {}): Dashboard {
  return buildDashboard(indicators, {
    settings: { ...defaultSettings(), rules: rules(ruleChanges) },
    cutoff: "2012-12",
    produced: "2013-01-10",
    diagnostics: [],
  });
}

/** The default rule settings with some changed. */
export function rules(changes: Partial<RuleSettings> = {}): RuleSettings {
  return { ...defaultSettings().rules, ...changes };
}

/** A dashboard row with plain defaults: a GREEN monthly KPI. */
export function result(fields: Partial<IndicatorResult> = {}): IndicatorResult {
  return {
    sheet: "KPIs",
    row: 5,
    ref: "X01",
    name: "Test indicator",
    serviceArea: null,
    kind: "kpi",
    frequency: "month",
    polarity: "higher",
    unit: "percentage",
    period: month("2012-12"),
    actual: 0.8,
    target: 0.7,
    floor: 0.6,
    expected: null,
    lower: null,
    upper: null,
    rag: "GREEN",
    previous: null,
    dot: null,
    position: null,
    commentary: null,
    id: "KPIs!5",
    numberFormat: null,
    variance: null,
    ytd: null,
    stale: false,
    reason: "10.0 percentage points above the target of 70.0%",
    excluded: null,
    cells: {},
    trend: [],
    sinceLastReport: null,
    trendDescription: null,
    monitorOnly: false,
    lastYear: null,
    dotLastYear: null,
    dotPrevious: null,
    targetFrom: null,
    midpoint: null,
    comparisons: [],
    rank: null,
    quartile: null,
    staleAfterMonths: 12,
    ...fields,
  };
}
