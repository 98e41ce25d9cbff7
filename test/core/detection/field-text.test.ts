import assert from "node:assert/strict";
import { describe, it } from "mocha";
import { parseAggregation, parseExcluded, parseFrequency, parseKind, parsePolarity, parseTolerance } from "../../../src/core/detection/field-text";

describe("field text", () => {
  describe("parsePolarity", () => {
    const cases: [string, string | null][] = [
      ["Higher", "higher"],
      ["High", "higher"],
      ["Higher is better", "higher"],
      ["Up", "higher"],
      ["Lower", "lower"],
      ["Low", "lower"],
      ["Lower is better", "lower"],
      ["Down", "lower"],
      ["Target", "target"],
      ["Close to target", "target"],
      ["On target", "target"],
      ["Sideways", null],
      ["", null],
    ];
    for (const [text, p] of cases) it(`reads "${text}" as ${p ?? "unknown"}`, () => assert.equal(parsePolarity(text), p));
  });

  describe("parseFrequency", () => {
    const cases: [string, string | null][] = [
      ["Monthly", "month"],
      ["Quarterly", "quarter"],
      ["Annual", "year"],
      ["Annually", "year"],
      ["Rolling 12 months", "rolling12"],
      ["12 month rolling", "rolling12"],
      ["Fortnightly", null],
    ];
    for (const [text, f] of cases) it(`reads "${text}" as ${f ?? "unknown"}`, () => assert.equal(parseFrequency(text), f));
  });

  describe("parseExcluded", () => {
    it("gives the reason after No -", () => assert.equal(parseExcluded("No - data under review"), "data under review"));
    it("gives a standard reason for a bare No", () => assert.equal(parseExcluded("No"), "Not included in this iteration."));
    it("treats Yes and blank as included", () => {
      assert.equal(parseExcluded("Yes"), null);
      assert.equal(parseExcluded(""), null);
    });
    it("treats FALSE as excluded", () => assert.equal(parseExcluded(false), "Not included in this iteration."));
    it("does not read a word starting with 'no' as No", () => assert.equal(parseExcluded("Normal"), null));
  });

  describe("parseAggregation, parseTolerance and parseKind", () => {
    it("reads YTD methods", () => {
      assert.deepEqual(["Sum", "Average", "Rate over totals", "Point in time", "?"].map(parseAggregation), ["sum", "mean", "ratio", "latest", null]);
    });
    it("reads 5% as a percentage of target and 2 as an absolute margin", () => {
      assert.deepEqual(parseTolerance("5%", "General"), { kind: "percent", value: 0.05 });
      assert.deepEqual(parseTolerance(0.05, "0%"), { kind: "percent", value: 0.05 });
      assert.deepEqual(parseTolerance(2, "General"), { kind: "absolute", value: 2 });
      assert.equal(parseTolerance("some", "General"), null);
    });
    it("reads indicator types", () => {
      assert.deepEqual(["Activity", "KPI", "Other"].map(parseKind), ["activity", "kpi", null]);
    });
  });
});

describe("field text of councils' published schemes", () => {
  it("reads the polarity words of benchmarking sources: Ascending is lower, Descending higher, Goldilocks close to a midpoint", () => {
    assert.equal(parsePolarity("Ascending"), "lower");
    assert.equal(parsePolarity("Descending"), "higher");
    assert.equal(parsePolarity("Goldilocks"), "target");
  });

  it("reads a frequency of every two years as annual periods", () => {
    assert.equal(parseFrequency("2 yearly"), "year");
    assert.equal(parseFrequency("Biennial"), "year");
  });

  it("reads an aggregation that says the figures are already year to date as the latest figure", () => {
    for (const words of ["Cumulative", "YTD", "Year to date", "Cumulative YTD"]) assert.equal(parseAggregation(words), "latest", words);
    assert.equal(parseAggregation("Sum"), "sum");
  });
});
