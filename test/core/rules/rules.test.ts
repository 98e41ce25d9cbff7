import { strict as assert } from "node:assert";
import { describe, it } from "mocha";
import { diagnostic } from "../../../src/core/diagnostics";
import type { Indicator } from "../../../src/core/indicator";
import { buildDashboard, latestReportingMonth } from "../../../src/core/rules";
import { defaultSettings } from "../../../src/core/settings";
import { indicator, month, obs, period } from "./indicator-builder";

// A small directorate worked by hand. Percentages are fractions, as Excel holds them.
const calls = indicator({
  id: "Monthly!5",
  sheet: "Monthly",
  row: 5,
  ref: "M01",
  name: "Calls answered within 20 seconds",
  serviceArea: "Customer Relationship",
  series: [
    obs(month("2012-11"), { actual: 0.78, target: 0.8, floor: 0.7 }),
    obs(month("2012-12"), { actual: 0.82, target: 0.8, floor: 0.7 }),
    obs(month("2013-01"), {
      actual: 0.66,
      target: 0.8,
      floor: 0.7,
      commentary: "Staff sickness in January",
      cells: { actual: "F5", target: "G5", floor: "H5" },
    }),
  ],
});
const drugs = indicator({
  id: "Quarterly!4",
  sheet: "Quarterly",
  row: 4,
  ref: "Q01",
  name: "Problem drug users completing treatment",
  serviceArea: "Community Commissioned Services",
  frequency: "quarter",
  series: [
    obs(period("Q1 2012/13", "2012-04-01", "2012-06-30"), { actual: 0.6, target: 0.55, floor: 0.5 }),
    obs(period("Q2 2012/13", "2012-07-01", "2012-09-30"), { actual: 0.5, target: 0.55, floor: 0.5 }),
    obs(period("Q3 2012/13", "2012-10-01", "2012-12-31"), { actual: null, target: 0.55, floor: 0.5 }),
  ],
});
const learners = indicator({
  id: "Annual!6",
  sheet: "Annual",
  row: 6,
  ref: "A01",
  name: "Learners achieving their qualification",
  serviceArea: "Community Learning and Skills",
  frequency: "year",
  series: [
    obs(period("2010/11", "2010-09-01", "2011-08-31"), { actual: 0.84, target: 0.85 }),
    obs(period("2011/12", "2011-09-01", "2012-08-31"), { actual: 0.88, target: 0.85 }),
  ],
});
// Jan 2012 .. Jan 2013: 1000, 1001, ..., 1012 crimes a month.
const crime = indicator({
  id: "Rolling!7",
  sheet: "Rolling",
  row: 7,
  ref: "CS01",
  name: "Recorded crime",
  serviceArea: "Community Safety",
  frequency: "rolling12",
  polarity: "lower",
  unit: "count",
  series: Array.from({ length: 13 }, (_, i) => {
    const key = i === 12 ? "2013-01" : `2012-${String(i + 1).padStart(2, "0")}`;
    return obs(month(key), { actual: 1000 + i, target: 12500, floor: 13000 });
  }),
});
const visits = indicator({
  id: "Activity!3",
  sheet: "Activity",
  row: 3,
  ref: "L01",
  name: "Physical visits to libraries",
  serviceArea: "Libraries",
  kind: "activity",
  unit: "count",
  series: [
    obs(month("2012-12"), { actual: 400000, expected: 420000, lower: 400000, upper: 440000 }),
    obs(month("2013-01"), { actual: 450000, expected: 500000, lower: 480000, upper: 520000 }),
  ],
});
const deaths = indicator({
  id: "Monthly!9",
  sheet: "Monthly",
  row: 9,
  ref: "L02",
  name: "Deaths registered within 5 days",
  serviceArea: "Libraries",
  excluded: "A new indicator is being developed to replace this one",
  series: [obs(month("2013-01"), { actual: 0.9, target: 0.95 })],
});
const rogue = indicator({
  id: "Monthly!11",
  sheet: "Monthly",
  row: 11,
  ref: "R01",
  name: "Rogue traders disrupted",
  serviceArea: "Regulatory Services",
  unit: "count",
  series: [obs(month("2013-01"), { actual: null, target: 10, cells: { actual: "F11" } })],
});
const oldSurvey = indicator({
  id: "Annual!8",
  sheet: "Annual",
  row: 8,
  ref: "Y01",
  name: "Residents satisfied with their library",
  serviceArea: "Libraries",
  frequency: "year",
  series: [obs(period("2010/11", "2010-04-01", "2011-03-31"), { actual: 0.5, target: 0.6, cells: { actual: "C8" } })],
});
const satisfaction = indicator({
  id: "Monthly!13",
  sheet: "Monthly",
  row: 13,
  ref: "W01",
  name: "Net satisfaction with the website",
  serviceArea: "Digital Services",
  series: [obs(month("2013-01"), { actual: 0.5, cells: { actual: "F13" } })],
});

const all: Indicator[] = [calls, drugs, learners, crime, visits, deaths, rogue, oldSurvey, satisfaction];
const reading = [diagnostic("no-polarity-column", "Monthly", "A1", "Read 5 indicators")];
const build = (cutoff: string | null, indicators: readonly Indicator[] = all) =>
  buildDashboard(indicators, { settings: defaultSettings(), cutoff, produced: "2013-02-14", diagnostics: reading });

describe("buildDashboard", () => {
  const dashboard = build("2013-01");

  it("gives each row the series its trend chart shows, unless the caller draws no chart", () => {
    const without = buildDashboard(all, { settings: defaultSettings(), cutoff: "2013-01", produced: "2013-02-14", diagnostics: reading, trends: false });
    assert.deepEqual(
      dashboard.indicators.find((r) => r.ref === "M01")?.trend.map((t) => t.label),
      ["Nov 2012", "Dec 2012", "Jan 2013"],
    );
    assert.ok(without.indicators.length > 0 && without.indicators.every((r) => r.trend.length === 0));
  });
  const row = (ref: string) => {
    const found = dashboard.indicators.find((r) => r.ref === ref);
    assert.ok(found, ref);
    return found;
  };

  it("rates a monthly KPI's latest result with its previous result, arrow, YTD and source cells", () => {
    const m = row("M01");
    assert.equal(m.sheet, "Monthly");
    assert.equal(m.row, 5);
    assert.equal(m.name, "Calls answered within 20 seconds");
    assert.equal(m.serviceArea, "Customer Relationship");
    assert.equal(m.kind, "kpi");
    assert.equal(m.frequency, "month");
    assert.equal(m.polarity, "higher");
    assert.equal(m.unit, "percentage");
    assert.equal(m.period?.label, "Jan 2013");
    assert.equal(m.actual, 0.66);
    assert.equal(m.target, 0.8);
    assert.equal(m.floor, 0.7);
    assert.equal(m.expected, null);
    assert.equal(m.rag, "RED");
    assert.equal(m.reason, "4.0 percentage points below the floor standard of 70.0%");
    assert.deepEqual(m.previous, { period: month("2012-12"), actual: 0.82, rag: "GREEN" });
    assert.equal(m.dot, "WORSENED");
    assert.equal(m.position, null);
    assert.equal(m.variance, null);
    assert.equal(m.commentary, "Staff sickness in January");
    assert.equal(m.stale, false);
    assert.equal(m.excluded, null);
    assert.deepEqual(m.cells, { actual: "F5", target: "G5", floor: "H5" });
    // YTD from April: only Nov, Dec, Jan are in the sheet; mean (78 + 82 + 66) / 3 = 75.33%, target 80%, floor 70% → AMBER.
    assert.equal(m.ytd?.year, "2012/13");
    assert.equal(m.ytd?.aggregation, "mean");
    assert.equal(m.ytd?.periods, 3);
    assert.ok(Math.abs((m.ytd?.actual ?? 0) - 0.7533333333) < 1e-9);
    assert.equal(m.ytd?.target, 0.8);
    assert.equal(m.ytd?.rag, "AMBER");
  });

  it("shows a quarterly indicator's latest quarter with a result, equal to its floor", () => {
    const q = row("Q01");
    assert.equal(q.period?.label, "Q2 2012/13");
    assert.equal(q.rag, "AMBER");
    assert.equal(q.reason, "Equal to the floor standard of 50.0%, 5.0 percentage points below the target of 55.0%");
    assert.equal(q.previous?.rag, "GREEN");
    assert.equal(q.dot, "WORSENED");
    assert.equal(q.ytd?.periods, 2);
    assert.equal(q.ytd?.actual, 0.55);
    assert.equal(q.ytd?.rag, "GREEN");
  });

  it("rates an annual indicator without a floor and without YTD", () => {
    const a = row("A01");
    assert.equal(a.period?.label, "2011/12");
    assert.equal(a.rag, "GREEN");
    assert.deepEqual(a.previous, { period: period("2010/11", "2010-09-01", "2011-08-31"), actual: 0.84, rag: "RED" });
    assert.equal(a.dot, "IMPROVED");
    assert.equal(a.ytd, null);
  });

  it("rolls monthly crime into 12-month totals and judges them lower-is-better", () => {
    const c = row("CS01");
    assert.equal(c.period?.label, "12 months to Jan 2013");
    assert.equal(c.period?.start, "2012-02-01");
    assert.equal(c.actual, 12078); // 1001 + ... + 1012
    assert.equal(c.previous?.actual, 12066); // 1000 + ... + 1011
    assert.equal(c.rag, "GREEN");
    assert.equal(c.reason, "422 below the target of 12,500");
    assert.equal(c.dot, "WORSENED");
    assert.equal(c.ytd, null);
  });

  it("places an activity below its range with its variance and no alert", () => {
    const v = row("L01");
    assert.equal(v.rag, null);
    assert.equal(v.position, "BELOW");
    assert.deepEqual(v.variance, { absolute: -50000, percent: -0.1 });
    assert.equal(v.previous?.rag, null);
    assert.equal(v.dot, "IMPROVED");
    assert.equal(v.ytd?.actual, 850000);
    assert.equal(v.ytd?.expected, 920000);
  });

  it("lists an excluded indicator with the sheet's explanation and no alert", () => {
    const d = row("L02");
    assert.equal(d.rag, null);
    assert.equal(d.excluded, "A new indicator is being developed to replace this one");
    assert.equal(d.reason, "A new indicator is being developed to replace this one");
    assert.equal(d.dot, null);
  });

  it("shows no data, a stale result and a missing target for what they are", () => {
    assert.equal(row("R01").rag, "NO_DATA");
    assert.equal(row("R01").actual, null);
    assert.equal(row("R01").reason, "No result for Jan 2013");
    const y = row("Y01");
    assert.equal(y.rag, "NO_DATA");
    assert.equal(y.stale, true);
    assert.equal(y.actual, 0.5);
    assert.equal(y.reason, "Latest result (2010/11) is more than a year old");
    assert.equal(row("W01").rag, "NO_TARGET");
  });

  it("counts alerts overall and by service area", () => {
    assert.deepEqual(dashboard.summary.total, { GREEN: 2, AMBER: 1, RED: 1, NO_DATA: 2, NO_TARGET: 1, MONITOR: 0, EXCEEDED: 0, activity: 1, total: 8 });
    const libraries = dashboard.summary.byServiceArea.find((a) => a.serviceArea === "Libraries");
    assert.deepEqual(libraries?.counts, { GREEN: 0, AMBER: 0, RED: 0, NO_DATA: 1, NO_TARGET: 0, MONITOR: 0, EXCEEDED: 0, activity: 1, total: 2 });
  });

  it("lists the red, the worsened alert and the activity outside its range", () => {
    assert.deepEqual(
      dashboard.exceptions.map((e) => [e.ref, e.kind, e.reason]),
      [
        ["M01", "red", "Moved from Green to Red: 4.0 percentage points below the floor standard of 70.0%"],
        ["Q01", "worsened", "Moved from Green to Amber: Equal to the floor standard of 50.0%, 5.0 percentage points below the target of 55.0%"],
        ["L01", "outside-range", "50,000 (10%) below the expected 500,000, under the expected range of 480,000 to 520,000"],
      ],
    );
  });

  it("describes its coverage and carries the settings, guidance and date", () => {
    assert.equal(dashboard.cutoff, "2013-01");
    assert.equal(dashboard.coverage, "Results up to the end of January 2013");
    assert.equal(dashboard.produced, "2013-02-14");
    assert.equal(dashboard.rules.atTarget, "GREEN");
    assert.ok(dashboard.guidance.length > 5);
  });

  it("keeps the reading diagnostics first and adds warnings, each with its code, naming sheet and cell", () => {
    assert.deepEqual(dashboard.diagnostics[0], reading[0]);
    const where = dashboard.diagnostics.slice(1).map((d) => [d.code, d.severity, d.sheet, d.cell]);
    assert.deepEqual(where, [
      ["no-result", "warning", "Monthly", "F11"],
      ["stale-result", "warning", "Annual", "C8"],
      ["no-target", "warning", "Monthly", "F13"],
    ]);
  });

  it("ignores results after the cut-off month", () => {
    const december = build("2012-12");
    const m = december.indicators.find((r) => r.ref === "M01");
    assert.equal(m?.period?.label, "Dec 2012");
    assert.equal(m?.actual, 0.82);
    assert.equal(m?.rag, "GREEN");
    assert.equal(m?.dot, "IMPROVED");
    assert.equal(december.indicators.find((r) => r.ref === "CS01")?.actual, 12066);
    assert.equal(december.indicators.find((r) => r.ref === "W01")?.rag, "NO_DATA");
    assert.equal(december.coverage, "Results up to the end of December 2012");
  });

  it("picks the latest month with a result when no cut-off is given, and says so", () => {
    const a = indicator({ id: "a", series: [obs(month("2012-12"), { actual: 0.9, target: 0.8 })] });
    const b = indicator({ id: "b", series: [obs(month("2012-12"), { actual: 0.9, target: 0.8 })] });
    const c = indicator({ id: "c", series: [obs(month("2012-12"), { actual: 0.9, target: 0.8 }), obs(month("2013-01"), { actual: 0.7, target: 0.8 })] });
    const out = build(null, [a, b, c]);
    assert.equal(out.cutoff, "2013-01");
    assert.equal(out.coverage, "Results up to the end of December 2012 and, where available, January 2013");
    // The code says what happened; the month chosen is in the words.
    assert.ok(
      out.diagnostics.some((d) => d.code === "no-period-chosen" && d.severity === "info" && d.message.includes("results up to the end of January 2013")),
    );
  });

  it("takes the latest month of the monthly results, not the end of a year whose result is already in", () => {
    const monthly = indicator({ id: "m", series: [obs(month("2012-12"), { actual: 0.9, target: 0.8 }), obs(month("2013-01"), { actual: 0.9, target: 0.8 })] });
    const survey = indicator({ id: "s", frequency: "year", series: [obs(period("2012/13", "2012-04-01", "2013-03-31"), { actual: 0.8, target: 0.7 })] });
    const out = build(null, [monthly, survey]);
    assert.equal(out.cutoff, "2013-01");
    assert.equal(latestReportingMonth([monthly, survey]), "2013-01", "the task pane offers the month a build would use");
    // With only quarterly and annual indicators, the quarters say how far the data run.
    const quarterly = indicator({ id: "q", frequency: "quarter", series: [obs(period("Q3 2012/13", "2012-10-01", "2012-12-31"), { actual: 5, target: 4 })] });
    assert.equal(build(null, [quarterly, survey]).cutoff, "2012-12");
    assert.equal(build(null, [survey]).cutoff, "2013-03");
  });

  it("survives an empty workbook and a badly written cut-off", () => {
    const empty = build(null, []);
    assert.equal(empty.cutoff, "2013-02");
    assert.equal(empty.indicators.length, 0);
    assert.equal(empty.summary.total.total, 0);
    const bad = build("Jan 2013", [calls]);
    assert.equal(bad.cutoff, "2013-01");
    assert.ok(bad.diagnostics.some((d) => d.code === "period-not-a-month"));
    assert.ok(empty.diagnostics.some((d) => d.code === "workbook-has-no-results"));
  });

  it("rates each result against its own period's target when targets are profiled", () => {
    const profiled = indicator({
      series: [obs(month("2012-12"), { actual: 0.75, target: 0.8, floor: 0.7 }), obs(month("2013-01"), { actual: 0.75, target: 0.7, floor: 0.6 })],
    });
    const [out] = build("2013-01", [profiled]).indicators;
    assert.equal(out?.target, 0.7);
    assert.equal(out?.rag, "GREEN");
    assert.equal(out?.previous?.rag, "AMBER");
    assert.equal(out?.dot, "SAME");
  });

  it("uses the trend of the last results when the settings say so", () => {
    const settings = defaultSettings();
    const trendSettings = { ...settings, rules: { ...settings.rules, dotMethod: "trend" as const, trendPoints: 4 } };
    // Last four: 10, 20, 30, 25 → rising line though the last result fell.
    const rising = indicator({
      unit: "count",
      series: ["2012-09", "2012-10", "2012-11", "2012-12", "2013-01"].map((k, i) => obs(month(k), { actual: [90, 10, 20, 30, 25][i] ?? null, target: 5 })),
    });
    const out = buildDashboard([rising], { settings: trendSettings, cutoff: "2013-01", produced: "2013-02-01", diagnostics: [] });
    assert.equal(out.indicators[0]?.dot, "IMPROVED");
    assert.match(out.guidance.join(" "), /trend of the last 4 results/);
  });
});

describe("buildDashboard with the rules councils publish", () => {
  const build = (indicators: readonly Indicator[], cutoff: string, ruleChanges: Record<string, unknown> = {}) =>
    buildDashboard(indicators, {
      settings: { ...defaultSettings(), rules: { ...defaultSettings().rules, ...ruleChanges } },
      cutoff,
      produced: "2013-01-10",
      diagnostics: [],
    });

  it("warns, once per indicator, when a band that is a percentage of the target meets a target of 0", () => {
    const gap = indicator({
      name: "Gender pay gap",
      polarity: "target",
      series: [obs(month("2012-11"), { actual: 0.01, target: 0 }), obs(month("2012-12"), { actual: 0.02, target: 0, cells: { target: "E7" } })],
    });
    const d = build([gap], "2012-12");
    const warnings = d.diagnostics.filter((x) => x.code === "relative-band-zero-target");
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]?.cell, "E7");
  });

  it("warns when a year to date is over missing months, naming them", () => {
    const gaps = indicator({
      unit: "count",
      series: [
        obs(month("2012-04"), { actual: 5, target: 4 }),
        obs(month("2012-05"), { actual: null, target: 4 }),
        obs(month("2012-06"), { actual: 6, target: 4 }),
      ],
    });
    const warning = build([gaps], "2012-06").diagnostics.find((x) => x.code === "ytd-incomplete");
    assert.match(warning?.message ?? "", /2 of 3 months/);
    assert.match(warning?.message ?? "", /May 2012/);
  });

  it("lets an indicator published every two years keep its latest result current for 24 months", () => {
    const biennial = indicator({
      frequency: "year",
      staleAfterMonths: 24,
      series: [obs(period("2010/11", "2010-04-01", "2011-03-31"), { actual: 0.8, target: 0.7 })],
    } as Partial<Indicator>);
    const r = build([biennial], "2012-12").indicators[0];
    assert.equal(r?.stale, false);
    assert.equal(r?.rag, "GREEN");
    const yearly = { ...biennial, staleAfterMonths: null };
    assert.equal(build([yearly], "2012-12").indicators[0]?.rag, "NO_DATA");
  });

  it("compares a multi-year span only with an earlier span of the same length", () => {
    const spans = indicator({
      frequency: "multiYear",
      series: [
        obs(period("2010-13", "2010-04-01", "2013-03-31"), { actual: 0.5 }),
        obs(period("2011-13", "2011-04-01", "2013-03-31"), { actual: 0.9 }),
        obs(period("2011-14", "2011-04-01", "2014-03-31"), { actual: 0.6 }),
      ],
    } as unknown as Partial<Indicator>);
    const r = build([spans], "2014-03").indicators[0];
    assert.equal(r?.previous?.period.label, "2010-13");
    assert.equal(r?.dot, "IMPROVED");
  });
});
