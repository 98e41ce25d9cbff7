import { strict as assert } from "node:assert";
import { describe, it } from "mocha";
import type { Position } from "../../../src/core/dashboard";
import { compareWithForecast } from "../../../src/core/rules/forecast";
import { rules } from "./indicator-builder";

describe("compareWithForecast", () => {
  const table: [string, number, number | null, number | null, number | null, Position | null][] = [
    // why, actual, expected, lower, upper, position
    ["inside the thresholds", 15000, 15000, 14000, 16000, "WITHIN"],
    ["exactly on the lower threshold", 14000, 15000, 14000, 16000, "WITHIN"],
    ["exactly on the upper threshold", 16000, 15000, 14000, 16000, "WITHIN"],
    ["just under the lower threshold", 13999, 15000, 14000, 16000, "BELOW"],
    ["just over the upper threshold", 16001, 15000, 14000, 16000, "ABOVE"],
    // No thresholds: the default 10% of 1,000 either side, 900 to 1,100.
    ["within 10% of the forecast", 1100, 1000, null, null, "WITHIN"],
    ["more than 10% over the forecast", 1101, 1000, null, null, "ABOVE"],
    ["more than 10% under the forecast", 899, 1000, null, null, "BELOW"],
    ["with only a lower threshold from the sheet", 1150, 1000, 950, null, "ABOVE"],
    ["with no forecast and no thresholds", 1000, null, null, null, null],
  ];
  for (const [why, actual, expected, lower, upper, position] of table) {
    it(`places a result ${why} as ${position ?? "no position"}`, () => {
      assert.equal(compareWithForecast({ actual, expected, lower, upper, unit: "count" }, rules()).position, position);
    });
  }

  it("gives the variance from expected, absolute and as a fraction", () => {
    const { variance } = compareWithForecast({ actual: 13500, expected: 15000, lower: 14000, upper: 16000, unit: "count" }, rules());
    assert.deepEqual(variance, { absolute: -1500, percent: -0.1 });
  });

  it("gives no percentage variance when expected is zero", () => {
    const { variance, position } = compareWithForecast({ actual: 3, expected: 0, lower: 0, upper: 2, unit: "count" }, rules());
    assert.deepEqual(variance, { absolute: 3, percent: null });
    assert.equal(position, "ABOVE");
  });

  it("explains a result below the range in words", () => {
    const { reason } = compareWithForecast({ actual: 13500, expected: 15000, lower: 14000, upper: 16000, unit: "count" }, rules());
    assert.equal(reason, "1,500 (10%) below the expected 15,000, under the expected range of 14,000 to 16,000");
  });

  it("uses an absolute activity tolerance", () => {
    const r = rules({ activityTolerance: { kind: "absolute", value: 50 } });
    assert.equal(compareWithForecast({ actual: 1051, expected: 1000, lower: null, upper: null, unit: "count" }, r).position, "ABOVE");
    assert.equal(compareWithForecast({ actual: 1050, expected: 1000, lower: null, upper: null, unit: "count" }, r).position, "WITHIN");
  });

  it("gives no position for a missing result", () => {
    const out = compareWithForecast({ actual: null, expected: 1000, lower: 900, upper: 1100, unit: "count" }, rules());
    assert.equal(out.position, null);
    assert.equal(out.variance, null);
    assert.equal(out.reason, "No result for this period");
  });
});

describe("compareWithForecast reasons", () => {
  it("rounds the percentage variance to one decimal and says over the range", () => {
    const { reason } = compareWithForecast({ actual: 1248900, expected: 1110000, lower: 999000, upper: 1221000, unit: "count" }, rules());
    // 138,900 / 1,110,000 = 12.513…%
    assert.equal(reason, "138,900 (12.5%) above the expected 1,110,000, over the expected range of 999,000 to 1,221,000");
  });

  it("says when the thresholds come from the activity tolerance", () => {
    const { reason } = compareWithForecast({ actual: 1000, expected: 1000, lower: null, upper: null, unit: "count" }, rules());
    assert.equal(
      reason,
      "Equal to the expected 1,000, within the expected range of 900 to 1,100 (thresholds of 10% of the forecast where the sheet gives none)",
    );
  });
});
