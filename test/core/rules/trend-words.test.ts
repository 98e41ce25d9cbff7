import { strict as assert } from "node:assert";
import { buildDashboard } from "../../../src/core/rules";
import { describeTrend } from "../../../src/core/rules/trend-words";
import { defaultSettings } from "../../../src/core/settings";
import { indicator, month, obs, period } from "./indicator-builder";

const months = ["2012-04", "2012-05", "2012-06", "2012-07", "2012-08", "2012-09", "2012-10", "2012-11", "2012-12", "2013-01"];

describe("describeTrend", () => {
  it("says what the chart shows: the name, the first to the last period in words, the target and the latest result", () => {
    const text = describeTrend({
      name: "Percentage of calls answered",
      unit: "percentage",
      frequency: "month",
      points: months.map((m, i) => ({ period: month(m), actual: 0.8 + i / 200, target: 0.85 })),
    });
    assert.equal(text, "Percentage of calls answered, April 2012 to January 2013, against a target of 85.0%; latest result 84.5% in January 2013.");
  });

  it("gives the range of the targets when they change, and says when there is none", () => {
    const profiled = describeTrend({
      name: "Number of rogue traders disrupted",
      unit: "count",
      frequency: "month",
      points: [
        { period: month("2012-11"), actual: 7, target: 8 },
        { period: month("2012-12"), actual: 9, target: 10 },
      ],
    });
    assert.equal(
      profiled,
      "Number of rogue traders disrupted, November 2012 to December 2012, against targets from 8 to 10; latest result 9 in December 2012.",
    );
    const none = describeTrend({
      name: "All recorded crime",
      unit: "count",
      frequency: "rolling12",
      points: [
        { period: period("12 months to Nov 2012", "2011-12-01", "2012-11-30"), actual: 94314, target: null },
        { period: period("12 months to Dec 2012", "2012-01-01", "2012-12-31"), actual: 93812, target: null },
      ],
    });
    assert.equal(
      none,
      "All recorded crime, 12 months to November 2012 to 12 months to December 2012, with no target set; latest result 93,812 in 12 months to December 2012.",
    );
  });

  it("uses the latest period that has a result, not a later empty one", () => {
    const text = describeTrend({
      name: "Website satisfaction",
      unit: "percentage",
      frequency: "quarter",
      points: [
        { period: period("Q1 2012/13", "2012-04-01", "2012-06-30"), actual: 0.52, target: 0.6 },
        { period: period("Q2 2012/13", "2012-07-01", "2012-09-30"), actual: 0.55, target: 0.6 },
        { period: period("Q3 2012/13", "2012-10-01", "2012-12-31"), actual: null, target: 0.6 },
      ],
    });
    assert.match(text ?? "", /^Website satisfaction, Q1 2012\/13 to Q3 2012\/13, against a target of 60\.0%; latest result 55\.0% in Q2 2012\/13\.$/);
  });

  it("has nothing to say about a trend without a result", () => {
    assert.equal(describeTrend({ name: "x", unit: "count", frequency: "month", points: [{ period: month("2012-12"), actual: null, target: 3 }] }), null);
    assert.equal(describeTrend({ name: "x", unit: "count", frequency: "month", points: [] }), null);
  });
});

describe("buildDashboard's trend description", () => {
  it("is given with every indicator's trend, in the same words the charts' alternative text and the cover report use", () => {
    const calls = indicator({
      ref: "CR01",
      name: "Calls answered within 20 seconds",
      series: months.map((m, i) => obs(month(m), { actual: 0.8 + i / 200, target: 0.85, floor: 0.75 })),
    });
    const out = buildDashboard([calls], { settings: defaultSettings(), cutoff: "2013-01", produced: "2013-02-01", diagnostics: [] });
    assert.equal(
      out.indicators[0]?.trendDescription,
      "Calls answered within 20 seconds, April 2012 to January 2013, against a target of 85.0%; latest result 84.5% in January 2013.",
    );
  });
});
