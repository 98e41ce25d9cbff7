import assert from "node:assert/strict";
import { isLate } from "../../../src/core/layout/late-data";

const period = (start: string, end: string) => ({ label: "", start, end });

describe("late data", () => {
  it("allows a month's grace: December is not late on a January dashboard, November is", () => {
    assert.equal(isLate({ frequency: "month", period: period("2012-12-01", "2012-12-31") }, "2013-01"), false);
    assert.equal(isLate({ frequency: "month", period: period("2012-11-01", "2012-11-30") }, "2013-01"), true);
  });

  it("calls Q2 late on a January dashboard, when Q3 (to December) is due", () => {
    assert.equal(isLate({ frequency: "quarter", period: period("2012-07-01", "2012-09-30") }, "2013-01"), true);
    assert.equal(isLate({ frequency: "quarter", period: period("2012-10-01", "2012-12-31") }, "2013-01"), false);
  });

  it("judges an annual figure by its own year end (academic or financial)", () => {
    assert.equal(isLate({ frequency: "year", period: period("2011-09-01", "2012-08-31") }, "2013-01"), false);
    assert.equal(isLate({ frequency: "year", period: period("2010-04-01", "2011-03-31") }, "2013-01"), true);
  });

  it("never calls an indicator without a period late", () => {
    assert.equal(isLate({ frequency: "month", period: null }, "2013-01"), false);
  });
});
