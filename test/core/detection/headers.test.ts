import assert from "node:assert/strict";
import { describe, it } from "mocha";
import { normaliseHeader, roleOfHeader } from "../../../src/core/detection/headers";
import type { ColumnRole } from "../../../src/core/settings";

describe("roleOfHeader", () => {
  const cases: [string, ColumnRole | null][] = [
    ["Ref", "ref"], ["PI Code", "ref"], ["KPI No.", "ref"], ["Indicator", "name"], ["Performance Indicator", "name"],
    ["Measure", "name"], ["KPI", "name"], ["Service Area", "serviceArea"], ["Directorate", "serviceArea"],
    ["Better if", "polarity"], ["Good performance is", "polarity"], ["Higher or lower is better?", "polarity"],
    ["BP target", "target"], ["Business Plan Target", "target"], ["Target 2012/13", "target"], ["Annual target (2012-13)", "target"],
    ["Floor Standard", "floor"], ["Minimum standard", "floor"], ["Expected activity", "expected"], ["BP forecast", "expected"],
    ["Lower threshold", "lower"], ["Upper limit", "upper"], ["Comments", "commentary"], ["Outturn", "actual"],
    ["Month", "period"], ["Quarter", "period"], ["YTD method", "aggregation"], ["Include in dashboard", "included"],
    ["YTD actual", "ignore"], ["RAG", "ignore"], ["Direction of travel", "ignore"], ["Previous year", "ignore"],
    ["Apr-12", null], ["2012/13", null], ["Widgets", null], ["", null],
  ];
  for (const [text, role] of cases) it(`reads "${text}" as ${role ?? "no role"}`, () => assert.equal(roleOfHeader(text), role));
});

describe("normaliseHeader", () => {
  it("ignores case, punctuation and spacing", () => assert.equal(normaliseHeader("  KPI  No. "), "kpi no"));
  it("reads & as and", () => assert.equal(normaliseHeader("Service & Area"), "service and area"));
});
