import assert from "node:assert/strict";
import { describe, it } from "mocha";
import { isDateFormat, parsePeriod } from "../../../src/core/detection/period-text";

describe("period text", () => {
  describe("isDateFormat", () => {
    for (const fmt of ["mmm-yy", "dd/mm/yyyy", "[$-809]mmmm yyyy", "d-mmm", "yyyy-mm-dd", "mmmm", "dd/mm/yyyy hh:mm"]) {
      it(`treats ${fmt} as a date`, () => assert.equal(isDateFormat(fmt), true));
    }
    for (const fmt of ["General", "0%", "0.0%", "#,##0", "£#,##0.00", "@", "h:mm", "[h]:mm:ss", '0 "days"', "0.00E+00", "[Red]#,##0;[Blue]-#,##0"]) {
      it(`does not treat ${fmt} as a date`, () => assert.equal(isDateFormat(fmt), false));
    }
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

describe("period text of benchmarking sources", () => {
  it("reads a multi-year span such as 2012-15 as three reporting years", () => {
    const p = parsePeriod("2012-15", "General", 4);
    assert.equal(p?.frequency, "multiYear");
    assert.deepEqual(p?.period, { label: "2012-15", start: "2012-04-01", end: "2015-03-31" });
  });

  it("reads 2018-20 as a two-year span and 2012-2015 as a three-year one", () => {
    assert.deepEqual(parsePeriod("2018-20", "General", 4)?.period, { label: "2018-20", start: "2018-04-01", end: "2020-03-31" });
    assert.deepEqual(parsePeriod("2012-2015", "General", 4)?.period, { label: "2012-15", start: "2012-04-01", end: "2015-03-31" });
  });

  it("reads a quarter written 2018-19;Q1 as 2018-19 Q1 is read", () => {
    assert.deepEqual(parsePeriod("2018-19;Q1", "General", 4), parsePeriod("2018-19 Q1", "General", 4));
    assert.equal(parsePeriod("2018-19;Q1", "General", 4)?.period.label, "Q1 2018/19");
  });

  it("reads 2010-12 as December 2010 on its own, and as a two-year span when its row is of years", () => {
    assert.equal(parsePeriod("2010-12", "General", 4)?.period.label, "Dec 2010");
    const span = parsePeriod("2010-12", "General", 4, "span");
    assert.equal(span?.frequency, "multiYear");
    assert.deepEqual(span?.period, { label: "2010-12", start: "2010-04-01", end: "2012-03-31" });
  });

  it("never reads a span whose end is not after its start, nor one longer than ten years", () => {
    assert.equal(parsePeriod("2012-05", "General", 4, "span")?.period.label, "May 2012");
    assert.equal(parsePeriod("2000-15", "General", 4), null);
  });
});
