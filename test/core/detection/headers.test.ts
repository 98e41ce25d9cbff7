import assert from "node:assert/strict";
import { describe, it } from "mocha";
import { normaliseHeader, roleOfHeader } from "../../../src/core/detection/headers";
import type { ColumnRole } from "../../../src/core/settings";

describe("roleOfHeader", () => {
  const cases: [string, ColumnRole | null][] = [
    ["Ref", "ref"],
    ["PI Code", "ref"],
    ["KPI No.", "ref"],
    ["Indicator", "name"],
    ["Performance Indicator", "name"],
    ["Measure", "name"],
    ["KPI", "name"],
    ["Service Area", "serviceArea"],
    ["Directorate", "serviceArea"],
    ["Better if", "polarity"],
    ["Good performance is", "polarity"],
    ["Higher or lower is better?", "polarity"],
    ["BP target", "target"],
    ["Business Plan Target", "target"],
    ["Target 2012/13", "target"],
    ["Annual target (2012-13)", "target"],
    ["Floor Standard", "floor"],
    ["Minimum standard", "floor"],
    ["Expected activity", "expected"],
    ["BP forecast", "expected"],
    ["Lower threshold", "lower"],
    ["Upper limit", "upper"],
    ["Comments", "commentary"],
    ["Outturn", "actual"],
    ["Month", "period"],
    ["Quarter", "period"],
    ["YTD method", "aggregation"],
    ["Include in dashboard", "included"],
    ["YTD actual", "ignore"],
    ["RAG", "ignore"],
    ["Direction of travel", "ignore"],
    ["Previous year", "ignore"],
    ["Apr-12", null],
    ["2012/13", null],
    ["Widgets", null],
    ["", null],
  ];
  for (const [text, role] of cases) it(`reads "${text}" as ${role ?? "no role"}`, () => assert.equal(roleOfHeader(text), role));
});

describe("normaliseHeader", () => {
  it("ignores case, punctuation and spacing", () => assert.equal(normaliseHeader("  KPI  No. "), "kpi no"));
  it("reads & as and", () => assert.equal(normaliseHeader("Service & Area"), "service and area"));
});

describe("roleOfHeader for the columns benchmarking sheets and councils' schemes add", () => {
  const cases: [string, ColumnRole][] = [
    ["National average", "comparator"],
    ["England average", "comparator"],
    ["Scotland average", "comparator"],
    ["Scottish average", "comparator"],
    ["Wales average", "comparator"],
    ["Family group average", "comparator"],
    ["Family group", "comparator"],
    ["Nearest neighbours", "comparator"],
    ["CIPFA nearest neighbours average", "comparator"],
    ["Statistical neighbours", "comparator"],
    ["Comparator", "comparator"],
    ["Benchmark", "comparator"],
    ["Scottish average 2022-23", "comparator"],
    ["Quartile", "quartile"],
    ["Rank", "rank"],
    ["Ranking", "rank"],
    ["Out of", "rankOf"],
    ["Midpoint", "midpoint"],
    ["Green tolerance", "greenTolerance"],
    ["RAG type", "kind"],
    ["Reporting", "kind"],
    ["Stale after (months)", "staleAfter"],
  ] as [string, ColumnRole][];
  for (const [text, role] of cases) it(`reads "${text}" as ${role}`, () => assert.equal(roleOfHeader(text), role));
});
