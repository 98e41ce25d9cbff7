import { strict as assert } from "node:assert";
import { describe, it } from "mocha";
import {
  isoToSerial,
  lastDayOfMonth,
  monthLongName,
  monthNumberOf,
  monthPeriod,
  monthsBetween,
  previousMonth,
  quarterOfReportingYear,
  quarterPeriod,
  quarterPeriodOf,
  reportingYearFirstMonth,
  reportingYearInWords,
  reportingYearStartYear,
  rollingPeriod,
  serialToIso,
  yearPeriod,
  yearPeriodLabel,
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

  it("places January 2013 in the financial year 2012/13 and March 2012 in 2011/12, by the year each starts in", () => {
    assert.equal(reportingYearStartYear(n("2013-01"), 4), 2012);
    assert.equal(reportingYearStartYear(n("2012-04"), 4), 2012);
    assert.equal(reportingYearStartYear(n("2012-03"), 4), 2011);
  });

  it("finds the first month of the reporting year: April 2012 for January 2013", () => {
    assert.equal(reportingYearFirstMonth(n("2013-01"), 4), n("2012-04"));
    assert.equal(reportingYearFirstMonth(n("2012-04"), 4), n("2012-04"));
  });

  it("names financial, academic and calendar years in words", () => {
    assert.equal(reportingYearInWords(2012, 4), "2012/13");
    assert.equal(reportingYearInWords(2012, 9), "2012/13 academic year");
    assert.equal(reportingYearInWords(1999, 4), "1999/00");
    assert.equal(reportingYearInWords(2012, 1), "2012");
  });

  it("labels a year as periods carry it, with no word for the academic year", () => {
    assert.equal(yearPeriodLabel(2012, 4), "2012/13");
    assert.equal(yearPeriodLabel(2012, 9), "2012/13");
    assert.equal(yearPeriodLabel(1999, 4), "1999/00");
    assert.equal(yearPeriodLabel(2012, 1), "2012");
  });

  it("numbers quarters of the reporting year", () => {
    assert.equal(quarterOfReportingYear(n("2012-06"), 4), 1);
    assert.equal(quarterOfReportingYear(n("2012-12"), 4), 3);
    assert.equal(quarterOfReportingYear(n("2013-03"), 4), 4);
    assert.equal(quarterOfReportingYear(n("2012-11"), 9), 1);
  });

  it("gives the quarter containing a month as a period: December 2012 is Q3 2012/13, March 2013 is Q4 2012/13", () => {
    assert.deepEqual(quarterPeriodOf(n("2012-12"), 4), quarterPeriod(2012, 3, 4));
    assert.deepEqual(quarterPeriodOf(n("2013-03"), 4), quarterPeriod(2012, 4, 4));
    assert.deepEqual(quarterPeriodOf(n("2012-11"), 9), quarterPeriod(2012, 1, 9));
  });

  it("names months in full", () => {
    assert.equal(monthLongName(n("2012-12")), "December 2012");
  });

  it("rejects text that is not a date", () => {
    assert.equal(monthNumberOf("Dec 2012"), null);
    assert.equal(monthNumberOf("2012-13"), null);
  });

  describe("serialToIso and isoToSerial", () => {
    // Worked by hand: 2000-01-01 is 36526; 13 years with 4 leap days later is 41275 (2013-01-01); +30 days.
    const cases: [number, string][] = [
      [41305, "2013-01-31"],
      [36526, "2000-01-01"],
      [41000, "2012-04-01"],
      [61, "1900-03-01"],
      [59, "1900-02-28"],
      [1, "1900-01-01"],
    ];
    for (const [serial, iso] of cases) {
      it(`converts serial ${serial} to ${iso} and back`, () => {
        assert.equal(serialToIso(serial), iso);
        assert.equal(isoToSerial(iso), serial);
      });
    }
    it("drops the time of day", () => assert.equal(serialToIso(41305.75), "2013-01-31"));
    it("gives NaN for text that is not an ISO date", () => assert.ok(Number.isNaN(isoToSerial("31/01/2013"))));
  });

  describe("period builders", () => {
    it("builds a month with its last day, leap years included", () => {
      assert.deepEqual(monthPeriod(2012, 2), { label: "Feb 2012", start: "2012-02-01", end: "2012-02-29" });
    });
    it("builds quarter 3 of the financial year 2012/13 as October to December 2012", () => {
      assert.deepEqual(quarterPeriod(2012, 3, 4), { label: "Q3 2012/13", start: "2012-10-01", end: "2012-12-31" });
    });
    it("builds quarter 4 of the financial year 2012/13 as January to March 2013", () => {
      assert.deepEqual(quarterPeriod(2012, 4, 4), { label: "Q4 2012/13", start: "2013-01-01", end: "2013-03-31" });
    });
    it("builds a calendar quarter when the year starts in January", () => {
      assert.deepEqual(quarterPeriod(2012, 4, 1), { label: "Q4 2012", start: "2012-10-01", end: "2012-12-31" });
    });
    it("builds the academic year 2012/13 as September 2012 to August 2013", () => {
      assert.deepEqual(yearPeriod(2012, 9), { label: "2012/13", start: "2012-09-01", end: "2013-08-31" });
    });
    it("labels the year 1999/00 with two digits", () => assert.equal(yearPeriod(1999, 4).label, "1999/00"));
    it("builds 12 months to Dec 2012 as the calendar year 2012", () => {
      assert.deepEqual(rollingPeriod(2012, 12), { label: "12 months to Dec 2012", start: "2012-01-01", end: "2012-12-31" });
    });
    it("builds 12 months to Mar 2013 from April 2012", () => assert.equal(rollingPeriod(2013, 3).start, "2012-04-01"));
  });
});
