import assert from "node:assert/strict";
import { describe, it } from "mocha";
import { parseFrequencyYears, saysMonitorOnly, saysYearToDate } from "../../../src/core/detection/scheme-text";

describe("scheme text", () => {
  describe("saysMonitorOnly", () => {
    for (const words of ["Data only", "Info only", "Monitor", "Monitor only", "Contextual", "Tracking", "For information"]) {
      it(`reads "${words}" as monitor only`, () => assert.equal(saysMonitorOnly(words), true));
    }
    for (const words of ["Target", "80%", "No target", "", "KPI"]) {
      it(`does not read "${words}" as monitor only`, () => assert.equal(saysMonitorOnly(words), false));
    }
  });

  describe("parseFrequencyYears", () => {
    it("reads how many years lie between results: 2 yearly, biennial, every two years, triennial", () => {
      assert.equal(parseFrequencyYears("2 yearly"), 2);
      assert.equal(parseFrequencyYears("Biennial"), 2);
      assert.equal(parseFrequencyYears("Every two years"), 2);
      assert.equal(parseFrequencyYears("Triennial"), 3);
      assert.equal(parseFrequencyYears("Monthly"), null);
    });
  });

  describe("saysYearToDate", () => {
    it("says when a name or frequency says the figures are already year to date", () => {
      for (const words of ["Apprenticeships started (YTD)", "Businesses advised - cumulative", "Visits so far this year", "Monthly (year to date)"]) {
        assert.equal(saysYearToDate(words), true, words);
      }
      assert.equal(saysYearToDate("Visits to libraries"), false);
    });
  });
});
