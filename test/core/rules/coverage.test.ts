import { strict as assert } from "node:assert";
import { describe, it } from "mocha";
import { describeCoverage } from "../../../src/core/rules/coverage";
import { month, period, result } from "./indicator-builder";

describe("describeCoverage", () => {
  it("names the most common month and a later one where available", () => {
    const results = [
      result({ period: month("2012-12") }),
      result({ period: month("2012-12") }),
      result({ period: month("2013-01") }),
      result({ period: period("Q2 2012/13", "2012-07-01", "2012-09-30"), frequency: "quarter" }),
    ];
    assert.equal(describeCoverage(results, "2013-01", 4), "Results up to the end of December 2012 and, where available, January 2013");
  });

  it("names one month when all share it", () => {
    assert.equal(describeCoverage([result({ period: month("2013-01") })], "2013-01", 4), "Results up to the end of January 2013");
  });

  it("adds the quarter when the main month's indicators are all quarterly", () => {
    const q3 = result({ frequency: "quarter", period: period("Q3 2012/13", "2012-10-01", "2012-12-31") });
    assert.equal(describeCoverage([q3, q3], "2013-01", 4), "Results up to the end of December 2012 (quarter 3)");
  });

  it("adds the year when the main month's indicators are all annual", () => {
    const year = result({ frequency: "year", period: period("2011/12", "2011-04-01", "2012-03-31") });
    assert.equal(describeCoverage([year], "2013-01", 4), "Results up to the end of March 2012 (2011/12)");
  });

  it("takes the later month on a tie, and ignores excluded, stale and missing results", () => {
    const results = [
      result({ period: month("2012-11") }),
      result({ period: month("2012-12") }),
      result({ period: month("2013-01"), excluded: "not included" }),
      result({ period: month("2013-01"), stale: true }),
      result({ period: month("2013-01"), actual: null }),
    ];
    assert.equal(describeCoverage(results, "2013-01", 4), "Results up to the end of December 2012");
  });

  it("says when there are no results", () => {
    assert.equal(describeCoverage([result({ actual: null })], "2013-01", 4), "No results up to the end of January 2013");
  });
});
