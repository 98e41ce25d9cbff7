import { strict as assert } from "node:assert";
import { describe, it } from "mocha";
import { isStale, staleReason } from "../../../src/core/rules/stale";
import { month, period } from "./indicator-builder";

describe("isStale", () => {
  it("flags a monthly result more than 12 months before the end of the cut-off month", () => {
    assert.equal(isStale(month("2011-12"), "2013-01"), true);
    assert.equal(isStale(month("2012-01"), "2013-01"), false);
    assert.equal(isStale(month("2013-01"), "2013-01"), false);
  });

  it("judges an annual result by the end of its year", () => {
    assert.equal(isStale(period("2010/11", "2010-04-01", "2011-03-31"), "2013-01"), true);
    assert.equal(isStale(period("2011/12", "2011-04-01", "2012-03-31"), "2013-01"), false);
  });

  it("says how old the result is", () => {
    assert.equal(staleReason(period("2010/11", "2010-04-01", "2011-03-31")), "Latest result (2010/11) is more than a year old");
  });
});

describe("isStale with an indicator's own limit", () => {
  it("lets a result published every two years be up to 24 months old", () => {
    const old = period("2010/11", "2010-04-01", "2011-03-31");
    assert.equal(isStale(old, "2012-12"), true);
    assert.equal(isStale(old, "2012-12", 24), false);
    assert.equal(isStale(old, "2013-04", 24), true);
  });

  it("says how old the result is in years when the limit is longer than one", () => {
    assert.equal(staleReason(period("2008/09", "2008-04-01", "2009-03-31"), 24), "Latest result (2008/09) is more than 2 years old");
  });
});
