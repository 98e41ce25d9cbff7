import type { Dashboard, IndicatorResult, RagCounts } from "../../../src/core/dashboard";
import type { Diagnostic } from "../../../src/core/diagnostics";
import { defaultSettings } from "../../../src/core/settings";
import { result } from "../rules/indicator-builder";

/**
 * A hand-made dashboard for layout tests, so they do not wait on the rules: thirteen indicators
 * covering every kind, frequency, unit and alert, a late and a stale result, no data, no target,
 * an excluded indicator, and cell text that looks like a formula.
 */

/** A blank row: the rules' test builder's defaults with nothing reported yet. */
const base: IndicatorResult = result({
  row: 2,
  ref: null,
  name: "",
  unit: "count",
  period: null,
  actual: null,
  target: null,
  floor: null,
  rag: null,
  reason: null,
  id: "",
});

const dec2012 = { label: "Dec 2012", start: "2012-12-01", end: "2012-12-31" };
const nov2012 = { label: "Nov 2012", start: "2012-11-01", end: "2012-11-30" };
const jan2013 = { label: "Jan 2013", start: "2013-01-01", end: "2013-01-31" };
const q3 = { label: "Q3 2012/13", start: "2012-10-01", end: "2012-12-31" };
const q2 = { label: "Q2 2012/13", start: "2012-07-01", end: "2012-09-30" };
const q1 = { label: "Q1 2012/13", start: "2012-04-01", end: "2012-06-30" };

function indicator(row: number, fields: Partial<IndicatorResult>): IndicatorResult {
  return { ...base, row, id: `${fields.sheet ?? base.sheet}!${row}`, ...fields };
}

/** The sample's indicators, in workbook order. */
export const sampleIndicators: readonly IndicatorResult[] = [
  indicator(2, {
    ref: "CR01",
    name: "Percentage of calls to the Contact Centre answered within 20 seconds",
    serviceArea: "Customer Relationship",
    unit: "percentage",
    period: jan2013,
    actual: 0.82,
    target: 0.8,
    floor: 0.7,
    rag: "GREEN",
    dot: "IMPROVED",
    previous: { period: dec2012, actual: 0.78, rag: "AMBER" },
    ytd: {
      year: "2012/13",
      aggregation: "mean",
      aggregationSource: "inferred",
      periods: 10,
      actual: 0.81,
      target: 0.8,
      expected: null,
      rag: "GREEN",
      expectedPeriods: 10,
      coverage: "10 of 10",
      complete: true,
      missing: [],
      tooEarly: false,
    },
    commentary: "Improved after two new advisers started in December.",
  }),
  indicator(3, {
    ref: "DS02",
    name: "Net satisfaction with the website",
    serviceArea: "Digital Services",
    frequency: "quarter",
    unit: "percentage",
    period: q3,
    actual: 0.55,
    target: 0.6,
    floor: 0.5,
    rag: "AMBER",
    dot: "SAME",
    previous: { period: q2, actual: 0.55, rag: "AMBER" },
  }),
  indicator(4, {
    ref: "CLS01",
    name: "Adult learners achieving their learning goal (academic year)",
    serviceArea: "Community Learning and Skills",
    frequency: "year",
    unit: "percentage",
    numberFormat: "0%",
    period: { label: "2011/12", start: "2011-09-01", end: "2012-08-31" },
    actual: 0.68,
    target: 0.85,
    floor: 0.75,
    rag: "RED",
    dot: "WORSENED",
    previous: { period: { label: "2010/11", start: "2010-09-01", end: "2011-08-31" }, actual: 0.79, rag: "AMBER" },
    commentary: "Two large courses were withdrawn mid-year; learners who transferred count as not achieving.",
  }),
  indicator(5, {
    ref: "CS01",
    name: "Total recorded crime",
    serviceArea: "Community Safety",
    frequency: "rolling12",
    polarity: "lower",
    period: { label: "12 months to Dec 2012", start: "2012-01-01", end: "2012-12-31" },
    actual: 41234,
    target: 43000,
    floor: 45000,
    rag: "GREEN",
    dot: "IMPROVED",
    previous: { period: { label: "12 months to Nov 2012", start: "2011-12-01", end: "2012-11-30" }, actual: 41890, rag: "GREEN" },
  }),
  indicator(6, {
    ref: "IYS01",
    name: "First time entrants to the youth justice system",
    serviceArea: "Integrated Youth Services",
    frequency: "quarter",
    polarity: "lower",
    period: q3,
    actual: 121,
    target: 90,
    floor: 110,
    rag: "RED",
    dot: "WORSENED",
    previous: { period: q2, actual: 104, rag: "AMBER" },
    ytd: {
      year: "2012/13",
      aggregation: "sum",
      aggregationSource: "inferred",
      periods: 3,
      actual: 330,
      target: 270,
      expected: null,
      rag: "RED",
      expectedPeriods: 3,
      coverage: "3 of 3",
      complete: true,
      missing: [],
      tooEarly: false,
    },
    commentary:
      "A rise in shoplifting offences among 15 to 17 year olds in two districts; the triage scheme restarts in February and is expected to bring the figure back under the floor standard by the end of the year.",
  }),
  indicator(7, {
    ref: "CCS01",
    name: "Problem drug users completing treatment",
    serviceArea: "Community Commissioned Services",
    frequency: "quarter",
    period: q2,
    actual: 412,
    target: 420,
    floor: 380,
    rag: "AMBER",
    dot: "IMPROVED",
    previous: { period: q1, actual: 398, rag: "AMBER" },
  }),
  indicator(8, {
    ref: "CSP01",
    name: "External funding secured",
    serviceArea: "Culture and Sport",
    unit: "money",
    period: dec2012,
    actual: 125000,
    rag: "NO_TARGET",
  }),
  indicator(9, {
    ref: "RS01",
    name: "Rogue traders disrupted",
    serviceArea: "Regulatory Services",
    period: dec2012,
    target: 5,
    floor: 3,
    rag: "NO_DATA",
    previous: { period: nov2012, actual: 6, rag: "GREEN" },
  }),
  indicator(10, {
    ref: "BT01",
    name: "Big Society loans approved",
    serviceArea: "Business Transformation",
    excluded: "The loan scheme is being redesigned and will report again from April.",
  }),
  indicator(11, {
    ref: "LAR04",
    name: "Deaths registered within 5 days",
    serviceArea: "Libraries, Archives and Registration",
    frequency: "year",
    unit: "percentage",
    period: { label: "2010/11", start: "2010-04-01", end: "2011-03-31" },
    actual: 0.91,
    target: 0.9,
    floor: 0.85,
    rag: "GREEN",
    stale: true,
  }),
  indicator(12, {
    ref: "-",
    name: "@Home library service users",
    serviceArea: "Libraries, Archives and Registration",
    period: dec2012,
    actual: 812,
    target: 800,
    floor: 750,
    rag: "GREEN",
    dot: "SAME",
    previous: { period: nov2012, actual: 812, rag: "GREEN" },
    commentary: "=1+1 was typed in the source cell",
  }),
  indicator(13, {
    ref: "LAR01",
    name: "Physical visits to libraries",
    serviceArea: "Libraries, Archives and Registration",
    kind: "activity",
    period: dec2012,
    actual: 412345,
    expected: 400000,
    lower: 380000,
    upper: 420000,
    position: "WITHIN",
    variance: { absolute: 12345, percent: 0.0308625 },
    ytd: {
      year: "2012/13",
      aggregation: "sum",
      aggregationSource: "inferred",
      periods: 9,
      actual: 3650000,
      target: null,
      expected: 3600000,
      rag: null,
      expectedPeriods: 9,
      coverage: "9 of 9",
      complete: true,
      missing: [],
      tooEarly: false,
    },
  }),
  indicator(14, {
    ref: "LAR03",
    name: "Ceremonies conducted",
    serviceArea: "Libraries, Archives and Registration",
    kind: "activity",
    frequency: "quarter",
    period: q3,
    actual: 1310,
    expected: 1100,
    lower: 1000,
    upper: 1200,
    position: "ABOVE",
    variance: { absolute: 210, percent: 0.190909 },
    commentary: "+ seasonal weddings",
  }),
];

function counts(indicators: readonly IndicatorResult[]): RagCounts {
  const shown = indicators.filter((i) => i.excluded === null);
  const kpis = shown.filter((i) => i.kind === "kpi");
  const count = (rag: string): number => kpis.filter((i) => i.rag === rag).length;
  return {
    GREEN: count("GREEN"),
    AMBER: count("AMBER"),
    RED: count("RED"),
    NO_DATA: count("NO_DATA"),
    NO_TARGET: count("NO_TARGET"),
    MONITOR: count("MONITOR"),
    EXCEEDED: count("EXCEEDED"),
    activity: shown.length - kpis.length,
    total: shown.length,
  };
}

// Written out rather than built with diagnostic(), so the fixture keeps its own severities for the data notes to sort.
const diagnostics: Diagnostic[] = [
  { code: "no-polarity-column", severity: "info", sheet: "KPIs", cell: null, message: "Read 13 indicators." },
  { code: "sheet-unreadable", severity: "error", sheet: "KPIs", cell: "F9", message: "The result 'n/a' is not a number; it was read as missing." },
  ...Array.from({ length: 10 }, (_, i): Diagnostic => ({
    code: "no-result",
    severity: "warning",
    sheet: "Activity",
    cell: `D${i + 4}`,
    message: `The expected value is blank; the position could not be judged (warning ${i + 1}).`,
  })),
];

/** The sample dashboard for January 2013. */
export function sampleDashboard(overrides: Partial<Dashboard> = {}): Dashboard {
  const areas = [...new Set(sampleIndicators.filter((i) => i.excluded === null).map((i) => i.serviceArea ?? "Other"))];
  return {
    title: "Performance Dashboard",
    directorate: "Customer & Communities",
    cutoff: "2013-01",
    coverage: "Results up to the end of December 2012 and, where available, January 2013",
    produced: "2013-02-14",
    indicators: sampleIndicators,
    summary: {
      total: counts(sampleIndicators),
      byServiceArea: areas.map((serviceArea) => ({
        serviceArea,
        counts: counts(sampleIndicators.filter((i) => (i.serviceArea ?? "Other") === serviceArea)),
      })),
    },
    exceptions: [
      {
        id: "KPIs!4",
        ref: "CLS01",
        name: "Adult learners achieving their learning goal (academic year)",
        kind: "red",
        reason: "68% is below the floor standard of 75%.",
      },
      {
        id: "KPIs!6",
        ref: "IYS01",
        name: "First time entrants to the youth justice system",
        kind: "red",
        reason: "121 is above the floor standard of 110 (lower is better).",
      },
      { id: "KPIs!6", ref: "IYS01", name: "First time entrants to the youth justice system", kind: "worsened", reason: "Moved from AMBER to RED." },
      { id: "KPIs!14", ref: "LAR03", name: "Ceremonies conducted", kind: "outside-range", reason: "1,310 is above the upper threshold of 1,200." },
    ],
    guidance: [
      "GREEN: the result meets or beats the target. AMBER: the result is below target but meets the floor standard. RED: the result is below the floor standard. NO DATA: no result was reported for the period; this is not a RED.",
      "DoT (direction of travel): ▲ Improved, ▼ Worsened or ► Same compared with the previous result of the same frequency, taking account of whether higher or lower is better.",
      "Activity indicators measure demand and get no alert: the result is compared with the expected range set in the business plan.",
    ],
    diagnostics,
    rules: defaultSettings().rules,
    changes: { since: null, entries: [], counts: { fellToRed: 0, backToGreen: 0, improved: 0, worsened: 0, added: 0, gone: 0, revised: 0 }, notes: [] },
    revisions: [],
    missingCommentary: [],
    ...overrides,
  };
}

/** Settings for the sample: the directorate as heading. */
export function sampleSettings(): ReturnType<typeof defaultSettings> {
  return { ...defaultSettings(), directorate: "Customer & Communities" };
}
