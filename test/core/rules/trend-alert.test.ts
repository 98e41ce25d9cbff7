import { strict as assert } from "node:assert";
import { describe, it } from "mocha";
import type { RuleSettings } from "../../../src/core/settings";
import type { Indicator } from "../../../src/core/indicator";

import { buildWith, indicator, obs, period } from "./indicator-builder";

const q = (label: string, start: string, end: string, actual: number | null) => obs(period(label, start, end), { actual, target: 0.8, floor: 0.7 });

/** A quarterly KPI off target (target 80%, floor 70%) in Q3 2012/13, with a year of history. */
function quarterly(q3LastYear: number, q2: number, q3: number): Indicator {
  return indicator({
    frequency: "quarter",
    series: [
      q("Q3 2011/12", "2011-10-01", "2011-12-31", q3LastYear),
      q("Q4 2011/12", "2012-01-01", "2012-03-31", 0.66),
      q("Q1 2012/13", "2012-04-01", "2012-06-30", 0.64),
      q("Q2 2012/13", "2012-07-01", "2012-09-30", q2),
      q("Q3 2012/13", "2012-10-01", "2012-12-31", q3),
    ],
  });
}

describe("alerts that depend on the trend (trendAlerts)", () => {
  it("rates an off-target result AMBER when it is better than the previous period, and says so", () => {
    const r = buildWith([quarterly(0.7, 0.6, 0.65)], { trendAlerts: "previous" } as Partial<RuleSettings>).indicators[0];
    assert.equal(r?.rag, "AMBER");
    assert.equal(r?.reason, "15.0 percentage points below the target of 80.0%, but better than Q2 2012/13 (60.0%)");
  });

  it("rates an off-target result RED when it is no better than the previous period", () => {
    const r = buildWith([quarterly(0.6, 0.68, 0.65)], { trendAlerts: "previous" } as Partial<RuleSettings>).indicators[0];
    assert.equal(r?.rag, "RED");
    assert.equal(r?.reason, "15.0 percentage points below the target of 80.0%, and no better than Q2 2012/13 (68.0%)");
  });

  it("compares with the same period last year when asked: below target but better than Q3 2011/12", () => {
    const r = buildWith([quarterly(0.6, 0.7, 0.65)], { trendAlerts: "lastYear" } as Partial<RuleSettings>).indicators[0];
    assert.equal(r?.rag, "AMBER");
    assert.equal(r?.reason, "15.0 percentage points below the target of 80.0%, but better than Q3 2011/12 (60.0%)");
  });

  it("leaves a result that meets its target GREEN", () => {
    const met = quarterly(0.9, 0.95, 0.85);
    assert.equal(buildWith([met], { trendAlerts: "previous" } as Partial<RuleSettings>).indicators[0]?.rag, "GREEN");
  });

  it("keeps the usual alert, and says why, when there is nothing to compare with", () => {
    const alone = indicator({ frequency: "quarter", series: [q("Q3 2012/13", "2012-10-01", "2012-12-31", 0.65)] });
    const r = buildWith([alone], { trendAlerts: "lastYear" } as Partial<RuleSettings>).indicators[0];
    assert.equal(r?.rag, "RED");
    assert.match(r?.reason ?? "", /no result for Q3 2011\/12 to compare with/);
  });

  it("is off by default: the floor standard decides", () => {
    assert.equal(buildWith([quarterly(0.6, 0.6, 0.65)]).indicators[0]?.rag, "RED");
  });
});
