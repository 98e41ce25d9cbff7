import { strict as assert } from "node:assert";
import { describe, it } from "mocha";
import { yearToDate } from "../../../src/core/rules/ytd";
import { indicator, month, obs, period, rules } from "./indicator-builder";

describe("yearToDate", () => {
  // A monthly count from February 2012 to January 2013: the 2012/13 year starts in April.
  const counts = indicator({
    unit: "count",
    series: [
      obs(month("2012-02"), { actual: 999, target: 1 }),
      obs(month("2012-03"), { actual: 999, target: 1 }),
      obs(month("2012-04"), { actual: 100, target: 90 }),
      obs(month("2012-05"), { actual: 120, target: 100 }),
      obs(month("2012-06"), { actual: 80, target: 110 }),
      obs(month("2012-07"), { actual: 500, target: 100 }),
    ],
  });

  it("sums a count over the financial year up to the current month, with the sum of the monthly targets", () => {
    const current = counts.series[4]!;
    const ytd = yearToDate(counts, current, rules());
    assert.ok(ytd);
    assert.equal(ytd.year, "2012/13");
    assert.equal(ytd.aggregation, "sum");
    assert.equal(ytd.aggregationSource, "inferred: counts are summed");
    assert.equal(ytd.periods, 3);
    assert.equal(ytd.actual, 300); // 100 + 120 + 80
    assert.equal(ytd.target, 300); // 90 + 100 + 110
    assert.equal(ytd.rag, "GREEN"); // 300 equal to target 300
  });

  it("skips months without a result and their targets, like for like", () => {
    const gap = indicator({
      unit: "count",
      series: [
        obs(month("2012-04"), { actual: 100, target: 90 }),
        obs(month("2012-05"), { actual: null, target: 100 }),
        obs(month("2012-06"), { actual: 80, target: 110 }),
      ],
    });
    const ytd = yearToDate(gap, gap.series[2]!, rules());
    assert.equal(ytd?.periods, 2);
    assert.equal(ytd?.actual, 180);
    assert.equal(ytd?.target, 200);
    assert.equal(ytd?.rag, "RED"); // below 200, no floor or tolerance
  });

  it("averages percentages and uses the current period's target (a profiled target)", () => {
    const rate = indicator({
      unit: "percentage",
      series: [
        obs(month("2012-04"), { actual: 0.6, target: 0.7, floor: 0.5 }),
        obs(month("2012-05"), { actual: 0.7, target: 0.7, floor: 0.5 }),
        obs(month("2012-06"), { actual: 0.8, target: 0.75, floor: 0.55 }),
      ],
    });
    const ytd = yearToDate(rate, rate.series[2]!, rules());
    assert.equal(ytd?.aggregation, "mean");
    assert.equal(ytd?.aggregationSource, "inferred: percentages are averaged");
    assert.ok(Math.abs((ytd?.actual ?? 0) - 0.7) < 1e-12);
    assert.equal(ytd?.target, 0.75);
    assert.equal(ytd?.rag, "AMBER"); // 70% is below 75% but above the floor of 55%
  });

  it("takes the ratio of totals when the sheet gives numerators and denominators", () => {
    const ratio = indicator({
      unit: "percentage",
      series: [
        obs(month("2012-04"), { actual: 0.5, target: 0.6, numerator: 1, denominator: 2 }),
        obs(month("2012-05"), { actual: 0.7, target: 0.6, numerator: 7, denominator: 10 }),
      ],
    });
    const ytd = yearToDate(ratio, ratio.series[1]!, rules());
    assert.equal(ytd?.aggregation, "ratio");
    assert.equal(ytd?.actual, 8 / 12); // not the mean of 50% and 70%
    assert.equal(ytd?.rag, "GREEN");
  });

  it("uses the latest result when the sheet says so", () => {
    const latest = indicator({
      unit: "count",
      aggregation: "latest",
      series: [obs(month("2012-04"), { actual: 10, target: 12 }), obs(month("2012-05"), { actual: 14, target: 12 })],
    });
    const ytd = yearToDate(latest, latest.series[1]!, rules());
    assert.equal(ytd?.aggregation, "latest");
    assert.equal(ytd?.aggregationSource, "from the sheet's Aggregation column");
    assert.equal(ytd?.actual, 14);
    assert.equal(ytd?.target, 12);
  });

  it("falls back to the mean when the sheet asks for a ratio without totals, and says so", () => {
    const ind = indicator({ aggregation: "ratio", series: [obs(month("2012-04"), { actual: 0.5 }), obs(month("2012-05"), { actual: 0.7 })] });
    const ytd = yearToDate(ind, ind.series[1]!, rules());
    assert.equal(ytd?.aggregation, "mean");
    assert.match(ytd?.aggregationSource ?? "", /no numerators and denominators/);
  });

  it("uses the academic year from September", () => {
    const q = indicator({
      unit: "count",
      frequency: "month",
      series: [obs(month("2012-08"), { actual: 5 }), obs(month("2012-09"), { actual: 7 }), obs(month("2012-10"), { actual: 9 })],
    });
    const ytd = yearToDate(q, q.series[2]!, rules({ yearStartMonth: 9 }));
    assert.equal(ytd?.year, "2012/13 academic year");
    assert.equal(ytd?.actual, 16);
  });

  it("sums quarters and the expected activity of an activity indicator, with no alert", () => {
    const act = indicator({
      kind: "activity",
      unit: "count",
      frequency: "quarter",
      series: [
        obs(period("Q1 2012/13", "2012-04-01", "2012-06-30"), { actual: 1000, expected: 900 }),
        obs(period("Q2 2012/13", "2012-07-01", "2012-09-30"), { actual: 1100, expected: 1000 }),
      ],
    });
    const ytd = yearToDate(act, act.series[1]!, rules());
    assert.equal(ytd?.actual, 2100);
    assert.equal(ytd?.expected, 1900);
    assert.equal(ytd?.rag, null);
  });

  it("gives annual and rolling indicators no year to date", () => {
    const annual = indicator({ frequency: "year", series: [obs(period("2011/12", "2011-04-01", "2012-03-31"), { actual: 1 })] });
    assert.equal(yearToDate(annual, annual.series[0]!, rules()), null);
    const rolling = indicator({ frequency: "rolling12", series: [obs(month("2012-04"), { actual: 1 })] });
    assert.equal(yearToDate(rolling, rolling.series[0]!, rules()), null);
  });
});

describe("yearToDate done right", () => {
  it("takes the latest figure of an indicator that is already cumulative, never summing it again", () => {
    // 10, 25 and 40 by June: the year to date is 40, not 75.
    const cumulative = indicator({
      name: "Apprenticeships started (cumulative)",
      unit: "count",
      cumulative: true,
      series: [
        obs(month("2012-04"), { actual: 10, target: 8 }),
        obs(month("2012-05"), { actual: 25, target: 16 }),
        obs(month("2012-06"), { actual: 40, target: 24 }),
      ],
    } as Parameters<typeof indicator>[0]);
    const ytd = yearToDate(cumulative, cumulative.series[2]!, rules());
    assert.equal(ytd?.actual, 40);
    assert.equal(ytd?.target, 24);
    assert.equal(ytd?.aggregation, "latest");
    assert.equal(ytd?.aggregationSource, "the figures are already year to date (cumulative), so the latest is the year to date");
  });

  it("says how much of the year the YTD covers, and which months are missing", () => {
    const gaps = indicator({
      unit: "count",
      series: ["04", "05", "06", "07", "08", "09", "10", "11", "12"].map((m) =>
        obs(month(`2012-${m}`), { actual: m === "08" || m === "09" ? null : 10, target: 9 }),
      ),
    });
    const ytd = yearToDate(gaps, gaps.series[8]!, rules()) as (ReturnType<typeof yearToDate> & Record<string, unknown>) | null;
    assert.equal(ytd?.periods, 7);
    assert.equal(ytd?.["expectedPeriods"], 9);
    assert.equal(ytd?.["coverage"], "7 of 9 months");
    assert.equal(ytd?.["complete"], false);
    assert.deepEqual(ytd?.["missing"], ["Aug 2012", "Sep 2012"]);
  });

  it("counts quarters as quarters, and a full year to date as complete", () => {
    const quarters = indicator({
      unit: "count",
      frequency: "quarter",
      series: [obs(period("Q1 2012/13", "2012-04-01", "2012-06-30"), { actual: 5 }), obs(period("Q2 2012/13", "2012-07-01", "2012-09-30"), { actual: 6 })],
    });
    const ytd = yearToDate(quarters, quarters.series[1]!, rules()) as (ReturnType<typeof yearToDate> & Record<string, unknown>) | null;
    assert.equal(ytd?.["coverage"], "2 of 2 quarters");
    assert.equal(ytd?.["complete"], true);
  });

  it("holds the YTD alert as too early until the year has run the months the setting asks for", () => {
    const monthly = indicator({
      unit: "count",
      series: ["04", "05", "06", "07"].map((m) => obs(month(`2012-${m}`), { actual: 10, target: 9 })),
    });
    const early = rules({ ytdMinMonths: 4 } as Parameters<typeof rules>[0]);
    const june = yearToDate(monthly, monthly.series[2]!, early) as (ReturnType<typeof yearToDate> & Record<string, unknown>) | null;
    assert.equal(june?.rag, null);
    assert.equal(june?.["tooEarly"], true);
    const july = yearToDate(monthly, monthly.series[3]!, early) as (ReturnType<typeof yearToDate> & Record<string, unknown>) | null;
    assert.equal(july?.rag, "GREEN");
    assert.equal(july?.["tooEarly"], false);
  });
});
