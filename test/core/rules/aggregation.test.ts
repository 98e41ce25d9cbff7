import { strict as assert } from "node:assert";
import { describe, it } from "mocha";
import { mean, presentResults } from "../../../src/core/rules/aggregation";
import { month, obs } from "./indicator-builder";

describe("presentResults", () => {
  it("keeps the results that are there, in period order, and skips missing ones (never zero)", () => {
    const series = [
      obs(month("2012-04"), { actual: 0.7 }),
      obs(month("2012-05")),
      obs(month("2012-06"), { actual: 0 }),
      obs(month("2012-07"), { actual: 0.9 }),
    ];
    assert.deepEqual(presentResults(series), [0.7, 0, 0.9]);
  });

  it("gives no results for a series without any, so their mean is missing", () => {
    const results = presentResults([obs(month("2012-04")), obs(month("2012-05"))]);
    assert.deepEqual(results, []);
    assert.equal(mean(results), null);
  });
});
