import { strict as assert } from "node:assert";
import { describe, it } from "mocha";
import { buildDashboard } from "../../../src/core/rules";
import { defaultSettings } from "../../../src/core/settings";
import type { Indicator } from "../../../src/core/indicator";
import { indicator, month, obs, period } from "./indicator-builder";

function build(indicators: readonly Indicator[]) {
  return buildDashboard(indicators, { settings: defaultSettings(), cutoff: null, produced: "2024-06-10", diagnostics: [] });
}

const annual = (ref: string, actual: number) =>
  indicator({
    ref,
    frequency: "year",
    series: [
      obs(period("2022/23", "2022-04-01", "2023-03-31"), { actual: actual - 0.01, target: 0.5 }),
      obs(period("2023/24", "2023-04-01", "2024-03-31"), { actual, target: 0.5 }),
    ],
  });

describe("the default reporting cut-off", () => {
  it("considers every frequency: annual results long after the last monthly one move the cut-off to them, and it says why", () => {
    // One indicator misread (or simply old) as monthly, ending December 2010; the rest annual to 2023/24.
    const old = indicator({ ref: "M1", series: [obs(month("2010-11"), { actual: 0.4, target: 0.5 }), obs(month("2010-12"), { actual: 0.4, target: 0.5 })] });
    const d = build([old, annual("A1", 0.6), annual("A2", 0.7)]);
    assert.equal(d.cutoff, "2024-03");
    assert.equal(d.indicators.filter((i) => i.rag === "NO_DATA").length, 1);
    const why = d.diagnostics.find((x) => x.code === "no-period-chosen");
    assert.match(why?.message ?? "", /March 2024/);
    assert.match(why?.message ?? "", /annual indicator/);
    assert.match(why?.message ?? "", /monthly results end in December 2010/);
  });

  it("still follows the monthly results when an annual period that has begun is entered early", () => {
    const calls = indicator({ series: [obs(month("2012-12"), { actual: 0.8, target: 0.7 }), obs(month("2013-01"), { actual: 0.8, target: 0.7 })] });
    const survey = indicator({ ref: "S1", frequency: "year", series: [obs(period("2012/13", "2012-04-01", "2013-03-31"), { actual: 0.8, target: 0.7 })] });
    const d = build([calls, survey]);
    assert.equal(d.cutoff, "2013-01");
    assert.equal(
      d.diagnostics.find((x) => x.code === "no-period-chosen")?.message,
      "No reporting period was chosen, so results up to the end of January 2013 (the latest month with a result for a monthly indicator) are used.",
    );
  });
});
