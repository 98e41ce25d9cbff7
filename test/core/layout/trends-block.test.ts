import assert from "node:assert/strict";
import type { IndicatorResult } from "../../../src/core/dashboard";
import { columnIndex, columnLetters, parseAddress } from "../../../src/core/a1";
import { layoutDashboard } from "../../../src/core/layout";
import { columnWidths, sheetColumns, spanWidth } from "../../../src/core/layout/columns";
import { chartColumnGroups, chartTitle, dataHeading, hasTrend } from "../../../src/core/layout/trends-block";
import type { ChartPlan, SheetPlan } from "../../../src/core/sheet-plan";
import { formatAt, rowOf, valueAt } from "./plan-helpers";
import { sampleDashboard, sampleIndicators, sampleSettings } from "./sample-dashboard";

type Trend = IndicatorResult["trend"];

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Thirteen months Jan 2012 .. Jan 2013 of a percentage rising by a point a month, target 80%. */
const crTrend: Trend = Array.from({ length: 13 }, (_, i) => ({
  label: `${months[i % 12] ?? ""} ${2012 + Math.floor(i / 12)}`,
  actual: 0.7 + i / 100,
  target: 0.8,
}));

/** Trends by ref: which KPIs get one, and of what shape. */
const trends: Record<string, Trend> = {
  CR01: crTrend,
  // Three quarters, the middle one missing: still two results.
  DS02: [
    { label: "Q1 2012/13", actual: 0.52, target: 0.6 },
    { label: "Q2 2012/13", actual: null, target: 0.6 },
    { label: "Q3 2012/13", actual: 0.55, target: 0.6 },
  ],
  // Two results and never a target: a chart without a target line.
  CS01: [
    { label: "12 months to Nov 2012", actual: 41890, target: null },
    { label: "12 months to Dec 2012", actual: 41234, target: null },
  ],
  // One result only: no chart.
  IYS01: [
    { label: "Q2 2012/13", actual: null, target: 110 },
    { label: "Q3 2012/13", actual: 121, target: 110 },
  ],
  // Excluded from this dashboard: no chart, whatever its trend.
  BT01: [
    { label: "Nov 2012", actual: 3, target: 4 },
    { label: "Dec 2012", actual: 5, target: 4 },
  ],
  // An activity indicator: no chart (charts are for KPIs).
  LAR01: [
    { label: "Nov 2012", actual: 40000, target: null },
    { label: "Dec 2012", actual: 38000, target: null },
  ],
};

function dashboardWithTrends(): ReturnType<typeof sampleDashboard> {
  return sampleDashboard({ indicators: sampleIndicators.map((i) => ({ ...i, trend: trends[i.ref ?? ""] ?? [] })) });
}

function planWithCharts(): SheetPlan {
  return layoutDashboard(dashboardWithTrends(), { ...sampleSettings(), charts: true });
}

/** 1-based rows and 0-based columns of an A1 range. */
function bounds(range: string): { top: number; bottom: number; left: number; right: number } {
  const [a, b] = range.split(":");
  const from = parseAddress(a ?? "");
  const to = parseAddress(b ?? a ?? "");
  if (!from || !to) throw new Error(`Bad range ${range}`);
  return { top: from.row + 1, bottom: to.row + 1, left: from.col, right: to.col };
}

/** The addresses of a one-row range, left to right. */
function cellsOf(range: string): string[] {
  const b = bounds(range);
  const row = range.replace(/^[A-Z]+(\d+).*$/, "$1");
  return Array.from({ length: b.right - b.left + 1 }, (_, k) => `${columnLetters(b.left + k)}${row}`);
}

function chartFor(plan: SheetPlan, ref: string): ChartPlan {
  const chart = plan.charts.find((c) => c.title.startsWith(`${ref} `));
  assert.ok(chart, `a chart for ${ref}`);
  return chart;
}

describe("trend charts block", () => {
  const plan = planWithCharts();
  const printedRows = bounds(plan.print.printArea).bottom;

  it("draws one chart per shown KPI with at least two results, in table order", () => {
    // By hand: CR01 (monthly), DS02 (quarterly), CS01 (rolling 12); IYS01 has one result, BT01 is excluded, LAR01 is activity.
    assert.deepEqual(
      plan.charts.map((c) => c.title.split(" ")[0]),
      ["CR01", "DS02", "CS01"],
    );
  });

  it("titles each chart with the ref and the name, cut at a word when long", () => {
    assert.equal(chartFor(plan, "DS02").title, "DS02 Net satisfaction with the website");
    const long = chartFor(plan, "CR01").title;
    assert.ok(long.length <= 48, long);
    assert.ok(long.endsWith("…") && long.startsWith("CR01 Percentage of calls"), long);
  });

  it("points each chart at the cells holding its trend's labels, results and targets", () => {
    const cr = chartFor(plan, "CR01");
    const labels = cellsOf(cr.categories).map((a) => valueAt(plan, a));
    assert.deepEqual(
      labels,
      crTrend.map((p) => p.label),
    );
    assert.equal(labels[0], "Jan 2012");
    assert.equal(labels[12], "Jan 2013");
    const actual = cellsOf(cr.actual);
    assert.equal(actual.length, 13);
    assert.ok(Math.abs(Number(valueAt(plan, actual[0] ?? "")) - 0.7) < 1e-9);
    assert.ok(Math.abs(Number(valueAt(plan, actual[12] ?? "")) - 0.82) < 1e-9);
    assert.equal(formatAt(plan, actual[0] ?? ""), "0.0%", "results keep the indicator's format");
    assert.ok(cr.target);
    assert.deepEqual(
      cellsOf(cr.target).map((a) => valueAt(plan, a)),
      Array.from({ length: 13 }, () => 0.8),
    );

    const ds = chartFor(plan, "DS02");
    assert.deepEqual(
      cellsOf(ds.actual).map((a) => valueAt(plan, a)),
      [0.52, null, 0.55],
      "a missing result stays empty, never zero",
    );
    assert.deepEqual(
      cellsOf(ds.categories).map((a) => valueAt(plan, a)),
      ["Q1 2012/13", "Q2 2012/13", "Q3 2012/13"],
    );
  });

  it("gives each chart alternative text: the full title, and the dashboard's description of the trend", () => {
    const dashboard = dashboardWithTrends();
    const described = layoutDashboard(
      { ...dashboard, indicators: dashboard.indicators.map((i) => ({ ...i, trendDescription: i.trend.length > 0 ? `${i.name}: described` : null })) },
      { ...sampleSettings(), charts: true },
    );
    const cr = described.charts[0];
    assert.ok(cr);
    assert.equal(cr.altText.title, "CR01 Percentage of calls to the Contact Centre answered within 20 seconds", "the title is not cut");
    assert.equal(cr.altText.description, "Percentage of calls to the Contact Centre answered within 20 seconds: described");
  });

  it("names each chart, labels both axes and names the two lines", () => {
    assert.deepEqual(
      plan.charts.map((c) => c.name),
      ["Trend 1", "Trend 2", "Trend 3"],
    );
    const cr = chartFor(plan, "CR01");
    assert.deepEqual(cr.axisTitles, { category: "Month", value: "Per cent" });
    assert.deepEqual(chartFor(plan, "DS02").axisTitles.category, "Quarter");
    assert.deepEqual(chartFor(plan, "CS01").axisTitles, { category: "12 months ending", value: "Number" });
    assert.deepEqual(cr.seriesNames, { actual: "Result", target: "Target" });
    assert.equal(cr.numberFormat, "0.0%");
  });

  it("holds the chart data in a table of its own, with a header row and a row per series", () => {
    const table = plan.tables.find((t) => t.columns[0] === "Chart");
    assert.ok(table, "a chart data table");
    assert.deepEqual(table.columns.slice(0, 3), ["Chart", "Series", "Point 1"]);
    const b = bounds(table.range);
    assert.ok(b.left > sheetColumns - 1, "right of the printed columns");
    assert.equal(b.bottom - b.top, 3 * plan.charts.length, "three rows a chart under the header");
    for (const c of plan.charts) assert.ok(bounds(c.actual).top > b.top && bounds(c.actual).top <= b.bottom);
  });

  it("leaves out the target line when the trend never had a target", () => {
    const cs = chartFor(plan, "CS01");
    assert.equal(cs.target, null);
    assert.deepEqual(
      cellsOf(cs.actual).map((a) => valueAt(plan, a)),
      [41890, 41234],
    );
  });

  it("keeps the chart data right of the print area, under a heading that says what it is", () => {
    const printedRight = bounds(plan.print.printArea).right;
    assert.equal(printedRight, sheetColumns - 1);
    assert.ok(plan.cols > sheetColumns);
    for (const c of plan.charts) {
      for (const range of [c.categories, c.actual, c.target]) {
        if (range) assert.ok(bounds(range).left > printedRight, `${range} is outside the print area`);
      }
    }
    const headingRow = rowOf(plan.values, dataHeading, columnIndex("P"));
    assert.ok(headingRow <= printedRows);
    assert.equal(plan.columnWidths.length, plan.cols);
    assert.ok(plan.values.every((r) => r.length === plan.cols));
  });

  it("places the charts on empty rows inside the print area, side by side without overlapping", () => {
    const anchors = plan.charts.map((c) => bounds(c.anchor));
    for (const a of anchors) {
      assert.ok(a.left >= 0 && a.right <= sheetColumns - 1, "within the printed columns");
      assert.ok(a.top > 0 && a.bottom <= printedRows, "within the printed rows");
      for (let r = a.top; r <= a.bottom; r++) {
        for (let c = a.left; c <= a.right; c++) assert.equal(plan.values[r - 1]?.[c], null, `row ${r} col ${c} is reserved for a chart`);
      }
    }
    anchors.forEach((a, i) =>
      anchors.forEach((b, j) => {
        if (i >= j) return;
        const apart = a.bottom < b.top || b.bottom < a.top || a.right < b.left || b.right < a.left;
        assert.ok(apart, `charts ${i + 1} and ${j + 1} overlap`);
      }),
    );
    // Three to a row: the first three share their rows.
    assert.equal(anchors[0]?.top, anchors[2]?.top);
  });

  it("comes after the data notes and before the guidance, and no page break cuts a chart", () => {
    const trends = rowOf(plan.values, "Trend charts");
    assert.ok(trends > rowOf(plan.values, "Data notes"));
    assert.ok(trends < rowOf(plan.values, "Guidance notes"));
    for (const c of plan.charts) {
      const a = bounds(c.anchor);
      for (const r of plan.print.rowBreaks) assert.ok(r <= a.top || r > a.bottom, `break at ${r} cuts ${c.anchor}`);
    }
  });

  it("leaves the plan as it was when the settings do not ask for charts", () => {
    const without = layoutDashboard(dashboardWithTrends(), sampleSettings());
    const plain = layoutDashboard(sampleDashboard(), sampleSettings());
    assert.deepEqual(without.charts, []);
    assert.equal(without.cols, sheetColumns);
    assert.deepEqual(without, plain, "the trends themselves change nothing on the sheet");
  });

  it("adds no block when no KPI has two results", () => {
    const none = layoutDashboard(sampleDashboard(), { ...sampleSettings(), charts: true });
    assert.deepEqual(none.charts, []);
    assert.equal(none.cols, sheetColumns);
    assert.ok(!none.values.some((r) => r[0] === "Trend charts"));
  });
});

describe("hasTrend", () => {
  it("needs two results, not two periods", () => {
    assert.equal(
      hasTrend({
        trend: [
          { label: "a", actual: 1, target: null },
          { label: "b", actual: null, target: 2 },
        ],
      }),
      false,
    );
    assert.equal(
      hasTrend({
        trend: [
          { label: "a", actual: 0, target: null },
          { label: "b", actual: 0, target: null },
        ],
      }),
      true,
    );
  });
});

describe("chartTitle", () => {
  it("keeps a short title whole and leaves out a missing ref", () => {
    assert.equal(chartTitle({ ref: "CS01", name: "Total recorded crime" }), "CS01 Total recorded crime");
    assert.equal(chartTitle({ ref: null, name: "Library visits" }), "Library visits");
  });
});

describe("chartColumnGroups", () => {
  it("splits the printed columns into three contiguous runs of nearly equal width", () => {
    const groups = chartColumnGroups(columnWidths, 3);
    assert.equal(groups.length, 3);
    assert.equal(groups[0]?.[0], 0);
    assert.equal(groups[2]?.[1], sheetColumns - 1);
    groups.forEach((g, i) => {
      if (i > 0) assert.equal(g[0], (groups[i - 1]?.[1] ?? -2) + 1);
    });
    const widths = groups.map(([from, to]) => spanWidth(from, to));
    const third = spanWidth(0, sheetColumns - 1) / 3;
    for (const w of widths) assert.ok(Math.abs(w - third) / third < 0.05, `${w} vs ${third}`);
  });

  it("gives every chart at least one column", () => {
    assert.deepEqual(chartColumnGroups([50, 1, 1], 3), [
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
  });
});
