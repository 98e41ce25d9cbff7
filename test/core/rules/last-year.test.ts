import { strict as assert } from "node:assert";
import { describe, it } from "mocha";
import type { RuleSettings } from "../../../src/core/settings";

import { buildWith, indicator, month, obs, period } from "./indicator-builder";

// December last year was better than this December; November was worse.
const visits = indicator({
  unit: "count",
  series: [
    obs(month("2011-12"), { actual: 100, target: 90 }),
    obs(month("2012-11"), { actual: 80, target: 90 }),
    obs(month("2012-12"), { actual: 90, target: 90 }),
  ],
});

describe("direction of travel against the same period last year", () => {
  it("compares month with month a year before when dotMethod is lastYear", () => {
    const r = buildWith([visits], { dotMethod: "lastYear" } as Partial<RuleSettings>).indicators[0];
    assert.equal(r?.dot, "WORSENED");
    assert.equal(r?.lastYear?.period.label, "Dec 2011");
    assert.equal(r?.lastYear?.actual, 100);
    assert.equal(r?.lastYear?.rag, "GREEN");
  });

  it("gives both comparisons in the JSON whatever the method: the previous period's and last year's", () => {
    const r = buildWith([visits]).indicators[0];
    assert.equal(r?.dot, "IMPROVED");
    assert.equal(r?.dotLastYear, "WORSENED");
    assert.equal(r?.previous?.period.label, "Nov 2012");
  });

  it("compares quarter with quarter", () => {
    const quarters = indicator({
      frequency: "quarter",
      series: [
        obs(period("Q3 2011/12", "2011-10-01", "2011-12-31"), { actual: 0.5 }),
        obs(period("Q2 2012/13", "2012-07-01", "2012-09-30"), { actual: 0.7 }),
        obs(period("Q3 2012/13", "2012-10-01", "2012-12-31"), { actual: 0.6 }),
      ],
    });
    const r = buildWith([quarters], { dotMethod: "lastYear" } as Partial<RuleSettings>).indicators[0];
    assert.equal(r?.dot, "IMPROVED");
    assert.equal(r?.lastYear?.period.label, "Q3 2011/12");
  });

  it("has no direction of travel when the sheet has no result for the same period last year", () => {
    const short = indicator({ series: [obs(month("2012-11"), { actual: 0.5 }), obs(month("2012-12"), { actual: 0.6 })] });
    const r = buildWith([short], { dotMethod: "lastYear" } as Partial<RuleSettings>).indicators[0];
    assert.equal(r?.dot, null);
    assert.equal(r?.lastYear, null);
  });
});
