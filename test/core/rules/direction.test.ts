import { strict as assert } from "node:assert";
import { describe, it } from "mocha";
import type { Dot } from "../../../src/core/dashboard";
import type { Polarity } from "../../../src/core/indicator";
import { directionFromPrevious, directionFromTrend } from "../../../src/core/rules/direction";

describe("directionFromPrevious", () => {
  const table: [string, number | null, number | null, Polarity, number | null, number, Dot | null][] = [
    // why, current, previous, polarity, target, dead band, expected
    ["a rise when higher is better", 0.75, 0.7, "higher", null, 0, "IMPROVED"],
    ["a fall when higher is better", 0.65, 0.7, "higher", null, 0, "WORSENED"],
    ["fewer crimes", 9500, 10000, "lower", null, 0, "IMPROVED"],
    ["more crimes", 10100, 10000, "lower", null, 0, "WORSENED"],
    ["an unchanged figure", 10000, 10000, "lower", null, 0, "SAME"],
    ["percentage noise", 0.70000000001, 0.7, "higher", null, 0, "SAME"],
    ["moving closer to the target from above", 52, 55, "target", 50, 0, "IMPROVED"],
    ["crossing the target to the same distance", 48, 52, "target", 50, 0, "SAME"],
    ["moving away from the target", 45, 48, "target", 50, 0, "WORSENED"],
    ["a close-to-target indicator with no target", 45, 48, "target", null, 0, null],
    ["no previous result", 10, null, "higher", null, 0, null],
    ["no current result", null, 10, "higher", null, 0, null],
    // Dead band 1% of previous 1000 = 10.
    ["a change inside the dead band", 1009, 1000, "higher", null, 0.01, "SAME"],
    ["a change exactly on the dead band", 1010, 1000, "higher", null, 0.01, "SAME"],
    ["a change beyond the dead band", 1011, 1000, "higher", null, 0.01, "IMPROVED"],
    ["a fall beyond the dead band when lower is better", 989, 1000, "lower", null, 0.01, "IMPROVED"],
  ];
  for (const [why, current, previous, polarity, target, deadBand, expected] of table) {
    it(`judges ${why} as ${expected ?? "no arrow"}`, () => {
      assert.equal(directionFromPrevious(current, previous, polarity, target, deadBand), expected);
    });
  }
});

describe("directionFromTrend", () => {
  const points = (values: (number | null)[]) => values.map((actual) => ({ actual, target: null }));

  it("needs at least three results, skipping missing ones", () => {
    assert.equal(directionFromTrend(points([1, null, 2]), "higher", null, 0), null);
    assert.equal(directionFromTrend(points([1, null, 2, 3]), "higher", null, 0), "IMPROVED");
  });

  it("judges a rising line as improved when higher is better and worsened when lower is better", () => {
    // Last value below the previous, but the trend is up: slope 0.9 over 1,2,3,5,4.
    assert.equal(directionFromTrend(points([1, 2, 3, 5, 4]), "higher", null, 0), "IMPROVED");
    assert.equal(directionFromTrend(points([1, 2, 3, 5, 4]), "lower", null, 0), "WORSENED");
  });

  // Symmetric about the middle: the least-squares slope is exactly 0.
  it("treats a flat line as the same", () => {
    assert.equal(directionFromTrend(points([5, 6, 6, 5]), "higher", null, 0), "SAME");
  });

  it("applies the dead band to slope × (n − 1) relative to the mean", () => {
    // 100, 101, 102: slope 1, change over the line 2, mean 101; 2% of 101 = 2.02 ≥ 2 → SAME, 1% → IMPROVED.
    assert.equal(directionFromTrend(points([100, 101, 102]), "higher", null, 0.02), "SAME");
    assert.equal(directionFromTrend(points([100, 101, 102]), "higher", null, 0.01), "IMPROVED");
  });

  it("judges close-to-target by the distance from each period's target", () => {
    const closing = [
      { actual: 60, target: 50 },
      { actual: 56, target: 50 },
      { actual: 53, target: 50 },
    ];
    assert.equal(directionFromTrend(closing, "target", null, 0), "IMPROVED");
  });
});
