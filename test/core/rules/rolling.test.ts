import { strict as assert } from "node:assert";
import { describe, it } from "mocha";
import { rollingTwelveMonths } from "../../../src/core/rules/rolling";
import { indicator, month, obs, period } from "./indicator-builder";

/** Month keys from a start, n of them. */
function months(startYear: number, startMonth: number, n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const m = startMonth - 1 + i;
    return `${startYear + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
  });
}

describe("rollingTwelveMonths", () => {
  // Jan 2012 .. Mar 2013 (15 months), crimes 100, 101, 102, ... so sums are easy to work by hand.
  const keys = months(2012, 1, 15);
  const crime = indicator({
    frequency: "rolling12",
    unit: "count",
    polarity: "lower",
    series: keys.map((k, i) => obs(month(k), { actual: 100 + i, target: 1300, cells: { actual: `${String.fromCharCode(67 + i)}5` } })),
  });

  it("sums the 12 months ending at each month that has 11 months before it", () => {
    const { series, diagnostics } = rollingTwelveMonths(crime);
    assert.equal(series.length, 4); // Dec 2012, Jan, Feb, Mar 2013
    // Jan..Dec 2012: 100 + ... + 111 = 12 × 105.5 = 1266.
    assert.equal(series[0]?.actual, 1266);
    assert.equal(series[1]?.actual, 1278);
    assert.deepEqual(series[0]?.period, { label: "12 months to Dec 2012", start: "2012-01-01", end: "2012-12-31" });
    assert.deepEqual(series[1]?.period, { label: "12 months to Jan 2013", start: "2012-02-01", end: "2013-01-31" });
    assert.equal(series[0]?.target, 1300);
    assert.equal(diagnostics.length, 0);
  });

  it("makes a rolling figure missing when a month inside its window is missing or has no result", () => {
    const withGap = {
      ...crime,
      series: crime.series.map((o) => (o.period.start === "2012-06-01" ? { ...o, actual: null } : o)),
    };
    const rolled = rollingTwelveMonths(withGap).series.map((o) => o.actual);
    // Every window here, to Dec 2012 up to Mar 2013, includes June 2012.
    assert.deepEqual(rolled, [null, null, null, null]);
    const dropped = { ...crime, series: crime.series.filter((o) => o.period.start !== "2012-02-01") };
    // February 2012 absent: windows to Dec 2012 and Jan 2013 include it, Feb and Mar 2013 do not.
    assert.deepEqual(
      rollingTwelveMonths(dropped).series.map((o) => o.actual),
      [null, null, 1290, 1302],
    );
  });

  it("averages rates over the 12 months", () => {
    const rate = indicator({
      frequency: "rolling12",
      unit: "percentage",
      series: months(2012, 1, 12).map((k, i) => obs(month(k), { actual: i < 6 ? 0.5 : 0.7 })),
    });
    const { series } = rollingTwelveMonths(rate);
    assert.equal(series.length, 1);
    assert.ok(Math.abs((series[0]?.actual ?? 0) - 0.6) < 1e-12);
  });

  it("warns, naming the sheet and the latest result's cell, when there are fewer than 12 months", () => {
    const short = { ...crime, series: crime.series.slice(0, 8) };
    const { series, diagnostics } = rollingTwelveMonths(short);
    assert.equal(series.length, 0);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]?.code, "rolling-too-few-months");
    assert.equal(diagnostics[0]?.sheet, "KPIs");
    assert.equal(diagnostics[0]?.cell, "J5");
    // The words say how many months there are.
    assert.match(diagnostics[0]?.message ?? "", /only 8 months of results/);
  });

  it("leaves a series that is not monthly as it is, with a warning", () => {
    const quarterly = indicator({ frequency: "rolling12", series: [obs(period("Q1 2012/13", "2012-04-01", "2012-06-30"), { actual: 5 })] });
    const { series, diagnostics } = rollingTwelveMonths(quarterly);
    assert.equal(series, quarterly.series);
    assert.equal(diagnostics[0]?.code, "rolling-not-monthly");
  });
});
