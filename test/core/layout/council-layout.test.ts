import assert from "node:assert/strict";
import { describe, it } from "mocha";
import type { Indicator, Observation } from "../../../src/core/indicator";
import { layoutDashboard } from "../../../src/core/layout";
import { runPipeline } from "../../../src/core/pipeline";
import { buildDashboard } from "../../../src/core/rules";
import { defaultSettings, type Settings } from "../../../src/core/settings";
import type { SheetPlan } from "../../../src/core/sheet-plan";
import { indicator, month, obs, period } from "../rules/indicator-builder";
import { rowOf } from "./plan-helpers";

/** The dashboard sheet of the statuses, comparisons and notes councils' schemes add, laid out from rated indicators. */

function plan(indicators: readonly Indicator[], rules: Record<string, unknown> = {}, cutoff = "2012-12"): SheetPlan {
  const settings: Settings = { ...defaultSettings(), rules: { ...defaultSettings().rules, ...rules } };
  const dashboard = buildDashboard(indicators, { settings, cutoff, produced: "2013-01-10", diagnostics: [] });
  return layoutDashboard(dashboard, settings);
}

function rowWith(p: SheetPlan, text: string, column = 0): readonly unknown[] {
  return p.values[rowOf(p.values, text, column) - 1] ?? [];
}

function allText(p: SheetPlan): string {
  return p.values
    .flat()
    .filter((v) => typeof v === "string")
    .join("\n");
}

const monitored = indicator({
  ref: "CS05",
  name: "Anti-social behaviour incidents",
  polarity: "lower",
  unit: "count",
  monitorOnly: true,
  series: [obs(month("2012-11"), { actual: 420 }), obs(month("2012-12"), { actual: 390 })],
} as Partial<Indicator>);
const beaten = indicator({ ref: "EX1", name: "Beaten by far", series: [obs(month("2012-12"), { actual: 0.95, target: 0.7, floor: 0.6 })] });

describe("the dashboard with the statuses councils add", () => {
  it("writes MONITOR in the alert column, without colour, and counts it apart in the summary", () => {
    const p = plan([monitored, beaten]);
    assert.equal(rowWith(p, "CS05")[6], "MONITOR");
    const formulas = p.conditionalFormats.flatMap((f) => f.rules.map((r) => r.formula));
    assert.ok(!formulas.some((f) => f.includes('"MONITOR"')));
    const header = rowWith(p, "Service area", 1);
    const total = rowWith(p, "Total", 1);
    const at = header.indexOf("Monitor");
    assert.ok(at > 0, `a Monitor column in ${header.join(", ")}`);
    assert.equal(total[at], 1);
  });

  it("writes EXCEEDED with its own colour rule, and counts it apart, when the setting is on", () => {
    const p = plan([beaten], { exceeded: { kind: "percent", value: 0.1 } });
    assert.equal(rowWith(p, "EX1")[6], "EXCEEDED");
    assert.ok(p.conditionalFormats.some((f) => f.rules.some((r) => r.formula.endsWith('="EXCEEDED"'))));
    const header = rowWith(p, "Service area", 1);
    assert.equal(rowWith(p, "Total", 1)[header.indexOf("EXCEEDED")], 1);
  });

  it("keeps the summary to its usual columns when no indicator is monitored or exceeded", () => {
    const header = rowWith(plan([beaten]), "Service area", 1);
    assert.deepEqual(header.slice(2, 9), ["GREEN", "AMBER", "RED", "No data", "No target", "Activity", "Total"]);
    assert.ok(!header.includes("Monitor") && !header.includes("EXCEEDED"));
  });

  it("names the comparison in the DoT heading when it is with the same period last year", () => {
    const visits = indicator({
      ref: "V1",
      series: [obs(month("2011-12"), { actual: 0.9, target: 0.8 }), obs(month("2012-12"), { actual: 0.85, target: 0.8 })],
    });
    assert.ok(rowWith(plan([visits], { dotMethod: "lastYear" }), "Ref").includes("DoT on last year"));
    assert.ok(rowWith(plan([visits]), "Ref").includes("DoT"));
  });

  it("writes TOO EARLY in the YTD alert column while the year is too young for a YTD alert", () => {
    const early = indicator({
      ref: "Y1",
      unit: "count",
      series: [obs(month("2012-04"), { actual: 5, target: 4 }), obs(month("2012-05"), { actual: 6, target: 4 })],
    });
    assert.equal(rowWith(plan([early], { ytdMinMonths: 4 }, "2012-05"), "Y1")[12], "TOO EARLY");
  });

  it("shows how the council compares with other councils, in words that read in print", () => {
    const year = period("2022/23", "2022-04-01", "2023-03-31");
    const compared = indicator({
      ref: "B1",
      name: "Adults satisfied",
      frequency: "year",
      series: [
        obs(year, {
          actual: 0.72,
          comparators: [{ label: "Scottish average", value: 0.7, cell: "H5" }],
          rank: 4,
          rankOf: 32,
          quartile: 1,
        } as Partial<Observation>),
      ],
    });
    const p = plan([compared], {}, "2023-03");
    const heading = rowOf(p.values, "Comparison with other councils");
    assert.ok(heading > 0);
    const text = allText(p);
    assert.match(text, /Better than the Scottish average \(70\.0%\); top quartile; ranked 4 of 32/);
  });

  it("lists in the data notes every RED or worsened indicator with no commentary", () => {
    const red = indicator({ ref: "R1", name: "Red without commentary", series: [obs(month("2012-12"), { actual: 0.5, target: 0.8, floor: 0.7 })] });
    assert.match(allText(plan([red])), /R1 Red without commentary is RED but has no commentary/);
    assert.doesNotMatch(allText(plan([red], { listMissingCommentary: false })), /has no commentary/);
  });

  it("says in the data notes when a year to date does not cover the whole year so far", () => {
    const gaps = indicator({
      ref: "G1",
      name: "Gappy",
      unit: "count",
      series: [
        obs(month("2012-04"), { actual: 5, target: 4 }),
        obs(month("2012-05"), { actual: null, target: 4 }),
        obs(month("2012-06"), { actual: 6, target: 4 }),
      ],
    });
    assert.match(allText(plan([gaps], {}, "2012-06")), /G1 Gappy: the year to date covers 2 of 3 months \(no result for May 2012\)/);
  });
});

describe("the dashboard's data notes on columns not used", () => {
  it("lists once, in the data notes, the columns of a sheet that were not read", () => {
    const values = [
      ["Ref", "Indicator", "Description", "Target", "Dec-12"],
      ["A1", "First", "What it is", 0.5, 0.6],
    ];
    const { plan: p } = runPipeline(
      [{ sheet: "KPIs", origin: "A1", values, numberFormat: values.map((r) => r.map(() => "General")) }],
      { ...defaultSettings(), period: "2012-12" },
      "2013-01-10",
    );
    assert.match(allText(p), /Sheet 'KPIs': columns not used: C "Description"/);
  });
});
