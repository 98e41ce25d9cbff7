import { strict as assert } from "node:assert";
import { describe, it } from "mocha";
import { buildDashboard } from "../../../src/core/rules";
import { defaultSettings, type RuleSettings } from "../../../src/core/settings";
import type { Indicator, Observation } from "../../../src/core/indicator";
import { indicator, obs, period, rules } from "./indicator-builder";

function build(indicators: readonly Indicator[], ruleChanges: Partial<RuleSettings> = {}) {
  return buildDashboard(indicators, {
    settings: { ...defaultSettings(), rules: rules(ruleChanges) },
    cutoff: "2023-03",
    produced: "2024-01-10",
    diagnostics: [],
  });
}

const year = period("2022/23", "2022-04-01", "2023-03-31");
const benchmarks = {
  comparators: [
    { label: "Scottish average", value: 0.7, cell: "H5" },
    { label: "Family group average", value: 0.75, cell: "I5" },
  ],
  rank: 4,
  rankOf: 32,
  quartile: 1,
} as Partial<Observation>;

describe("comparison with other councils", () => {
  it("says, with the polarity, whether the result is better or worse than each average, its quartile and its rank", () => {
    const r = build([indicator({ frequency: "year", series: [obs(year, { actual: 0.72, ...benchmarks })] })]).indicators[0];
    assert.deepEqual(
      r?.comparisons.map((c) => [c.label, c.value, c.position, c.words]),
      [
        ["Scottish average", 0.7, "BETTER", "better than the Scottish average (70.0%)"],
        ["Family group average", 0.75, "WORSE", "worse than the family group average (75.0%)"],
      ],
    );
    assert.deepEqual(r?.rank, { rank: 4, of: 32, words: "ranked 4 of 32" });
    assert.deepEqual(r?.quartile, { quartile: 1, words: "top quartile" });
  });

  it("calls a lower figure better when lower is better", () => {
    const cost = indicator({
      frequency: "year",
      polarity: "lower",
      unit: "money",
      series: [obs(year, { actual: 5200, comparators: [{ label: "National average", value: 5600, cell: "H6" }] } as Partial<Observation>)],
    });
    assert.equal(build([cost]).indicators[0]?.comparisons[0]?.words, "better than the national average (£5,600)");
  });

  it("has no comparisons when the sheet gives none", () => {
    const r = build([indicator({ frequency: "year", series: [obs(year, { actual: 0.72, target: 0.7 })] })]).indicators[0];
    assert.deepEqual(r?.comparisons, []);
    assert.equal(r?.rank, null);
    assert.equal(r?.quartile, null);
  });

  it("uses the first comparator as the target where the council has none, when asked, and says so in the reason", () => {
    const none = indicator({ frequency: "year", series: [obs(year, { actual: 0.72, ...benchmarks })] });
    const off = build([none]).indicators[0];
    assert.equal(off?.rag, "NO_TARGET");
    const on = build([none], { comparatorAsTarget: true } as Partial<RuleSettings>).indicators[0];
    assert.equal(on?.rag, "GREEN");
    assert.equal(on?.target, 0.7);
    assert.equal(on?.targetFrom, "Scottish average");
    assert.equal(on?.reason, "2.0 percentage points above the Scottish average of 70.0% (used as the target, as there is none)");
  });

  it("keeps the council's own target when it has one, even when asked to use the comparator", () => {
    const own = indicator({ frequency: "year", series: [obs(year, { actual: 0.72, target: 0.8, floor: 0.6, ...benchmarks })] });
    const r = build([own], { comparatorAsTarget: true } as Partial<RuleSettings>).indicators[0];
    assert.equal(r?.rag, "AMBER");
    assert.equal(r?.targetFrom, null);
  });

  it("writes guidance that matches the targets used: compared with the Scottish average, not a business plan target", () => {
    const none = indicator({ frequency: "year", series: [obs(year, { actual: 0.72, ...benchmarks })] });
    const text = build([none], { comparatorAsTarget: true } as Partial<RuleSettings>).guidance.join("\n");
    assert.match(text, /compared with the Scottish average/);
    assert.doesNotMatch(text, /have a business plan target and, usually, a floor standard/);
  });
});
