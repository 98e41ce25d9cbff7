import assert from "node:assert/strict";
import { describe, it } from "mocha";
import { isDateFormat, isoToSerial, monthPeriod, parsePeriod, quarterPeriod, rollingPeriod, serialToIso, yearPeriod } from "../../../src/core/detection/period-text";

describe("periods", () => {
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

  describe("isDateFormat", () => {
    for (const fmt of ["mmm-yy", "dd/mm/yyyy", "[$-809]mmmm yyyy", "d-mmm", "yyyy-mm-dd", "mmmm", "dd/mm/yyyy hh:mm"]) {
      it(`treats ${fmt} as a date`, () => assert.equal(isDateFormat(fmt), true));
    }
    for (const fmt of ["General", "0%", "0.0%", "#,##0", "£#,##0.00", "@", "h:mm", "[h]:mm:ss", '0 "days"', "0.00E+00", '[Red]#,##0;[Blue]-#,##0']) {
      it(`does not treat ${fmt} as a date`, () => assert.equal(isDateFormat(fmt), false));
    }
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

  describe("parsePeriod", () => {
    type Case = [string | number, string, number, string | null, string | null];
    // [value, number format, year start month, expected label, expected frequency]
    const cases: Case[] = [
      [41305, "mmm-yy", 4, "Jan 2013", "month"],
      [41305, "dd/mm/yyyy", 4, "Jan 2013", "month"],
      [41000, "[$-809]mmmm yyyy", 4, "Apr 2012", "month"],
      [41305, "General", 4, null, null],
      [2012, "General", 4, "2012", "year"],
      ["Apr-12", "General", 4, "Apr 2012", "month"],
      ["Apr 12", "General", 4, "Apr 2012", "month"],
      ["April 2012", "General", 4, "Apr 2012", "month"],
      ["Sept 2012", "General", 4, "Sep 2012", "month"],
      ["Jan 2013", "General", 4, "Jan 2013", "month"],
      ["2012-04", "General", 4, "Apr 2012", "month"],
      ["01/04/2012", "General", 4, "Apr 2012", "month"],
      ["1 April 2012", "General", 4, "Apr 2012", "month"],
      ["Q3 2012/13", "General", 4, "Q3 2012/13", "quarter"],
      ["Q1 14/15", "General", 4, "Q1 2014/15", "quarter"],
      ["Q2 2012-13", "General", 4, "Q2 2012/13", "quarter"],
      ["Quarter 2 2012/13", "General", 4, "Q2 2012/13", "quarter"],
      ["Q4 2012", "General", 4, "Q4 2012/13", "quarter"],
      ["2012/13 Q3", "General", 4, "Q3 2012/13", "quarter"],
      ["2011/12", "General", 4, "2011/12", "year"],
      ["2012-13", "General", 4, "2012/13", "year"],
      ["2012–13", "General", 4, "2012/13", "year"],
      ["2011/2012", "General", 4, "2011/12", "year"],
      ["FY 2012/13", "General", 4, "2012/13", "year"],
      ["2012", "General", 4, "2012", "year"],
      ["12 months to Dec 2012", "General", 4, "12 months to Dec 2012", "rolling12"],
      ["Rolling 12m Dec-12", "General", 4, "12 months to Dec 2012", "rolling12"],
      ["Rolling 12 months to Mar 2013", "General", 4, "12 months to Mar 2013", "rolling12"],
      ["2011/13", "General", 4, null, null],
      ["Q3", "General", 4, null, null],
      ["Month 13", "General", 4, null, null],
      ["Target", "General", 4, null, null],
      ["", "General", 4, null, null],
      ["13/2012", "General", 4, null, null],
    ];
    for (const [value, fmt, start, label, frequency] of cases) {
      it(`reads ${JSON.stringify(value)} (${fmt}) as ${label ?? "not a period"}`, () => {
        const parsed = parsePeriod(value, fmt, start);
        assert.equal(parsed?.period.label ?? null, label);
        assert.equal(parsed?.frequency ?? null, frequency);
      });
    }
    it("puts Q4 2012 in January to March 2013 (the financial year that starts in 2012)", () => {
      assert.deepEqual(parsePeriod("Q4 2012", "General", 4)?.period, { label: "Q4 2012/13", start: "2013-01-01", end: "2013-03-31" });
    });
    it("reads 2012/13 as September to August when the year starts in September", () => {
      const parsed = parsePeriod("2012/13", "General", 9);
      assert.equal(parsed?.period.start, "2012-09-01");
      assert.equal(parsed?.period.end, "2013-08-31");
    });
    it("reads Q1 of an academic year as September to November", () => {
      const parsed = parsePeriod("Q1 2012/13", "General", 9);
      assert.equal(parsed?.period.start, "2012-09-01");
      assert.equal(parsed?.period.end, "2012-11-30");
    });
    it("reads a bare year as the calendar year whatever the year start", () => {
      const parsed = parsePeriod("2012", "General", 4);
      assert.equal(parsed?.period.start, "2012-01-01");
      assert.equal(parsed?.period.end, "2012-12-31");
    });
    it("ignores booleans and non-finite numbers", () => {
      assert.equal(parsePeriod(true, "General", 4), null);
      assert.equal(parsePeriod(Number.NaN, "mmm-yy", 4), null);
      assert.equal(parsePeriod(-5, "mmm-yy", 4), null);
    });
  });
});
