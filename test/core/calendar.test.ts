import { strict as assert } from "node:assert";
import { describe, it } from "mocha";
import {
  lastDayOfMonth,
  monthLongName,
  monthNumberOf,
  monthsBetween,
  previousMonth,
  quarterOfReportingYear,
  reportingYearLabel,
  reportingYearOf,
} from "../../src/core/calendar";

const n = (key: string): number => monthNumberOf(key) ?? Number.NaN;

describe("calendar", () => {
  it("counts months between dates across a year end", () => {
    assert.equal(monthsBetween("2011-12-31", "2013-01"), 13);
    assert.equal(monthsBetween("2013-01-31", "2012-12"), -1);
  });

  it("finds the previous month across a year end", () => {
    assert.equal(previousMonth("2013-01"), "2012-12");
  });

  it("finds the last day of February in leap and common years", () => {
    assert.equal(lastDayOfMonth(n("2012-02")), "2012-02-29");
    assert.equal(lastDayOfMonth(n("2013-02")), "2013-02-28");
  });

  it("places January 2013 in the financial year 2012/13 and March 2012 in 2011/12", () => {
    assert.equal(reportingYearOf(n("2013-01"), 4), 2012);
    assert.equal(reportingYearOf(n("2012-04"), 4), 2012);
    assert.equal(reportingYearOf(n("2012-03"), 4), 2011);
  });

  it("labels financial, academic and calendar years", () => {
    assert.equal(reportingYearLabel(2012, 4), "2012/13");
    assert.equal(reportingYearLabel(2012, 9), "2012/13 academic year");
    assert.equal(reportingYearLabel(1999, 4), "1999/00");
    assert.equal(reportingYearLabel(2012, 1), "2012");
  });

  it("numbers quarters of the reporting year", () => {
    assert.equal(quarterOfReportingYear(n("2012-06"), 4), 1);
    assert.equal(quarterOfReportingYear(n("2012-12"), 4), 3);
    assert.equal(quarterOfReportingYear(n("2013-03"), 4), 4);
    assert.equal(quarterOfReportingYear(n("2012-11"), 9), 1);
  });

  it("names months in full", () => {
    assert.equal(monthLongName(n("2012-12")), "December 2012");
  });

  it("rejects text that is not a date", () => {
    assert.equal(monthNumberOf("Dec 2012"), null);
    assert.equal(monthNumberOf("2012-13"), null);
  });
});
